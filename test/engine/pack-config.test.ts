// Policy pack config as the Pulumi CLI builds it: defaults, the pack's initial config, the file
// (with its "all" key), then schema validation.
import { describe, expect, it } from "vitest";
import { ignoredConfig, PackConfigError, parsePackConfigFile, PolicyDescription, reconcilePackConfig } from "../../src/engine/pack-config";

const policies: PolicyDescription[] = [
    {
        name: "a",
        displayName: "",
        description: "",
        enforcementLevel: "mandatory",
        severity: "critical",
        policyType: "resource",
        configSchema: { properties: { onUnknown: { type: "string", enum: ["block", "warn"], default: "block" }, keys: { type: "array", default: ["x"] } }, required: [] },
        tags: [],
        remediationSteps: "",
        url: "",
    },
    { name: "b", displayName: "", description: "", enforcementLevel: "advisory", severity: "medium", policyType: "resource", tags: [], remediationSteps: "", url: "" },
];

describe("pack config", () => {
    it("fills schema defaults and keeps each policy's level", () => {
        expect(reconcilePackConfig(policies, {}, {})).toEqual({
            a: { enforcementLevel: "mandatory", properties: { onUnknown: "block", keys: ["x"] } },
            b: { enforcementLevel: "advisory", properties: {} },
        });
    });

    it("lets the file's all key set every level, and a policy's own entry override it", () => {
        const given = parsePackConfigFile({ all: "disabled", a: { enforcementLevel: "advisory", onUnknown: "warn" } });
        const config = reconcilePackConfig(policies, {}, given);
        expect(config.a).toEqual({ enforcementLevel: "advisory", properties: { onUnknown: "warn", keys: ["x"] } });
        expect(config.b).toEqual({ enforcementLevel: "disabled", properties: {} });
    });

    it("applies the pack's initial config before the file", () => {
        const config = reconcilePackConfig(policies, { a: { enforcementLevel: "advisory", properties: { onUnknown: "warn" } } }, parsePackConfigFile({ a: { keys: ["y"] } }));
        expect(config.a).toEqual({ enforcementLevel: "advisory", properties: { onUnknown: "warn", keys: ["y"] } });
    });

    it("rejects bad levels and bad shapes with the CLI's words (pkg/resource/analyzer/config.go)", () => {
        expect(() => parsePackConfigFile({ a: "blocking" })).toThrow('parsing enforcement level for "a": "blocking" is not a valid enforcement level');
        expect(() => parsePackConfigFile({ a: 3 })).toThrow('parsing "a": 3 is not a valid value; must be a string or object');
        expect(() => parsePackConfigFile([])).toThrow("json: cannot unmarshal array into Go value of type map[string]interface {}");
    });

    it("drops entries with neither a level nor properties, as the CLI does", () => {
        expect(parsePackConfigFile({ a: {}, b: { enforcementLevel: "advisory" } })).toEqual({ b: { enforcementLevel: "advisory", properties: {} } });
    });

    it("validates every policy's properties against its schema and lists every problem in gojsonschema's words, sorted", () => {
        const err = (() => {
            try {
                reconcilePackConfig(policies, {}, parsePackConfigFile({ a: { onUnknown: "sometimes", keys: "x" } }));
            } catch (e) {
                return e as PackConfigError;
            }
            return undefined;
        })();
        expect(err?.errors).toEqual(["a: keys: Invalid type. Expected: array, given: string", 'a: onUnknown: onUnknown must be one of the following: "block", "warn"']);
    });

    it("names what the CLI accepts but no policy reads: unknown policies, unknown properties, properties under all", () => {
        expect(
            ignoredConfig(policies, parsePackConfigFile({ c: "mandatory", a: { onUnknwn: "warn", zzz: 1 }, b: { enforcementLevel: "advisory" }, all: { enforcementLevel: "advisory", x: 1 } })),
        ).toEqual([
            '"c" is not a policy of this pack (it has "a", "b"); pulumi ignores it',
            '"onUnknwn" is not a config property of a (did you mean "onUnknown"?); pulumi ignores it',
            '"zzz" is not a config property of a (it has "onUnknown", "keys"); pulumi ignores it',
            '"all" sets every policy\'s enforcement level and nothing else; pulumi ignores its property "x"',
        ]);
        expect(ignoredConfig(policies, parsePackConfigFile({ a: { onUnknown: "warn" }, b: "disabled" }))).toEqual([]);
    });
});
