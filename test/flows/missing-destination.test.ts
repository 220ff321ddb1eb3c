// A replication rule always copies somewhere: one whose destination cannot be read blocks.
import { describe, expect, it } from "vitest";
import { crossBorderPolicy } from "../../policypack/policies/ru-personal-data-cross-border-transfer";
import { runStackPolicy, urnOf } from "../helpers/harness";

const yandex = { type: "pulumi:providers:aws", name: "yandex", props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) } };

describe("S3 replication with no readable destination", () => {
    it("is an unknown destination, reported against the replication config", async () => {
        const src = urnOf("aws:s3/bucket:Bucket", "customers");
        const cfg = urnOf("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl");
        const violations = await runStackPolicy(crossBorderPolicy, [
            { type: "aws:s3/bucket:Bucket", name: "customers", props: { bucket: "customers", tags: { "user-data": "personal", "data-subjects": "RU" } }, provider: yandex },
            {
                type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
                name: "repl",
                props: { bucket: "customers", rules: [{ id: "r", status: "Enabled", destination: {} }] },
                provider: yandex,
                propertyDependencies: { bucket: [src] },
            },
        ]);
        expect(violations.map((v) => [v.urn, v.level])).toEqual([[cfg, "mandatory"]]);
        expect(violations[0]!.message).toContain("rules[0].destination.bucket is not set");
    });
});
