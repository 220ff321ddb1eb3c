// The shared readers of the non-AWS resolvers, with their exact words: strings at property
// paths, what a value is when it cannot be read, and the judgement of a set of regions or zones.
import { describe, expect, it } from "vitest";
import { collect, describePlace, isEmpty, judgePlaces, place, providerString, readString, shapeOf, type Collected } from "../../policypack/src/locate/read";
import { UNKNOWN } from "../../policypack/src/values";

const found = (value: string, what = "the resource's region") => ({ what, value });
const named = (values: string[], unknown: string[] = [], invalid: string[] = []): Collected => ({
    values: values.map((v, i) => found(v, `the resource's z${i}`)),
    unknown,
    invalid,
});
const CENTRAL = "(Yandex Cloud ru-central1: Russia (Yandex data centers), Russia (RU))";

describe("readString and providerString", () => {
    it("read absent, unknown, invalid and trimmed values", () => {
        expect([null, undefined, UNKNOWN, 3, " a ", ""].map(readString)).toEqual([
            { kind: "absent" },
            { kind: "absent" },
            { kind: "unknown" },
            { kind: "invalid" },
            { kind: "value", value: "a" },
            { kind: "absent" },
        ]);
        expect(providerString({ k: " v " }, "k")).toEqual({ kind: "value", value: "v" });
        expect(providerString(undefined, "k")).toEqual({ kind: "absent" });
    });
});

describe("shapeOf", () => {
    it("names each shape in words", () => {
        expect([[], null, "x", {}, 3, true].map((v) => shapeOf(v))).toEqual(["a list", "null", "a string that is not JSON", "an object", "a number", "a boolean"]);
        expect(shapeOf("x", "a string")).toBe("a string");
    });
});

describe("collect", () => {
    it("reads strings at plain, nested, list and map paths, naming each place", () => {
        const props = { hosts: [{ zone: "a" }, { zone: UNKNOWN }, { zone: 5 }, null], zone: " b ", cfg: '{"z":"j"}', m: { h1: { zone: "x" } }, a: { b: { c: "v" } } };
        expect(collect(props, ["zone", "hosts[].zone", "cfg.z", "m[].zone", "missing.x", "a.b.c"], "the resource's")).toEqual({
            values: [
                { what: "the resource's zone", value: "b" },
                { what: "the resource's hosts[0].zone", value: "a" },
                { what: "the resource's cfg.z", value: "j" },
                { what: 'the resource\'s m["h1"].zone', value: "x" },
                { what: "the resource's a.b.c", value: "v" },
            ],
            unknown: ["the resource's hosts[1].zone"],
            invalid: ["the resource's hosts[2].zone (a number, not a string)"],
        });
    });

    it("reads lists given as JSON strings, and says what a value is when it is neither a list nor an object", () => {
        const props = { hosts: '[{"zone":"a"}]', list: 5, obj: 7, u: UNKNOWN, lu: UNKNOWN, j: '"x"' };
        expect(collect(props, ["hosts[].zone", "list[]", "obj.x", "u.x", "lu[]", "list[].y"], "the provider's")).toEqual({
            values: [{ what: "the provider's hosts[0].zone", value: "a" }],
            unknown: ["the provider's u", "the provider's lu"],
            invalid: ["the provider's list (a number, neither a list nor a map)", 'the provider\'s obj (a number, not an object with a "x" field)'],
        });
    });

    it("reads a JSON string of a value not known yet as not known yet", () => {
        expect(collect({ hosts: JSON.stringify(UNKNOWN), cfg: JSON.stringify(UNKNOWN) }, ["hosts[].zone", "cfg.z"], "the resource's")).toEqual({
            values: [],
            unknown: ["the resource's hosts", "the resource's cfg"],
            invalid: [],
        });
    });

    it("says a string that is not JSON where a list or an object belongs is one", () => {
        expect(collect({ hosts: "nojson", s: "[1" }, ["hosts[].zone", "s.x", "hosts.zone"], "the resource's")).toEqual({
            values: [],
            unknown: [],
            invalid: ["the resource's hosts (a string that is not JSON, neither a list nor a map)", 'the resource\'s s (a string that is not JSON, not an object with a "x" field)'],
        });
    });

    it("reads lists of strings, keeping unknown and unreadable elements apart, and an object where a string belongs", () => {
        expect(collect({ zs: ["q", UNKNOWN, 3, ""], a: { b: {} } }, ["zs[]", "a.b"], "the resource's")).toEqual({
            values: [{ what: "the resource's zs[0]", value: "q" }],
            unknown: ["the resource's zs[1]"],
            invalid: ["the resource's zs[2] (a number, not a string)", "the resource's a.b (an object, not a string)"],
        });
        expect(collect({ l: [[1]] }, ["l[][]"], "the resource's").invalid).toEqual(["the resource's l[0][0] (a number, not a string)"]);
        expect(collect('["x"]', ["[]"], "the resource's").values).toEqual([{ what: "the resource's[0]", value: "x" }]);
        expect(collect({ zone: "a", l: ["b"] }, [".zone.", "l..[]"], "the resource's").values).toEqual([
            { what: "the resource's zone", value: "a" },
            { what: "the resource's l[0]", value: "b" },
        ]);
    });

    it("names an unreadable field once, however many paths go through it", () => {
        expect(collect({ hosts: 1 }, ["hosts[].zone", "hosts[].subnet"], "the resource's").invalid).toEqual(["the resource's hosts (a number, neither a list nor a map)"]);
        expect(collect({ hosts: 1, hostsX: 2 }, ["hosts[].zone", "hostsX[].zone"], "the resource's").invalid).toEqual([
            "the resource's hosts (a number, neither a list nor a map)",
            "the resource's hostsX (a number, neither a list nor a map)",
        ]);
    });

    it("isEmpty is true only with no value, unknown or invalid place", () => {
        expect(isEmpty({ values: [], unknown: [], invalid: [] })).toBe(true);
        expect(isEmpty({ values: [found("a")], unknown: [], invalid: [] })).toBe(false);
        expect(isEmpty({ values: [], unknown: ["x"], invalid: [] })).toBe(false);
        expect(isEmpty({ values: [], unknown: [], invalid: ["x"] })).toBe(false);
    });
});

describe("place and describePlace", () => {
    it("find a region by id or zone, or through derive, whatever the case", () => {
        for (const [value, derive] of [
            ["ru-central1-a", undefined],
            ["RU-CENTRAL1", undefined],
            ["x-ru-central1", (v: string) => v.slice(2)],
            ["x-ru-central1-a", (v: string) => v.slice(2)],
        ] as const) {
            const p = place("yandex", found(value), derive);
            expect([p.region, p.country, p.entry?.id], value).toEqual(["ru-central1", "RU", "ru-central1"]);
        }
        expect(place("yandex", found("moon"))).toEqual({ found: found("moon") });
        expect(place("yandex", found("moon"), () => undefined)).toEqual({ found: found("moon") });
        expect(place("yandex", found("moon"), () => "mars")).toEqual({ found: found("moon") });
    });

    it("describe a region with its place and country, or say why it has none", () => {
        expect(describePlace(place("yandex", found("ru-central1-a")), "Yandex Cloud")).toBe(`the resource's region is "ru-central1-a" ${CENTRAL}`);
        expect(describePlace(place("selectel", found("ru-9")), "Selectel")).toBe('the resource\'s region is "ru-9" (Selectel ru-9: Russia (RU))');
        expect(describePlace(place("yandex", found("moon")), "Yandex Cloud")).toBe(
            "the resource's region is \"moon\", which the pack's catalogue does not list among Yandex Cloud's regions and zones",
        );
        expect(describePlace(place("gcp", found("EU")), "Google Cloud")).toBe('the resource\'s region is "EU" (Google Cloud EU, spanning 27 countries)');
        expect(describePlace(place("gcp", found("EUR4")), "Google Cloud")).toBe('the resource\'s region is "EUR4" (Google Cloud EUR4, spanning Finland (FI), Netherlands (NL))');
        const entry = { id: "x1", status: "unverified", source: "src" };
        expect(describePlace({ found: found("x"), entry: { ...entry, country: "RU" } }, "C")).toBe('the resource\'s region is "x" (C x1), but its country is not verified (src)');
        expect(describePlace({ found: found("x"), entry: { ...entry, countries: [] } }, "C")).toBe('the resource\'s region is "x" (C x1), but the catalogue has no verified country for it (src)');
        expect(describePlace({ found: found("x"), entry: { ...entry, countries: ["AT", "BE", "DE"] } }, "C")).toBe(
            'the resource\'s region is "x" (C x1, spanning Austria (AT), Belgium (BE), Germany (DE))',
        );
        expect(describePlace({ found: found("x"), entry: { ...entry, countries: ["AT", "BE", "DE", "FR"] } }, "C")).toBe('the resource\'s region is "x" (C x1, spanning 4 countries)');
    });
});

describe("judgePlaces", () => {
    it("is Russia when every place is a verified Russian one, naming each", () => {
        expect(judgePlaces("yandex", "Yandex Cloud", named(["ru-central1-a"]))).toEqual({
            inRussia: "yes",
            country: "RU",
            region: "ru-central1",
            how: `the resource's z0 is "ru-central1-a" ${CENTRAL}`,
            unknowns: [],
        });
        expect(judgePlaces("yandex", "Yandex Cloud", named(["ru-central1-a", "ru-central1-b"]), ", S")).toEqual({
            inRussia: "yes",
            country: "RU",
            region: "ru-central1",
            how: `the resource's z0 is "ru-central1-a" ${CENTRAL}; the resource's z1 is "ru-central1-b" ${CENTRAL}, S`,
            unknowns: [],
        });
    });

    it("is abroad when any place is known to be elsewhere, before anything unknown or unreadable", () => {
        expect(judgePlaces("yandex", "Yandex Cloud", named(["ru-central1-a", "kz1-a"], ["u1"], ["i1"]), ", S")).toEqual({
            inRussia: "no",
            country: "KZ",
            region: "kz1",
            how: 'the resource\'s z1 is "kz1-a" (Yandex Cloud kz1: Kazakhstan, Kazakhstan (KZ)), S',
            unknowns: [],
        });
        expect(judgePlaces("selectel", "Selectel", named(["ru-2", "uz-1"]))).toEqual({
            inRussia: "no",
            country: "UZ",
            region: "uz-1",
            how: 'the resource\'s z1 is "uz-1" (Selectel uz-1: Tashkent, Uzbekistan (UZ))',
            unknowns: [],
        });
        expect(judgePlaces("yandex", "Yandex Cloud", named(["x-kz1"]), "", (v) => v.slice(2))).toMatchObject({ inRussia: "no", country: "KZ", region: "kz1" });
    });

    it("is unknown with places not known yet, then unreadable ones, then unlisted ones, then none", () => {
        const unknown = (how: string) => ({ inRussia: "unknown", how, unknowns: [how] });
        expect(judgePlaces("yandex", "Yandex Cloud", named(["ru-central1-a"], ["u1"], ["i1"]), ", S")).toEqual(unknown("u1 is not known yet, S"));
        expect(judgePlaces("yandex", "Yandex Cloud", named(["ru-central1-a"], ["u1", "u2"]), ", S")).toEqual(unknown("u1, u2 are not known yet, S"));
        expect(judgePlaces("yandex", "Yandex Cloud", named(["ru-central1-a"], [], ["i1", "i2"]), ", S")).toEqual(unknown("the pack cannot read i1; i2, S"));
        expect(judgePlaces("yandex", "Yandex Cloud", named(["ru-central1-a", "moon"]), ", S")).toEqual(
            unknown("the resource's z1 is \"moon\", which the pack's catalogue does not list among Yandex Cloud's regions and zones, S"),
        );
        expect(judgePlaces("selectel", "Selectel", named(["ru-1", "ru-2"]))).toEqual(
            unknown(
                'the resource\'s z1 is "ru-2" (Selectel ru-2), but the catalogue has no verified country for it (https://github.com/selectel/terraform-provider-selectel/blob/ec1ea047a1960ca38f208871a5aa21e626998c51/selectel/mks.go)',
            ),
        );
        expect(judgePlaces("yandex", "Yandex Cloud", named([]), ", S")).toEqual(unknown("no region or zone found, S"));
        expect(judgePlaces("yandex", "Yandex Cloud", named([]))).toEqual(unknown("no region or zone found"));
    });
});
