// Many stack exports analysed as one organisation. Each export is analysed on its own, as
// `pulumi policy analyze` analyses it, with one addition: a flow whose destination is in another
// stack given on the command line is resolved there, by ARN or name. ru-residency adds each such
// destination's location to the cross-border policy's stackDestinations for the stacks that
// point at it, so the pack decides with what the user would otherwise write by hand.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { arnName, CROSS_BORDER, LOCALIZATION, locate, looksLikeArn, parseArn, readSettings, todayUtc, type Settings, type StackDestination } from "ru-data-residency/pack";
import type { EngineResource } from "./engine/runner";
import { InputError } from "./program/stack-config";
import { plainProps } from "./report/data-map";
import { readStackExport, type ExportedStack } from "./stack-export";

export { CROSS_BORDER, LOCALIZATION } from "ru-data-residency/pack";

/** The export files named by --file: files as given, folders as the *.json files in them, sorted. */
export function exportFiles(given: readonly string[]): string[] {
    const out: string[] = [];
    for (const g of given) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(g);
        } catch (e) {
            throw new InputError(`${g}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
        if (!stat.isDirectory()) {
            out.push(g);
            continue;
        }
        const files = fs
            .readdirSync(g)
            .filter((f) => f.toLowerCase().endsWith(".json") && fs.statSync(path.join(g, f)).isFile())
            .sort((a, b) => a.localeCompare(b, "en"));
        if (files.length === 0) throw new InputError(`${g}: a folder with no .json stack export in it`);
        out.push(...files.map((f) => path.join(g, f)));
    }
    return out;
}

export interface StackExportFile extends ExportedStack {
    file: string;
    /** "project/stack", the key every entry of the organisation's map carries. */
    key: string;
}

/** Read every export; two exports of the same stack are refused, as they would be counted twice. */
export function readExports(files: readonly string[]): StackExportFile[] {
    const seen = new Map<string, string>();
    return files.map((file) => {
        const e = readStackExport(file);
        const key = `${e.project}/${e.stack}`;
        const before = seen.get(key);
        if (before) throw new InputError(`${file}: stack ${key} is also in ${before}; give each stack once`);
        seen.set(key, file);
        return { ...e, file, key };
    });
}

/** Where a resource of one of the stacks is, under the names other stacks' flows may use for it. */
export interface KnownDestination {
    stack: string;
    urn: string;
    type: string;
    name: string;
    inRussia: "yes" | "no" | "unknown";
    country?: string;
    region?: string;
    /** How the pack located it, in words. */
    how: string;
}

export interface DestinationIndex {
    /** ARN, name in an ARN, bucket or name → the resource it names, when it names one resource and its country is known. */
    byKey: Map<string, KnownDestination>;
    /** Every key → every resource it names, located or not. */
    named: Map<string, KnownDestination[]>;
}

const S3_BUCKET = /^aws:s3\/(bucket|bucketV2):(Bucket|BucketV2)$/;

/**
 * The names a flow in another stack may use for this resource: its ARN, the name that ARN carries
 * (a bucket's, a table's), and an S3 bucket's `bucket`. Only names that identify the resource
 * itself: an object's or a policy's `bucket` names the bucket, not them.
 */
export function destinationKeys(type: string, props: unknown): string[] {
    const p = plainProps(props) as Record<string, unknown>;
    const keys = new Set<string>();
    const text = (v: unknown) => (typeof v === "string" && v !== "" && v.length <= 2048 ? v : undefined);
    const arn = text(p?.arn);
    if (arn && looksLikeArn(arn)) {
        keys.add(arn);
        const parsed = parseArn(arn);
        // An S3 object's ARN (bucket/key) names its bucket: not the object's name.
        const objectArn = parsed.ok && parsed.arn.service === "s3" && parsed.arn.resource.includes("/");
        const name = parsed.ok && !objectArn ? arnName(parsed.arn) : undefined;
        if (name) keys.add(name);
    }
    const bucket = S3_BUCKET.test(type) ? text(p?.bucket) : undefined;
    if (bucket) {
        keys.add(bucket);
        keys.add(`arn:aws:s3:::${bucket}`);
    }
    return [...keys];
}

function locationSettings(config: Record<string, unknown>): Settings {
    return readSettings(config, todayUtc()).settings;
}

/**
 * Every resource of every stack whose country is known, by the names flows use for it, located
 * with the cross-border policy's settings: it is that policy's destinationLocations they become.
 */
export function indexDestinations(stacks: readonly StackExportFile[], crossBorderConfig: Record<string, unknown>): DestinationIndex {
    const settings = locationSettings(crossBorderConfig);
    const all = new Map<string, KnownDestination[]>();
    for (const s of stacks) {
        for (const r of s.stackResources) {
            if (!r.provider || r.type.startsWith("pulumi:")) continue;
            const keys = destinationKeys(r.type, r.props);
            if (keys.length === 0) continue;
            const view = { type: r.type, name: r.name, urn: r.urn, props: plainProps(r.props), provider: { ...r.provider, props: plainProps(r.provider.props) } };
            const loc = locate(view, settings);
            const known: KnownDestination = {
                stack: s.key,
                urn: r.urn,
                type: r.type,
                name: r.name,
                inRussia: loc.country ? loc.inRussia : "unknown",
                country: loc.country,
                region: loc.region,
                how: loc.how,
            };
            for (const k of keys) all.set(k, [...(all.get(k) ?? []), known]);
        }
    }
    const byKey = new Map<string, KnownDestination>();
    for (const [k, list] of all) if (list.length === 1 && list[0]!.country && list[0]!.inRussia !== "unknown") byKey.set(k, list[0]!);
    return { byKey, named: all };
}

/** stackDestinations for `stack`: the other stacks' resources, under each of their names, with the stack that holds each. */
export function derivedDestinations(index: DestinationIndex, stack: string): Record<string, StackDestination> {
    const out: Record<string, StackDestination> = {};
    for (const [k, d] of index.byKey) if (d.stack !== stack && d.country) out[k] = { country: d.country, stack: d.stack };
    return out;
}

/**
 * The user's pack config with the derived destinations as the cross-border policy's
 * stackDestinations, written to a temporary file. They are kept apart from destinationLocations
 * so that a message says which stack placed a destination, not that the user's config did; the
 * user's own destinationLocations are read first and win.
 */
export function configWithDestinations(userConfig: Record<string, unknown>, derived: Record<string, StackDestination>, dir: string, stack: string): string {
    const config: Record<string, unknown> = { ...userConfig };
    const own = config[CROSS_BORDER];
    const policy: Record<string, unknown> = typeof own === "string" ? { enforcementLevel: own } : own && typeof own === "object" && !Array.isArray(own) ? { ...(own as Record<string, unknown>) } : {};
    const given = policy.stackDestinations && typeof policy.stackDestinations === "object" ? (policy.stackDestinations as Record<string, StackDestination>) : {};
    if (Object.keys(derived).length > 0 || Object.keys(given).length > 0) policy.stackDestinations = { ...derived, ...given };
    config[CROSS_BORDER] = policy;
    const file = path.join(dir, `${stack.replace(/[^A-Za-z0-9._-]+/g, "_")}.config.json`);
    fs.writeFileSync(file, JSON.stringify(config));
    return file;
}

/** The user's pack config file as raw JSON (already checked by the analysis when it reads it). */
export function rawConfig(file: string | undefined): Record<string, unknown> {
    if (!file) return {};
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new InputError(`${file}: cannot read the policy pack config (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (text.trim() === "") return {};
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (e) {
        throw new InputError(`${file}: the policy pack config is not valid JSON (${(e as Error).message})`);
    }
    if (json === null || typeof json !== "object" || Array.isArray(json)) throw new InputError(`${file} must be a JSON object keyed by policy name`);
    return json as Record<string, unknown>;
}

/** The localization policy's properties in a raw config. */
export function localizationProperties(config: Record<string, unknown>): Record<string, unknown> {
    return policyProperties(config, LOCALIZATION);
}

/** One policy's properties in a raw config (its enforcementLevel left out). */
export function policyProperties(config: Record<string, unknown>, policy: string): Record<string, unknown> {
    const p = config[policy];
    if (!p || typeof p !== "object" || Array.isArray(p)) return {};
    const { enforcementLevel: _level, ...properties } = p as Record<string, unknown>;
    return properties;
}

export function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "ru-residency-org-"));
}

export type { EngineResource };
