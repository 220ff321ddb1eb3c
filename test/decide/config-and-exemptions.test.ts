import { describe, expect, it } from "vitest";
import { readSettings, todayUtc } from "../../policypack/src/decide/config";
import { findExemption, isBroadGlob, readExemptions } from "../../policypack/src/decide/exemptions";

const TODAY = "2026-11-23";
const URN = "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::legacy-export";

describe("exemptions", () => {
    it("match by exact URN, exact name, or a glob on either (a * crosses the / in type tokens)", () => {
        const { exemptions } = readExemptions(
            [
                { resource: URN, reason: "r", expires: "2030-01-01" },
                { resource: "legacy-*", reason: "r", expires: "2030-01-01" },
                { resource: "urn:pulumi:prod::shop::aws:s3/*::legacy-export", reason: "r", expires: "2030-01-01" },
            ],
            false,
            TODAY,
        );
        expect(exemptions).toHaveLength(3);
        expect(findExemption([exemptions[0]!], URN, "legacy-export")?.index).toBe(0);
        expect(findExemption([exemptions[1]!], URN, "legacy-export")?.index).toBe(1);
        expect(findExemption([exemptions[2]!], URN, "legacy-export")?.index).toBe(2);
        expect(findExemption(exemptions, "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::customers", "customers")).toBeUndefined();
    });

    it("expire after their expiry day (UTC)", () => {
        const { exemptions } = readExemptions(
            [
                { resource: "a", reason: "r", expires: "2026-11-23" },
                { resource: "b", reason: "r", expires: "2026-11-22" },
            ],
            false,
            TODAY,
        );
        expect(exemptions.map((e) => e.expired)).toEqual([false, true]);
    });

    it("refuse a missing reason or expiry, a date that does not exist, and unknown properties", () => {
        const { errors, exemptions } = readExemptions(
            [{ resource: "a", expires: "2030-01-01" }, { resource: "b", reason: "r" }, { resource: "c", reason: "r", expires: "2030-02-30" }, { resource: "d", reason: "r", expires: "2030-01-01", owner: "me" }, "e"],
            false,
            TODAY,
        );
        expect(exemptions.map((e) => e.resource)).toEqual(["d"]);
        expect(errors).toEqual([
            "exemptions[0].reason is required: say why the exemption is justified",
            "exemptions[1].expires is required and must be a real date as YYYY-MM-DD",
            'exemptions[2].expires is required and must be a real date as YYYY-MM-DD, not "2030-02-30"',
            'exemptions[3] has an unknown property "owner"',
            "exemptions[4] must be an object with resource, reason and expires",
        ]);
    });

    it("refuse globs that match every resource unless allowBroadExemptions", () => {
        for (const g of ["*", "**", "urn:*", "*:*", "?*"]) expect(isBroadGlob(g), g).toBe(true);
        for (const g of ["legacy-*", "urn:pulumi:prod::*", "*::legacy-export", "customers"]) expect(isBroadGlob(g), g).toBe(false);
        expect(readExemptions([{ resource: "*", reason: "r", expires: "2030-01-01" }], false, TODAY).errors[0]).toContain("matches every resource");
        expect(readExemptions([{ resource: "*", reason: "r", expires: "2030-01-01" }], true, TODAY).exemptions).toHaveLength(1);
    });
});

describe("settings", () => {
    it("defaults when nothing is configured", () => {
        const { settings, errors } = readSettings({}, TODAY);
        expect(errors).toEqual([]);
        expect(settings).toMatchObject({ onUnknown: "block", categoriesTagKey: "user-data", subjectsTagKey: "data-subjects", defaultSubjects: ["*"], exemptions: [] });
    });

    it("name the property in every error and never throw", () => {
        const { errors } = readSettings(
            { onUnknown: "maybe", defaultSubjects: ["RU", "XX"], endpointCountries: { "s3.example.ru": "Russia" }, categoriesTagKey: "", allowBroadExemptions: "yes" },
            TODAY,
        );
        expect(errors).toEqual([
            'onUnknown must be "block" or "warn", not "maybe"',
            'defaultSubjects contains "XX", which is neither * nor an ISO 3166-1 country code',
            "allowBroadExemptions must be true or false",
            "categoriesTagKey must be a non-empty string",
            'endpointCountries["s3.example.ru"] is "Russia", not an ISO 3166-1 country code',
        ]);
        for (const bad of [null, 42, "x", [], { exemptions: "all" }, { endpointCountries: [] }]) expect(() => readSettings(bad, TODAY)).not.toThrow();
    });

    it("today is the UTC date", () => {
        expect(todayUtc(new Date("2026-11-23T23:59:59+03:00"))).toBe("2026-11-23");
        expect(todayUtc(new Date("2026-11-24T01:00:00+03:00"))).toBe("2026-11-23");
    });
});
