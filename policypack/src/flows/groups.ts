// The resource types a flow's reference may name, by what they are. The flow table
// (data/flow-kinds.json) names these groups, and the flow families read them, so that a type added
// to a group is added wherever the group is meant.

const DATASYNC_LOCATIONS = [
    "aws:datasync/s3Location:S3Location",
    "aws:datasync/efsLocation:EfsLocation",
    "aws:datasync/nfsLocation:NfsLocation",
    "aws:datasync/locationObjectStorage:LocationObjectStorage",
    "aws:datasync/locationSmb:LocationSmb",
    "aws:datasync/locationHdfs:LocationHdfs",
    "aws:datasync/locationAzureBlob:LocationAzureBlob",
    "aws:datasync/locationFsxLustre:LocationFsxLustre",
    "aws:datasync/locationFsxWindows:LocationFsxWindows",
    "aws:datasync/locationFsxOntapFileSystem:LocationFsxOntapFileSystem",
];

const BASE = {
    bucket: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    table: ["aws:dynamodb/table:Table"],
    stream: ["aws:kinesis/stream:Stream"],
    firehose: ["aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"],
    rdsInstance: ["aws:rds/instance:Instance"],
    rdsCluster: ["aws:rds/cluster:Cluster"],
    rdsGlobalCluster: ["aws:rds/globalCluster:GlobalCluster"],
    rdsSnapshot: ["aws:rds/snapshot:Snapshot", "aws:rds/snapshotCopy:SnapshotCopy"],
    rdsClusterSnapshot: ["aws:rds/clusterSnapshot:ClusterSnapshot", "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy"],
    backupVault: ["aws:backup/vault:Vault", "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault"],
    backupPlan: ["aws:backup/plan:Plan"],
    ebsVolume: ["aws:ebs/volume:Volume"],
    ebsSnapshot: ["aws:ebs/snapshot:Snapshot", "aws:ebs/snapshotCopy:SnapshotCopy"],
    ec2Instance: ["aws:ec2/instance:Instance"],
    ami: ["aws:ec2/ami:Ami", "aws:ec2/amiCopy:AmiCopy", "aws:ec2/amiFromInstance:AmiFromInstance"],
    efsFileSystem: ["aws:efs/fileSystem:FileSystem"],
    elasticacheReplicationGroup: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    elasticacheGlobalReplicationGroup: ["aws:elasticache/globalReplicationGroup:GlobalReplicationGroup"],
    logGroup: ["aws:cloudwatch/logGroup:LogGroup"],
    logDestination: ["aws:cloudwatch/logDestination:LogDestination"],
    lambda: ["aws:lambda/function:Function"],
    searchDomain: ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"],
    msk: ["aws:msk/cluster:Cluster"],
    dmsEndpoint: ["aws:dms/endpoint:Endpoint"],
    dataSyncLocation: DATASYNC_LOCATIONS,
} as const;

/** Stores a DMS endpoint or DataSync location may stand for. */
const STORES = [
    ...BASE.bucket,
    ...BASE.table,
    ...BASE.stream,
    ...BASE.rdsInstance,
    ...BASE.rdsCluster,
    ...BASE.efsFileSystem,
    ...BASE.searchDomain,
    "aws:redshift/cluster:Cluster",
    "aws:docdb/cluster:Cluster",
];

export const GROUPS = {
    ...BASE,
    store: STORES,
    /** What an AWS Backup selection may select. */
    backupSource: [
        ...STORES,
        ...BASE.ebsVolume,
        ...BASE.ec2Instance,
        ...BASE.rdsSnapshot,
        ...BASE.rdsClusterSnapshot,
        "aws:fsx/lustreFileSystem:LustreFileSystem",
        "aws:fsx/windowsFileSystem:WindowsFileSystem",
    ],
} satisfies Record<string, readonly string[]>;

export type GroupName = keyof typeof GROUPS;

export function isGroupName(name: string): name is GroupName {
    return Object.prototype.hasOwnProperty.call(GROUPS, name);
}
