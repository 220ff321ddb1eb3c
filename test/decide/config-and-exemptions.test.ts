import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSettings, todayUtc } from "../../policypack/src/decide/config";
import { broadInStack, findExemption, isBroadGlob, readExemptions, refusedBroadExemptions } from "../../policypack/src/decide/exemptions";

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
            [
                { resource: "a", expires: "2030-01-01" },
                { resource: "b", reason: "r" },
                { resource: "c", reason: "r", expires: "2030-02-30" },
                { resource: "d", reason: "r", expires: "2030-01-01", owner: "me" },
                "e",
            ],
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

// Issue class 3: config that weakens the guard without saying so is refused, naming the property.
describe("config that would weaken the guard", () => {
    const errorsFor = (config: Record<string, unknown>) => readSettings(config, "2026-06-01").errors;

    it.each([
        ["*.amazonaws.com", 'the host "amazonaws.com"'],
        ["s3.eu-central-1.amazonaws.com", "AWS"],
        ["*.com", 'every host under "com", a public suffix'],
        ["*.ru", 'every host under "ru", a public suffix'],
        ["*.РФ", 'every host under "xn--p1ai", a public suffix'],
        ["*.co.uk", 'every host under "co.uk", a public suffix'],
        ["*.herokuapp.com", 'every host under "herokuapp.com", a public suffix'],
        ["*.s3.amazonaws.com", 'every host under "s3.amazonaws.com", a public suffix'],
        ["storage.yandexcloud.kz", "Kazakhstan"],
        ["*.yandexcloud.kz", "Kazakhstan"],
        ["*.selcloud.ru", "s3.kz-1.storage.selcloud.ru"],
        ["*.bizmrg.com", "hb.kz-ast.bizmrg.com"],
        ["*.yandexcloud.net", 'every host under "yandexcloud.net", a public suffix'],
        ["*", "every host"],
        ["*.", "every host"],
    ])("endpointCountries %s → RU is refused", (pattern, words) => {
        const errors = errorsFor({ endpointCountries: { [pattern]: "RU" } });
        expect(errors).toHaveLength(1);
        expect(errors[0]).toContain(`endpointCountries["${pattern}"] would place in Russia`);
        expect(errors[0]).toContain(words);
    });

    it.each(["*.corp.example.ru", "minio.dc1.example.ru", "s3.internal.acme.io", "*.acme-bank.ru"])("endpointCountries %s → RU is accepted", (pattern) => {
        expect(errorsFor({ endpointCountries: { [pattern]: "RU" } })).toEqual([]);
    });

    it("a foreign host mapped to its own or another foreign country weakens nothing", () => {
        expect(errorsFor({ endpointCountries: { "*.amazonaws.com": "US", "*.com": "DE" } })).toEqual([]);
    });

    it("property: a pattern that covers any catalogue host known to be abroad is refused", () => {
        const abroadHosts = ["amazonaws.com", "storage.yandexcloud.kz", "hb.kz-ast.vkcloud-storage.ru", "s3.uz-2.srvstorage.uz", "api.il.nebius.cloud"];
        fc.assert(
            fc.property(fc.constantFrom(...abroadHosts), fc.integer({ min: 0, max: 3 }), fc.boolean(), (host, cut, wildcard) => {
                const labels = host.split(".");
                const domain = labels.slice(Math.min(cut, labels.length - 1)).join(".");
                const pattern = wildcard || domain !== host ? `*.${domain}` : domain;
                expect(errorsFor({ endpointCountries: { [pattern]: "RU" } })).toHaveLength(1);
            }),
            { seed: 3, numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
        );
    });
});

describe("exemption globs judged by what they match in the resource's stack", () => {
    const at = (stack: string, project: string, type = "aws:s3/bucket:Bucket", name = "customers") => `urn:pulumi:${stack}::${project}::${type}::${name}`;

    it.each([
        ["urn:pulumi:dev::app::*", "dev", "app", 'every resource of stack "dev" of project "app"'],
        ["*app*", "dev", "app", 'every resource of project "app", in every stack'],
        ["urn:pulumi:dev::**", "dev", "app", 'every resource of every project\'s stack "dev"'],
        ["urn:pulumi:*::app::*", "prod", "app", 'every resource of project "app", in every stack'],
        ["*::app::*", "dev", "app", 'every resource of project "app", in every stack'],
        ["urn:pulumi:dev::app::{aws,kubernetes,zzq,my,gcp}*", "dev", "app", 'every resource of stack "dev" of project "app"'],
    ])("%s is broad in stack %s of project %s", (glob, stack, project, words) => {
        expect(broadInStack(glob, at(stack, project))).toBe(words);
        const [e] = readSettings({ exemptions: [{ resource: glob, reason: "r", expires: "2999-01-01" }] }, "2026-06-01").settings.exemptions;
        expect(findExemption([e!], at(stack, project), "customers")).toBeUndefined();
        expect(findExemption([e!], at(stack, project), "customers", true)).toBeDefined();
        expect(refusedBroadExemptions([e!], at(stack, project), "customers", false)[0]).toContain("is refused: it matches");
    });

    it.each([
        ["legacy-*", "dev", "app"],
        ["*legacy-export*", "dev", "app"],
        ["urn:pulumi:dev::app::aws:s3/bucket:Bucket::*", "dev", "app"],
        ["urn:pulumi:dev::app::*::customers-*", "dev", "app"],
        ["*app*", "dev", "shop"],
    ])("%s is not broad in stack %s of project %s", (glob, stack, project) => {
        expect(broadInStack(glob, at(stack, project))).toBeUndefined();
    });
});

describe("policypack/data/public-suffixes.json", () => {
    it("is the Public Suffix List with its source and version, ICANN and private rules", async () => {
        const data = (await import("../../policypack/data/public-suffixes.json")).default;
        expect(data.source).toBe("https://publicsuffix.org/list/public_suffix_list.dat");
        expect(data.version).toMatch(/^\d{8}/);
        expect(data.rules.length).toBeGreaterThan(7000);
        expect(data.rules).toEqual(expect.arrayContaining(["com", "ru", "xn--p1ai", "co.uk", "*.ck", "!www.ck", "herokuapp.com"]));
    });
});
