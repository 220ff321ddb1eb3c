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

// `entries`: the node is a block's value, which may be a map of name → block; inside a map's
// entry it may not, so a lone block whose fields are all objects is never read as a map twice over.
function walkBlocks(node: unknown, segments: readonly string[], label: string, out: Collected, entries = false): void {
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
        // A map of name → block (the *V2 clusters' hosts): the block's fields are one level down.
        const values = Object.values(node);
        if (entries && values.every((v) => isPlainObject(v))) {
            for (const key of Object.keys(node)) walkBlocks(node[key], segments, `${label}[${quote(key)}]`, out);
        }
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
    const out: Collected = { values: [], unknown: [], invalid: [] };
    for (const path of paths) {
        const segments = path.split(".").filter((s) => s !== "");
        if (segments.length > 0) walkBlocks(root, segments, owner, out);
    }
    // Two paths may reach the same field (a block and its plural): keep each place once.
    const seen = new Set<string>();
    out.values = out.values.filter((v) => (seen.has(v.what) ? false : (seen.add(v.what), true)));
    out.unknown = [...new Set(out.unknown)];
    return out;
}
