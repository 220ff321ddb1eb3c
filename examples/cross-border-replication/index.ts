import * as aws from "@pulumi/aws";

// The primary copy is in Yandex Object Storage, in Russia...
const yandex = new aws.Provider("yandex", {
    region: "ru-central1" as aws.Region,
    endpoints: [{ s3: "https://storage.yandexcloud.net" }],
    skipCredentialsValidation: true,
    skipRegionValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: true,
});
const customers = new aws.s3.Bucket("customers", { tags: { "user-data": "personal", "data-subjects": "RU" } }, { provider: yandex });

// ...but a disaster-recovery replica goes to Frankfurt (the default provider, aws:region).
// The replica carries no classification of its own: it receives one through the flow.
const replica = new aws.s3.Bucket("customers-dr", { tags: { purpose: "disaster-recovery" } });

new aws.s3.BucketReplicationConfig(
    "customers-to-frankfurt",
    {
        bucket: customers.id,
        role: "arn:aws:iam::123456789012:role/s3-replication",
        rules: [{ id: "everything", status: "Enabled", destination: { bucket: replica.arn, storageClass: "STANDARD" } }],
    },
    { provider: yandex },
);

export const primary = customers.bucket;
