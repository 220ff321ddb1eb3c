// `ru-residency analyze --file` on stack exports, and the command's exit codes and errors.
import { describe, expect, it } from "vitest";
import * as path from "node:path";
import { parseStackExport, readStackExport } from "../../src/stack-export";
import { staticSiteExport, writeExport } from "../helpers/big-stacks";
import { runCli } from "../helpers/cli";

const fx = (f: string) => path.join("test", "fixtures", f);
const SECRET_KEY = "4dabf18193072939515e22adb298388d";

describe("stack export reader", () => {
    const exported = readStackExport(fx("exports/shop-prod.json"));
    const by = (name: string) => exported.resources.find((r) => r.name === name)!;

    it("reads project, stack, explicit and default providers with their JSON-string inputs", () => {
        expect(exported.project).toBe("shop");
        expect(exported.stack).toBe("prod");
        expect(by("ru-customers").provider).toMatchObject({ name: "yandex", type: "pulumi:providers:aws" });
        expect(by("ru-customers").provider?.props.endpoints).toBe(JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]));
        expect(by("signups").provider?.name).toBe("default_7_48_0");
        expect(by("archive-objects").parent).toBe("urn:pulumi:prod::shop::acme:storage:Archive::archive");
    });

    it("keeps secrets in the engine's envelope; encrypted ones get a placeholder, never the ciphertext", () => {
        expect(by("signups").props.name).toEqual({ [SECRET_KEY]: "1b47061264138c4ac30d75fd1eb44270", value: "signups-queue" });
        expect(JSON.stringify(exported)).not.toContain("CANARYCIPHERTEXT");
        expect(by("ru-customers").provider?.props.secretKey).toEqual({ [SECRET_KEY]: "1b47061264138c4ac30d75fd1eb44270", value: "[secret]" });
    });

    it("gives AnalyzeStack the outputs and Analyze the inputs", () => {
        const out = exported.stackResources.find((r) => r.name === "signups")!;
        expect(out.props.tagsAll).toEqual({ "user-data": "personal" });
        expect(by("signups").props.tagsAll).toBeUndefined();
    });

    it("rejects what is not a version-3 export", () => {
        expect(() => parseStackExport({ version: 2, deployment: {} }, "x.json")).toThrow(/x.json: deployment format version 2 is not supported/);
        expect(() => parseStackExport([], "x.json")).toThrow(/not a stack export/);
        expect(() => parseStackExport({ version: 3, deployment: { resources: [{ type: "a" }] } }, "x.json")).toThrow(/resources\[0\] has no urn/);
    });
});

describe("ru-residency analyze", () => {
    it("blocks the queue classified by its provider's default tags, and passes the Yandex bucket", async () => {
        const res = await runCli(["analyze", "--file", fx("exports/shop-prod.json"), "--json"]);
        expect(res.stderr).toBe("");
        expect(res.code).toBe(1);
        const out = JSON.parse(res.stdout) as { violations: { urn: string; policy: string; level: string; message: string }[] };
        expect(out.violations.map((v) => [v.urn, v.policy, v.level])).toEqual([["urn:pulumi:prod::shop::aws:sqs/queue:Queue::signups", "ru-personal-data-localization", "mandatory"]]);
        expect(res.stdout).not.toContain("CANARYCIPHERTEXT");
    });

    it("analyses every resource, as pulumi policy analyze does: a mandatory violation does not stop the rest", async () => {
        // deploy.AnalyzeSnapshot runs each resource's Analyze with dryRun=true, so a mandatory
        // finding on one resource does not keep the next from being analysed, and the stack
        // policies still run.
        const file = writeExport("site.json", staticSiteExport(3));
        const res = await runCli(["analyze", "--file", file, "--json"]);
        expect(res.code).toBe(1);
        const out = JSON.parse(res.stdout) as { summary: unknown; violations: { name: string; policy: string; level: string }[] };
        expect(out.summary).toEqual({ resources: 5, mandatory: 4, advisory: 0, blocked: true });
        expect(out.violations.map((v) => [v.name, v.policy, v.level])).toEqual([
            ["assets/page-0000.html", "ru-personal-data-localization", "mandatory"],
            ["assets/page-0001.html", "ru-personal-data-localization", "mandatory"],
            ["assets/page-0002.html", "ru-personal-data-localization", "mandatory"],
            ["site", "ru-personal-data-localization", "mandatory"],
        ]);
    });

    it("prints violations as pulumi preview does, then a summary line", async () => {
        const res = await runCli(["analyze", "--file", fx("exports/shop-prod.json")]);
        expect(res.code).toBe(1);
        expect(res.stdout).toContain(
            "Policies:\n    ❌ ru-data-residency@v0.1.0 (local: policypack)\n        - [mandatory] [severity: critical]  ru-personal-data-localization  (aws:sqs/queue:Queue: signups)\n          Russian citizens' personal data must not be stored using databases outside Russia (152-FZ Art. 18(5)).\n",
        );
        expect(res.stdout.trim().split("\n").pop()).toBe("Analysed 7 resources: 1 mandatory, 0 advisory policy violation; the deployment would be BLOCKED.");
    });
});

describe("exit codes and errors", () => {
    const cases: [string, string[], RegExp][] = [
        ["no command", [], /Usage:/],
        ["unknown command", ["deploy"], /unknown command "deploy"/],
        ["analyze without --file", ["analyze"], /analyze needs --file/],
        ["missing file", ["analyze", "--file", fx("exports/nope.json")], /nope.json: cannot read it \(ENOENT\)/],
        ["invalid JSON", ["analyze", "--file", fx("exports/not-json.json")], /not-json.json: not valid JSON/],
        ["old export format", ["analyze", "--file", fx("exports/bad-version.json")], /bad-version.json: deployment format version 2 is not supported/],
        ["a program that throws", ["preview", fx("programs/throws")], /throws: the program failed: the program refuses to run/],
        ["an unknown stack", ["preview", fx("programs/refs"), "--stack", "prod"], /no stack "prod"/],
        ["not a program", ["preview", fx("exports")], /no Pulumi.yaml/],
        [
            "config that breaks the schema",
            ["analyze", "--file", fx("exports/shop-prod.json"), "--policy-pack-config", fx("exports/bad-config.json")],
            /\nerror: validating policy config: ru-data-residency 0\.1\.0 {2}ru-personal-data-localization: onUnknown: onUnknown must be one of the following: "block", "warn"\n/,
        ],
        ["a bad --stack-tag", ["preview", "examples/yandex-bucket", "--stack-tag", "oops"], /--stack-tag "oops": expected KEY=VALUE/],
    ];
    for (const [title, args, error] of cases) {
        it.concurrent(`exit 2 with a reason: ${title}`, async () => {
            const res = await runCli(args);
            expect(res.code).toBe(2);
            expect(res.stderr).toMatch(error);
            expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
            expect(res.stdout).toBe("");
        });
    }

    it("leaves what the schema cannot check (a date that does not exist) to the pack, which blocks at the policy's level as under pulumi", async () => {
        const res = await runCli(["analyze", "--file", fx("exports/shop-prod.json"), "--policy-pack-config", fx("exports/bad-date-config.json")]);
        expect(res.code).toBe(1);
        expect(res.stderr).toBe("");
        // As `pulumi policy analyze` (deploy.AnalyzeSnapshot, dryRun true): every resource the
        // policy judges gets the same blocking violation; none stops the others.
        const block = (name: string) => [
            `        - [mandatory] [severity: critical]  ru-personal-data-localization  (${name})`,
            "          Russian citizens' personal data must not be stored using databases outside Russia (152-FZ Art. 18(5)).",
            '          The policy pack config for this policy is invalid, so the policy cannot decide and blocks: exemptions[0].expires is required and must be a real date as YYYY-MM-DD, not "2025-02-30".',
            "          Fix: correct the config file given with --policy-pack-config.",
            "          Finding: RU152-CFG-002, see docs/findings.md#ru152-cfg-002",
        ];
        expect(res.stdout).toBe(
            [
                "Policies:",
                "    ❌ ru-data-residency@v0.1.0 (local: policypack)",
                ...[
                    "aws:s3/bucket:Bucket: archive-objects",
                    "acme:storage:Archive: archive",
                    "aws:s3/bucket:Bucket: ru-customers",
                    "aws:s3/bucket:Bucket: secret-tags",
                    "aws:sqs/queue:Queue: signups",
                ].flatMap(block),
                "",
                "Analysed 7 resources: 5 mandatory, 0 advisory policy violations; the deployment would be BLOCKED.",
                "",
            ].join("\n"),
        );
    });

    it("exit 0 when nothing mandatory is found", async () => {
        const res = await runCli(["preview", "examples/yandex-bucket"]);
        expect(res.code).toBe(0);
        expect(res.stdout).toContain("the deployment would proceed.");
    });
});

describe("progress", () => {
    it("is shown for more than a few hundred resources, and only on a terminal", async () => {
        const { progress } = await import("../../src/cli/main");
        expect(progress(false)).toBeUndefined();
        const written: string[] = [];
        const p = progress(true, (s) => written.push(s))!;
        p(100, 200);
        expect(written).toEqual([]);
        p(100, 500);
        p(500, 500);
        expect(written).toEqual(["\ranalysing resources: 100/500", "\ranalysing resources: 500/500", "\n"]);
    });
});
