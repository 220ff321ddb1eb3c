// A stack's resources as the flow analysis sees them, indexed once per stack: by URN, by ARN, by
// the name other resources use to refer to them, by type and by tag. Every lookup afterwards is a
// map access, so following N flows costs O(N), not O(N × resources).
import { canonicalKey } from "../classify/text";
import type { ResourceView } from "../locate";
import { field, isPlainObject, isUnknown } from "../values";
import { arnName, looksLikeArn, parseArn } from "./arn";

export interface StackResource extends ResourceView {
    /** URNs this resource depends on. */
    dependencies: readonly string[];
    /** Top-level property name → URNs the property's value came from. */
    propertyDependencies: Readonly<Record<string, readonly string[]>>;
    parent?: string;
    stackTags?: ReadonlyMap<string, string>;
}

// The properties that hold the name other resources use for a resource of this type (besides its
// ARN, which every type indexes from `arn` and the properties below).
const NAME_PROPS: Readonly<Record<string, readonly string[]>> = {
    "aws:s3/bucket:Bucket": ["bucket"],
    "aws:s3/bucketV2:BucketV2": ["bucket"],
    "aws:dynamodb/table:Table": ["name"],
    "aws:rds/instance:Instance": ["identifier"],
    "aws:rds/cluster:Cluster": ["clusterIdentifier"],
    "aws:rds/globalCluster:GlobalCluster": ["globalClusterIdentifier"],
    "aws:rds/snapshot:Snapshot": ["dbSnapshotIdentifier"],
    "aws:rds/snapshotCopy:SnapshotCopy": ["targetDbSnapshotIdentifier"],
    "aws:rds/clusterSnapshot:ClusterSnapshot": ["dbClusterSnapshotIdentifier"],
    "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy": ["targetDbClusterSnapshotIdentifier"],
    "aws:backup/vault:Vault": ["name"],
    "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault": ["name"],
    "aws:backup/plan:Plan": ["name"],
    "aws:kinesis/stream:Stream": ["name"],
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": ["name"],
    "aws:cloudwatch/logGroup:LogGroup": ["name"],
    "aws:cloudwatch/logDestination:LogDestination": ["name"],
    "aws:elasticache/replicationGroup:ReplicationGroup": ["replicationGroupId"],
    "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup": ["globalReplicationGroupId"],
    "aws:dms/endpoint:Endpoint": ["endpointId"],
    "aws:lambda/function:Function": ["name"],
};
const ARN_PROPS = ["arn", "dbSnapshotArn", "dbClusterSnapshotArn", "endpointArn", "replicationTaskArn"];

function knownString(value: unknown): string | undefined {
    return typeof value === "string" && value.trim() !== "" && !isUnknown(value) ? value.trim() : undefined;
}

export class StackIndex {
    readonly resources: readonly StackResource[];
    readonly byUrn = new Map<string, StackResource>();
    private readonly arns = new Map<string, StackResource[]>();
    private readonly names = new Map<string, StackResource[]>();
    private readonly types = new Map<string, StackResource[]>();
    private tags: Map<string, Map<string, StackResource[]>> | undefined;
    private unknownTags: { all: StackResource[]; byKey: Map<string, StackResource[]> } | undefined;

    constructor(resources: readonly StackResource[]) {
        this.resources = resources;
        for (const r of resources) {
            if (!this.byUrn.has(r.urn)) this.byUrn.set(r.urn, r);
            push(this.types, r.type, r);
            for (const p of ARN_PROPS) {
                const arn = knownString(field(r.props, p));
                if (arn && looksLikeArn(arn)) push(this.arns, arn, r);
            }
            // Own properties only: a resource type such as "constructor" must not reach Object's members.
            for (const p of Object.prototype.hasOwnProperty.call(NAME_PROPS, r.type) ? NAME_PROPS[r.type]! : []) {
                const name = knownString(field(r.props, p));
                if (name) push(this.names, `${r.type}\u0000${name}`, r);
            }
        }
    }

    ofType(type: string): readonly StackResource[] {
        return this.types.get(type) ?? [];
    }

    /**
     * Resources of the given types that a property value names: an exact ARN, or the name in an
     * ARN (the bucket of arn:aws:s3:::b), or a plain name or identifier.
     */
    lookup(text: string, types: readonly string[]): { resources: StackResource[]; by: "ARN" | "name" } | undefined {
        const wanted = new Set(types);
        if (looksLikeArn(text)) {
            const exact = (this.arns.get(text) ?? []).filter((r) => wanted.has(r.type));
            if (exact.length > 0) return { resources: exact, by: "ARN" };
            const parsed = parseArn(text);
            const name = parsed.ok ? arnName(parsed.arn) : undefined;
            if (!name) return undefined;
            const byName = this.byName(name, types);
            return byName.length > 0 ? { resources: byName, by: "name" } : undefined;
        }
        const byName = this.byName(text, types);
        return byName.length > 0 ? { resources: byName, by: "name" } : undefined;
    }

    private byName(name: string, types: readonly string[]): StackResource[] {
        const out: StackResource[] = [];
        for (const t of types) out.push(...(this.names.get(`${t}\u0000${name}`) ?? []));
        return out;
    }

    /** Resources with a known ARN, for wildcard selections. */
    withArns(): Iterable<[string, StackResource[]]> {
        return this.arns.entries();
    }

    /**
     * Resources of the given types whose own tags may carry the key once they are known: their
     * tags are not known yet (a preview), or their value for the key is not. Tags that are known
     * and lack the key do not; nor does a tagsAll not known yet, which the provider computes from
     * the tags and its default tags.
     */
    mayBeTaggedWith(key: string, types: readonly string[]): StackResource[] {
        if (!this.unknownTags) {
            const unknown = { all: [] as StackResource[], byKey: new Map<string, StackResource[]>() };
            for (const r of this.resources) {
                const tags = field(r.props, "tags");
                if (isUnknown(tags)) {
                    unknown.all.push(r);
                    continue;
                }
                const keys = new Set<string>();
                for (const map of [tags, field(r.props, "tagsAll")]) {
                    if (!isPlainObject(map)) continue;
                    for (const [k, v] of Object.entries(map)) if (isUnknown(v)) keys.add(canonicalKey(k).text);
                }
                for (const k of keys) push(unknown.byKey, k, r);
            }
            this.unknownTags = unknown;
        }
        const wanted = new Set(types);
        return [...this.unknownTags.all, ...(this.unknownTags.byKey.get(canonicalKey(key).text) ?? [])].filter((r) => wanted.has(r.type));
    }

    /** Resources whose own tags (tags, tagsAll) carry key = value; built on first use. */
    taggedWith(key: string, value: string): readonly StackResource[] {
        if (!this.tags) {
            this.tags = new Map();
            for (const r of this.resources) {
                const seen = new Set<string>();
                for (const prop of ["tags", "tagsAll"]) {
                    const tags = field(r.props, prop);
                    if (!isPlainObject(tags)) continue;
                    for (const [k, v] of Object.entries(tags)) {
                        const val = knownString(v);
                        if (val === undefined) continue;
                        const ck = canonicalKey(k).text;
                        const id = `${ck}\u0000${val}`;
                        if (seen.has(id)) continue;
                        seen.add(id);
                        let byValue = this.tags.get(ck);
                        if (!byValue) this.tags.set(ck, (byValue = new Map()));
                        push(byValue, val, r);
                    }
                }
            }
        }
        return this.tags.get(canonicalKey(key).text)?.get(value) ?? [];
    }
}

/** Append to the list a key maps to, starting one if there is none. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}
