// ElastiCache global datastores: a secondary replication group copies its global group's primary.
import { label } from "../../values";
import { GROUPS } from "../groups";
import { Extractor, Flow, flows, resolveAt, self } from "../resolve";
import type { FlowFamily } from "./family";

const replicationGroup: Extractor = (r, ctx) => {
    const out: Flow[] = [];
    for (const g of resolveAt(ctx, r, "globalReplicationGroupId", GROUPS.elasticacheGlobalReplicationGroup)) {
        if (g.kind !== "resource") {
            out.push(...flows("ElastiCache global datastore secondary", r, [g], [self(r, "it is the secondary replication group itself")]));
            continue;
        }
        // The primary itself names its own datastore too; flows() drops its flow from itself.
        const primary = resolveAt(ctx, g.resource, "primaryReplicationGroupId", GROUPS.elasticacheReplicationGroup, { labelled: true });
        out.push(...flows(`ElastiCache global datastore (${g.resource.name})`, r, primary, [self(r, `it is a secondary of ${label(g.resource)}`)]));
    }
    return out;
};

export const ELASTICACHE_GLOBAL: FlowFamily = {
    "aws:elasticache/replicationGroup:ReplicationGroup": { extract: replicationGroup, taggable: true },
};
