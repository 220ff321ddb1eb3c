// Property-based tests over every policy of the pack, through the runtime-faithful harness
// (props through a protobuf Struct, @pulumi/policy's deserializer and unknownCheckingProxy).
// Seeded and reproducible: FUZZ_SEED picks the seed, FUZZ_RUNS the runs per property
// (500 in `npm test`, 20000 under `npm run fuzz`). A failure prints the seed and the shrunk case.
import fc from "fast-check";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_SHOWN_TAG_VALUE } from "../../policypack/src/classify/classification";
import { UNKNOWN } from "../../policypack/src/values";
import { secret, type ResourceSpec, type Violation } from "../helpers/harness";
import { POLICIES } from "../../policypack/policies/registry";
import { analyzeResourcesInProcess } from "../../src/in-process";
import { LOCALIZATION, RESOURCE_POLICIES, runAll, runStack, STACK_POLICIES } from "../helpers/policies";
import {
    anyValue,
    FUZZ_RUNS,
    FUZZ_SEED,
    isClassificationKey,
    policyConfig,
    providerProps,
    resourceSpec,
    s3Types,
    stackSpecs,
    stackTags,
    storageTypes,
    subjectsKey,
    tagMap,
    userDataKey,
} from "./arbitraries";

const POLICY_NAMES = new Set([...RESOURCE_POLICIES, ...STACK_POLICIES].map((p) => p.name));
const params = { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true };
// Property tests run many cases in one `it`; the bound is generous for FUZZ_RUNS=20000 on 2 cores.
const TIMEOUT = Math.max(60_000, FUZZ_RUNS * 30);

/** What every run must satisfy, whatever the input. */
function checkWellFormed(violations: readonly Violation[]): void {
    for (const v of violations) {
        expect(POLICY_NAMES.has(v.policy), v.policy).toBe(true);
        expect(["mandatory", "advisory"]).toContain(v.level);
        expect(typeof v.message).toBe("string");
        expect(v.message.trim().length).toBeGreaterThan(0);
        // Deciding on unknowns is the pack's job; the server's "can't run policy" is an advisory
        // that would let anything through during preview.
        expect(v.message).not.toContain("can't run policy");
        // Messages are for people: bounded whatever the input (megabyte values, thousands of tags).
        expect(v.message.length).toBeLessThan(8_000);
    }
}

describe("the fuzzed policies are every policy the pack registers", () => {
    it("covers every policy the loaded pack lists, in its order", async () => {
        const analysis = await analyzeResourcesInProcess([], { packDir: path.resolve(__dirname, "../../policypack"), project: "p", stack: "s", dryRun: true });
        expect([...RESOURCE_POLICIES, ...STACK_POLICIES].map((p) => p.name).sort()).toEqual(analysis.policies.map((p) => p.name).sort());
        expect(analysis.policies.map((p) => p.name)).toEqual(POLICIES.map((p) => p.name));
    });
});

describe("never throw", () => {
    it(
        "arbitrary resources, providers, tag maps and stack tags: no exception, every violation explained",
        async () => {
            await fc.assert(
                fc.asyncProperty(resourceSpec, stackTags, async (spec, tags) => {
                    checkWellFormed(await runAll(spec, { stackTags: tags }));
                }),
                params,
            );
        },
        TIMEOUT,
    );

    it(
        "arbitrary pack config (valid or not): no exception; bad config blocks at the policy's level",
        async () => {
            await fc.assert(
                fc.asyncProperty(resourceSpec, policyConfig, policyConfig, async (spec, c1, c2) => {
                    const names = RESOURCE_POLICIES.map((p) => p.name);
                    const config: Record<string, Record<string, unknown>> = {};
                    if (c1 !== undefined) config[names[0]!] = c1;
                    if (c2 !== undefined && names[1]) config[names[1]] = c2;
                    checkWellFormed(await runAll(spec, { config }));
                }),
                params,
            );
        },
        TIMEOUT,
    );

    it(
        "arbitrary stacks (flows between resources, dangling and cyclic dependencies) for the stack policies",
        async () => {
            await fc.assert(
                fc.asyncProperty(stackSpecs, stackTags, policyConfig, async (specs, tags, config) => {
                    checkWellFormed(await runStack(specs, { stackTags: tags }));
                    if (config !== undefined) checkWellFormed(await runStack(specs, { stackTags: tags, config: Object.fromEntries(STACK_POLICIES.map((p) => [p.name, config])) }));
                }),
                params,
            );
        },
        TIMEOUT,
    );

    it(
        "values that are not what the engine would send directly (top-level arrays, sentinels, JSON strings as props)",
        async () => {
            await fc.assert(
                fc.asyncProperty(fc.constantFrom(...storageTypes), anyValue, anyValue, async (type, props, provider) => {
                    const asRecord = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v });
                    checkWellFormed(await runAll({ type, name: "x", props: { tags: props, ...asRecord(props) }, provider: { props: asRecord(provider) } }));
                }),
                params,
            );
        },
        TIMEOUT,
    );
});

// ---- Russian personal data outside Russia never passes ----------------------------------

const categoryValue = fc.constantFrom(
    "personal",
    "special",
    "biometric",
    "public",
    "depersonalized",
    "Personal",
    " PERSONAL ",
    "\u0440\u0435rsonal",
    "personal, none",
    "pii",
    "",
    "per\u200bsonal",
    "none personal",
);
const subjectsValue = fc.constantFrom("RU", "ru", "RUS", "ru.", "R U", "*", "all", "DE,RU", "\u0420\u0423", "ru kz", "\uff32\uff35", "Ru");

/** Noise tags that cannot be read as a classification key. */
const noiseTags = fc.dictionary(
    fc.string({ maxLength: 10 }).filter((k) => !isClassificationKey(k)),
    anyValue,
    { maxKeys: 4 },
);
/** Noise properties that are not places the pack reads tags or regions from. */
const noiseProps = fc.dictionary(
    fc.string({ maxLength: 10 }).filter((k) => !["tags", "tagsAll", "labels", "effectiveLabels", "metadata", "region"].includes(k)),
    anyValue,
    { maxKeys: 4 },
);

type Placement = "tags" | "tags-json" | "tags-list" | "tagsAll" | "labels" | "defaultTags";
const classified = fc.record({
    categoryKey: userDataKey,
    category: categoryValue,
    subjectsKey,
    subjects: subjectsValue,
    placement: fc.constantFrom<Placement>("tags", "tags-json", "tags-list", "tagsAll", "labels", "defaultTags"),
    noise: noiseTags,
    // A higher-precedence source that is unknown or unreadable cannot un-classify what is below it.
    above: fc.constantFrom<unknown>(undefined, UNKNOWN, "{not json", 42, [UNKNOWN]),
});

type Arm = "russia" | "aws" | "garbage";
const awsRegionSpelling = fc.constantFrom("eu-central-1", "EU-WEST-1", " us-east-1 ", "Ap-South-1", "il-central-1", "cn-north-1", "us-gov-west-1", "eusc-de-east-1");
const yandexS3 = fc.constantFrom(
    "https://storage.yandexcloud.net",
    "storage.yandexcloud.net",
    "https://STORAGE.yandexcloud.net.",
    "https://my-bucket.storage.yandexcloud.net",
    "http://storage.yandexcloud.net:443/path?x=1",
);
const endpointsForm = (map: Record<string, unknown>) => fc.constantFrom<unknown>(JSON.stringify([map]), [map], map, JSON.stringify(map));
const garbageUrl = fc.oneof(
    fc.constantFrom(
        "https://storage.yandexcloud.net.example.io",
        "https://storage.y\u0430ndexcloud.net",
        "https://storage.yandexcloud.net@s3.amazonaws.com",
        "https://storage.yandexcloud.net\\@s3.amazonaws.com",
        "https://storage.yandex\tcloud.net",
        "https://51.250.0.1",
        "https://storage.yandexcloud.kz",
        "::::",
        "",
        UNKNOWN,
    ),
    fc.string({ maxLength: 30 }).filter((s) => !s.toLowerCase().includes("yandexcloud.net")),
);

interface Loc {
    arm: Arm;
    type: string;
    providerProps: Record<string, unknown>;
    resourceRegion?: unknown;
}
type Value<A> = A extends fc.Arbitrary<infer T> ? T : never;

const location: fc.Arbitrary<Loc> = fc.constantFrom<Arm>("russia", "aws", "garbage").chain((arm): fc.Arbitrary<Loc> => {
    if (arm === "russia") {
        return fc.record({
            arm: fc.constant(arm),
            type: fc.constantFrom(...s3Types),
            providerProps: fc.record({
                region: anyValue, // ignored when the service has its own endpoint
                endpoints: yandexS3.chain((url) => endpointsForm({ s3: url, iam: "https://iam.amazonaws.com" })),
            }),
            resourceRegion: fc.constantFrom(undefined, "ru-central1"),
        });
    }
    if (arm === "aws") {
        return fc.oneof(
            fc.record({
                arm: fc.constant(arm),
                type: fc.constantFrom(...storageTypes),
                providerProps: fc.record({
                    region: awsRegionSpelling,
                    // A Russian endpoint for another service does not move this one.
                    endpoints: fc.constantFrom(undefined, JSON.stringify([{ iam: "https://storage.yandexcloud.net" }]), "[]", "null"),
                }),
                resourceRegion: fc.constantFrom(undefined, "eu-central-1", "US-EAST-2"),
            }),
            // A resource-level AWS region contradicts a Russian endpoint.
            fc.record({
                arm: fc.constant(arm),
                type: fc.constantFrom(...s3Types),
                providerProps: fc.record({ region: fc.constant("ru-central1"), endpoints: yandexS3.chain((url) => endpointsForm({ s3: url })) }),
                resourceRegion: awsRegionSpelling,
            }),
        );
    }
    return fc.record({
        arm: fc.constant(arm),
        type: fc.constantFrom(...storageTypes),
        providerProps: fc.record(
            {
                region: fc.oneof(fc.constantFrom("ru-central1", UNKNOWN, "", "kz1", "ru-\u0441entral1"), fc.integer(), fc.constant([1]), fc.string({ maxLength: 12 })),
                endpoints: fc.oneof(
                    fc.constantFrom("{not json", UNKNOWN, 7, [UNKNOWN], [7], "[[]]"),
                    garbageUrl.chain((url) => endpointsForm({ s3: url, s3api: url, dynamodb: url, rds: url, sqs: url, ec2: url, kinesis: url, es: url, opensearch: url, kafka: url })),
                ),
            },
            { requiredKeys: [] },
        ),
        resourceRegion: fc.constantFrom(undefined, UNKNOWN, 12, "ru-central1"),
    });
});

function classifiedSpec(c: Value<typeof classified>, loc: Loc, noise: Record<string, unknown>): ResourceSpec {
    const map: Record<string, unknown> = { ...c.noise, [c.categoryKey]: c.category, [c.subjectsKey]: c.subjects };
    const props: Record<string, unknown> = { ...noise };
    const providerProps: Record<string, unknown> = { ...loc.providerProps };
    switch (c.placement) {
        case "tags":
            props.tags = map;
            break;
        case "tags-json":
            props.tags = JSON.stringify(map);
            break;
        case "tags-list":
            props.tags = Object.entries(map).map(([key, value]) => ({ key, value }));
            break;
        case "tagsAll":
            props.tagsAll = map;
            if (c.above !== undefined) props.tags = c.above;
            break;
        case "labels":
            props.labels = map;
            if (c.above !== undefined) props.tags = c.above;
            break;
        case "defaultTags":
            providerProps.defaultTags = JSON.stringify({ tags: map });
            if (c.above !== undefined) props.tagsAll = c.above;
            break;
    }
    if (loc.resourceRegion !== undefined) props.region = loc.resourceRegion;
    return { type: loc.type, name: "customers", props, provider: { props: providerProps } };
}

describe("Russian personal data outside Russia never passes", () => {
    it(
        "a resource tagged as Russian personal data passes only when it is in Russia",
        async () => {
            await fc.assert(
                fc.asyncProperty(classified, location, noiseProps, stackTags, async (c, loc, noise, tags) => {
                    const spec = classifiedSpec(c, loc, noise);
                    const got = await runAll(spec, { stackTags: tags });
                    checkWellFormed(got);
                    const localization = got.filter((v) => v.policy === LOCALIZATION);
                    if (loc.arm === "russia") expect(localization).toEqual([]);
                    else expect(localization.map((v) => v.level)).toEqual(["mandatory"]);
                }),
                params,
            );
        },
        TIMEOUT,
    );
});

// ---- Canary secrets never appear in a message --------------------------------------------

const canary = fc.stringMatching(/^[0-9a-f]{30}$/).map((h) => `zq${h}`);

/** A tag value longer than MAX_SHOWN_TAG_VALUE that carries the canary somewhere among other words. */
const longValueWith = (c: string) =>
    fc.tuple(fc.constantFrom("personal", "RU", "none", "\u0440\u0435rsonal", "pii", ""), fc.integer({ min: 0, max: 2 }), fc.constantFrom(" ", ",", "_", "\u200b", "")).map(([word, where, sep]) => {
        const filler = "x".repeat(MAX_SHOWN_TAG_VALUE);
        const parts = [word, c, filler];
        [parts[where], parts[1]] = [parts[1]!, parts[where]!];
        return parts.join(sep || " ");
    });

const plant = fc.record({
    canary,
    asSecret: fc.boolean(),
    longKey: fc.oneof(userDataKey, subjectsKey, fc.string({ maxLength: 8 })),
    shortKey: fc.string({ maxLength: 8 }).filter((k) => !isClassificationKey(k)),
    where: fc.constantFrom("tags", "tagsAll", "labels", "defaultTags", "stack"),
    userInfoForm: fc.constantFrom("https://u:%s@s3.amazonaws.com", "https://u:%s@ho st", "https://%s@[bad", "%s@storage.yandexcloud.net\\x"),
});

function withCanaries(spec: ResourceSpec, tags: Record<string, string>, p: Value<typeof plant>, long: string): { spec: ResourceSpec; stackTags: Record<string, string> } {
    const wrap = (v: unknown) => (p.asSecret ? secret(v) : v);
    const asMap = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? { ...(v as Record<string, unknown>) } : {});
    const props = { ...(spec.props ?? {}) };
    // Secrets in properties the pack has no reason to read.
    props.password = secret(p.canary);
    props.nested = { deeper: [secret({ token: p.canary })], connectionString: wrap(`postgres://app:${p.canary}@db:5432/x`) };
    const stackTagsOut = { ...tags };
    // A secret value under a tag the pack does not read, and a long value under any tag.
    const tagsWithCanary = (base: unknown) => ({ ...asMap(base), [p.shortKey]: secret(p.canary), [p.longKey]: wrap(long) });
    let providerProps = spec.provider ? { ...(spec.provider.props ?? {}) } : undefined;
    if (p.where === "stack") stackTagsOut[p.longKey] = long;
    else if (p.where === "defaultTags") {
        if (providerProps) providerProps.defaultTags = JSON.stringify({ tags: { ...tagsWithCanary({}), [p.longKey]: long } });
    } else props[p.where] = tagsWithCanary(props[p.where]);
    if (providerProps) {
        // Provider credentials, plain and secret, and credentials in an endpoint's user-info.
        providerProps = {
            ...providerProps,
            accessKey: p.canary,
            secretKey: secret(p.canary),
            token: wrap(p.canary),
            profile: p.canary,
            assumeRole: JSON.stringify({ roleArn: "arn:aws:iam::123456789012:role/x", externalId: p.canary, sessionName: p.canary }),
            endpoints: JSON.stringify([
                {
                    s3: p.userInfoForm.replace("%s", p.canary),
                    dynamodb: p.userInfoForm.replace("%s", p.canary),
                    sqs: p.userInfoForm.replace("%s", p.canary),
                    rds: p.userInfoForm.replace("%s", p.canary),
                },
            ]),
        };
    }
    return { spec: { ...spec, props, ...(spec.provider ? { provider: { ...spec.provider, props: providerProps } } : {}) }, stackTags: stackTagsOut };
}

describe("canary secrets never appear in a message", () => {
    it(
        "secret envelopes, provider credentials, endpoint user-info and long tag values",
        async () => {
            await fc.assert(
                fc.asyncProperty(
                    resourceSpec,
                    stackTags,
                    plant.chain((p) => longValueWith(p.canary).map((long) => ({ p, long }))),
                    async (spec, tags, { p, long }) => {
                        const planted = withCanaries(spec, tags, p, long);
                        const got = await runAll(planted.spec, { stackTags: planted.stackTags });
                        checkWellFormed(got);
                        for (const v of got) {
                            expect(v.message.toLowerCase()).not.toContain(p.canary);
                            expect(v.message).not.toContain("x".repeat(MAX_SHOWN_TAG_VALUE));
                        }
                    },
                ),
                params,
            );
        },
        TIMEOUT,
    );

    it("a classified resource abroad with every canary planted is still blocked, without the canary", async () => {
        const c = "zq0123456789abcdef0123456789abcd";
        const long = `personal ${c} ${"y".repeat(80)}`;
        const spec: ResourceSpec = {
            type: "aws:s3/bucket:Bucket",
            name: "customers",
            props: { tags: secret({ "user-data": long, "data-subjects": secret(`RU ${c} ${"z".repeat(80)}`), owner: secret(c) }), password: secret(c) },
            provider: {
                props: { region: "eu-central-1", accessKey: c, secretKey: secret(c), token: secret(c), endpoints: JSON.stringify([{ s3: `https://key:${c}@s3.eu-central-1.amazonaws.com` }]) },
            },
        };
        const got = await runAll(spec);
        expect(got.map((v) => [v.policy, v.level])).toEqual([
            [LOCALIZATION, "mandatory"],
            ["user-data-classification", "advisory"],
        ]);
        for (const v of got) expect(v.message).not.toContain(c);
        expect(got[0]!.message).toContain("user-info");
        expect(got[1]!.message).toContain("not shown");
    });
});

// ---- Limits: very large inputs complete (timing is measured by the benchmark, not here) ---

describe("limits", () => {
    it("a resource with megabyte-sized properties is decided", async () => {
        const mb = "a".repeat(1 << 20);
        const got = await runAll({
            type: "aws:s3/bucket:Bucket",
            name: "customers",
            props: { policy: mb, tags: { "user-data": `personal ${mb}`, "data-subjects": "RU", note: mb }, tagsAll: JSON.stringify({ big: mb }), website: { routingRules: mb } },
            provider: {
                props: { region: "eu-central-1", defaultTags: JSON.stringify({ tags: { blob: mb } }), endpoints: JSON.stringify([{ lambda: `https://${"b".repeat(60)}.example.com/${mb}` }]) },
            },
        });
        expect(got.map((v) => [v.policy, v.level])).toEqual([
            [LOCALIZATION, "mandatory"],
            ["user-data-classification", "advisory"],
        ]);
        for (const v of got) expect(v.message.length).toBeLessThan(8_000);
    });

    it("a resource with thousands of tags (and thousands of spellings of the classification key) is decided", async () => {
        const tags: Record<string, unknown> = {};
        for (let i = 0; i < 5_000; i++) tags[`team-${i}`] = `value-${i}`;
        for (let i = 0; i < 2_000; i++) tags[`user-data${" ".repeat(i % 50)}${"_".repeat(Math.floor(i / 50))}`] = `pii${i}`;
        for (let i = 0; i < 1_000; i++) tags[`us\u0435r-data${"-".repeat(i)}`] = { nested: i };
        tags["data-subjects"] = "RU";
        const got = await runAll({
            type: "aws:s3/bucket:Bucket",
            name: "customers",
            props: { tags, tagsAll: tags },
            provider: { props: { region: "eu-central-1", defaultTags: JSON.stringify({ tags }) } },
        });
        expect(got.filter((v) => v.policy === LOCALIZATION).map((v) => v.level)).toEqual(["mandatory"]);
        // Every finding of the classification policy is bounded, and so is their number.
        expect(got.length).toBeLessThan(20);
        for (const v of got) expect(v.message.length).toBeLessThan(8_000);
    });

    it("a provider with ten thousand endpoints is decided", async () => {
        const endpoints: Record<string, string> = {};
        for (let i = 0; i < 10_000; i++) endpoints[`svc${i}`] = `https://svc${i}.example.com`;
        endpoints.s3 = "https://storage.yandexcloud.net";
        const got = await runAll({
            type: "aws:s3/bucket:Bucket",
            name: "customers",
            props: { tags: { "user-data": "personal", "data-subjects": "RU" } },
            provider: { props: { endpoints: JSON.stringify([endpoints]) } },
        });
        expect(got).toEqual([]);
    });
});

// Keep the unused-import checker honest about generators only used in some properties.
void providerProps;
void tagMap;
