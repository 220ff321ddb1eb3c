// Data flows in a stack: which resource copies, replicates, backs up, exports or streams which
// store's data where. One small extractor per flow-creating resource type, in a table keyed by
// type token; each resolves its source and destination references through the stack index.
import { countryName, RUSSIA } from "../countries";
import { entryCountry, findRegion } from "../locate/catalogue";
import { servedByAws } from "../locate/aws";
import { locateEndpoint } from "../locate/endpoint-location";
import { readString } from "../locate/read";
import type { Location, LocationSettings } from "../locate";
import { field, isPlainObject, isUnknown, label, quote } from "../values";
import { arnName, looksLikeArn, parseArn } from "./arn";
import type { StackIndex, StackResource } from "./stack";

/** One end of a flow: a resource in the stack, a place outside it, or something not known. */
export type Endpoint = (
    { kind: "resource"; resource: StackResource; how: string } | { kind: "external"; label: string; location: Location; how: string } | { kind: "unknown"; label: string; how: string }
) & {
    /** Set when the copy to this destination is switched off (a replication rule with status Disabled): why, in words. */
    inactive?: string;
};

export interface Flow {
    /** What moves the data, in words: "S3 replication", "AWS Backup copy". */
    kind: string;
    /** The resource that creates the flow: findings are reported against its URN. */
    flow: StackResource;
    from: Endpoint;
    to: Endpoint;
    /** Set when the flow copies nothing now (a disabled rule): why, in words. Such a flow taints nothing and is reported as advisory at most. */
    inactive?: string;
}

export interface FlowSettings extends LocationSettings {
    /** ARN or name of a store outside the stack → ISO country code (pack config destinationLocations). */
    destinationLocations: Readonly<Record<string, string>>;
    /** Resources of other stacks in the same ru-residency run → where they are (pack config stackDestinations, written by ru-residency). */
    stackDestinations?: Readonly<Record<string, { country: string; stack: string }>>;
}

export interface FlowContext {
    index: StackIndex;
    settings: FlowSettings;
    /** Lazily built reverse maps (members of global clusters, selections of backup plans). */
    cache: Map<string, unknown>;
}

type Extractor = (r: StackResource, ctx: FlowContext) => Flow[];

// ---- resource type groups -------------------------------------------------------------------

const BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const TABLES = ["aws:dynamodb/table:Table"];
const STREAMS = ["aws:kinesis/stream:Stream"];
const FIREHOSES = ["aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"];
const RDS_INSTANCES = ["aws:rds/instance:Instance"];
const RDS_CLUSTERS = ["aws:rds/cluster:Cluster"];
const GLOBAL_CLUSTERS = ["aws:rds/globalCluster:GlobalCluster"];
const RDS_SNAPSHOTS = ["aws:rds/snapshot:Snapshot", "aws:rds/snapshotCopy:SnapshotCopy"];
const RDS_CLUSTER_SNAPSHOTS = ["aws:rds/clusterSnapshot:ClusterSnapshot", "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy"];
const VAULTS = ["aws:backup/vault:Vault", "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault"];
const PLANS = ["aws:backup/plan:Plan"];
const VOLUMES = ["aws:ebs/volume:Volume"];
const EBS_SNAPSHOTS = ["aws:ebs/snapshot:Snapshot", "aws:ebs/snapshotCopy:SnapshotCopy"];
const EC2_INSTANCES = ["aws:ec2/instance:Instance"];
const AMIS = ["aws:ec2/ami:Ami", "aws:ec2/amiCopy:AmiCopy", "aws:ec2/amiFromInstance:AmiFromInstance"];
const FILE_SYSTEMS = ["aws:efs/fileSystem:FileSystem"];
const REPLICATION_GROUPS = ["aws:elasticache/replicationGroup:ReplicationGroup"];
const GLOBAL_REPLICATION_GROUPS = ["aws:elasticache/globalReplicationGroup:GlobalReplicationGroup"];
const LOG_GROUPS = ["aws:cloudwatch/logGroup:LogGroup"];
const LOG_DESTINATIONS = ["aws:cloudwatch/logDestination:LogDestination"];
const LAMBDAS = ["aws:lambda/function:Function"];
const DOMAINS = ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"];
const MSK = ["aws:msk/cluster:Cluster"];
const DMS_ENDPOINTS = ["aws:dms/endpoint:Endpoint"];
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
/** Stores a DMS endpoint or DataSync location may stand for. */
const STORES = [...BUCKETS, ...TABLES, ...STREAMS, ...RDS_INSTANCES, ...RDS_CLUSTERS, ...FILE_SYSTEMS, ...DOMAINS, "aws:redshift/cluster:Cluster", "aws:docdb/cluster:Cluster"];

// ---- reading values ---------------------------------------------------------------------------

/** A string property, read as every resolver reads one (locate/read.ts). */
const read = readString;

/** A list property: its items, or one item for a single object (the SDK has used both shapes). */
function items(value: unknown): { list: unknown[]; unknown: boolean } {
    if (isUnknown(value)) return { list: [], unknown: true };
    if (Array.isArray(value)) return { list: value, unknown: false };
    if (isPlainObject(value)) return { list: [value], unknown: false };
    return { list: [], unknown: false };
}

function at(value: unknown, ...path: string[]): unknown {
    let v = value;
    for (const p of path) {
        if (isUnknown(v)) return v;
        v = field(v, p);
    }
    return v;
}

export { label };

// ---- locating things outside the stack --------------------------------------------------------

function regionLocation(region: string, what: string): Location {
    const entry = findRegion("aws", region);
    if (!entry) {
        const how = `${what} is ${quote(region)}, which is not an AWS region the pack's catalogue knows, so the pack cannot tell where it is`;
        return { inRussia: "unknown", how, unknowns: [how] };
    }
    const country = entryCountry(entry);
    return {
        inRussia: "no",
        country,
        region: entry.id,
        how: `${what} is ${quote(region)} (AWS ${entry.place ?? entry.id}${country ? `, ${countryName(country)}` : ""}); AWS has no region in Russia`,
        unknowns: [],
    };
}

function configuredLocation(text: string, what: string, settings: FlowSettings): Location | undefined {
    const keys = [text];
    const parsed = looksLikeArn(text) ? parseArn(text) : undefined;
    const name = parsed?.ok ? arnName(parsed.arn) : undefined;
    if (name) keys.push(name);
    for (const k of keys) {
        if (!Object.prototype.hasOwnProperty.call(settings.destinationLocations, k)) continue;
        const country = settings.destinationLocations[k]!;
        return {
            inRussia: country === RUSSIA ? "yes" : "no",
            country,
            how: `${what} ${quote(text)} is not in this stack; the pack config destinationLocations[${quote(k)}] places it in ${countryName(country)}`,
            unknowns: [],
        };
    }
    const fromStacks = settings.stackDestinations ?? {};
    for (const k of keys) {
        if (!Object.prototype.hasOwnProperty.call(fromStacks, k)) continue;
        const d = fromStacks[k]!;
        return {
            inRussia: d.country === RUSSIA ? "yes" : "no",
            country: d.country,
            how: `${what} ${quote(text)} is not in this stack; it is a resource of stack ${quote(d.stack)}, analysed in the same ru-residency run, which places it in ${countryName(d.country)}`,
            unknowns: [],
        };
    }
    return undefined;
}

type ExternalKind = "arn" | "host";

function externalLocation(text: string, what: string, kind: ExternalKind, settings: FlowSettings): Location {
    const configured = configuredLocation(text, what, settings);
    if (configured) return configured;
    if (kind === "host") return locateEndpoint(text.replace(/^jdbc:/i, ""), `${what} (outside this stack)`, settings);
    const parsed = parseArn(text);
    if (!parsed.ok) {
        const how = `${what} ${quote(text)} names no resource in this stack and is not an ARN (${parsed.reason}), so the pack cannot tell where it is; add it to destinationLocations if you know`;
        return { inRussia: "unknown", how, unknowns: [how] };
    }
    const arn = parsed.arn;
    if (arn.region === "") {
        const how = `${what} ${quote(text)} is not in this stack, and its ARN carries no region (${arn.service} ARNs such as S3 bucket ARNs never do), so the pack cannot tell where it is; add it to destinationLocations if you know`;
        return { inRussia: "unknown", how, unknowns: [how] };
    }
    const loc = regionLocation(arn.region, `${what} ${quote(text)} is not in this stack; the region in its ARN`);
    return loc;
}

// ---- resolving references --------------------------------------------------------------------

interface Ref {
    value: unknown;
    /** The property path, for messages: "rules[0].destination.bucket". */
    path: string;
    /** The top-level property whose propertyDependencies name the resource. */
    depKey: string;
    types: readonly string[];
    /** Resources the reference cannot mean (a flow's source, when resolving its destination). */
    exclude?: ReadonlySet<string>;
    /** How to locate a value that names nothing in the stack. */
    external?: ExternalKind;
}

function typed(urns: readonly string[] | undefined, ctx: FlowContext, types: readonly string[], exclude?: ReadonlySet<string>): StackResource[] {
    if (!urns) return [];
    const wanted = new Set(types);
    const out: StackResource[] = [];
    for (const u of urns) {
        const r = ctx.index.byUrn.get(u);
        if (r && wanted.has(r.type) && !exclude?.has(r.urn) && !out.includes(r)) out.push(r);
    }
    return out;
}

/** Resolve a reference: dependencies and property dependencies, then ARN and name, then the outside. */
export function resolve(ctx: FlowContext, r: StackResource, ref: Ref): Endpoint[] {
    const v = read(ref.value);
    if (v.kind === "absent") return [];
    const propDeps = typed(r.propertyDependencies[ref.depKey], ctx, ref.types, ref.exclude);
    if (v.kind === "value") {
        const found = ctx.index.lookup(v.value, ref.types);
        const matches = (found?.resources ?? []).filter((m) => !ref.exclude?.has(m.urn));
        if (found && matches.length > 0) {
            // Prefer the match the property dependency confirms, if there is one.
            const confirmed = matches.filter((m) => propDeps.includes(m));
            const chosen = confirmed.length > 0 ? confirmed : matches;
            return chosen.map((m) => ({ kind: "resource", resource: m, how: `${ref.path} ${quote(v.value)} matches the ${found.by} of ${label(m)}` }));
        }
        // A value the index cannot match (an id, or an ARN not known to the index yet) that came
        // from a resource of the right type is that resource.
        if (propDeps.length > 0) {
            return propDeps.map((m) => ({
                kind: "resource",
                resource: m,
                how: `${ref.path} ${quote(v.value)} comes from ${label(m)} (a property dependency of ${quote(ref.depKey)})`,
            }));
        }
        const location = externalLocation(v.value, ref.path, ref.external ?? "arn", ctx.settings);
        return [{ kind: "external", label: v.value, location, how: location.how }];
    }
    if (v.kind === "invalid") {
        const how = `${ref.path} is not a string, so the pack cannot tell what it names`;
        return [{ kind: "unknown", label: ref.path, how }];
    }
    // Not known yet (preview): only the dependencies can say what it will be.
    if (propDeps.length > 0) {
        return propDeps.map((m) => ({ kind: "resource", resource: m, how: `${ref.path} is not known yet; it comes from ${label(m)} (a property dependency of ${quote(ref.depKey)})` }));
    }
    const deps = typed(r.dependencies, ctx, ref.types, ref.exclude);
    if (deps.length > 0) {
        return deps.map((m) => ({ kind: "resource", resource: m, how: `${ref.path} is not known yet; the flow resource depends on ${label(m)}, the only candidate of the right type` }));
    }
    const how = `${ref.path} is not known yet and no dependency says which resource it will name`;
    return [{ kind: "unknown", label: ref.path, how }];
}

/**
 * A destination named by an AWS region. `onAws` names the AWS-only feature when the flow resource
 * is served by AWS itself (servedByAws): its destination is then an AWS region whatever the value
 * says, and AWS has no region in Russia, so an unknown, unreadable or unlisted region name is a
 * destination known to be abroad, not an unknown one.
 */
function regionEndpoint(value: unknown, path: string, onAws?: string): Endpoint[] {
    const v = read(value);
    if (v.kind === "absent") return [];
    if (onAws && (v.kind !== "value" || !findRegion("aws", v.value))) {
        const what =
            v.kind === "unknown"
                ? `${path} is not known yet`
                : v.kind === "invalid"
                  ? `${path} is not a string`
                  : `${path} is ${quote(v.value)}, which the pack's catalogue does not list as an AWS region`;
        const how = `${what}, but ${onAws} is always in an AWS region (its provider has no custom endpoint for the service), and AWS has no region in Russia`;
        return [{ kind: "external", label: v.kind === "value" ? `region ${quote(v.value)}` : path, location: { inRussia: "no", how, unknowns: [] }, how }];
    }
    if (v.kind === "unknown") return [{ kind: "unknown", label: path, how: `${path} is not known yet` }];
    if (v.kind === "invalid") return [{ kind: "unknown", label: path, how: `${path} is not a string` }];
    const location = regionLocation(v.value, path);
    // quote(): bounded and escaped, the region is any string the resource gives.
    return [{ kind: "external", label: `region ${quote(v.value)}`, location, how: location.how }];
}

function self(r: StackResource, how: string): Endpoint {
    return { kind: "resource", resource: r, how };
}

function flows(kind: string, r: StackResource, from: readonly Endpoint[], to: readonly Endpoint[]): Flow[] {
    const out: Flow[] = [];
    for (const f of from) {
        for (const t of to) {
            if (f.kind === "resource" && t.kind === "resource" && f.resource.urn === t.resource.urn) continue;
            const inactive = t.inactive ?? f.inactive;
            out.push(inactive ? { kind, flow: r, from: f, to: t, inactive } : { kind, flow: r, from: f, to: t });
        }
    }
    return out;
}

/** An unknown list property is an unknown destination; its items are read one by one. */
function eachItem(value: unknown, path: string, fn: (item: unknown, itemPath: string) => Endpoint[]): Endpoint[] {
    const { list, unknown } = items(value);
    if (unknown) return [{ kind: "unknown", label: path, how: `${path} is not known yet` }];
    return list.flatMap((item, i) => fn(item, Array.isArray(value) ? `${path}[${i}]` : path));
}

const urnsOf = (endpoints: readonly Endpoint[]): Set<string> => new Set(endpoints.flatMap((e) => (e.kind === "resource" ? [e.resource.urn] : [])));

// ---- extractors ----------------------------------------------------------------------------------

function s3ReplicationRules(ctx: FlowContext, r: StackResource, rules: unknown, path: string, depKey: string, exclude: ReadonlySet<string>): Endpoint[] {
    return eachItem(rules, path, (rule, p) => {
        const value = at(rule, "destination", "bucket");
        // A rule with status Disabled replicates nothing (S3 ReplicationRule Status); one whose
        // status is unknown in a preview, or anything else, counts as enabled (fail closed).
        const status = read(field(rule, "status"));
        const inactive =
            status.kind === "value" && status.value.toLowerCase() === "disabled" ? `${p}.status is ${quote(status.value)}, so the rule replicates nothing while it stays disabled` : undefined;
        // Every replication rule copies somewhere; a rule whose destination cannot be read is an
        // unknown destination, not the absence of a flow.
        const found: Endpoint[] =
            read(value).kind === "absent"
                ? [{ kind: "unknown", label: `${p}.destination.bucket`, how: `${p}.destination.bucket is not set, so the pack cannot tell where the replica goes` }]
                : resolve(ctx, r, { value, path: `${p}.destination.bucket`, depKey, types: BUCKETS, exclude });
        return inactive ? found.map((e) => ({ ...e, inactive })) : found;
    });
}

const replicationConfig: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "bucket"), path: "bucket", depKey: "bucket", types: BUCKETS });
    const to = s3ReplicationRules(ctx, r, field(r.props, "rules"), "rules", "rules", urnsOf(from));
    return flows("S3 replication", r, from, to);
};

const bucket: Extractor = (r, ctx) => {
    const me = [self(r, "it is the bucket itself")];
    const exclude = new Set([r.urn]);
    const out: Flow[] = [];
    for (const prop of ["replicationConfiguration", "replicationConfigurations"]) {
        const cfg = field(r.props, prop);
        if (cfg === undefined || cfg === null) continue;
        const blocks = items(cfg);
        const to = blocks.unknown
            ? [{ kind: "unknown" as const, label: prop, how: `${prop} is not known yet` }]
            : blocks.list.flatMap((b, i) => s3ReplicationRules(ctx, r, field(b, "rules"), Array.isArray(cfg) ? `${prop}[${i}].rules` : `${prop}.rules`, prop, exclude));
        out.push(...flows("S3 replication (inline replicationConfiguration)", r, me, to));
    }
    for (const prop of ["logging", "loggings"]) {
        const cfg = field(r.props, prop);
        if (cfg === undefined || cfg === null) continue;
        const to = eachItem(cfg, prop, (b, p) => resolve(ctx, r, { value: field(b, "targetBucket"), path: `${p}.targetBucket`, depKey: prop, types: BUCKETS, exclude }));
        out.push(...flows("S3 server access logging (inline logging)", r, me, to));
    }
    return out;
};

const bucketLogging: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "bucket"), path: "bucket", depKey: "bucket", types: BUCKETS });
    const to = resolve(ctx, r, { value: field(r.props, "targetBucket"), path: "targetBucket", depKey: "targetBucket", types: BUCKETS, exclude: urnsOf(from) });
    return flows("S3 server access logging", r, from, to);
};

const inventory: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "bucket"), path: "bucket", depKey: "bucket", types: BUCKETS });
    const to = resolve(ctx, r, { value: at(r.props, "destination", "bucket", "bucketArn"), path: "destination.bucket.bucketArn", depKey: "destination", types: BUCKETS, exclude: urnsOf(from) });
    return flows("S3 inventory report", r, from, to);
};

const dynamoTable: Extractor = (r) => {
    const onAws = servedByAws(r) ? "a DynamoDB global table replica" : undefined;
    const to = eachItem(field(r.props, "replicas"), "replicas", (rep, p) => regionEndpoint(field(rep, "regionName"), `${p}.regionName`, onAws));
    return flows("DynamoDB global table replica", r, [self(r, "it is the table itself")], to);
};

const tableReplica: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "globalTableArn"), path: "globalTableArn", depKey: "globalTableArn", types: TABLES });
    return flows("DynamoDB table replica", r, from, [self(r, "it is the replica itself, created where its provider or region points")]);
};

const globalTable: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "name"), path: "name", depKey: "name", types: TABLES });
    const onAws = servedByAws(r) ? "a DynamoDB global table replica" : undefined;
    const to = eachItem(field(r.props, "replicas"), "replicas", (rep, p) => regionEndpoint(field(rep, "regionName"), `${p}.regionName`, onAws));
    return flows("DynamoDB global table (2017 version)", r, from, to);
};

const tableExport: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "tableArn"), path: "tableArn", depKey: "tableArn", types: TABLES });
    const to = resolve(ctx, r, { value: field(r.props, "s3Bucket"), path: "s3Bucket", depKey: "s3Bucket", types: BUCKETS });
    return flows("DynamoDB export to S3", r, from, to);
};

const kinesisStreamingDestination: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "tableName"), path: "tableName", depKey: "tableName", types: TABLES });
    const to = resolve(ctx, r, { value: field(r.props, "streamArn"), path: "streamArn", depKey: "streamArn", types: STREAMS });
    return flows("DynamoDB change stream to Kinesis", r, from, to);
};

const rdsInstance: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "replicateSourceDb"), path: "replicateSourceDb", depKey: "replicateSourceDb", types: RDS_INSTANCES, exclude: new Set([r.urn]) });
    return flows("RDS read replica", r, from, [self(r, "it is the replica itself")]);
};

/** Members of each RDS global cluster: clusters whose globalClusterIdentifier names it. Built once. */
function globalClusterMembers(ctx: FlowContext): Map<string, StackResource[]> {
    const cached = ctx.cache.get("rds-global-members") as Map<string, StackResource[]> | undefined;
    if (cached) return cached;
    const members = new Map<string, StackResource[]>();
    for (const c of ctx.index.ofType(RDS_CLUSTERS[0]!)) {
        for (const g of resolve(ctx, c, { value: field(c.props, "globalClusterIdentifier"), path: "globalClusterIdentifier", depKey: "globalClusterIdentifier", types: GLOBAL_CLUSTERS })) {
            if (g.kind !== "resource") continue;
            const list = members.get(g.resource.urn) ?? [];
            list.push(c);
            members.set(g.resource.urn, list);
        }
    }
    ctx.cache.set("rds-global-members", members);
    return members;
}

const rdsCluster: Extractor = (r, ctx) => {
    const out: Flow[] = [];
    const replicaOf = resolve(ctx, r, {
        value: field(r.props, "replicationSourceIdentifier"),
        path: "replicationSourceIdentifier",
        depKey: "replicationSourceIdentifier",
        types: [...RDS_CLUSTERS, ...RDS_INSTANCES],
        exclude: new Set([r.urn]),
    });
    out.push(...flows("RDS cross-region read replica cluster", r, replicaOf, [self(r, "it is the replica cluster itself")]));
    const globals = resolve(ctx, r, { value: field(r.props, "globalClusterIdentifier"), path: "globalClusterIdentifier", depKey: "globalClusterIdentifier", types: GLOBAL_CLUSTERS });
    for (const g of globals) {
        if (g.kind !== "resource") continue;
        // Every member of a global cluster holds the same data: each other member, and the
        // cluster the global cluster was created from, is a source of this one.
        const sources: Endpoint[] = [];
        for (const m of globalClusterMembers(ctx).get(g.resource.urn) ?? []) {
            if (m.urn !== r.urn) sources.push({ kind: "resource", resource: m, how: `it is another member of ${label(g.resource)}` });
        }
        sources.push(
            ...resolve(ctx, g.resource, {
                value: field(g.resource.props, "sourceDbClusterIdentifier"),
                path: `${label(g.resource)} sourceDbClusterIdentifier`,
                depKey: "sourceDbClusterIdentifier",
                types: RDS_CLUSTERS,
                exclude: new Set([r.urn]),
            }).filter((e) => e.kind === "resource"),
        );
        out.push(...flows(`RDS global cluster member (${g.resource.name})`, r, dedupe(sources), [self(r, `it is a member of ${label(g.resource)}`)]));
    }
    return out;
};

const automatedBackupsReplication: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "sourceDbInstanceArn"), path: "sourceDbInstanceArn", depKey: "sourceDbInstanceArn", types: RDS_INSTANCES });
    return flows("RDS automated backups replication", r, from, [self(r, "the replicated backups are kept where this resource is")]);
};

const rdsSnapshot: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "dbInstanceIdentifier"), path: "dbInstanceIdentifier", depKey: "dbInstanceIdentifier", types: RDS_INSTANCES });
    return flows("RDS snapshot", r, from, [self(r, "it is the snapshot itself")]);
};

const rdsClusterSnapshot: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "dbClusterIdentifier"), path: "dbClusterIdentifier", depKey: "dbClusterIdentifier", types: RDS_CLUSTERS });
    return flows("RDS cluster snapshot", r, from, [self(r, "it is the snapshot itself")]);
};

function copyDestination(r: StackResource): Endpoint[] {
    const dest = field(r.props, "destinationRegion");
    if (read(dest).kind !== "absent") return regionEndpoint(dest, "destinationRegion", servedByAws(r) ? "a cross-region copy" : undefined);
    return [self(r, "it is the copy itself")];
}

const rdsSnapshotCopy: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, {
        value: field(r.props, "sourceDbSnapshotIdentifier"),
        path: "sourceDbSnapshotIdentifier",
        depKey: "sourceDbSnapshotIdentifier",
        types: RDS_SNAPSHOTS,
        exclude: new Set([r.urn]),
    });
    return flows("RDS snapshot copy", r, from, copyDestination(r));
};

const rdsClusterSnapshotCopy: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, {
        value: field(r.props, "sourceDbClusterSnapshotIdentifier"),
        path: "sourceDbClusterSnapshotIdentifier",
        depKey: "sourceDbClusterSnapshotIdentifier",
        types: RDS_CLUSTER_SNAPSHOTS,
        exclude: new Set([r.urn]),
    });
    return flows("RDS cluster snapshot copy", r, from, copyDestination(r));
};

const rdsExportTask: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "sourceArn"), path: "sourceArn", depKey: "sourceArn", types: [...RDS_SNAPSHOTS, ...RDS_CLUSTER_SNAPSHOTS, ...RDS_CLUSTERS] });
    const to = resolve(ctx, r, { value: field(r.props, "s3BucketName"), path: "s3BucketName", depKey: "s3BucketName", types: BUCKETS });
    return flows("RDS snapshot export to S3", r, from, to);
};

// AWS Backup: a plan's rules say where recovery points go (the target vault, copy actions); its
// selections say which stores it backs up. Selections point at plans, so the index is reversed once.
function selectionsByPlan(ctx: FlowContext): Map<string, StackResource[]> {
    const cached = ctx.cache.get("backup-selections") as Map<string, StackResource[]> | undefined;
    if (cached) return cached;
    const byPlan = new Map<string, StackResource[]>();
    const plans = ctx.index.ofType(PLANS[0]!);
    const planById = new Map<string, StackResource>();
    for (const p of plans) {
        const id = read(field(p.props, "id"));
        if (id.kind === "value") planById.set(id.value, p);
    }
    for (const s of ctx.index.ofType("aws:backup/selection:Selection")) {
        let targets = typed(s.propertyDependencies["planId"], ctx, PLANS);
        const planId = read(field(s.props, "planId"));
        if (targets.length === 0 && planId.kind === "value") {
            const p = planById.get(planId.value) ?? ctx.index.lookup(planId.value, PLANS)?.resources[0];
            if (p) targets = [p];
        }
        if (targets.length === 0) targets = typed(s.dependencies, ctx, PLANS);
        for (const p of targets) {
            const list = byPlan.get(p.urn) ?? [];
            list.push(s);
            byPlan.set(p.urn, list);
        }
    }
    ctx.cache.set("backup-selections", byPlan);
    return byPlan;
}

// The service an ARN of each store type names (arn:<partition>:<service>:...), by type module.
const ARN_SERVICE_BY_MODULE: Record<string, string> = {
    s3: "s3",
    dynamodb: "dynamodb",
    kinesis: "kinesis",
    rds: "rds",
    docdb: "rds",
    neptune: "rds",
    redshift: "redshift",
    efs: "elasticfilesystem",
    ebs: "ec2",
    ec2: "ec2",
    fsx: "fsx",
    opensearch: "es",
    elasticsearch: "es",
};

/**
 * False only when the pattern is an ARN pattern whose service is written out and differs from the
 * service of the type's ARNs: "arn:aws:dynamodb:*" cannot select a bucket. Anything else may match.
 */
function mayMatchService(pattern: string, type: string): boolean {
    if (!pattern.startsWith("arn:")) return true;
    const service = pattern.split(":")[2];
    if (service === undefined || /[*?]/.test(service)) return true;
    const module = /^aws:([^/:]+)/.exec(type)?.[1];
    const own = module && Object.prototype.hasOwnProperty.call(ARN_SERVICE_BY_MODULE, module) ? ARN_SERVICE_BY_MODULE[module] : undefined;
    return own === undefined || own === service;
}

function globToRegExp(glob: string): RegExp {
    return new RegExp(
        `^${glob
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
    );
}

function selectedStores(ctx: FlowContext, s: StackResource): Endpoint[] {
    const out: Endpoint[] = [];
    const sel = label(s);
    const res = field(s.props, "resources");
    const list = items(res);
    if (list.unknown) {
        const deps = s.propertyDependencies["resources"] ?? [];
        const found = deps.map((u) => ctx.index.byUrn.get(u)).filter((x): x is StackResource => x !== undefined);
        if (found.length > 0) for (const f of found) out.push({ kind: "resource", resource: f, how: `${sel} resources is not known yet; it comes from ${label(f)}` });
        else out.push({ kind: "unknown", label: `${sel} resources`, how: `the resources of ${sel} are not known yet` });
    }
    list.list.forEach((item, i) => {
        const v = read(item);
        const path = `${sel} resources[${i}]`;
        if (v.kind === "value" && /[*?]/.test(v.value)) {
            const re = globToRegExp(v.value);
            const withArn = new Set<string>();
            for (const [arn, rs] of ctx.index.withArns()) {
                for (const m of rs) withArn.add(m.urn);
                if (re.test(arn)) for (const m of rs) out.push({ kind: "resource", resource: m, how: `${path} ${quote(v.value)} matches its ARN` });
            }
            // In a preview a new store's ARN is not known yet, so nothing above matches it, yet the
            // pattern will select it once it exists: count every store of the stack whose ARN is not
            // known as selected (fail closed), unless the pattern names another service.
            for (const t of STORES_AND_SNAPSHOTS) {
                for (const m of ctx.index.ofType(t)) {
                    if (withArn.has(m.urn) || !mayMatchService(v.value, m.type)) continue;
                    out.push({
                        kind: "resource",
                        resource: m,
                        how: `${path} ${quote(v.value)} may match its ARN, which is not known yet (a new store in a preview), so the pack counts it as selected`,
                    });
                }
            }
            return;
        }
        out.push(...resolve(ctx, s, { value: item, path, depKey: "resources", types: STORES_AND_SNAPSHOTS }).filter((e) => e.kind !== "external"));
    });
    eachItem(field(s.props, "selectionTags"), `${sel} selectionTags`, (t, p) => {
        const key = read(field(t, "key"));
        const value = read(field(t, "value"));
        if (key.kind === "unknown" || value.kind === "unknown") {
            out.push({ kind: "unknown", label: p, how: `${p} is not known yet` });
            return [];
        }
        if (key.kind !== "value" || value.kind !== "value") return [];
        for (const m of ctx.index.taggedWith(key.value, value.value)) out.push({ kind: "resource", resource: m, how: `${p} selects resources tagged ${quote(key.value)} = ${quote(value.value)}` });
        return [];
    });
    return out.filter((e) => e.kind !== "resource" || !e.resource.type.startsWith("aws:backup/"));
}

const STORES_AND_SNAPSHOTS = [
    ...STORES,
    ...VOLUMES,
    ...EC2_INSTANCES,
    ...RDS_SNAPSHOTS,
    ...RDS_CLUSTER_SNAPSHOTS,
    "aws:fsx/lustreFileSystem:LustreFileSystem",
    "aws:fsx/windowsFileSystem:WindowsFileSystem",
];

const backupPlan: Extractor = (r, ctx) => {
    const selections = selectionsByPlan(ctx).get(r.urn) ?? [];
    if (selections.length === 0) return [];
    const from = dedupe(selections.flatMap((s) => selectedStores(ctx, s)));
    const to: Endpoint[] = [];
    eachItem(field(r.props, "rules"), "rules", (rule, p) => {
        const vault = resolve(ctx, r, { value: field(rule, "targetVaultName"), path: `${p}.targetVaultName`, depKey: "rules", types: VAULTS });
        // A plan backs up into a vault in its own region: a vault outside the stack is where the plan is.
        for (const v of vault) to.push(v.kind === "external" ? self(r, `${p}.targetVaultName ${quote(v.label)} is not in this stack; a plan's target vault is in the plan's own region`) : v);
        to.push(
            ...eachItem(field(rule, "copyActions"), `${p}.copyActions`, (c, cp) =>
                resolve(ctx, r, { value: field(c, "destinationVaultArn"), path: `${cp}.destinationVaultArn`, depKey: "rules", types: VAULTS }),
            ),
        );
        return [];
    });
    return flows("AWS Backup", r, from, dedupe(to));
};

const ebsSnapshot: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "volumeId"), path: "volumeId", depKey: "volumeId", types: VOLUMES });
    return flows("EBS snapshot", r, from, [self(r, "it is the snapshot itself")]);
};

const ebsSnapshotCopy: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "sourceSnapshotId"), path: "sourceSnapshotId", depKey: "sourceSnapshotId", types: EBS_SNAPSHOTS, exclude: new Set([r.urn]) });
    return flows("EBS snapshot copy", r, from, [self(r, "it is the copy itself, made where its provider or region points")]);
};

const amiFromInstance: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "sourceInstanceId"), path: "sourceInstanceId", depKey: "sourceInstanceId", types: EC2_INSTANCES });
    return flows("AMI from instance", r, from, [self(r, "it is the image itself")]);
};

const amiCopy: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "sourceAmiId"), path: "sourceAmiId", depKey: "sourceAmiId", types: AMIS, exclude: new Set([r.urn]) });
    return flows("AMI copy", r, from, [self(r, "it is the copy itself, made where its provider or region points")]);
};

const efsReplication: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "sourceFileSystemId"), path: "sourceFileSystemId", depKey: "sourceFileSystemId", types: FILE_SYSTEMS });
    const dest = field(r.props, "destination");
    let to: Endpoint[];
    if (isUnknown(dest)) to = [{ kind: "unknown", label: "destination", how: "destination is not known yet" }];
    else {
        to = resolve(ctx, r, { value: field(dest, "fileSystemId"), path: "destination.fileSystemId", depKey: "destination", types: FILE_SYSTEMS, exclude: urnsOf(from) }).filter(
            (e) => e.kind !== "external",
        );
        if (to.length === 0) to = regionEndpoint(field(dest, "region"), "destination.region", servedByAws(r) ? "an EFS replica" : undefined);
        if (to.length === 0) to = [{ kind: "unknown", label: "destination", how: "destination names neither a file system in this stack nor a region" }];
    }
    return flows("EFS replication", r, from, to);
};

const elasticacheReplicationGroup: Extractor = (r, ctx) => {
    const out: Flow[] = [];
    for (const g of resolve(ctx, r, { value: field(r.props, "globalReplicationGroupId"), path: "globalReplicationGroupId", depKey: "globalReplicationGroupId", types: GLOBAL_REPLICATION_GROUPS })) {
        if (g.kind !== "resource") {
            out.push(...flows("ElastiCache global datastore secondary", r, [g], [self(r, "it is the secondary replication group itself")]));
            continue;
        }
        const primary = resolve(ctx, g.resource, {
            value: field(g.resource.props, "primaryReplicationGroupId"),
            path: `${label(g.resource)} primaryReplicationGroupId`,
            depKey: "primaryReplicationGroupId",
            types: REPLICATION_GROUPS,
            exclude: new Set([r.urn]),
        });
        out.push(...flows(`ElastiCache global datastore (${g.resource.name})`, r, primary, [self(r, `it is a secondary of ${label(g.resource)}`)]));
    }
    return out;
};

// Firehose: a delivery stream reads from a Kinesis stream or MSK (or direct PUTs) and writes to
// its destinations and their S3 backups.
const FIREHOSE_CONFIGS = [
    "extendedS3Configuration",
    "redshiftConfiguration",
    "elasticsearchConfiguration",
    "opensearchConfiguration",
    "opensearchserverlessConfiguration",
    "splunkConfiguration",
    "httpEndpointConfiguration",
    "snowflakeConfiguration",
    "icebergConfiguration",
];
const FIREHOSE_URLS = ["clusterJdbcurl", "clusterEndpoint", "collectionEndpoint", "hecEndpoint", "url", "accountUrl"];

const firehose: Extractor = (r, ctx) => {
    const me = self(r, "it is the delivery stream itself, which buffers the records where it runs");
    const sources = [
        ...resolve(ctx, r, {
            value: at(r.props, "kinesisSourceConfiguration", "kinesisStreamArn"),
            path: "kinesisSourceConfiguration.kinesisStreamArn",
            depKey: "kinesisSourceConfiguration",
            types: STREAMS,
        }),
        ...resolve(ctx, r, { value: at(r.props, "mskSourceConfiguration", "mskClusterArn"), path: "mskSourceConfiguration.mskClusterArn", depKey: "mskSourceConfiguration", types: MSK }),
    ];
    const sinks: Endpoint[] = [];
    for (const cfgName of FIREHOSE_CONFIGS) {
        const cfg = field(r.props, cfgName);
        if (cfg === undefined || cfg === null) continue;
        if (isUnknown(cfg)) {
            sinks.push({ kind: "unknown", label: cfgName, how: `${cfgName} is not known yet` });
            continue;
        }
        const bucketPaths: [unknown, string][] = [
            [field(cfg, "bucketArn"), `${cfgName}.bucketArn`],
            [at(cfg, "s3Configuration", "bucketArn"), `${cfgName}.s3Configuration.bucketArn`],
            [at(cfg, "s3BackupConfiguration", "bucketArn"), `${cfgName}.s3BackupConfiguration.bucketArn`],
        ];
        for (const [value, path] of bucketPaths) sinks.push(...resolve(ctx, r, { value, path, depKey: cfgName, types: BUCKETS }));
        sinks.push(...resolve(ctx, r, { value: field(cfg, "domainArn"), path: `${cfgName}.domainArn`, depKey: cfgName, types: DOMAINS }));
        sinks.push(...resolve(ctx, r, { value: field(cfg, "catalogArn"), path: `${cfgName}.catalogArn`, depKey: cfgName, types: [] }));
        if (field(cfg, "domainArn") === undefined) {
            for (const u of FIREHOSE_URLS) {
                sinks.push(...resolve(ctx, r, { value: field(cfg, u), path: `${cfgName}.${u}`, depKey: cfgName, types: [], external: "host" }));
            }
        }
    }
    return [...flows("Kinesis Data Firehose source", r, sources, [me]), ...flows("Kinesis Data Firehose delivery", r, [me], dedupe(sinks))];
};

const logSubscriptionFilter: Extractor = (r, ctx) => {
    const from = resolve(ctx, r, { value: field(r.props, "logGroup"), path: "logGroup", depKey: "logGroup", types: LOG_GROUPS });
    const to = resolve(ctx, r, { value: field(r.props, "destinationArn"), path: "destinationArn", depKey: "destinationArn", types: [...STREAMS, ...FIREHOSES, ...LAMBDAS, ...LOG_DESTINATIONS] });
    return flows("CloudWatch Logs subscription filter", r, from, to);
};

const logDestination: Extractor = (r, ctx) => {
    const to = resolve(ctx, r, { value: field(r.props, "targetArn"), path: "targetArn", depKey: "targetArn", types: [...STREAMS, ...FIREHOSES] });
    return flows("CloudWatch Logs destination", r, [self(r, "it is the log destination itself")], to);
};

/** The stores a DMS endpoint or DataSync location stands for, from what it depends on and refers to. */
function storeBehind(ctx: FlowContext, e: StackResource, refs: [unknown, string, string, readonly string[]][]): Endpoint[] {
    const out: Endpoint[] = [];
    for (const [value, path, depKey, types] of refs) out.push(...resolve(ctx, e, { value, path: `${label(e)} ${path}`, depKey, types }).filter((x) => x.kind === "resource"));
    if (out.length > 0) return out;
    const deps = typed([...Object.values(e.propertyDependencies).flat(), ...e.dependencies], ctx, STORES);
    return deps.map((d) => ({ kind: "resource", resource: d, how: `${label(e)} depends on it` }));
}

function dmsEndpointStores(ctx: FlowContext, ends: Endpoint[], role: "source" | "target"): Endpoint[] {
    const out: Endpoint[] = [];
    for (const end of ends) {
        if (end.kind !== "resource") {
            out.push(end);
            continue;
        }
        const e = end.resource;
        const stores = storeBehind(ctx, e, [
            [at(e.props, "s3Settings", "bucketName"), "s3Settings.bucketName", "s3Settings", BUCKETS],
            [at(e.props, "kinesisSettings", "streamArn"), "kinesisSettings.streamArn", "kinesisSettings", STREAMS],
        ]);
        if (stores.length > 0) out.push(...stores);
        else if (role === "source") out.push({ kind: "resource", resource: e, how: `${end.how}; no store behind it is in this stack, so the endpoint's own tags classify the data` });
        else {
            const host = read(field(e.props, "serverName"));
            if (host.kind === "value") {
                const location = externalLocation(host.value, `${label(e)} serverName`, "host", ctx.settings);
                out.push({ kind: "external", label: host.value, location, how: location.how });
            } else {
                const how = host.kind === "unknown" ? `${label(e)} serverName is not known yet` : `${label(e)} names no store in this stack and no server, so the pack cannot tell where the data goes`;
                out.push({ kind: "unknown", label: label(e), how });
            }
        }
    }
    return out;
}

const dmsTask: Extractor = (r, ctx) => {
    const srcEnds = resolve(ctx, r, { value: field(r.props, "sourceEndpointArn"), path: "sourceEndpointArn", depKey: "sourceEndpointArn", types: DMS_ENDPOINTS });
    const tgtEnds = resolve(ctx, r, { value: field(r.props, "targetEndpointArn"), path: "targetEndpointArn", depKey: "targetEndpointArn", types: DMS_ENDPOINTS });
    const from = dmsEndpointStores(ctx, srcEnds, "source");
    const to = dmsEndpointStores(ctx, tgtEnds, "target");
    const me = self(r, "the task's replication instance reads every record where the task runs");
    return [...flows("DMS replication task (processing)", r, from, [me]), ...flows("DMS replication task", r, from, to)];
};

function dataSyncStores(ctx: FlowContext, ends: Endpoint[], role: "source" | "destination"): Endpoint[] {
    const out: Endpoint[] = [];
    for (const end of ends) {
        if (end.kind !== "resource") {
            out.push(end);
            continue;
        }
        const l = end.resource;
        const stores = storeBehind(ctx, l, [
            [field(l.props, "s3BucketArn"), "s3BucketArn", "s3BucketArn", BUCKETS],
            [field(l.props, "efsFileSystemArn"), "efsFileSystemArn", "efsFileSystemArn", FILE_SYSTEMS],
        ]);
        if (stores.length > 0) {
            out.push(...stores);
            continue;
        }
        if (role === "source") {
            out.push({ kind: "resource", resource: l, how: `${end.how}; no store behind it is in this stack, so the location's own tags classify the data` });
            continue;
        }
        const host = read(field(l.props, "serverHostname") ?? field(l.props, "containerUrl"));
        if (host.kind === "value") {
            const location = externalLocation(host.value, `${label(l)} server`, "host", ctx.settings);
            out.push({ kind: "external", label: host.value, location, how: location.how });
            continue;
        }
        const bucketArn = read(field(l.props, "s3BucketArn"));
        if (bucketArn.kind === "value") {
            const location = externalLocation(bucketArn.value, `${label(l)} s3BucketArn`, "arn", ctx.settings);
            out.push({ kind: "external", label: bucketArn.value, location, how: location.how });
            continue;
        }
        out.push({ kind: "unknown", label: label(l), how: `${label(l)} names no store in this stack and no server the pack can locate` });
    }
    return out;
}

const dataSyncTask: Extractor = (r, ctx) => {
    const srcEnds = resolve(ctx, r, { value: field(r.props, "sourceLocationArn"), path: "sourceLocationArn", depKey: "sourceLocationArn", types: DATASYNC_LOCATIONS });
    const dstEnds = resolve(ctx, r, { value: field(r.props, "destinationLocationArn"), path: "destinationLocationArn", depKey: "destinationLocationArn", types: DATASYNC_LOCATIONS });
    const from = dataSyncStores(ctx, srcEnds, "source");
    const to = dataSyncStores(ctx, dstEnds, "destination");
    const me = self(r, "DataSync moves the data through the service in the task's region");
    return [...flows("DataSync task (processing)", r, from, [me]), ...flows("DataSync task", r, from, to)];
};

/** The flow extractors, by the type token of the resource that creates the flow. */
export const FLOW_EXTRACTORS: Readonly<Record<string, Extractor>> = {
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": replicationConfig,
    "aws:s3/bucket:Bucket": bucket,
    "aws:s3/bucketV2:BucketV2": bucket,
    "aws:s3/bucketLogging:BucketLogging": bucketLogging,
    "aws:s3/bucketLoggingV2:BucketLoggingV2": bucketLogging,
    "aws:s3/inventory:Inventory": inventory,
    "aws:dynamodb/table:Table": dynamoTable,
    "aws:dynamodb/tableReplica:TableReplica": tableReplica,
    "aws:dynamodb/globalTable:GlobalTable": globalTable,
    "aws:dynamodb/tableExport:TableExport": tableExport,
    "aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination": kinesisStreamingDestination,
    "aws:rds/instance:Instance": rdsInstance,
    "aws:rds/cluster:Cluster": rdsCluster,
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": automatedBackupsReplication,
    "aws:rds/snapshot:Snapshot": rdsSnapshot,
    "aws:rds/clusterSnapshot:ClusterSnapshot": rdsClusterSnapshot,
    "aws:rds/snapshotCopy:SnapshotCopy": rdsSnapshotCopy,
    "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy": rdsClusterSnapshotCopy,
    "aws:rds/exportTask:ExportTask": rdsExportTask,
    "aws:backup/plan:Plan": backupPlan,
    "aws:ebs/snapshot:Snapshot": ebsSnapshot,
    "aws:ebs/snapshotCopy:SnapshotCopy": ebsSnapshotCopy,
    "aws:ec2/amiFromInstance:AmiFromInstance": amiFromInstance,
    "aws:ec2/amiCopy:AmiCopy": amiCopy,
    "aws:efs/replicationConfiguration:ReplicationConfiguration": efsReplication,
    "aws:elasticache/replicationGroup:ReplicationGroup": elasticacheReplicationGroup,
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": firehose,
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": logSubscriptionFilter,
    "aws:cloudwatch/logDestination:LogDestination": logDestination,
    "aws:dms/replicationTask:ReplicationTask": dmsTask,
    "aws:datasync/task:Task": dataSyncTask,
};

/**
 * Flow-creating types that cannot carry tags in @pulumi/aws 7.48.0 (no `tags` property): a
 * declared transfer through one of them is declared on the source store instead.
 */
export const UNTAGGABLE_FLOW_TYPES: ReadonlySet<string> = new Set([
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    "aws:s3/bucketLogging:BucketLogging",
    "aws:s3/bucketLoggingV2:BucketLoggingV2",
    "aws:s3/inventory:Inventory",
    "aws:dynamodb/globalTable:GlobalTable",
    "aws:dynamodb/tableExport:TableExport",
    "aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination",
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
    "aws:rds/exportTask:ExportTask",
    "aws:efs/replicationConfiguration:ReplicationConfiguration",
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
]);

export function endpointKey(e: Endpoint): string {
    return e.kind === "resource" ? `urn:${e.resource.urn}` : `${e.kind}:${e.label}`;
}

function dedupe(endpoints: readonly Endpoint[]): Endpoint[] {
    const seen = new Set<string>();
    const out: Endpoint[] = [];
    for (const e of endpoints) {
        const k = `${endpointKey(e)}\u0000${e.inactive ? "inactive" : "active"}`;
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(e);
    }
    return out;
}

/**
 * In a preview the engine hands stack policies each resource's planned state, and for a resource
 * whose provider's configuration is not known yet that state is empty: the engine does not ask
 * the provider (sdk/go/common/resource/plugin/provider_plugin.go, Create: "if the configuration
 * for the provider is not fully known, hand back an empty property map"). Every resource that
 * creates flows has required inputs, so an empty state means the flow cannot be seen, not that
 * there is none.
 */
function isEmptyPlannedState(r: StackResource): boolean {
    return isPlainObject(r.props) && Object.keys(r.props).length === 0 && r.provider !== undefined && containsUnknown(r.provider.props);
}

function containsUnknown(value: unknown, depth = 0): boolean {
    if (isUnknown(value)) return true;
    if (depth > 32 || value === null || typeof value !== "object") return false;
    return Object.values(value as Record<string, unknown>).some((v) => containsUnknown(v, depth + 1));
}

function unseenFlows(r: StackResource): Flow[] {
    const how = `the engine gave no planned state for ${label(r)} in this preview (it does not ask a provider whose configuration is not known yet), so the pack cannot see what it copies or where`;
    return [{ kind: "a copy the pack cannot see", flow: r, from: { kind: "unknown", label: "source", how }, to: { kind: "unknown", label: "destination", how } }];
}

export interface FlowExtraction {
    flows: Flow[];
    /** Resources whose flows could not be read (an extractor failed): reported, never skipped silently. */
    failures: { resource: StackResource; error: string }[];
}

/** Every flow in the stack, each (flow resource, source, destination) once. Linear in the stack. */
export function extractFlows(index: StackIndex, settings: FlowSettings): FlowExtraction {
    const ctx: FlowContext = { index, settings, cache: new Map() };
    const out: Flow[] = [];
    const failures: FlowExtraction["failures"] = [];
    const seen = new Set<string>();
    for (const r of index.resources) {
        const extractor = Object.prototype.hasOwnProperty.call(FLOW_EXTRACTORS, r.type) ? FLOW_EXTRACTORS[r.type] : undefined;
        if (!extractor) continue;
        let found: Flow[];
        try {
            found = isEmptyPlannedState(r) ? unseenFlows(r) : extractor(r, ctx);
        } catch (e) {
            failures.push({ resource: r, error: e instanceof Error ? e.message : String(e) });
            continue;
        }
        for (const f of found) {
            const k = `${r.urn}\u0000${f.kind}\u0000${endpointKey(f.from)}\u0000${endpointKey(f.to)}\u0000${f.inactive ? "inactive" : "active"}`;
            if (seen.has(k)) continue;
            seen.add(k);
            out.push(f);
        }
    }
    return { flows: out, failures };
}
