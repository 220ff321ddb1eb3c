// A classification key written with non-ASCII characters the look-alike list does not know is
// still read as the key (fail closed), and both policies name the characters.
import { describe, expect, it } from "vitest";
import { CLASSIFICATION, LOCALIZATION, runAll } from "../helpers/policies";
import type { Violation } from "../helpers/harness";

const run = (tags: Record<string, string>) => runAll({ type: "aws:s3/bucket:Bucket", name: "b", props: { tags }, provider: { props: { region: "eu-central-1" } } });
const of = (vs: Violation[], policy: string) => vs.filter((v) => v.policy === policy);
const note = (vs: Violation[]) =>
    of(vs, LOCALIZATION)[0]
        ?.message.split("\n")
        .find((l) => l.startsWith("Note: "));

describe("near-miss classification keys", () => {
    it("a Hangul filler inside user-data: still personal data of Russian citizens abroad, blocked, and named", async () => {
        const got = await run({ "user\u3164data": "personal", "data-subjects": "RU" });
        expect(got.map((v) => [v.policy, v.level, v.code])).toEqual([
            [LOCALIZATION, "mandatory", "RU152-LOC-001"],
            [CLASSIFICATION, "advisory", "RU152-CLS-006"],
        ]);
        expect(note(got)).toBe('Note: Tag key "user\u3164data" contains characters that are not what they seem: an invisible U+1160, not in the pack\'s look-alike list, ignored.');
        expect(of(got, CLASSIFICATION)[0]!.message.split("\n").slice(1)).toEqual([
            'aws:s3/bucket:Bucket "b": Tag key "user\u3164data" contains characters that are not what they seem: an invisible U+1160, not in the pack\'s look-alike list, ignored.',
            "Fix: retype the tag in plain ASCII.",
            "Finding: RU152-CLS-006, see docs/findings.md#ru152-cls-006",
        ]);
    });

    it("a Hangul filler inside data-subjects: the same", async () => {
        const got = await run({ "user-data": "personal", "data\u3164subjects": "RU" });
        expect(of(got, LOCALIZATION).map((v) => v.level)).toEqual(["mandatory"]);
        expect(note(got)).toContain('Tag key "data\u3164subjects"');
    });

    it("a Latin alpha in place of an a: read as the a, and named", async () => {
        const got = await run({ "user-d\u0251ta": "personal", "data-subjects": "RU" });
        expect(of(got, LOCALIZATION).map((v) => v.level)).toEqual(["mandatory"]);
        expect(note(got)).toBe('Note: Tag key "user-d\u0251ta" contains characters that are not what they seem: "\u0251" (U+0251, not in the pack\'s look-alike list) read as "a".');
    });

    it("a key that differs in an ASCII character is another key: the bucket is unclassified", async () => {
        const got = await run({ userdata2: "personal", "data-subjects": "RU" });
        expect(got.map((v) => [v.policy, v.level])).toEqual([[CLASSIFICATION, "advisory"]]);
        expect(got[0]!.message.split("\n")[1]).toBe('aws:s3/bucket:Bucket "b" is S3 storage and has no "user-data" tag, so nobody has said whether it holds user data.');
    });

    it("a non-ASCII character in place of an ASCII one, with another ASCII change, is another key", async () => {
        const got = await run({ "usex-d\u0251ta": "personal", "data-subjects": "RU" });
        expect(of(got, LOCALIZATION)).toEqual([]);
    });
});
