"""Python twin of examples/frankfurt-bucket/index.ts: the same resource, name and tags."""
import pulumi
import pulumi_aws as aws

# The default aws provider, configured by aws:region in Pulumi.dev.yaml: Frankfurt.
bucket = aws.s3.Bucket("customers", tags={"user-data": "personal", "data-subjects": "RU"})

pulumi.export("bucket", bucket.bucket)
