// decideClassification on what the message suite does not reach: a member of a store (an object
// in its bucket) answers only for its own tags, characters that only look like ASCII, and the
// resources the policy leaves alone.
import { describe, expect, it } from "vitest";
import { decideClassification } from "../../policypack/src/decide/classification-check";
import type { ResourceInput } from "../../policypack/src/decide/localization";
import { settings } from "../flows/helpers";

const CATEGORIES = "personal, special, biometric, public, depersonalized (all personal data), or anonymous, none";
const provider = (tags: Record<string, string> = {}) => ({
    type: "pulumi:providers:aws",
    name: "p",
    urn: "urn:pulumi:t::t::pulumi:providers:aws::p",
    props: { region: "ru-central1", defaultTags: JSON.stringify({ tags }) },
});
const resource = (type: string, props: Record<string, unknown>, extra: Partial<ResourceInput> = {}): ResourceInput => ({
    type,
    name: "r",
    urn: `urn:pulumi:t::t::${type}::r`,
    props,
    provider: provider(),
    ...extra,
});
const BUCKET = "aws:s3/bucket:Bucket";
const OBJECT = "aws:s3/bucketObject:BucketObject";
const decide = (r: ResourceInput) => decideClassification(r, settings()).map((f) => [f.code, f.downgrade, ...f.message.split("\n")]);
const untagged = (label: string) => [
    "RU152-CLS-001",
    false,
    `${label} is S3 storage and has no "user-data" tag, so nobody has said whether it holds user data.`,
    `Fix: add the tag "user-data" with the categories it holds (${CATEGORIES}); for data about people also add "data-subjects" with their citizenships (ISO 3166-1 codes, RU for citizens of Russia wherever they live, or * for all). A provider's defaultTags count too.`,
];
const unknownCategory = (label: string, where: string) => [
    "RU152-CLS-002",
    false,
    `${label}: the "user-data" tag (tag "user-data" in ${where}) has "pii", which is not a category the pack knows, so it is read as personal data.`,
    `Fix: use only ${CATEGORIES}.`,
];

describe("user-data-classification on a member of a store", () => {
    it("is not asked for a tag of its own", () => {
        expect(decide(resource(OBJECT, {}))).toEqual([]);
        expect(decide(resource(BUCKET, {}))).toEqual([untagged('aws:s3/bucket:Bucket "r"')]);
    });

    it("does not answer for the provider's default tags, which its store reports", () => {
        const pii = { provider: provider({ "user-data": "pii", "data-subjects": "RU" }) };
        expect(decide(resource(OBJECT, {}, pii))).toEqual([]);
        expect(decide(resource(BUCKET, {}, pii))).toEqual([unknownCategory('aws:s3/bucket:Bucket "r"', "provider defaultTags.tags")]);
    });

    it("answers for its own tags", () => {
        expect(decide(resource(OBJECT, { tags: { "user-data": "pii" } }))).toEqual([unknownCategory('aws:s3/bucketObject:BucketObject "r"', "tags")]);
    });

    it("a tag on the stack is only read for the subjects: a bucket still has no category tag; an object is still not asked", () => {
        const stackTags = new Map([["data-subjects", "RU"]]);
        expect(decide(resource(BUCKET, {}, { stackTags }))).toEqual([untagged('aws:s3/bucket:Bucket "r"')]);
        expect(decide(resource(OBJECT, {}, { stackTags }))).toEqual([]);
    });
});

describe("user-data-classification on characters that only look like ASCII", () => {
    it("in a value", () => {
        expect(decide(resource(BUCKET, { tags: { "user-data": "\u0440\u0435rsonal", "data-subjects": "RU" } }))).toEqual([
            [
                "RU152-CLS-006",
                false,
                'aws:s3/bucket:Bucket "r": The value of tag "user-data" "\u0440\u0435rsonal" contains characters that are not what they seem: "\u0440" (U+0440 CYRILLIC SMALL LETTER ER) read as "p", "\u0435" (U+0435 CYRILLIC SMALL LETTER IE) read as "e".',
                "Fix: retype the tag in plain ASCII.",
            ],
        ]);
    });

    it("in a key", () => {
        expect(decide(resource(BUCKET, { tags: { "us\u0435r-data": "personal", "data-subjects": "RU" } }))).toEqual([
            [
                "RU152-CLS-006",
                false,
                'aws:s3/bucket:Bucket "r": Tag key "us\u0435r-data" contains characters that are not what they seem: "\u0435" (U+0435 CYRILLIC SMALL LETTER IE) read as "e".',
                "Fix: retype the tag in plain ASCII.",
            ],
        ]);
    });
});

describe("user-data-classification leaves alone", () => {
    it("a resource that holds no data, one no provider manages, and one that is not storage", () => {
        expect(decide(resource("aws:iam/role:Role", {}))).toEqual([]);
        expect(decide(resource(BUCKET, {}, { provider: undefined }))).toEqual([]);
        expect(decide(resource("aws:lambda/function:Function", {}))).toEqual([]);
    });

    it("a bucket whose tags are not known yet, and one whose category tag says none", () => {
        expect(decide(resource(BUCKET, { tags: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }))).toEqual([]);
        expect(decide(resource(BUCKET, { tags: { "user-data": "none" } }))).toEqual([]);
    });
});
