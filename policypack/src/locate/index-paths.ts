// Where a type keeps its location, from the per-type index generated from the providers' own
// schemas (data/type-index.json): the resolvers read these paths on top of the fields they always
// read, so a type whose zone or region sits in a nested or unusual field (GCP Cloud SQL
// settings.locationPreference.zone, a Yandex cluster's config.zoneId) is located by that field.
import { indexEntry } from "../classify/type-index";
import { isPlainObject, isUnknown, quote } from "../values";
import { addInvalid, Collected, readString, shapeOf } from "./read";

const NONE: readonly string[] = Object.freeze([]);

/** The index's location paths for a type ("settings.locationPreference.zone", "hosts[].zone"). */
export function indexLocationPaths(type: string): readonly string[] {
    return indexEntry(type)?.l ?? NONE;
}

/** The resolver's own paths, then the index's paths for the type that the resolver does not read already. */
export function withIndexPaths(type: string, own: readonly string[], exclude: (path: string) => boolean = () => false): readonly string[] {
    const extra = indexLocationPaths(type).filter((p) => !own.includes(p) && !exclude(p));
    return extra.length === 0 ? own : [...own, ...extra];
}

function child(label: string, key: string): string {
    return label.endsWith("'s") ? `${label} ${key}` : `${label}.${key}`;
}

/** A field by its name or, for a block (as the Pulumi bridge names a repeated one), its plural ("host" → "hosts"). */
function member(obj: Record<string, unknown>, name: string, block: boolean): [string, unknown] | undefined {
    for (const key of block ? [name, `${name}s`] : [name]) if (Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined && obj[key] !== null) return [key, obj[key]];
    return undefined;
}

function leaf(value: unknown, list: boolean, label: string, out: Collected): void {
    if (isUnknown(value)) {
        out.unknown.push(label);
        return;
    }
    if (value === undefined || value === null) return;
    if (list) {
        if (!Array.isArray(value)) {
            addInvalid(out, label, `${shapeOf(value, "a string")}, not a list of strings`);
            return;
        }
        value.forEach((v, i) => leaf(v, false, `${label}[${i}]`, out));
        return;
    }
    const s = readString(value);
    if (s.kind === "value") out.values.push({ what: label, value: s.value });
    else if (s.kind === "unknown") out.unknown.push(label);
    else if (s.kind === "invalid") addInvalid(out, label, `${shapeOf(value, "a string")}, not a string`);
}

/** What a walk collects, and the blocks whose every value is unknown (label → their keys), settled at the end. */
type Walk = Collected & { allUnknown: Map<string, string[]> };

/**
 * A block's value without the field may be a map of name → block (the *V2 clusters' hosts), the
 * field one level down in each block. It is read as a map when every value is a block, or when
 * every value is a block or not known yet and a block among them has the field: an entry not known
 * yet (preview) is then a block whose place is not known, never a reason to skip the others. A
 * known value that is no block (a string, a number) makes it one block that lacks the field.
 */
function walkEntries(node: Record<string, unknown>, segments: readonly string[], name: string, block: boolean, label: string, out: Walk): void {
    const values = Object.values(node);
    if (values.length === 0) return;
    const blockOrUnknown = values.every((v) => isPlainObject(v) || isUnknown(v));
    if (values.every((v) => isPlainObject(v)) || (blockOrUnknown && values.some((v) => isPlainObject(v) && member(v, name, block) !== undefined))) {
        for (const key of Object.keys(node)) walkBlocks(node[key], segments, `${label}[${quote(key)}]`, out);
    } else if (values.every((v) => isUnknown(v))) {
        // A map of blocks not known yet, or one block whose every field is not known yet: settled
        // once every path has been walked (settleAllUnknown).
        out.allUnknown.set(label, Object.keys(node));
    }
}

/**
 * A block whose every value is unknown hides its place when no path found anything in it: then
 * each of its entries is a place not known yet. When a path did (its zone field, not known yet),
 * it is one block, and that finding speaks for it.
 */
function settleAllUnknown(out: Walk): void {
    const found = [...out.values.map((v) => v.what), ...out.unknown, ...out.invalid];
    for (const [label, keys] of out.allUnknown) {
        const inside = found.some((f) => f.startsWith(`${label} `) || f.startsWith(`${label}.`) || f.startsWith(`${label}[`));
        if (!inside) for (const key of keys) out.unknown.push(`${label}[${quote(key)}]`);
    }
}

// `entries`: the node is a block's value, which may be a map of name → block; inside a map's
// entry it may not, so a lone block whose fields are all objects is never read as a map twice over.
function walkBlocks(node: unknown, segments: readonly string[], label: string, out: Walk, entries = false): void {
    if (isUnknown(node)) {
        out.unknown.push(label);
        return;
    }
    if (node === undefined || node === null) return;
    if (Array.isArray(node)) {
        node.forEach((item, i) => walkBlocks(item, segments, `${label}[${i}]`, out));
        return;
    }
    if (!isPlainObject(node)) {
        addInvalid(out, label, `${shapeOf(node, "a string")}, neither an object, a list nor a map`);
        return;
    }
    const [head, ...rest] = segments as [string, ...string[]];
    const list = rest.length === 0 && head.endsWith("[]");
    const name = list ? head.slice(0, -2) : head;
    const found = member(node, name, rest.length > 0);
    if (!found) {
        if (entries) walkEntries(node, segments, name, rest.length > 0, label, out);
        return;
    }
    const [key, value] = found;
    if (rest.length === 0) leaf(value, list, child(label, key), out);
    else walkBlocks(value, rest, child(label, key), out, true);
}

/**
 * Strings at block paths from the provider's reference, where a block may arrive as one object, a
 * list of objects or a map of name → object, under its name or its plural: "hosts.zone" reads
 * hosts[0].zone, hosts["h1"].zone or host.zone; "config.zones[]" a list of strings.
 */
export function collectBlocks(root: unknown, paths: readonly string[], owner: string): Collected {
    const out: Walk = { values: [], unknown: [], invalid: [], allUnknown: new Map() };
    for (const path of paths) {
        const segments = path.split(".").filter((s) => s !== "");
        if (segments.length > 0) walkBlocks(root, segments, owner, out);
    }
    settleAllUnknown(out);
    // Two paths may reach the same field (a block and its plural): keep each place once.
    const seen = new Set<string>();
    return { values: out.values.filter((v) => (seen.has(v.what) ? false : (seen.add(v.what), true))), unknown: [...new Set(out.unknown)], invalid: out.invalid };
}
