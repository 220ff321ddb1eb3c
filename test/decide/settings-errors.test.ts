// What the pack says about each config value it refuses, word for word, and what it reads from
// each one it accepts: the errors are what a user reads when the policy blocks on a bad config.
import { describe, expect, it } from "vitest";
import { localizationPolicy } from "../../policypack/policies/ru-personal-data-localization";
import { DEFAULT_SETTINGS, readSettings, readSettingsCached, todayUtc } from "../../policypack/src/decide/config";
import { readExemptions } from "../../policypack/src/decide/exemptions";
import { runResourcePolicy } from "../helpers/harness";

const TODAY = "2026-11-23";
const errorsOf = (config: unknown) => readSettings(config, TODAY).errors;

describe("config errors, each naming the property", () => {
    it("a config that is not an object", () => {
        for (const bad of [42, "x", [], null]) expect(errorsOf(bad), JSON.stringify(bad)).toEqual(["the policy config must be an object"]);
        expect(errorsOf(undefined)).toEqual([]);
    });

    it("enumerations", () => {
        expect(errorsOf({ onUnknown: 1 })).toEqual(['onUnknown must be "block" or "warn", not 1']);
        expect(errorsOf({ providerDefaults: "lenient" })).toEqual(['providerDefaults must be "documented" or "strict", not "lenient"']);
        expect(errorsOf({ transfers: "allow" })).toEqual(['transfers must be "forbid" or "declared", not "allow"']);
        expect(errorsOf({ onUnknown: "x".repeat(100) })[0]).toBe(`onUnknown must be "block" or "warn", not ${JSON.stringify("x".repeat(100)).slice(0, 40)}`);
    });

    it("booleans", () => {
        expect(errorsOf({ allowBroadExemptions: 1 })).toEqual(["allowBroadExemptions must be true or false"]);
        expect(errorsOf({ allowNonAdequate: "true" })).toEqual(["allowNonAdequate must be true or false"]);
    });

    it("lists of country codes", () => {
        expect(errorsOf({ defaultSubjects: "RU" })).toEqual(["defaultSubjects must be a list of ISO 3166-1 country codes or *"]);
        expect(errorsOf({ defaultSubjects: ["RU", 7] })).toEqual(["defaultSubjects must be a list of ISO 3166-1 country codes or *"]);
        expect(errorsOf({ defaultSubjects: ["*", "all", "any", "global", " Global ", "ru", "DEU"] })).toEqual([]);
        expect(errorsOf({ adequateCountries: "DE" })).toEqual(["adequateCountries must be a list of ISO 3166-1 country codes"]);
        expect(errorsOf({ adequateCountries: ["DE", "Germany", 3] })).toEqual([
            'adequateCountries contains "Germany", which is not an ISO 3166-1 country code',
            "adequateCountries contains number, which is not an ISO 3166-1 country code",
        ]);
    });

    it("tag keys", () => {
        expect(errorsOf({ categoriesTagKey: 3, subjectsTagKey: "  " })).toEqual(["categoriesTagKey must be a non-empty string", "subjectsTagKey must be a non-empty string"]);
    });

    it("maps of names to countries", () => {
        expect(errorsOf({ providerLocations: [], clusterLocations: "RU", destinationLocations: 1, endpointCountries: null })).toEqual([
            "endpointCountries must be an object mapping names to ISO 3166-1 country codes",
            "providerLocations must be an object mapping names to ISO 3166-1 country codes",
            "clusterLocations must be an object mapping names to ISO 3166-1 country codes",
            "destinationLocations must be an object mapping names to ISO 3166-1 country codes",
        ]);
        expect(errorsOf({ providerLocations: { p: 5 }, destinationLocations: { "arn:aws:s3:::b": "Narnia" } })).toEqual([
            'providerLocations["p"] is number, not an ISO 3166-1 country code',
            'destinationLocations["arn:aws:s3:::b"] is "Narnia", not an ISO 3166-1 country code',
        ]);
    });

    it("stack destinations, which ru-residency writes for a run over several stacks", () => {
        expect(errorsOf({ stackDestinations: [] })).toEqual(["stackDestinations must be an object mapping names to { country, stack }"]);
        expect(errorsOf({ stackDestinations: { a: { country: "Narnia", stack: "s" }, b: { country: "DE", stack: " " }, c: "DE" } })).toEqual([
            'stackDestinations["a"] must be { country: an ISO 3166-1 country code, stack: the stack\'s name }',
            'stackDestinations["b"] must be { country: an ISO 3166-1 country code, stack: the stack\'s name }',
            'stackDestinations["c"] must be { country: an ISO 3166-1 country code, stack: the stack\'s name }',
        ]);
    });

    it("exemptions", () => {
        expect(errorsOf({ exemptions: {} })).toEqual(["exemptions must be a list"]);
        expect(errorsOf({ exemptions: [{ resource: " ", reason: "r", expires: "2030-01-01" }] })).toEqual(["exemptions[0].resource is required: a URN, or a glob on the resource name or URN"]);
        expect(errorsOf({ exemptions: [{ resource: "a", reason: "r", expires: "someday" }] })).toEqual(['exemptions[0].expires is required and must be a real date as YYYY-MM-DD, not "someday"']);
        expect(errorsOf({ exemptions: [{ resource: "a", reason: "r", expires: "x2030-01-01" }] })).toEqual([
            'exemptions[0].expires is required and must be a real date as YYYY-MM-DD, not "x2030-01-01"',
        ]);
        expect(errorsOf({ exemptions: [{ resource: "a", reason: "r", expires: "2030-01-01x" }] })).toEqual([
            'exemptions[0].expires is required and must be a real date as YYYY-MM-DD, not "2030-01-01x"',
        ]);
        expect(errorsOf({ exemptions: [{ resource: "a", reason: " ", expires: 20300101 }] })).toEqual([
            "exemptions[0].reason is required: say why the exemption is justified",
            "exemptions[0].expires is required and must be a real date as YYYY-MM-DD",
        ]);
        expect(errorsOf({ exemptions: [{ resource: "[", reason: "r", expires: "2030-01-01" }] })).toEqual([]);
    });
});

describe("what an accepted config reads as", () => {
    it("every property", () => {
        const { settings, errors } = readSettings(
            {
                onUnknown: "warn",
                categoriesTagKey: "pii",
                subjectsTagKey: "citizenship",
                defaultSubjects: ["KZ"],
                endpointCountries: { "minio.example.ru": "rus" },
                providerLocations: { default_acme: "ru" },
                clusterLocations: { prod: "DE" },
                destinationLocations: { "arn:aws:s3:::b": "DEU" },
                stackDestinations: { "arn:aws:s3:::c": { country: "deu", stack: "acme/shop/prod" } },
                providerDefaults: "strict",
                exemptions: [{ resource: " legacy-* ", reason: "Migration", expires: "2026-11-22" }],
                allowBroadExemptions: true,
                transfers: "declared",
                allowNonAdequate: true,
                adequateCountries: ["deu", "FR"],
            },
            TODAY,
        );
        expect(errors).toEqual([]);
        expect(settings).toEqual({
            onUnknown: "warn",
            categoriesTagKey: "pii",
            subjectsTagKey: "citizenship",
            defaultSubjects: ["KZ"],
            endpointCountries: { "minio.example.ru": "RU" },
            providerLocations: { default_acme: "RU" },
            clusterLocations: { prod: "DE" },
            destinationLocations: { "arn:aws:s3:::b": "DE" },
            stackDestinations: { "arn:aws:s3:::c": { country: "DE", stack: "acme/shop/prod" } },
            providerDefaults: "strict",
            exemptions: [{ resource: "legacy-*", reason: "Migration", expires: "2026-11-22", expired: true, index: 0 }],
            allowBroadExemptions: true,
            transfers: "declared",
            allowNonAdequate: true,
            adequateCountries: ["DE", "FR"],
            today: TODAY,
        });
    });

    it("nothing: the defaults", () => {
        expect(readSettings({}, TODAY)).toEqual({ settings: { ...DEFAULT_SETTINGS, providerDefaults: "documented", today: TODAY }, errors: [], exemptionErrors: [] });
        expect(DEFAULT_SETTINGS).toMatchObject({
            onUnknown: "block",
            allowBroadExemptions: false,
            transfers: "forbid",
            allowNonAdequate: false,
            adequateCountries: [],
            destinationLocations: {},
            exemptions: [],
        });
    });

    it("an exemption expires after its day, not on it", () => {
        const { exemptions } = readExemptions(
            [
                { resource: "a", reason: "r", expires: TODAY },
                { resource: "b", reason: "r", expires: "2026-11-22" },
                { resource: "c", reason: "r", expires: "2026-11-24" },
            ],
            false,
            TODAY,
        );
        expect(exemptions.map((e) => [e.resource, e.expired, e.index])).toEqual([
            ["a", false, 0],
            ["b", true, 1],
            ["c", false, 2],
        ]);
    });
});

describe("reading the config once per deployment", () => {
    it("gives the same answer as reading it afresh, and a fresh one when a value or the day changes", () => {
        const config = { onUnknown: "warn", exemptions: [{ resource: "a", reason: "r", expires: "2026-11-23" }] };
        const first = readSettingsCached({ ...config }, TODAY);
        expect(first).toEqual(readSettings(config, TODAY));
        expect(readSettingsCached({ ...config }, TODAY)).toBe(first);
        expect(readSettingsCached({ ...config }, "2026-11-24").settings.exemptions[0]!.expired).toBe(true);
        expect(readSettingsCached({ ...config, onUnknown: "block" }, TODAY).settings.onUnknown).toBe("block");
        expect(readSettingsCached({ onUnknown: "warn" }, TODAY).settings.exemptions).toEqual([]);
        expect(readSettingsCached({ ...config, extra: 1 }, TODAY).settings.onUnknown).toBe("warn");
        expect(readSettingsCached(42, TODAY).errors).toEqual(["the policy config must be an object"]);
    });

    it("today is today's UTC date, also when asked twice", () => {
        const now = new Date().toISOString().slice(0, 10);
        expect([todayUtc(), todayUtc()]).toEqual([now, now]);
    });
});

describe("a config the pack refuses blocks the policy, with the reason", () => {
    it("expires: someday", async () => {
        const got = await runResourcePolicy(
            localizationPolicy,
            { type: "aws:s3/bucket:Bucket", name: "b", props: { tags: { "user-data": "none" } }, provider: { props: { region: "eu-central-1" } } },
            { config: { exemptions: [{ resource: "b", reason: "r", expires: "someday" }] } },
        );
        expect(got.map((v) => v.level)).toEqual(["mandatory"]);
        expect(got[0]!.message.split("\n").slice(1)).toEqual([
            'The policy pack config for this policy is invalid, so the policy cannot decide and blocks: exemptions[0].expires is required and must be a real date as YYYY-MM-DD, not "someday".',
            "Fix: correct the config file given with --policy-pack-config.",
            "Finding: RU152-CFG-002, see docs/findings.md#ru152-cfg-002",
        ]);
    });
});
