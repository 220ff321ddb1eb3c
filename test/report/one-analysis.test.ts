// A report states what the policies decided, never a second derivation of its own: each fact
// (where a store or a flow's destination is, which flows leave Russia) comes from the settings of
// the policy that decides it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CROSS_BORDER } from "../../policypack/policies/registry";
import { YANDEX_S3_PROVIDER } from "../../policypack/policies/example-types";
import type { StackExample } from "../../policypack/policies/example-types";
import { analyzeResourcesInProcess } from "../../src/in-process";
import { differingSharedSettings } from "../../policypack/src/decide/config";
import { buildDataMap } from "../../src/report/data-map";
import { ROOT } from "../helpers/cli";
import { engineResources } from "../helpers/stack-examples";

const PACK = path.join(ROOT, "policypack");

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "one-analysis-"));
const bucket = "aws:s3/bucket:Bucket";
const BACKUP_PROVIDER = { type: "pulumi:providers:aws", name: "backup", props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://s3.backup.example" }]) } };

/** A Russian bucket replicated to a bucket on an endpoint that only the cross-border policy's config places. */
const stack: StackExample = {
    title: "endpointCountries set on the cross-border policy only",
    resources: [
        { type: bucket, name: "customers", props: { bucket: "customers", tags: { "user-data": "personal", "data-subjects": "RU" } }, provider: YANDEX_S3_PROVIDER },
        { type: bucket, name: "customers-backup", props: { bucket: "customers-backup", tags: { "user-data": "none" } }, provider: BACKUP_PROVIDER },
        {
            type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
            name: "customers-replication",
            props: { bucket: "customers", role: "arn:aws:iam::123456789012:role/replication", rules: [{ id: "all", status: "Enabled", destination: { bucket: "arn:aws:s3:::customers-backup" } }] },
            provider: YANDEX_S3_PROVIDER,
        },
    ],
    expect: [],
};

describe("a report and the policy it reports on", () => {
    it("agree when a setting is given to one policy only", async () => {
        const configFile = path.join(tmp, "config.json");
        fs.writeFileSync(configFile, JSON.stringify({ [CROSS_BORDER]: { endpointCountries: { "s3.backup.example": "RU" } } }));
        const resources = engineResources(stack);
        const warnings: string[] = [];
        const analysis = await analyzeResourcesInProcess(resources, { packDir: PACK, configFile, project: "examples", stack: "dev", dryRun: true, onWarning: (w) => warnings.push(w) });
        // The copies differ, and the command says so: the policies decide on different facts.
        expect(warnings).toEqual([
            `${configFile}: endpointCountries differs between policies (ru-personal-data-localization: {}; ru-personal-data-cross-border-transfer: {"s3.backup.example":"RU"}); each policy reads only its own copy, so the policies decide on different facts. Set the same value on every policy that takes it.`,
        ]);
        expect(analysis.diagnostics.map((d) => [d.policyName, d.resourceName])).toEqual([]);
        const map = buildDataMap({ resources, analysis, subject: { kind: "program", path: "x", project: "examples", stack: "dev", mode: "preview" } });
        expect(map.flows.map((f) => [f.flowResource.name, f.to.inRussia, f.to.country])).toEqual([["customers-replication", "yes", "RU"]]);
        expect(map.summary.flowsLeavingRussia).toBe(0);
    });
});

describe("shared settings", () => {
    const takes = { a: ["endpointCountries", "transfers", "exemptions"], b: ["endpointCountries", "transfers", "exemptions"], c: ["categoriesTagKey"] };
    it("are silent when every copy is the same, whatever the key order", () => {
        const m = { "*.x.example": "RU", "y.example": "KZ" };
        expect(
            differingSharedSettings({ a: { endpointCountries: m, transfers: "forbid" }, b: { endpointCountries: { "y.example": "KZ", "*.x.example": "RU" }, transfers: "forbid" }, c: {} }, takes),
        ).toEqual([]);
    });
    it("name each differing property once, with every copy, and leave per-policy ones alone", () => {
        const got = differingSharedSettings({ a: { transfers: "declared", exemptions: [1] }, b: { transfers: "forbid", exemptions: [] }, c: { categoriesTagKey: "x" } }, takes);
        expect(got).toEqual([
            'transfers differs between policies (a: "declared"; b: "forbid"); each policy reads only its own copy, so the policies decide on different facts (with declared on the localization policy only, a store abroad is left to the cross-border policy, which under forbid does not judge stores, so no policy reports it). Set the same value on every policy that takes it.',
        ]);
    });
});
