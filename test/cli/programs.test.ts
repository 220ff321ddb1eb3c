// `ru-residency preview` on programs written the way people write them: the exact verdicts, the
// exit codes, and the one-line reasons where it cannot judge (test/fixtures/programs/*).
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli } from "../helpers/cli";

const prog = (name: string) => path.join("test", "fixtures", "programs", name);
const LOCALIZATION = "ru-personal-data-localization";
/** No passphrase unless a test gives one, whatever the machine running the tests has set. */
const env = (extra: Record<string, string> = {}) => {
    const e: NodeJS.ProcessEnv = { ...process.env, ...extra };
    if (!("PULUMI_CONFIG_PASSPHRASE" in extra)) delete e.PULUMI_CONFIG_PASSPHRASE;
    if (!("PULUMI_CONFIG_PASSPHRASE_FILE" in extra)) delete e.PULUMI_CONFIG_PASSPHRASE_FILE;
    return e;
};
type Json = { violations: { urn: string; policy: string; level: string }[]; summary: { resources: number }; warnings?: string[] };
const verdicts = (stdout: string) => (JSON.parse(stdout) as Json).violations.map((v) => [v.urn, v.policy, v.level]);

describe("preview blocks what the program really deploys", () => {
    const cases: [string, string, string[], number][] = [
        ["resource references (bucket: siteBucket, role: role)", "resource-refs", ["urn:pulumi:dev::resource-refs::aws:s3/bucket:Bucket::site"], 7],
        ["an async `export =` entry point", "async-export", ["urn:pulumi:dev::async-export::aws:s3/bucket:Bucket::late"], 2],
        ["an ES module program", "esm-module", ["urn:pulumi:dev::esm-module::aws:s3/bucket:Bucket::esm-data"], 2],
        ["a CommonJS program importing ./acl.js", "cjs-js-specifier", ["urn:pulumi:dev::cjs-js-specifier::aws:s3/bucket:Bucket::acl-data"], 3],
        ["data sources", "data-sources", ["urn:pulumi:dev::data-sources::aws:s3/bucket:Bucket::zonal"], 4],
        ["region and default tags from Pulumi.yaml", "project-config", ["urn:pulumi:dev::project-config::aws:s3/bucket:Bucket::records"], 2],
        [
            "a bucket three components deep",
            "nested-components",
            ["urn:pulumi:dev::nested-components::acme:data:Outer$acme:data:Middle$acme:data:Leaf$aws:s3/bucket:Bucket::archive-middle-leaf-objects"],
            5,
        ],
        ["a stack transform that classifies buckets, and a component transform that moves its children to Yandex", "transforms", ["urn:pulumi:dev::transforms::aws:s3/bucket:Bucket::plain"], 5],
    ];
    for (const [title, fixture, blocked, resources] of cases) {
        it.concurrent(title, async () => {
            const res = await runCli(["preview", prog(fixture), "--json"], { env: env() });
            expect(res.stderr).toBe("");
            expect(res.code).toBe(1);
            expect(verdicts(res.stdout)).toEqual(blocked.map((urn) => [urn, LOCALIZATION, "mandatory"]));
            // Every resource but the stack: default providers, explicit providers, components.
            expect((JSON.parse(res.stdout) as Json).summary.resources).toBe(resources);
        });
    }

    it.concurrent("an exemption copied from the real stack matches the nested bucket's URN", async () => {
        const res = await runCli(["preview", prog("nested-components"), "--policy-pack-config", path.join(prog("nested-components"), "exempt-by-urn.json"), "--json"], { env: env() });
        expect(res.code).toBe(0);
        expect(verdicts(res.stdout)).toEqual([]);
    });
});

describe("preview fails closed, in one line, where it cannot see", () => {
    const cases: [string, string, string][] = [
        [
            "a remote component, whose children only its provider plugin creates",
            "remote-component",
            'ru-residency: test/fixtures/programs/remote-component: cannot check inside the remote component acmex:ecs:FargateService "api": its resources are created by the acmex provider plugin, which does not run offline, so they are not seen and the deployment is not passed. Check this program with pulumi preview --policy-pack, where the engine shows the pack every resource the component creates\n',
        ],
        [
            "a data source it cannot answer",
            "unknown-data-source",
            'ru-residency: test/fixtures/programs/unknown-data-source: the program failed: error serializing property "zoneId": data source aws:route53/getZone:getZone cannot be answered offline: ru-residency preview answers only the aws data sources it knows (getRegion, getAvailabilityZones and a few more). Check this program with pulumi preview --policy-pack, where the provider answers it\n',
        ],
        [
            "the program's own error, thrown while a resource is prepared",
            "throws-in-apply",
            'ru-residency: test/fixtures/programs/throws-in-apply: the program failed: error serializing property "bucket": bucket name orders is reserved for the archive team\n',
        ],
        [
            "a project config key that no one sets",
            "project-config-missing",
            "ru-residency: test/fixtures/programs/project-config-missing: stack 'dev' is missing configuration value vpcId that Pulumi.yaml declares; set it in Pulumi.dev.yaml\n",
        ],
    ];
    for (const [title, fixture, stderr] of cases) {
        it.concurrent(title, async () => {
            const res = await runCli(["preview", prog(fixture)], { env: env() });
            expect(res.code).toBe(2);
            expect(res.stderr).toBe(stderr);
            expect(res.stdout).toBe("");
        });
    }

    it.concurrent("says that an ESC environment's values are not seen, and still judges what it sees", async () => {
        const res = await runCli(["preview", prog("esc-environment"), "--json"], { env: env() });
        expect(res.code).toBe(1);
        const warning = "Pulumi.dev.yaml: the Pulumi ESC environment acme/eu-tags is not read offline, so the config it provides is not seen; set those keys in Pulumi.dev.yaml to check them";
        expect(res.stderr).toBe(`ru-residency: warning: ${warning}\n`);
        expect((JSON.parse(res.stdout) as Json).warnings).toEqual([warning]);
        expect(verdicts(res.stdout)).toEqual([["urn:pulumi:dev::esc-environment::aws:s3/bucket:Bucket::shared", LOCALIZATION, "mandatory"]]);
    });
});

describe("secrets", () => {
    const CANARIES = ["CANARY-hunter2", "CANARY-AWS-SECRET-KEY"];
    it.concurrent("are decrypted with PULUMI_CONFIG_PASSPHRASE and never printed, in any output", async () => {
        const runs = await Promise.all([
            runCli(["preview", prog("secrets")], { env: env({ PULUMI_CONFIG_PASSPHRASE: "password" }) }),
            runCli(["preview", prog("secrets"), "--json"], { env: env({ PULUMI_CONFIG_PASSPHRASE: "password" }) }),
            runCli(["report", prog("secrets"), "--format", "json"], { env: env({ PULUMI_CONFIG_PASSPHRASE: "password" }) }),
        ]);
        for (const res of runs) {
            expect(res.code).toBe(1);
            expect(res.stderr).toBe("");
            for (const c of CANARIES) expect(res.stdout + res.stderr).not.toContain(c);
        }
        expect(verdicts(runs[1]!.stdout)).toEqual([["urn:pulumi:dev::secrets::aws:s3/bucket:Bucket::vault", LOCALIZATION, "mandatory"]]);
    });

    it.concurrent("a wrong passphrase is bad input, as for the Pulumi CLI", async () => {
        const res = await runCli(["preview", prog("secrets")], { env: env({ PULUMI_CONFIG_PASSPHRASE: "wrong" }) });
        expect(res.code).toBe(2);
        expect(res.stderr).toMatch(/^ru-residency: \S+Pulumi\.dev\.yaml: incorrect passphrase \(from PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE\)\n$/);
    });
});

describe("analyze --file as pulumi policy analyze", () => {
    it.concurrent("leaves out resources pending deletion", async () => {
        const res = await runCli(["analyze", "--file", path.join("test", "fixtures", "exports", "pending-delete.json"), "--json"]);
        expect(res.code).toBe(1);
        expect(verdicts(res.stdout)).toEqual([["urn:pulumi:prod::shop::aws:sqs/queue:Queue::signups", LOCALIZATION, "mandatory"]]);
        expect((JSON.parse(res.stdout) as Json).summary.resources).toBe(7);
    });

    it.concurrent("sends no stack tags, so it takes none", async () => {
        for (const args of [
            ["analyze", "--file", "x.json", "--stack-tag", "data-subjects=RU"],
            ["report", "--file", path.join("test", "fixtures", "exports", "shop-prod.json"), "--format", "json", "--stack-tag", "data-subjects=RU"],
        ]) {
            const res = await runCli(args);
            expect(res.code).toBe(2);
            expect(res.stderr.split("\n")[0]).toMatch(/^ru-residency: (analyze: )?--stack-tag is for programs/);
        }
    });
});

describe("a command-line tool", () => {
    it.concurrent("--version prints the package version", async () => {
        const res = await runCli(["--version"]);
        const { version } = JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string };
        expect(res).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    });

    it.concurrent("<command> --help prints that command's usage", async () => {
        for (const command of ["preview", "analyze", "report"]) {
            const res = await runCli([command, "--help"]);
            expect(res.code).toBe(0);
            expect(res.stderr).toBe("");
            expect(res.stdout).toMatch(new RegExp(`^Usage:\\n  ru-residency ${command} `));
            expect(res.stdout).toContain("Exit codes: 0 no mandatory violation");
        }
    });

    it.concurrent("a wrong option is explained in our words, never Node's", async () => {
        const cases: [string[], string][] = [
            [["preview", "examples/yandex-bucket", "--bogus"], "ru-residency: preview: unknown option --bogus"],
            [["preview", "examples/yandex-bucket", "--stack"], "ru-residency: preview: --stack needs a value"],
            [["preview", "examples/yandex-bucket", "--format", "json"], "ru-residency: preview: --format is for the report command"],
            [["analyze", "--update"], "ru-residency: analyze: --update is for preview and report"],
        ];
        for (const [args, first] of cases) {
            const res = await runCli(args);
            expect(res.code).toBe(2);
            expect(res.stderr.split("\n")[0]).toBe(first);
            expect(res.stderr).not.toMatch(/ERR_PARSE_ARGS|To specify a positional argument/);
        }
    });
});
