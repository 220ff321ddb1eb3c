// What classify() answers, field by field, for the tag shapes a stack meets: where each tag was
// found, which sources were unknown or unreadable, look-alike characters in keys and values,
// values too long to quote, and the words describeCategories/describeSubjects put in messages.
import { describe, expect, it } from "vitest";
import {
    Classification,
    ClassificationSettings,
    classify,
    classifyUncached,
    DEFAULT_CLASSIFICATION_SETTINGS,
    describeCategories,
    describeSubjects,
    quoteList,
    readSubjects,
} from "../../policypack/src/classify/classification";
import { UNKNOWN } from "../../policypack/src/values";

const S = DEFAULT_CLASSIFICATION_SETTINGS;
const c = (props: unknown, providerProps?: unknown, stack?: ReadonlyMap<string, string> | Record<string, string>, type?: string, settings: ClassificationSettings = S) =>
    classify({ type, props, providerProps, stackTags: stack instanceof Map ? stack : stack ? new Map(Object.entries(stack)) : undefined }, settings);

/** An untagged resource with no subjects tag anywhere: the answer every other case is told apart from. */
const UNTAGGED: Classification = {
    tagged: false,
    personal: "no",
    categories: [],
    unrecognisedCategories: [],
    subjects: ["*"],
    unrecognisedSubjects: [],
    subjectsFrom: "the pack's default (defaultSubjects)",
    subjectsSource: "default",
    russianSubjects: "yes",
    russianPersonalData: "no",
    unknowns: [],
    lookalikes: [],
    ambiguousCategories: [],
    ambiguousSubjects: [],
    hiddenCategories: 0,
    hiddenSubjects: 0,
};
const fromTags = { tagged: true, categoriesFrom: 'tag "user-data" in tags', categoriesSource: "resource" } as const;
const subjectsFromTags = { subjectsFrom: 'tag "data-subjects" in tags', subjectsSource: "resource" } as const;
const INSTANCE = "aws:ec2/instance:Instance";

describe("an untagged resource", () => {
    it("holds no declared personal data, and its subjects are the pack's default", () => {
        const r = c({ tags: { Name: "orders" } });
        expect(r).toEqual(UNTAGGED);
        expect("categoriesSource" in r).toBe(false);
        expect(describeCategories(r)).toBe("an empty value (read as personal data)");
        expect(describeSubjects(r)).toBe("every country");
    });

    it("with a configured default of no subjects reads as every country, and says so", () => {
        const r = c({ tags: { "user-data": "personal" } }, undefined, undefined, undefined, { ...S, defaultSubjects: [] });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, personal: "yes", categories: ["personal"], subjects: [], russianPersonalData: "yes" });
        expect(describeSubjects(r)).toBe("an empty value (read as every country)");
    });

    it("a value not known yet is described as not known yet, not as an empty value", () => {
        const cat = c({ tags: { "user-data": UNKNOWN, "data-subjects": "RU" } });
        expect([cat.personal, describeCategories(cat)]).toEqual(["unknown", "not known yet"]);
        const subj = c({ tags: { "user-data": "personal", "data-subjects": UNKNOWN } });
        expect([subj.russianSubjects, describeSubjects(subj)]).toEqual(["unknown", "not known yet"]);
        // An empty value is still one: read as personal data, and as every country.
        expect(describeCategories(c({ tags: { "user-data": "", "data-subjects": "RU" } }))).toBe("an empty value (read as personal data)");
        expect(describeSubjects(c({ tags: { "user-data": "personal", "data-subjects": "" } }))).toBe("an empty value (read as every country)");
    });

    it("reads each configured default subject as a tag value", () => {
        const r = c({ tags: { "user-data": "personal" } }, undefined, undefined, undefined, { ...S, defaultSubjects: ["DE, fr", "KZ"] });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, personal: "yes", categories: ["personal"], subjects: ["DE", "FR", "KZ"], russianSubjects: "no" });
    });
});

describe("categories", () => {
    it("an empty tag is personal data (fail closed)", () => {
        const r = c({ tags: { "user-data": " , " } });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, personal: "yes", russianPersonalData: "yes" });
        expect(describeCategories(r)).toBe("an empty value (read as personal data)");
    });

    it("none and anonymous are not personal; repeated words are listed once", () => {
        expect(c({ tags: { "user-data": "none, anonymous, none" } })).toEqual({ ...UNTAGGED, ...fromTags, categories: ["none", "anonymous"] });
        expect(c({ tags: { "user-data": "personal biometric personal" } })).toEqual({ ...UNTAGGED, ...fromTags, personal: "yes", categories: ["personal", "biometric"], russianPersonalData: "yes" });
    });

    it("unrecognised words are personal data, listed once and described", () => {
        const r = c({ tags: { "user-data": "pii pii none" } });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, personal: "yes", categories: ["none"], unrecognisedCategories: ["pii"], russianPersonalData: "yes" });
        expect(describeCategories(r)).toBe('none, "pii" (not a known category, read as personal data)');
    });

    it("a personal word in a known value is personal whatever an unknown source holds, and the unknown is not reported", () => {
        const r = c({ tags: { "user-data": "personal" }, labels: UNKNOWN });
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            categoriesFrom: 'tag "user-data" in tags',
            categoriesSource: "resource",
            personal: "yes",
            categories: ["personal"],
            russianPersonalData: "yes",
        });
    });

    it('a "none" beside an unknown source is unknown, and the unknown source is named', () => {
        const r = c({ tags: { "user-data": "none" }, labels: UNKNOWN });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, personal: "unknown", categories: ["none"], russianPersonalData: "unknown", unknowns: ["labels is not known yet"] });
    });

    it("an unreadable source beside a none is unknown, and says it cannot be read", () => {
        const r = c({ tags: { "user-data": "none" }, labels: "not json" });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, personal: "unknown", categories: ["none"], russianPersonalData: "unknown", unknowns: ["labels (a string that is not JSON) cannot be read"] });
    });

    it("an unknown source with no categories tag anywhere is unknown", () => {
        const r = c({ tags: { Name: "x" }, metadata: { labels: UNKNOWN } });
        expect(r).toEqual({ ...UNTAGGED, personal: "unknown", russianPersonalData: "unknown", unknowns: ["metadata.labels is not known yet"] });
    });

    it("an empty value beside an unknown source is unknown: the source may hold a none", () => {
        const r = c({ tags: { "user-data": "" }, labels: UNKNOWN });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, personal: "unknown", russianPersonalData: "unknown", unknowns: ["labels is not known yet"] });
    });

    it("an unknown source that may hold both tags is reported once", () => {
        const r = c({ tags: { Name: "x" }, labels: UNKNOWN }, undefined, { "data-subjects": "DE" });
        expect(r).toEqual({
            ...UNTAGGED,
            personal: "unknown",
            subjects: ["DE"],
            subjectsFrom: 'stack tag "data-subjects"',
            subjectsSource: "stack tag",
            russianSubjects: "unknown",
            russianPersonalData: "unknown",
            unknowns: ["labels is not known yet"],
        });
    });

    it("an unknown value is unknown, and the same unknown is reported once", () => {
        const r = c({ tags: { "user-data": UNKNOWN, "User Data": UNKNOWN } });
        expect(r).toEqual({
            ...UNTAGGED,
            ...fromTags,
            personal: "unknown",
            russianPersonalData: "unknown",
            unknowns: ['the value of tag "user-data" in tags is not known yet', 'the value of tag "User Data" in tags is not known yet'],
        });
    });
});

describe("layers", () => {
    it("the provider's default tags, when the resource has none", () => {
        const r = c({}, { defaultTags: { tags: { "user-data": "none", "data-subjects": "DE" } } });
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            categories: ["none"],
            categoriesFrom: 'tag "user-data" in provider defaultTags.tags',
            categoriesSource: "provider",
            subjects: ["DE"],
            subjectsFrom: 'tag "data-subjects" in provider defaultTags.tags',
            subjectsSource: "provider",
            russianSubjects: "no",
        });
    });

    it("tagsAll is the resource's, not the provider's", () => {
        const r = c({ tagsAll: { "user-data": "personal", "data-subjects": "KZ" } });
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            personal: "yes",
            categories: ["personal"],
            categoriesFrom: 'tag "user-data" in tagsAll',
            categoriesSource: "resource",
            subjects: ["KZ"],
            subjectsFrom: 'tag "data-subjects" in tagsAll',
            subjectsSource: "resource",
            russianSubjects: "no",
        });
    });

    it("an unknown resource tag map above a provider none makes the none unknown", () => {
        const r = c({ tags: UNKNOWN }, { defaultTags: { tags: { "user-data": "none" } } });
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            categories: ["none"],
            categoriesFrom: 'tag "user-data" in provider defaultTags.tags',
            categoriesSource: "provider",
            personal: "unknown",
            russianPersonalData: "unknown",
            unknowns: ["tags is not known yet"],
        });
    });

    it("the same tag in two sources of one layer: both values are read, and both sources named", () => {
        const r = c({ tags: { "user-data": "none" }, labels: { user_data: "biometric" } });
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            personal: "yes",
            categories: ["none", "biometric"],
            categoriesFrom: 'tag "user-data" in tags and labels',
            categoriesSource: "resource",
            russianPersonalData: "yes",
        });
    });
});

describe("tags on parts of a resource", () => {
    it("add to the resource's own none, and are named beside it", () => {
        const r = c({ tags: { "user-data": "none" }, volumeTags: { "user-data": "biometric" } }, undefined, undefined, INSTANCE);
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            personal: "yes",
            categories: ["none", "biometric"],
            categoriesFrom: 'tag "user-data" in tags and volumeTags',
            categoriesSource: "resource",
            russianPersonalData: "yes",
        });
    });

    it("a part's none does not undo the provider's personal, and the provider still decides", () => {
        const r = c({ volumeTags: { "user-data": "none" } }, { defaultTags: { tags: { "user-data": "personal" } } }, undefined, INSTANCE);
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            personal: "yes",
            categories: ["personal", "none"],
            categoriesFrom: 'tag "user-data" in provider defaultTags.tags and volumeTags',
            categoriesSource: "provider",
            russianPersonalData: "yes",
        });
    });

    it("on their own, are the resource's tags; two parts with one tag are named once each", () => {
        const r = c({ ebsBlockDevices: [{ tags: { "user-data": "none" } }, { tags: { "user-data": "none" } }] }, undefined, undefined, INSTANCE);
        expect(r).toEqual({ ...UNTAGGED, tagged: true, categories: ["none"], categoriesFrom: 'tag "user-data" in ebsBlockDevices[0].tags and ebsBlockDevices[1].tags', categoriesSource: "resource" });
    });

    it("a part's unknown value, with nothing deciding above, is unknown", () => {
        const r = c({ rootBlockDevice: { tags: { "user-data": UNKNOWN } } }, undefined, undefined, INSTANCE);
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            personal: "unknown",
            categoriesFrom: 'tag "user-data" in rootBlockDevice.tags',
            categoriesSource: "resource",
            russianPersonalData: "unknown",
            unknowns: ['the value of tag "user-data" in rootBlockDevice.tags is not known yet'],
        });
    });

    it("a part's unknown value makes the resource's none unknown", () => {
        const r = c({ tags: { "user-data": "none" }, rootBlockDevice: { tags: { "user-data": UNKNOWN } } }, undefined, undefined, INSTANCE);
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            personal: "unknown",
            categories: ["none"],
            categoriesFrom: 'tag "user-data" in tags and rootBlockDevice.tags',
            categoriesSource: "resource",
            russianPersonalData: "unknown",
            unknowns: ['the value of tag "user-data" in rootBlockDevice.tags is not known yet'],
        });
    });

    it("a part's none beside an unknown source, with nothing deciding above, is unknown", () => {
        const r = c({ tags: UNKNOWN, volumeTags: { "user-data": "none" } }, undefined, undefined, INSTANCE);
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            personal: "unknown",
            categories: ["none"],
            categoriesFrom: 'tag "user-data" in volumeTags',
            categoriesSource: "resource",
            russianPersonalData: "unknown",
            unknowns: ["tags is not known yet"],
        });
    });

    it("a part that is unknown as a whole, with no categories tag anywhere, is unknown", () => {
        const r = c({ volumeTags: UNKNOWN }, undefined, undefined, INSTANCE);
        expect(r).toEqual({ ...UNTAGGED, personal: "unknown", russianPersonalData: "unknown", unknowns: ["volumeTags is not known yet"] });
    });
});

describe("subjects", () => {
    it("the resource's tag wins over the stack's", () => {
        const r = c({ tags: { "user-data": "personal", "data-subjects": "DE" } }, undefined, { "data-subjects": "RU" });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, ...subjectsFromTags, personal: "yes", categories: ["personal"], subjects: ["DE"], russianSubjects: "no" });
    });

    it("the stack's tag, found under any spelling of the key, and named as written", () => {
        const stack = new Map<string, string>([
            ["Name", "x"],
            ["Data Subjects", "DE KZ"],
        ]);
        const r = c({ tags: { "user-data": "personal" } }, undefined, stack);
        expect(r).toEqual({
            ...UNTAGGED,
            ...fromTags,
            personal: "yes",
            categories: ["personal"],
            subjects: ["DE", "KZ"],
            subjectsFrom: 'stack tag "Data Subjects"',
            subjectsSource: "stack tag",
            russianSubjects: "no",
        });
    });

    it("a stack with no subjects tag leaves the default", () => {
        expect(c({ tags: { "user-data": "personal" } }, undefined, { other: "DE" })).toEqual({ ...UNTAGGED, ...fromTags, personal: "yes", categories: ["personal"], russianPersonalData: "yes" });
        expect(c({ tags: { "user-data": "personal" } }, undefined, new Map())).toEqual({ ...UNTAGGED, ...fromTags, personal: "yes", categories: ["personal"], russianPersonalData: "yes" });
    });

    it("a stack tags map that throws when read is read as no stack tag", () => {
        const throwing = new Map([["data-subjects", "DE"]]);
        throwing[Symbol.iterator] = () => {
            throw new Error("boom");
        };
        expect(c({ tags: { "user-data": "personal" } }, undefined, throwing)).toEqual({ ...UNTAGGED, ...fromTags, personal: "yes", categories: ["personal"], russianPersonalData: "yes" });
    });

    it("a stack map with a non-string entry skips it", () => {
        const odd = new Map<unknown, unknown>([
            ["data-subjects", 7],
            [7, "DE"],
            ["data_subjects", "KZ"],
        ]) as unknown as Map<string, string>;
        const r = c({ tags: { "user-data": "personal" } }, undefined, odd);
        expect([r.subjects, r.subjectsFrom]).toEqual([["KZ"], 'stack tag "data_subjects"']);
    });

    it("unrecognised subjects are possibly Russia, listed once and described", () => {
        const r = c({ tags: { "user-data": "personal", "data-subjects": "DE, russia, russia" } });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, ...subjectsFromTags, personal: "yes", categories: ["personal"], subjects: ["DE"], unrecognisedSubjects: ["russia"], russianPersonalData: "yes" });
        expect(describeSubjects(r)).toBe('DE, "russia" (not an ISO 3166-1 code, read as possibly Russia)');
    });

    it("the every-country words are one subject", () => {
        const r = c({ tags: { "user-data": "personal", "data-subjects": "all, any, global, *" } });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, ...subjectsFromTags, personal: "yes", categories: ["personal"], russianPersonalData: "yes" });
        expect(readSubjects(["de"])).toEqual({ subjects: ["DE"], unrecognised: [], russian: false });
        expect(readSubjects(["global", "de"])).toEqual({ subjects: ["*", "DE"], unrecognised: [], russian: true });
        expect(readSubjects(["rus", "de"])).toEqual({ subjects: ["RU", "DE"], unrecognised: [], russian: true });
        expect(readSubjects(["xx"])).toEqual({ subjects: [], unrecognised: ["xx"], russian: true });
        expect(readSubjects([])).toEqual({ subjects: [], unrecognised: [], russian: true });
    });

    it("an unknown subjects value beside known ones that exclude Russia is unknown, and named", () => {
        const r = c({ tags: { "user-data": "personal", "data-subjects": UNKNOWN }, labels: { "data-subjects": "DE" } });
        expect(r).toEqual({
            ...UNTAGGED,
            ...fromTags,
            personal: "yes",
            categories: ["personal"],
            subjects: ["DE"],
            subjectsFrom: 'tag "data-subjects" in tags and labels',
            subjectsSource: "resource",
            russianSubjects: "unknown",
            russianPersonalData: "unknown",
            unknowns: ['the value of tag "data-subjects" in tags is not known yet'],
        });
    });

    it("an unknown subjects value beside RU is Russia whatever it holds", () => {
        const r = c({ tags: { "user-data": "personal", "data-subjects": UNKNOWN }, labels: { "data-subjects": "RU" } });
        expect(r).toEqual({
            ...UNTAGGED,
            ...fromTags,
            personal: "yes",
            categories: ["personal"],
            subjects: ["RU"],
            subjectsFrom: 'tag "data-subjects" in tags and labels',
            subjectsSource: "resource",
            russianPersonalData: "yes",
        });
    });

    it("an unknown subjects value alone is unknown, not every country", () => {
        const r = c({ tags: { "user-data": "personal", "data-subjects": UNKNOWN } });
        expect(r).toEqual({
            ...UNTAGGED,
            ...fromTags,
            ...subjectsFromTags,
            personal: "yes",
            categories: ["personal"],
            subjects: [],
            russianSubjects: "unknown",
            russianPersonalData: "unknown",
            unknowns: ['the value of tag "data-subjects" in tags is not known yet'],
        });
    });

    it("an unknown source that may hold the subjects tag, above a stack tag that excludes Russia, is unknown", () => {
        const r = c({ tags: { "user-data": "personal" }, labels: UNKNOWN }, undefined, { "data-subjects": "DE" });
        expect(r).toEqual({
            ...UNTAGGED,
            ...fromTags,
            personal: "yes",
            categories: ["personal"],
            subjects: ["DE"],
            subjectsFrom: 'stack tag "data-subjects"',
            subjectsSource: "stack tag",
            russianSubjects: "unknown",
            russianPersonalData: "unknown",
            unknowns: ["labels is not known yet"],
        });
    });

    it("an unknown source above the default of every country is still every country", () => {
        const r = c({ tags: { "user-data": "personal" }, labels: UNKNOWN });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, personal: "yes", categories: ["personal"], russianPersonalData: "yes" });
    });

    it("non-Russian subjects with no personal data: no Russian personal data", () => {
        const r = c({ tags: { "user-data": "none", "data-subjects": "DE" } });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, ...subjectsFromTags, categories: ["none"], subjects: ["DE"], russianSubjects: "no" });
    });

    it("unknown categories and unknown subjects: unknown", () => {
        const r = c({ tags: { "user-data": UNKNOWN, "data-subjects": UNKNOWN } });
        expect([r.personal, r.russianSubjects, r.russianPersonalData, r.unknowns]).toEqual([
            "unknown",
            "unknown",
            "unknown",
            ['the value of tag "user-data" in tags is not known yet', 'the value of tag "data-subjects" in tags is not known yet'],
        ]);
    });

    it("unknown categories and non-Russian subjects: no Russian personal data", () => {
        const r = c({ tags: { "user-data": UNKNOWN, "data-subjects": "DE" } });
        expect([r.personal, r.russianSubjects, r.russianPersonalData]).toEqual(["unknown", "no", "no"]);
    });
});

describe("look-alike characters", () => {
    it("a disguised key is read, and the characters named", () => {
        const r = c({ tags: { "user-d\u0251ta": "personal" } });
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            personal: "yes",
            categories: ["personal"],
            categoriesFrom: 'tag "user-data" in tags',
            categoriesSource: "resource",
            russianPersonalData: "yes",
            lookalikes: ['Tag key "user-d\u0251ta" contains characters that are not what they seem: "\u0251" (U+0251, not in the pack\'s look-alike list) read as "a"'],
        });
    });

    it("a key in the look-alike list is read, and named", () => {
        const r = c({ tags: { "user-d\u0430ta": "personal" } });
        expect(r.lookalikes).toEqual(['Tag key "user-d\u0430ta" contains characters that are not what they seem: "\u0430" (U+0430 CYRILLIC SMALL LETTER A) read as "a"']);
        expect(r.personal).toBe("yes");
    });

    it('a disguised "none" is read as an unrecognised word: personal data', () => {
        const r = c({ tags: { "user-data": "n\u043ene" } });
        expect(r).toEqual({
            ...UNTAGGED,
            ...fromTags,
            personal: "yes",
            russianPersonalData: "yes",
            ambiguousCategories: ["none"],
            lookalikes: ['The value of tag "user-data" "n\u043ene" contains characters that are not what they seem: "\u043e" (U+043E CYRILLIC SMALL LETTER O) read as "o"'],
        });
        expect(describeCategories(r)).toBe('"none" (spelled with look-alike characters, read as personal data)');
    });

    it('a plain "none" beside a disguised one is still the plain one', () => {
        const r = c({ tags: { "user-data": "none" }, labels: { "user-data": "n\u043ene" } });
        expect([r.categories, r.ambiguousCategories, r.personal]).toEqual([[], ["none"], "yes"]);
    });

    it('a disguised "personal" is personal, and not ambiguous', () => {
        const r = c({ tags: { "user-data": "pers\u043enal none" } });
        expect([r.categories, r.ambiguousCategories, r.unrecognisedCategories, r.personal]).toEqual([["personal", "none"], [], [], "yes"]);
    });

    it('a disguised "RU" in Cyrillic (which folds to PY, Paraguay) is possibly Russia', () => {
        const r = c({ tags: { "user-data": "personal", "data-subjects": "\u0420\u0423" } });
        expect(r).toEqual({
            ...UNTAGGED,
            ...fromTags,
            ...subjectsFromTags,
            personal: "yes",
            categories: ["personal"],
            subjects: [],
            russianPersonalData: "yes",
            ambiguousSubjects: ["py"],
            lookalikes: [
                'The value of tag "data-subjects" "\u0420\u0423" contains characters that are not what they seem: "\u0420" (U+0420 CYRILLIC CAPITAL LETTER ER) read as "P", "\u0423" (U+0423 CYRILLIC CAPITAL LETTER U) read as "Y"',
            ],
        });
        expect(describeSubjects(r)).toBe('"py" (spelled with look-alike characters, read as possibly Russia)');
    });

    it("a disguised RU and a disguised every-country word are what they look like", () => {
        const ru = c({ tags: { "user-data": "personal", "data-subjects": "\uff32U DE" } });
        expect([ru.subjects, ru.ambiguousSubjects, ru.russianSubjects]).toEqual([["RU", "DE"], [], "yes"]);
        const all = c({ tags: { "user-data": "personal", "data-subjects": "\u0430ll" } });
        expect([all.subjects, all.ambiguousSubjects]).toEqual([["*"], []]);
    });

    it("a disguised subject in the stack tag is possibly Russia", () => {
        const r = c({ tags: { "user-data": "personal" } }, undefined, { "data-subjects": "\u0420\u0423" });
        expect([r.subjects, r.ambiguousSubjects, r.russianSubjects, r.subjectsSource]).toEqual([[], ["py"], "yes", "stack tag"]);
    });

    it("plain subjects beside a look-alike elsewhere in the value are plain", () => {
        const r = c({ tags: { "user-data": "personal", "data-subjects": "D\u0415 KZ" } });
        expect([r.subjects, r.ambiguousSubjects, r.russianSubjects]).toEqual([["KZ"], ["de"], "yes"]);
    });

    it("at most five look-alike notes, then a count of the rest", () => {
        const layerTags = {
            "user-d\u0251ta": "personal",
            "us\u0251r-data": "personal",
            "user-d\u0430ta": "personal",
            "user-dat\u0251": "personal",
            "\u0251ser-data": "personal",
            "user-d\u0251t\u0251": "personal",
        };
        const r = c({ tags: layerTags, labels: { "user-data": "p\u0435rsonal" } });
        expect(r.lookalikes).toHaveLength(6);
        expect(r.lookalikes[5]).toBe("2 more tag keys or values contain characters that are not what they seem (not listed)");
        const five = c({ tags: { "user-d\u0251ta": "personal", "us\u0251r-data": "personal", "user-d\u0430ta": "personal", "user-dat\u0251": "personal", "\u0251ser-data": "personal" } });
        expect(five.lookalikes).toHaveLength(5);
        expect(five.lookalikes.every((l) => l.startsWith("Tag key "))).toBe(true);
    });
});

describe("values too long to show", () => {
    const long = (words: string) => `${words}${" personal".repeat(10)}`;

    it("unrecognised words in a long value are counted, never quoted", () => {
        const value = long("secret-word");
        const r = c({ tags: { "user-data": value, "data-subjects": "RU" } });
        expect(r).toEqual({ ...UNTAGGED, ...fromTags, ...subjectsFromTags, personal: "yes", categories: ["personal"], subjects: ["RU"], russianPersonalData: "yes", hiddenCategories: 2 });
        expect(describeCategories(r)).toBe("personal, 2 unknown word(s) in a value too long to show (read as personal data)");
    });

    it("a value of exactly the longest shown length is shown", () => {
        const value = `pii${" ".repeat(61)}`;
        expect(value.length).toBe(64);
        const r = c({ tags: { "user-data": value } });
        expect([r.unrecognisedCategories, r.hiddenCategories]).toEqual([["pii"], 0]);
        const over = c({ tags: { "user-data": `${value} ` } });
        expect([over.unrecognisedCategories, over.hiddenCategories]).toEqual([[], 1]);
    });

    it("a word that is also in a long value is counted, not quoted, even where a short value has it", () => {
        const r = c({ tags: { "user-data": "pii" }, labels: { "user-data": long("pii") } });
        expect([r.unrecognisedCategories, r.hiddenCategories]).toEqual([[], 1]);
    });

    it("a disguised none in a long value is counted, and the value is not shown in the note", () => {
        const value = long("n\u043ene");
        const r = c({ tags: { "user-data": value } });
        expect([r.ambiguousCategories, r.hiddenCategories, r.categories]).toEqual([[], 1, ["personal"]]);
        expect(r.lookalikes).toEqual([
            `The value of tag "user-data" (a value of ${value.length} characters, not shown) contains characters that are not what they seem: "\u043e" (U+043E CYRILLIC SMALL LETTER O) read as "o"`,
        ]);
    });

    it("unrecognised and disguised subjects in a long value are counted, never quoted", () => {
        const value = `\u0420\u0423 russia${" DE".repeat(30)}`;
        const r = c({ tags: { "user-data": "personal", "data-subjects": value } });
        expect([r.subjects, r.unrecognisedSubjects, r.ambiguousSubjects, r.hiddenSubjects, r.russianSubjects]).toEqual([["DE"], [], [], 2, "yes"]);
        expect(describeSubjects(r)).toBe("DE, 2 unknown word(s) in a value too long to show (read as possibly Russia)");
    });

    it("a subject that is also in a long value is counted, not quoted, even where a short value has it", () => {
        const r = c({ tags: { "user-data": "personal", "data-subjects": "russia" }, labels: { "data-subjects": `russia${" DE".repeat(30)}` } });
        expect([r.unrecognisedSubjects, r.hiddenSubjects]).toEqual([[], 1]);
    });
});

describe("describing a classification", () => {
    it("lists every part, in order", () => {
        const r = c({
            tags: { "user-data": "personal anonymous pii n\u043ene", "data-subjects": "* xx \u0420\u0423" },
            labels: { "user-data": `zz${" personal".repeat(10)}`, "data-subjects": `yy${" DE".repeat(30)}` },
        });
        expect(describeCategories(r)).toBe(
            'personal, anonymous, "pii" (not a known category, read as personal data), "none" (spelled with look-alike characters, read as personal data), 1 unknown word(s) in a value too long to show (read as personal data)',
        );
        expect(describeSubjects(r)).toBe(
            'every country, DE, "xx" (not an ISO 3166-1 code, read as possibly Russia), "py" (spelled with look-alike characters, read as possibly Russia), 1 unknown word(s) in a value too long to show (read as possibly Russia)',
        );
    });

    it("quotes at most ten words, then counts the rest", () => {
        const words = Array.from({ length: 12 }, (_, i) => `w${i}`);
        expect(quoteList(words)).toBe('"w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9" and 2 more');
        expect(quoteList(words.slice(0, 10))).toBe('"w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9"');
        expect(quoteList(words.slice(0, 3), 2)).toBe('"w0", "w1" and 1 more');
        expect(quoteList([])).toBe("");
    });
});

describe("configured keys", () => {
    it("a custom categories key is named as configured, and the default key is ignored", () => {
        const settings = { categoriesTagKey: "PD Class", subjectsTagKey: "pd-subjects", defaultSubjects: ["DE"] };
        const r = c({ tags: { pd_class: "personal", "user-data": "none", PDSubjects: "KZ" } }, undefined, undefined, undefined, settings);
        expect(r).toEqual({
            ...UNTAGGED,
            tagged: true,
            personal: "yes",
            categories: ["personal"],
            categoriesFrom: 'tag "PD Class" in tags',
            categoriesSource: "resource",
            subjects: ["KZ"],
            subjectsFrom: 'tag "pd-subjects" in tags',
            subjectsSource: "resource",
            russianSubjects: "no",
        });
    });

    it("two settings that differ only in their default subjects give their own answers, each time", () => {
        const props = { tags: { "user-data": "personal" } };
        const settings = [
            { ...S, defaultSubjects: ["DE"] },
            { ...S, defaultSubjects: ["DE", "RU"] },
            { ...S, defaultSubjects: ["RU"] },
            { ...S, subjectsTagKey: "who" },
            { ...S, categoriesTagKey: "what" },
            { ...S, defaultSubjects: ["KZ"] },
        ];
        const want = [
            ["DE", "no"],
            ["DE,RU", "yes"],
            ["RU", "yes"],
            ["*", "yes"],
            ["*", "no"],
            ["KZ", "no"],
        ];
        for (let pass = 0; pass < 3; pass++) {
            settings.forEach((s, i) => {
                const r = c(props, undefined, undefined, undefined, s);
                expect([r.subjects.join(","), r.russianPersonalData]).toEqual(want[i]);
            });
        }
    });

    it("settings whose keys and default subjects would run together are kept apart", () => {
        const props = { tags: { x: "personal" } };
        const first = c(props, undefined, undefined, undefined, { categoriesTagKey: "x", subjectsTagKey: "y", defaultSubjects: ["DE"] });
        const second = c(props, undefined, undefined, undefined, { categoriesTagKey: "x", subjectsTagKey: "yD", defaultSubjects: ["E"] });
        expect([first.subjects, first.unrecognisedSubjects, first.russianPersonalData]).toEqual([["DE"], [], "no"]);
        expect([second.subjects, second.unrecognisedSubjects, second.russianPersonalData]).toEqual([[], ["e"], "yes"]);
    });

    it("an equal settings object, not the same one, is served the same answer", () => {
        const props = { tags: { "user-data": "personal", "data-subjects": "DE" } };
        const a = c(props, undefined, undefined, undefined, { ...S, defaultSubjects: ["KZ"] });
        const b = c(props, undefined, undefined, undefined, { ...S, defaultSubjects: ["KZ"] });
        expect(b).toBe(a);
    });
});

describe("the cache", () => {
    const input = (props: unknown, stack?: Record<string, string>) => ({ props, providerProps: undefined, stackTags: stack ? new Map(Object.entries(stack)) : undefined });

    it("keeps apart inputs that differ in the stack's subjects tag, its key, an unknown value, or a part layer", () => {
        const cases = [
            input({ tags: { "user-data": "personal" } }, { "data-subjects": "DE" }),
            input({ tags: { "user-data": "personal" } }, { "data-subjects": "RU" }),
            input({ tags: { "user-data": "personal" } }, { DataSubjects: "DE" }),
            input({ tags: { "user-data": "personal" } }),
            input({ tags: { "user-data": UNKNOWN } }),
            input({ tags: { "user-data": "" } }),
            input({ tags: { "user-data": "none" }, labels: UNKNOWN }),
            input({ tags: { "user-data": "none" }, labels: "not json" }),
            input({ tags: { "user-data": "none" }, metadata: { labels: UNKNOWN } }),
            input({ tags: { "user-data": "none" } }),
            input({ tags: { "user-data": "none", "data-subjects": "DE" } }),
            input({ tags: { "user-data": "none", "data-subjects": "RU" } }),
            input({ tags: { "user-data": "none", DataSubjects: "RU" } }),
            input({ labels: { "user-data": "none" } }),
            input({ tags: { "user-d\u0251ta": "none" } }),
            input({ tags: { "data-subj\u0251cts": "RU" } }),
        ];
        for (let pass = 0; pass < 2; pass++) for (const i of cases) expect(classify(i, S)).toEqual(classifyUncached(i, S));
        for (const i of [input({ tags: { "user-data": "none" } }), input({ tags: { "user-data": "none" }, volumeTags: { "user-data": "none" } })]) {
            const typed = { ...i, type: INSTANCE };
            expect(classify(typed, S)).toEqual(classifyUncached(typed, S));
        }
        const top = { ...input({ tags: { "user-data": "none" } }), type: INSTANCE };
        const part = { ...input({ volumeTags: { "user-data": "none" } }), type: INSTANCE };
        expect(classify(top, S).categoriesFrom).toBe('tag "user-data" in tags');
        expect(classify(part, S).categoriesFrom).toBe('tag "user-data" in volumeTags');
    });

    it("caches a tag set of exactly the largest cached size, and not one larger", () => {
        const key = "user-data";
        const exact = "p".repeat(4096 - key.length);
        expect(classify(input({ tags: { [key]: exact } }), S)).toBe(classify(input({ tags: { [key]: exact } }), S));
        const over = `${exact}q`;
        const a = classify(input({ tags: { [key]: over } }), S);
        const b = classify(input({ tags: { [key]: over } }), S);
        expect(b).not.toBe(a);
        expect(b).toEqual(a);
        expect(Object.isFrozen(a)).toBe(false);
    });

    it("counts the key, and an unknown value as nothing, toward the size", () => {
        const longKey = `user-data${"\u200b".repeat(4090)}`;
        const a = classify(input({ tags: { [longKey]: UNKNOWN } }), S);
        expect(classify(input({ tags: { [longKey]: UNKNOWN } }), S)).not.toBe(a);
        const shortKeyUnknown = classify(input({ tags: { "user-data": UNKNOWN, Name: "x".repeat(5000) } }), S);
        expect(classify(input({ tags: { "user-data": UNKNOWN, Name: "y".repeat(5000) } }), S)).toBe(shortKeyUnknown);
    });

    it("ignores tags that cannot be either key, however long", () => {
        const a = classify(input({ tags: { "user-data": "personal", Name: "x".repeat(5000) } }), S);
        expect(classify(input({ tags: { "user-data": "personal", Name: "y".repeat(5000) } }), S)).toBe(a);
    });

    it("counts subjects tags, and disguised keys, toward the size", () => {
        const big = "DE ".repeat(1500);
        const a = classify(input({ tags: { "user-data": "personal", "data-subjects": big } }), S);
        expect(classify(input({ tags: { "user-data": "personal", "data-subjects": big } }), S)).not.toBe(a);
        const d = classify(input({ tags: { "user-d\u0251ta": big } }), S);
        expect(classify(input({ tags: { "user-d\u0251ta": big } }), S)).not.toBe(d);
    });
});
