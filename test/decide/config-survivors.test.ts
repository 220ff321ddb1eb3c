// The config reader's remaining promises, pinned exactly: the warning about shared settings that
// differ between policies, the schema a policy publishes, today's date, and a config read once
// per deployment that still answers for the config given.
import { afterEach, describe, expect, it, vi } from "vitest";
import { CONFIG_PROPERTIES, configSchema, differingSharedSettings, readSettingsCached, todayUtc } from "../../policypack/src/decide/config";

const TODAY = "2026-11-23";
const differs = (property: string, copies: string, consequence = "") =>
    `${property} differs between policies (${copies}); each policy reads only its own copy, so the policies decide on different facts${consequence}. Set the same value on every policy that takes it.`;

describe("shared settings that differ between policies", () => {
    const all = [
        "categoriesTagKey",
        "subjectsTagKey",
        "defaultSubjects",
        "endpointCountries",
        "providerLocations",
        "clusterLocations",
        "providerDefaults",
        "transfers",
        "onUnknown",
        "exemptions",
        "allowBroadExemptions",
    ];

    it("every shared property, in the order the pack lists them; the per-policy ones never", () => {
        const a = Object.fromEntries(all.map((p) => [p, "a"]));
        const b = Object.fromEntries(all.map((p) => [p, "b"]));
        expect(differingSharedSettings({ a, b }, { a: all, b: all }).map((line) => line.split(" ")[0])).toEqual([
            "categoriesTagKey",
            "subjectsTagKey",
            "defaultSubjects",
            "endpointCountries",
            "providerLocations",
            "clusterLocations",
            "providerDefaults",
            "transfers",
        ]);
    });

    it("a property only one policy takes cannot differ", () => {
        expect(differingSharedSettings({ a: { endpointCountries: { x: "RU" } }, b: { endpointCountries: { x: "DE" } } }, { a: ["endpointCountries"], b: [] })).toEqual([]);
    });

    it("policies that agree are named together; a copy left out is 'not set'; no consequence is claimed where the pack knows none", () => {
        expect(
            differingSharedSettings(
                { a: { endpointCountries: { "minio.example.ru": "RU" } }, b: {}, c: { endpointCountries: { "minio.example.ru": "RU" } } },
                { a: ["endpointCountries"], b: ["endpointCountries"], c: ["endpointCountries"], d: ["endpointCountries"] },
            ),
        ).toEqual([differs("endpointCountries", 'a and c: {"minio.example.ru":"RU"}; b and d: not set')]);
    });

    it("compares nested values whatever their key order, but lists in their order, and null as null", () => {
        const takes = { a: ["defaultSubjects", "providerLocations", "clusterLocations"], b: ["defaultSubjects", "providerLocations", "clusterLocations"] };
        expect(
            differingSharedSettings(
                {
                    a: { providerLocations: [{ y: { q: 1, p: 2 }, x: null }], defaultSubjects: ["RU", "KZ"], clusterLocations: null },
                    b: { providerLocations: [{ x: null, y: { p: 2, q: 1 } }], defaultSubjects: ["KZ", "RU"], clusterLocations: {} },
                },
                takes,
            ),
        ).toEqual([differs("defaultSubjects", 'a: ["RU","KZ"]; b: ["KZ","RU"]'), differs("clusterLocations", "a: null; b: {}")]);
    });

    it("transfers that differ: the consequence is spelt out", () => {
        expect(differingSharedSettings({ loc: { transfers: "declared" }, xb: {} }, { loc: ["transfers"], xb: ["transfers"] })).toEqual([
            differs(
                "transfers",
                'loc: "declared"; xb: not set',
                " (with declared on the localization policy only, a store abroad is left to the cross-border policy, which under forbid does not judge stores, so no policy reports it)",
            ),
        ]);
    });
});

describe("a policy's config schema", () => {
    it("holds exactly the properties the policy takes, with the pack's schemas", () => {
        expect(configSchema(["onUnknown", "transfers"])).toEqual({ properties: { onUnknown: CONFIG_PROPERTIES.onUnknown, transfers: CONFIG_PROPERTIES.transfers } });
        expect(configSchema([])).toEqual({ properties: {} });
    });
});

describe("today", () => {
    afterEach(() => {
        vi.useRealTimers();
    });

    it("of a given moment, in UTC", () => {
        expect(todayUtc(new Date("2026-03-04T23:59:59.999Z"))).toBe("2026-03-04");
        expect(todayUtc(new Date("2026-03-05T02:00:00+03:00"))).toBe("2026-03-04");
    });

    it("of the clock: a new day starts at UTC midnight, forwards and backwards", () => {
        vi.useFakeTimers({ toFake: ["Date"] });
        vi.setSystemTime(new Date("2026-05-05T12:00:00Z"));
        expect(todayUtc()).toBe("2026-05-05");
        vi.setSystemTime(new Date("2026-05-05T23:59:59.999Z"));
        expect(todayUtc()).toBe("2026-05-05");
        vi.setSystemTime(new Date("2026-05-06T00:00:00Z"));
        expect(todayUtc()).toBe("2026-05-06");
        vi.setSystemTime(new Date("2026-05-05T23:00:00Z"));
        expect(todayUtc()).toBe("2026-05-05");
        vi.setSystemTime(new Date("2026-05-07T00:00:00Z"));
        expect(todayUtc()).toBe("2026-05-07");
    });
});

describe("a config read once per deployment", () => {
    it("a config with fewer properties than one read before is read for itself", () => {
        expect(readSettingsCached({ onUnknown: "warn", transfers: "declared" }, TODAY).settings.transfers).toBe("declared");
        expect(readSettingsCached({ onUnknown: "warn" }, TODAY).settings).toMatchObject({ onUnknown: "warn", transfers: "forbid" });
    });

    it("a property set to undefined is not one the earlier config had", () => {
        expect(readSettingsCached({ transfers: "declared" }, TODAY).settings.transfers).toBe("declared");
        expect(readSettingsCached({ onUnknown: undefined }, TODAY).settings.transfers).toBe("forbid");
    });

    it("a config that cannot be written as JSON is still read", () => {
        const config: Record<string, unknown> = { onUnknown: "warn" };
        config.self = config;
        const read = readSettingsCached(config, TODAY);
        expect([read.errors, read.settings.onUnknown]).toEqual([[], "warn"]);
        expect(readSettingsCached({ onUnknown: "warn", n: 1n }, TODAY).settings.onUnknown).toBe("warn");
    });
});
