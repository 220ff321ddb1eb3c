// Every report agrees with the policies, on every policy example, every example program and every
// stack export fixture: each format carries exactly the policies' findings, and the facts the
// data map states (where a store is, what became of a flow, how many flows leave Russia) are the
// ones the deciding policy found, so a report never says what a policy contradicts.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { PolicyExample, StackExample } from "../../policypack/policies/example-types";
import { crossBorderExamples } from "../../policypack/policies/ru-personal-data-cross-border-transfer.examples";
import { localizationExamples } from "../../policypack/policies/ru-personal-data-localization.examples";
import { classificationExamples } from "../../policypack/policies/user-data-classification.examples";
import { CLASSIFICATION, CROSS_BORDER, LOCALIZATION } from "../../policypack/policies/registry";
import type { AnalysisResult } from "../../src/analyze";
import { stepResources } from "../../src/engine/provider-steps";
import type { EngineResource } from "../../src/engine/runner";
import { analyzeResourcesInProcess } from "../../src/in-process";
import { runProgram } from "../../src/program/run-program";
import { buildDataMap, DataMap } from "../../src/report/data-map";
import { renderHtml } from "../../src/report/html";
import { renderMarkdown } from "../../src/report/markdown";
import { findingCodeEntry, findingCodeOf } from "../../policypack/src/decide/finding-codes";
import { renderSarif } from "../../src/report/sarif";
import { readStackExport } from "../../src/stack-export";
import { ROOT } from "../helpers/cli";
import { engineResource } from "../helpers/examples";
import { engineResources } from "../helpers/stack-examples";

const PACK = path.join(ROOT, "policypack");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "reports-agree-"));
const INVALID_CONFIG = "The policy pack config for this policy is invalid";

interface Case {
    title: string;
    resources: () => Promise<{ analyze: EngineResource[]; stack?: EngineResource[]; project: string; stack_: string; dryRun: boolean }>;
    config?: Record<string, unknown>;
    configFile?: string;
    stackTags?: Record<string, string>;
}

let n = 0;
function configFile(c: Case): string | undefined {
    if (c.configFile) return c.configFile;
    if (!c.config) return undefined;
    const file = path.join(tmp, `config-${++n}.json`);
    fs.writeFileSync(file, JSON.stringify(c.config));
    return file;
}

const cases: Case[] = [];
const resourceCases = (policy: string, examples: { allowed: PolicyExample[]; disallowed: PolicyExample[] }) => {
    for (const ex of [...examples.allowed, ...examples.disallowed]) {
        if (ex.schemaRejects) continue; // the CLI refuses such a config before any report is written
        cases.push({
            title: `${policy}: ${ex.title}`,
            resources: async () => ({ analyze: [engineResource(ex.resource)], project: "examples", stack_: "dev", dryRun: true }),
            // The example's config on its own policy only: each policy keeps its own settings;
            // transfers goes on both policies that read it, as the README asks.
            config: ex.config ? { [policy]: ex.config, ...(ex.config.transfers ? { [CROSS_BORDER]: { transfers: ex.config.transfers } } : {}) } : undefined,
            stackTags: ex.stackTags,
        });
    }
};
resourceCases(LOCALIZATION, localizationExamples);
resourceCases(CLASSIFICATION, classificationExamples);
for (const ex of [...crossBorderExamples.allowed, ...crossBorderExamples.disallowed] as StackExample[]) {
    cases.push({
        title: `${CROSS_BORDER}: ${ex.title}`,
        resources: async () => ({ analyze: engineResources(ex), project: "examples", stack_: "dev", dryRun: true }),
        config: ex.config ? { [CROSS_BORDER]: ex.config } : undefined,
        stackTags: ex.stackTags,
    });
}
const programs = fs.readdirSync(path.join(ROOT, "examples")).filter((d) => fs.existsSync(path.join(ROOT, "examples", d, "Pulumi.yaml")));
for (const dir of programs) {
    const program = path.join(ROOT, "examples", dir);
    const expected = JSON.parse(fs.readFileSync(path.join(program, "expected.json"), "utf8")) as { policyPackConfig?: string };
    cases.push({
        title: `examples/${dir}`,
        resources: async () => {
            const ran = await runProgram(program, { preview: true });
            const { analyze, stack } = stepResources(ran.resources, { preview: true });
            return { analyze, stack, project: ran.project, stack_: ran.stack, dryRun: true };
        },
        configFile: expected.policyPackConfig ? path.join(program, expected.policyPackConfig) : undefined,
    });
}
const exportsDir = path.join(ROOT, "test", "fixtures", "exports");
for (const file of ["shop-prod.json", "pending-delete.json", ...fs.readdirSync(path.join(exportsDir, "org")).map((f) => path.join("org", f))]) {
    cases.push({
        title: `test/fixtures/exports/${file}`,
        resources: async () => {
            const e = readStackExport(path.join(exportsDir, file));
            return { analyze: e.resources, stack: e.stackResources, project: e.project, stack_: e.stack, dryRun: true };
        },
    });
}

type Key = string;
const key = (policy: string, urn: string, level: string, message: string): Key => JSON.stringify([policy, urn, level, message]);

function findings(analysis: AnalysisResult): Key[] {
    return analysis.diagnostics
        .filter((d) => d.enforcementLevel === "mandatory" || d.enforcementLevel === "advisory")
        .map((d) => key(d.policyName, d.urn, d.enforcementLevel, d.message))
        .sort();
}

function checkAgreement(map: DataMap, analysis: AnalysisResult): void {
    const want = findings(analysis);
    // The JSON data map: its violations, and each store's verdicts.
    expect(map.violations.map((v) => key(v.policy, v.urn, v.level, v.message)).sort()).toEqual(want);
    for (const s of map.stores) {
        const mine = analysis.diagnostics.filter((d) => d.urn === s.urn && (d.enforcementLevel === "mandatory" || d.enforcementLevel === "advisory"));
        expect(s.verdicts.map((v) => key(v.policy, s.urn, v.level, v.message)).sort()).toEqual(mine.map((d) => key(d.policyName, d.urn, d.enforcementLevel, d.message)).sort());
    }
    // Every finding's code is the one its message carries, and one the registry knows.
    for (const v of map.violations) {
        expect(v.code, v.message).toBe(findingCodeOf(v.message));
        expect(findingCodeEntry(v.code!), v.message).toBeDefined();
    }
    // SARIF: one result per finding, at the resource's URN, under its code's rule, naming its policy.
    const sarif = renderSarif(map, { baseDir: ROOT, fallbackFile: path.join(ROOT, "x"), toolVersion: "0.0.0" });
    const results = sarif.runs[0]!.results ?? [];
    expect(results.map((r) => key(r.properties!.policy as string, r.properties!.urn as string, r.properties!.enforcementLevel as string, r.message.text!)).sort()).toEqual(want);
    const rules = sarif.runs[0]!.tool.driver.rules ?? [];
    for (const r of results) {
        expect(r.ruleId).toBe(findingCodeOf(r.message.text!));
        expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    }
    // Markdown and HTML name the verdict the policies reached.
    const blocked = analysis.mandatory > 0;
    expect(map.summary.blocked).toBe(blocked);
    const headline = renderMarkdown(map).split("\n")[0]!;
    expect(headline.startsWith(blocked ? "## 🛑 Deployment blocked" : analysis.advisory > 0 ? "## ⚠️ Passes with warnings" : "## ✅ Passes"), headline).toBe(true);
    const html = renderHtml(map);
    for (const v of map.violations) expect(html).toContain(v.policy);

    const broken = analysis.diagnostics.some((d) => d.message.includes(INVALID_CONFIG) || d.message.includes("Please report this as a bug"));
    if (broken) return; // a policy that cannot read its config decides nothing the map could state
    const crossBorder = new Set(analysis.diagnostics.filter((d) => d.policyName === CROSS_BORDER).map((d) => d.urn));
    const localization = new Set(analysis.diagnostics.filter((d) => d.policyName === LOCALIZATION).map((d) => d.urn));
    // Flows: a flow reported in the map is a finding of the cross-border policy on its resource,
    // and a finding on a flow resource none of whose flows is reported is one on a store.
    const reported = new Set(map.flows.filter((f) => f.decision === "reported").map((f) => f.flowResource.urn));
    for (const urn of reported) expect(crossBorder.has(urn), `flow on ${urn} reported in the map, not by the policy`).toBe(true);
    const storeUrns = new Set(map.stores.map((s) => s.urn));
    for (const f of map.flows) {
        if (crossBorder.has(f.flowResource.urn) && !reported.has(f.flowResource.urn)) expect(storeUrns.has(f.flowResource.urn), `finding on ${f.flowResource.urn}`).toBe(true);
    }
    // No finding on flows, no exemption and no declared transfer: no flow leaves Russia.
    const exempt = map.exemptions.some((e) => e.policy === CROSS_BORDER && e.matches.length > 0);
    const declared = map.flows.some((f) => f.decision === "declared-transfer");
    if (!exempt && !declared && ![...crossBorder].some((u) => map.flows.some((f) => f.flowResource.urn === u))) expect(map.summary.flowsLeavingRussia).toBe(0);
    // Stores: one that holds Russian citizens' personal data by its own tags and that the map puts
    // outside Russia is reported by the localization policy, or by the cross-border policy under
    // transfers: declared; one the map puts in Russia is not.
    for (const s of map.stores) {
        if (s.analysed === false || s.exemption) continue;
        if (s.classification.categoriesSource === "taint") continue;
        const judged = localization.has(s.urn) || crossBorder.has(s.urn);
        if (s.location.inRussia === "yes") expect(localization.has(s.urn), `${s.name} is in Russia in the map, yet reported`).toBe(false);
        else if (s.russianPersonalData === "yes") expect(judged, `${s.name} is abroad in the map, yet not reported`).toBe(true);
    }
}

describe("every report agrees with the policies", () => {
    it("covers every example and fixture", () => {
        expect(cases.length).toBeGreaterThan(100);
    });
    for (const c of cases) {
        it(
            c.title,
            async () => {
                const got = await c.resources();
                const analysis = await analyzeResourcesInProcess(got.analyze, {
                    packDir: PACK,
                    configFile: configFile(c),
                    project: got.project,
                    stack: got.stack_,
                    dryRun: got.dryRun,
                    stackTags: c.stackTags,
                    stackResources: got.stack,
                    onWarning: () => {},
                });
                const map = buildDataMap({
                    resources: got.analyze,
                    analysis,
                    subject: { kind: "program", path: "x", project: got.project, stack: got.stack_, mode: "preview" },
                    stackTags: c.stackTags,
                });
                checkAgreement(map, analysis);
            },
            60_000,
        );
    }
});
