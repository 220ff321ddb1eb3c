// The classification policy's findings, word for word: one finding per problem, singular and
// plural as the tag has them, and the configured tag keys in the fix.
import { describe, expect, it } from "vitest";
import { FindingCode, findingLine } from "../../policypack/src/decide/finding-codes";
import { CLASSIFICATION, runAll } from "../helpers/policies";

const IN_RUSSIA = { props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) } };
const findings = async (tags: Record<string, string>, config?: Record<string, unknown>) =>
    (await runAll({ type: "aws:s3/bucket:Bucket", name: "b", props: { tags }, provider: IN_RUSSIA }, config ? { config: { [CLASSIFICATION]: config } } : {}))
        .filter((v) => v.policy === CLASSIFICATION)
        .map((v) => {
            // The last line is the finding code (test/docs holds every code to its examples); the words come before it.
            const lines = v.message.split("\n");
            expect(lines.at(-1)).toBe(findingLine(v.code as FindingCode));
            expect(v.code).toMatch(/^RU152-CLS-\d{3}$/);
            return [v.level, ...lines.slice(1, -1)];
        });
const CATEGORIES = "personal, special, biometric, public, depersonalized (all personal data), or anonymous, none";
const CODES_FIX = "Fix: use ISO 3166-1 alpha-2 or alpha-3 codes (RU, KZ, DEU) separated by commas, spaces or underscores, or * for every country.";
const LONG_FIX = "Fix: shorten the tag to the category words and country codes.";

describe("user-data-classification messages", () => {
    it("unknown categories, one or several", async () => {
        expect(await findings({ "user-data": "pii, secret", "data-subjects": "RU" })).toEqual([
            [
                "advisory",
                'aws:s3/bucket:Bucket "b": the "user-data" tag (tag "user-data" in tags) has "pii", "secret", which are not categories the pack knows, so it is read as personal data.',
                `Fix: use only ${CATEGORIES}.`,
            ],
        ]);
        expect((await findings({ "user-data": "pii", "data-subjects": "RU" }))[0]![1]).toBe(
            'aws:s3/bucket:Bucket "b": the "user-data" tag (tag "user-data" in tags) has "pii", which is not a category the pack knows, so it is read as personal data.',
        );
    });

    it("an empty category tag", async () => {
        const empty = [
            "advisory",
            'aws:s3/bucket:Bucket "b": the "user-data" tag (tag "user-data" in tags) is empty, so it is read as personal data.',
            `Fix: list the categories it holds (${CATEGORIES}).`,
        ];
        expect(await findings({ "user-data": "", "data-subjects": "RU" })).toEqual([empty]);
        expect(await findings({ "user-data": " , ", "data-subjects": "RU" })).toEqual([empty]);
    });

    it("unknown subjects, one or several", async () => {
        expect(await findings({ "user-data": "personal", "data-subjects": "XX" })).toEqual([
            [
                "advisory",
                'aws:s3/bucket:Bucket "b": the subjects (tag "data-subjects" in tags) include "xx", which is not an ISO 3166-1 country code, so they are read as possibly including Russia.',
                CODES_FIX,
            ],
        ]);
        expect(await findings({ "user-data": "personal", "data-subjects": "XX, YY" })).toEqual([
            [
                "advisory",
                'aws:s3/bucket:Bucket "b": the subjects (tag "data-subjects" in tags) include "xx", "yy", which are not ISO 3166-1 country codes, so they are read as possibly including Russia.',
                CODES_FIX,
            ],
        ]);
    });

    it("values too long to show: which tag, or both", async () => {
        const long = "z".repeat(300);
        const tail = "a value longer than 64 characters with words the pack does not know, so it is read as personal data of possibly Russian citizens. The value is not shown.";
        expect(await findings({ "user-data": long, "data-subjects": "RU" })).toEqual([["advisory", `aws:s3/bucket:Bucket "b": the "user-data" tag (tag "user-data" in tags) has ${tail}`, LONG_FIX]]);
        expect(await findings({ "user-data": "personal", "data-subjects": long })).toEqual([
            ["advisory", `aws:s3/bucket:Bucket "b": the subjects (tag "data-subjects" in tags) has ${tail}`, LONG_FIX],
        ]);
        expect(await findings({ "user-data": long, "data-subjects": long })).toEqual([
            ["advisory", `aws:s3/bucket:Bucket "b": the "user-data" tag (tag "user-data" in tags) and the subjects (tag "data-subjects" in tags) have ${tail}`, LONG_FIX],
        ]);
    });

    it("an untagged store, with the configured tag keys in the fix", async () => {
        expect(await findings({}, { categoriesTagKey: "pii", subjectsTagKey: "who" })).toEqual([
            [
                "advisory",
                'aws:s3/bucket:Bucket "b" is S3 storage and has no "pii" tag, so nobody has said whether it holds user data.',
                `Fix: add the tag "pii" with the categories it holds (${CATEGORIES}); for data about people also add "who" with their citizenships (ISO 3166-1 codes, RU for citizens of Russia wherever they live, or * for all). A provider's defaultTags count too.`,
            ],
        ]);
    });

    it("a well-tagged store has no finding", async () => {
        expect(await findings({ "user-data": "personal, special", "data-subjects": "RU, KZ" })).toEqual([]);
        expect(await findings({ "user-data": "none" })).toEqual([]);
    });
});
