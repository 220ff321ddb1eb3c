// Data flows in a stack: which resource copies, replicates, backs up, exports or streams which
// store's data where. The flow kinds are a registry keyed by the type token of the resource that
// creates the flow: the simple ones are rows of data/flow-kinds.json (table.ts), each family that
// needs more is a file of its own under kinds/, and all of them name their ends through resolve.ts.
import { isPlainObject, isUnknown, label } from "../values";
import { AWS_BACKUP } from "./kinds/aws-backup";
import { DATASYNC } from "./kinds/datasync";
import { DMS } from "./kinds/dms";
import { EFS_REPLICATION } from "./kinds/efs-replication";
import { ELASTICACHE_GLOBAL } from "./kinds/elasticache-global";
import type { FlowFamily } from "./kinds/family";
import { FIREHOSE } from "./kinds/firehose";
import { RDS_CLUSTER } from "./kinds/rds-cluster";
import { S3_REPLICATION } from "./kinds/s3-replication";
import { endpointKey, Extractor, Flow, FlowContext, FlowSettings } from "./resolve";
import type { StackIndex, StackResource } from "./stack";
import { TABLE_KINDS } from "./table";

export type { Endpoint, Flow, FlowContext, FlowSettings } from "./resolve";
export { endpointKey, resolve } from "./resolve";
export { label };

/** Every flow kind, by type token: the table's rows and the families. */
const KINDS: FlowFamily = combine([TABLE_KINDS, S3_REPLICATION, RDS_CLUSTER, AWS_BACKUP, EFS_REPLICATION, ELASTICACHE_GLOBAL, FIREHOSE, DMS, DATASYNC]);

function combine(families: readonly FlowFamily[]): FlowFamily {
    const out: Record<string, FlowFamily[string]> = {};
    for (const family of families) {
        for (const [type, kind] of Object.entries(family)) {
            // Two extractors for one type would silently drop one of them: fail at load instead.
            if (Object.prototype.hasOwnProperty.call(out, type)) throw new Error(`flow kind ${type} is defined twice`);
            out[type] = kind;
        }
    }
    return out;
}

/** The flow extractors, by the type token of the resource that creates the flow. */
export const FLOW_EXTRACTORS: Readonly<Record<string, Extractor>> = Object.fromEntries(Object.entries(KINDS).map(([type, k]) => [type, k.extract]));

/**
 * Flow-creating types that cannot carry tags in @pulumi/aws 7.48.0 (no `tags` property): a
 * declared transfer through one of them is declared on the source store instead.
 */
export const UNTAGGABLE_FLOW_TYPES: ReadonlySet<string> = new Set(Object.entries(KINDS).flatMap(([type, k]) => (k.taggable ? [] : [type])));

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
