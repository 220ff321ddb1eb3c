// Resource types are the stack's words, not the pack's: a type or module named like one of
// Object's members ("constructor", "toString", "__proto__") must be read as a name like any
// other. Both lookups below once returned Object's own members and made the policy fail.
import { describe, expect, it } from "vitest";
import { CROSS_BORDER, LOCALIZATION, outcomes, runAll, runStack } from "../helpers/policies";
import { urnOf } from "../helpers/harness";

const yandex = { type: "pulumi:providers:aws", name: "yandex", props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) } };
const frankfurt = { type: "pulumi:providers:aws", name: "frankfurt", props: { region: "eu-central-1" } };
const PERSONAL_RU = { "user-data": "personal", "data-subjects": "RU" };

describe("types named like Object's members", () => {
    it("are decided by the resource policies like any unknown AWS module", async () => {
        for (const module of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
            const type = `aws:${module}/thing:Thing`;
            const violations = await runAll({ type, name: "t", props: { tags: PERSONAL_RU }, provider: frankfurt });
            expect(outcomes(violations)).toEqual([[LOCALIZATION, "mandatory"]]);
            expect(violations[0]!.message).toContain("holds personal data of Russian citizens but is not in Russia");
        }
    });

    it("do not stop the stack policy from reporting a replication abroad", async () => {
        const odd = ["constructor", "toString", "__proto__", "valueOf"].map((type) => ({ type, name: type, props: { tags: PERSONAL_RU }, provider: yandex }));
        const src = urnOf("aws:s3/bucket:Bucket", "customers");
        const dest = urnOf("aws:s3/bucket:Bucket", "replica");
        const cfg = urnOf("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl");
        const violations = await runStack([
            ...odd,
            { type: "aws:s3/bucket:Bucket", name: "customers", props: { bucket: "customers", tags: PERSONAL_RU }, provider: yandex },
            { type: "aws:s3/bucket:Bucket", name: "replica", props: { bucket: "replica" }, provider: frankfurt },
            {
                type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
                name: "repl",
                props: { bucket: "customers", rules: [{ id: "r", status: "Enabled", destination: { bucket: "arn:aws:s3:::replica" } }] },
                provider: yandex,
                propertyDependencies: { bucket: [src], rules: [dest] },
            },
        ]);
        // The replication, and the Frankfurt bucket it fills with Russian citizens' personal data.
        expect(violations.map((v) => [v.urn, v.policy, v.level])).toEqual([
            [cfg, CROSS_BORDER, "mandatory"],
            [dest, CROSS_BORDER, "mandatory"],
        ]);
        expect(violations[0]!.message).not.toContain("failed");
    });
});
