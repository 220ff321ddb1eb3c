// The simple flow kinds as a table (data/flow-kinds.json): one property of the flow resource names
// the source, another the destination, or the resource itself is one end. Each row becomes an
// extractor once, when the module loads; extracting is then a read of the rows' few properties.
import data from "../../data/flow-kinds.json";
import { servedByAws } from "../locate/aws";
import { GROUPS, isGroupName } from "./groups";
import type { FlowFamily } from "./kinds/family";
import { along, Endpoint, Extractor, ExternalKind, FlowContext, flows, regionEndpoint, resolveAt, self, urnsOf } from "./resolve";
import type { StackResource } from "./stack";

interface Itself {
    resolve: "itself";
    how: string;
}
interface Reference {
    resolve: "reference";
    property: string;
    groups: string[];
    outside?: ExternalKind;
    notItself?: true;
    notTheSource?: true;
}
interface Region {
    resolve: "region";
    property: string;
    awsOnly?: string;
    whenAbsent?: Itself;
}
type End = Itself | Reference | Region;

export interface FlowKindRow {
    type: string;
    kind: string;
    from: End;
    to: End;
    taggable: boolean;
    source: string;
    checked: string;
}

/** The rows as the file has them; its shape is checked against data/flow-kinds.schema.json by the tests. */
export const FLOW_KIND_ROWS: readonly FlowKindRow[] = (data as unknown as { kinds: FlowKindRow[] }).kinds;

/** One end of a row: how to find it on a resource, given the source's ends when it is the destination. */
type EndReader = (r: StackResource, ctx: FlowContext, source?: readonly Endpoint[]) => Endpoint[];

function endReader(end: End, row: FlowKindRow): EndReader {
    if (end.resolve === "itself") return (r) => [self(r, end.how)];
    if (end.resolve === "region") {
        const otherwise = end.whenAbsent;
        return (r) => {
            const onAws = end.awsOnly !== undefined && servedByAws(r) ? end.awsOnly : undefined;
            const found = along(r.props, end.property, (value, path) => regionEndpoint(value, path, onAws));
            return found.length === 0 && otherwise ? [self(r, otherwise.how)] : found;
        };
    }
    const types = end.groups.flatMap((g) => {
        // A name the groups do not have is an error in the shipped file: fail at load, loudly, rather than drop the flow kind.
        if (!isGroupName(g)) throw new Error(`data/flow-kinds.json: ${row.type} names the group ${JSON.stringify(g)}, which policypack/src/flows/groups.ts does not have`);
        return GROUPS[g];
    });
    return (r, ctx, source) => {
        let exclude: Set<string> | undefined;
        if (end.notTheSource || end.notItself) exclude = new Set(end.notTheSource && source ? urnsOf(source) : []);
        if (end.notItself) exclude?.add(r.urn);
        return resolveAt(ctx, r, end.property, types, { exclude, external: end.outside });
    };
}

function rowExtractor(row: FlowKindRow): Extractor {
    const from = endReader(row.from, row);
    const to = endReader(row.to, row);
    return (r, ctx) => {
        const sources = from(r, ctx);
        return flows(row.kind, r, sources, to(r, ctx, sources));
    };
}

/** Each row's type → its extractor and whether the type can carry tags. */
export const TABLE_KINDS: FlowFamily = Object.fromEntries(FLOW_KIND_ROWS.map((row) => [row.type, { extract: rowExtractor(row), taggable: row.taggable }]));
