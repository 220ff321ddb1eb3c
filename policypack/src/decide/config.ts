// The pack's configuration: JSON schemas the engine validates against (and fills defaults
// from), and a reader that checks what a schema cannot (real dates, real country codes, globs
// that match everything) and never throws.
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { ClassificationSettings, DEFAULT_CLASSIFICATION_SETTINGS } from "../classify/classification";
import { BoundedCache, registerMemo } from "../bounded-cache";
import { countryCode, RUSSIA } from "../countries";
import { weakeningRussianPattern } from "../locate/endpoint-patterns";
import { DEFAULT_LOCATION_SETTINGS, LocationSettings } from "../locate/location";
import { isPlainObject, quote } from "../values";
import { Exemption, readExemptions } from "./exemptions";

export type OnUnknown = "block" | "warn";
/** A flow destination that is a resource of another stack analysed in the same run. */
export interface StackDestination {
    country: string;
    /** The stack that holds it ("organisation/project/stack" as its export names it). */
    stack: string;
}

/** Cross-border transfers (ru-personal-data-cross-border-transfer): forbid every copy abroad, or allow declared ones. */
export type Transfers = "forbid" | "declared";

export interface Settings extends ClassificationSettings, LocationSettings {
    onUnknown: OnUnknown;
    exemptions: Exemption[];
    allowBroadExemptions: boolean;
    transfers: Transfers;
    allowNonAdequate: boolean;
    /** ISO alpha-2 codes added to the pack's adequacy list (data/adequacy.json). */
    adequateCountries: string[];
    /** ARN or name of a store outside the stack → ISO alpha-2 country, for flow destinations. */
    destinationLocations: Record<string, string>;
    /** Written by ru-residency for a run over several stacks: ARN or name → where that resource of another stack is. */
    stackDestinations: Record<string, StackDestination>;
    /** The day (YYYY-MM-DD, UTC) the settings were read for: dates in tags are compared with it. */
    today?: string;
}

export const DEFAULT_SETTINGS: Settings = {
    ...DEFAULT_CLASSIFICATION_SETTINGS,
    ...DEFAULT_LOCATION_SETTINGS,
    onUnknown: "block",
    exemptions: [],
    allowBroadExemptions: false,
    transfers: "forbid",
    allowNonAdequate: false,
    adequateCountries: [],
    destinationLocations: {},
    stackDestinations: {},
};

const COUNTRY_PATTERN = "^[A-Za-z]{2,3}$";
const countryMap = (description: string): PolicyConfigJSONSchema => ({
    type: "object",
    additionalProperties: { type: "string", pattern: COUNTRY_PATTERN },
    default: {},
    description,
});

/** Every configurable property, with its JSON schema; policies pick the ones they use. */
export const CONFIG_PROPERTIES = {
    onUnknown: {
        type: "string",
        enum: ["block", "warn"],
        default: "block",
        description: "What to do when a value the decision needs is not known (during preview) or cannot be derived: block (a mandatory violation) or warn (an advisory one).",
    },
    categoriesTagKey: {
        type: "string",
        minLength: 1,
        default: DEFAULT_CLASSIFICATION_SETTINGS.categoriesTagKey,
        description: "Tag (or label) key that lists the categories of user data a resource holds.",
    },
    subjectsTagKey: {
        type: "string",
        minLength: 1,
        default: DEFAULT_CLASSIFICATION_SETTINGS.subjectsTagKey,
        description:
            "Tag (or label) key that lists the citizenships of the people whose data it is (not where they live), as ISO 3166-1 country codes or * for every country. Also read from the stack tags.",
    },
    defaultSubjects: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: [...DEFAULT_CLASSIFICATION_SETTINGS.defaultSubjects],
        description: "Citizenships assumed for personal data when neither the resource nor the stack declares them. The default, every country, includes Russian citizens.",
    },
    endpointCountries: countryMap("Endpoint host (exact, or *.domain for a domain and its subdomains) → ISO 3166-1 country code, for endpoints the catalogue does not know."),
    providerLocations: countryMap("Provider URN, provider name, provider type or package → ISO 3166-1 country code, for providers the pack has no resolver for."),
    clusterLocations: countryMap("Kubernetes provider URN, name, kubeconfig context or cluster name → ISO 3166-1 country code."),
    providerDefaults: {
        type: "string",
        enum: ["documented", "strict"],
        default: "documented",
        description:
            "documented (the default): a provider setting the stack leaves unset takes the provider's documented default, such as the Yandex provider's storageEndpoint storage.yandexcloud.net, and the message says so. strict: such a setting is unknown, for teams that set endpoints through deploy-time environment variables (YC_STORAGE_ENDPOINT_URL, YC_ENDPOINT, ...) that the pack cannot see.",
    },
    exemptions: {
        type: "array",
        default: [],
        description: "Time-limited exemptions. Each needs resource (a URN, or a glob on the name or URN), reason and expires (YYYY-MM-DD); an expired one no longer applies.",
        items: {
            type: "object",
            required: ["resource", "reason", "expires"],
            additionalProperties: false,
            properties: {
                resource: { type: "string", minLength: 1 },
                reason: { type: "string", minLength: 1 },
                expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
            },
        },
    },
    allowBroadExemptions: {
        type: "boolean",
        default: false,
        description: "Allow exemption globs that match every resource (such as *). Off by default: a blanket exemption turns the policy off without saying so.",
    },
    transfers: {
        type: "string",
        enum: ["forbid", "declared"],
        default: "forbid",
        description:
            "forbid (the default): no copy of Russian citizens' personal data may leave Russia. Set the same value on ru-personal-data-localization and ru-personal-data-cross-border-transfer. declared: on the localization policy, a store known to be outside Russia is left to the cross-border policy, which allows it only as the destination of a declared transfer (tagged honestly or not); on the cross-border policy, a copy may, if the flow resource carries the cross-border-transfer tag (the identifier of the cross-border notification to Roskomnadzor, 152-FZ Art. 12(3)) and the cross-border-transfer-date tag (the date it was filed), the source store is in Russia, and the destination country is in adequateCountries, or allowNonAdequate is true and the notification was filed at least 30 calendar days before.",
    },
    allowNonAdequate: {
        type: "boolean",
        default: false,
        description:
            "Under transfers: declared, also allow declared transfers to countries not shown to be adequate, once Roskomnadzor's review period has passed (152-FZ Art. 12: 10 working days, which the pack counts as 30 calendar days from cross-border-transfer-date).",
    },
    adequateCountries: {
        type: "array",
        items: { type: "string", pattern: COUNTRY_PATTERN },
        default: [],
        description:
            "ISO 3166-1 codes of destination countries that you have checked against Roskomnadzor's current adequacy list (152-FZ Art. 12(2); Order No. 128 of 2022-08-05 or its successor). The pack applies no adequacy listing of its own: its data (data/adequacy.json) could not be confirmed against the order.",
    },
    destinationLocations: countryMap("ARN or name of a flow destination outside the stack (such as an S3 bucket, whose ARN carries no region) → ISO 3166-1 country code."),
    stackDestinations: {
        type: "object",
        additionalProperties: {
            type: "object",
            properties: { country: { type: "string", pattern: COUNTRY_PATTERN }, stack: { type: "string", minLength: 1 } },
            required: ["country", "stack"],
            additionalProperties: false,
        },
        default: {},
        description:
            "Written by ru-residency analyze / report when it is given several stack exports, not by hand: ARN or name of a flow destination that is a resource of another stack of the same run → { country, stack }. Your own destinationLocations entries win over it.",
    },
} satisfies Record<string, PolicyConfigJSONSchema>;

export type ConfigProperty = keyof typeof CONFIG_PROPERTIES;

/** What every policy that classifies and locates resources reads: tags, locations, unknowns, exemptions. */
export const RESIDENCY_PROPERTIES: readonly ConfigProperty[] = [
    "onUnknown",
    "categoriesTagKey",
    "subjectsTagKey",
    "defaultSubjects",
    "endpointCountries",
    "providerLocations",
    "clusterLocations",
    "providerDefaults",
    "exemptions",
    "allowBroadExemptions",
];

/** What each policy may rightly set for itself: how it treats unknowns, and whom it exempts. */
const PER_POLICY_PROPERTIES: readonly ConfigProperty[] = ["onUnknown", "exemptions", "allowBroadExemptions"];

/**
 * Properties that state facts about the stack's world (where endpoints, providers and clusters
 * are; how its tags are spelt) or a legal reading the policies must share (transfers). Every
 * policy that takes one must be given the same value: neither the engine nor @pulumi/policy has a
 * pack-level place for them (the config key "all" carries only an enforcement level, and a
 * policy's getConfig returns only its own entry), so each policy keeps its own copy.
 */
export const SHARED_PROPERTIES: readonly ConfigProperty[] = [...RESIDENCY_PROPERTIES.filter((p) => !PER_POLICY_PROPERTIES.includes(p)), "transfers"];

/** Why a copy of a shared property that differs matters, where it is worse than a disagreement in words. */
const DIFFERING_CONSEQUENCE: Partial<Record<ConfigProperty, string>> = {
    transfers: "with declared on the localization policy only, a store abroad is left to the cross-border policy, which under forbid does not judge stores, so no policy reports it",
};

/**
 * The shared properties whose copies differ between policies, in words, given each policy's
 * config after defaults are applied and the properties each policy takes.
 */
export function differingSharedSettings(configs: Readonly<Record<string, Readonly<Record<string, unknown>>>>, takes: Readonly<Record<string, readonly string[]>>): string[] {
    const out: string[] = [];
    for (const property of SHARED_PROPERTIES) {
        const holders = Object.keys(takes).filter((policy) => takes[policy]!.includes(property));
        if (holders.length < 2) continue;
        const values = new Map<string, string[]>();
        for (const policy of holders) {
            const v = canonicalJson(configs[policy]?.[property]);
            values.set(v, [...(values.get(v) ?? []), policy]);
        }
        if (values.size < 2) continue;
        const copies = [...values].map(([v, policies]) => `${policies.join(" and ")}: ${v}`).join("; ");
        const consequence = DIFFERING_CONSEQUENCE[property];
        out.push(
            `${property} differs between policies (${copies}); each policy reads only its own copy, so the policies decide on different facts${consequence ? ` (${consequence})` : ""}. Set the same value on every policy that takes it.`,
        );
    }
    return out;
}

/** JSON with object keys sorted, so two copies compare equal whatever order they were written in. */
function canonicalJson(value: unknown): string {
    if (value === undefined) return "not set";
    const sort = (v: unknown): unknown =>
        Array.isArray(v)
            ? v.map(sort)
            : v !== null && typeof v === "object"
              ? Object.fromEntries(
                    Object.keys(v)
                        .sort()
                        .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
                )
              : v;
    return JSON.stringify(sort(value));
}

export function configSchema(properties: readonly ConfigProperty[]): PolicyConfigSchema {
    const props: Record<string, PolicyConfigJSONSchema> = {};
    for (const p of properties) props[p] = CONFIG_PROPERTIES[p];
    return { properties: props };
}

export interface ReadSettings {
    settings: Settings;
    /** Problems with the config, each naming the property. Any problem means: do not trust it. */
    errors: string[];
    /** Those of the errors that are about exemptions. */
    exemptionErrors: readonly string[];
}

function readCountryMap(raw: unknown, name: string, errors: string[]): Record<string, string> {
    if (raw === undefined) return {};
    if (!isPlainObject(raw)) {
        errors.push(`${name} must be an object mapping names to ISO 3166-1 country codes`);
        return {};
    }
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) {
        const code = typeof v === "string" ? countryCode(v) : undefined;
        if (!code) errors.push(`${name}[${quote(k)}] is ${typeof v === "string" ? quote(v) : typeof v}, not an ISO 3166-1 country code`);
        else out[k] = code;
    }
    return out;
}

function readStackDestinations(raw: unknown, errors: string[]): Record<string, StackDestination> {
    if (raw === undefined) return {};
    if (!isPlainObject(raw)) {
        errors.push("stackDestinations must be an object mapping names to { country, stack }");
        return {};
    }
    const out: Record<string, StackDestination> = {};
    for (const [k, v] of Object.entries(raw)) {
        const country = isPlainObject(v) && typeof v.country === "string" ? countryCode(v.country) : undefined;
        const stack = isPlainObject(v) && typeof v.stack === "string" && v.stack.trim() !== "" ? v.stack : undefined;
        if (!country || !stack) errors.push(`stackDestinations[${quote(k)}] must be { country: an ISO 3166-1 country code, stack: the stack's name }`);
        else out[k] = { country, stack };
    }
    return out;
}

/**
 * endpointCountries, with every entry that would place a host known to be abroad, a public
 * suffix or a cloud's whole domain in Russia refused (locate/endpoint-patterns.ts).
 */
function readEndpointCountries(raw: unknown, errors: string[]): Record<string, string> {
    const map = readCountryMap(raw, "endpointCountries", errors);
    for (const [pattern, code] of Object.entries(map)) {
        if (code !== RUSSIA) continue;
        const why = weakeningRussianPattern(pattern);
        if (why) errors.push(`endpointCountries[${quote(pattern)}] would place in Russia ${why}; map only your own hosts (an exact host, or *.your-domain)`);
    }
    return map;
}

function readKey(raw: unknown, name: string, fallback: string, errors: string[]): string {
    if (raw === undefined) return fallback;
    if (typeof raw !== "string" || raw.trim() === "") {
        errors.push(`${name} must be a non-empty string`);
        return fallback;
    }
    return raw;
}

/** One of a few words, or the default when absent; anything else is an error that names the words. */
function readChoice<T extends string>(config: Record<string, unknown>, key: string, choices: readonly T[], fallback: T, errors: string[]): T {
    const value = config[key];
    if (value === undefined) return fallback;
    if ((choices as readonly unknown[]).includes(value)) return value as T;
    errors.push(`${key} must be ${choices.map((c) => `"${c}"`).join(" or ")}, not ${JSON.stringify(value)?.slice(0, 40)}`);
    return fallback;
}

/** true or false, and false when absent. */
function readBoolean(config: Record<string, unknown>, key: string, errors: string[]): boolean {
    const value = config[key];
    if (value === undefined) return false;
    if (typeof value === "boolean") return value;
    errors.push(`${key} must be true or false`);
    return false;
}

/** Read a policy's config (as getConfig() returns it) into settings; defaults fill what is absent. */
export function readSettings(raw: unknown, today: string): ReadSettings {
    const errors: string[] = [];
    const config = isPlainObject(raw) ? raw : {};
    if (raw !== undefined && !isPlainObject(raw)) errors.push("the policy config must be an object");

    const onUnknown = readChoice(config, "onUnknown", ["block", "warn"] as const, DEFAULT_SETTINGS.onUnknown, errors);

    let defaultSubjects = [...DEFAULT_SETTINGS.defaultSubjects];
    if (config.defaultSubjects !== undefined) {
        if (Array.isArray(config.defaultSubjects) && config.defaultSubjects.every((s) => typeof s === "string")) {
            // A copy: the settings must not change when the caller's config object does.
            defaultSubjects = [...(config.defaultSubjects as string[])];
            for (const s of defaultSubjects) {
                const t = s.trim().toLowerCase();
                if (!["*", "all", "any", "global"].includes(t) && !countryCode(t)) errors.push(`defaultSubjects contains ${quote(s)}, which is neither * nor an ISO 3166-1 country code`);
            }
        } else errors.push("defaultSubjects must be a list of ISO 3166-1 country codes or *");
    }

    const providerDefaults = readChoice(config, "providerDefaults", ["documented", "strict"] as const, "documented", errors);
    const allowBroadExemptions = readBoolean(config, "allowBroadExemptions", errors);
    const transfers: Transfers = readChoice(config, "transfers", ["forbid", "declared"] as const, DEFAULT_SETTINGS.transfers, errors);
    const allowNonAdequate = readBoolean(config, "allowNonAdequate", errors);
    const adequateCountries: string[] = [];
    if (config.adequateCountries !== undefined) {
        if (!Array.isArray(config.adequateCountries)) errors.push("adequateCountries must be a list of ISO 3166-1 country codes");
        else {
            for (const c of config.adequateCountries) {
                const code = typeof c === "string" ? countryCode(c) : undefined;
                if (code) adequateCountries.push(code);
                else errors.push(`adequateCountries contains ${typeof c === "string" ? quote(c) : typeof c}, which is not an ISO 3166-1 country code`);
            }
        }
    }

    const exemptions = readExemptions(config.exemptions, allowBroadExemptions, today);
    errors.push(...exemptions.errors);

    return {
        settings: {
            onUnknown,
            categoriesTagKey: readKey(config.categoriesTagKey, "categoriesTagKey", DEFAULT_SETTINGS.categoriesTagKey, errors),
            subjectsTagKey: readKey(config.subjectsTagKey, "subjectsTagKey", DEFAULT_SETTINGS.subjectsTagKey, errors),
            defaultSubjects,
            endpointCountries: readEndpointCountries(config.endpointCountries, errors),
            providerLocations: readCountryMap(config.providerLocations, "providerLocations", errors),
            clusterLocations: readCountryMap(config.clusterLocations, "clusterLocations", errors),
            providerDefaults,
            exemptions: exemptions.exemptions,
            allowBroadExemptions,
            transfers,
            allowNonAdequate,
            adequateCountries,
            destinationLocations: readCountryMap(config.destinationLocations, "destinationLocations", errors),
            stackDestinations: readStackDestinations(config.stackDestinations, errors),
            today,
        },
        errors,
        exemptionErrors: exemptions.errors,
    };
}

/** Today's date in UTC as YYYY-MM-DD: exemptions expire at the end of their day, UTC. */
export function todayUtc(now?: Date): string {
    if (now) return now.toISOString().slice(0, 10);
    // Called for every resource: format the date once per UTC day, not once per call.
    const ms = Date.now();
    if (ms >= todayCache.from && ms < todayCache.until) return todayCache.day;
    const day = new Date(ms).toISOString().slice(0, 10);
    const from = Date.parse(`${day}T00:00:00Z`);
    todayCache = { day, from, until: from + 86_400_000 };
    return day;
}
let todayCache = { day: "", from: 0, until: 0 };
registerMemo(() => (todayCache = { day: "", from: 0, until: 0 }));

const settingsCache = new BoundedCache<string, ReadSettings>(16);

/**
 * readSettings for every resource of a deployment, which all share one config: the config is read
 * and checked once (per distinct config and day) instead of once per resource.
 */
export function readSettingsCached(raw: unknown, today: string): ReadSettings {
    // @pulumi/policy's getConfig() builds a new object on every call, but from the same property
    // values: when every value is the very same one as last time, so is the result.
    // Each policy has its own config, so keep the last few.
    for (const r of recentReads) if (r.today === today && sameValues(r.raw, raw)) return r.read;
    const read = readSettingsByValue(raw, today);
    if (isPlainObject(raw)) {
        recentReads.unshift({ raw: { ...raw }, today, read });
        if (recentReads.length > 4) recentReads.pop();
    }
    return read;
}

const recentReads: { raw: Record<string, unknown>; today: string; read: ReadSettings }[] = [];
registerMemo(() => recentReads.splice(0));

function sameValues(a: Record<string, unknown>, b: unknown): boolean {
    if (!isPlainObject(b)) return false;
    const keys = Object.keys(b);
    if (keys.length !== Object.keys(a).length) return false;
    for (const k of keys) if (a[k] !== b[k] || !Object.prototype.hasOwnProperty.call(a, k)) return false;
    return true;
}

function readSettingsByValue(raw: unknown, today: string): ReadSettings {
    let key: string;
    try {
        key = `${today}\u0000${JSON.stringify(raw) ?? "undefined"}`;
    } catch {
        return readSettings(raw, today);
    }
    return settingsCache.get(key, () => readSettings(raw, today));
}
