// Exemptions live in the pack config, never in tags: a resource must not exempt itself.
import { BoundedCache } from "../bounded-cache";
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
const URN_PROBES = ["urn:pulumi:zz-probe-stack::zz-probe-project::zzprobe:zz/zzProbe:ZzProbe::zz-probe-name", "urn:pulumi:other::other::aws:s3/bucket:Bucket::q"];
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

const matchers = new BoundedCache<string, Matcher>(10_000);
function matcher(glob: string): Matcher {
    return matchers.get(glob, compile);
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

// Types and names with nothing in common: a glob that matches every one of them within a stack
// matches that stack as a whole, whatever it says it is about.
const TYPE_NAME_PROBES: readonly [string, string][] = [
    ["zzq:zz/zzq:Zzq", "zz-probe-name"],
    ["aws:s3/bucket:Bucket", "q"],
    ["kubernetes:core/v1:Secret", "Customers_2"],
    ["my:components:Store$gcp:sql/databaseInstance:DatabaseInstance", "x9"],
];

/** Stack and project of a URN ("urn:pulumi:<stack>::<project>::..."). */
export function stackAndProject(urn: string): { stack: string; project: string } | undefined {
    const m = /^urn:pulumi:([^:]*)::([^:]*)::/.exec(urn);
    return m ? { stack: m[1]!, project: m[2]! } : undefined;
}

const breadth = new BoundedCache<string, string | undefined>(10_000);

/**
 * What a glob matches as a whole in the stack of this URN, judged by what it matches rather than
 * by what it says: "every resource of stack "dev" of project "app"", "... of project "app" in
 * every stack", or undefined when it leaves resources of the stack out. `*app*`,
 * `urn:pulumi:dev::app::*` and `urn:pulumi:dev::**` all match a whole stack named dev of a project
 * named app.
 */
export function broadInStack(glob: string, urn: string): string | undefined {
    if (!GLOB_CHARS.test(glob)) return undefined;
    const sp = stackAndProject(urn);
    if (!sp) return undefined;
    const key = `${glob}\u0000${sp.stack}\u0000${sp.project}`;
    return breadth.get(key, () => judgeBreadth(glob, sp));
}

function judgeBreadth(glob: string, sp: { stack: string; project: string }): string | undefined {
    let answer: string | undefined;
    try {
        const m = matcher(glob);
        const all = (stack: string, project: string) => TYPE_NAME_PROBES.every(([t, n]) => m(`urn:pulumi:${stack}::${project}::${t}::${n}`));
        if (all(sp.stack, sp.project)) {
            answer = all("zz-other-stack", sp.project)
                ? `every resource of project ${quote(sp.project)}, in every stack`
                : all(sp.stack, "zz-other-project")
                  ? `every resource of every project's stack ${quote(sp.stack)}`
                  : `every resource of stack ${quote(sp.stack)} of project ${quote(sp.project)}`;
        }
    } catch {
        answer = undefined;
    }
    return answer;
}

function matches(e: Exemption, urn: string, name: string): boolean {
    if (e.resource === urn || e.resource === name) return true;
    if (!GLOB_CHARS.test(e.resource)) return false;
    try {
        const m = matcher(e.resource);
        return m(urn) || m(name);
    } catch {
        return false;
    }
}

/**
 * The first exemption whose pattern equals or matches the resource's URN or name. Unless
 * allowBroad, a glob that in effect matches the resource's whole stack or project is not applied
 * (see refusedBroadExemptions for the words that say so).
 */
export function findExemption(exemptions: readonly Exemption[], urn: string, name: string, allowBroad = false): Exemption | undefined {
    for (const e of exemptions) {
        if (!matches(e, urn, name)) continue;
        if (!allowBroad && broadInStack(e.resource, urn)) continue;
        return e;
    }
    return undefined;
}

/** Notes for the exemptions that match the resource but are refused because they match its whole stack or project. */
export function refusedBroadExemptions(exemptions: readonly Exemption[], urn: string, name: string, allowBroad: boolean): string[] {
    if (allowBroad) return [];
    const out: string[] = [];
    for (const e of exemptions) {
        if (e.expired || !matches(e, urn, name)) continue;
        const what = broadInStack(e.resource, urn);
        if (what)
            out.push(
                `Exemption exemptions[${e.index}].resource ${quote(e.resource)} is refused: it matches ${what}, which turns the policy off for them without naming them; name the resources, or set allowBroadExemptions to true.`,
            );
    }
    return out;
}

/** The line a message gets when an exemption that would have applied has run out. */
export function expiredNote(e: Exemption | undefined): string[] {
    return e ? [`Exemption exemptions[${e.index}] for ${quote(e.resource)} expired on ${e.expires} and no longer applies (reason given: ${quote(e.reason)}).`] : [];
}
