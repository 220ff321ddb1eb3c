import * as aws from "@pulumi/aws";

// Yandex Object Storage speaks the S3 API: reach it with @pulumi/aws through a provider whose
// s3 endpoint is Yandex's. Its signing region is ru-central1.
const yandex = new aws.Provider("yandex", {
    region: "ru-central1" as aws.Region,
    endpoints: [{ s3: "https://storage.yandexcloud.net" }],
    skipCredentialsValidation: true,
    skipRegionValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: true,
});

export const bucket = new aws.s3.Bucket("customers", { tags: { "user-data": "personal", "data-subjects": "RU" } }, { provider: yandex }).bucket;
