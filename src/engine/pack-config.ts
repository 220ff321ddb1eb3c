// Policy pack config as the Pulumi CLI builds it: schema defaults, then the pack's initial
// config, then the --policy-pack-config file (its "all" key sets every policy's enforcement
// level), validated against each policy's config schema before anything runs.
//
// The CLI (v3.248.0) parses the file in pkg/resource/analyzer/config.go (parsePolicyPackConfig),
// reconciles and validates it there (ReconcilePolicyPackConfig, validatePolicyConfig, with
// github.com/xeipuuv/gojsonschema v1.2.0), and pkg/engine/update.go prints each validation error
// as "validating policy config: <pack> <version>  <policy>: <error>", sorted. We validate with
// ajv and word every error as gojsonschema does (its locales.go templates, its field paths), so
// that a bad config is refused with the very lines the CLI prints.
import Ajv, { ErrorObject } from "ajv";
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

/**
 * A config the CLI refuses. `errors` are the CLI's error messages in the CLI's order; it prints
 * each as "error: <message>". From reconcilePackConfig they are the policy-level validation
 * errors ("<policy>: <field>: <description>"), which engineValidationErrors() turns into the
 * lines the engine prints.
 */
export class PackConfigError extends Error {
    constructor(readonly errors: string[]) {
        super(errors.join("\n"));
    }
}

function isLevel(v: unknown): v is EnforcementLevel {
    return typeof v === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(v);
}

export interface PackConfigFile {
    config: PackConfig;
    /** Pulumi ESC environments named by the file's "environments" key. */
    environments: string[];
}

/**
 * Parse a --policy-pack-config document as the CLI's parsePolicyPackConfig does: an optional
 * "environments" list, then each key a policy (or "all") → a level string or an object whose
 * optional enforcementLevel is taken out; entries with neither a level nor properties are dropped.
 */
export function readPackConfigDocument(json: unknown): PackConfigFile {
    // json.Unmarshal into a map: null is an empty config, anything but an object an error.
    if (json === null || json === undefined) return { config: {}, environments: [] };
    if (typeof json !== "object" || Array.isArray(json)) {
        throw new PackConfigError([`json: cannot unmarshal ${goJsonKind(json)} into Go value of type map[string]interface {}`]);
    }
    const entries = { ...(json as Record<string, unknown>) };
    const environments: string[] = [];
    if ("environments" in entries) {
        const envs = entries.environments;
        if (!Array.isArray(envs)) throw new PackConfigError([`"environments" must be an array of strings, got ${goTypeName(envs)}`]);
        envs.forEach((v, i) => {
            if (typeof v !== "string") throw new PackConfigError([`"environments[${i}]" must be a string, got ${goTypeName(v)}`]);
            environments.push(v);
        });
        delete entries.environments;
    }
    const config: PackConfig = {};
    // The CLI walks a Go map, so with several bad entries which one it names varies from run to
    // run; we name the first in the file.
    for (const [key, value] of Object.entries(entries)) {
        let enforcementLevel: EnforcementLevel | "" = "";
        let properties: Record<string, unknown> = {};
        if (typeof value === "string") {
            if (!isLevel(value)) throw new PackConfigError([`parsing enforcement level for ${goQuote(key)}: ${goQuote(value)} is not a valid enforcement level`]);
            enforcementLevel = value;
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel: level, ...rest } = value as Record<string, unknown>;
            if (level !== undefined) {
                if (typeof level !== "string") {
                    throw new PackConfigError([`parsing enforcement level for ${goQuote(key)}: ${goValue(level)} is not a valid enforcement level; must be a string`]);
                }
                if (!isLevel(level)) throw new PackConfigError([`parsing enforcement level for ${goQuote(key)}: ${goQuote(level)} is not a valid enforcement level`]);
                enforcementLevel = level;
            }
            properties = rest;
        } else {
            throw new PackConfigError([`parsing ${goQuote(key)}: ${goValue(value)} is not a valid value; must be a string or object`]);
        }
        // "Don't bother including empty configs."
        if (enforcementLevel === "" && Object.keys(properties).length === 0) continue;
        config[key] = { enforcementLevel, properties };
    }
    return { config, environments };
}

/** readPackConfigDocument without ESC environments (which need Pulumi Cloud): the policy config alone. */
export function parsePackConfigFile(json: unknown): PackConfig {
    return readPackConfigDocument(json).config;
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

/**
 * Defaults, initial config, then the given config; every policy's part validated against its
 * schema as the CLI does. Throws a PackConfigError listing every error as "<policy>: <error>".
 */
export function reconcilePackConfig(policies: readonly PolicyDescription[], initial: PackConfig, given: PackConfig): PackConfig {
    const result = apply(apply(withDefaults(policies), initial), given);
    const errors: string[] = [];
    for (const p of policies) {
        if (!p.configSchema) continue;
        for (const e of validatePolicyConfig(p.configSchema, result[p.name]?.properties ?? {})) errors.push(`${p.name}: ${e}`);
    }
    if (errors.length > 0) throw new PackConfigError(errors.sort(goStringCompare));
    return result;
}

/** What the engine prints for validation errors (pkg/engine/update.go): one line each, sorted, then the error it returns. */
export function engineValidationErrors(pack: { name: string; version: string }, validationErrors: readonly string[]): string[] {
    const lines = validationErrors.map((e) => `validating policy config: ${pack.name} ${pack.version}  ${e}`).sort(goStringCompare);
    return [...lines, "validating policy config"];
}

/**
 * The analyzer plugin's Configure (sdk/go/common/resource/plugin/analyzer_plugin.go) refuses an
 * entry without a valid level: a policy the pack does not have, or "all", given only properties.
 */
export function configureError(config: PackConfig): string | undefined {
    for (const c of Object.values(config)) if (!isLevel(c.enforcementLevel)) return `invalid enforcement level ${goQuote(c.enforcementLevel)}`;
    return undefined;
}

/** Keys of the given config the CLI accepts but no policy reads: worth a warning, since a typo there is silent. */
export function ignoredConfig(policies: readonly PolicyDescription[], given: PackConfig): string[] {
    const byName = new Map(policies.map((p) => [p.name, p]));
    const warnings: string[] = [];
    for (const [key, c] of Object.entries(given)) {
        const props = Object.keys(c.properties);
        if (key === "all") {
            if (props.length > 0)
                warnings.push(
                    `"all" sets every policy's enforcement level and nothing else; pulumi ignores its ${plural(props.length, "property", "properties")} ${props.map((k) => JSON.stringify(k)).join(", ")}`,
                );
            continue;
        }
        const policy = byName.get(key);
        if (!policy) {
            warnings.push(`${JSON.stringify(key)} is not a policy of this pack${suggest(key, [...byName.keys()])}; pulumi ignores it`);
            continue;
        }
        const known = [...new Set([...Object.keys(policy.configSchema?.properties ?? {}), ...(policy.configSchema?.required ?? [])])];
        for (const k of props) {
            if (!known.includes(k)) warnings.push(`${JSON.stringify(k)} is not a config property of ${key}${suggest(k, known)}; pulumi ignores it`);
        }
    }
    return warnings;
}

function plural(n: number, one: string, many: string): string {
    return n === 1 ? one : many;
}

function suggest(name: string, known: readonly string[]): string {
    const close = known
        .map((k) => ({ k, d: editDistance(name.toLowerCase(), k.toLowerCase()) }))
        .filter((x) => x.d < x.k.length && x.d <= Math.max(1, Math.floor(x.k.length / 4)))
        .sort((a, b) => a.d - b.d)[0];
    if (close) return ` (did you mean ${JSON.stringify(close.k)}?)`;
    return known.length > 0 ? ` (it has ${known.map((k) => JSON.stringify(k)).join(", ")})` : "";
}

function editDistance(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row;
    }
    return prev[b.length]!;
}

// ---------------------------------------------------------------------------------------------
// Validation: ajv, worded as gojsonschema v1.2.0 words it.

/** Keywords whose ajv errors are translated exactly; others keep ajv's wording (no schema of the pack uses them). */
export const TRANSLATED_KEYWORDS = [
    "type",
    "required",
    "additionalProperties",
    "properties",
    "items",
    "enum",
    "const",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "patternProperties",
] as const;

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, ownProperties: true, validateFormats: false, logger: false });
const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>();

/**
 * Validate one policy's properties as validatePolicyConfig does: the schema is
 * { type: "object", properties, required }, each error is gojsonschema's err.String() with a
 * leading "(root): " trimmed. In gojsonschema's order of discovery; the CLI sorts them anyway.
 */
export function validatePolicyConfig(configSchema: NonNullable<PolicyDescription["configSchema"]>, properties: Record<string, unknown>): string[] {
    let validate = compiled.get(configSchema);
    if (!validate) {
        const schema: Record<string, unknown> = { type: "object" };
        if (Object.keys(configSchema.properties).length > 0) schema.properties = configSchema.properties;
        if (configSchema.required.length > 0) schema.required = configSchema.required;
        validate = ajv.compile(schema);
        compiled.set(configSchema, validate);
    }
    if (validate(properties)) return [];
    return translateErrors(validate.errors ?? []).map((m) => (m.startsWith("(root): ") ? m.slice("(root): ".length) : m));
}

function pathSegments(instancePath: string): string[] {
    if (instancePath === "") return [];
    return instancePath
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function parentSchemaPath(e: ErrorObject): string {
    return e.schemaPath.slice(0, e.schemaPath.lastIndexOf("/"));
}

/** gojsonschema's ErrorFormat, "{{.field}}: {{.description}}", for every ajv error. */
export function translateErrors(errors: readonly ErrorObject[]): string[] {
    // gojsonschema stops at a node whose type is wrong; ajv goes on to check enum and const there.
    const wrongType = new Set(errors.filter((e) => e.keyword === "type").map((e) => `${e.instancePath}\u0000${parentSchemaPath(e)}`));
    const out: string[] = [];
    for (const e of errors) {
        if (e.keyword !== "type" && wrongType.has(`${e.instancePath}\u0000${parentSchemaPath(e)}`)) continue;
        const segments = pathSegments(e.instancePath);
        const field = segments.length > 0 ? segments.join(".") : "(root)";
        for (const description of describe(e, field)) out.push(`${field}: ${description}`);
    }
    return out;
}

function describe(e: ErrorObject, field: string): string[] {
    const params = e.params as Record<string, unknown>;
    const n = e.schema as number;
    switch (e.keyword) {
        case "type": {
            const expected = Array.isArray(e.schema) ? `[${(e.schema as string[]).join(",")}]` : String(e.schema);
            return [`Invalid type. Expected: ${expected}, given: ${goJsonSchemaType(e.data)}`];
        }
        case "required":
            return [`${String(params.missingProperty)} is required`];
        case "additionalProperties":
            return [`Additional property ${String(params.additionalProperty)} is not allowed`];
        case "enum":
            return [`${field} must be one of the following: ${(e.schema as unknown[]).map(goJson).join(", ")}`];
        case "const":
            return [`${field} does not match: ${goJson(e.schema)}`];
        case "minLength":
            return [`String length must be greater than or equal to ${n}`];
        case "maxLength":
            return [`String length must be less than or equal to ${n}`];
        case "pattern":
            return [`Does not match pattern '${String(e.schema)}'`];
        case "format":
            return [`Does not match format '${String(e.schema)}'`];
        case "minimum":
            return [`Must be greater than or equal to ${goFloat(n)}`];
        case "exclusiveMinimum":
            return [`Must be greater than ${goFloat(n)}`];
        case "maximum":
            return [`Must be less than or equal to ${goFloat(n)}`];
        case "exclusiveMaximum":
            return [`Must be less than ${goFloat(n)}`];
        case "multipleOf":
            return [`Must be a multiple of ${goFloat(n)}`];
        case "minItems":
            return [`Array must have at least ${n} items`];
        case "maxItems":
            return [`Array must have at most ${n} items`];
        case "minProperties":
            return [`Must have at least ${n} properties`];
        case "maxProperties":
            return [`Must have at most ${n} properties`];
        case "uniqueItems": {
            // ajv stops at the first pair; gojsonschema reports every item equal to an earlier
            // one, paired with the latest earlier index of that value.
            const last = new Map<string, number>();
            const found: string[] = [];
            (e.data as unknown[]).forEach((item, j) => {
                const key = canonicalJson(item);
                const i = last.get(key);
                if (i !== undefined) found.push(`array items[${i},${j}] must be unique`);
                last.set(key, j);
            });
            return found;
        }
        case "false schema":
            return ["False always fails validation"];
        default:
            return [e.message ?? `fails ${e.keyword}`];
    }
}

/** The JSON type gojsonschema names for a decoded value: integral numbers are "integer". */
function goJsonSchemaType(v: unknown): string {
    if (v === null || v === undefined) return "null";
    if (Array.isArray(v)) return "array";
    if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
    return typeof v; // boolean, string, object
}

// ---------------------------------------------------------------------------------------------
// Go's formatting of decoded JSON values, for messages that print them.

/** Byte order of the UTF-8 encodings, which is Go's string order (sort.Strings, cmp.Compare). */
export function goStringCompare(a: string, b: string): number {
    return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

function goJsonKind(v: unknown): string {
    if (Array.isArray(v)) return "array";
    return typeof v === "number" ? "number" : typeof v === "boolean" ? "bool" : "string";
}

/** fmt's %T of a decoded JSON value. */
function goTypeName(v: unknown): string {
    if (v === null || v === undefined) return "<nil>";
    if (Array.isArray(v)) return "[]interface {}";
    if (typeof v === "object") return "map[string]interface {}";
    return typeof v === "number" ? "float64" : typeof v === "boolean" ? "bool" : "string";
}

/** Go replaces what is not UTF-8 while decoding JSON; a lone surrogate is the JS form of that. */
function wellFormed(s: string): string {
    return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** fmt's %v of a decoded JSON value (float64, string, bool, nil, []interface{}, map[string]interface{}). */
export function goValue(v: unknown): string {
    if (v === null || v === undefined) return "<nil>";
    if (typeof v === "number") return goFloat(v);
    if (typeof v === "string") return wellFormed(v);
    if (typeof v === "boolean") return String(v);
    if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
        .sort(goStringCompare)
        .map((k) => `${wellFormed(k)}:${goValue(o[k])}`)
        .join(" ")}]`;
}

/** strconv.FormatFloat(f, 'g', -1, 64), which is fmt's %v of a float64 (and text/template's of a big.Float). */
export function goFloat(f: number): string {
    if (Number.isNaN(f)) return "NaN";
    if (!Number.isFinite(f)) return f > 0 ? "+Inf" : "-Inf";
    if (f === 0) return Object.is(f, -0) ? "-0" : "0";
    const sign = f < 0 ? "-" : "";
    const [mantissa, expText] = Math.abs(f).toExponential().split("e") as [string, string];
    const exp = Number(expText);
    const digits = mantissa.replace(".", "");
    // Shortest formatting uses %e when the exponent is < -4 or >= 6 (eprec is 6 when shortest).
    if (exp < -4 || exp >= 6) return `${sign}${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
    if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
    const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    const frac = digits.slice(exp + 1);
    return `${sign}${whole}${frac ? `.${frac}` : ""}`;
}

const GO_ESCAPES: Record<number, string> = { 7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v", 34: '\\"', 92: "\\\\" };

/** strconv.Quote, which is fmt's %q of a string. */
export function goQuote(s: string): string {
    let out = '"';
    for (const ch of wellFormed(s)) {
        const c = ch.codePointAt(0)!;
        if (GO_ESCAPES[c]) out += GO_ESCAPES[c];
        else if (c === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
        else if (c < 0x80) out += `\\x${c.toString(16).padStart(2, "0")}`;
        else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, "0")}`;
        else out += `\\U${c.toString(16).padStart(8, "0")}`;
    }
    return `${out}"`;
}

/** encoding/json's Marshal of a decoded value: keys sorted, <, > and & escaped as \u003c and so on. */
export function goJson(v: unknown): string {
    if (v === null || v === undefined) return "null";
    if (typeof v === "string") return goJsonString(v);
    if (typeof v === "number" || typeof v === "boolean") return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(goJson).join(",")}]`;
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
        .sort(goStringCompare)
        .map((k) => `${goJsonString(k)}:${goJson(o[k])}`)
        .join(",")}}`;
}

function goJsonString(s: string): string {
    return JSON.stringify(wellFormed(s)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** gojsonschema compares items by their JSON re-encoding (marshalWithoutNumber). */
function canonicalJson(v: unknown): string {
    return goJson(v);
}
