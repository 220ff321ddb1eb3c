// Exemptions live in the pack config, never in tags: a resource must not exempt itself.
import { isPlainObject, quote } from "../values";

export interface Exemption {
    resource: string;
    reason: string;
    expires: string;
    expired: boolean;
    /** Position in the config list, for messages. */
    index: number;
}

export interface ExemptionList {
    exemptions: Exemption[];
    errors: string[];
}

function isRealDate(text: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    const d = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const GLOB_CHARS = /[*?[\]{}!()+@]/;

// URNs and names that have nothing in common but their shape: a pattern that matches all the
// URNs, or all the names, matches any resource (an exemption matches a URN or a name).
const URN_PROBES = [
    "urn:pulumi:zz-probe-stack::zz-probe-project::zzprobe:zz/zzProbe:ZzProbe::zz-probe-name",
    "urn:pulumi:other::other::aws:s3/bucket:Bucket::q",
];
const NAME_PROBES = ["zz-probe-name", "q", "Customers_2"];

type Matcher = (text: string) => boolean;
let picomatch: ((glob: string, options: object) => Matcher) | undefined;

function compile(glob: string): Matcher {
    // Loaded only when a glob is configured; most stacks have none.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    picomatch ??= require("picomatch") as (glob: string, options: object) => Matcher;
    // bash: a single * crosses "/" too, which URNs (aws:s3/bucket:Bucket) need.
    return picomatch(glob, { bash: true, dot: true, nocase: false });
}

const matchers = new Map<string, Matcher>();
function matcher(glob: string): Matcher {
    let m = matchers.get(glob);
    if (!m) {
        m = compile(glob);
        matchers.set(glob, m);
    }
    return m;
}

export function isBroadGlob(glob: string): boolean {
    if (!GLOB_CHARS.test(glob)) return false;
    const m = matcher(glob);
    return URN_PROBES.every((p) => m(p)) || NAME_PROBES.every((p) => m(p));
}

export function readExemptions(raw: unknown, allowBroad: boolean, today: string): ExemptionList {
    const errors: string[] = [];
    const exemptions: Exemption[] = [];
    if (raw === undefined || raw === null) return { exemptions, errors };
    if (!Array.isArray(raw)) return { exemptions, errors: ["exemptions must be a list"] };
    raw.forEach((item, index) => {
        const where = `exemptions[${index}]`;
        if (!isPlainObject(item)) {
            errors.push(`${where} must be an object with resource, reason and expires`);
            return;
        }
        const { resource, reason, expires } = item;
        let ok = true;
        if (typeof resource !== "string" || resource.trim() === "") {
            errors.push(`${where}.resource is required: a URN, or a glob on the resource name or URN`);
            ok = false;
        }
        if (typeof reason !== "string" || reason.trim() === "") {
            errors.push(`${where}.reason is required: say why the exemption is justified`);
            ok = false;
        }
        if (typeof expires !== "string" || !isRealDate(expires)) {
            errors.push(`${where}.expires is required and must be a real date as YYYY-MM-DD${typeof expires === "string" ? `, not ${quote(expires)}` : ""}`);
            ok = false;
        }
        for (const k of Object.keys(item)) {
            if (!["resource", "reason", "expires"].includes(k)) errors.push(`${where} has an unknown property ${quote(k)}`);
        }
        if (!ok) return;
        const glob = (resource as string).trim();
        try {
            if (!allowBroad && isBroadGlob(glob)) {
                errors.push(`${where}.resource ${quote(glob)} matches every resource; name the resources, or set allowBroadExemptions to true`);
                return;
            }
        } catch {
            errors.push(`${where}.resource ${quote(glob)} is not a valid glob`);
            return;
        }
        exemptions.push({ resource: glob, reason: reason as string, expires: expires as string, expired: (expires as string) < today, index });
    });
    return { exemptions, errors };
}

/** The first exemption whose pattern equals or matches the resource's URN or name. */
export function findExemption(exemptions: readonly Exemption[], urn: string, name: string): Exemption | undefined {
    for (const e of exemptions) {
        if (e.resource === urn || e.resource === name) return e;
        if (!GLOB_CHARS.test(e.resource)) continue;
        try {
            const m = matcher(e.resource);
            if (m(urn) || m(name)) return e;
        } catch {
            continue;
        }
    }
    return undefined;
}
