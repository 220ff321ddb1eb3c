// The AWS parts of the data files agree with the @pulumi/aws package the users deploy with.
import { Region } from "@pulumi/aws";
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import awsServices from "../../policypack/data/aws-services.json";
import { regionEntries } from "../../policypack/src/locate/catalogue";
import { storageTypes } from "../../policypack/src/classify/storage";

const awsDir = path.dirname(require.resolve("@pulumi/aws/package.json"));
const awsRegions = Object.values(Region as Record<string, string>);

function pulumiTypeExists(token: string): boolean {
    const module = /^aws:([^/]+)\//.exec(token)![1]!;
    const dir = path.join(awsDir, module);
    if (!fs.existsSync(dir)) return false;
    return fs.readdirSync(dir).some((f) => f.endsWith(".js") && fs.readFileSync(path.join(dir, f), "utf8").includes(`__pulumiType = '${token}'`));
}

describe("AWS catalogue", () => {
    it("places every region @pulumi/aws knows in a country, with a source", () => {
        expect(awsRegions.length).toBeGreaterThan(30);
        const known = new Map(regionEntries("aws").map((r) => [r.id, r]));
        for (const id of awsRegions) {
            const entry = known.get(id);
            expect(entry, id).toBeDefined();
            expect(entry!.country, id).toMatch(/^[A-Z]{2}$/);
            expect(entry!.source, id).toMatch(/^https:\/\//);
        }
    });

    it("puts no AWS region in Russia", () => {
        expect(regionEntries("aws").filter((r) => r.country === "RU")).toEqual([]);
    });

    it("lists storage types that exist in @pulumi/aws", () => {
        const aws = storageTypes().filter((t) => t.startsWith("aws:"));
        expect(aws.length).toBeGreaterThanOrEqual(80);
        for (const t of aws) expect(pulumiTypeExists(t), t).toBe(true);
    });

    it("covers every storage service the issue names", () => {
        const services = new Set(awsServices.storageTypes.map((t) => t.service));
        for (const s of [
            "S3",
            "RDS",
            "Aurora",
            "DynamoDB",
            "EBS",
            "EFS",
            "FSx",
            "ElastiCache",
            "MemoryDB",
            "Redshift",
            "OpenSearch",
            "DocumentDB",
            "Neptune",
            "Keyspaces",
            "Timestream",
            "Kinesis Data Streams",
            "Data Firehose",
            "SQS",
            "SNS",
            "CloudWatch Logs",
            "AWS Backup",
            "S3 Glacier",
            "Cognito user pools",
            "MSK",
            "Amazon MQ",
            "Lightsail object storage",
        ]) {
            expect(services.has(s), s).toBe(true);
        }
    });

    it("names endpoint keys the aws provider accepts", () => {
        const input = fs.readFileSync(path.join(awsDir, "types", "input.d.ts"), "utf8");
        const block = input.slice(input.indexOf("export interface ProviderEndpoint {"));
        const keys = new Set([...block.slice(0, block.indexOf("\n}")).matchAll(/^\s+([a-z0-9]+)\?:/gm)].map((m) => m[1]));
        const used = [...Object.values(awsServices.endpointKeys.modules), ...Object.values(awsServices.endpointKeys.types)].flat();
        for (const k of used) expect(keys.has(k), k).toBe(true);
    });
});
