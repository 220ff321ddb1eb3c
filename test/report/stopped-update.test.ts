// An update stops at the first resource with a mandatory violation, as the engine does: the
// resources after it were never analysed, and no report may say they pass.
import { describe, expect, it } from "vitest";
import type { AnalysisResult } from "../../src/analyze";
import type { EngineResource } from "../../src/engine/runner";
import { buildDataMap } from "../../src/report/data-map";
import { renderHtml } from "../../src/report/html";
import { renderJunit } from "../../src/report/junit";
import { renderMarkdown } from "../../src/report/markdown";

const frankfurt = { urn: "urn:pulumi:dev::p::pulumi:providers:aws::eu", type: "pulumi:providers:aws", name: "eu", props: { region: "eu-central-1" } };
const BUCKET = "aws:s3/bucket:Bucket";
const bucket = (name: string): EngineResource => ({
    urn: `urn:pulumi:dev::p::${BUCKET}::${name}`,
    type: BUCKET,
    name,
    custom: true,
    props: { bucket: name, tags: { "user-data": "personal", "data-subjects": "RU" } },
    provider: frankfurt,
    dependencies: [],
    propertyDependencies: {},
});
const resources = [bucket("first"), bucket("second"), bucket("third")];
const policy = { name: "ru-personal-data-localization", description: "", severity: "critical", enforcementLevel: "mandatory", url: "", remediationSteps: "" };
const finding = {
    policyName: policy.name,
    policyPackName: "ru-data-residency",
    policyPackVersion: "0.1.0",
    description: "",
    message: 'Localization.\naws:s3/bucket:Bucket "second" holds personal data of Russian citizens but is not in Russia.',
    enforcementLevel: "mandatory" as const,
    severity: "critical",
    urn: resources[1]!.urn,
    resourceType: BUCKET,
    resourceName: "second",
};
const analysis = {
    pack: { name: "ru-data-residency", version: "0.1.0", dir: "policypack" },
    policies: [policy],
    config: {},
    diagnostics: [finding],
    resourceCount: 3,
    stoppedAt: resources[1]!.urn,
    phase: "update",
    mandatory: 1,
    advisory: 0,
} as unknown as AnalysisResult;
const map = buildDataMap({ resources, analysis, subject: { kind: "program", path: "x", project: "p", stack: "dev", mode: "update" } });

describe("a report of an update that stopped", () => {
    it("marks the resources after the stop as not analysed, in the data map", () => {
        expect(map.summary.stoppedAt).toBe(resources[1]!.urn);
        expect(map.stores.map((s) => [s.name, s.analysed, s.verdicts.map((v) => v.level)])).toEqual([
            ["first", undefined, []],
            ["second", undefined, ["mandatory"]],
            ["third", false, []],
        ]);
    });

    it("says so in Markdown, HTML and JUnit instead of passing them", () => {
        const md = renderMarkdown(map, { budget: Infinity });
        expect(md).toContain(
            "The update stopped at `urn:pulumi:dev::p::aws:s3/bucket:Bucket::second`, as the engine stops at the first resource with a mandatory violation: resources after it were not analysed.",
        );
        expect(md).toContain("- **Verdicts:** not analysed: the update stopped at an earlier resource's mandatory violation, as the engine does");
        expect(renderMarkdown(map)).toContain(
            "| aws:s3/bucket:Bucket `third` | personal | RU | own tags | Germany (DE), eu-central-1 | 0 / 0 | not analysed: the update stopped at an earlier resource's mandatory violation, as the engine does |",
        );
        expect(renderHtml(map)).toContain("<dt>Verdicts</dt><dd>not analysed: the update stopped at an earlier resource's mandatory violation, as the engine does</dd>");
        const junit = renderJunit(map, resources);
        expect(junit).toContain('tests="3" failures="1" errors="0" skipped="1"');
        expect(junit).toContain(
            `<testcase name="aws:s3/bucket:Bucket::third" classname="ru-personal-data-localization" time="0">\n      <skipped message="not analysed: the update stopped at ${resources[1]!.urn}, as the engine stops at the first resource with a mandatory violation"/>\n    </testcase>`,
        );
        expect(junit).toContain('<testcase name="aws:s3/bucket:Bucket::first" classname="ru-personal-data-localization" time="0"/>');
    });
});
