// Policy pack config as the Pulumi CLI builds it: schema defaults, then the pack's initial
// config, then the --policy-pack-config file (its "all" key sets every policy's enforcement
// level), validated against each policy's config schema before anything runs.
import Ajv from "ajv";
import { ENFORCEMENT_LEVELS, EnforcementLevel } from "./protocol";

export interface PolicyDescription {
    name: string;
    displayName: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    severity: string;
    policyType: "resource" | "stack" | "unknown";
    configSchema?: { properties: Record<string, Record<string, unknown>>; required: string[] };
    framework?: { name: string; version: string; reference: string; specification: string };
    tags: string[];
    remediationSteps: string;
    url: string;
}

export interface PolicyConfig {
    enforcementLevel: EnforcementLevel | "";
    properties: Record<string, unknown>;
}

export type PackConfig = Record<string, PolicyConfig>;

export class PackConfigError extends Error {
    constructor(
        message: string,
        readonly problems: string[],
    ) {
        super(message);
    }
}

function isLevel(v: unknown): v is EnforcementLevel {
    return typeof v === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(v);
}

/** Parse a --policy-pack-config document: each key a policy (or "all") → level string or object. */
export function parsePackConfigFile(json: unknown, file = "the policy pack config"): PackConfig {
    if (json === null || json === undefined) return {};
    if (typeof json !== "object" || Array.isArray(json)) throw new PackConfigError(`${file} must be a JSON object keyed by policy name`, []);
    const out: PackConfig = {};
    for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
        if (typeof value === "string") {
            if (!isLevel(value)) throw new PackConfigError(`${file}: parsing enforcement level for "${key}": "${value}" is not a valid enforcement level`, []);
            out[key] = { enforcementLevel: value, properties: {} };
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
                throw new PackConfigError(`${file}: parsing enforcement level for "${key}": ${JSON.stringify(enforcementLevel)} is not a valid enforcement level`, []);
            }
            out[key] = { enforcementLevel: (enforcementLevel as EnforcementLevel | undefined) ?? "", properties };
        } else {
            throw new PackConfigError(`${file}: parsing "${key}": ${JSON.stringify(value)} is not a valid value; must be a string or object`, []);
        }
    }
    return out;
}

function withDefaults(policies: readonly PolicyDescription[]): PackConfig {
    const result: PackConfig = {};
    for (const p of policies) {
        const properties: Record<string, unknown> = {};
        for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) {
            if ("default" in schema) properties[k] = structuredClone(schema.default);
        }
        result[p.name] = { enforcementLevel: p.enforcementLevel, properties };
    }
    return result;
}

function apply(result: PackConfig, given: PackConfig): PackConfig {
    const all = given.all;
    if (all && all.enforcementLevel) {
        for (const k of Object.keys(result)) result[k] = { enforcementLevel: all.enforcementLevel, properties: result[k]!.properties };
    }
    for (const [policy, config] of Object.entries(given)) {
        const current = result[policy] ?? { enforcementLevel: "", properties: {} };
        result[policy] = {
            enforcementLevel: config.enforcementLevel || current.enforcementLevel,
            properties: { ...current.properties, ...config.properties },
        };
    }
    return result;
}

/** Defaults, initial config, then the given config; every policy's part validated against its schema. */
export function reconcilePackConfig(policies: readonly PolicyDescription[], initial: PackConfig, given: PackConfig): PackConfig {
    const result = apply(apply(withDefaults(policies), initial), given);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const problems: string[] = [];
    for (const p of policies) {
        if (!p.configSchema) continue;
        const schema = { type: "object", properties: p.configSchema.properties, ...(p.configSchema.required.length > 0 ? { required: p.configSchema.required } : {}) };
        const validate = ajv.compile(schema);
        if (!validate(result[p.name]?.properties ?? {})) {
            for (const e of validate.errors ?? []) {
                const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "(root)";
                const allowed = e.keyword === "enum" ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")})` : "";
                problems.push(`${p.name}: ${where} ${e.message ?? "is invalid"}${allowed}`);
            }
        }
    }
    if (problems.length > 0) throw new PackConfigError(`the policy pack config is invalid:\n  ${problems.join("\n  ")}`, problems);
    return result;
}
