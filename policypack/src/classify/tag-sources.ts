// Where a resource's tags can be found, and reading them whatever shape they arrive in.
import { field, isPlainObject, isUnknown, jsonish, quote } from "../values";
import { canonicalKey, Lookalike } from "./text";
import { extraTagPaths } from "./type-index";

/** One tag as found: its key and value as written, and where it was. */
export interface FoundTag {
    key: string;
    canonicalKey: string;
    /** The canonical key is plain ASCII, so it cannot be another key in disguise (nearKeyMatch). */
    asciiKey: boolean;
    keyLookalikes: Lookalike[];
    /** The value, or `unknown` when the engine does not know it yet. */
    value: string | { unknown: true };
    origin: string;
}

/** A group of tag sources that override lower layers key by key, as AWS merges default tags. */
export interface TagLayer {
    name: string;
    /**
     * Tags on parts of the resource (an instance's volumeTags, rootBlockDevice.tags): they add to
     * what the layer that decides says and never override it, so a part's "none" cannot undo the
     * resource's or the provider's classification.
     */
    additive?: boolean;
    tags: FoundTag[];
    /** Sources in this layer whose content is not known (preview) or cannot be read. */
    unknownSources: string[];
    unreadableSources: string[];
}

// Resource-level tag properties across providers: AWS/Azure/Yandex `tags`, GCP/Yandex `labels`,
// Kubernetes object metadata. All are read, so a classification cannot hide in a property the
// pack forgot.
const RESOURCE_TAG_PATHS: readonly (readonly string[])[] = [["tags"], ["labels"], ["metadata", "labels"], ["metadata", "annotations"]];
const RESOURCE_COMPUTED_TAG_PATHS: readonly (readonly string[])[] = [["tagsAll"], ["effectiveLabels"]];
// Provider-level defaults: aws `defaultTags.tags` (a JSON string from the SDK), gcp `defaultLabels`.
const PROVIDER_TAG_PATHS: readonly (readonly string[])[] = [["defaultTags", "tags"], ["defaultLabels"]];

type Read = { kind: "absent" } | { kind: "unknown" } | { kind: "unreadable" } | { kind: "value"; value: unknown };
// Every resource is read along eight paths, most of them absent: answer those without allocating.
const ABSENT: Read = Object.freeze({ kind: "absent" });
const UNKNOWN_READ: Read = Object.freeze({ kind: "unknown" });
const UNREADABLE: Read = Object.freeze({ kind: "unreadable" });

/** Follow a property path, parsing JSON strings on the way (provider inputs arrive as JSON). */
function readPath(root: unknown, path: readonly string[]): Read {
    let current: unknown = root;
    for (const key of path) {
        if (typeof current === "string") {
            if (isUnknown(current)) return UNKNOWN_READ;
            const parsed = jsonish(current);
            if (!parsed.ok) return UNREADABLE;
            current = parsed.value;
        }
        if (current === undefined || current === null) return ABSENT;
        if (!isPlainObject(current)) return UNREADABLE;
        current = field(current, key);
    }
    if (current === undefined || current === null) return ABSENT;
    if (isUnknown(current)) return UNKNOWN_READ;
    return { kind: "value", value: current };
}

function tagValue(value: unknown): string | { unknown: true } | undefined {
    if (isUnknown(value)) return { unknown: true };
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (value === null || value === undefined) return "";
    return undefined;
}

/** Read one tag map: an object, a JSON string of one, or a list of {key, value} pairs. */
function readTagMap(value: unknown, origin: string, layer: TagLayer): void {
    const parsed = jsonish(value);
    if (!parsed.ok) {
        layer.unreadableSources.push(`${origin} (a string that is not JSON)`);
        return;
    }
    const map = parsed.value;
    if (isUnknown(map)) {
        layer.unknownSources.push(origin);
        return;
    }
    const add = (key: string, raw: unknown): void => {
        const v = tagValue(raw);
        if (v === undefined) {
            // quote(): bounded and control characters made visible, so a key cannot forge message lines.
            layer.unreadableSources.push(`${origin} tag ${quote(key)} (not a string)`);
            return;
        }
        const folded = canonicalKey(key);
        layer.tags.push({ key, canonicalKey: folded.text, asciiKey: folded.ascii, keyLookalikes: folded.lookalikes, value: v, origin });
    };
    if (isPlainObject(map)) {
        for (const key of Object.keys(map)) add(key, map[key]);
    } else if (Array.isArray(map)) {
        for (const item of map) {
            if (isUnknown(item)) {
                layer.unknownSources.push(`${origin}[]`);
                continue;
            }
            const key = field(item, "key") ?? field(item, "Key");
            const v = field(item, "value") ?? field(item, "Value");
            // The unknown sentinel is a string: asked first, so an unknown key is not read as a key of its own.
            if (isUnknown(key)) layer.unknownSources.push(`${origin}[].key`);
            else if (typeof key === "string") add(key, v);
            else layer.unreadableSources.push(`${origin}[] (an entry without a key)`);
        }
    } else {
        layer.unreadableSources.push(`${origin} (not a map of tags)`);
    }
}

/** Each path with the words that name it in messages, computed once. */
function withOrigins(paths: readonly (readonly string[])[], prefix: string): readonly { path: readonly string[]; origin: string }[] {
    return paths.map((path) => ({ path, origin: `${prefix}${path.join(".")}` }));
}
const RESOURCE_SOURCES = withOrigins(RESOURCE_TAG_PATHS, "");
const COMPUTED_SOURCES = withOrigins(RESOURCE_COMPUTED_TAG_PATHS, "");
const PROVIDER_SOURCES = withOrigins(PROVIDER_TAG_PATHS, "provider ");

function readLayer(name: string, root: unknown, sources: readonly { path: readonly string[]; origin: string }[]): TagLayer {
    const layer: TagLayer = { name, tags: [], unknownSources: [], unreadableSources: [] };
    for (const { path, origin } of sources) {
        const read = readPath(root, path);
        if (read.kind === "unknown") layer.unknownSources.push(origin);
        else if (read.kind === "unreadable") layer.unreadableSources.push(origin);
        else if (read.kind === "value") readTagMap(read.value, origin, layer);
    }
    return layer;
}

/**
 * The resource's tag layers, highest precedence first: its own tags, then the provider-computed
 * `tagsAll`, then the provider's default tags.
 */
export function tagLayers(props: unknown, providerProps: unknown, type?: string): TagLayer[] {
    const resource = readLayer("resource", props, RESOURCE_SOURCES);
    const computed = readLayer("computed", props, COMPUTED_SOURCES);
    const provider = readLayer("provider", providerProps, PROVIDER_SOURCES);
    const layers = [resource, derivableTagsAll(computed, resource, provider), provider];
    const extra = extraTagPaths(type);
    if (extra.length === 0) return layers;
    const parts: TagLayer = { name: "parts", additive: true, tags: [], unknownSources: [], unreadableSources: [] };
    for (const path of extra) readEveryPath(props, path.split("."), "", parts);
    return parts.tags.length > 0 || parts.unknownSources.length > 0 || parts.unreadableSources.length > 0 ? [parts, ...layers] : layers;
}

/** Read the tag maps at a path with "[]" segments ("ebsBlockDevices[].tags"): one source per element. */
function readEveryPath(node: unknown, segments: readonly string[], origin: string, layer: TagLayer): void {
    if (segments.length === 0) {
        readTagMap(node, origin, layer);
        return;
    }
    const [head, ...rest] = segments as [string, ...string[]];
    const list = head.endsWith("[]");
    const key = list ? head.slice(0, -2) : head;
    let current: unknown = node;
    if (typeof current === "string") {
        if (isUnknown(current)) {
            layer.unknownSources.push(origin || "the resource");
            return;
        }
        const parsed = jsonish(current);
        if (!parsed.ok) {
            // A part that cannot be read may hold tags, as an unreadable tag map may: say so (fail closed).
            layer.unreadableSources.push(`${origin || "the resource"} (a string that is not JSON)`);
            return;
        }
        current = parsed.value;
    }
    if (current === undefined || current === null) return;
    if (!isPlainObject(current)) {
        layer.unreadableSources.push(`${origin || "the resource"} (not an object)`);
        return;
    }
    const value = field(current, key);
    const here = origin ? `${origin}.${key}` : key;
    if (value === undefined || value === null) return;
    if (isUnknown(value)) {
        layer.unknownSources.push(here);
        return;
    }
    if (!list) {
        readEveryPath(value, rest, here, layer);
        return;
    }
    const parsed = jsonish(value);
    const items = parsed.ok ? parsed.value : undefined;
    if (Array.isArray(items)) items.forEach((item, i) => readEveryPath(item, rest, `${here}[${i}]`, layer));
    else if (isPlainObject(items)) for (const k of Object.keys(items)) readEveryPath(items[k], rest, `${here}[${quote(k)}]`, layer);
    else layer.unreadableSources.push(`${here} (${parsed.ok ? "neither a list nor a map" : "a string that is not JSON"})`);
}

/**
 * AWS `tagsAll` is the provider's `defaultTags.tags` overlaid with the resource's `tags`, and
 * nothing else (pulumi-aws/terraform-provider-aws tags interceptor; the SDK offers no input for
 * it). In a preview, the provider's Check makes the whole map unknown as soon as one value in it
 * is unknown — a per-resource `Name` from another resource is enough. When both the resource's
 * `tags` and the provider's default tags are themselves readable, such an unknown `tagsAll`
 * hides nothing the other two layers do not already show, so it is not counted as unknown.
 * GCP's `effectiveLabels` is different: it also holds labels set outside Pulumi, so it stays.
 */
function derivableTagsAll(computed: TagLayer, resource: TagLayer, provider: TagLayer): TagLayer {
    if (!computed.unknownSources.includes("tagsAll")) return computed;
    const tagsSeen = !resource.unknownSources.includes("tags") && !resource.unreadableSources.some((s) => s === "tags" || s.startsWith("tags "));
    const defaultsSeen = provider.unknownSources.length === 0 && provider.unreadableSources.length === 0;
    if (!tagsSeen || !defaultsSeen) return computed;
    return { ...computed, unknownSources: computed.unknownSources.filter((s) => s !== "tagsAll") };
}
