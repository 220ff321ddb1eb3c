import { FRANKFURT_PROVIDER, StackPolicyExamples, UNKNOWN, YANDEX_S3_PROVIDER } from "./example-types";

const personalRu = { "user-data": "personal", "data-subjects": "RU" };
const bucket = "aws:s3/bucket:Bucket";
const replication = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const YANDEX_DYNAMODB_PROVIDER = {
    type: "pulumi:providers:aws",
    name: "yandex-docapi",
    props: { region: "ru-central1", endpoints: JSON.stringify([{ dynamodb: "https://docapi.serverless.yandexcloud.net/ru-central1/b1g/etn" }]) },
};
const US_PROVIDER = { type: "pulumi:providers:aws", name: "virginia", props: { region: "us-east-1" } };
/**
 * The evidence of a declared transfer (152-FZ Art. 12(3)): the cross-border notification's
 * identifier, as the Personal Data Portal gives it (Roskomnadzor publishes no format; this one is
 * made up), and the date it was filed.
 */
const NOTIFIED = { "cross-border-transfer": "CBT-2026-000042", "cross-border-transfer-date": "2026-03-02" };

/** A bucket in Yandex Object Storage holding Russian citizens' personal data, replicated to `destination`. */
function replicated(destinationName: string, destinationProvider: object, extra: { sourceTags?: Record<string, string> } = {}) {
    return [
        { type: bucket, name: "customers", props: { bucket: "customers", tags: { ...personalRu, ...extra.sourceTags } }, provider: YANDEX_S3_PROVIDER },
        { type: bucket, name: destinationName, props: { bucket: destinationName, arn: UNKNOWN }, provider: destinationProvider },
        {
            type: replication,
            name: "customers-replication",
            props: { bucket: "customers", role: "arn:aws:iam::123456789012:role/replication", rules: [{ id: "all", status: "Enabled", destination: { bucket: UNKNOWN } }] },
            provider: YANDEX_S3_PROVIDER,
            propertyDependencies: { bucket: ["customers"], rules: [destinationName] },
            dependencies: ["customers", destinationName],
        },
    ];
}

export const crossBorderExamples: StackPolicyExamples = {
    allowed: [
        {
            title: "Replication between two buckets in Yandex Object Storage stays in Russia",
            resources: replicated("customers-backup", YANDEX_S3_PROVIDER),
            expect: [],
        },
        {
            title: "A bucket with no user data may replicate to Frankfurt",
            resources: [
                { type: bucket, name: "build-cache", props: { bucket: "build-cache", tags: { "user-data": "none" } }, provider: YANDEX_S3_PROVIDER },
                { type: bucket, name: "build-cache-eu", props: { bucket: "build-cache-eu" }, provider: FRANKFURT_PROVIDER },
                {
                    type: replication,
                    name: "cache-replication",
                    props: { bucket: "build-cache", rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::build-cache-eu" } }] },
                    provider: YANDEX_S3_PROVIDER,
                },
            ],
            expect: [],
        },
        {
            title: "transfers: declared, a copy from a primary store in Russia, with the cross-border notification's identifier and filing date, to a country the config confirms as adequate (Germany)",
            resources: replicated("customers-eu", FRANKFURT_PROVIDER, { sourceTags: NOTIFIED }),
            config: { transfers: "declared", adequateCountries: ["DE"] },
            expect: [],
        },
        {
            title: "transfers: declared: the same copy whose destination honestly carries the personal / RU tags passes too (honest tags are never worse than none)",
            resources: replicated("customers-eu", FRANKFURT_PROVIDER, { sourceTags: NOTIFIED }).map((r) => (r.name === "customers-eu" ? { ...r, props: { ...r.props, tags: personalRu } } : r)),
            config: { transfers: "declared", adequateCountries: ["DE"] },
            expect: [],
        },
        {
            title: "A time-limited exemption for the flow resource",
            resources: replicated("customers-eu", FRANKFURT_PROVIDER),
            config: { exemptions: [{ resource: "customers-replication", reason: "Migration to Yandex Cloud, ticket DATA-42", expires: "2999-12-31" }] },
            // The exemption covers the flow and so the copy it makes.
            expect: [],
        },
    ],
    disallowed: [
        {
            title: "S3 replication from Yandex Object Storage to a bucket in Frankfurt (found through the property dependency during preview)",
            resources: replicated("customers-eu", FRANKFURT_PROVIDER),
            expect: [
                {
                    resource: "customers-replication",
                    level: "mandatory",
                    code: "RU152-XB-001",
                    messageIncludes: [
                        "sends Russian citizens' personal data out of Russia (S3 replication)",
                        "Germany (DE)",
                        'rules[0].destination.bucket is not known yet; it comes from aws:s3/bucket:Bucket "customers-eu"',
                        'tag "user-data" in tags',
                        "Transfers: forbid",
                    ],
                },
                { resource: "customers-eu", level: "mandatory", code: "RU152-XB-006", messageIncludes: ["because it receives them from", "Classification: from the data flow"] },
            ],
        },
        {
            title: "A DynamoDB table on the Yandex Document API that declares a replica in eu-west-1",
            resources: [
                {
                    type: "aws:dynamodb/table:Table",
                    name: "sessions",
                    props: { name: "sessions", tags: personalRu, replicas: [{ regionName: "eu-west-1" }] },
                    provider: YANDEX_DYNAMODB_PROVIDER,
                },
            ],
            expect: [{ resource: "sessions", level: "mandatory", code: "RU152-XB-001", messageIncludes: ["DynamoDB global table replica", 'replicas[0].regionName is "eu-west-1"', "Ireland (IE)"] }],
        },
        {
            title: "A DynamoDB table served by AWS (no custom dynamodb endpoint) with a replica whose region is unknown during preview: replicas are always AWS regions, so it is known abroad, mandatory even with onUnknown: warn",
            resources: [
                {
                    type: "aws:dynamodb/table:Table",
                    name: "sessions",
                    props: { name: "sessions", tags: personalRu, replicas: [{ regionName: UNKNOWN }] },
                    provider: US_PROVIDER,
                },
            ],
            config: { onUnknown: "warn" },
            expect: [
                {
                    resource: "sessions",
                    level: "mandatory",
                    code: "RU152-XB-001",
                    messageIncludes: [
                        "DynamoDB global table replica",
                        "replicas[0].regionName is not known yet, but a DynamoDB global table replica is always in an AWS region",
                        "AWS has no region in Russia",
                    ],
                },
            ],
        },
        {
            title: "A replication rule to Frankfurt with status Disabled copies nothing: advisory, and the destination is not tainted",
            resources: replicated("customers-eu", FRANKFURT_PROVIDER).map((r) =>
                r.type === replication ? { ...r, props: { ...r.props, rules: [{ id: "all", status: "Disabled", destination: { bucket: UNKNOWN } }] } } : r,
            ),
            expect: [
                {
                    resource: "customers-replication",
                    level: "advisory",
                    code: "RU152-XB-004",
                    messageIncludes: ["would send Russian citizens' personal data", 'rules[0].status is "Disabled"', "enabling it would be blocked"],
                },
            ],
        },
        {
            title: "A replication destination outside the stack: an S3 bucket ARN carries no region",
            resources: [
                { type: bucket, name: "customers", props: { bucket: "customers", tags: personalRu }, provider: YANDEX_S3_PROVIDER },
                {
                    type: replication,
                    name: "customers-replication",
                    props: { bucket: "customers", rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::partner-archive" } }] },
                    provider: YANDEX_S3_PROVIDER,
                },
            ],
            expect: [{ resource: "customers-replication", level: "mandatory", code: "RU152-XB-002", messageIncludes: ["its ARN carries no region", "destinationLocations"] }],
        },
        {
            title: "The same destination placed by destinationLocations",
            resources: [
                { type: bucket, name: "customers", props: { bucket: "customers", tags: personalRu }, provider: YANDEX_S3_PROVIDER },
                {
                    type: replication,
                    name: "customers-replication",
                    props: { bucket: "customers", rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::partner-archive" } }] },
                    provider: YANDEX_S3_PROVIDER,
                },
            ],
            config: { destinationLocations: { "partner-archive": "NL" } },
            expect: [{ resource: "customers-replication", level: "mandatory", code: "RU152-XB-001", messageIncludes: ['destinationLocations["partner-archive"]', "Netherlands"] }],
        },
        {
            title: "During preview the destination is not known and nothing says which resource it is: blocked",
            resources: [
                { type: bucket, name: "customers", props: { bucket: "customers", tags: personalRu }, provider: YANDEX_S3_PROVIDER },
                { type: replication, name: "customers-replication", props: { bucket: "customers", rules: [{ status: "Enabled", destination: { bucket: UNKNOWN } }] }, provider: YANDEX_S3_PROVIDER },
            ],
            expect: [
                {
                    resource: "customers-replication",
                    level: "mandatory",
                    code: "RU152-XB-002",
                    messageIncludes: ["rules[0].destination.bucket is not known yet and no dependency says", "cannot be decided"],
                },
            ],
        },
        {
            title: "The same with onUnknown: warn is advisory",
            resources: [
                { type: bucket, name: "customers", props: { bucket: "customers", tags: personalRu }, provider: YANDEX_S3_PROVIDER },
                { type: replication, name: "customers-replication", props: { bucket: "customers", rules: [{ status: "Enabled", destination: { bucket: UNKNOWN } }] }, provider: YANDEX_S3_PROVIDER },
            ],
            config: { onUnknown: "warn" },
            expect: [{ resource: "customers-replication", level: "advisory", code: "RU152-XB-002", messageIncludes: ["is not known yet"] }],
        },
        {
            title: "During preview the source's classification is not known yet, and it replicates to Frankfurt: the copy may be of Russian citizens' personal data (fail closed)",
            resources: replicated("customers-eu", FRANKFURT_PROVIDER, { sourceTags: { "user-data": UNKNOWN } }),
            expect: [
                {
                    resource: "customers-replication",
                    level: "mandatory",
                    code: "RU152-XB-003",
                    messageIncludes: ["sends data that may be Russian citizens' personal data out of Russia", 'the value of tag "user-data" in tags is not known yet'],
                },
                {
                    resource: "customers-eu",
                    level: "mandatory",
                    code: "RU152-XB-006",
                    messageIncludes: ["which may hold Russian citizens' personal data because it receives data from", "is not in Russia"],
                },
            ],
        },
        {
            title: "A replica bucket whose provider's endpoints are not known yet: neither the copy's destination nor the replica can be located (fail closed)",
            resources: replicated("customers-replica", { type: "pulumi:providers:aws", name: "unknown-endpoints", props: { region: "ru-central1", endpoints: UNKNOWN } }),
            expect: [
                { resource: "customers-replication", level: "mandatory", code: "RU152-XB-002", messageIncludes: ["and where that is cannot be decided"] },
                { resource: "customers-replica", level: "mandatory", code: "RU152-XB-007", messageIncludes: ["because it receives them from", "where it is cannot be decided"] },
            ],
        },
        {
            title: "transfers: declared without the notification tag",
            resources: replicated("customers-eu", FRANKFURT_PROVIDER),
            config: { transfers: "declared" },
            expect: [
                { resource: "customers-replication", level: "mandatory", code: "RU152-XB-005", messageIncludes: ['has no tag "cross-border-transfer"', "cannot carry tags"] },
                { resource: "customers-eu", level: "mandatory", code: "RU152-XB-006", messageIncludes: ["is not in Russia"] },
            ],
        },
        {
            title: "transfers: declared with a placeholder for the notification's identifier (TBD, none, yes, n/a, 0) is not a declared transfer",
            resources: replicated("customers-eu", FRANKFURT_PROVIDER, { sourceTags: { ...NOTIFIED, "cross-border-transfer": "TBD" } }),
            config: { transfers: "declared", adequateCountries: ["DE"] },
            expect: [
                {
                    resource: "customers-replication",
                    level: "mandatory",
                    code: "RU152-XB-005",
                    messageIncludes: ['the tag "cross-border-transfer" on the source', 'is "TBD", a placeholder, not the identifier of a notification'],
                },
                { resource: "customers-eu", level: "mandatory", code: "RU152-XB-006", messageIncludes: ["is not in Russia"] },
            ],
        },
        {
            title: "transfers: declared: a store in Frankfurt holding Russian citizens' personal data that no declared transfer reaches is a database abroad, decided here (the localization policy leaves it to this one)",
            resources: [{ type: bucket, name: "eu-primary", props: { bucket: "eu-primary", tags: personalRu }, provider: FRANKFURT_PROVIDER }],
            config: { transfers: "declared", adequateCountries: ["DE"] },
            expect: [
                {
                    resource: "eu-primary",
                    level: "mandatory",
                    code: "RU152-XB-008",
                    messageIncludes: ["holds personal data of Russian citizens but is not in Russia", "no allowed declared transfer from a store in Russia reaches it"],
                },
            ],
        },
        {
            title: "transfers: declared to Germany without adequateCountries: the pack treats no country as adequate on its own unconfirmed data",
            resources: replicated("customers-eu", FRANKFURT_PROVIDER, { sourceTags: NOTIFIED }),
            config: { transfers: "declared" },
            expect: [
                {
                    resource: "customers-replication",
                    level: "mandatory",
                    code: "RU152-XB-005",
                    messageIncludes: ["Germany (DE) is not shown to be adequate", "add DE to adequateCountries", "allowNonAdequate: true"],
                },
                { resource: "customers-eu", level: "mandatory", code: "RU152-XB-006", messageIncludes: ["is not in Russia"] },
            ],
        },
        {
            title: "transfers: declared to a country that is not adequate (the United States) needs allowNonAdequate",
            resources: replicated("customers-us", US_PROVIDER, { sourceTags: NOTIFIED }),
            config: { transfers: "declared" },
            expect: [
                { resource: "customers-replication", level: "mandatory", code: "RU152-XB-005", messageIncludes: ["United States", "allowNonAdequate: true"] },
                { resource: "customers-us", level: "mandatory", code: "RU152-XB-006", messageIncludes: ["is not in Russia"] },
            ],
        },
        {
            title: "A chain: a Russian bucket replicates to Frankfurt, whose inventory goes to Virginia",
            resources: [
                ...replicated("customers-eu", FRANKFURT_PROVIDER),
                { type: bucket, name: "reports-us", props: { bucket: "reports-us" }, provider: US_PROVIDER },
                {
                    type: "aws:s3/inventory:Inventory",
                    name: "customers-eu-inventory",
                    props: { bucket: "customers-eu", destination: { bucket: { bucketArn: "arn:aws:s3:::reports-us", format: "CSV" } } },
                    provider: FRANKFURT_PROVIDER,
                },
            ],
            expect: [
                { resource: "customers-replication", level: "mandatory", code: "RU152-XB-001", messageIncludes: ["Germany (DE)"] },
                { resource: "customers-eu", level: "mandatory", code: "RU152-XB-006", messageIncludes: ["is not in Russia"] },
                {
                    resource: "customers-eu-inventory",
                    level: "mandatory",
                    code: "RU152-XB-001",
                    messageIncludes: [
                        "S3 inventory report",
                        "United States",
                        'receives them from aws:s3/bucket:Bucket "customers" through aws:s3/bucketReplicationConfig:BucketReplicationConfig "customers-replication"',
                    ],
                },
                { resource: "reports-us", level: "mandatory", code: "RU152-XB-006", messageIncludes: ['through aws:s3/inventory:Inventory "customers-eu-inventory"'] },
            ],
        },
        {
            title: "AWS Backup copies a selected Russian store to a vault in Frankfurt",
            resources: [
                {
                    type: "aws:dynamodb/table:Table",
                    name: "accounts",
                    props: { name: "accounts", arn: "arn:aws:dynamodb:ru-central1:123456789012:table/accounts", tags: personalRu },
                    provider: YANDEX_DYNAMODB_PROVIDER,
                },
                {
                    type: "aws:backup/plan:Plan",
                    name: "nightly",
                    props: {
                        name: "nightly",
                        rules: [{ ruleName: "nightly", targetVaultName: "local", copyActions: [{ destinationVaultArn: "arn:aws:backup:eu-central-1:123456789012:backup-vault:dr" }] }],
                    },
                    provider: YANDEX_DYNAMODB_PROVIDER,
                },
                {
                    type: "aws:backup/selection:Selection",
                    name: "nightly-accounts",
                    props: { name: "accounts", planId: UNKNOWN, iamRoleArn: "arn:aws:iam::123456789012:role/backup", resources: ["arn:aws:dynamodb:ru-central1:123456789012:table/accounts"] },
                    provider: YANDEX_DYNAMODB_PROVIDER,
                    propertyDependencies: { planId: ["nightly"] },
                },
            ],
            expect: [
                {
                    resource: "nightly",
                    level: "mandatory",
                    code: "RU152-XB-001",
                    messageIncludes: [
                        "(AWS Backup)",
                        '"arn:aws:backup:eu-central-1:123456789012:backup-vault:dr" (not in this stack)',
                        "Germany (DE)",
                        'matches the ARN of aws:dynamodb/table:Table "accounts"',
                    ],
                },
                // The plan's own vault is where the plan is: AWS Backup, which has no region in Russia.
                { resource: "nightly", level: "mandatory", code: "RU152-XB-001", messageIncludes: ["a plan's target vault is in the plan's own region", 'no custom endpoint for "backup"'] },
            ],
        },
        {
            title: 'In preview, an AWS Backup selection of every store (resources: ["*"]) copies a new Russian table, whose ARN is not known yet, to a vault in Frankfurt: the pattern counts it',
            resources: [
                { type: "aws:dynamodb/table:Table", name: "accounts", props: { name: "accounts", arn: UNKNOWN, tags: personalRu }, provider: YANDEX_DYNAMODB_PROVIDER },
                {
                    type: "aws:backup/plan:Plan",
                    name: "nightly",
                    props: {
                        name: "nightly",
                        rules: [{ ruleName: "nightly", targetVaultName: "local", copyActions: [{ destinationVaultArn: "arn:aws:backup:eu-central-1:123456789012:backup-vault:dr" }] }],
                    },
                    provider: YANDEX_DYNAMODB_PROVIDER,
                },
                {
                    type: "aws:backup/selection:Selection",
                    name: "everything",
                    props: { name: "everything", planId: UNKNOWN, iamRoleArn: "arn:aws:iam::123456789012:role/backup", resources: ["*"] },
                    provider: YANDEX_DYNAMODB_PROVIDER,
                    propertyDependencies: { planId: ["nightly"] },
                },
            ],
            expect: [
                { resource: "nightly", level: "mandatory", code: "RU152-XB-001", messageIncludes: ["(AWS Backup)", "Germany (DE)", "may match its ARN, which is not known yet"] },
                { resource: "nightly", level: "mandatory", code: "RU152-XB-001", messageIncludes: ["a plan's target vault is in the plan's own region"] },
            ],
        },
        {
            title: "A Firehose delivery stream in Frankfurt reads a Russian user's Kinesis stream and writes to Splunk",
            resources: [
                {
                    type: "aws:kinesis/stream:Stream",
                    name: "clicks",
                    props: { name: "clicks", arn: "arn:aws:kinesis:eu-central-1:123456789012:stream/clicks", tags: personalRu },
                    provider: FRANKFURT_PROVIDER,
                },
                {
                    type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
                    name: "clicks-to-splunk",
                    props: {
                        name: "clicks-to-splunk",
                        destination: "splunk",
                        kinesisSourceConfiguration: { kinesisStreamArn: "arn:aws:kinesis:eu-central-1:123456789012:stream/clicks", roleArn: "arn:aws:iam::123456789012:role/f" },
                        splunkConfiguration: { hecEndpoint: "https://http-inputs-acme.splunkcloud.com:443" },
                    },
                    provider: FRANKFURT_PROVIDER,
                },
            ],
            expect: [
                { resource: "clicks-to-splunk", level: "mandatory", code: "RU152-XB-001", messageIncludes: ["Kinesis Data Firehose source", "Germany (DE)"] },
                { resource: "clicks-to-splunk", level: "mandatory", code: "RU152-XB-002", messageIncludes: ["Kinesis Data Firehose delivery", "http-inputs-acme.splunkcloud.com"] },
            ],
        },
    ],
};
