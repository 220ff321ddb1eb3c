// Issue class 7: an object inherits its bucket's classification; findings are per store, not per object.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import memberTypes from "../../policypack/data/member-types.json";
import { storageService } from "../../policypack/src/classify/storage";
import { CLASSIFICATION, outcomes, runAll } from "../helpers/policies";

const yandex = {
    type: "pulumi:providers:aws",
    name: "yandex",
    props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]), defaultTags: JSON.stringify({ tags: { team: "web" } }) },
};

describe("members of a store", () => {
    it("every member type names store types the pack treats as storage", () => {
        for (const m of memberTypes.types) {
            expect(m.source, m.type).toMatch(/^(npm:|https:\/\/)/);
            for (const st of m.store) expect(storageService(st), st).toBeDefined();
        }
    });

    it("a 300-file static site in a tagged bucket gets no classification finding per file", async () => {
        const bucket = { type: "aws:s3/bucket:Bucket", name: "site", props: { bucket: "site", tags: { "user-data": "none" } }, provider: yandex };
        expect(outcomes(await runAll(bucket))).toEqual([]);
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...memberTypes.types.map((t) => t.type)), fc.stringMatching(/^[a-z0-9/._-]{1,30}$/), async (type, key) => {
                const violations = await runAll({ type, name: `site/${key}`, props: { bucket: "site", key }, provider: yandex });
                expect(outcomes(violations).filter(([p]) => p === CLASSIFICATION)).toEqual([]);
            }),
            { seed: 7, numRuns: 40 },
        );
    });

    it("a bucket with no tag still gets its one advisory", async () => {
        const violations = await runAll({ type: "aws:s3/bucket:Bucket", name: "site", props: { bucket: "site" }, provider: yandex });
        expect(outcomes(violations)).toEqual([[CLASSIFICATION, "advisory"]]);
    });
});
