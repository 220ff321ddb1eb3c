// Issue class 4: a backup selection pattern counts every store whose ARN is not known yet (preview).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide, outcome, PERSONAL_RU, Spec, UNKNOWN, urn } from "./helpers";

const TABLE = "aws:dynamodb/table:Table";
const BUCKET = "aws:s3/bucket:Bucket";
const PLAN = "aws:backup/plan:Plan";

function stack(pattern: string, stores: Spec[]): Spec[] {
    return [
        ...stores,
        {
            type: PLAN,
            name: "plan",
            props: { name: "plan", rules: [{ ruleName: "r", targetVaultName: "local", copyActions: [{ destinationVaultArn: "arn:aws:backup:eu-central-1:123456789012:backup-vault:dr" }] }] },
        },
        { type: "aws:backup/selection:Selection", name: "sel", props: { name: "sel", planId: UNKNOWN, iamRoleArn: "arn:aws:iam::1:role/b", resources: [pattern] }, deps: { planId: ["plan"] } },
    ];
}
const table = (arn: string): Spec => ({ type: TABLE, name: "accounts", props: { name: "accounts", arn, tags: PERSONAL_RU } });
const bucket = (arn: string): Spec => ({ type: BUCKET, name: "photos", props: { bucket: "photos", arn, tags: PERSONAL_RU } });

describe("wildcard backup selections in preview", () => {
    it.each(["*", "arn:aws:dynamodb:*", "arn:aws:dynamodb:ru-central1:123456789012:table/*", "arn:*:dynamodb:*:*:table/acc*", "arn:aws:*:*:*:*"])(
        "%s selects a Russian table whose ARN is not known yet, and its copy to Frankfurt is blocked",
        (pattern) => {
            expect(outcome(decide(stack(pattern, [table(UNKNOWN)])))).toEqual([[urn(PLAN, "plan"), false]]);
        },
    );

    it("a pattern for another service does not select the table", () => {
        expect(decide(stack("arn:aws:s3:::*", [table(UNKNOWN)]))).toEqual([]);
    });

    it("a known ARN that does not match is not selected", () => {
        expect(decide(stack("arn:aws:dynamodb:*:*:table/other-*", [table("arn:aws:dynamodb:ru-central1:123456789012:table/accounts")]))).toEqual([]);
    });

    it("property: whatever mix of stores with known and unknown ARNs, * selects every one holding Russian personal data", () => {
        fc.assert(
            fc.property(fc.boolean(), fc.boolean(), (tableKnown, bucketKnown) => {
                const stores = [table(tableKnown ? "arn:aws:dynamodb:ru-central1:123456789012:table/accounts" : UNKNOWN), bucket(bucketKnown ? "arn:aws:s3:::photos" : UNKNOWN)];
                const found = decide(stack("*", stores));
                const msg = found.map((f) => f.message).join("\n");
                expect(found.every((f) => f.urn === urn(PLAN, "plan") && !f.downgrade)).toBe(true);
                expect(msg).toContain('aws:dynamodb/table:Table "accounts"');
                expect(msg).toContain('aws:s3/bucket:Bucket "photos"');
            }),
            { seed: 4, numRuns: 20 },
        );
    });
});

// Issue class 10: a copy that copies nothing is advisory at most.
describe("disabled replication rules", () => {
    const src: Spec = { type: BUCKET, name: "src", props: { bucket: "src", arn: "arn:aws:s3:::src", tags: PERSONAL_RU } };
    const dst: Spec = { type: BUCKET, name: "dst", props: { bucket: "dst", arn: "arn:aws:s3:::dst" }, place: "abroad" };
    const repl = (rules: unknown[]): Spec => ({ type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig", name: "repl", props: { bucket: "src", rules } });
    const REPL = urn("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl");

    it.each(["Disabled", "disabled", "DISABLED"])("status %s: one advisory finding on the rule's resource, none on the destination", (status) => {
        const found = decide([src, dst, repl([{ status, destination: { bucket: "arn:aws:s3:::dst" } }])]);
        expect(found.map((f) => [f.urn, f.advisory === true])).toEqual([[REPL, true]]);
    });

    it.each(["Enabled", UNKNOWN, undefined])("status %s counts as enabled (fail closed)", (status) => {
        const found = decide([src, dst, repl([{ status, destination: { bucket: "arn:aws:s3:::dst" } }])]);
        expect(found.map((f) => f.advisory === true)).toEqual([false, false]);
        expect(outcome(found).map(([u]) => u)).toEqual([REPL, urn(BUCKET, "dst")].sort());
    });

    it("an enabled rule beside a disabled one still blocks", () => {
        const found = decide([
            src,
            dst,
            repl([
                { status: "Disabled", destination: { bucket: "arn:aws:s3:::dst" } },
                { status: "Enabled", destination: { bucket: "arn:aws:s3:::dst" } },
            ]),
        ]);
        expect(
            found
                .filter((f) => f.urn === REPL)
                .map((f) => f.advisory === true)
                .sort(),
        ).toEqual([false, true]);
    });

    it("inline replicationConfiguration rules too", () => {
        const found = decide([{ ...src, props: { ...src.props, replicationConfiguration: { role: "r", rules: [{ status: "Disabled", destination: { bucket: "arn:aws:s3:::dst" } }] } } }, dst]);
        expect(found.map((f) => [f.urn, f.advisory === true])).toEqual([[urn(BUCKET, "src"), true]]);
    });
});
