// transfers: declared, as a user meets it: each missing condition of a declared transfer named in
// the flow's finding, and the review period counted in calendar days from the filing date.
import { describe, expect, it } from "vitest";
import { crossBorderPolicy } from "../../policypack/policies/ru-personal-data-cross-border-transfer";
import { FRANKFURT_PROVIDER, UNKNOWN, YANDEX_S3_PROVIDER } from "../../policypack/policies/example-types";
import { runStackPolicy, StackResourceSpec, urnOf } from "../helpers/harness";

const BUCKET = "aws:s3/bucket:Bucket";
const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const VIRGINIA = { props: { region: "us-east-1" } };
/** The replication config cannot carry tags, so the evidence is read from the source bucket. */
const ON = 'the source aws:s3/bucket:Bucket "customers" (aws:s3/bucketReplicationConfig:BucketReplicationConfig cannot carry tags)';

function stack(evidence: Record<string, string>, destination: object = FRANKFURT_PROVIDER, destinationTags?: Record<string, string>): StackResourceSpec[] {
    return [
        { type: BUCKET, name: "customers", props: { bucket: "customers", tags: { "user-data": "personal", "data-subjects": "RU", ...evidence } }, provider: YANDEX_S3_PROVIDER },
        { type: BUCKET, name: "customers-eu", props: { bucket: "customers-eu", arn: UNKNOWN, ...(destinationTags ? { tags: destinationTags } : {}) }, provider: destination },
        {
            type: REPLICATION,
            name: "customers-replication",
            props: { bucket: "customers", rules: [{ id: "all", status: "Enabled", destination: { bucket: UNKNOWN } }] },
            provider: YANDEX_S3_PROVIDER,
            propertyDependencies: { bucket: [urnOf(BUCKET, "customers")], rules: [urnOf(BUCKET, "customers-eu")] },
        },
    ];
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const evidence = (id: string, date: string) => ({ "cross-border-transfer": id, "cross-border-transfer-date": date });

/** The flow's "Not a declared transfer" line, and which resources are reported. */
async function judge(tags: Record<string, string>, config: Record<string, unknown>, destination?: object) {
    const got = await runStackPolicy(crossBorderPolicy, stack(tags, destination), { config: { transfers: "declared", ...config } });
    const flow = got.find((v) => v.urn === urnOf(REPLICATION, "customers-replication"));
    return {
        reported: got.map((v) => [v.urn!.split("::").pop(), v.level]).sort(),
        missing: flow?.message.split("\n").find((l) => l.startsWith("Not a declared transfer")),
    };
}
const BOTH = [
    ["customers-eu", "mandatory"],
    ["customers-replication", "mandatory"],
];

describe("transfers: declared", () => {
    it("all conditions met, to a country the config lists as adequate: allowed", async () => {
        expect(await judge(evidence("CBT-2026-000042", "2026-03-02"), { adequateCountries: ["DE"] })).toEqual({ reported: [], missing: undefined });
    });

    it("evidence not known yet", async () => {
        expect(await judge(evidence(UNKNOWN, UNKNOWN), { adequateCountries: ["DE"] })).toEqual({
            reported: BOTH,
            missing: `Not a declared transfer (transfers: declared): the tag "cross-border-transfer" on ${ON} is not known yet (tags); the tag "cross-border-transfer-date" on ${ON} is not known yet (tags).`,
        });
    });

    it("evidence left empty", async () => {
        expect((await judge(evidence("", " "), { adequateCountries: ["DE"] })).missing).toBe(
            `Not a declared transfer (transfers: declared): the tag "cross-border-transfer" on ${ON} is empty; its value must be the identifier of the cross-border notification (152-FZ Art. 12(3)); the tag "cross-border-transfer-date" on ${ON} is empty; its value must be the date (YYYY-MM-DD) the cross-border notification was filed.`,
        );
    });

    it("evidence missing", async () => {
        expect((await judge({}, { adequateCountries: ["DE"] })).missing).toBe(
            `Not a declared transfer (transfers: declared): ${ON} has no tag "cross-border-transfer" with the identifier of the cross-border notification to Roskomnadzor (152-FZ Art. 12(3); an operator-register number under 152-FZ Art. 22 is a different filing); ${ON} has no tag "cross-border-transfer-date" with the date (YYYY-MM-DD) the cross-border notification was filed.`,
        );
    });

    it("a placeholder identifier", async () => {
        expect((await judge(evidence("TBD", "2026-03-02"), { adequateCountries: ["DE"] })).missing).toBe(
            `Not a declared transfer (transfers: declared): the tag "cross-border-transfer" on ${ON} is "TBD", a placeholder, not the identifier of a notification; its value must be the identifier Roskomnadzor's Personal Data Portal gives the filed cross-border notification (152-FZ Art. 12(3)).`,
        );
    });

    it("a date that does not exist, or one after today", async () => {
        expect((await judge(evidence("CBT-1", "2026-02-30"), { adequateCountries: ["DE"] })).missing).toBe(
            `Not a declared transfer (transfers: declared): the tag "cross-border-transfer-date" on ${ON} is "2026-02-30", not a date (YYYY-MM-DD).`,
        );
        expect((await judge(evidence("CBT-1", "2026-3-2"), { adequateCountries: ["DE"] })).missing).toBe(
            `Not a declared transfer (transfers: declared): the tag "cross-border-transfer-date" on ${ON} is "2026-3-2", not a date (YYYY-MM-DD).`,
        );
        const tomorrow = day(1);
        expect((await judge(evidence("CBT-1", tomorrow), { adequateCountries: ["DE"] })).missing).toBe(
            `Not a declared transfer (transfers: declared): the tag "cross-border-transfer-date" on ${ON} is "${tomorrow}", after today (${day(0)}); the notification must be filed before the transfer starts.`,
        );
        expect(await judge(evidence("CBT-1", day(0)), { adequateCountries: ["DE"] })).toEqual({ reported: [], missing: undefined });
    });

    it("a country not shown to be adequate needs allowNonAdequate", async () => {
        expect(await judge(evidence("CBT-1", "2026-03-02"), {}, VIRGINIA)).toEqual({
            reported: BOTH,
            missing:
                "Not a declared transfer (transfers: declared): United States of America (US) is not shown to be adequate: it is not in the pack's adequacy data, and the pack applies no listing it could not confirm; once your lawyer has checked it against Roskomnadzor's current list (Roskomnadzor Order No. 128 of 2022-08-05 as amended, or its successor), add US to adequateCountries; a transfer to a country not shown to be adequate also needs allowNonAdequate: true.",
        });
    });

    it("with allowNonAdequate, only after the review period: 30 calendar days from filing", async () => {
        const wait = (n: number) =>
            `Not a declared transfer (transfers: declared): the cross-border notification was filed on ${day(-n)}, ${n} calendar day${n === 1 ? "" : "s"} ago; a transfer to a country not shown to be adequate must wait out Roskomnadzor's review period (152-FZ Art. 12: 10 working days), which the pack counts as 30 calendar days (policypack/data/law.json reading-review-period).`;
        for (const n of [0, 1, 29]) expect((await judge(evidence("CBT-1", day(-n)), { allowNonAdequate: true }, VIRGINIA)).missing, String(n)).toBe(wait(n));
        expect(await judge(evidence("CBT-1", day(-30)), { allowNonAdequate: true }, VIRGINIA)).toEqual({ reported: [], missing: undefined });
        // An adequate country has no review period to wait out.
        expect(await judge(evidence("CBT-1", day(0)), { allowNonAdequate: true, adequateCountries: ["US"] }, VIRGINIA)).toEqual({ reported: [], missing: undefined });
    });

    it("under transfers: forbid the same evidence allows nothing", async () => {
        const got = await runStackPolicy(crossBorderPolicy, stack(evidence("CBT-1", "2026-03-02")), { config: { adequateCountries: ["DE"] } });
        expect(got.map((v) => v.urn!.split("::").pop()).sort()).toEqual(["customers-eu", "customers-replication"]);
        expect(got.find((v) => v.urn!.endsWith("customers-replication"))!.message.split("\n")).toContain(
            "Transfers: forbid (the default): no copy of Russian citizens' personal data may leave Russia.",
        );
    });

    it("a destination tagged honestly, reached by a flow that is not allowed: reported as a store abroad, pointing at the flow", async () => {
        const got = await runStackPolicy(crossBorderPolicy, stack({}, FRANKFURT_PROVIDER, { "user-data": "personal", "data-subjects": "RU" }), {
            config: { transfers: "declared", adequateCountries: ["DE"] },
        });
        expect(got.map((v) => [v.urn!.split("::").pop(), v.level]).sort()).toEqual(BOTH);
        const store = got.find((v) => v.urn === urnOf(BUCKET, "customers-eu"))!.message.split("\n");
        expect(store[1]).toBe('aws:s3/bucket:Bucket "customers-eu" holds personal data of Russian citizens but is not in Russia.');
        expect(store.at(-1)).toBe("Finding: RU152-XB-008, see docs/findings.md#ru152-xb-008");
        expect(store.at(-2)).toBe(
            "Transfers: declared: a store outside Russia that holds Russian citizens' personal data is allowed only as the destination of a declared transfer from a primary store in Russia; a flow into it that is not an allowed declared transfer is reported on its flow resource.",
        );
    });

    it("a destination tagged honestly, reached by an allowed declared transfer: nothing to report", async () => {
        expect(
            await runStackPolicy(crossBorderPolicy, stack(evidence("CBT-1", "2026-03-02"), FRANKFURT_PROVIDER, { "user-data": "personal", "data-subjects": "RU" }), {
                config: { transfers: "declared", adequateCountries: ["DE"] },
            }),
        ).toEqual([]);
    });
});
