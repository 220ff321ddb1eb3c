// Where classify() finds a resource's tags, whatever shape they arrive in, and the words it uses
// for a source it cannot see (preview) or cannot read.
import { describe, expect, it } from "vitest";
import { classify, DEFAULT_CLASSIFICATION_SETTINGS } from "../../policypack/src/classify/classification";
import { tagLayers } from "../../policypack/src/classify/tag-sources";
import { UNKNOWN } from "../../policypack/src/values";

const c = (props: unknown, providerProps?: unknown, type?: string) => classify({ type, props, providerProps }, DEFAULT_CLASSIFICATION_SETTINGS);
/** What a reader of the finding sees of the categories: the verdict, where the tag was, and what is unknown. */
const seen = (props: unknown, providerProps?: unknown, type?: string) => {
    const r = c(props, providerProps, type);
    return { personal: r.personal, categories: [...r.categories, ...r.unrecognisedCategories], from: r.categoriesFrom, source: r.categoriesSource, unknowns: r.unknowns };
};
const INSTANCE = "aws:ec2/instance:Instance";
const none = { "user-data": "none" };

describe("tag values of other types", () => {
    it("numbers and booleans are read as their text", () => {
        expect(seen({ tags: { "user-data": 7 } })).toEqual({ personal: "yes", categories: ["7"], from: 'tag "user-data" in tags', source: "resource", unknowns: [] });
        expect(seen({ tags: { "user-data": false } })).toEqual({ personal: "yes", categories: ["false"], from: 'tag "user-data" in tags', source: "resource", unknowns: [] });
    });

    it("null is an empty value: personal data", () => {
        expect(seen({ tags: { "user-data": null } })).toEqual({ personal: "yes", categories: [], from: 'tag "user-data" in tags', source: "resource", unknowns: [] });
    });

    it("an object is not a tag value: it cannot be read, and a none beside it is unknown", () => {
        expect(seen({ tags: { "user-data": { a: 1 } }, labels: none })).toEqual({
            personal: "unknown",
            categories: ["none"],
            from: 'tag "user-data" in labels',
            source: "resource",
            unknowns: ['tags tag "user-data" (not a string) cannot be read'],
        });
    });
});

describe("tag maps of other shapes", () => {
    it("a JSON string of a map", () => {
        expect(seen({ tags: JSON.stringify(none) })).toEqual({ personal: "no", categories: ["none"], from: 'tag "user-data" in tags', source: "resource", unknowns: [] });
    });

    it("a JSON string of the unknown value is unknown", () => {
        expect(seen({ tags: JSON.stringify(UNKNOWN) })).toEqual({ personal: "unknown", categories: [], from: undefined, source: undefined, unknowns: ["tags is not known yet"] });
    });

    it("a number where a map should be cannot be read", () => {
        expect(seen({ tags: 5, labels: none })).toEqual({
            personal: "unknown",
            categories: ["none"],
            from: 'tag "user-data" in labels',
            source: "resource",
            unknowns: ["tags (not a map of tags) cannot be read"],
        });
    });

    it("null or no map at all is no tags", () => {
        expect(seen({ tags: null, labels: none })).toEqual({ personal: "no", categories: ["none"], from: 'tag "user-data" in labels', source: "resource", unknowns: [] });
    });

    it("a list of key/value pairs, in either case", () => {
        expect(seen({ tags: [{ Key: "user-data", Value: "none" }] })).toEqual({ personal: "no", categories: ["none"], from: 'tag "user-data" in tags', source: "resource", unknowns: [] });
        expect(seen({ tags: [{ key: "Name", value: "x" }, { key: "user-data" }] })).toEqual({ personal: "yes", categories: [], from: 'tag "user-data" in tags', source: "resource", unknowns: [] });
    });

    it("an unknown entry, an unknown key (which may be the categories key) and an entry without a key are named", () => {
        expect(seen({ tags: [UNKNOWN, { key: UNKNOWN, value: "x" }, { value: "personal" }, { key: "user-data", value: "none" }] })).toEqual({
            personal: "unknown",
            categories: ["none"],
            from: 'tag "user-data" in tags',
            source: "resource",
            unknowns: ["tags[] is not known yet", "tags[].key is not known yet", "tags[] (an entry without a key) cannot be read"],
        });
    });
    it("a none beside an entry whose key is not known yet is unknown: that key may be user-data", () => {
        expect(
            seen({
                tags: [
                    { key: UNKNOWN, value: "personal" },
                    { key: "user-data", value: "none" },
                ],
            }),
        ).toEqual({
            personal: "unknown",
            categories: ["none"],
            from: 'tag "user-data" in tags',
            source: "resource",
            unknowns: ["tags[].key is not known yet"],
        });
    });
});

describe("where along a path", () => {
    it("Kubernetes metadata labels and annotations", () => {
        expect(seen({ metadata: { annotations: none } })).toEqual({ personal: "no", categories: ["none"], from: 'tag "user-data" in metadata.annotations', source: "resource", unknowns: [] });
        expect(seen({ metadata: JSON.stringify({ labels: none }) })).toEqual({ personal: "no", categories: ["none"], from: 'tag "user-data" in metadata.labels', source: "resource", unknowns: [] });
    });

    it("metadata that is unknown, not JSON, or not an object", () => {
        expect(seen({ metadata: UNKNOWN, tags: none }).unknowns).toEqual(["metadata.labels is not known yet", "metadata.annotations is not known yet"]);
        expect(seen({ metadata: "{", tags: none }).unknowns).toEqual(["metadata.labels cannot be read", "metadata.annotations cannot be read"]);
        expect(seen({ metadata: ["x"], tags: none }).unknowns).toEqual(["metadata.labels cannot be read", "metadata.annotations cannot be read"]);
        expect(seen({ metadata: null, tags: none })).toEqual({ personal: "no", categories: ["none"], from: 'tag "user-data" in tags', source: "resource", unknowns: [] });
    });

    it("props that are unknown as a whole", () => {
        expect(seen(UNKNOWN).unknowns).toEqual([
            "tags is not known yet",
            "labels is not known yet",
            "metadata.labels is not known yet",
            "metadata.annotations is not known yet",
            "tagsAll is not known yet",
            "effectiveLabels is not known yet",
        ]);
    });

    it("the provider's default tags: unknown, not JSON, or labels", () => {
        expect(seen(undefined, { defaultTags: UNKNOWN }).unknowns).toEqual(["provider defaultTags.tags is not known yet"]);
        expect(seen(undefined, { defaultTags: "{" }).unknowns).toEqual(["provider defaultTags.tags cannot be read"]);
        expect(seen(undefined, { defaultTags: { tags: UNKNOWN } }).unknowns).toEqual(["provider defaultTags.tags is not known yet"]);
        expect(seen(undefined, { defaultLabels: none })).toEqual({ personal: "no", categories: ["none"], from: 'tag "user-data" in provider defaultLabels', source: "provider", unknowns: [] });
    });
});

describe("an unknown tagsAll", () => {
    it("hides nothing when the resource's tags and the provider's defaults are both readable", () => {
        expect(seen({ tags: none, tagsAll: UNKNOWN }, { defaultTags: { tags: { Team: "x" } } })).toEqual({
            personal: "no",
            categories: ["none"],
            from: 'tag "user-data" in tags',
            source: "resource",
            unknowns: [],
        });
        expect(seen({ tagsAll: UNKNOWN })).toEqual({ personal: "no", categories: [], from: undefined, source: undefined, unknowns: [] });
    });

    it("counts when the resource's tags cannot be seen or read", () => {
        const defaults = { defaultTags: { tags: none } };
        const from = 'tag "user-data" in provider defaultTags.tags';
        expect(seen({ tags: UNKNOWN, tagsAll: UNKNOWN }, defaults)).toEqual({
            personal: "unknown",
            categories: ["none"],
            from,
            source: "provider",
            unknowns: ["tags is not known yet", "tagsAll is not known yet"],
        });
        expect(seen({ tags: "{", tagsAll: UNKNOWN }, defaults).unknowns).toEqual(["tags (a string that is not JSON) cannot be read", "tagsAll is not known yet"]);
        expect(seen({ tags: { x: {} }, tagsAll: UNKNOWN }, defaults).unknowns).toEqual(['tags tag "x" (not a string) cannot be read', "tagsAll is not known yet"]);
        expect(seen({ tags: 5, tagsAll: UNKNOWN }, defaults).unknowns).toEqual(["tags (not a map of tags) cannot be read", "tagsAll is not known yet"]);
    });

    it("an unreadable label map is not the tags: tagsAll still hides nothing", () => {
        expect(seen({ labels: "{", tagsAll: UNKNOWN }, { defaultTags: { tags: none } }).unknowns).toEqual(["labels (a string that is not JSON) cannot be read"]);
        expect(seen({ tags: { Team: "a" }, tagsAll: UNKNOWN }, { defaultTags: { tags: none } })).toEqual({
            personal: "no",
            categories: ["none"],
            from: 'tag "user-data" in provider defaultTags.tags',
            source: "provider",
            unknowns: [],
        });
    });

    it("counts when the provider's defaults cannot be seen or read", () => {
        expect(seen({ tags: { Team: "a" }, tagsAll: UNKNOWN }, { defaultTags: UNKNOWN }).unknowns).toEqual(["tagsAll is not known yet", "provider defaultTags.tags is not known yet"]);
        expect(seen({ tags: { Team: "a" }, tagsAll: UNKNOWN }, { defaultLabels: "{", defaultTags: { tags: none } }).unknowns).toEqual([
            "tagsAll is not known yet",
            "provider defaultLabels (a string that is not JSON) cannot be read",
        ]);
    });

    it("GCP's effectiveLabels always counts", () => {
        expect(seen({ effectiveLabels: UNKNOWN }, { defaultLabels: none }).unknowns).toEqual(["effectiveLabels is not known yet"]);
    });

    it("a known tagsAll is read below the resource's tags, above the provider's", () => {
        expect(seen({ tags: { Team: "a" }, tagsAll: { "user-data": "personal" } }, { defaultLabels: none })).toEqual({
            personal: "yes",
            categories: ["personal"],
            from: 'tag "user-data" in tagsAll',
            source: "resource",
            unknowns: [],
        });
    });
});

describe("tags on parts of a resource", () => {
    it("are read only for types that have them", () => {
        expect(seen({ volumeTags: { "user-data": "personal" } })).toEqual({ personal: "no", categories: [], from: undefined, source: undefined, unknowns: [] });
        expect(seen({ volumeTags: { "user-data": "personal" } }, undefined, "aws:s3/bucket:Bucket")).toEqual({ personal: "no", categories: [], from: undefined, source: undefined, unknowns: [] });
        expect(seen({ volumeTags: { "user-data": "personal" } }, undefined, INSTANCE)).toEqual({
            personal: "yes",
            categories: ["personal"],
            from: 'tag "user-data" in volumeTags',
            source: "resource",
            unknowns: [],
        });
    });

    it("a type with no tags on its parts has three layers; one with empty parts has three too", () => {
        expect(tagLayers({ tags: none }, undefined, INSTANCE).map((l) => l.name)).toEqual(["resource", "computed", "provider"]);
        expect(tagLayers({ tags: none, volumeTags: {} }, undefined, INSTANCE).map((l) => l.name)).toEqual(["resource", "computed", "provider"]);
        expect(tagLayers({ volumeTags: UNKNOWN }, undefined, INSTANCE).map((l) => [l.name, l.additive])).toEqual([
            ["parts", true],
            ["resource", undefined],
            ["computed", undefined],
            ["provider", undefined],
        ]);
        expect(tagLayers({ volumeTags: "{" }, undefined, INSTANCE)[0]).toEqual({
            name: "parts",
            additive: true,
            tags: [],
            unknownSources: [],
            unreadableSources: ["volumeTags (a string that is not JSON)"],
        });
    });

    it("list elements are named by index, map elements by key, and JSON strings are read", () => {
        const props = {
            ebsBlockDevices: JSON.stringify([{ tags: { "user-data": "none" } }, { tags: UNKNOWN }]),
            rootBlockDevice: JSON.stringify({ tags: { "user-data": "biometric" } }),
        };
        expect(seen(props, undefined, INSTANCE)).toEqual({
            personal: "yes",
            categories: ["none", "biometric"],
            from: 'tag "user-data" in ebsBlockDevices[0].tags and rootBlockDevice.tags',
            source: "resource",
            unknowns: [],
        });
        const layer = tagLayers({ ebsBlockDevices: { sda: { tags: none } } }, undefined, INSTANCE)[0]!;
        expect(layer.tags.map((t) => t.origin)).toEqual(['ebsBlockDevices["sda"].tags']);
    });

    it("an unknown list, an unknown element and unknown props are named", () => {
        expect(seen({ ebsBlockDevices: UNKNOWN, tags: none }, undefined, INSTANCE).unknowns).toEqual(["ebsBlockDevices is not known yet"]);
        expect(seen({ ebsBlockDevices: [UNKNOWN], tags: none }, undefined, INSTANCE).unknowns).toEqual(["ebsBlockDevices[0] is not known yet"]);
        expect(seen({ rootBlockDevice: UNKNOWN, tags: none }, undefined, INSTANCE).unknowns).toEqual(["rootBlockDevice is not known yet"]);
        expect(tagLayers(UNKNOWN, undefined, INSTANCE)[0]!.unknownSources).toEqual(["the resource", "the resource", "the resource"]);
    });

    it("parts that are missing or null are no tags", () => {
        for (const p of [{ rootBlockDevice: null }, { ebsBlockDevices: [null] }, { ebsBlockDevices: [] }]) {
            expect(tagLayers({ ...p, tags: none }, undefined, INSTANCE).map((l) => l.name)).toEqual(["resource", "computed", "provider"]);
        }
    });

    it("parts that are not JSON or not objects cannot be read, and say which and why: they may hold tags (fail closed)", () => {
        const unreadable = (p: Record<string, unknown>) => tagLayers({ ...p, tags: none }, undefined, INSTANCE)[0]!.unreadableSources;
        expect(unreadable({ rootBlockDevice: "{" })).toEqual(["rootBlockDevice (a string that is not JSON)"]);
        expect(unreadable({ rootBlockDevice: 5 })).toEqual(["rootBlockDevice (not an object)"]);
        expect(unreadable({ ebsBlockDevices: 5 })).toEqual(["ebsBlockDevices (neither a list nor a map)"]);
        expect(unreadable({ ebsBlockDevices: "{" })).toEqual(["ebsBlockDevices (a string that is not JSON)"]);
        expect(unreadable({ ebsBlockDevices: [null, 3] })).toEqual(["ebsBlockDevices[1] (not an object)"]);
        // Read as "cannot be read": a resource tagged "none" with such a part is not passed as holding no personal data.
        expect(seen({ rootBlockDevice: 5, tags: none }, undefined, INSTANCE).personal).not.toBe("no");
    });
});
