// Many stacks, one map: analyze and report on several --file exports or a folder of them. The
// fixture test/fixtures/exports/org/ is a shop whose customer bucket (Yandex, Russian citizens'
// data) replicates to an archive bucket in another stack (Frankfurt) and to a backup bucket in a
// third (Yandex). Alone, the shop cannot tell where either copy goes; together, each destination
// is resolved by ARN in its own stack, with no destinationLocations written by hand.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { validateXML } from "xmllint-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DataMap } from "../../src/report/data-map";
import { ROOT, runCli } from "../helpers/cli";

const ORG = path.join("test", "fixtures", "exports", "org");
const SHOP = path.join(ORG, "shop-prod.json");
const ARCHIVE = path.join(ORG, "archive-prod.json");
const BACKUP = path.join(ORG, "backup-prod.json");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "org-test-"));
const CROSS = "ru-personal-data-cross-border-transfer";
const run: Record<string, Awaited<ReturnType<typeof runCli>>> = {};

beforeAll(async () => {
    const jobs: [string, string[]][] = [
        ["alone", ["analyze", "--file", SHOP, "--json"]],
        ["folder", ["analyze", "--file", ORG]],
        ["folder-json", ["analyze", "--file", ORG, "--json"]],
        ["files-json", ["analyze", "--file", SHOP, "--file", ARCHIVE, "--file", BACKUP, "--json"]],
        ["json", ["report", "--file", ORG, "--format", "json"]],
        ["markdown", ["report", "--file", ORG, "--format", "markdown"]],
        ["sarif", ["report", "--file", ORG, "--format", "sarif"]],
        ["junit", ["report", "--file", ORG, "--format", "junit"]],
    ];
    for (const [k, args] of jobs) run[k] = await runCli(args);
}, 300_000);

type Violations = { policy: string; level: string; name: string; message: string }[];

describe("analyze on several stacks", () => {
    it("alone, the shop cannot tell where its two copies go, and blocks both", () => {
        const out = JSON.parse(run.alone!.stdout) as { violations: Violations };
        expect(out.violations.map((v) => [v.name, v.policy, v.level])).toEqual([
            ["customers-to-archive", CROSS, "mandatory"],
            ["customers-to-backup", CROSS, "mandatory"],
        ]);
        expect(out.violations[0]!.message).toContain("add it to destinationLocations if you know");
    });

    it("with the other stacks, resolves each destination by ARN: the Frankfurt archive blocks, the Yandex backup passes", () => {
        const out = JSON.parse(run["folder-json"]!.stdout) as { stacks: { stack: string; destinationsFromOtherStacks: number; summary: unknown; violations: Violations }[]; organisation: unknown };
        expect(out.stacks.map((s) => [s.stack, s.summary])).toEqual([
            ["archive/prod", { resources: 2, mandatory: 0, advisory: 1, blocked: false }],
            ["backup/prod", { resources: 2, mandatory: 0, advisory: 0, blocked: false }],
            ["shop/prod", { resources: 4, mandatory: 1, advisory: 0, blocked: true }],
        ]);
        const shop = out.stacks[2]!;
        expect(shop.violations.map((v) => [v.name, v.policy, v.level])).toEqual([["customers-to-archive", CROSS, "mandatory"]]);
        expect(shop.violations[0]!.message).toContain('to "arn:aws:s3:::shop-archive-eu" (not in this stack) in Germany (DE).');
        // The destination was placed by the other stack's export, not by the user's config, and the message says so.
        expect(shop.violations[0]!.message).toMatch(
            /"arn:aws:s3:::shop-archive-eu" is not in this stack; it is a resource of stack "[^"]+", analysed in the same ru-residency run, which places it in Germany \(DE\)/,
        );
        expect(shop.violations[0]!.message).not.toContain("the pack config destinationLocations");
        expect(out.organisation).toEqual({ stacks: 3, blockedStacks: 1, resources: 8, mandatory: 1, advisory: 1, blocked: true });
        expect(run["folder-json"]!.code).toBe(1);
        // Naming the files is the same as naming their folder.
        expect(JSON.parse(run["files-json"]!.stdout).organisation).toEqual(out.organisation);
    });

    it("prints each stack as pulumi preview would, then each stack's verdict, then the organisation's", () => {
        const text = run.folder!.stdout.trimEnd().split("\n");
        expect(text.slice(-6)).toEqual([
            "Stacks:",
            `    archive/prod  passes with warnings  2 resources: 0 mandatory, 1 advisory  (${ARCHIVE})`,
            `    backup/prod   passes                2 resources: 0 mandatory, 0 advisory  (${BACKUP})`,
            `    shop/prod     BLOCKED               4 resources: 1 mandatory, 0 advisory  (${SHOP})`,
            "",
            "Organisation: 3 stacks, 8 resources: 1 mandatory, 1 advisory policy violations; 1 of 3 stacks would be BLOCKED.",
        ]);
        expect(text[0]).toBe(`Stack archive/prod (${ARCHIVE}):`);
        expect(run.folder!.stdout).toContain(
            `Stack shop/prod (${SHOP}):\nPolicies:\n    ❌ ru-data-residency@v0.1.0 (local: policypack)\n        - [mandatory] [severity: critical]  ${CROSS}  (aws:s3/bucketReplicationConfig:BucketReplicationConfig: customers-to-archive)`,
        );
        expect(run.folder!.code).toBe(1);
    });

    it("keeps the user's own destinationLocations over what the other stacks say", async () => {
        const config = path.join(tmp, "config.json");
        fs.writeFileSync(config, JSON.stringify({ [CROSS]: { destinationLocations: { "arn:aws:s3:::shop-backup-ru": "DE" } } }));
        const res = await runCli(["analyze", "--file", ORG, "--json", "--policy-pack-config", config]);
        const shop = (JSON.parse(res.stdout) as { stacks: { stack: string; violations: Violations }[] }).stacks[2]!;
        expect(shop.violations.map((v) => v.name)).toEqual(["customers-to-archive", "customers-to-backup"]);
        expect(shop.violations[1]!.message).toContain('destinationLocations["arn:aws:s3:::shop-backup-ru"] places it in Germany (DE)');
    });

    it("refuses a stack given twice, an empty folder, and names the user's config file in config errors", async () => {
        const twice = await runCli(["analyze", "--file", SHOP, "--file", SHOP]);
        expect(twice.code).toBe(2);
        expect(twice.stderr).toBe(`ru-residency: ${SHOP}: stack shop/prod is also in ${SHOP}; give each stack once\n`);
        const empty = fs.mkdtempSync(path.join(tmp, "empty-"));
        const none = await runCli(["analyze", "--file", empty]);
        expect(none.code).toBe(2);
        expect(none.stderr).toBe(`ru-residency: ${empty}: a folder with no .json stack export in it\n`);
        // A config the CLI's schema check refuses is refused once, naming the user's file.
        const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "org-config-")), "bad.json");
        fs.writeFileSync(bad, JSON.stringify({ "ru-personal-data-localization": { onUnknown: "sometimes" } }));
        const badConfig = await runCli(["analyze", "--file", ORG, "--policy-pack-config", bad]);
        expect(badConfig.code).toBe(2);
        expect(badConfig.stderr.split("\n").slice(0, 2)).toEqual([
            `ru-residency: ${bad}: invalid policy pack config:`,
            'error: validating policy config: ru-data-residency 0.1.0  ru-personal-data-localization: onUnknown: onUnknown must be one of the following: "block", "warn"',
        ]);
    });
});

describe("report on several stacks: one map", () => {
    it("validates against the data map schema 1.2, with each stack's verdict and the organisation's", () => {
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "schema", "data-map-1.3.schema.json"), "utf8")) as object;
        const ajv = new Ajv({ allErrors: true, strict: true });
        addFormats(ajv);
        const validate = ajv.compile(schema);
        const map = JSON.parse(run.json!.stdout) as DataMap;
        expect(validate(map), JSON.stringify(validate.errors)).toBe(true);
        expect(map.subject).toEqual({ kind: "organisation", path: ORG, project: "archive, backup, shop", stack: "3 stacks", mode: "analyze" });
        expect(map.stacks!.map((s) => [s.stack, s.verdict, s.path])).toEqual([
            ["archive/prod", "passes with warnings", ARCHIVE],
            ["backup/prod", "passes", BACKUP],
            ["shop/prod", "blocked", SHOP],
        ]);
        expect(map.summary).toMatchObject({ resources: 8, personalDataStores: 3, flows: 2, flowsLeavingRussia: 1, mandatory: 1, advisory: 1, blocked: true });
    });

    it("joins each flow to the store it reaches in the other stack, and maps the archive as receiving Russian citizens' data", () => {
        const map = JSON.parse(run.json!.stdout) as DataMap;
        expect(map.flows.map((f) => [f.id, f.stack, f.from.urn, f.to.urn, f.to.stack, f.to.inRussia, f.to.country])).toEqual([
            ["shop/prod:flow-1", "shop/prod", "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::customers", "urn:pulumi:prod::archive::aws:s3/bucket:Bucket::archive-eu", "archive/prod", "no", "DE"],
            ["shop/prod:flow-2", "shop/prod", "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::customers", "urn:pulumi:prod::backup::aws:s3/bucket:Bucket::backup-ru", "backup/prod", "yes", "RU"],
        ]);
        const archive = map.stores.find((s) => s.name === "archive-eu")!;
        expect(archive).toMatchObject({
            stack: "archive/prod",
            russianPersonalData: "yes",
            classification: { categoriesSource: "taint", subjectsFrom: 'received from aws:s3/bucket:Bucket "customers" in stack shop/prod' },
            location: { inRussia: "no", country: "DE" },
            flowsIn: ["shop/prod:flow-1"],
        });
        // Its verdicts are its own stack's policies', as they decided.
        expect(archive.verdicts.map((v) => [v.policy, v.level])).toEqual([["user-data-classification", "advisory"]]);
        expect(map.stores.find((s) => s.name === "customers")!.flowsOut).toEqual(["shop/prod:flow-1", "shop/prod:flow-2"]);
    });

    it("Markdown: the organisation's verdict first, each stack's, then the organisation's figures", () => {
        const lines = run.markdown!.stdout.split("\n");
        expect(lines.slice(0, 10)).toEqual([
            "## 🛑 Blocked in 1 of 3 stacks: Russian personal data residency",
            "",
            `3 stacks (analyze of \`${ORG}\`), policy pack ru-data-residency@0.1.0. Each stack's verdict first, then the organisation's.`,
            "",
            "| Stack | Verdict | Resources | Mandatory | Advisory | Export |",
            "| --- | --- | ---: | ---: | ---: | --- |",
            `| \`archive/prod\` | ⚠️ passes with warnings | 2 | 0 | 1 | \`${ARCHIVE}\` |`,
            `| \`backup/prod\` | ✅ passes | 2 | 0 | 0 | \`${BACKUP}\` |`,
            `| \`shop/prod\` | 🛑 blocked | 4 | 1 | 0 | \`${SHOP}\` |`,
            "",
        ]);
        expect(run.markdown!.stdout).toContain("**1 resource blocks the deployment of 1 stack** (1 mandatory finding), and 1 advisory finding asks for attention.");
        expect(run.markdown!.stdout).toContain("| `shop/prod` › aws:s3/bucketReplicationConfig:BucketReplicationConfig `customers-to-archive` | - | `ru-personal-data-cross-border-transfer` |");
    });

    it("SARIF: one run per stack, each pointing at its own export; JUnit: one suite per policy and stack", async () => {
        const log = JSON.parse(run.sarif!.stdout) as {
            runs: { automationDetails: { id: string }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
        };
        expect(log.runs.map((r) => [r.automationDetails.id, r.results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.artifactLocation.uri])])).toEqual([
            ["ru-residency/archive/prod/", [["RU152-CLS-001", ARCHIVE]]],
            ["ru-residency/backup/prod/", []],
            ["ru-residency/shop/prod/", [["RU152-XB-001", SHOP]]],
        ]);
        const xml = run.junit!.stdout;
        const xsd = fs.readFileSync(path.join(ROOT, "docs", "schema", "junit.xsd"), "utf8");
        const valid = await validateXML({ xml: [{ fileName: "r.xml", contents: xml }], schema: [{ fileName: "junit.xsd", contents: xsd }] });
        expect(valid.errors).toEqual([]);
        expect([...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])])).toEqual([
            ["ru-personal-data-localization (archive/prod)", 1, 0],
            ["user-data-classification (archive/prod)", 1, 0],
            [`${CROSS} (archive/prod)`, 1, 0],
            ["ru-personal-data-localization (backup/prod)", 1, 0],
            ["user-data-classification (backup/prod)", 1, 0],
            [`${CROSS} (backup/prod)`, 1, 0],
            ["ru-personal-data-localization (shop/prod)", 3, 0],
            ["user-data-classification (shop/prod)", 3, 0],
            [`${CROSS} (shop/prod)`, 3, 1],
        ]);
        expect(xml).toContain('<testsuites name="ru-data-residency@0.1.0 3 stacks" tests="15" failures="1"');
    });
});
