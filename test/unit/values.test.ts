// How values read from a stack are quoted in messages and read as fields and JSON: what a reader of
// a finding sees for a long or multi-line tag value, and what the pack does with an inherited key
// or a value not known yet.
import { describe, expect, it } from "vitest";
import { field, jsonish, label, MAX_QUOTED_LENGTH, quote, UNKNOWN, unwrapProxy } from "../../policypack/src/values";

describe("quote", () => {
    it("quotes a short plain value as it is", () => {
        expect(quote("personal")).toBe('"personal"');
        expect(quote("x".repeat(MAX_QUOTED_LENGTH))).toBe(`"${"x".repeat(MAX_QUOTED_LENGTH)}"`);
    });

    it("cuts a value longer than the limit after the limit, with an ellipsis", () => {
        expect(quote("y".repeat(MAX_QUOTED_LENGTH + 1))).toBe(`"${"y".repeat(MAX_QUOTED_LENGTH)}…"`);
        expect(quote(`${"a".repeat(MAX_QUOTED_LENGTH)}SECRET-TAIL`)).toBe(`"${"a".repeat(MAX_QUOTED_LENGTH)}…"`);
    });

    it("shows control characters as escapes, so a message stays one line", () => {
        expect(quote("a\nb")).toBe('"a\\u000ab"');
        expect(quote("tab\there\u007f")).toBe('"tab\\u0009here\\u007f"');
        expect(quote("\u0000")).toBe('"\\u0000"');
    });

    it("does not cut a value of exactly the limit that has control characters", () => {
        const exact = `\n${"z".repeat(MAX_QUOTED_LENGTH - 1)}`;
        expect(quote(exact)).toBe(`"\\u000a${"z".repeat(MAX_QUOTED_LENGTH - 1)}"`);
    });

    it("cuts first and then escapes, when a long value has control characters", () => {
        const long = `\n${"z".repeat(MAX_QUOTED_LENGTH)}`;
        expect(quote(long)).toBe(`"\\u000a${"z".repeat(MAX_QUOTED_LENGTH - 1)}…"`);
    });

    it("names a resource by its type and quoted name", () => {
        expect(label({ type: "aws:s3/bucket:Bucket", name: "a\nb" })).toBe('aws:s3/bucket:Bucket "a\\u000ab"');
    });
});

describe("field", () => {
    it("reads only a value's own keys, never what every object inherits", () => {
        expect(field({}, "constructor")).toBeUndefined();
        expect(field({}, "toString")).toBeUndefined();
        expect(field({ region: "ru-central1" }, "region")).toBe("ru-central1");
        expect(field("text", "length")).toBeUndefined();
    });
});

describe("jsonish", () => {
    it("passes a value not known yet through, rather than calling it malformed JSON", () => {
        expect(jsonish(UNKNOWN)).toEqual({ ok: true, value: UNKNOWN });
    });

    it("parses a JSON string, and says when a string is not JSON", () => {
        expect(jsonish('[{"s3":"https://storage.yandexcloud.net"}]')).toEqual({ ok: true, value: [{ s3: "https://storage.yandexcloud.net" }] });
        expect(jsonish("{not json")).toEqual({ ok: false });
        expect(jsonish({ already: "a value" })).toEqual({ ok: true, value: { already: "a value" } });
    });
});

describe("unwrapProxy", () => {
    it("reads the plain object under @pulumi/policy's proxy, which answers __getSpecialProxyTarget", () => {
        const plain = { region: "ru-central1" };
        const proxy = new Proxy({}, { get: (_t, key) => (key === "__getSpecialProxyTarget" ? plain : undefined) });
        expect(unwrapProxy(proxy)).toBe(plain);
    });

    it("reads any other proxy, and every plain value, as it is", () => {
        const other = new Proxy({ a: 1 }, {});
        expect(unwrapProxy(other)).toBe(other);
        const answersAString = new Proxy({ a: 1 }, { get: (t, key) => (key === "__getSpecialProxyTarget" ? "not an object" : Reflect.get(t, key)) });
        expect(unwrapProxy(answersAString)).toBe(answersAString);
        const answersNull = new Proxy({ a: 1 }, { get: (t, key) => (key === "__getSpecialProxyTarget" ? null : Reflect.get(t, key)) });
        expect(unwrapProxy(answersNull)).toBe(answersNull);
        const throwing = new Proxy(
            {},
            {
                get: () => {
                    throw new Error("no");
                },
            },
        );
        expect(unwrapProxy(throwing)).toBe(throwing);
        const plain = { a: 1 };
        expect(unwrapProxy(plain)).toBe(plain);
        expect(unwrapProxy(null)).toBeNull();
        expect(unwrapProxy("text")).toBe("text");
    });
});
