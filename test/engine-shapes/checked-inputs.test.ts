// The real engine hands the pack the provider's checked inputs, not the program's: pulumi-aws v7
// copies the provider's region into every resource and computes `tagsAll`, unknown in a preview
// when any tag value is. Verdicts must not change because of either.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../helpers/harness";
import { LOCALIZATION, runAll } from "../helpers/policies";

const YANDEX_S3 = JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]);
const personalRu = { "user-data": "personal", "data-subjects": "RU" };

function bucket(props: Record<string, unknown>, providerProps: Record<string, unknown>) {
    return { type: "aws:s3/bucket:Bucket", name: "customers", props, provider: { props: providerProps } };
}

const levels = (v: { policy: string; level: string }[]) => v.map((x) => `${x.policy}:${x.level}`).sort();

describe("a region copied from the provider", () => {
    it.each(["us-east-1", "eu-central-1", "ru-central1"])("does not contradict the same provider's Russian endpoint (provider region %s)", async (region) => {
        const v = await runAll(bucket({ tags: personalRu, region }, { region, endpoints: YANDEX_S3 }));
        expect(v.filter((x) => x.policy === LOCALIZATION)).toEqual([]);
    });

    it("a resource region that differs from the provider's still contradicts a Russian endpoint", async () => {
        const v = await runAll(bucket({ tags: personalRu, region: "eu-central-1" }, { region: "us-east-1", endpoints: YANDEX_S3 }));
        expect(levels(v.filter((x) => x.policy === LOCALIZATION))).toEqual([`${LOCALIZATION}:mandatory`]);
        expect(v.find((x) => x.policy === LOCALIZATION)!.message).toContain('the resource\'s own region is "eu-central-1"');
    });

    it("without a custom endpoint, the copied region places the resource on AWS", async () => {
        const v = await runAll(bucket({ tags: personalRu, region: "eu-central-1" }, { region: "eu-central-1" }));
        expect(levels(v.filter((x) => x.policy === LOCALIZATION))).toEqual([`${LOCALIZATION}:mandatory`]);
    });
});

describe("tagsAll unknown in a preview", () => {
    const queue = (tags: Record<string, unknown>, defaults: Record<string, string>) => ({
        type: "aws:sqs/queue:Queue",
        name: "events",
        props: { tags, tagsAll: UNKNOWN, region: "eu-central-1" },
        provider: { props: { region: "eu-central-1", defaultTags: JSON.stringify({ tags: defaults }) } },
    });

    it("is derived from known tags and default tags: user-data none by default tags passes with an unknown Name", async () => {
        const v = await runAll(queue({ Name: UNKNOWN }, { "user-data": "none" }));
        expect(v).toEqual([]);
    });

    it("is derived: personal data by default tags is still blocked abroad", async () => {
        const v = await runAll(queue({ Name: UNKNOWN }, personalRu));
        expect(levels(v)).toEqual([`${LOCALIZATION}:mandatory`]);
    });

    it("stays unknown when the resource's own tags are unknown as a whole", async () => {
        const v = await runAll(queue(UNKNOWN as unknown as Record<string, unknown>, { "user-data": "none" }));
        expect(levels(v)).toEqual([`${LOCALIZATION}:mandatory`]);
        expect(v[0]!.message).toContain("tags is not known yet");
    });

    it("an unknown classification value in the resource's tags still fails closed", async () => {
        const v = await runAll(queue({ "user-data": UNKNOWN }, { "user-data": "none" }));
        expect(v.some((x) => x.policy === LOCALIZATION)).toBe(true);
    });

    it("for any non-classification tags with unknown values, the verdict equals the verdict with tagsAll absent", async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.dictionary(fc.constantFrom("Name", "team", "cost-centre", "env"), fc.oneof(fc.constant(UNKNOWN), fc.string({ maxLength: 8 }))),
                fc.constantFrom<Record<string, string>>({ "user-data": "none" }, personalRu, { "user-data": "personal", "data-subjects": "KZ" }, {}),
                async (tags, defaults) => {
                    const withUnknown = await runAll(queue(tags, defaults));
                    const absent = queue(tags, defaults);
                    delete (absent.props as Record<string, unknown>).tagsAll;
                    const without = await runAll(absent);
                    expect(levels(withUnknown)).toEqual(levels(without));
                },
            ),
            { numRuns: 60 },
        );
    });
});
