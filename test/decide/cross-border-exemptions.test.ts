// Exemptions under the cross-border policy, as a user sees them: which resources are reported,
// at which level, and what the message says about an exemption that no longer applies.
import { describe, expect, it } from "vitest";
import { crossBorderPolicy } from "../../policypack/policies/ru-personal-data-cross-border-transfer";
import { FRANKFURT_PROVIDER, UNKNOWN, YANDEX_S3_PROVIDER } from "../../policypack/policies/example-types";
import { runStackPolicy, StackResourceSpec, urnOf, Violation } from "../helpers/harness";

const BUCKET = "aws:s3/bucket:Bucket";
const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const SOURCE = urnOf(BUCKET, "customers");
const STORE = urnOf(BUCKET, "customers-eu");
const FLOW = urnOf(REPLICATION, "customers-replication");

/** A bucket in Yandex Object Storage with Russian citizens' personal data, replicated to a bucket in Frankfurt. */
const stack: StackResourceSpec[] = [
    { type: BUCKET, name: "customers", props: { bucket: "customers", tags: { "user-data": "personal", "data-subjects": "RU" } }, provider: YANDEX_S3_PROVIDER },
    { type: BUCKET, name: "customers-eu", props: { bucket: "customers-eu", arn: UNKNOWN }, provider: FRANKFURT_PROVIDER },
    {
        type: REPLICATION,
        name: "customers-replication",
        props: { bucket: "customers", role: "arn:aws:iam::123456789012:role/replication", rules: [{ id: "all", status: "Enabled", destination: { bucket: UNKNOWN } }] },
        provider: YANDEX_S3_PROVIDER,
        propertyDependencies: { bucket: [SOURCE], rules: [STORE] },
        dependencies: [SOURCE, STORE],
    },
];

const run = (config?: Record<string, unknown>) => runStackPolicy(crossBorderPolicy, stack, { config });
const reported = (vs: Violation[]) => vs.map((v) => [v.urn, v.level]).sort();
const exemption = (resource: string, expires: string) => ({ exemptions: [{ resource, reason: "Migration, ticket DATA-42", expires }] });
const expiredLine = (resource: string) => `Exemption exemptions[0] for "${resource}" expired on 2020-01-31 and no longer applies (reason given: "Migration, ticket DATA-42").`;

describe("cross-border exemptions", () => {
    it("without one, both the flow and the store it fills abroad are reported", async () => {
        expect(reported(await run())).toEqual([
            [STORE, "mandatory"],
            [FLOW, "mandatory"],
        ]);
    });

    it("a current exemption for the flow resource allows the flow, and so the store it fills", async () => {
        expect(await run(exemption("customers-replication", "2999-12-31"))).toEqual([]);
    });

    it("an expired exemption for the flow resource allows nothing, and the flow's message says it expired", async () => {
        const got = await run(exemption("customers-replication", "2020-01-31"));
        expect(reported(got)).toEqual([
            [STORE, "mandatory"],
            [FLOW, "mandatory"],
        ]);
        const flow = got.find((v) => v.urn === FLOW)!;
        expect(flow.message.split("\n")).toContain(expiredLine("customers-replication"));
        expect(got.find((v) => v.urn === STORE)!.message).not.toContain("Exemption");
    });

    it("a current exemption for the receiving store allows the store, not the flow into it", async () => {
        const got = await run(exemption("customers-eu", "2999-12-31"));
        expect(reported(got)).toEqual([[FLOW, "mandatory"]]);
    });

    it("an expired exemption for the receiving store allows nothing, and the store's message says it expired", async () => {
        const got = await run(exemption("customers-eu", "2020-01-31"));
        expect(reported(got)).toEqual([
            [STORE, "mandatory"],
            [FLOW, "mandatory"],
        ]);
        expect(got.find((v) => v.urn === STORE)!.message.split("\n")).toContain(expiredLine("customers-eu"));
        expect(got.find((v) => v.urn === FLOW)!.message).not.toContain("Exemption");
    });

    it("a glob that matches the whole stack is refused, and each message says so", async () => {
        const got = await run({ exemptions: [{ resource: "urn:pulumi:test::test::*", reason: "everything", expires: "2999-12-31" }] });
        expect(reported(got)).toEqual([
            [STORE, "mandatory"],
            [FLOW, "mandatory"],
        ]);
        const note =
            'Exemption exemptions[0].resource "urn:pulumi:test::test::*" is refused: it matches every resource of stack "test" of project "test", which turns the policy off for them without naming them; name the resources, or set allowBroadExemptions to true.';
        for (const v of got) expect(v.message.split("\n")).toContain(note);
    });

    it("the same glob with allowBroadExemptions: true applies", async () => {
        expect(await run({ allowBroadExemptions: true, exemptions: [{ resource: "urn:pulumi:test::test::*", reason: "everything", expires: "2999-12-31" }] })).toEqual([]);
    });

    it("a glob that matches every resource anywhere makes the config invalid: the policy blocks and says why", async () => {
        const got = await run({ exemptions: [{ resource: "*", reason: "everything", expires: "2999-12-31" }] });
        expect(got.map((v) => v.level)).toEqual(["mandatory"]);
        expect(got[0]!.message.split("\n").slice(1)).toEqual([
            'The policy pack config for this policy is invalid, so the policy cannot decide and blocks: exemptions[0].resource "*" matches every resource; name the resources, or set allowBroadExemptions to true.',
            "Fix: correct the config file given with --policy-pack-config.",
            "Finding: RU152-CFG-002, see docs/findings.md#ru152-cfg-002",
        ]);
    });
});
