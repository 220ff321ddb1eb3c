"""Python twin of examples/cross-border-replication/index.ts: the same resources, names and tags."""
import pulumi
import pulumi_aws as aws

# The primary copy is in Yandex Object Storage, in Russia...
yandex = aws.Provider(
    "yandex",
    region="ru-central1",
    endpoints=[aws.ProviderEndpointArgs(s3="https://storage.yandexcloud.net")],
    skip_credentials_validation=True,
    skip_region_validation=True,
    skip_requesting_account_id=True,
    skip_metadata_api_check=True,
)
customers = aws.s3.Bucket(
    "customers",
    tags={"user-data": "personal", "data-subjects": "RU"},
    opts=pulumi.ResourceOptions(provider=yandex),
)

# ...but a disaster-recovery replica goes to Frankfurt (the default provider, aws:region).
# The replica carries no classification of its own: it receives one through the flow.
replica = aws.s3.Bucket("customers-dr", tags={"purpose": "disaster-recovery"})

aws.s3.BucketReplicationConfig(
    "customers-to-frankfurt",
    bucket=customers.id,
    role="arn:aws:iam::123456789012:role/s3-replication",
    rules=[
        aws.s3.BucketReplicationConfigRuleArgs(
            id="everything",
            status="Enabled",
            destination=aws.s3.BucketReplicationConfigRuleDestinationArgs(bucket=replica.arn, storage_class="STANDARD"),
        )
    ],
    opts=pulumi.ResourceOptions(provider=yandex),
)

pulumi.export("primary", customers.bucket)
