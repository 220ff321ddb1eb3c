// The classification cache: each distinct set of classification tags is classified once, and the
// cached answer must be the answer classification would give afresh, for every input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classificationCacheNodes, classify, classifyUncached, ClassificationSettings, DEFAULT_CLASSIFICATION_SETTINGS } from "../../policypack/src/classify/classification";
import { UNKNOWN } from "../../policypack/src/values";
import { FUZZ_RUNS, FUZZ_SEED, providerProps, resourceProps, stackTags } from "../fuzz/arbitraries";

const input = (props: unknown, providerProps?: unknown, tags?: Record<string, string>) => ({ props, providerProps, stackTags: tags ? new Map(Object.entries(tags)) : undefined });

describe("classification cache", () => {
    // Small domains, so that a sequence often meets the same classification tags in different
    // surroundings: a part of the input the cache key forgot would hand out a wrong answer.
    const tagSet = fc.constantFrom<unknown>(
        undefined,
        UNKNOWN,
        "not json",
        { "user-data": "personal" },
        { "user-data": "none" },
        { "user-d\u0251ta": "none" },
        { "User Data": "personal", Name: "a" },
        { "user-data": UNKNOWN },
        [{ key: "user-data", value: "none" }],
        [UNKNOWN],
        { "data-subjects": "DE" },
        { "data-subjects": "RU", Name: "b" },
        { "user-data": 7 },
        { "user-data": {} },
        JSON.stringify({ "user-data": "personal", "data-subjects": "KZ" }),
    );
    const smallProps = fc.record({ tags: tagSet, labels: tagSet, tagsAll: tagSet, metadata: fc.constantFrom<unknown>(undefined, UNKNOWN, { labels: { "user-data": "none" } }) }, { requiredKeys: [] });
    const smallProvider = fc.record(
        {
            defaultTags: fc.oneof(
                tagSet.map((tags) => ({ tags })),
                tagSet.map((tags) => JSON.stringify({ tags })),
                fc.constant(UNKNOWN),
            ),
            defaultLabels: tagSet,
        },
        { requiredKeys: [] },
    );
    const smallStackTags = fc.constantFrom<Record<string, string> | undefined>(undefined, { "data-subjects": "DE" }, { "Data Subjects": "RU" }, { other: "x" });
    const settingsArb = fc.constantFrom<ClassificationSettings>(
        DEFAULT_CLASSIFICATION_SETTINGS,
        { ...DEFAULT_CLASSIFICATION_SETTINGS, defaultSubjects: ["DE"] },
        { ...DEFAULT_CLASSIFICATION_SETTINGS, defaultSubjects: [] },
        { categoriesTagKey: "data-subjects", subjectsTagKey: "user-data", defaultSubjects: ["*"] },
        { categoriesTagKey: "classification", subjectsTagKey: "data-subjects", defaultSubjects: ["RU", "KZ"] },
    );

    const agreesWithUncached = (cases: [unknown, unknown, Record<string, string> | undefined | null, ClassificationSettings][]) => {
        // Twice over: the second pass reads every answer back from the cache.
        for (let pass = 0; pass < 2; pass++) {
            for (const [props, prov, tags, s] of cases) {
                const i = input(props, prov, tags ?? undefined);
                expect(classify(i, s)).toEqual(classifyUncached(i, s));
            }
        }
    };

    it("gives the uncached answer for inputs that share classification tags in different surroundings", () => {
        fc.assert(fc.property(fc.array(fc.tuple(smallProps, smallProvider, smallStackTags, settingsArb), { minLength: 2, maxLength: 12 }), agreesWithUncached), {
            numRuns: Math.max(200, FUZZ_RUNS),
            seed: FUZZ_SEED,
        });
    });

    it("gives the uncached answer for arbitrary inputs", () => {
        const one = fc.tuple(resourceProps, providerProps, fc.option(stackTags, { nil: undefined }), settingsArb);
        fc.assert(fc.property(fc.array(one, { minLength: 1, maxLength: 6 }), agreesWithUncached), { numRuns: Math.max(100, Math.floor(FUZZ_RUNS / 2)), seed: FUZZ_SEED });
    });

    it("shares one answer between resources whose classification tags are the same, whatever their other tags", () => {
        const a = classify(input({ tags: { "user-data": "personal", "data-subjects": "RU", Name: "orders-1" } }), DEFAULT_CLASSIFICATION_SETTINGS);
        const b = classify(input({ tags: { "user-data": "personal", "data-subjects": "RU", Name: "orders-2" } }), DEFAULT_CLASSIFICATION_SETTINGS);
        expect(b).toBe(a);
    });

    it("keeps apart tag sets that differ only in where a tag is, in a disguised key, or in separator-like characters", () => {
        const s = DEFAULT_CLASSIFICATION_SETTINGS;
        const inTags = classify(input({ tags: { "user-data": "personal" } }), s);
        const inLabels = classify(input({ labels: { "user-data": "personal" } }), s);
        expect(inLabels).not.toBe(inTags);
        expect(inLabels.categoriesFrom).toBe('tag "user-data" in labels');

        // U+0251 LATIN SMALL LETTER ALPHA is not in the look-alike list: the key is still read, and noted.
        const disguised = classify(input({ tags: { "user-d\u0251ta": "none", "user-data": "none" } }), s);
        expect(disguised.lookalikes).toHaveLength(1);
        expect(classify(input({ tags: { "user-data": "none" } }), s).lookalikes).toEqual([]);

        // Values that would collide if the cache key were the parts joined with a separator.
        const x = classify(input({ tags: { "user-data": "1:x", "data-subjects": "RU" } }), s);
        const y = classify(input({ tags: { "user-data": "1", "data-subjects": "x:RU" } }), s);
        expect(x.unrecognisedCategories).toEqual(["1", "x"]);
        expect(y.unrecognisedCategories).toEqual(["1"]);
        expect(y.unrecognisedSubjects).toEqual(["x"]);
    });

    it("reads the stack's subjects tag and the settings as part of the answer", () => {
        const props = { tags: { "user-data": "personal" } };
        expect(classify(input(props, undefined, { "data-subjects": "DE" }), DEFAULT_CLASSIFICATION_SETTINGS).russianSubjects).toBe("no");
        expect(classify(input(props, undefined, { "data-subjects": "RU" }), DEFAULT_CLASSIFICATION_SETTINGS).russianSubjects).toBe("yes");
        expect(classify(input(props), { ...DEFAULT_CLASSIFICATION_SETTINGS, defaultSubjects: ["DE"] }).russianSubjects).toBe("no");
        expect(classify(input(props), DEFAULT_CLASSIFICATION_SETTINGS).russianSubjects).toBe("yes");
    });

    it("follows a settings object changed in place, rather than serving answers for what it held before", () => {
        const settings = { categoriesTagKey: "user-data", subjectsTagKey: "data-subjects", defaultSubjects: ["*"] };
        const i = input({ tags: { "user-data": "personal", cls: "none" } });
        expect(classify(i, settings).categoriesFrom).toBe('tag "user-data" in tags');
        settings.categoriesTagKey = "cls";
        expect(classify(i, settings)).toEqual(classifyUncached(i, settings));
        expect(classify(i, settings).personal).toBe("no");
        settings.categoriesTagKey = "user-data";
        expect(classify(i, settings).russianPersonalData).toBe("yes");
        settings.defaultSubjects.splice(0, 1, "DE");
        expect(classify(i, settings).russianPersonalData).toBe("no");
        expect(classify(i, settings)).toEqual(classifyUncached(i, settings));
    });

    it("hands out frozen answers, so one caller cannot change another's", () => {
        const c = classify(input({ tags: { "user-data": "personal, biometric" } }), DEFAULT_CLASSIFICATION_SETTINGS);
        expect(Object.isFrozen(c)).toBe(true);
        expect(Object.isFrozen(c.categories)).toBe(true);
        expect(() => (c.categories as string[]).push("none")).toThrow(TypeError);
    });

    it("stays bounded on a stack where every resource has its own classification tags, and stays right past the bound", () => {
        const s = DEFAULT_CLASSIFICATION_SETTINGS;
        const first = input({ tags: { "user-data": "personal", "data-subjects": "DE" } });
        const before = classify(first, s);
        let max = 0;
        for (let i = 0; i < 30_000; i++) {
            const i2 = input({ tags: { "user-data": `personal-${i}`, "data-subjects": `x${i}` } });
            const c = classify(i2, s);
            if (i % 5_000 === 0) expect(c).toEqual(classifyUncached(i2, s));
            max = Math.max(max, classificationCacheNodes());
        }
        expect(max).toBeLessThanOrEqual(50_000);
        expect(classify(first, s)).toEqual(before);
    });

    it("does not cache a tag set too large to be worth holding", () => {
        const long = "personal ".repeat(600);
        const a = classify(input({ tags: { "user-data": long } }), DEFAULT_CLASSIFICATION_SETTINGS);
        const b = classify(input({ tags: { "user-data": long } }), DEFAULT_CLASSIFICATION_SETTINGS);
        expect(b).not.toBe(a);
        expect(b).toEqual(a);
    });
});
