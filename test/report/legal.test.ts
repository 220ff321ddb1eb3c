// What every report says about the law: the not-legal-advice notice, the law file it was built
// from, and, for a declared transfer, the evidence it carries (152-FZ Art. 12(3)).
import { describe, expect, it } from "vitest";
import type { AnalysisResult } from "../../src/analyze";
import type { EngineResource } from "../../src/engine/runner";
import { buildDataMap } from "../../src/report/data-map";
import { renderHtml } from "../../src/report/html";
import { renderJunit } from "../../src/report/junit";
import { renderMarkdown } from "../../src/report/markdown";
import { renderSarif } from "../../src/report/sarif";
import { LAW, NOTICE } from "../../policypack/src/law";

const yandex = {
    urn: "urn:pulumi:dev::p::pulumi:providers:aws::yandex",
    type: "pulumi:providers:aws",
    name: "yandex",
    props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) },
};
const frankfurt = { urn: "urn:pulumi:dev::p::pulumi:providers:aws::eu", type: "pulumi:providers:aws", name: "eu", props: { region: "eu-central-1" } };
const u = (type: string, name: string) => `urn:pulumi:dev::p::${type}::${name}`;
const BUCKET = "aws:s3/bucket:Bucket";
const REPL = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

function resources(sourceTags: Record<string, string>): EngineResource[] {
    return [
        {
            urn: u(BUCKET, "customers"),
            type: BUCKET,
            name: "customers",
            custom: true,
            props: { bucket: "customers", tags: { "user-data": "personal", "data-subjects": "RU", ...sourceTags } },
            provider: yandex,
            dependencies: [],
            propertyDependencies: {},
        },
        {
            urn: u(BUCKET, "customers-eu"),
            type: BUCKET,
            name: "customers-eu",
            custom: true,
            props: { bucket: "customers-eu", arn: "arn:aws:s3:::customers-eu" },
            provider: frankfurt,
            dependencies: [],
            propertyDependencies: {},
        },
        {
            urn: u(REPL, "repl"),
            type: REPL,
            name: "repl",
            custom: true,
            props: { bucket: "customers", rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::customers-eu" } }] },
            provider: yandex,
            dependencies: [],
            propertyDependencies: {},
        },
    ] as EngineResource[];
}

const analysis: AnalysisResult = { pack: { name: "ru-data-residency", version: "0.1.0", dir: "policypack" }, policies: [], config: {}, diagnostics: [], resourceCount: 3, mandatory: 0, advisory: 0 };
const subject = { kind: "program" as const, path: "x", project: "p", stack: "dev", mode: "preview" as const };

describe("reports and the law", () => {
    const map = buildDataMap({
        resources: resources({ "cross-border-transfer": "CBT-2026-000042", "cross-border-transfer-date": "2026-03-02" }),
        analysis,
        subject,
        now: new Date("2026-12-01T00:00:00Z"),
    });

    it("carry the not-legal-advice notice and the law file's review date in every format", () => {
        expect(NOTICE.startsWith("Not legal advice.")).toBe(true);
        expect(map.legal).toEqual({ notice: NOTICE, lawFile: "policypack/data/law.json", lawReviewed: LAW.reviewed });
        expect(renderMarkdown(map)).toContain(`> **Not legal advice.** ${NOTICE.replace("Not legal advice. ", "")} Law file: \`policypack/data/law.json\`, reviewed ${LAW.reviewed}.`);
        expect(renderHtml(map)).toContain('<p class="notice"><strong>Not legal advice.</strong>');
        const sarif = renderSarif(map, { baseDir: "/repo", fallbackFile: "/repo/Pulumi.yaml", toolVersion: "0.1.0" });
        expect(sarif.runs[0]!.properties).toEqual({ notice: NOTICE, lawFile: "policypack/data/law.json", lawReviewed: LAW.reviewed });
        const junit = renderJunit(
            { ...map, policies: [{ name: "ru-personal-data-cross-border-transfer", description: "", severity: "critical", enforcementLevel: "mandatory", url: "", remediationSteps: "" }] },
            [],
        );
        expect(junit).toContain(`<property name="lawFile" value="policypack/data/law.json (reviewed ${LAW.reviewed})"/>`);
        expect(junit).toContain('<property name="notice" value="Not legal advice.');
    });

    it("show the auditor a declared transfer's notification identifier and filing date, and where they were tagged", () => {
        expect(map.flows.map((f) => [f.kind, f.transfer])).toEqual([["S3 replication", { taggedOn: u(BUCKET, "customers"), notification: "CBT-2026-000042", filed: "2026-03-02" }]]);
        const md = renderMarkdown(map);
        expect(md).toContain("| Flow | Resource | From | To | Declared transfer (cross-border-transfer / cross-border-transfer-date) |");
        expect(md).toContain("| notification CBT-2026-000042, filed 2026-03-02 |");
        expect(renderHtml(map)).toContain("<td>notification CBT-2026-000042, filed 2026-03-02</td>");
    });

    it("say when a flow carries no transfer evidence, or only part of it", () => {
        const none = buildDataMap({ resources: resources({}), analysis, subject });
        expect(none.flows[0]!.transfer).toBeUndefined();
        expect(renderMarkdown(none)).toContain("| none tagged |");
        const partial = buildDataMap({ resources: resources({ "cross-border-transfer": "CBT-2026-000042" }), analysis, subject });
        expect(partial.flows[0]!.transfer).toEqual({ taggedOn: u(BUCKET, "customers"), notification: "CBT-2026-000042" });
        expect(renderMarkdown(partial)).toContain("| notification CBT-2026-000042, filed (no date) |");
    });
});
