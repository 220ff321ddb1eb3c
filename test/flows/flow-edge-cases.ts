// The branches of each flow kind that the one-case-per-kind table does not reach: a value not
// known yet, a reference found another way, a destination outside the stack. Each case names the
// findings it expects (flow-messages.test.ts asserts them and snapshots their full messages).
import { PERSONAL_RU, Spec, UNKNOWN, urn } from "./helpers";

const S3 = "aws:s3/bucket:Bucket";
const TABLE = "aws:dynamodb/table:Table";
const PLAN = "aws:backup/plan:Plan";
const SELECTION = "aws:backup/selection:Selection";
const VAULT = "aws:backup/vault:Vault";
const DMS_ENDPOINT = "aws:dms/endpoint:Endpoint";
const DMS_TASK = "aws:dms/replicationTask:ReplicationTask";
const DATASYNC_TASK = "aws:datasync/task:Task";
const EFS = "aws:efs/fileSystem:FileSystem";
const EFS_REPLICATION = "aws:efs/replicationConfiguration:ReplicationConfiguration";
const FIREHOSE = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream";
const STREAM = "aws:kinesis/stream:Stream";
const CLUSTER = "aws:rds/cluster:Cluster";
const GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";
const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const GLOBAL_REPLICATION_GROUP = "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup";
const tagged = { tags: PERSONAL_RU };

export interface EdgeCase {
    name: string;
    specs: Spec[];
    /** [urn, downgradable] of every finding, sorted by URN. */
    expected: [string, boolean][];
    /** The pack's config, over the flow tests' own (endpointCountries *.example.ru: RU). */
    config?: Record<string, unknown>;
}

const table: Spec = { type: TABLE, name: "t", props: { name: "t", arn: "arn:aws:dynamodb:ru-central1:123456789012:table/t", ...tagged } };
const vaultAbroad: Spec = { type: VAULT, name: "abroad", props: { name: "abroad" }, place: "abroad" };
const planInto = (vault: string, props: Record<string, unknown> = {}): Spec => ({ type: PLAN, name: "plan", props: { id: "plan-id", name: "plan", rules: [{ targetVaultName: vault }], ...props } });
const selection = (props: Record<string, unknown>, deps: Spec["deps"] = {}): Spec => ({ type: SELECTION, name: "sel", props, deps });
const dmsTask: Spec = { type: DMS_TASK, name: "task", props: { sourceEndpointArn: "arn:dms:source", targetEndpointArn: "arn:dms:target" } };
const dmsSource: Spec = { type: DMS_ENDPOINT, name: "source", props: { endpointArn: "arn:dms:source", s3Settings: { bucketName: "src" } } };
const srcBucket: Spec = { type: S3, name: "src", props: { bucket: "src", arn: "arn:aws:s3:::src", ...tagged } };
const dataSyncTask: Spec = { type: DATASYNC_TASK, name: "task", props: { sourceLocationArn: "arn:ds:from", destinationLocationArn: "arn:ds:to" } };
const dataSyncFrom: Spec = { type: "aws:datasync/s3Location:S3Location", name: "from", props: { arn: "arn:ds:from", s3BucketArn: "arn:aws:s3:::src" } };
const efsSource: Spec = { type: EFS, name: "fs", props: tagged };
const firehose = (props: Record<string, unknown>): Spec => ({
    type: FIREHOSE,
    name: "fh",
    props: { kinesisSourceConfiguration: { kinesisStreamArn: "arn:aws:kinesis:ru-central1:1:stream/s" }, ...props },
});
const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const replicateTo = (bucket: unknown): Spec => ({ type: REPLICATION, name: "repl", props: { bucket: "src", rules: [{ destination: { bucket } }] } });
const dstAbroad: Spec = { type: S3, name: "dst", props: { bucket: "dst" }, place: "abroad" };
const stream: Spec = { type: STREAM, name: "s", props: { name: "s", arn: "arn:aws:kinesis:ru-central1:1:stream/s", ...tagged } };

export const edgeCases: EdgeCase[] = [
    // AWS Backup: how a selection finds its plan.
    {
        name: "AWS Backup selection naming its plan by id, with no dependency",
        specs: [table, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", resources: [table.props!.arn] })],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "AWS Backup selection whose plan is known only from its dependencies",
        specs: [table, vaultAbroad, planInto("abroad"), { ...selection({ planId: UNKNOWN, resources: [table.props!.arn] }), deps: { other: ["plan"] } }],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "AWS Backup plan with no selection backs nothing up",
        specs: [table, vaultAbroad, planInto("abroad")],
        expected: [],
    },
    // AWS Backup: what a selection selects.
    {
        name: "AWS Backup selection whose resources are not known yet, from a store of the stack",
        specs: [table, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", resources: UNKNOWN }, { resources: ["t"] })],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "AWS Backup selection whose resources are not known yet, from nothing in the stack",
        specs: [table, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", resources: UNKNOWN })],
        expected: [
            [urn(PLAN, "plan"), true],
            [urn(VAULT, "abroad"), true],
        ],
    },
    {
        name: "AWS Backup selection tag whose key is not known yet",
        specs: [table, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", selectionTags: [{ type: "STRINGEQUALS", key: UNKNOWN, value: "daily" }] })],
        expected: [
            [urn(PLAN, "plan"), true],
            [urn(VAULT, "abroad"), true],
        ],
    },
    {
        name: "AWS Backup selection tag whose value is not known yet",
        specs: [table, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: UNKNOWN }] })],
        expected: [
            [urn(PLAN, "plan"), true],
            [urn(VAULT, "abroad"), true],
        ],
    },
    {
        name: "AWS Backup selection by tag does not count a tagged vault as backed up",
        specs: [
            { ...table, props: { ...table.props, tags: { "user-data": "none", backup: "daily" } } },
            { type: VAULT, name: "local", props: { name: "local", tags: { ...PERSONAL_RU, backup: "daily" } } },
            vaultAbroad,
            planInto("abroad"),
            selection({ planId: "plan-id", selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] }),
        ],
        expected: [],
    },
    {
        name: "AWS Backup wildcard of another service does not select a new table",
        specs: [{ ...table, props: { name: "t", ...tagged } }, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", resources: ["arn:aws:s3:::*"] })],
        expected: [],
    },
    {
        name: "AWS Backup wildcard of the table's service selects a new table",
        specs: [{ ...table, props: { name: "t", ...tagged } }, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", resources: ["arn:aws:dynamodb:*:*:table/*"] })],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "AWS Backup wildcard that is not an ARN pattern selects a new table",
        specs: [{ ...table, props: { name: "t", ...tagged } }, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", resources: ["*"] })],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "AWS Backup wildcard with a wildcard service selects a new table",
        specs: [{ ...table, props: { name: "t", ...tagged } }, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", resources: ["arn:aws:*:*:*:*"] })],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "AWS Backup wildcard matching a known ARN, with a dot taken literally",
        specs: [
            { ...table, props: { ...table.props, arn: "arn:aws:dynamodb:ru-central1:123456789012:table/t.users" } },
            { type: TABLE, name: "other", props: { name: "other", arn: "arn:aws:dynamodb:ru-central1:123456789012:table/tXusers", ...tagged } },
            vaultAbroad,
            planInto("abroad"),
            selection({ planId: "plan-id", resources: ["arn:aws:dynamodb:ru-central1:123456789012:table/t.use?s"] }),
        ],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "AWS Backup pattern with colons that is not an ARN selects a new table",
        specs: [{ ...table, props: { name: "t", ...tagged } }, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", resources: ["table:x:s3:*"] })],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "AWS Backup selection resource not known yet, from its dependency",
        specs: [table, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", resources: [UNKNOWN] }, { resources: ["t"] })],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "AWS Backup selection whose resources are not known yet, from a resource no longer in the stack",
        specs: [table, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", resources: UNKNOWN }, { resources: ["urn:pulumi:t::t::aws:dynamodb/table:Table::gone"] })],
        expected: [
            [urn(PLAN, "plan"), true],
            [urn(VAULT, "abroad"), true],
        ],
    },
    {
        name: "AWS Backup target vault not known yet, from the rules' dependency",
        specs: [table, vaultAbroad, { ...planInto(UNKNOWN), deps: { rules: ["abroad"] } }, selection({ planId: "plan-id", resources: [table.props!.arn] })],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "AWS Backup target vault outside the stack is in the plan's region",
        specs: [table, { ...planInto("elsewhere"), place: "abroad" }, selection({ planId: "plan-id", resources: [table.props!.arn] })],
        expected: [[urn(PLAN, "plan"), false]],
    },
    // DMS and DataSync: endpoints with no store of the stack behind them.
    {
        name: "DMS target endpoint with a server name abroad",
        specs: [srcBucket, dmsSource, dmsTask, { type: DMS_ENDPOINT, name: "target", props: { endpointArn: "arn:dms:target", serverName: "db.example.com" } }],
        expected: [[urn(DMS_TASK, "task"), true]],
    },
    {
        name: "DMS target endpoint with a server name in Russia",
        specs: [srcBucket, dmsSource, dmsTask, { type: DMS_ENDPOINT, name: "target", props: { endpointArn: "arn:dms:target", serverName: "db.example.ru" } }],
        expected: [],
    },
    {
        name: "DMS target endpoint whose server name is not known yet",
        specs: [srcBucket, dmsSource, dmsTask, { type: DMS_ENDPOINT, name: "target", props: { endpointArn: "arn:dms:target", serverName: UNKNOWN } }],
        expected: [[urn(DMS_TASK, "task"), true]],
    },
    {
        name: "DMS target endpoint with no server name",
        specs: [srcBucket, dmsSource, dmsTask, { type: DMS_ENDPOINT, name: "target", props: { endpointArn: "arn:dms:target", serverName: null } }],
        expected: [[urn(DMS_TASK, "task"), true]],
    },
    {
        name: "DMS source endpoint with no store behind it is classified by its own tags",
        specs: [
            { type: DMS_ENDPOINT, name: "source", props: { endpointArn: "arn:dms:source", serverName: "db.example.ru", ...tagged } },
            dmsTask,
            { type: DMS_ENDPOINT, name: "target", props: { endpointArn: "arn:dms:target", serverName: UNKNOWN } },
        ],
        expected: [[urn(DMS_TASK, "task"), true]],
    },
    {
        name: "DMS target endpoint naming a bucket outside the stack",
        specs: [srcBucket, dmsSource, dmsTask, { type: DMS_ENDPOINT, name: "target", props: { endpointArn: "arn:dms:target", s3Settings: { bucketName: "elsewhere" } } }],
        expected: [[urn(DMS_TASK, "task"), true]],
    },
    {
        name: "DMS endpoint whose store is known only from its dependencies",
        specs: [
            { type: DMS_ENDPOINT, name: "source", props: { endpointArn: "arn:dms:source", serverName: UNKNOWN }, deps: { other: ["src"] } },
            srcBucket,
            dmsTask,
            { type: S3, name: "dst", props: { bucket: "dst" }, place: "abroad" },
            { type: DMS_ENDPOINT, name: "target", props: { endpointArn: "arn:dms:target", s3Settings: { bucketName: UNKNOWN } }, deps: { s3Settings: ["dst"] } },
        ],
        expected: [
            [urn(DMS_TASK, "task"), false],
            [urn(S3, "dst"), false],
        ],
    },
    {
        name: "DataSync destination location naming a bucket outside the stack",
        specs: [srcBucket, dataSyncFrom, dataSyncTask, { type: "aws:datasync/s3Location:S3Location", name: "to", props: { arn: "arn:ds:to", s3BucketArn: "arn:aws:s3:::elsewhere" } }],
        expected: [[urn(DATASYNC_TASK, "task"), true]],
    },
    {
        name: "DataSync destination location with a server abroad",
        specs: [srcBucket, dataSyncFrom, dataSyncTask, { type: "aws:datasync/nfsLocation:NfsLocation", name: "to", props: { arn: "arn:ds:to", serverHostname: "nfs.example.com" } }],
        expected: [[urn(DATASYNC_TASK, "task"), true]],
    },
    {
        name: "DataSync destination location with a container URL in Russia",
        specs: [
            srcBucket,
            dataSyncFrom,
            dataSyncTask,
            { type: "aws:datasync/locationAzureBlob:LocationAzureBlob", name: "to", props: { arn: "arn:ds:to", containerUrl: "https://blob.example.ru/c" } },
        ],
        expected: [],
    },
    {
        name: "DataSync destination location naming nothing",
        specs: [srcBucket, dataSyncFrom, dataSyncTask, { type: "aws:datasync/nfsLocation:NfsLocation", name: "to", props: { arn: "arn:ds:to" } }],
        expected: [[urn(DATASYNC_TASK, "task"), true]],
    },
    // EFS replication.
    {
        name: "EFS replication whose destination is not known yet",
        specs: [efsSource, { type: EFS_REPLICATION, name: "rc", props: { sourceFileSystemId: UNKNOWN, destination: UNKNOWN }, deps: { sourceFileSystemId: ["fs"] } }],
        expected: [[urn(EFS_REPLICATION, "rc"), true]],
    },
    {
        name: "EFS replication whose destination names neither a file system nor a region",
        specs: [efsSource, { type: EFS_REPLICATION, name: "rc", props: { sourceFileSystemId: UNKNOWN, destination: { availabilityZoneName: "a" } }, deps: { sourceFileSystemId: ["fs"] } }],
        expected: [[urn(EFS_REPLICATION, "rc"), true]],
    },
    {
        name: "EFS replication to a file system outside the stack, in a region",
        specs: [
            efsSource,
            { type: EFS_REPLICATION, name: "rc", props: { sourceFileSystemId: UNKNOWN, destination: { fileSystemId: "fs-0123", region: "eu-west-1" } }, deps: { sourceFileSystemId: ["fs"] } },
        ],
        expected: [[urn(EFS_REPLICATION, "rc"), false]],
    },
    {
        name: "EFS replication to a file system of the stack, with its region",
        specs: [
            efsSource,
            { type: EFS, name: "dst", props: {}, place: "abroad" },
            {
                type: EFS_REPLICATION,
                name: "rc",
                props: { sourceFileSystemId: UNKNOWN, destination: { fileSystemId: UNKNOWN, region: "eu-central-1" } },
                deps: { sourceFileSystemId: ["fs"], destination: ["dst"] },
            },
        ],
        expected: [
            [urn(EFS, "dst"), false],
            [urn(EFS_REPLICATION, "rc"), false],
        ],
    },
    {
        name: "EFS replication to a file system outside the stack, with no region",
        specs: [efsSource, { type: EFS_REPLICATION, name: "rc", props: { sourceFileSystemId: UNKNOWN, destination: { fileSystemId: "fs-0123" } }, deps: { sourceFileSystemId: ["fs"] } }],
        expected: [[urn(EFS_REPLICATION, "rc"), true]],
    },
    {
        name: "EFS replication whose file system id is not known yet, with no region",
        specs: [efsSource, { type: EFS_REPLICATION, name: "rc", props: { sourceFileSystemId: UNKNOWN, destination: { fileSystemId: UNKNOWN } }, deps: { sourceFileSystemId: ["fs"] } }],
        expected: [[urn(EFS_REPLICATION, "rc"), true]],
    },
    {
        name: "EFS replication served by AWS, to a region not known yet",
        specs: [
            { ...efsSource, place: "abroad" },
            { type: EFS_REPLICATION, name: "rc", props: { sourceFileSystemId: UNKNOWN, destination: { region: UNKNOWN } }, deps: { sourceFileSystemId: ["fs"] }, place: "abroad" },
        ],
        expected: [[urn(EFS_REPLICATION, "rc"), false]],
    },
    {
        name: "EFS replication does not count its source as its destination",
        specs: [
            efsSource,
            {
                type: EFS_REPLICATION,
                name: "rc",
                props: { sourceFileSystemId: UNKNOWN, destination: { fileSystemId: UNKNOWN, region: "eu-west-1" } },
                deps: { sourceFileSystemId: ["fs"], destination: ["fs"] },
            },
        ],
        expected: [[urn(EFS_REPLICATION, "rc"), false]],
    },
    // ElastiCache global datastores.
    {
        // A source outside the stack has tags the pack cannot see; the secondary's own tags are the localization policy's.
        name: "ElastiCache secondary whose global datastore is outside the stack",
        specs: [{ type: REPLICATION_GROUP, name: "secondary", props: { replicationGroupId: "secondary", globalReplicationGroupId: "ldgnf-global" }, place: "abroad" }],
        expected: [],
    },
    {
        name: "ElastiCache secondary whose global datastore is not known yet",
        specs: [{ type: REPLICATION_GROUP, name: "secondary", props: { replicationGroupId: "secondary", globalReplicationGroupId: UNKNOWN }, place: "abroad" }],
        expected: [[urn(REPLICATION_GROUP, "secondary"), true]],
    },
    {
        // After an update the primary reads back its global datastore's id, as a secondary does.
        name: "ElastiCache primary is not its own source",
        specs: [
            { type: REPLICATION_GROUP, name: "primary", props: { replicationGroupId: "primary", globalReplicationGroupId: "ldgnf-g", ...tagged }, place: "abroad" },
            { type: GLOBAL_REPLICATION_GROUP, name: "g", props: { globalReplicationGroupId: "ldgnf-g", primaryReplicationGroupId: "primary" }, deps: { primaryReplicationGroupId: ["primary"] } },
        ],
        expected: [],
    },
    // Firehose.
    {
        name: "Firehose destination configuration not known yet",
        specs: [stream, firehose({ extendedS3Configuration: UNKNOWN, redshiftConfiguration: null })],
        expected: [[urn(FIREHOSE, "fh"), true]],
    },
    {
        name: "Firehose HTTP endpoint abroad",
        specs: [
            stream,
            firehose({ httpEndpointConfiguration: { url: "https://collector.example.com/in", s3Configuration: { bucketArn: "arn:aws:s3:::local" } } }),
            { type: S3, name: "local", props: { bucket: "local", arn: "arn:aws:s3:::local" } },
        ],
        expected: [[urn(FIREHOSE, "fh"), true]],
    },
    {
        name: "Firehose OpenSearch domain abroad, whose endpoint is not read as a URL",
        specs: [
            stream,
            { type: "aws:opensearch/domain:Domain", name: "search", props: { domainName: "search", arn: "arn:aws:es:eu-west-1:1:domain/search" }, place: "abroad" },
            firehose({ opensearchConfiguration: { domainArn: "arn:aws:es:eu-west-1:1:domain/search", clusterEndpoint: "https://search.example.com" } }),
        ],
        expected: [
            [urn(FIREHOSE, "fh"), false],
            [urn("aws:opensearch/domain:Domain", "search"), false],
        ],
    },
    {
        name: "Firehose reading from MSK",
        specs: [
            { type: "aws:msk/cluster:Cluster", name: "kafka", props: { clusterName: "kafka", arn: "arn:aws:kafka:ru-central1:123456789012:cluster/kafka/1", ...tagged } },
            {
                type: FIREHOSE,
                name: "fh",
                props: { mskSourceConfiguration: { mskClusterArn: "arn:aws:kafka:ru-central1:123456789012:cluster/kafka/1" }, extendedS3Configuration: { bucketArn: "arn:aws:s3:::away" } },
            },
            { type: S3, name: "away", props: { bucket: "away", arn: "arn:aws:s3:::away" }, place: "abroad" },
        ],
        expected: [
            [urn(FIREHOSE, "fh"), false],
            [urn(S3, "away"), false],
        ],
    },
    {
        name: "Firehose Iceberg catalog abroad",
        specs: [stream, firehose({ icebergConfiguration: { catalogArn: "arn:aws:glue:eu-west-1:123456789012:catalog" } })],
        expected: [[urn(FIREHOSE, "fh"), false]],
    },
    // RDS clusters.
    {
        name: "RDS global cluster created from a source cluster",
        specs: [
            { type: CLUSTER, name: "origin", props: { clusterIdentifier: "origin", arn: "arn:aws:rds:ru-central1:1:cluster:origin", ...tagged } },
            { type: GLOBAL_CLUSTER, name: "g", props: { globalClusterIdentifier: "g", sourceDbClusterIdentifier: "arn:aws:rds:ru-central1:1:cluster:origin" } },
            { type: CLUSTER, name: "secondary", props: { clusterIdentifier: "secondary", globalClusterIdentifier: "g" }, place: "abroad" },
        ],
        expected: [[urn(CLUSTER, "secondary"), false]],
    },
    {
        // Tagged personal and abroad: the localization policy's finding, not a flow's.
        name: "RDS global cluster member whose global cluster is outside the stack",
        specs: [{ type: CLUSTER, name: "secondary", props: { clusterIdentifier: "secondary", globalClusterIdentifier: "elsewhere", ...tagged }, place: "abroad" }],
        expected: [],
    },
    {
        name: "RDS cluster is not a replica of itself",
        specs: [
            {
                type: CLUSTER,
                name: "c",
                props: { clusterIdentifier: "c", arn: "arn:aws:rds:eu-west-1:1:cluster:c", replicationSourceIdentifier: "arn:aws:rds:eu-west-1:1:cluster:c", ...tagged },
                place: "abroad",
            },
        ],
        expected: [],
    },
    // S3 inline blocks.
    {
        name: "S3 inline replicationConfiguration not known yet",
        specs: [{ ...srcBucket, props: { ...srcBucket.props, replicationConfiguration: UNKNOWN } }],
        expected: [[urn(S3, "src"), true]],
    },
    {
        name: "S3 inline replicationConfigurations list, with a disabled rule",
        specs: [
            {
                ...srcBucket,
                props: {
                    ...srcBucket.props,
                    replicationConfigurations: [{ role: "r", rules: [{ status: "Disabled", destination: { bucket: "arn:aws:s3:::dst" } }, { destination: { bucket: "arn:aws:s3:::dst" } }] }],
                },
            },
            { type: S3, name: "dst", props: { bucket: "dst", arn: "arn:aws:s3:::dst" }, place: "abroad" },
        ],
        expected: [
            [urn(S3, "dst"), false],
            [urn(S3, "src"), false],
            [urn(S3, "src"), false],
        ],
    },
    {
        name: "S3 inline replication rule with no destination bucket",
        specs: [{ ...srcBucket, props: { ...srcBucket.props, replicationConfiguration: { role: "r", rules: [{ destination: {} }] } } }],
        expected: [[urn(S3, "src"), true]],
    },
    {
        name: "S3 inline loggings list to a bucket abroad, and replication to itself",
        specs: [
            { ...srcBucket, props: { ...srcBucket.props, loggings: [{ targetBucket: "dst" }], replicationConfiguration: { role: "r", rules: [{ destination: { bucket: "arn:aws:s3:::src" } }] } } },
            { type: S3, name: "dst", props: { bucket: "dst", arn: "arn:aws:s3:::dst" }, place: "abroad" },
        ],
        expected: [
            [urn(S3, "dst"), false],
            [urn(S3, "src"), false],
        ],
    },
    // How a reference is resolved and located (flows/resolve.ts), through an S3 replication rule.
    {
        name: "Destination outside the stack placed in Russia by destinationLocations",
        specs: [srcBucket, replicateTo("arn:aws:s3:::partner")],
        config: { destinationLocations: { "arn:aws:s3:::partner": "RU" } },
        expected: [],
    },
    {
        name: "Destination outside the stack placed abroad by destinationLocations under its ARN's name",
        specs: [srcBucket, replicateTo("arn:aws:s3:::partner")],
        config: { destinationLocations: { partner: "DE" } },
        expected: [[urn(REPLICATION, "repl"), false]],
    },
    {
        name: "Destination outside the stack placed in Russia by stackDestinations",
        specs: [srcBucket, replicateTo("arn:aws:s3:::partner")],
        config: { stackDestinations: { "arn:aws:s3:::partner": { country: "RU", stack: "org/storage/prod" } } },
        expected: [],
    },
    {
        name: "Destination outside the stack placed abroad by stackDestinations",
        specs: [srcBucket, replicateTo("arn:aws:s3:::partner")],
        config: { stackDestinations: { partner: { country: "de", stack: "org/storage/eu" } } },
        expected: [[urn(REPLICATION, "repl"), false]],
    },
    {
        name: "Destination value the index cannot match, from a property dependency",
        specs: [srcBucket, dstAbroad, { ...replicateTo("arn:aws:s3:::renamed"), deps: { rules: ["dst"] } }],
        expected: [
            [urn(S3, "dst"), false],
            [urn(REPLICATION, "repl"), false],
        ],
    },
    {
        name: "Destination value that is not a string",
        specs: [srcBucket, replicateTo(42)],
        expected: [[urn(REPLICATION, "repl"), true]],
    },
    {
        name: "Destination not known yet, from the flow resource's only other dependency of the right type",
        specs: [srcBucket, dstAbroad, { ...replicateTo(UNKNOWN), deps: { other: ["src", "dst"] } }],
        expected: [
            [urn(S3, "dst"), false],
            [urn(REPLICATION, "repl"), false],
        ],
    },
    {
        name: "Destination not known yet, with two candidate dependencies",
        specs: [srcBucket, dstAbroad, { type: S3, name: "dst2", props: { bucket: "dst2" }, place: "abroad" }, { ...replicateTo(UNKNOWN), deps: { other: ["dst", "dst2"] } }],
        expected: [
            [urn(S3, "dst"), false],
            [urn(S3, "dst2"), false],
            [urn(REPLICATION, "repl"), false],
            [urn(REPLICATION, "repl"), false],
        ],
    },
    {
        name: "Destination ARN in a region the catalogue does not know",
        specs: [{ ...stream, props: { ...stream.props } }, firehose({ extendedS3Configuration: { bucketArn: "arn:aws:s3:xx-north-9:123456789012:accesspoint/x" } })],
        expected: [[urn(FIREHOSE, "fh"), true]],
    },
    {
        name: "Destination JDBC URL in Russia",
        specs: [stream, firehose({ redshiftConfiguration: { clusterJdbcurl: "jdbc:redshift://warehouse.example.ru:5439/dev" } })],
        expected: [],
    },
    {
        name: "Destination JDBC URL on a host the catalogue does not know",
        specs: [stream, firehose({ redshiftConfiguration: { clusterJdbcurl: "JDBC:redshift://warehouse.example.com:5439/dev" } })],
        expected: [[urn(FIREHOSE, "fh"), true]],
    },
    {
        name: "Replica regions not known yet",
        specs: [{ type: "aws:dynamodb/table:Table", name: "t", props: { name: "t", replicas: UNKNOWN, ...tagged } }],
        expected: [[urn("aws:dynamodb/table:Table", "t"), true]],
    },
    {
        name: "Replica region that is not a string, for a table outside AWS",
        specs: [{ type: "aws:dynamodb/table:Table", name: "t", props: { name: "t", replicas: [{ regionName: 7 }], ...tagged } }],
        expected: [[urn("aws:dynamodb/table:Table", "t"), true]],
    },
    {
        name: "Replica region the catalogue does not list, for a table outside AWS",
        specs: [{ type: "aws:dynamodb/table:Table", name: "t", props: { name: "t", replicas: [{ regionName: "mars-north-1" }], ...tagged } }],
        expected: [[urn("aws:dynamodb/table:Table", "t"), true]],
    },
    {
        name: "EFS replication served by AWS, to a region that is not a string",
        specs: [
            { ...efsSource, place: "abroad" },
            { type: EFS_REPLICATION, name: "rc", props: { sourceFileSystemId: UNKNOWN, destination: { region: 7 } }, deps: { sourceFileSystemId: ["fs"] }, place: "abroad" },
        ],
        expected: [[urn(EFS_REPLICATION, "rc"), false]],
    },
    {
        name: "EFS replication served by AWS, to a region the catalogue does not list",
        specs: [
            { ...efsSource, place: "abroad" },
            { type: EFS_REPLICATION, name: "rc", props: { sourceFileSystemId: UNKNOWN, destination: { region: "mars-north-1" } }, deps: { sourceFileSystemId: ["fs"] }, place: "abroad" },
        ],
        expected: [[urn(EFS_REPLICATION, "rc"), false]],
    },
    {
        // notTheSource (data/flow-kinds.json): the logged bucket is not counted among the candidates for its log target.
        name: "S3 BucketLogging target not known yet, from its dependencies on the logged bucket and one other",
        specs: [srcBucket, dstAbroad, { type: "aws:s3/bucketLogging:BucketLogging", name: "log", props: { bucket: "src", targetBucket: UNKNOWN }, deps: { other: ["src", "dst"] } }],
        expected: [
            [urn(S3, "dst"), false],
            [urn("aws:s3/bucketLogging:BucketLogging", "log"), false],
        ],
    },
    // Taint (flows/taint.ts): what a store holds when data reach it more than one way.
    {
        name: "A store receiving both Russian citizens' personal data and data of unknown classification holds personal data",
        specs: [
            srcBucket,
            { type: S3, name: "mystery", props: { bucket: "mystery", tags: { "user-data": UNKNOWN } } },
            dstAbroad,
            { type: REPLICATION, name: "repl", props: { bucket: "src", rules: [{ destination: { bucket: "dst" } }] } },
            { type: REPLICATION, name: "repl2", props: { bucket: "mystery", rules: [{ destination: { bucket: "dst" } }] } },
        ],
        expected: [
            [urn(S3, "dst"), false],
            [urn(REPLICATION, "repl"), false],
            [urn(REPLICATION, "repl2"), true],
        ],
    },
    {
        name: "A store two copies away holds the data, and says which store it came from",
        specs: [
            srcBucket,
            { type: S3, name: "middle", props: { bucket: "middle" } },
            dstAbroad,
            { type: REPLICATION, name: "repl", props: { bucket: "src", rules: [{ destination: { bucket: "middle" } }] } },
            { type: REPLICATION, name: "repl2", props: { bucket: "middle", rules: [{ destination: { bucket: "dst" } }] } },
        ],
        expected: [
            [urn(S3, "dst"), false],
            [urn(REPLICATION, "repl2"), false],
        ],
    },
    // Values not known yet in a preview, each found by test/fuzz/unknown-never-passes.test.ts
    // letting a blocked stack pass: each is now a flow the pack cannot see whole, and blocks.
    {
        name: "AWS Backup plan whose rules are not known yet",
        specs: [table, vaultAbroad, planInto("abroad", { rules: UNKNOWN }), selection({ planId: "plan-id", resources: [table.props!.arn] })],
        expected: [[urn(PLAN, "plan"), true]],
    },
    {
        name: "AWS Backup plan with a rule not known yet",
        specs: [table, vaultAbroad, planInto("abroad", { rules: [UNKNOWN] }), selection({ planId: "plan-id", resources: [table.props!.arn] })],
        expected: [[urn(PLAN, "plan"), true]],
    },
    {
        name: "AWS Backup plan with a copy action not known yet",
        specs: [
            table,
            planInto("local", { rules: [{ targetVaultName: "local", copyActions: [UNKNOWN] }] }),
            { type: VAULT, name: "local", props: { name: "local" } },
            selection({ planId: "plan-id", resources: [table.props!.arn] }),
        ],
        expected: [[urn(PLAN, "plan"), true]],
    },
    {
        name: "AWS Backup selection whose resources are not known yet, from a resource that is no store",
        specs: [table, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", resources: UNKNOWN }, { resources: ["urn:pulumi:t::t::random:index/randomPet:RandomPet::pet"] })],
        expected: [
            [urn(PLAN, "plan"), true],
            [urn(VAULT, "abroad"), true],
        ],
    },
    {
        name: "AWS Backup selection whose selectionTags are not known yet",
        specs: [table, vaultAbroad, planInto("abroad"), selection({ planId: "plan-id", selectionTags: UNKNOWN })],
        expected: [
            [urn(PLAN, "plan"), true],
            [urn(VAULT, "abroad"), true],
        ],
    },
    {
        name: "AWS Backup selection by tag counts a store whose tags are not known yet",
        specs: [
            { ...table, props: { ...table.props, tags: UNKNOWN } },
            vaultAbroad,
            planInto("abroad"),
            selection({ planId: "plan-id", selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] }),
        ],
        expected: [
            [urn(PLAN, "plan"), true],
            [urn(VAULT, "abroad"), true],
        ],
    },
    {
        name: "AWS Backup selection by tag counts a store whose value for the key is not known yet",
        specs: [
            { ...table, props: { ...table.props, tags: { ...PERSONAL_RU, Backup: UNKNOWN } } },
            vaultAbroad,
            planInto("abroad"),
            selection({ planId: "plan-id", selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] }),
        ],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "AWS Backup selection by tag does not count a store whose known tags lack the key",
        specs: [
            { ...table, props: { ...table.props, tagsAll: UNKNOWN } },
            vaultAbroad,
            planInto("abroad"),
            selection({ planId: "plan-id", selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] }),
        ],
        expected: [],
    },
    {
        name: "AWS Backup selection names by ARN, in a Yandex Cloud region, a table whose ARN is not known yet",
        specs: [
            { ...table, props: { ...table.props, arn: UNKNOWN } },
            vaultAbroad,
            planInto("abroad"),
            selection({ planId: "plan-id", resources: ["arn:aws:dynamodb:ru-central1:123456789012:table/t"] }),
        ],
        expected: [
            [urn(PLAN, "plan"), false],
            [urn(VAULT, "abroad"), false],
        ],
    },
    {
        name: "DMS source endpoint whose store settings are not known yet",
        specs: [
            srcBucket,
            { ...dmsSource, props: { ...dmsSource.props, s3Settings: UNKNOWN } },
            dmsTask,
            { type: DMS_ENDPOINT, name: "target", props: { endpointArn: "arn:dms:target", serverName: "db.example.com" } },
        ],
        expected: [[urn(DMS_TASK, "task"), true]],
    },
    {
        name: "DynamoDB replica not known yet",
        specs: [{ ...table, props: { ...table.props, replicas: [UNKNOWN] } }],
        expected: [[urn(TABLE, "t"), true]],
    },
    {
        name: "S3 inline replicationConfiguration list with an entry not known yet",
        specs: [{ ...srcBucket, props: { ...srcBucket.props, replicationConfiguration: [UNKNOWN] } }],
        expected: [[urn(S3, "src"), true]],
    },
    {
        name: "RDS cluster whose global cluster is not known yet, with nothing saying which",
        specs: [{ type: CLUSTER, name: "secondary", props: { clusterIdentifier: "secondary", globalClusterIdentifier: UNKNOWN }, place: "abroad" }],
        expected: [[urn(CLUSTER, "secondary"), true]],
    },
    {
        name: "RDS cluster in Russia whose global cluster is not known yet",
        specs: [{ type: CLUSTER, name: "secondary", props: { clusterIdentifier: "secondary", globalClusterIdentifier: UNKNOWN } }],
        expected: [],
    },
];
