"""Python twin of examples/yandex-bucket/index.ts: the same resources, names and tags."""
import pulumi
import pulumi_aws as aws

# Yandex Object Storage speaks the S3 API: reach it with pulumi_aws through a provider whose
# s3 endpoint is Yandex's. Its signing region is ru-central1.
yandex = aws.Provider(
    "yandex",
    region="ru-central1",
    endpoints=[aws.ProviderEndpointArgs(s3="https://storage.yandexcloud.net")],
    skip_credentials_validation=True,
    skip_region_validation=True,
    skip_requesting_account_id=True,
    skip_metadata_api_check=True,
)

bucket = aws.s3.Bucket(
    "customers",
    tags={"user-data": "personal", "data-subjects": "RU"},
    opts=pulumi.ResourceOptions(provider=yandex),
)

pulumi.export("bucket", bucket.bucket)
