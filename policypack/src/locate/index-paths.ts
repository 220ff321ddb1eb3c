// Where a type keeps its location, from the per-type index generated from the providers' own
// schemas (data/type-index.json): the resolvers read these paths on top of the fields they always
// read, so a type whose zone or region sits in a nested or unusual field (GCP Cloud SQL
// settings.locationPreference.zone, a Yandex cluster's config.zoneId) is located by that field.
import { indexEntry } from "../classify/type-index";
import { isPlainObject, isUnknown, quote } from "../values";
import { collect, Collected, readString } from "./read";

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

/** The field a message names: "the resource's hosts[\"h1\"].zone (…)" → "the resource's hosts[\"h1\"].zone". */
function fieldOf(text: string): string {
    const i = text.indexOf(" (");
    return i < 0 ? text : text.slice(0, i);
}

/**
 * Add what `more` found to `base`, leaving out every field `base` already reports, so that two
 * paths through the same field never report it twice, in two wordings.
 */
export function merge(base: Collected, more: Collected): Collected {
    const seen = new Set<string>([...base.values.map((v) => v.what), ...base.unknown, ...base.invalid.map(fieldOf)]);
    return {
        values: [...base.values, ...more.values.filter((v) => !seen.has(v.what))],
        unknown: [...base.unknown, ...more.unknown.filter((u) => !seen.has(u))],
        invalid: [...base.invalid, ...more.invalid.filter((i) => !seen.has(fieldOf(i)))],
    };
}

/** Read the index's paths for a type under `root` with the resolver's path syntax, merged into `base`. */
export function collectIndexed(type: string, root: unknown, base: Collected, own: readonly string[], owner: string): Collected {
    const extra = indexLocationPaths(type).filter((p) => !own.includes(p));
    return extra.length === 0 ? base : merge(base, collect(root, extra, owner));
}

function describe(value: unknown): string {
    if (Array.isArray(value)) return "a list";
    if (value === null) return "null";
    return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function addInvalid(out: Collected, label: string, why: string): void {
    if (!out.invalid.some((i) => fieldOf(i) === label)) out.invalid.push(`${label} (${why})`);
}

function child(label: string, key: string): string {
    return label.endsWith("'s") ? `${label} ${key}` : `${label}.${key}`;
}

/** A block by its name or, as the Pulumi bridge names a repeated block, its plural ("host" → "hosts"). */
function member(obj: Record<string, unknown>, name: string): [string, unknown] | undefined {
    for (const key of [name, `${name}s`]) if (Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined && obj[key] !== null) return [key, obj[key]];
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
            addInvalid(out, label, `${describe(value)}, not a list of strings`);
            return;
        }
        value.forEach((v, i) => leaf(v, false, `${label}[${i}]`, out));
        return;
    }
    const s = readString(value);
    if (s.kind === "value") out.values.push({ what: label, value: s.value });
    else if (s.kind === "unknown") out.unknown.push(label);
    else if (s.kind === "invalid") addInvalid(out, label, `${describe(value)}, not a string`);
}

function walkBlocks(node: unknown, segments: readonly string[], label: string, out: Collected): void {
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
        addInvalid(out, label, `${describe(node)}, not an object, a list or a map`);
        return;
    }
    const [head, ...rest] = segments as [string, ...string[]];
    const list = rest.length === 0 && head.endsWith("[]");
    const name = list ? head.slice(0, -2) : head;
    const found = member(node, name);
    if (!found) {
        // A map of name → block (the *V2 clusters' hosts): the block's fields are one level down.
        const values = Object.values(node);
        if (values.length > 0 && values.every((v) => isPlainObject(v) || isUnknown(v)) && label !== "the resource's" && label !== "the provider's") {
            for (const key of Object.keys(node)) walkBlocks(node[key], segments, `${label}[${quote(key)}]`, out);
        }
        return;
    }
    const [key, value] = found;
    if (rest.length === 0) leaf(value, list, child(label, key), out);
    else walkBlocks(value, rest, child(label, key), out);
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
