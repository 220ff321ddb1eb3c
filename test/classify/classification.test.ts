import { describe, expect, it } from "vitest";
import { classify, DEFAULT_CLASSIFICATION_SETTINGS, readSubjects } from "../../policypack/src/classify/classification";
import { canonicalKey, foldText, tokens } from "../../policypack/src/classify/text";

import { UNKNOWN } from "../../policypack/src/values";
const c = (props: unknown, providerProps?: unknown, stackTags?: Record<string, string>, settings = DEFAULT_CLASSIFICATION_SETTINGS) =>
    classify({ props, providerProps, stackTags: stackTags ? new Map(Object.entries(stackTags)) : undefined }, settings);

describe("tag grammar", () => {
    it("splits values on every character that is not a letter, digit or *", () => {
        expect(tokens("personal, biometric").tokens).toEqual(["personal", "biometric"]);
        expect(tokens("personal_biometric").tokens).toEqual(["personal", "biometric"]);
        expect(tokens("kz_ru").tokens).toEqual(["kz", "ru"]);
        expect(tokens(" RU;KZ|*").tokens).toEqual(["ru", "kz", "*"]);
        expect(tokens("").tokens).toEqual([]);
    });

    it("reads keys without case, separators or surrounding spaces", () => {
        for (const k of ["user-data", "User-Data", " user_data ", "UserData", "USER DATA"]) expect(canonicalKey(k).text).toBe("userdata");
    });

    it("reads look-alike and invisible characters as what they look like, and records them", () => {
        const folded = foldText("user-d\u0430ta\u200b");
        expect(folded.text).toBe("user-data");
        expect(folded.lookalikes.map((l) => l.description)).toEqual(["U+0430 CYRILLIC SMALL LETTER A", "U+200B ZERO WIDTH SPACE"]);
        expect(foldText("\uff55ser-data").text).toBe("user-data");
    });
});

describe("categories", () => {
    it.each([
        ["personal", "yes"],
        ["special", "yes"],
        ["biometric", "yes"],
        ["public", "yes"],
        ["depersonalized", "yes"],
        ["anonymous", "no"],
        ["none", "no"],
        ["none, personal", "yes"],
        ["pii", "yes"],
        ["", "yes"],
    ])("user-data %j → personal %s", (value, personal) => {
        expect(c({ tags: { "user-data": value } }).personal).toBe(personal);
    });

    it("reports unrecognised tokens and reads them as personal data", () => {
        const r = c({ tags: { "user-data": "pii, none" } });
        expect(r.unrecognisedCategories).toEqual(["pii"]);
        expect(r.categories).toEqual(["none"]);
        expect(r.personal).toBe("yes");
    });

    it("an untagged resource holds no declared personal data", () => {
        expect(c({}).personal).toBe("no");
        expect(c({}).tagged).toBe(false);
    });
});

describe("where tags come from", () => {
    it("tagsAll and the provider's defaultTags (JSON string or object)", () => {
        expect(c({ tagsAll: { "user-data": "personal" } }).categoriesFrom).toBe('tag "user-data" in tagsAll');
        expect(c({}, { defaultTags: JSON.stringify({ tags: { "user-data": "personal" } }) }).categoriesFrom).toBe('tag "user-data" in provider defaultTags.tags');
        expect(c({}, { defaultTags: { tags: { "user-data": "personal" } } }).personal).toBe("yes");
    });

    it("a resource tag overrides the provider default, as AWS merges them", () => {
        const r = c({ tags: { "user-data": "none" } }, { defaultTags: JSON.stringify({ tags: { "user-data": "personal" } }) });
        expect(r.personal).toBe("no");
        expect(r.categoriesFrom).toBe('tag "user-data" in tags');
    });

    it("a tag map given as a JSON string, and as a list of key/value pairs", () => {
        expect(c({ tags: JSON.stringify({ "user-data": "personal" }) }).personal).toBe("yes");
        expect(c({ tags: [{ key: "user-data", value: "personal", propagateAtLaunch: true }] }).personal).toBe("yes");
    });

    it("configured tag keys", () => {
        const settings = { ...DEFAULT_CLASSIFICATION_SETTINGS, categoriesTagKey: "pd-class", subjectsTagKey: "pd-subjects" };
        const r = c({ tags: { "pd-class": "personal", "pd-subjects": "DE" } }, undefined, undefined, settings);
        expect([r.personal, r.subjects, r.russianPersonalData]).toEqual(["yes", ["DE"], "no"]);
    });
});

describe("subjects", () => {
    it("accepts ISO alpha-2 and alpha-3 codes and the every-country words", () => {
        expect(readSubjects(["ru"])).toEqual({ subjects: ["RU"], unrecognised: [], russian: true });
        expect(readSubjects(["rus"]).subjects).toEqual(["RU"]);
        expect(readSubjects(["de", "fra"])).toEqual({ subjects: ["DE", "FR"], unrecognised: [], russian: false });
        for (const all of ["*", "all", "any", "global"]) expect(readSubjects([all]).subjects).toEqual(["*"]);
    });

    it("reads anything unrecognised, and an empty value, as possibly Russian", () => {
        expect(readSubjects(["russia"])).toEqual({ subjects: [], unrecognised: ["russia"], russian: true });
        expect(readSubjects([]).russian).toBe(true);
    });

    it("falls back to the stack tag, then to the configured default (every country)", () => {
        expect(c({ tags: { "user-data": "personal" } }, undefined, { "data-subjects": "KZ" }).russianPersonalData).toBe("no");
        expect(c({ tags: { "user-data": "personal" } }, undefined, { "data-subjects": "KZ" }).subjectsFrom).toBe('stack tag "data-subjects"');
        const d = c({ tags: { "user-data": "personal" } });
        expect([d.subjects, d.subjectsFrom, d.russianPersonalData]).toEqual([["*"], "the pack's default (defaultSubjects)", "yes"]);
    });
});

describe("unknown values (preview)", () => {
    it("an unknown category value leaves the classification unknown, and says which", () => {
        const r = c({ tags: { "user-data": UNKNOWN, "data-subjects": "RU" } });
        expect(r.russianPersonalData).toBe("unknown");
        expect(r.unknowns).toEqual(['the value of tag "user-data" in tags is not known yet']);
    });

    it("an unknown tag map above a known personal default is still personal (fail closed)", () => {
        const r = c({ tags: UNKNOWN }, { defaultTags: JSON.stringify({ tags: { "user-data": "personal" } }) });
        expect(r.personal).toBe("yes");
    });

    it("an unknown tag map with nothing else is unknown", () => {
        const r = c({ tags: UNKNOWN });
        expect(r.personal).toBe("unknown");
        expect(r.unknowns).toEqual(["tags is not known yet"]);
    });

    it("unknown subjects only matter when the known ones exclude Russia", () => {
        expect(c({ tags: { "user-data": "personal", "data-subjects": UNKNOWN } }).russianPersonalData).toBe("unknown");
    });
});
