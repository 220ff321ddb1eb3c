// Property values in the engine's wire form (google.protobuf.Struct as plain JSON): unknowns are a
// sentinel string, secrets an object with a signature key. These helpers are pure.
//
// The sentinels are those of pulumi/pulumi sdk/go/common/resource/plugin/rpc.go and
// sdk/go/common/resource/sig/sig.go (pulumi/pulumi@dc7edd58bc13, v3.248.0).

import { UNKNOWN } from "ru-data-residency/pack";
export { UNKNOWN };
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };
export type WireMap = { [key: string]: Wire };

export function isObject(v: unknown): v is WireMap {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function isSecret(v: unknown): v is { [SIG_KEY]: string; value: Wire } {
    return isObject(v) && v[SIG_KEY] === SECRET_SIG;
}

export function secret(value: Wire): WireMap {
    return { [SIG_KEY]: SECRET_SIG, value };
}

export function isUnknown(v: unknown): boolean {
    return v === UNKNOWN;
}

export function containsUnknowns(v: unknown): boolean {
    if (v === UNKNOWN) return true;
    if (Array.isArray(v)) return v.some(containsUnknowns);
    if (isObject(v)) return Object.values(v).some(containsUnknowns);
    return false;
}

export function containsSecrets(v: unknown): boolean {
    if (isSecret(v)) return true;
    if (Array.isArray(v)) return v.some(containsSecrets);
    if (isObject(v)) return Object.values(v).some(containsSecrets);
    return false;
}

/** The value with every secret replaced by its plain value, as the engine sends it to a provider that
 * did not accept secrets (MarshalOptions{KeepSecrets: false}, sdk/go/common/resource/plugin/rpc.go). */
export function stripSecrets(v: Wire): Wire {
    if (isSecret(v)) return stripSecrets(v.value);
    if (Array.isArray(v)) return v.map(stripSecrets);
    if (isObject(v)) {
        const out: WireMap = {};
        for (const [k, x] of Object.entries(v)) out[k] = stripSecrets(x);
        return out;
    }
    return v;
}

/** What the engine does with the inputs a provider checked when it could not send it secrets:
 * re-mark secret any property whose input contained a secret, recursing into objects
 * (annotateSecrets, sdk/go/common/resource/plugin/provider_plugin.go, pulumi/pulumi@dc7edd58bc13). */
export function annotateSecrets(outs: WireMap, ins: WireMap): WireMap {
    const result: WireMap = { ...outs };
    for (const [key, inValue] of Object.entries(ins)) {
        if (!(key in result)) continue;
        const outValue = result[key]!;
        const inPlain = isSecret(inValue) ? null : inValue;
        if (isObject(outValue) && !isSecret(outValue) && isObject(inPlain)) {
            result[key] = annotateSecrets(outValue, inPlain);
        } else if (!isSecret(outValue) && containsSecrets(inValue)) {
            result[key] = secret(outValue);
        }
    }
    return result;
}

/** Drops null-valued object properties at every depth, as UnmarshalProperties with SkipNulls does
 * (sdk/go/common/resource/plugin/rpc.go); nulls inside arrays are kept. */
export function skipNulls(v: Wire): Wire {
    if (Array.isArray(v)) return v.map(skipNulls);
    if (isObject(v) && !isSecret(v)) {
        const out: WireMap = {};
        for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = skipNulls(x);
        return out;
    }
    return v;
}

export function clone<T extends Wire>(v: T): T {
    return JSON.parse(JSON.stringify(v)) as T;
}

export function deepEqual(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
    if (isObject(a) && isObject(b)) {
        const ka = Object.keys(a);
        const kb = Object.keys(b);
        return ka.length === kb.length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
    }
    return false;
}

/** Go's encoding/json Marshal of a decoded JSON value: object keys sorted, no whitespace, and <, >,
 * & and U+2028/U+2029 escaped (encoding/json encode.go, HTMLEscape on by default). */
export function goJsonMarshal(v: Wire): string {
    if (v === null) return "null";
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number") return goFloat(v);
    if (typeof v === "string") return goString(v);
    if (Array.isArray(v)) return `[${v.map(goJsonMarshal).join(",")}]`;
    const keys = Object.keys(v).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${keys.map((k) => `${goString(k)}:${goJsonMarshal(v[k]!)}`).join(",")}}`;
}

function goString(s: string): string {
    return JSON.stringify(s)
        .replace(/</g, "\\u003c")
        .replace(/>/g, "\\u003e")
        .replace(/&/g, "\\u0026")
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029");
}

function goFloat(n: number): string {
    // encoding/json floatEncoder: 'f' format unless |n| < 1e-6 or >= 1e21, then 'e' with "e-07"
    // trimmed to "e-7". JavaScript's shortest round-trip digits switch at the same bounds and print
    // exponents the same way, so String() is Go's output for every finite number.
    return Number.isFinite(n) ? String(n) : "null";
}
