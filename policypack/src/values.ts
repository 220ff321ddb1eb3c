// Reading values that arrive from the engine. Everything here is total: whatever shape comes in,
// the functions answer, and never throw.
import { types } from "node:util";
import { BoundedCache } from "./bounded-cache";

const { isProxy } = types;

/**
 * The engine's sentinels for values that are not known yet (during `pulumi preview`). They are
 * the strings @pulumi/policy compares against in its unknownCheckingProxy (proxy.js); the engine
 * sends them in place of any output of another resource that does not exist yet.
 */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** The unknown string sentinel, for building preview inputs in tests and tools. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

// @pulumi/policy wraps props in a Proxy that throws on any unknown it meets. The proxy answers
// this key with the plain object underneath, which lets the pack see unknowns and decide on them
// itself instead of being downgraded to an advisory "can't run policy during preview" warning.
const PROXY_TARGET_KEY = "__getSpecialProxyTarget";

/** The plain value under @pulumi/policy's unknown-checking proxy, or the value itself. */
export function unwrapProxy(value: unknown): unknown {
    // isProxy first: asking a plain object for a key it lacks is a slow miss, and tools and tests
    // pass plain objects.
    if (isProxy(value)) {
        try {
            const target = (value as Record<string, unknown>)[PROXY_TARGET_KEY];
            if (typeof target === "object" && target !== null) return target;
        } catch {
            // A proxy that throws on this key is not @pulumi/policy's; read it as it is.
        }
    }
    return value;
}

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Own property of an object, or undefined; never reaches into prototypes or throws on odd shapes. */
export function field(value: unknown, key: string): unknown {
    if (!isPlainObject(value)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    return value[key];
}

// The aws provider SDK serialises its complex inputs (endpoints, defaultTags, ...) as JSON
// strings before they reach the engine; a stack export or a hand-written test may give objects.
// Parsing the same provider string for every resource is wasteful, so parsed results are kept.
const parsedJson = new BoundedCache<string, { ok: true; value: unknown } | { ok: false }>(1000);

/**
 * A provider input that may be a JSON string or already a value. Returns `{ok: false}` for a
 * string that is not valid JSON, so the caller can say so instead of guessing.
 */
export function jsonish(value: unknown): { ok: true; value: unknown } | { ok: false } {
    if (typeof value !== "string") return { ok: true, value };
    if (isUnknown(value)) return { ok: true, value };
    return parsedJson.get(value, parseJson);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
    try {
        return { ok: true, value: JSON.parse(text) };
    } catch {
        return { ok: false };
    }
}

/** Strings longer than this are cut when quoted in a message: tag values are not for essays. */
export const MAX_QUOTED_LENGTH = 64;

/** A value quoted for a message: bounded, one line, control characters made visible. */
export function quote(value: string): string {
    const text = value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value;
    return `"${text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

/** A resource as messages name it: its type and its quoted name. */
export function label(r: { type: string; name: string }): string {
    return `${r.type} ${quote(r.name)}`;
}
