// Programs as people write them, run under mocks: what the engine would show the pack for each
// pattern that the language host and the CLI handle (test/fixtures/programs/*).
import { beforeAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CapturedStack } from "../../src/program/capture";
import { engineUrn, withoutResourceReferences } from "../../src/program/capture";
import { runProgram } from "../../src/program/run-program";
import { PassphraseDecrypter, readStackFiles } from "../../src/program/stack-config";

import { UNKNOWN } from "../../policypack/src/values";
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";
const fixture = (name: string) => path.resolve(__dirname, "..", "fixtures", "programs", name);
const byName = (s: CapturedStack, name: string) => {
    const r = s.resources.find((x) => x.name === name);
    if (!r) throw new Error(`no resource ${name} in ${s.resources.map((x) => x.name).join(", ")}`);
    return r;
};
/** No passphrase in the environment unless a test gives one. */
const env = (extra: Record<string, string> = {}) => {
    const e: NodeJS.ProcessEnv = { ...process.env, ...extra };
    if (!("PULUMI_CONFIG_PASSPHRASE" in extra)) delete e.PULUMI_CONFIG_PASSPHRASE;
    if (!("PULUMI_CONFIG_PASSPHRASE_FILE" in extra)) delete e.PULUMI_CONFIG_PASSPHRASE_FILE;
    return e;
};

describe("resource references", () => {
    let preview: CapturedStack;
    let update: CapturedStack;
    beforeAll(async () => {
        [preview, update] = await Promise.all([runProgram(fixture("resource-refs"), { preview: true }), runProgram(fixture("resource-refs"), { preview: false })]);
    });

    it("reach the pack as the resource's ID: unknown in a preview, the ID in an update", () => {
        expect(byName(preview, "site-policy").props.bucket).toBe(UNKNOWN);
        expect(byName(preview, "runner-logs").props.role).toBe(UNKNOWN);
        // An S3 bucket's ID is its name: the autoname the provider's Check gave it.
        expect(byName(update, "site-policy").props.bucket).toMatch(/^site-[0-9a-f]{7}$/);
        expect(byName(update, "runner-logs").props.role).toMatch(/^runner-[0-9a-f]{7}$/);
    });

    it("reach the pack as the URN for a component, and never as the SDK's reference object", () => {
        expect((byName(preview, "jobs").props.tags as Record<string, string>).owner).toBe("urn:pulumi:dev::resource-refs::acme:storage:Archive::archive");
        expect(JSON.stringify(preview.resources)).not.toContain("5cf8f73096256a8f31e491e813e4eb8e");
        expect(byName(preview, "site-policy").propertyDependencies.bucket).toEqual(["urn:pulumi:dev::resource-refs::aws:s3/bucket:Bucket::site"]);
    });

    it("are replaced wherever they are nested, secrets included", () => {
        const ref = (urn: string, id?: string) => ({ [SIG]: "5cf8f73096256a8f31e491e813e4eb8e", urn, ...(id === undefined ? {} : { id }) });
        expect(withoutResourceReferences({ a: [ref("u1", "i1")], b: { [SIG]: SECRET, value: ref("u2", "") }, c: ref("u3") })).toEqual({ a: ["i1"], b: { [SIG]: SECRET, value: UNKNOWN }, c: "u3" });
    });
});

describe("entry points and module systems", () => {
    it("awaits `export = async () => {...}`", async () => {
        const s = await runProgram(fixture("async-export"), { preview: true });
        expect(s.resources.map((r) => r.urn)).toEqual([
            "urn:pulumi:dev::async-export::pulumi:pulumi:Stack::async-export-dev",
            "urn:pulumi:dev::async-export::pulumi:providers:aws::default_7_48_0",
            "urn:pulumi:dev::async-export::aws:s3/bucket:Bucket::late",
        ]);
        expect(byName(s, "late").parent).toBe("urn:pulumi:dev::async-export::pulumi:pulumi:Stack::async-export-dev");
    });

    it("loads an ES module program as an ES module, with ./x.js naming x.ts and its default export run", async () => {
        const s = await runProgram(fixture("esm-module"), { preview: true });
        expect(byName(s, "esm-data").props.tags).toEqual({ "user-data": "personal", "data-subjects": "RU", loaded: "esm" });
        expect(byName(s, "esm-data").source?.file).toBe(path.join(fixture("esm-module"), "storage.ts"));
    });

    it("resolves ./x.js to x.ts in a CommonJS program, side-effect imports included", async () => {
        const s = await runProgram(fixture("cjs-js-specifier"), { preview: true });
        expect(s.resources.map((r) => r.name).sort()).toEqual(["acl-data", "cjs-js-specifier-dev", "default_7_48_0", "logs"]);
        expect(byName(s, "acl-data").source).toMatchObject({ file: path.join(fixture("cjs-js-specifier"), "acl.ts"), line: 3 });
    });
});

describe("data sources", () => {
    it("are answered from the provider's region, the default's or an explicit one's", async () => {
        const s = await runProgram(fixture("data-sources"), { preview: true });
        const bucket = byName(s, "zonal");
        expect(bucket.props.bucket).toBe("data-123456789012-eu-central-1");
        expect((bucket.props.tags as Record<string, string>).zone).toBe("eu-central-1a");
        expect(JSON.parse(byName(s, "zonal-policy").props.policy as string)).toEqual({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "ReadOnly",
                    Effect: "Allow",
                    Action: ["s3:GetObject", "s3:ListBucket"],
                    Resource: "arn:aws:s3:::data-123456789012-eu-central-1/*",
                    Principal: { AWS: "arn:aws:iam::123456789012:root" },
                },
            ],
        });
    });

    it("that are not known fail the program with their name, instead of returning its inputs", async () => {
        await expect(runProgram(fixture("unknown-data-source"), { preview: true })).rejects.toThrow(
            /unknown-data-source: the program failed: error serializing property "zoneId": data source aws:route53\/getZone:getZone cannot be answered offline/,
        );
    });

    it("a program's own error is reported in its words, not as a stack frame", async () => {
        await expect(runProgram(fixture("throws-in-apply"), { preview: true })).rejects.toThrow(
            /throws-in-apply: the program failed: error serializing property "bucket": bucket name orders is reserved for the archive team$/,
        );
    });
});

describe("remote components", () => {
    it("are recorded, since their children exist only in their provider plugin", async () => {
        const s = await runProgram(fixture("remote-component"), { preview: true });
        expect(s.remoteComponents).toEqual([
            { urn: "urn:pulumi:dev::remote-component::acmex:ecs:FargateService::api", type: "acmex:ecs:FargateService", name: "api", source: expect.objectContaining({ line: 11 }) },
        ]);
        expect(byName(s, "assets").custom).toBe(true);
    });
});

describe("config", () => {
    it("applies Pulumi.yaml config where there is no stack file: provider keys as values, project keys as defaults", async () => {
        const s = await runProgram(fixture("project-config"), { preview: true });
        const bucket = byName(s, "records");
        expect(bucket.props.bucket).toBe("customers-30");
        expect(bucket.provider?.props).toEqual({ region: "eu-central-1", defaultTags: JSON.stringify({ tags: { "data-subjects": "RU", "user-data": "personal" } }), version: "7.48.0" });
    });

    it("lets the stack override the project, and refuses a declared project key that no one sets", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "project-config-"));
        try {
            fs.cpSync(fixture("project-config"), dir, { recursive: true });
            fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), "config:\n  aws:region: ru-central1\n  project-config:bucketPrefix: orders\n");
            const files = readStackFiles(dir, "prod");
            expect(files.config["aws:region"]).toBe("ru-central1");
            expect(files.config["project-config:bucketPrefix"]).toBe("orders");
            expect(files.config["project-config:retentionDays"]).toBe("30");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
        expect(() => readStackFiles(fixture("project-config-missing"))).toThrow("stack 'dev' is missing configuration value vpcId that Pulumi.yaml declares; set it in Pulumi.dev.yaml");
    });

    it("names the ESC environments whose values are not seen", () => {
        expect(readStackFiles(fixture("esc-environment")).warnings).toEqual([
            "Pulumi.dev.yaml: the Pulumi ESC environment acme/eu-tags is not read offline, so the config it provides is not seen; set those keys in Pulumi.dev.yaml to check them",
        ]);
    });
});

describe("secrets", () => {
    it('decrypt with the Pulumi CLI\'s passphrase parameters (its own test state for the passphrase "password")', () => {
        const state = "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==";
        expect(() => PassphraseDecrypter.fromState("password", state, "x.yaml")).not.toThrow();
        expect(() => PassphraseDecrypter.fromState("password123", state, "x.yaml")).toThrow("x.yaml: incorrect passphrase");
    });

    it("reach the program decrypted and secret with PULUMI_CONFIG_PASSPHRASE, and the default provider as secrets", async () => {
        const s = await runProgram(fixture("secrets"), { preview: true, env: env({ PULUMI_CONFIG_PASSPHRASE: "password" }) });
        expect(byName(s, "vault").props.bucket).toEqual({ [SIG]: SECRET, value: "vault-decrypted" });
        expect((byName(s, "vault").props.tags as Record<string, unknown>)["data-subjects"]).toBe("RU");
        expect(byName(s, "vault").provider?.props.secretKey).toEqual({ [SIG]: SECRET, value: "CANARY-AWS-SECRET-KEY" });
        expect(s.config["secrets:apiToken"]).toBe("[secret]");
        expect(s.warnings).toEqual([]);
    });

    it("read the passphrase from PULUMI_CONFIG_PASSPHRASE_FILE, trimmed", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "passphrase-")), "phrase");
        fs.writeFileSync(file, "password\n");
        const files = readStackFiles(fixture("secrets"), undefined, env({ PULUMI_CONFIG_PASSPHRASE_FILE: file }));
        expect(files.config["secrets:apiToken"]).toBe("CANARY-hunter2");
        // Object values as the CLI (Go's encoding/json) writes them: keys sorted.
        expect(files.config["secrets:tagSet"]).toBe(JSON.stringify({ category: "personal", subjects: "RU" }));
        expect(files.secretKeys).toEqual(["aws:secretKey", "secrets:apiToken", "secrets:tagSet"]);
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
    });

    it("stay placeholders, with a warning, without a passphrase; a wrong one is refused", async () => {
        const s = await runProgram(fixture("secrets"), { preview: true, env: env() });
        expect(byName(s, "vault").props.bucket).toEqual({ [SIG]: SECRET, value: "vault-placeholder" });
        expect(s.warnings).toEqual([
            'Pulumi.dev.yaml: the secret config values aws:secretKey, secrets:apiToken, secrets:tagSet are not decrypted (set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE to decrypt them); the program sees the placeholder "[secret]"',
        ]);
        expect(() => readStackFiles(fixture("secrets"), undefined, env({ PULUMI_CONFIG_PASSPHRASE: "wrong" }))).toThrow(/Pulumi.dev.yaml: incorrect passphrase/);
    });
});

describe("URNs", () => {
    it("carry every ancestor's type, as the engine builds them", async () => {
        const s = await runProgram(fixture("nested-components"), { preview: true });
        expect(s.resources.filter((r) => r.type !== "pulumi:providers:aws").map((r) => [r.urn, r.parent])).toEqual([
            ["urn:pulumi:dev::nested-components::pulumi:pulumi:Stack::nested-components-dev", undefined],
            ["urn:pulumi:dev::nested-components::acme:data:Outer::archive", "urn:pulumi:dev::nested-components::pulumi:pulumi:Stack::nested-components-dev"],
            ["urn:pulumi:dev::nested-components::acme:data:Outer$acme:data:Middle::archive-middle", "urn:pulumi:dev::nested-components::acme:data:Outer::archive"],
            [
                "urn:pulumi:dev::nested-components::acme:data:Outer$acme:data:Middle$acme:data:Leaf::archive-middle-leaf",
                "urn:pulumi:dev::nested-components::acme:data:Outer$acme:data:Middle::archive-middle",
            ],
            [
                "urn:pulumi:dev::nested-components::acme:data:Outer$acme:data:Middle$acme:data:Leaf$aws:s3/bucket:Bucket::archive-middle-leaf-objects",
                "urn:pulumi:dev::nested-components::acme:data:Outer$acme:data:Middle$acme:data:Leaf::archive-middle-leaf",
            ],
        ]);
    });

    it("of children of the stack have no parent type", () => {
        expect(engineUrn("dev", "p", "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", "aws:s3/bucket:Bucket", "b")).toBe("urn:pulumi:dev::p::aws:s3/bucket:Bucket::b");
        expect(engineUrn("dev", "p", "", "pulumi:pulumi:Stack", "p-dev")).toBe("urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev");
    });
});

describe("transforms", () => {
    it("are applied before the resource is recorded: the stack's to every resource, a component's to its children", async () => {
        const s = await runProgram(fixture("transforms"), { preview: true });
        expect(byName(s, "plain").props.tags).toEqual({ "user-data": "personal", "data-subjects": "RU" });
        expect(byName(s, "plain").provider?.name).toBe("default_7_48_0");
        const child = byName(s, "ru-vault-objects");
        expect(child.urn).toBe("urn:pulumi:dev::transforms::acme:data:Vault$aws:s3/bucket:Bucket::ru-vault-objects");
        expect(child.props.tags).toEqual({ "user-data": "personal", "data-subjects": "RU" });
        expect(child.provider?.name).toBe("yandex");
    });
});
