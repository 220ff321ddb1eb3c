"""Python twin of examples/default-tags/index.ts: the same resources and names, no tags of their own."""
import pulumi
import pulumi_aws as aws

# No tags here: the stack config gives every resource of the default aws provider the tags
# user-data=personal and data-subjects=RU,KZ (aws:defaultTags).
queue = aws.sqs.Queue("signups", message_retention_seconds=86400)
table = aws.dynamodb.Table(
    "profiles",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
    hash_key="id",
    billing_mode="PAY_PER_REQUEST",
)

pulumi.export("queue", queue.url)
pulumi.export("table", table.name)
