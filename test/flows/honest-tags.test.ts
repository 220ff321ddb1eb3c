// Issue class 11: under transfers: declared, tagging a destination honestly is never worse than not tagging it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideCrossBorder } from "../../policypack/src/decide/cross-border";
import { decideLocalization } from "../../policypack/src/decide/localization";
import { PERSONAL_RU, settings, Spec, stack } from "./helpers";

const BUCKET = "aws:s3/bucket:Bucket";
const EVIDENCE = { "cross-border-transfer": "CBT-2026-000042", "cross-border-transfer-date": "2025-11-02" };

function specs(destTags: Record<string, string> | undefined, evidence: boolean): Spec[] {
    return [
        { type: BUCKET, name: "src", props: { bucket: "src", arn: "arn:aws:s3:::src", tags: { ...PERSONAL_RU, ...(evidence ? EVIDENCE : {}) } } },
        { type: BUCKET, name: "dst", props: { bucket: "dst", arn: "arn:aws:s3:::dst", ...(destTags ? { tags: destTags } : {}) }, place: "abroad" },
        { type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig", name: "repl", props: { bucket: "src", rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::dst" } }] } },
    ];
}

/**
 * Every blocking or softened verdict (urn, policy, mandatory?) both policies report, sorted. The
 * localization policy's advisory on a store it leaves to the cross-border policy is not a verdict:
 * the tests below pin it on its own.
 */
function verdicts(destTags: Record<string, string> | undefined, evidence: boolean, config: Record<string, unknown>): string[] {
    const s = settings(config);
    const resources = stack(specs(destTags, evidence));
    const out: string[] = [];
    for (const r of resources) {
        const f = decideLocalization(r, s);
        if (f && !f.advisory) out.push(`${r.urn} localization ${f.downgrade ? "soft" : "hard"}`);
    }
    for (const f of decideCrossBorder({ resources }, s)) out.push(`${f.urn} cross-border ${f.downgrade ? "soft" : "hard"}`);
    return out.map((v) => v.replace(/localization|cross-border/, "blocked")).sort();
}

describe("honest tags under transfers: declared", () => {
    const declared = { transfers: "declared", adequateCountries: ["DE"] };

    it("an allowed declared copy to Germany passes whether the destination is untagged or tagged personal/RU", () => {
        expect(verdicts(undefined, true, declared)).toEqual([]);
        expect(verdicts(PERSONAL_RU, true, declared)).toEqual([]);
    });

    it("a store in Germany tagged personal/RU that no declared transfer reaches is blocked, by the cross-border policy", () => {
        const s = settings(declared);
        const lonely = stack([{ type: BUCKET, name: "eu-primary", props: { bucket: "eu-primary", tags: PERSONAL_RU }, place: "abroad" }]);
        const left = decideLocalization(lonely[0]!, s);
        expect(left?.advisory).toBe(true);
        expect(left?.message.split("\n")[0]).toContain("Under transfers: declared this policy leaves it to ru-personal-data-cross-border-transfer");
        const found = decideCrossBorder({ resources: lonely }, s);
        expect(found.map((f) => [f.urn, f.downgrade])).toEqual([[lonely[0]!.urn, false]]);
        expect(found[0]!.message).toContain("no allowed declared transfer from a store in Russia reaches it");
    });

    it("an honestly tagged destination left to the cross-border policy gets one advisory, never a block, as an untagged one gets the classification policy's", () => {
        const s = settings(declared);
        const dst = stack(specs(PERSONAL_RU, true)).find((r) => r.name === "dst")!;
        const f = decideLocalization(dst, s)!;
        expect([f.advisory, f.downgrade]).toEqual([true, false]);
        expect(f.message).toContain("Fix: nothing, if ru-personal-data-cross-border-transfer is also configured with transfers: declared");
        expect(decideLocalization(dst, settings({ ...declared, transfers: "forbid" }))?.advisory).toBeUndefined();
    });

    it("property: for any evidence, adequacy and tagging, honest tags never add a blocking finding", () => {
        const tagsets = [undefined, PERSONAL_RU, { "user-data": "personal" }, { "user-data": "personal", "data-subjects": "ru_kz" }];
        fc.assert(
            fc.property(fc.boolean(), fc.boolean(), fc.constantFrom(...tagsets.slice(1)), fc.constantFrom("forbid", "declared"), (evidence, adequate, honest, transfers) => {
                const config = { transfers, adequateCountries: adequate ? ["DE"] : [] };
                const untagged = verdicts(undefined, evidence, config);
                const tagged = verdicts(honest, evidence, config);
                expect(tagged.filter((v) => !untagged.includes(v))).toEqual([]);
            }),
            { seed: 11, numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
        );
    });
});
