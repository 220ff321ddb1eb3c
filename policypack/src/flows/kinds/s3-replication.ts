// S3 replication rules, in a BucketReplicationConfig or inline on a bucket, and a bucket's inline
// access logging.
import { readString } from "../../locate/read";
import { field, quote } from "../../values";
import { GROUPS } from "../groups";
import { at, eachItem, Endpoint, Extractor, FlowContext, Flow, flows, items, resolve, resolveAt, self, urnsOf } from "../resolve";
import type { StackResource } from "../stack";
import type { FlowFamily } from "./family";

function replicationRules(ctx: FlowContext, r: StackResource, rules: unknown, path: string, depKey: string, exclude?: ReadonlySet<string>): Endpoint[] {
    return eachItem(rules, path, (rule, p) => {
        const value = at(rule, "destination", "bucket");
        // A rule with status Disabled replicates nothing (S3 ReplicationRule Status); one whose
        // status is unknown in a preview, or anything else, counts as enabled (fail closed).
        const status = readString(field(rule, "status"));
        const inactive =
            status.kind === "value" && status.value.toLowerCase() === "disabled" ? `${p}.status is ${quote(status.value)}, so the rule replicates nothing while it stays disabled` : undefined;
        // Every replication rule copies somewhere; a rule whose destination cannot be read is an
        // unknown destination, not the absence of a flow.
        const found: Endpoint[] =
            readString(value).kind === "absent"
                ? [{ kind: "unknown", label: `${p}.destination.bucket`, how: `${p}.destination.bucket is not set, so the pack cannot tell where the replica goes` }]
                : resolve(ctx, r, { value, path: `${p}.destination.bucket`, depKey, types: GROUPS.bucket, exclude });
        return inactive ? found.map((e) => ({ ...e, inactive })) : found;
    });
}

const replicationConfig: Extractor = (r, ctx) => {
    const from = resolveAt(ctx, r, "bucket", GROUPS.bucket);
    const to = replicationRules(ctx, r, field(r.props, "rules"), "rules", "rules", urnsOf(from));
    return flows("S3 replication", r, from, to);
};

const bucket: Extractor = (r, ctx) => {
    // A rule or log target naming the bucket itself is no copy: flows() drops a flow from a resource to itself.
    const me = [self(r, "it is the bucket itself")];
    const out: Flow[] = [];
    for (const prop of ["replicationConfiguration", "replicationConfigurations"]) {
        const cfg = field(r.props, prop);
        const blocks = items(cfg);
        const to = blocks.unknown
            ? [{ kind: "unknown" as const, label: prop, how: `${prop} is not known yet` }]
            : blocks.list.flatMap((b, i) => replicationRules(ctx, r, at(b, "rules"), Array.isArray(cfg) ? `${prop}[${i}].rules` : `${prop}.rules`, prop));
        out.push(...flows("S3 replication (inline replicationConfiguration)", r, me, to));
    }
    for (const prop of ["logging", "loggings"]) out.push(...flows("S3 server access logging (inline logging)", r, me, resolveAt(ctx, r, `${prop}[].targetBucket`, GROUPS.bucket)));
    return out;
};

export const S3_REPLICATION: FlowFamily = {
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": { extract: replicationConfig, taggable: false },
    "aws:s3/bucket:Bucket": { extract: bucket, taggable: true },
    "aws:s3/bucketV2:BucketV2": { extract: bucket, taggable: true },
};
