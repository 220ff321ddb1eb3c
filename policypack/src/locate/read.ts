// Reading location properties for the non-AWS resolvers: strings at property paths (with "[]"
// for every element of a list), and judging a set of regions or zones against the catalogue.
// Everything here is total: any shape comes in, an answer goes out, nothing throws.
import { BoundedCache } from "../bounded-cache";
import { countryName, RUSSIA } from "../countries";
import { field, isPlainObject, isUnknown, jsonish, quote } from "../values";
import { entryCountry, findRegion, findZone, RegionEntry } from "./catalogue";
import { unknownLocation, type Location } from "./location";

export type Str = { kind: "absent" } | { kind: "unknown" } | { kind: "value"; value: string } | { kind: "invalid" };

/** One string-valued property: absent (undefined, null, ""), unknown (preview), a value, or invalid. */
export function readString(value: unknown): Str {
    if (value === undefined || value === null) return { kind: "absent" };
    if (isUnknown(value)) return { kind: "unknown" };
    if (typeof value === "string") {
        const v = value.trim();
        return v === "" ? { kind: "absent" } : { kind: "value", value: v };
    }
    return { kind: "invalid" };
}

/** A provider input by name. Complex inputs may arrive as JSON strings; plain strings stay as they are. */
export function providerString(providerProps: unknown, key: string): Str {
    return readString(field(providerProps, key));
}

export interface Found {
    /** Where the value was, in words: "the resource's hosts[1].zone". */
    what: string;
    value: string;
}

export interface Collected {
    values: Found[];
    /** Places whose value is not known yet. */
    unknown: string[];
    /** Places whose value has the wrong shape, each once, with why: "the resource's hosts (a number, neither a list nor a map)". */
    invalid: string[];
}

/** What a value is, in words, for saying why it cannot be read; a string where a block belongs was tried as JSON first. */
export function shapeOf(value: unknown, stringWords = "a string that is not JSON"): string {
    if (Array.isArray(value)) return "a list";
    if (value === null) return "null";
    if (typeof value === "string") return stringWords;
    return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Record a field that cannot be read, once: several paths through the same field say the same. */
export function addInvalid(out: Collected, label: string, why: string): void {
    if (!out.invalid.some((i) => i.startsWith(`${label} (`))) out.invalid.push(`${label} (${why})`);
}

function walk(node: unknown, segments: readonly string[], label: string, out: Collected): void {
    if (isUnknown(node)) {
        out.unknown.push(label);
        return;
    }
    if (node === undefined || node === null) return;
    if (segments.length === 0) {
        const s = readString(node);
        if (s.kind === "value") out.values.push({ what: label, value: s.value });
        else if (s.kind === "invalid") addInvalid(out, label, `${shapeOf(node)}, not a string`);
        return;
    }
    const [head, ...rest] = segments as [string, ...string[]];
    if (head === "[]") {
        // Provider inputs may carry lists as JSON strings; resource props are plain lists. Newer
        // resources key their elements by name instead (mdbPostgresqlClusterV2 hosts: a map of
        // host name → host), so "[]" walks the values of a map too.
        // A string that is not JSON stays a string, so the message says so.
        const parsed = jsonish(node);
        const list = parsed.ok ? parsed.value : node;
        if (isUnknown(list)) {
            out.unknown.push(label);
            return;
        }
        if (Array.isArray(list)) {
            list.forEach((item, i) => walk(item, rest, `${label}[${i}]`, out));
            return;
        }
        if (isPlainObject(list)) {
            for (const key of Object.keys(list)) walk(list[key], rest, `${label}[${quote(key)}]`, out);
            return;
        }
        addInvalid(out, label, `${shapeOf(list)}, neither a list nor a map`);
        return;
    }
    const parsed = jsonish(node);
    const obj = parsed.ok ? parsed.value : node;
    if (isUnknown(obj)) {
        out.unknown.push(label);
        return;
    }
    if (!isPlainObject(obj)) {
        addInvalid(out, label, `${shapeOf(obj)}, not an object with a ${quote(head)} field`);
        return;
    }
    walk(field(obj, head), rest, label.endsWith("'s") ? `${label} ${head}` : `${label}.${head}`, out);
}

/**
 * Strings at property paths such as "zone", "hosts[].zone" or "allocationPolicy.zones[]".
 * `owner` names the object in messages: "the resource's", "the provider's".
 */
export function collect(root: unknown, paths: readonly string[], owner: string): Collected {
    const out: Collected = { values: [], unknown: [], invalid: [] };
    for (const path of paths) walk(root, segmentsOf(path), owner, out);
    return out;
}

// The paths are a fixed set of literals: split each once, not once per resource.
const segmentCache = new BoundedCache<string, string[]>(10_000);
function segmentsOf(path: string): string[] {
    return segmentCache.get(path, splitPath);
}

// "hosts[].zone" → hosts, [], zone: the split before every "[]" makes each its own segment.
function splitPath(path: string): string[] {
    return path.split(/\.|(?=\[\])/).filter((s) => s !== "");
}

export function isEmpty(c: Collected): boolean {
    return c.values.length === 0 && c.unknown.length === 0 && c.invalid.length === 0;
}

export { unknownLocation };

export interface Placed {
    found: Found;
    entry?: RegionEntry;
    /** The zone or region id as the catalogue spells its region. */
    region?: string;
    country?: string;
}

/** A region or zone of a cloud, looked up in the catalogue; `derive` may map a value to a region id first. */
export function place(cloud: string, found: Found, derive?: (value: string) => string | undefined): Placed {
    let entry = findRegion(cloud, found.value) ?? findZone(cloud, found.value);
    if (!entry && derive) {
        const derived = derive(found.value);
        if (derived) entry = findRegion(cloud, derived) ?? findZone(cloud, derived);
    }
    if (!entry) return { found };
    return { found, entry, region: entry.id, country: entryCountry(entry) };
}

export function describePlace(p: Placed, cloudName: string): string {
    const e = p.entry;
    if (!e) return `${p.found.what} is ${quote(p.found.value)}, which the pack's catalogue does not list among ${cloudName}'s regions and zones`;
    const where = e.place ? `${e.place}, ` : "";
    if (p.country) return `${p.found.what} is ${quote(p.found.value)} (${cloudName} ${e.id}: ${where}${countryName(p.country)})`;
    if (e.countries && e.countries.length > 0) {
        const names = e.countries.length <= 3 ? e.countries.map(countryName).join(", ") : `${e.countries.length} countries`;
        return `${p.found.what} is ${quote(p.found.value)} (${cloudName} ${e.id}, spanning ${names})`;
    }
    const why = e.country ? "its country is not verified" : "the catalogue has no verified country for it";
    return `${p.found.what} is ${quote(p.found.value)} (${cloudName} ${e.id}), but ${why} (${e.source})`;
}

/**
 * Judge the regions and zones a resource names on a cloud that has Russian regions: Russia only
 * if every one is a verified Russian location; not Russia if any one is known to be elsewhere;
 * otherwise unknown. `suffix` is appended to the explanation (for example, how the installation
 * was established).
 */
export function judgePlaces(cloud: string, cloudName: string, collected: Collected, suffix = "", derive?: (value: string) => string | undefined): Location {
    const placed = collected.values.map((f) => place(cloud, f, derive));
    const abroad = placed.find((p) => p.country !== undefined && p.country !== RUSSIA);
    if (abroad) {
        return { inRussia: "no", country: abroad.country, region: abroad.region, how: `${describePlace(abroad, cloudName)}${suffix}`, unknowns: [] };
    }
    if (collected.unknown.length > 0) return unknownLocation(`${collected.unknown.join(", ")} ${collected.unknown.length === 1 ? "is" : "are"} not known yet${suffix}`);
    if (collected.invalid.length > 0) return unknownLocation(`the pack cannot read ${collected.invalid.join("; ")}${suffix}`);
    const unplaced = placed.find((p) => p.country === undefined);
    if (unplaced) return unknownLocation(`${describePlace(unplaced, cloudName)}${suffix}`);
    const first = placed[0];
    if (!first) return unknownLocation(`no region or zone found${suffix}`);
    const all = placed.map((p) => describePlace(p, cloudName)).join("; ");
    return { inRussia: "yes", country: RUSSIA, region: first.region, how: `${all}${suffix}`, unknowns: [] };
}
