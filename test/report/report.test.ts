// ru-residency report: every format, validated against its published or documented schema.
import { beforeAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import AjvDraft04 from "ajv-draft-04";
import { validateXML } from "xmllint-wasm";
import type { DataMap } from "../../src/report/data-map";
import { ROOT, runCli } from "../helpers/cli";
import { FINDING_CODES, findingCodeEntry } from "../../policypack/src/decide/finding-codes";

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "schema", "data-map-1.3.schema.json"), "utf8")) as object;
const sarifSchema = JSON.parse(fs.readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;
const junitXsd = fs.readFileSync(path.join(ROOT, "docs", "schema", "junit.xsd"), "utf8");

function validator(s: object) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    return ajv.compile(s);
}

const reports: Record<string, { code: number | null; stdout: string; stderr: string }> = {};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "report-test-"));
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
    // An exemption that runs out soon must be called out.
    const config = path.join(tmp, "config.json");
    fs.writeFileSync(config, JSON.stringify({ "ru-personal-data-localization": { exemptions: [{ resource: "legacy-export", reason: "Migration, ticket DATA-42", expires: inDays(10) }] } }));
    const jobs: [string, string[]][] = [
        ["json", ["report", "examples/cross-border-replication", "--format", "json"]],
        ["markdown", ["report", "examples/cross-border-replication", "--format", "markdown"]],
        ["sarif", ["report", "examples/cross-border-replication", "--format", "sarif"]],
        ["junit", ["report", "examples/cross-border-replication", "--format", "junit"]],
        ["html", ["report", "examples/cross-border-replication", "--format", "html", "--output", path.join(tmp, "map.html")]],
        ["export-sarif", ["report", "--file", "test/fixtures/exports/shop-prod.json", "--format", "sarif"]],
        ["export-json", ["report", "--file", "test/fixtures/exports/shop-prod.json", "--format", "json"]],
        ["exempt-json", ["report", "examples/exemption", "--format", "json", "--policy-pack-config", config]],
        ["exempt-md", ["report", "examples/exemption", "--format", "markdown", "--policy-pack-config", config]],
        ["allowed-junit", ["report", "examples/yandex-bucket", "--format", "junit"]],
    ];
    await Promise.all(jobs.map(async ([k, args]) => (reports[k] = await runCli(args))));
}, 180_000);

describe("report --format json", () => {
    it("validates against the documented, versioned schema", () => {
        const validate = validator(schema);
        for (const k of ["json", "export-json", "exempt-json"]) {
            const doc = JSON.parse(reports[k]!.stdout);
            expect(validate(doc), `${k}: ${JSON.stringify(validate.errors)}`).toBe(true);
        }
    });

    it("maps stores, their classification source, location, flows and verdicts", () => {
        const map = JSON.parse(reports.json!.stdout) as DataMap;
        expect(map.schemaVersion).toBe("1.3");
        expect(map.summary).toMatchObject({ personalDataStores: 2, russianPersonalDataStores: 2, flows: 1, flowsLeavingRussia: 1, mandatory: 2, advisory: 1, blocked: true });
        const [customers, dr] = map.stores;
        expect(customers).toMatchObject({
            name: "customers",
            classification: { categoriesSource: "own tags", subjectsSource: "own tags" },
            location: { inRussia: "yes", country: "RU" },
            flowsOut: ["flow-1"],
            verdicts: [],
        });
        expect(dr).toMatchObject({ name: "customers-dr", classification: { categoriesSource: "taint" }, location: { inRussia: "no", country: "DE" }, flowsIn: ["flow-1"] });
        expect(dr!.verdicts.map((v) => [v.policy, v.level])).toEqual([
            ["ru-personal-data-cross-border-transfer", "mandatory"],
            ["user-data-classification", "advisory"],
        ]);
        expect(map.flows[0]).toMatchObject({ kind: "S3 replication", flowResource: { name: "customers-to-frankfurt" }, to: { inRussia: "no", country: "DE" } });
    });

    it("names where classifications came from: provider default tags, config default", () => {
        const map = JSON.parse(reports["export-json"]!.stdout) as DataMap;
        const signups = map.stores.find((s) => s.name === "signups")!;
        expect(signups.classification).toMatchObject({ categoriesSource: "provider default tags", subjectsSource: "config default" });
        expect(map.unclassifiedStorage).toEqual([]);
    });

    it("lists exemptions with reason and expiry, and flags those expiring within 30 days", () => {
        const map = JSON.parse(reports["exempt-json"]!.stdout) as DataMap;
        expect(map.exemptions).toEqual([
            {
                policy: "ru-personal-data-localization",
                resource: "legacy-export",
                reason: "Migration, ticket DATA-42",
                expires: inDays(10),
                expired: false,
                expiresWithin30Days: true,
                matches: ["urn:pulumi:dev::exemption::aws:s3/bucket:Bucket::legacy-export"],
            },
        ]);
        expect(map.summary.exemptionsExpiringWithin30Days).toBe(1);
        expect(map.stores[0]!.exemption).toMatchObject({ reason: "Migration, ticket DATA-42", expired: false });
        expect(reports["exempt-md"]!.stdout).toContain(`### Exemptions that need attention\n\n- \`legacy-export\` (ru-personal-data-localization): **expires on ${inDays(10)}**`);
    });
});

describe("report --format sarif", () => {
    // The published rtm.5 schema has a pattern that is not valid as a Unicode regular expression.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv as unknown as Ajv);
    const validate = ajv.compile(sarifSchema);

    it("validates against the SARIF 2.1.0 schema", () => {
        for (const k of ["sarif", "export-sarif"]) {
            const doc = JSON.parse(reports[k]!.stdout);
            expect(validate(doc), `${k}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        }
    });

    it("carries every finding code as a rule with its title, rationale, fix, law and policies", () => {
        const log = JSON.parse(reports.sarif!.stdout);
        const rules = log.runs[0].tool.driver.rules as {
            id: string;
            shortDescription: { text: string };
            fullDescription: { text: string };
            properties: Record<string, unknown>;
            help: { text: string };
        }[];
        expect(rules.map((r) => r.id)).toEqual(FINDING_CODES.map((c) => c.code));
        const loc = rules.find((r) => r.id === "RU152-LOC-001")!;
        const entry = findingCodeEntry("RU152-LOC-001")!;
        expect([loc.shortDescription.text, loc.fullDescription.text]).toEqual([entry.title, entry.rationale]);
        expect(loc.properties["security-severity"]).toBe("9.5");
        expect(loc.properties.policies).toEqual(["ru-personal-data-localization"]);
        expect(loc.help.text).toContain(entry.fix);
        expect(loc.help.text).toContain("152-FZ Art. 18(5) (policypack/data/law.json 152fz-18-5)");
        expect(loc.help.text).toContain("docs/findings.md#ru152-loc-001");
        // The classification policy is advisory and of medium severity; its codes say so.
        expect(rules.find((r) => r.id === "RU152-CLS-001")!.properties["security-severity"]).toBe("5.5");
    });

    it("points each result at the program file and line that declared the resource", () => {
        const log = JSON.parse(reports.sarif!.stdout);
        const where = log.runs[0].results.map(
            (r: {
                ruleId: string;
                level: string;
                properties: { policy: string };
                locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: { name: string }[] }[];
            }) => [
                r.ruleId,
                r.properties.policy,
                r.level,
                r.locations[0]!.logicalLocations[0]!.name,
                r.locations[0]!.physicalLocation.artifactLocation.uri,
                r.locations[0]!.physicalLocation.region.startLine,
            ],
        );
        expect(where).toEqual([
            ["RU152-XB-006", "ru-personal-data-cross-border-transfer", "error", "customers-dr", "examples/cross-border-replication/index.ts", 16],
            ["RU152-XB-001", "ru-personal-data-cross-border-transfer", "error", "customers-to-frankfurt", "examples/cross-border-replication/index.ts", 18],
            ["RU152-CLS-001", "user-data-classification", "warning", "customers-dr", "examples/cross-border-replication/index.ts", 16],
        ]);
    });

    it("points at the stack export when there is no program", () => {
        const log = JSON.parse(reports["export-sarif"]!.stdout);
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("test/fixtures/exports/shop-prod.json");
    });
});

describe("report --format junit", () => {
    it("validates against the JUnit schema", async () => {
        for (const k of ["junit", "allowed-junit"]) {
            const result = await validateXML({ xml: [{ fileName: "report.xml", contents: reports[k]!.stdout }], schema: [{ fileName: "junit.xsd", contents: junitXsd }] });
            expect(result.errors, k).toEqual([]);
            expect(result.valid).toBe(true);
        }
    });

    it("has one test case per (policy, resource), failing only on mandatory violations", () => {
        const xml = reports.junit!.stdout;
        expect(xml.match(/<testcase /g)?.length).toBe(3 * 3);
        expect(xml).toContain('<testsuites name="ru-data-residency@0.1.0 cross-border-replication/dev" tests="9" failures="2"');
        expect(xml).toContain(
            '<testcase name="aws:s3/bucketReplicationConfig:BucketReplicationConfig::customers-to-frankfurt" classname="ru-personal-data-cross-border-transfer" time="0">\n      <failure',
        );
        expect(xml).toMatch(/classname="user-data-classification" time="0">\n {6}<system-out>advisory: /);
        expect(reports["allowed-junit"]!.stdout).toContain('failures="0"');
    });
});

describe("report --format html", () => {
    it("is one self-contained page with the map as a diagram, and prints well", () => {
        const html = fs.readFileSync(path.join(tmp, "map.html"), "utf8");
        expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
        expect(html).toContain("<svg");
        expect(html).toContain("@media print");
        expect(html).not.toMatch(/<script|<link|<img|@import|url\(http|src="http|href="http/i);
        expect(html).toContain("customers-to-frankfurt");
        expect(reports.html!.stdout).toBe("");
        expect(reports.html!.stderr).toMatch(/^ru-residency: wrote .*map\.html \(Analysed 5 resources: 2 mandatory, 1 advisory/);
    });
});

describe("report exit codes", () => {
    it("are those of preview and analyze", async () => {
        expect(reports.json!.code).toBe(1);
        expect(reports["exempt-json"]!.code).toBe(0);
        expect(reports["allowed-junit"]!.code).toBe(0);
        const bad = await runCli(["report", "examples/yandex-bucket", "--format", "pdf"]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('--format "pdf": expected one of markdown, json, sarif, junit, html');
        const none = await runCli(["report", "examples/yandex-bucket"]);
        expect(none.code).toBe(2);
        expect(none.stderr).toContain("report needs --format");
    });
});

describe("report --format markdown", () => {
    it("opens with the verdict and a summary table, then the blocked resources and top findings, the rest folded", () => {
        const md = reports.markdown!.stdout;
        const lines = md.split("\n");
        expect(lines[0]).toBe("## 🛑 Deployment blocked: Russian personal data residency");
        expect(lines[4]).toMatch(/^\| Resources \| Stores of personal data/);
        expect(lines[8]).toBe(
            "**2 resources block the deployment** (2 mandatory findings), and 1 advisory finding asks for attention. Details are folded below; the full report, with every message, is what `--format html` or `--full-report FILE` writes.",
        );
        expect(md.split("\n").filter((l) => l.startsWith("### ") || l.startsWith("<details>"))).toEqual([
            "### Blocked resources",
            "### Top findings",
            "<details><summary>All findings (3)</summary>",
            "<details><summary>Data map: 2 stores of personal data</summary>",
            "<details><summary>Flows (1)</summary>",
            "<details><summary>Storage without a user-data tag (0)</summary>",
            "<details><summary>Exemptions (0)</summary>",
        ]);
        expect(md).toContain(
            [
                "| Resource | Location | Mandatory policies | Code | Finding |",
                "| --- | --- | --- | --- | --- |",
                '| aws:s3/bucket:Bucket `customers-dr` | Germany (DE) | `ru-personal-data-cross-border-transfer` | `RU152-XB-006` | aws:s3/bucket:Bucket "customers-dr", which holds Russian citizens\' personal data because it receives them from aws:s3/bucket:Bucket "customers" through aws:s3/bucketReplicationConfig:BucketReplicationConfig "customers-to-frankfurt", is not in Russia. |',
                '| aws:s3/bucketReplicationConfig:BucketReplicationConfig `customers-to-frankfurt` | - | `ru-personal-data-cross-border-transfer` | `RU152-XB-001` | Sends Russian citizens\' personal data out of Russia (S3 replication): to aws:s3/bucket:Bucket "customers-dr" in Germany (DE). |',
            ].join("\n"),
        );
    });
});
