// A real Pulumi program under the SDK's mocks: what the engine would receive.
import { beforeAll, describe, expect, it } from "vitest";
import * as path from "node:path";
import type { CapturedStack } from "../../src/program/capture";
import { runProgram } from "../../src/program/run-program";
import { InputError, readStackFiles } from "../../src/program/stack-config";

import { UNKNOWN } from "../../policypack/src/values";
const SECRET_KEY = "4dabf18193072939515e22adb298388d";
const fixture = (name: string) => path.resolve(__dirname, "..", "fixtures", "programs", name);
const byName = (s: CapturedStack, name: string) => s.resources.find((r) => r.name === name)!;

let preview: CapturedStack;
let update: CapturedStack;
beforeAll(async () => {
    [preview, update] = await Promise.all([runProgram(fixture("refs"), { preview: true }), runProgram(fixture("refs"), { preview: false })]);
});

describe("program capture", () => {
    it("records the stack, the default provider, the explicit provider and every resource", () => {
        expect(preview.resources.map((r) => r.type)).toEqual([
            "pulumi:pulumi:Stack",
            "pulumi:providers:aws",
            "aws:s3/bucket:Bucket",
            "aws:s3/bucketPolicy:BucketPolicy",
            "pulumi:providers:aws",
            "aws:sqs/queue:Queue",
        ]);
        expect(preview.project).toBe("refs");
        expect(preview.stack).toBe("dev");
    });

    it("creates the default provider from the stack config, with no region when none is configured", () => {
        const bucket = byName(preview, "data");
        expect(bucket.provider?.urn).toBe("urn:pulumi:dev::refs::pulumi:providers:aws::default_7_48_0");
        expect(bucket.provider?.props).toEqual({ version: "7.48.0" });
        expect(bucket.parent).toBe("urn:pulumi:dev::refs::pulumi:pulumi:Stack::refs-dev");
    });

    it("keeps explicit provider inputs as the aws SDK serialises them (JSON strings), secrets in their envelope", () => {
        const queue = byName(preview, "jobs");
        expect(queue.provider?.name).toBe("frankfurt");
        expect(queue.provider?.props.region).toBe("eu-central-1");
        expect(queue.provider?.props.defaultTags).toBe(JSON.stringify({ tags: { "user-data": "none" } }));
        expect(queue.provider?.props.accessKey).toEqual({ [SECRET_KEY]: "1b47061264138c4ac30d75fd1eb44270", value: "AKIACANARYACCESSKEY" });
        expect(queue.props.name).toEqual({ [SECRET_KEY]: "1b47061264138c4ac30d75fd1eb44270", value: "jobs-queue" });
    });

    it("in preview, outputs of other resources are unknown; in an update they are known", () => {
        const p = byName(preview, "data-policy");
        expect(p.props.bucket).toBe(UNKNOWN);
        expect(p.props.policy).toBe(UNKNOWN);
        expect(p.propertyDependencies.bucket).toEqual(["urn:pulumi:dev::refs::aws:s3/bucket:Bucket::data"]);
        expect(p.dependencies).toContain("urn:pulumi:dev::refs::aws:s3/bucket:Bucket::data");
        const u = byName(update, "data-policy");
        // An S3 bucket's ID is its name: here the autoname the provider's Check gave it.
        expect(u.props.bucket).toMatch(/^data-[0-9a-f]{7}$/);
    });

    it("passes the stack's config to the program (encrypted values as a secret placeholder)", () => {
        expect(byName(preview, "data").props.tags).toEqual({ "user-data": "personal", owner: "data-team" });
        expect(preview.config["refs:apiToken"]).toBe("[secret]");
    });

    it("reports a program that throws as bad input, naming the directory and the cause", async () => {
        await expect(runProgram(fixture("throws"), { preview: true })).rejects.toThrow(/throws: the program failed: the program refuses to run/);
    });

    it("rejects an unknown stack and a directory that is not a project", () => {
        expect(() => readStackFiles(fixture("refs"), "prod")).toThrow(InputError);
        expect(() => readStackFiles(fixture("refs"), "prod")).toThrow(/no stack "prod"/);
        expect(() => readStackFiles(path.resolve(__dirname))).toThrow(/no Pulumi.yaml/);
    });
});
