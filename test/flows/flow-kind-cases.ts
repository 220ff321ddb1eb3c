// One case per flow kind, as the flow kinds test runs it (a destination in Russia, abroad, not
// locatable) and as the conventions test reads it (every flow kind is produced by a case or an example).
import { PERSONAL_RU, Place, Spec, UNKNOWN, urn } from "./helpers";

const S3 = "aws:s3/bucket:Bucket";
const TABLE = "aws:dynamodb/table:Table";
const STREAM = "aws:kinesis/stream:Stream";
const RDS = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";
const tagged = { tags: PERSONAL_RU };

export interface Case {
    kind: string;
    specs: (dest: Place) => Spec[];
    /** URNs reported when the destination is abroad. */
    reported: string[];
    /** Only AWS regions can be named (a DynamoDB replica region): "allowed" means a source with no personal data. */
    regionOnly?: boolean;
}

const srcBucket: Spec = { type: S3, name: "src", props: { bucket: "src", arn: "arn:aws:s3:::src", ...tagged } };
const dstBucket = (p: Place): Spec => ({ type: S3, name: "dst", props: { bucket: "dst", arn: "arn:aws:s3:::dst" }, place: p });
const srcTable: Spec = { type: TABLE, name: "t", props: { name: "t", arn: "arn:aws:dynamodb:ru-central1:123456789012:table/t", ...tagged } };
const region = (p: Place) => (p === "unknown" ? UNKNOWN : "eu-west-1");

export const cases: Case[] = [
    {
        kind: "S3 BucketReplicationConfig",
        specs: (p) => [
            srcBucket,
            dstBucket(p),
            { type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig", name: "repl", props: { bucket: "src", rules: [{ destination: { bucket: "arn:aws:s3:::dst" } }] } },
        ],
        reported: [urn("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl"), urn(S3, "dst")],
    },
    {
        kind: "S3 inline replicationConfiguration",
        specs: (p) => [{ ...srcBucket, props: { ...srcBucket.props, replicationConfiguration: { role: "r", rules: [{ destination: { bucket: "arn:aws:s3:::dst" } }] } } }, dstBucket(p)],
        reported: [urn(S3, "src"), urn(S3, "dst")],
    },
    {
        kind: "S3 BucketV2 inline replicationConfiguration",
        specs: (p) => [
            { type: "aws:s3/bucketV2:BucketV2", name: "src", props: { ...srcBucket.props, replicationConfiguration: { role: "r", rules: [{ destination: { bucket: "arn:aws:s3:::dst" } }] } } },
            dstBucket(p),
        ],
        reported: [urn("aws:s3/bucketV2:BucketV2", "src"), urn(S3, "dst")],
    },
    {
        kind: "S3 inline logging",
        specs: (p) => [{ ...srcBucket, props: { ...srcBucket.props, logging: { targetBucket: "dst" } } }, dstBucket(p)],
        reported: [urn(S3, "src"), urn(S3, "dst")],
    },
    {
        kind: "S3 BucketLogging",
        specs: (p) => [srcBucket, dstBucket(p), { type: "aws:s3/bucketLogging:BucketLogging", name: "log", props: { bucket: "src", targetBucket: "dst" } }],
        reported: [urn("aws:s3/bucketLogging:BucketLogging", "log"), urn(S3, "dst")],
    },
    {
        kind: "S3 BucketLoggingV2",
        specs: (p) => [srcBucket, dstBucket(p), { type: "aws:s3/bucketLoggingV2:BucketLoggingV2", name: "log", props: { bucket: "src", targetBucket: "dst" } }],
        reported: [urn("aws:s3/bucketLoggingV2:BucketLoggingV2", "log"), urn(S3, "dst")],
    },
    {
        kind: "S3 Inventory",
        specs: (p) => [srcBucket, dstBucket(p), { type: "aws:s3/inventory:Inventory", name: "inv", props: { bucket: "src", destination: { bucket: { bucketArn: "arn:aws:s3:::dst" } } } }],
        reported: [urn("aws:s3/inventory:Inventory", "inv"), urn(S3, "dst")],
    },
    {
        kind: "DynamoDB Table replicas",
        regionOnly: true,
        specs: (p) => [{ ...srcTable, props: { ...srcTable.props, replicas: [{ regionName: region(p) }] } }],
        reported: [urn(TABLE, "t")],
    },
    {
        kind: "DynamoDB TableReplica",
        specs: (p) => [srcTable, { type: "aws:dynamodb/tableReplica:TableReplica", name: "rep", props: { globalTableArn: "arn:aws:dynamodb:ru-central1:123456789012:table/t" }, place: p }],
        reported: [urn("aws:dynamodb/tableReplica:TableReplica", "rep")],
    },
    {
        kind: "DynamoDB GlobalTable",
        regionOnly: true,
        specs: (p) => [srcTable, { type: "aws:dynamodb/globalTable:GlobalTable", name: "g", props: { name: "t", replicas: [{ regionName: region(p) }] } }],
        reported: [urn("aws:dynamodb/globalTable:GlobalTable", "g")],
    },
    {
        kind: "DynamoDB TableExport",
        specs: (p) => [srcTable, dstBucket(p), { type: "aws:dynamodb/tableExport:TableExport", name: "exp", props: { tableArn: srcTable.props!.arn, s3Bucket: "dst" } }],
        reported: [urn("aws:dynamodb/tableExport:TableExport", "exp"), urn(S3, "dst")],
    },
    {
        kind: "DynamoDB KinesisStreamingDestination",
        specs: (p) => [
            srcTable,
            { type: STREAM, name: "dst", props: { name: "dst", arn: "arn:aws:kinesis:eu-central-1:123456789012:stream/dst" }, place: p },
            { type: "aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination", name: "ksd", props: { tableName: "t", streamArn: "arn:aws:kinesis:eu-central-1:123456789012:stream/dst" } },
        ],
        reported: [urn("aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination", "ksd"), urn(STREAM, "dst")],
    },
    {
        kind: "RDS Instance replicateSourceDb",
        specs: (p) => [
            { type: RDS, name: "db", props: { identifier: "db", ...tagged } },
            { type: RDS, name: "replica", props: { identifier: "replica", replicateSourceDb: "db" }, place: p },
        ],
        reported: [urn(RDS, "replica")],
    },
    {
        kind: "RDS Cluster replicationSourceIdentifier",
        specs: (p) => [
            { type: CLUSTER, name: "c", props: { clusterIdentifier: "c", arn: "arn:aws:rds:ru-central1:123456789012:cluster:c", ...tagged } },
            { type: CLUSTER, name: "r", props: { clusterIdentifier: "r", replicationSourceIdentifier: "arn:aws:rds:ru-central1:123456789012:cluster:c" }, place: p },
        ],
        reported: [urn(CLUSTER, "r")],
    },
    {
        kind: "RDS GlobalCluster member",
        specs: (p) => [
            { type: "aws:rds/globalCluster:GlobalCluster", name: "g", props: { globalClusterIdentifier: "g" } },
            { type: CLUSTER, name: "primary", props: { clusterIdentifier: "primary", globalClusterIdentifier: UNKNOWN, ...tagged }, deps: { globalClusterIdentifier: ["g"] } },
            { type: CLUSTER, name: "secondary", props: { clusterIdentifier: "secondary", globalClusterIdentifier: "g" }, place: p },
        ],
        reported: [urn(CLUSTER, "secondary")],
    },
    {
        kind: "RDS InstanceAutomatedBackupsReplication",
        specs: (p) => [
            { type: RDS, name: "db", props: { identifier: "db", arn: "arn:aws:rds:ru-central1:123456789012:db:db", ...tagged } },
            {
                type: "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
                name: "abr",
                props: { sourceDbInstanceArn: "arn:aws:rds:ru-central1:123456789012:db:db" },
                place: p,
            },
        ],
        reported: [urn("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "abr")],
    },
    {
        kind: "RDS Snapshot and SnapshotCopy",
        specs: (p) => [
            { type: RDS, name: "db", props: { identifier: "db", ...tagged } },
            {
                type: "aws:rds/snapshot:Snapshot",
                name: "snap",
                props: { dbInstanceIdentifier: "db", dbSnapshotIdentifier: "snap", dbSnapshotArn: "arn:aws:rds:ru-central1:123456789012:snapshot:snap" },
            },
            {
                type: "aws:rds/snapshotCopy:SnapshotCopy",
                name: "copy",
                props: { sourceDbSnapshotIdentifier: "arn:aws:rds:ru-central1:123456789012:snapshot:snap", targetDbSnapshotIdentifier: "copy" },
                place: p,
            },
        ],
        reported: [urn("aws:rds/snapshotCopy:SnapshotCopy", "copy")],
    },
    {
        kind: "RDS SnapshotCopy with destinationRegion",
        regionOnly: true,
        specs: (p) => [
            { type: "aws:rds/snapshot:Snapshot", name: "snap", props: { dbSnapshotIdentifier: "snap", ...tagged } },
            { type: "aws:rds/snapshotCopy:SnapshotCopy", name: "copy", props: { sourceDbSnapshotIdentifier: "snap", destinationRegion: region(p) } },
        ],
        reported: [urn("aws:rds/snapshotCopy:SnapshotCopy", "copy")],
    },
    {
        kind: "RDS ClusterSnapshot and ClusterSnapshotCopy",
        specs: (p) => [
            { type: CLUSTER, name: "c", props: { clusterIdentifier: "c", ...tagged } },
            { type: "aws:rds/clusterSnapshot:ClusterSnapshot", name: "snap", props: { dbClusterIdentifier: "c", dbClusterSnapshotIdentifier: "snap" } },
            { type: "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", name: "copy", props: { sourceDbClusterSnapshotIdentifier: "snap", targetDbClusterSnapshotIdentifier: "copy" }, place: p },
        ],
        reported: [urn("aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "copy")],
    },
    {
        kind: "RDS ExportTask",
        specs: (p) => [
            { type: "aws:rds/snapshot:Snapshot", name: "snap", props: { dbSnapshotIdentifier: "snap", dbSnapshotArn: "arn:aws:rds:ru-central1:123456789012:snapshot:snap", ...tagged } },
            dstBucket(p),
            { type: "aws:rds/exportTask:ExportTask", name: "exp", props: { sourceArn: "arn:aws:rds:ru-central1:123456789012:snapshot:snap", s3BucketName: "dst" } },
        ],
        reported: [urn("aws:rds/exportTask:ExportTask", "exp"), urn(S3, "dst")],
    },
    {
        kind: "AWS Backup plan copy action",
        specs: (p) => [
            srcTable,
            { type: "aws:backup/vault:Vault", name: "dst", props: { name: "dst", arn: "arn:aws:backup:eu-central-1:123456789012:backup-vault:dst" }, place: p },
            { type: "aws:backup/vault:Vault", name: "local", props: { name: "local" } },
            {
                type: "aws:backup/plan:Plan",
                name: "plan",
                props: { name: "plan", rules: [{ targetVaultName: "local", copyActions: [{ destinationVaultArn: "arn:aws:backup:eu-central-1:123456789012:backup-vault:dst" }] }] },
            },
            { type: "aws:backup/selection:Selection", name: "sel", props: { planId: UNKNOWN, resources: [srcTable.props!.arn] }, deps: { planId: ["plan"] } },
        ],
        reported: [urn("aws:backup/plan:Plan", "plan"), urn("aws:backup/vault:Vault", "dst")],
    },
    {
        kind: "AWS Backup selection by tag",
        specs: (p) => [
            { ...srcTable, props: { ...srcTable.props, tags: { ...PERSONAL_RU, backup: "daily" } } },
            { type: "aws:backup/vault:Vault", name: "dst", props: { name: "dst" }, place: p },
            { type: "aws:backup/vault:Vault", name: "local", props: { name: "local" } },
            { type: "aws:backup/plan:Plan", name: "plan", props: { name: "plan", rules: [{ targetVaultName: "local", copyActions: [{ destinationVaultArn: UNKNOWN }] }] }, deps: { rules: ["dst"] } },
            { type: "aws:backup/selection:Selection", name: "sel", props: { planId: UNKNOWN, selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] }, deps: { planId: ["plan"] } },
        ],
        // rules depend on both vaults; the target vault "local" is named and in Russia, the copy's is the one abroad.
        reported: [urn("aws:backup/plan:Plan", "plan"), urn("aws:backup/vault:Vault", "dst")],
    },
    {
        kind: "EBS Snapshot and SnapshotCopy",
        specs: (p) => [
            { type: "aws:ebs/volume:Volume", name: "vol", props: tagged },
            { type: "aws:ebs/snapshot:Snapshot", name: "snap", props: { volumeId: UNKNOWN }, deps: { volumeId: ["vol"] } },
            { type: "aws:ebs/snapshotCopy:SnapshotCopy", name: "copy", props: { sourceSnapshotId: UNKNOWN, sourceRegion: "ru-central1" }, deps: { sourceSnapshotId: ["snap"] }, place: p },
        ],
        reported: [urn("aws:ebs/snapshotCopy:SnapshotCopy", "copy")],
    },
    {
        kind: "EC2 AmiFromInstance and AmiCopy",
        specs: (p) => [
            { type: "aws:ec2/instance:Instance", name: "vm", props: tagged },
            { type: "aws:ec2/amiFromInstance:AmiFromInstance", name: "ami", props: { sourceInstanceId: UNKNOWN }, deps: { sourceInstanceId: ["vm"] } },
            { type: "aws:ec2/amiCopy:AmiCopy", name: "copy", props: { sourceAmiId: UNKNOWN, sourceAmiRegion: "ru-central1" }, deps: { sourceAmiId: ["ami"] }, place: p },
        ],
        reported: [urn("aws:ec2/amiCopy:AmiCopy", "copy")],
    },
    {
        kind: "EFS ReplicationConfiguration",
        specs: (p) => [
            { type: "aws:efs/fileSystem:FileSystem", name: "fs", props: tagged },
            { type: "aws:efs/fileSystem:FileSystem", name: "dst", props: {}, place: p },
            {
                type: "aws:efs/replicationConfiguration:ReplicationConfiguration",
                name: "rc",
                props: { sourceFileSystemId: UNKNOWN, destination: { fileSystemId: UNKNOWN } },
                deps: { sourceFileSystemId: ["fs"], destination: ["dst"] },
            },
        ],
        reported: [urn("aws:efs/replicationConfiguration:ReplicationConfiguration", "rc"), urn("aws:efs/fileSystem:FileSystem", "dst")],
    },
    {
        kind: "EFS ReplicationConfiguration to a region",
        regionOnly: true,
        specs: (p) => [
            { type: "aws:efs/fileSystem:FileSystem", name: "fs", props: tagged },
            {
                type: "aws:efs/replicationConfiguration:ReplicationConfiguration",
                name: "rc",
                props: { sourceFileSystemId: UNKNOWN, destination: { region: region(p) } },
                deps: { sourceFileSystemId: ["fs"] },
            },
        ],
        reported: [urn("aws:efs/replicationConfiguration:ReplicationConfiguration", "rc")],
    },
    {
        kind: "ElastiCache global datastore",
        specs: (p) => [
            { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "primary", props: { replicationGroupId: "primary", ...tagged } },
            { type: "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup", name: "g", props: { globalReplicationGroupId: UNKNOWN, primaryReplicationGroupId: "primary" } },
            {
                type: "aws:elasticache/replicationGroup:ReplicationGroup",
                name: "secondary",
                props: { replicationGroupId: "secondary", globalReplicationGroupId: UNKNOWN },
                deps: { globalReplicationGroupId: ["g"] },
                place: p,
            },
        ],
        reported: [urn("aws:elasticache/replicationGroup:ReplicationGroup", "secondary")],
    },
    {
        kind: "Kinesis Firehose",
        specs: (p) => [
            { type: STREAM, name: "clicks", props: { name: "clicks", arn: "arn:aws:kinesis:ru-central1:123456789012:stream/clicks", ...tagged } },
            dstBucket(p),
            {
                type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
                name: "fh",
                props: { kinesisSourceConfiguration: { kinesisStreamArn: "arn:aws:kinesis:ru-central1:123456789012:stream/clicks" }, extendedS3Configuration: { bucketArn: "arn:aws:s3:::dst" } },
            },
        ],
        reported: [urn("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "fh"), urn(S3, "dst")],
    },
    {
        kind: "CloudWatch Logs subscription filter",
        specs: (p) => [
            { type: "aws:cloudwatch/logGroup:LogGroup", name: "app", props: { name: "/app", ...tagged } },
            { type: STREAM, name: "dst", props: { name: "dst", arn: "arn:aws:kinesis:eu-central-1:123456789012:stream/dst" }, place: p },
            { type: "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter", name: "sub", props: { logGroup: "/app", destinationArn: "arn:aws:kinesis:eu-central-1:123456789012:stream/dst" } },
        ],
        reported: [urn("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter", "sub"), urn(STREAM, "dst")],
    },
    {
        kind: "CloudWatch Logs destination",
        specs: (p) => [
            { type: STREAM, name: "dst", props: { name: "dst", arn: "arn:aws:kinesis:eu-central-1:123456789012:stream/dst" }, place: p },
            { type: "aws:cloudwatch/logDestination:LogDestination", name: "ld", props: { name: "ld", targetArn: "arn:aws:kinesis:eu-central-1:123456789012:stream/dst", ...tagged } },
        ],
        reported: [urn("aws:cloudwatch/logDestination:LogDestination", "ld"), urn(STREAM, "dst")],
    },
    {
        kind: "DMS replication task",
        specs: (p) => [
            { type: RDS, name: "db", props: { identifier: "db", ...tagged } },
            { type: "aws:dms/endpoint:Endpoint", name: "source", props: { endpointArn: "arn:aws:dms:ru-central1:123456789012:endpoint:source", serverName: UNKNOWN }, deps: { serverName: ["db"] } },
            dstBucket(p),
            { type: "aws:dms/endpoint:Endpoint", name: "target", props: { endpointArn: "arn:aws:dms:ru-central1:123456789012:endpoint:target", s3Settings: { bucketName: "dst" } } },
            {
                type: "aws:dms/replicationTask:ReplicationTask",
                name: "task",
                props: { sourceEndpointArn: "arn:aws:dms:ru-central1:123456789012:endpoint:source", targetEndpointArn: "arn:aws:dms:ru-central1:123456789012:endpoint:target" },
            },
        ],
        reported: [urn("aws:dms/replicationTask:ReplicationTask", "task"), urn(S3, "dst")],
    },
    {
        kind: "DataSync task",
        specs: (p) => [
            srcBucket,
            { type: "aws:datasync/s3Location:S3Location", name: "from", props: { arn: "arn:aws:datasync:ru-central1:123456789012:location/loc-1", s3BucketArn: "arn:aws:s3:::src" } },
            { type: "aws:efs/fileSystem:FileSystem", name: "dst", props: {}, place: p },
            {
                type: "aws:datasync/efsLocation:EfsLocation",
                name: "to",
                props: { arn: "arn:aws:datasync:ru-central1:123456789012:location/loc-2", efsFileSystemArn: UNKNOWN },
                deps: { efsFileSystemArn: ["dst"] },
            },
            {
                type: "aws:datasync/task:Task",
                name: "task",
                props: { sourceLocationArn: "arn:aws:datasync:ru-central1:123456789012:location/loc-1", destinationLocationArn: "arn:aws:datasync:ru-central1:123456789012:location/loc-2" },
            },
        ],
        reported: [urn("aws:datasync/task:Task", "task"), urn("aws:efs/fileSystem:FileSystem", "dst")],
    },
];
