// An RDS cluster: a cross-region read replica of another cluster or instance, and a member of a
// global cluster, which holds the same data as every other member.
import { label } from "../../values";
import { GROUPS } from "../groups";
import { dedupe, Endpoint, Extractor, Flow, FlowContext, flows, perStack, resolveAt, self } from "../resolve";
import { push, type StackResource } from "../stack";
import type { FlowFamily } from "./family";

/** Members of each RDS global cluster: clusters whose globalClusterIdentifier names it. Built once. */
function globalClusterMembers(ctx: FlowContext): Map<string, StackResource[]> {
    return perStack(ctx, indexGlobalClusterMembers);
}

function indexGlobalClusterMembers(ctx: FlowContext): Map<string, StackResource[]> {
    const members = new Map<string, StackResource[]>();
    for (const c of ctx.index.ofType(GROUPS.rdsCluster[0])) {
        for (const g of resolveAt(ctx, c, "globalClusterIdentifier", GROUPS.rdsGlobalCluster)) if (g.kind === "resource") push(members, g.resource.urn, c);
    }
    return members;
}

const rdsCluster: Extractor = (r, ctx) => {
    const out: Flow[] = [];
    // A cluster that names itself is no source of its own: flows() drops a flow from a resource to itself.
    const replicaOf = resolveAt(ctx, r, "replicationSourceIdentifier", [...GROUPS.rdsCluster, ...GROUPS.rdsInstance]);
    out.push(...flows("RDS cross-region read replica cluster", r, replicaOf, [self(r, "it is the replica cluster itself")]));
    for (const g of resolveAt(ctx, r, "globalClusterIdentifier", GROUPS.rdsGlobalCluster)) {
        // A global cluster not known yet may have members anywhere: this cluster receives from a
        // source the pack cannot identify (fail closed). One outside the stack has members whose
        // tags cannot be seen, and is no source the pack reports.
        if (g.kind === "unknown") out.push(...flows("RDS global cluster member", r, [g], [self(r, "it is the member cluster itself")]));
        if (g.kind !== "resource") continue;
        // Every member of a global cluster holds the same data: each other member, and the
        // cluster the global cluster was created from, is a source of this one.
        const sources: Endpoint[] = [];
        for (const m of globalClusterMembers(ctx).get(g.resource.urn) ?? []) sources.push({ kind: "resource", resource: m, how: `it is another member of ${label(g.resource)}` });
        sources.push(...resolveAt(ctx, g.resource, "sourceDbClusterIdentifier", GROUPS.rdsCluster, { labelled: true }).filter((e) => e.kind === "resource"));
        out.push(...flows(`RDS global cluster member (${g.resource.name})`, r, dedupe(sources), [self(r, `it is a member of ${label(g.resource)}`)]));
    }
    return out;
};

export const RDS_CLUSTER: FlowFamily = {
    "aws:rds/cluster:Cluster": { extract: rdsCluster, taggable: true },
};
