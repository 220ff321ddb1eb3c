// A task that moves data between two endpoint resources, each of which stands for a store (DMS
// replication tasks and their endpoints, DataSync tasks and their locations). The task's service
// reads every record where the task runs, and writes it to the store behind the destination.
import { readString, type Str } from "../../locate/read";
import { field, label } from "../../values";
import { GROUPS } from "../groups";
import { Endpoint, Extractor, FlowContext, flows, outside, resolveAt, self, typed } from "../resolve";
import type { StackResource } from "../stack";

export interface TransferTask {
    /** The flow in words; the task's own reading of the data is "<kind> (processing)". */
    kind: string;
    /** Why the task itself is a destination. */
    processing: string;
    /** The task's properties that name its source and destination endpoint. */
    source: string;
    destination: string;
    /** The endpoint types those properties name, and what one is called in messages ("endpoint"). */
    endTypes: readonly string[];
    endWord: string;
    /** The endpoint's properties that name the store behind it, with the store types each may name. */
    stores: readonly (readonly [property: string, types: readonly string[]])[];
    /**
     * A destination endpoint with no store of the stack behind it sends its data to its server:
     * the first of these properties that is set names the host, called `what` in messages.
     */
    server: { properties: readonly string[]; what: string };
    /** Where the data goes when the endpoint names no server the pack can read (`host` says what the server property held). */
    noServer: (ctx: FlowContext, e: StackResource, host: Str) => Endpoint;
}

/**
 * What an endpoint's store properties name (`named`), and the stores of the stack it stands for:
 * those it names, failing that those it depends on.
 */
function storeBehind(ctx: FlowContext, spec: TransferTask, e: StackResource): { stores: Endpoint[]; named: Endpoint[] } {
    const named = spec.stores.flatMap(([property, types]) => resolveAt(ctx, e, property, types, { labelled: true }));
    const stores = named.filter((x) => x.kind === "resource");
    if (stores.length > 0) return { stores, named };
    const deps = typed([...Object.values(e.propertyDependencies).flat(), ...e.dependencies], ctx, GROUPS.store);
    return { stores: deps.map((d) => ({ kind: "resource", resource: d, how: `${label(e)} depends on it` })), named };
}

function storesOf(ctx: FlowContext, spec: TransferTask, ends: readonly Endpoint[], role: "source" | "destination"): Endpoint[] {
    const out: Endpoint[] = [];
    for (const end of ends) {
        if (end.kind !== "resource") {
            out.push(end);
            continue;
        }
        const { stores, named } = storeBehind(ctx, spec, end.resource);
        if (stores.length > 0) out.push(...stores);
        // A source with no store of the stack behind it is read by its own tags (a store elsewhere
        // has tags the pack cannot see); a store property not known yet may name any store, so
        // that source also counts as one the pack cannot identify (fail closed).
        else if (role === "source") {
            out.push(...named.filter((x) => x.kind === "unknown"));
            out.push({ kind: "resource", resource: end.resource, how: `${end.how}; no store behind it is in this stack, so the ${spec.endWord}'s own tags classify the data` });
        }
        // A destination goes where its store property says (a bucket elsewhere, a name not known yet), else to its server.
        else if (named.length > 0) out.push(...named);
        else out.push(server(ctx, spec, end.resource));
    }
    return out;
}

function server(ctx: FlowContext, spec: TransferTask, e: StackResource): Endpoint {
    const set = spec.server.properties.map((p) => field(e.props, p)).find((v) => v !== undefined && v !== null);
    const host = readString(set);
    if (host.kind === "value") return outside(host.value, `${label(e)} ${spec.server.what}`, "host", ctx.settings);
    return spec.noServer(ctx, e, host);
}

export function transferTask(spec: TransferTask): Extractor {
    return (r, ctx) => {
        const from = storesOf(ctx, spec, resolveAt(ctx, r, spec.source, spec.endTypes), "source");
        const to = storesOf(ctx, spec, resolveAt(ctx, r, spec.destination, spec.endTypes), "destination");
        return [...flows(`${spec.kind} (processing)`, r, from, [self(r, spec.processing)]), ...flows(spec.kind, r, from, to)];
    };
}
