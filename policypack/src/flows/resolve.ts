// The one way the flow extractors name the ends of a flow: a reference resolved through the stack
// index (dependencies, ARN, name, then the outside world), a region, or the flow resource itself;
// and the small helpers every extractor shares to read lists, paths and pair the ends up.
import { countryName, RUSSIA } from "../countries";
import { entryCountry, findRegion } from "../locate/catalogue";
import { locateEndpoint } from "../locate/endpoint-location";
import { readString } from "../locate/read";
import type { Location, LocationSettings } from "../locate";
import { field, isPlainObject, isUnknown, label, quote } from "../values";
import { arnName, looksLikeArn, parseArn } from "./arn";
import type { StackIndex, StackResource } from "./stack";

/** One end of a flow: a resource in the stack, a place outside it, or something not known. */
export type Endpoint = (
    { kind: "resource"; resource: StackResource; how: string } | { kind: "external"; label: string; location: Location; how: string } | { kind: "unknown"; label: string; how: string }
) & {
    /** Set when the copy to this destination is switched off (a replication rule with status Disabled): why, in words. */
    inactive?: string;
};

export interface Flow {
    /** What moves the data, in words: "S3 replication", "AWS Backup copy". */
    kind: string;
    /** The resource that creates the flow: findings are reported against its URN. */
    flow: StackResource;
    from: Endpoint;
    to: Endpoint;
    /** Set when the flow copies nothing now (a disabled rule): why, in words. Such a flow taints nothing and is reported as advisory at most. */
    inactive?: string;
}

export interface FlowSettings extends LocationSettings {
    /** ARN or name of a store outside the stack → ISO country code (pack config destinationLocations). */
    destinationLocations: Readonly<Record<string, string>>;
    /** Resources of other stacks in the same ru-residency run → where they are (pack config stackDestinations, written by ru-residency). */
    stackDestinations?: Readonly<Record<string, { country: string; stack: string }>>;
}

export interface FlowContext {
    index: StackIndex;
    settings: FlowSettings;
    /** Lazily built reverse maps (members of global clusters, selections of backup plans), by the function that builds each. */
    cache: Map<PerStack<unknown>, unknown>;
}

/** Works out a value from the whole stack (a reverse index), once per analysis. */
export type PerStack<T> = (ctx: FlowContext) => T;

/** The value `build` gives for this stack, built on first use; the function itself is the key, so no two can share one. */
export function perStack<T>(ctx: FlowContext, build: PerStack<T>): T {
    if (ctx.cache.has(build)) return ctx.cache.get(build) as T;
    const value = build(ctx);
    ctx.cache.set(build, value);
    return value;
}

/** The flows one resource creates. */
export type Extractor = (r: StackResource, ctx: FlowContext) => Flow[];

// ---- reading values (strings through locate/read.ts, as every resolver reads them) -------------

/** A list property: its items, or one item for a single object (the SDK has used both shapes). */
export function items(value: unknown): { list: unknown[]; unknown: boolean } {
    if (isUnknown(value)) return { list: [], unknown: true };
    if (Array.isArray(value)) return { list: value, unknown: false };
    if (isPlainObject(value)) return { list: [value], unknown: false };
    return { list: [], unknown: false };
}

/** The value at a path of fields; a part of the way that is not known yet is the value. */
export function at(value: unknown, ...path: string[]): unknown {
    let v = value;
    for (const p of path) {
        if (isUnknown(v)) return v;
        v = field(v, p);
    }
    return v;
}
// ---- locating things outside the stack --------------------------------------------------------

function regionLocation(region: string, what: string): Location {
    const entry = findRegion("aws", region);
    if (!entry) {
        const how = `${what} is ${quote(region)}, which is not an AWS region the pack's catalogue knows, so the pack cannot tell where it is`;
        return { inRussia: "unknown", how, unknowns: [how] };
    }
    const country = entryCountry(entry);
    return {
        inRussia: "no",
        country,
        region: entry.id,
        how: `${what} is ${quote(region)} (AWS ${entry.place ?? entry.id}${country ? `, ${countryName(country)}` : ""}); AWS has no region in Russia`,
        unknowns: [],
    };
}

function configuredLocation(text: string, what: string, settings: FlowSettings): Location | undefined {
    const keys = [text];
    const parsed = looksLikeArn(text) ? parseArn(text) : undefined;
    const name = parsed?.ok ? arnName(parsed.arn) : undefined;
    if (name) keys.push(name);
    for (const k of keys) {
        if (!Object.prototype.hasOwnProperty.call(settings.destinationLocations, k)) continue;
        const country = settings.destinationLocations[k]!;
        return {
            inRussia: country === RUSSIA ? "yes" : "no",
            country,
            how: `${what} ${quote(text)} is not in this stack; the pack config destinationLocations[${quote(k)}] places it in ${countryName(country)}`,
            unknowns: [],
        };
    }
    const fromStacks = settings.stackDestinations ?? {};
    for (const k of keys) {
        if (!Object.prototype.hasOwnProperty.call(fromStacks, k)) continue;
        const d = fromStacks[k]!;
        return {
            inRussia: d.country === RUSSIA ? "yes" : "no",
            country: d.country,
            how: `${what} ${quote(text)} is not in this stack; it is a resource of stack ${quote(d.stack)}, analysed in the same ru-residency run, which places it in ${countryName(d.country)}`,
            unknowns: [],
        };
    }
    return undefined;
}

export type ExternalKind = "arn" | "host";

/** A place outside the stack named by `text` (an ARN, a name, a host), located as externalLocation does. */
export function outside(text: string, what: string, kind: ExternalKind, settings: FlowSettings): Endpoint {
    const location = externalLocation(text, what, kind, settings);
    return { kind: "external", label: text, location, how: location.how };
}

function externalLocation(text: string, what: string, kind: ExternalKind, settings: FlowSettings): Location {
    const configured = configuredLocation(text, what, settings);
    if (configured) return configured;
    if (kind === "host") return locateEndpoint(text.replace(/^jdbc:/i, ""), `${what} (outside this stack)`, settings);
    const parsed = parseArn(text);
    if (!parsed.ok) {
        const how = `${what} ${quote(text)} names no resource in this stack and is not an ARN (${parsed.reason}), so the pack cannot tell where it is; add it to destinationLocations if you know`;
        return { inRussia: "unknown", how, unknowns: [how] };
    }
    const arn = parsed.arn;
    if (arn.region === "") {
        const how = `${what} ${quote(text)} is not in this stack, and its ARN carries no region (${arn.service} ARNs such as S3 bucket ARNs never do), so the pack cannot tell where it is; add it to destinationLocations if you know`;
        return { inRussia: "unknown", how, unknowns: [how] };
    }
    const loc = regionLocation(arn.region, `${what} ${quote(text)} is not in this stack; the region in its ARN`);
    return loc;
}

// ---- resolving references --------------------------------------------------------------------

export interface Ref {
    value: unknown;
    /** The property path, for messages: "rules[0].destination.bucket". */
    path: string;
    /** The top-level property whose propertyDependencies name the resource. */
    depKey: string;
    types: readonly string[];
    /** Resources the reference cannot mean (a flow's source, when resolving its destination). */
    exclude?: ReadonlySet<string>;
    /** How to locate a value that names nothing in the stack. */
    external?: ExternalKind;
}

export function typed(urns: readonly string[] | undefined, ctx: FlowContext, types: readonly string[], exclude?: ReadonlySet<string>): StackResource[] {
    if (!urns) return [];
    const wanted = new Set(types);
    const out: StackResource[] = [];
    for (const u of urns) {
        const r = ctx.index.byUrn.get(u);
        if (r && wanted.has(r.type) && !exclude?.has(r.urn) && !out.includes(r)) out.push(r);
    }
    return out;
}

/** Resolve a reference: dependencies and property dependencies, then ARN and name, then the outside. */
export function resolve(ctx: FlowContext, r: StackResource, ref: Ref): Endpoint[] {
    const v = readString(ref.value);
    if (v.kind === "absent") return [];
    const propDeps = typed(r.propertyDependencies[ref.depKey], ctx, ref.types, ref.exclude);
    if (v.kind === "value") {
        const found = ctx.index.lookup(v.value, ref.types);
        const matches = (found?.resources ?? []).filter((m) => !ref.exclude?.has(m.urn));
        // The value names only what the reference cannot mean (the flow's own source): a copy into
        // itself moves nothing, and the resource is in the stack, so it is neither a destination
        // nor a place outside the stack.
        if (found && matches.length === 0) return [];
        if (found && matches.length > 0) {
            // Prefer the match the property dependency confirms, if there is one.
            const confirmed = matches.filter((m) => propDeps.includes(m));
            const chosen = confirmed.length > 0 ? confirmed : matches;
            return chosen.map((m) => ({ kind: "resource", resource: m, how: `${ref.path} ${quote(v.value)} matches the ${found.by} of ${label(m)}` }));
        }
        // A value the index cannot match (an id, or an ARN not known to the index yet) that came
        // from a resource of the right type is that resource.
        if (propDeps.length > 0) {
            return propDeps.map((m) => ({
                kind: "resource",
                resource: m,
                how: `${ref.path} ${quote(v.value)} comes from ${label(m)} (a property dependency of ${quote(ref.depKey)})`,
            }));
        }
        return [outside(v.value, ref.path, ref.external ?? "arn", ctx.settings)];
    }
    if (v.kind === "invalid") {
        const how = `${ref.path} is not a string, so the pack cannot tell what it names`;
        return [{ kind: "unknown", label: ref.path, how }];
    }
    // Not known yet (preview): only the dependencies can say what it will be.
    if (propDeps.length > 0) {
        return propDeps.map((m) => ({ kind: "resource", resource: m, how: `${ref.path} is not known yet; it comes from ${label(m)} (a property dependency of ${quote(ref.depKey)})` }));
    }
    const deps = typed(r.dependencies, ctx, ref.types, ref.exclude);
    // Each candidate is counted (fail closed); the message says when there was more than one.
    const candidates = deps.length === 1 ? "the only candidate of the right type" : `one of ${deps.length} candidates of the right type, each counted`;
    if (deps.length > 0) {
        return deps.map((m) => ({ kind: "resource", resource: m, how: `${ref.path} is not known yet; the flow resource depends on ${label(m)}, ${candidates}` }));
    }
    const how = `${ref.path} is not known yet and no dependency says which resource it will name`;
    return [{ kind: "unknown", label: ref.path, how }];
}

/**
 * A destination named by an AWS region. `onAws` names the AWS-only feature when the flow resource
 * is served by AWS itself (servedByAws): its destination is then an AWS region whatever the value
 * says, and AWS has no region in Russia, so an unknown, unreadable or unlisted region name is a
 * destination known to be abroad, not an unknown one.
 */
export function regionEndpoint(value: unknown, path: string, onAws?: string): Endpoint[] {
    const v = readString(value);
    if (v.kind === "absent") return [];
    if (onAws && (v.kind !== "value" || !findRegion("aws", v.value))) {
        const what =
            v.kind === "unknown"
                ? `${path} is not known yet`
                : v.kind === "invalid"
                  ? `${path} is not a string`
                  : `${path} is ${quote(v.value)}, which the pack's catalogue does not list as an AWS region`;
        const how = `${what}, but ${onAws} is always in an AWS region (its provider has no custom endpoint for the service), and AWS has no region in Russia`;
        return [{ kind: "external", label: v.kind === "value" ? `region ${quote(v.value)}` : path, location: { inRussia: "no", how, unknowns: [] }, how }];
    }
    if (v.kind === "unknown") return [{ kind: "unknown", label: path, how: `${path} is not known yet` }];
    if (v.kind === "invalid") return [{ kind: "unknown", label: path, how: `${path} is not a string` }];
    const location = regionLocation(v.value, path);
    // quote(): bounded and escaped, the region is any string the resource gives.
    return [{ kind: "external", label: `region ${quote(v.value)}`, location, how: location.how }];
}

export function self(r: StackResource, how: string): Endpoint {
    return { kind: "resource", resource: r, how };
}

export function flows(kind: string, r: StackResource, from: readonly Endpoint[], to: readonly Endpoint[]): Flow[] {
    const out: Flow[] = [];
    for (const f of from) {
        for (const t of to) {
            if (f.kind === "resource" && t.kind === "resource" && f.resource.urn === t.resource.urn) continue;
            const inactive = t.inactive ?? f.inactive;
            out.push(inactive ? { kind, flow: r, from: f, to: t, inactive } : { kind, flow: r, from: f, to: t });
        }
    }
    return out;
}

/** An unknown list property is an unknown destination; its items are read one by one. */
export function eachItem(value: unknown, path: string, fn: (item: unknown, itemPath: string) => Endpoint[]): Endpoint[] {
    const { list, unknown } = items(value);
    if (unknown) return [{ kind: "unknown", label: path, how: `${path} is not known yet` }];
    return list.flatMap((item, i) => fn(item, Array.isArray(value) ? `${path}[${i}]` : path));
}

export const urnsOf = (endpoints: readonly Endpoint[]): Set<string> => new Set(endpoints.flatMap((e) => (e.kind === "resource" ? [e.resource.urn] : [])));

export function endpointKey(e: Endpoint): string {
    return e.kind === "resource" ? `urn:${e.resource.urn}` : `${e.kind}:${e.label}`;
}

export function dedupe(endpoints: readonly Endpoint[]): Endpoint[] {
    const seen = new Set<string>();
    const out: Endpoint[] = [];
    for (const e of endpoints) {
        const k = `${endpointKey(e)}\u0000${e.inactive ? "inactive" : "active"}`;
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(e);
    }
    return out;
}

/**
 * The value at a property path of the resource ("bucket", "destination.bucket.bucketArn",
 * "replicas[].regionName"), handed to `end` with the path as messages spell it. A list segment
 * ("[]") is read item by item, and an unknown list is an unknown end (eachItem).
 */
export function along(root: unknown, property: string, end: (value: unknown, path: string) => Endpoint[]): Endpoint[] {
    const cut = property.indexOf("[]");
    if (cut < 0) return end(valueAt(root, property), property);
    const list = property.slice(0, cut);
    const rest = property.slice(cut + 2).replace(/^\./, "");
    return eachItem(valueAt(root, list), list, (item, itemPath) => (rest === "" ? end(item, itemPath) : along(item, rest, (v, p) => end(v, `${itemPath}.${p}`))));
}

// The path stops at the first part of the way that is not known yet, and that unknown is the
// value (at): an item of a list that is wholly unknown is an unknown end, not an absent one.
function valueAt(root: unknown, path: string): unknown {
    return at(root, ...path.split("."));
}

/** Options of a reference read at a property path of the flow resource. */
export interface RefAt {
    exclude?: ReadonlySet<string>;
    external?: ExternalKind;
    /** The reference is read on a resource other than the flow resource: messages name it ("<type> "<name>" path"). */
    labelled?: boolean;
}

/**
 * A reference at a property path of `r`: resolved as `resolve` does, with the path as its name in
 * messages and the path's top-level property as the one whose propertyDependencies name it.
 */
export function resolveAt(ctx: FlowContext, r: StackResource, property: string, types: readonly string[], opts: RefAt = {}): Endpoint[] {
    const depKey = property.split(/[.[]/, 1)[0]!;
    const prefix = opts.labelled ? `${label(r)} ` : "";
    return along(r.props, property, (value, path) => resolve(ctx, r, { value, path: prefix + path, depKey, types, exclude: opts.exclude, external: opts.external }));
}
