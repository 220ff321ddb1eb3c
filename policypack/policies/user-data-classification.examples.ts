import { FRANKFURT_PROVIDER, PolicyExamples, YANDEX_S3_PROVIDER } from "./example-types";

const bucket = "aws:s3/bucket:Bucket";

export const classificationExamples: PolicyExamples = {
    allowed: [
        {
            title: "A bucket that says it holds no user data",
            resource: { type: bucket, name: "assets", props: { tags: { "user-data": "none" } }, provider: FRANKFURT_PROVIDER },
            expect: { level: "none" },
        },
        {
            title: "Tags in label style (GCP and Yandex labels allow only lowercase, - and _)",
            resource: { type: bucket, name: "photos", props: { tags: { user_data: "personal_biometric", data_subjects: "kz_ru" } }, provider: YANDEX_S3_PROVIDER },
            expect: { level: "none" },
        },
        {
            title: "Classified through the provider's defaultTags",
            resource: { type: "aws:sqs/queue:Queue", name: "jobs", props: {}, provider: { props: { region: "eu-west-1", defaultTags: JSON.stringify({ tags: { "user-data": "none" } }) } } },
            expect: { level: "none" },
        },
        {
            title: "An object in a bucket inherits the bucket's classification: it needs no user-data tag of its own (one finding per bucket, not one per file)",
            resource: { type: "aws:s3/bucketObjectv2:BucketObjectv2", name: "site/index.html", props: { bucket: "site", key: "index.html" }, provider: FRANKFURT_PROVIDER },
            expect: { level: "none" },
        },
        {
            title: "A problem in the provider's defaultTags is reported on the bucket, not again on each of its objects",
            resource: {
                type: "aws:s3/bucketObjectv2:BucketObjectv2",
                name: "site/about.html",
                props: { bucket: "site", key: "about.html" },
                provider: { props: { region: "eu-west-1", defaultTags: JSON.stringify({ tags: { "user-data": "pii" } }) } },
            },
            expect: { level: "none" },
        },
        {
            title: "A Yandex managed PostgreSQL cluster classified through labels",
            resource: {
                type: "yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster",
                name: "accounts",
                props: { labels: { user_data: "personal", data_subjects: "ru" }, hosts: [{ zone: "ru-central1-a" }] },
            },
            expect: { level: "none" },
        },
        {
            title: "A Kubernetes Secret classified through an annotation",
            resource: { type: "kubernetes:core/v1:Secret", name: "api-keys", props: { metadata: { name: "api-keys", annotations: { "user-data": "none" } } } },
            expect: { level: "none" },
        },
        {
            title: "A resource that stores nothing needs no tag",
            resource: { type: "aws:iam/role:Role", name: "deployer", props: {}, provider: FRANKFURT_PROVIDER },
            expect: { level: "none" },
        },
    ],
    disallowed: [
        {
            title: "An object's own tag is still its own: an unknown category on the object is reported on the object",
            resource: {
                type: "aws:s3/bucketObjectv2:BucketObjectv2",
                name: "exports/users.csv",
                props: { bucket: "exports", key: "users.csv", tags: { "user-data": "pii" } },
                provider: FRANKFURT_PROVIDER,
            },
            expect: { level: "advisory", code: "RU152-CLS-002", messageIncludes: ['"pii"', "is not a category the pack knows"] },
        },
        {
            title: "A storage resource with no user-data tag",
            resource: { type: bucket, name: "uploads", props: { tags: { team: "web" } }, provider: FRANKFURT_PROVIDER },
            expect: { level: "advisory", code: "RU152-CLS-001", messageIncludes: ['is S3 storage and has no "user-data" tag'] },
        },
        {
            title: "A Kubernetes PersistentVolumeClaim with no user-data label",
            resource: { type: "kubernetes:core/v1:PersistentVolumeClaim", name: "uploads", props: { metadata: { name: "uploads", labels: { app: "web" } } } },
            expect: { level: "advisory", code: "RU152-CLS-001", messageIncludes: ['is Kubernetes persistent volume storage and has no "user-data" tag'] },
        },
        {
            title: "A Google Cloud Storage bucket with no user-data label",
            resource: { type: "gcp:storage/bucket:Bucket", name: "uploads", props: { location: "EU", labels: { team: "web" } } },
            expect: { level: "advisory", code: "RU152-CLS-001", messageIncludes: ['is Cloud Storage storage and has no "user-data" tag'] },
        },
        {
            title: "A category the pack does not know",
            resource: { type: "aws:dynamodb/table:Table", name: "users", props: { tags: { "user-data": "pii" } }, provider: FRANKFURT_PROVIDER },
            expect: { level: "advisory", code: "RU152-CLS-002", messageIncludes: ['"pii", which is not a category the pack knows'] },
        },
        {
            title: "An empty user-data tag says nothing, and is read as personal data",
            resource: { type: bucket, name: "users", props: { tags: { "user-data": "" } }, provider: YANDEX_S3_PROVIDER },
            expect: { level: "advisory", code: "RU152-CLS-003", messageIncludes: ['the "user-data" tag (tag "user-data" in tags) is empty'] },
        },
        {
            title: "A user-data value too long to quote, with words the pack does not know",
            resource: { type: bucket, name: "users", props: { tags: { "user-data": `personal ${"customer-records ".repeat(6)}`.trim() } }, provider: YANDEX_S3_PROVIDER },
            expect: { level: "advisory", code: "RU152-CLS-005", messageIncludes: ["has a value longer than 64 characters", "The value is not shown."] },
        },
        {
            title: "A subject that is not a country code",
            resource: { type: bucket, name: "users", props: { tags: { "user-data": "personal", "data-subjects": "russia" } }, provider: YANDEX_S3_PROVIDER },
            expect: { level: "advisory", code: "RU152-CLS-004", messageIncludes: ['"russia", which is not an ISO 3166-1 country code'] },
        },
        {
            title: "A tag key with a Cyrillic look-alike letter",
            resource: { type: bucket, name: "users", props: { tags: { "user-d\u0430ta": "personal" } }, provider: YANDEX_S3_PROVIDER },
            expect: { level: "advisory", code: "RU152-CLS-006", messageIncludes: ["U+0430 CYRILLIC SMALL LETTER A", 'read as "a"'] },
        },
    ],
};
