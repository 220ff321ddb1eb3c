import { FRANKFURT_PROVIDER, PolicyExamples, UNKNOWN, YANDEX_S3_PROVIDER } from "./example-types";

const personalRu = { "user-data": "personal", "data-subjects": "RU" };
const bucket = "aws:s3/bucket:Bucket";

export const localizationExamples: PolicyExamples = {
    allowed: [
        {
            title: "Russian citizens' personal data in Yandex Object Storage, through a provider with a custom s3 endpoint",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: YANDEX_S3_PROVIDER },
            expect: { level: "none" },
        },
        {
            title: "A DynamoDB table on the Yandex Document API",
            resource: {
                type: "aws:dynamodb/table:Table",
                name: "sessions",
                props: { tags: { "user-data": "personal" } },
                provider: { props: { region: "ru-central1", endpoints: JSON.stringify([{ dynamodb: "https://docapi.serverless.yandexcloud.net/ru-central1/b1g/etn" }]) } },
            },
            expect: { level: "none" },
        },
        {
            title: "A bucket in Frankfurt that holds no user data",
            resource: { type: bucket, name: "build-cache", props: { tags: { "user-data": "none" } }, provider: FRANKFURT_PROVIDER },
            expect: { level: "none" },
        },
        {
            title: "Personal data of German and French users only, in Frankfurt",
            resource: { type: bucket, name: "eu-customers", props: { tags: { "user-data": "personal", "data-subjects": "DE, FRA" } }, provider: FRANKFURT_PROVIDER },
            expect: { level: "none" },
        },
        {
            title: "During preview the tags are not known yet, but the bucket is in Russia either way",
            resource: { type: bucket, name: "uploads", props: { tags: UNKNOWN }, provider: YANDEX_S3_PROVIDER },
            expect: { level: "none" },
        },
        {
            title: "An in-house S3 endpoint the user places in Russia through endpointCountries",
            resource: {
                type: bucket,
                name: "archive",
                props: { tags: personalRu },
                provider: { props: { region: "us-east-1", endpoints: JSON.stringify([{ s3: "https://minio.dc1.example.ru:9000" }]) } },
            },
            config: { endpointCountries: { "*.example.ru": "RU" } },
            expect: { level: "none" },
        },
        {
            title: "A time-limited exemption in the pack config",
            resource: { type: bucket, name: "legacy-export", props: { tags: personalRu }, provider: FRANKFURT_PROVIDER },
            config: { exemptions: [{ resource: "legacy-*", reason: "Migration to Yandex Cloud, ticket DATA-42", expires: "2999-12-31" }] },
            expect: { level: "none" },
        },
        {
            title: "Yandex Object Storage through the Yandex provider's storageEndpoint (stack config yandex:storageEndpoint)",
            resource: {
                type: "yandex:index/storageBucket:StorageBucket",
                name: "customers",
                props: { bucket: "customers", tags: personalRu },
                provider: { props: { storageEndpoint: "storage.yandexcloud.net" } },
            },
            expect: { level: "none" },
        },
        {
            title: "A Yandex Object Storage bucket whose provider sets no storageEndpoint: the provider's documented default, storage.yandexcloud.net, is in Russia",
            resource: {
                type: "yandex:index/storageBucket:StorageBucket",
                name: "customers",
                props: { bucket: "customers", tags: personalRu },
                provider: { props: { folderId: "b1g0000000000000000" } },
            },
            expect: { level: "none" },
        },
        {
            title: "A Yandex managed PostgreSQL cluster whose hosts are all in ru-central1 zones",
            resource: {
                type: "yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster",
                name: "accounts",
                props: { labels: { user_data: "personal", data_subjects: "ru" }, hosts: [{ zone: "ru-central1-a" }, { zone: "ru-central1-b" }] },
                provider: { props: { zone: "ru-central1-a" } },
            },
            expect: { level: "none" },
        },
        {
            title: "A current Yandex PostgreSQL cluster (mdbPostgresqlClusterV2), whose hosts are a map of host name to host, all in ru-central1 zones",
            resource: {
                type: "yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2",
                name: "accounts",
                props: { labels: { user_data: "personal", data_subjects: "ru" }, hosts: { "pg-a": { zone: "ru-central1-a" }, "pg-b": { zone: "ru-central1-b" } } },
                provider: { props: { zone: "ru-central1-a" } },
            },
            expect: { level: "none" },
        },
        {
            title: "A PersistentVolumeClaim on a cluster that clusterLocations places in Russia",
            resource: {
                type: "kubernetes:core/v1:PersistentVolumeClaim",
                name: "profiles",
                props: { metadata: { name: "profiles", labels: { "user-data": "personal", "data-subjects": "RU" } }, spec: { accessModes: ["ReadWriteOnce"] } },
                provider: { name: "yc-msk", props: { context: "yc-msk" } },
            },
            config: { clusterLocations: { "yc-msk": "RU" } },
            expect: { level: "none" },
        },
        {
            title: "An exemption glob limited to one resource type of the stack is not broad: it leaves the stack's other resources out",
            resource: { type: bucket, name: "legacy-export", props: { tags: personalRu }, provider: FRANKFURT_PROVIDER },
            config: { exemptions: [{ resource: "urn:pulumi:*::*::aws:s3/bucket:Bucket::legacy-*", reason: "Migration to Yandex Cloud, ticket DATA-42", expires: "2999-12-31" }] },
            expect: { level: "none" },
        },
        {
            title: "endpointCountries may place your own domain in Russia, and a Russian cloud's hosts need no entry",
            resource: {
                type: bucket,
                name: "archive",
                props: { tags: personalRu },
                provider: { props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://s3.corp.example.ru" }]) } },
            },
            config: { endpointCountries: { "*.corp.example.ru": "RU", "storage.example.de": "DE" } },
            expect: { level: "none" },
        },
        {
            title: "The provider's defaultTags classify every resource, but a VPC, a subnet, an IAM role or a bucket policy holds no data: skipped (policypack/data/no-data-types.json)",
            resource: { type: "aws:iam/role:Role", name: "app", props: { assumeRolePolicy: "{}" }, provider: { props: { region: "eu-central-1", defaultTags: JSON.stringify({ tags: personalRu }) } } },
            expect: { level: "none" },
        },
        {
            title: "A component resource holds no data itself (its children are checked)",
            resource: { type: "acme:storage:CustomerStore", name: "store", props: { tags: personalRu }, provider: null },
            expect: { level: "none" },
        },
        {
            title: "A current Yandex MySQL cluster (mdbMysqlClusterV2) whose hosts, keyed by host name, are all in ru-central1 zones",
            resource: {
                type: "yandex:index/mdbMysqlClusterV2:MdbMysqlClusterV2",
                name: "orders",
                props: { labels: { user_data: "personal", data_subjects: "ru" }, hosts: { "mysql-a": { zone: "ru-central1-a" }, "mysql-d": { zone: "ru-central1-d" } } },
                provider: { props: {} },
            },
            expect: { level: "none" },
        },
        {
            title: "A dedicated YDB database whose location is given as location.region.id (the field the provider's reference names)",
            resource: {
                type: "yandex:index/ydbDatabaseDedicated:YdbDatabaseDedicated",
                name: "events",
                props: { labels: { user_data: "personal", data_subjects: "ru" }, location: { region: { id: "ru-central1" } } },
                provider: { props: {} },
            },
            expect: { level: "none" },
        },
        {
            title: "A Yandex Compute file system in ru-central1-b",
            resource: { type: "yandex:index/computeFilesystem:ComputeFilesystem", name: "uploads", props: { zone: "ru-central1-b", labels: { user_data: "personal", data_subjects: "ru" } } },
            expect: { level: "none" },
        },
    ],
    disallowed: [
        {
            title: "Under transfers: declared, a store known to be outside Russia is decided by ru-personal-data-cross-border-transfer, which allows it only as the destination of a declared transfer; an advisory says so, since that policy judges it only if it is set to declared too",
            resource: { type: bucket, name: "customers-eu", props: { tags: personalRu }, provider: FRANKFURT_PROVIDER },
            config: { transfers: "declared" },
            expect: {
                level: "advisory",
                code: "RU152-LOC-005",
                messageIncludes: [
                    "Under transfers: declared this policy leaves it to ru-personal-data-cross-border-transfer",
                    "if that policy is left at transfers: forbid, no policy blocks this store: set transfers to the same value on both policies",
                ],
            },
        },
        {
            title: "A current Yandex Redis cluster (mdbRedisClusterV2) with one of its hosts in Kazakhstan",
            resource: {
                type: "yandex:index/mdbRedisClusterV2:MdbRedisClusterV2",
                name: "sessions",
                props: { labels: { user_data: "personal", data_subjects: "ru" }, hosts: { "redis-a": { zone: "ru-central1-a" }, "redis-kz": { zone: "kz1-a" } } },
                provider: { props: {} },
            },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ['the resource\'s hosts["redis-kz"].zone is "kz1-a"', "Kazakhstan (KZ)"] },
        },
        {
            title: "A dedicated YDB database in Yandex Cloud's Kazakhstan region, given as location.region.id",
            resource: {
                type: "yandex:index/ydbDatabaseDedicated:YdbDatabaseDedicated",
                name: "events",
                props: { labels: { user_data: "personal", data_subjects: "ru" }, location: { region: { id: "kz1" } } },
                provider: { props: {} },
            },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ['the resource\'s location.region.id is "kz1"', "Kazakhstan (KZ)"] },
        },
        {
            title: "A current Yandex ClickHouse cluster whose host zone is a number: the field is named once, with why",
            resource: {
                type: "yandex:index/mdbClickhouseClusterV2:MdbClickhouseClusterV2",
                name: "analytics",
                props: { labels: { user_data: "personal", data_subjects: "ru" }, hosts: { "ch-a": { zone: 1 } } },
                provider: { props: {} },
            },
            expect: { level: "mandatory", code: "RU152-LOC-003", messageIncludes: ['Location: the pack cannot read the resource\'s hosts["ch-a"].zone (a number, not a string).'] },
        },
        {
            title: "A Cloud SQL instance whose only location is its nested settings.locationPreference.zone (read from the SDK's declarations)",
            resource: {
                type: "gcp:sql/databaseInstance:DatabaseInstance",
                name: "accounts",
                props: {
                    databaseVersion: "POSTGRES_16",
                    settings: { tier: "db-f1-micro", locationPreference: { zone: "europe-west3-a" }, userLabels: { user_data: "personal", data_subjects: "ru" } },
                },
            },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ['the resource\'s settings.locationPreference.zone is "europe-west3-a"', "Germany (DE)"] },
        },
        {
            title: "A VK Cloud volume whose availabilityZone cannot be read: the field is named, and the volume is not passed as Russian",
            resource: {
                type: "openstack:blockstorage/volume:Volume",
                name: "profiles",
                props: { size: 10, availabilityZone: ["MS1"], metadata: { "user-data": "personal", "data-subjects": "RU" } },
                provider: { props: { authUrl: "https://infra.mail.ru:35357/v3/" } },
            },
            expect: { level: "mandatory", code: "RU152-LOC-003", messageIncludes: ["the pack cannot read the resource's availabilityZone (a list, not a string)"] },
        },
        {
            title: "Russian citizens' personal data in Frankfurt",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: FRANKFURT_PROVIDER },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ["holds personal data of Russian citizens but is not in Russia", '"eu-central-1"', "Germany (DE)"] },
        },
        {
            title: "Personal data with no declared subjects is assumed to include Russians",
            resource: { type: bucket, name: "profiles", props: { tags: { "user-data": "personal" } }, provider: FRANKFURT_PROVIDER },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ["every country", "the pack's default (defaultSubjects)"] },
        },
        {
            title: "Subjects from the stack tag",
            resource: { type: bucket, name: "profiles", props: { tags: { "user-data": "personal" } }, provider: FRANKFURT_PROVIDER },
            stackTags: { "data-subjects": "RU" },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ['stack tag "data-subjects"'] },
        },
        {
            title: "An RDS instance that claims ru-central1 with no Russian endpoint for RDS",
            resource: { type: "aws:rds/instance:Instance", name: "accounts", props: { region: "ru-central1", tags: personalRu }, provider: FRANKFURT_PROVIDER },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ['"ru-central1", which is not an AWS region', 'no custom endpoint for "rds"'] },
        },
        {
            title: "Classification through the provider's defaultTags (a JSON string, as the aws SDK sends it)",
            resource: { type: bucket, name: "events", props: {}, provider: { props: { region: "eu-west-1", defaultTags: JSON.stringify({ tags: personalRu }) } } },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ["provider defaultTags.tags", "Ireland"] },
        },
        {
            title: "An endpoint that only looks like Yandex",
            resource: {
                type: bucket,
                name: "customers",
                props: { tags: personalRu },
                provider: { props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net.example.io" }]) } },
            },
            expect: { level: "mandatory", code: "RU152-LOC-003", messageIncludes: ['host "storage.yandexcloud.net.example.io", a host that is not in the pack\'s catalogue'] },
        },
        {
            title: "User-info in the endpoint URL hides the real host",
            resource: {
                type: bucket,
                name: "customers",
                props: { tags: personalRu },
                provider: { props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net@s3.eu-central-1.amazonaws.com" }]) } },
            },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ['host "s3.eu-central-1.amazonaws.com"', "user-info"] },
        },
        {
            title: "Yandex Cloud's Kazakhstan installation is not Russia",
            resource: {
                type: bucket,
                name: "customers",
                props: { tags: personalRu },
                provider: { props: { region: "kz1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.kz" }]) } },
            },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ["Kazakhstan (KZ)"] },
        },
        {
            title: "During preview the provider's endpoints are not known: blocked (onUnknown: block)",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: { props: { region: "ru-central1", endpoints: UNKNOWN } } },
            expect: { level: "mandatory", code: "RU152-LOC-003", messageIncludes: ["the provider's endpoints are not known yet"] },
        },
        {
            title: "The same with onUnknown: warn is advisory",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: { props: { region: "ru-central1", endpoints: UNKNOWN } } },
            config: { onUnknown: "warn" },
            expect: { level: "advisory", code: "RU152-LOC-003", messageIncludes: ["the provider's endpoints are not known yet"] },
        },
        {
            title: "A region unknown during preview, with no custom endpoint, is still AWS and so abroad: mandatory even with onUnknown: warn",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: { props: { region: UNKNOWN } } },
            config: { onUnknown: "warn" },
            expect: {
                level: "mandatory",
                code: "RU152-LOC-001",
                messageIncludes: [
                    "holds personal data of Russian citizens but is not in Russia",
                    "the provider's region is not known yet, but the provider has no custom endpoint",
                    "AWS, which has no region in Russia",
                ],
            },
        },
        {
            title: "No region anywhere and no custom endpoint: AWS in whichever region the environment gives, so abroad, with onUnknown: warn too",
            resource: { type: "aws:dynamodb/table:Table", name: "sessions", props: { tags: personalRu }, provider: { props: {} } },
            config: { onUnknown: "warn" },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ["neither the resource nor its provider sets a region", "outside Russia whichever region it gets"] },
        },
        {
            title: "Two endpoints blocks that disagree on s3: the aws provider keeps them as a set, so the pack decides by the worse one, whichever is written last",
            resource: {
                type: bucket,
                name: "customers",
                props: { tags: personalRu },
                provider: { props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://s3.eu-central-1.amazonaws.com" }, { s3: "https://storage.yandexcloud.net" }]) } },
            },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ["several endpoints for this service that disagree", "endpoints[0]", "endpoints[1]", "decides by the worst"] },
        },
        {
            title: "During preview neither the classification nor the provider's endpoints are known: it may be Russian citizens' personal data in a place the pack cannot determine",
            resource: { type: bucket, name: "customers", props: { tags: { "user-data": UNKNOWN } }, provider: { props: { region: "ru-central1", endpoints: UNKNOWN } } },
            expect: {
                level: "mandatory",
                code: "RU152-LOC-004",
                messageIncludes: ["may hold Russian citizens' personal data", "where it is cannot be decided", "the provider's endpoints are not known yet"],
            },
        },
        {
            title: "During preview the classification is not known and the bucket is abroad",
            resource: { type: bucket, name: "customers", props: { tags: { "user-data": UNKNOWN } }, provider: FRANKFURT_PROVIDER },
            expect: { level: "mandatory", code: "RU152-LOC-002", messageIncludes: ['the value of tag "user-data" in tags is not known yet'] },
        },
        {
            title: "An expired exemption no longer applies",
            resource: { type: bucket, name: "legacy-export", props: { tags: personalRu }, provider: FRANKFURT_PROVIDER },
            config: { exemptions: [{ resource: "legacy-export", reason: "Migration", expires: "2020-01-31" }] },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ["expired on 2020-01-31"] },
        },
        {
            title: "A resource-level region that contradicts a Russian endpoint",
            resource: { type: bucket, name: "customers", props: { region: "eu-central-1", tags: personalRu }, provider: YANDEX_S3_PROVIDER },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ["contradict"] },
        },
        {
            title: "A provider the pack cannot locate is never guessed",
            resource: { type: "acme:storage:Bucket", name: "customers", props: { tags: personalRu } },
            expect: { level: "mandatory", code: "RU152-LOC-003", messageIncludes: ['no location resolver for provider package "acme"'] },
        },
        {
            title: "An unrecognised category is read as personal data",
            resource: { type: bucket, name: "customers", props: { tags: { "user-data": "pii", "data-subjects": "RU" } }, provider: FRANKFURT_PROVIDER },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ['"pii" (not a known category, read as personal data)'] },
        },
        {
            title: "A Google Cloud Storage bucket in the EU multi-region (labels in GCP's lowercase style)",
            resource: { type: "gcp:storage/bucket:Bucket", name: "customers", props: { location: "EU", labels: { "user-data": "personal", "data-subjects": "ru" } } },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ['the resource\'s location is "EU"', "Google Cloud has no region in Russia"] },
        },
        {
            title: "An Azure storage account in germanywestcentral",
            resource: { type: "azure-native:storage:StorageAccount", name: "customers", props: { location: "germanywestcentral", resourceGroupName: "rg", tags: personalRu } },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ["holds personal data of Russian citizens but is not in Russia", '"germanywestcentral"', "Germany (DE)"] },
        },
        {
            title: "A location field the pack cannot read is named once, with why",
            resource: {
                type: "yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2",
                name: "accounts",
                props: { labels: { user_data: "personal" }, hosts: 3 },
                provider: { props: {} },
            },
            expect: { level: "mandatory", code: "RU152-LOC-003", messageIncludes: ["Location: the pack cannot read the resource's hosts (a number, neither an object, a list nor a map)."] },
        },
        {
            title: "A Yandex disk in the Kazakhstan region",
            resource: { type: "yandex:index/computeDisk:ComputeDisk", name: "profiles", props: { zone: "kz1-a", labels: { user_data: "personal" } } },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ['the resource\'s zone is "kz1-a"', "Kazakhstan (KZ)"] },
        },
        {
            title: "Under providerDefaults: strict, a Yandex bucket whose provider names no storageEndpoint is blocked (the environment could point it anywhere)",
            resource: { type: "yandex:index/storageBucket:StorageBucket", name: "customers", props: { bucket: "customers", tags: personalRu }, provider: { props: { zone: "ru-central1-a" } } },
            config: { providerDefaults: "strict" },
            expect: {
                level: "mandatory",
                code: "RU152-LOC-003",
                messageIncludes: ["YC_STORAGE_ENDPOINT_URL", "providerDefaults: strict does not assume the default", "Set yandex:storageEndpoint in the stack config"],
            },
        },
        {
            title: "A PersistentVolumeClaim on a cluster clusterLocations does not map",
            resource: {
                type: "kubernetes:core/v1:PersistentVolumeClaim",
                name: "profiles",
                props: { metadata: { name: "profiles", labels: { "user-data": "personal", "data-subjects": "RU" } } },
                provider: { name: "prod", props: {} },
            },
            expect: { level: "mandatory", code: "RU152-LOC-003", messageIncludes: ["where it is cannot be decided", 'provider name "prod"', "clusterLocations"] },
        },
        {
            title: "Under transfers: declared, a store whose location cannot be decided is still decided here",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: { props: { region: "ru-central1", endpoints: UNKNOWN } } },
            config: { transfers: "declared" },
            expect: { level: "mandatory", code: "RU152-LOC-003", messageIncludes: ["where it is cannot be decided"] },
        },
        {
            title: "A type the pack knows neither as storage nor as holding no data is still judged (fail closed), and the message says why",
            resource: { type: "aws:lambda/function:Function", name: "signup", props: {}, provider: { props: { region: "eu-central-1", defaultTags: JSON.stringify({ tags: personalRu }) } } },
            expect: {
                level: "mandatory",
                code: "RU152-LOC-001",
                messageIncludes: ["Holds data: aws:lambda/function:Function is neither a storage type the pack knows nor a type it knows to hold no data"],
            },
        },
        {
            title: "An EC2 instance classified only through its volumes' tags (volumeTags, rootBlockDevice.tags, ebsBlockDevices[].tags: paths from the generated type index)",
            resource: {
                type: "aws:ec2/instance:Instance",
                name: "db",
                props: { ami: "ami-1", instanceType: "t3.micro", rootBlockDevice: { volumeSize: 50, tags: personalRu } },
                provider: FRANKFURT_PROVIDER,
            },
            expect: { level: "mandatory", code: "RU152-LOC-001", messageIncludes: ['tag "user-data" in rootBlockDevice.tags'] },
        },
        {
            title: "An exemption without an expiry date is refused, and the policy blocks",
            resource: { type: bucket, name: "legacy-export", props: { tags: personalRu }, provider: FRANKFURT_PROVIDER },
            config: { exemptions: [{ resource: "legacy-export", reason: "Migration" }] },
            schemaRejects: "exemptions.0: expires is required",
            expect: { level: "mandatory", code: "RU152-CFG-002", messageIncludes: ["exemptions[0].expires is required"] },
        },
        {
            title: "An exemption for every resource is refused unless allowBroadExemptions is set",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: FRANKFURT_PROVIDER },
            config: { exemptions: [{ resource: "*", reason: "Not now", expires: "2999-01-01" }] },
            expect: { level: "mandatory", code: "RU152-CFG-002", messageIncludes: ['exemptions[0].resource "*" matches every resource'] },
        },
        {
            title: "endpointCountries that maps a cloud's whole domain to Russia is refused: *.amazonaws.com would make every AWS endpoint Russian",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: YANDEX_S3_PROVIDER },
            config: { endpointCountries: { "*.amazonaws.com": "RU" } },
            expect: { level: "mandatory", code: "RU152-CFG-001", messageIncludes: ['endpointCountries["*.amazonaws.com"] would place in Russia the host "amazonaws.com"', "AWS"] },
        },
        {
            title: "endpointCountries that maps a public suffix to Russia is refused (*.com, *.ru, *.herokuapp.com: anyone can register a host there)",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: YANDEX_S3_PROVIDER },
            config: { endpointCountries: { "*.ru": "RU" } },
            expect: { level: "mandatory", code: "RU152-CFG-001", messageIncludes: ['endpointCountries["*.ru"] would place in Russia every host under "ru", a public suffix'] },
        },
        {
            title: "endpointCountries that maps a host the catalogue places abroad to Russia is refused (Yandex Cloud Kazakhstan)",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: YANDEX_S3_PROVIDER },
            config: { endpointCountries: { "storage.yandexcloud.kz": "RU" } },
            expect: {
                level: "mandatory",
                code: "RU152-CFG-001",
                messageIncludes: ['endpointCountries["storage.yandexcloud.kz"] would place in Russia the host "storage.yandexcloud.kz"', "Kazakhstan"],
            },
        },
        {
            title: "An exemption glob that in effect matches the whole stack is refused where it would apply, whatever else it says (urn:pulumi:dev::app::* for stack dev of project app)",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: FRANKFURT_PROVIDER },
            // The examples run in stack "test" of project "test" and, over gRPC, stack "dev" of project "examples".
            config: { exemptions: [{ resource: "urn:pulumi:{test,dev}::{test,examples}::*", reason: "Not now", expires: "2999-01-01" }] },
            expect: {
                level: "mandatory",
                code: "RU152-LOC-001",
                messageIncludes: ["is not in Russia", 'exemptions[0].resource "urn:pulumi:{test,dev}::{test,examples}::*" is refused: it matches every resource of stack'],
            },
        },
        {
            title: "An exemption glob that names the project between wildcards (*::app::*, or *app* in project app) matches every resource of that project, and is refused",
            resource: { type: bucket, name: "customers", props: { tags: personalRu }, provider: FRANKFURT_PROVIDER },
            config: { exemptions: [{ resource: "*::{test,examples}::*", reason: "Not now", expires: "2999-01-01" }] },
            expect: {
                level: "mandatory",
                code: "RU152-LOC-001",
                messageIncludes: ['exemptions[0].resource "*::{test,examples}::*" is refused: it matches every resource of project', "in every stack"],
            },
        },
    ],
};
