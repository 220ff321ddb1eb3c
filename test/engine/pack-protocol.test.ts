// The compiled pack, started as the engine starts it and driven over the real Analyzer protocol.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as path from "node:path";
import { localizationExamples } from "../../policypack/policies/ru-personal-data-localization.examples";
import { classificationExamples } from "../../policypack/policies/user-data-classification.examples";
import type { PolicyExample } from "../../policypack/policies/example-types";
import { parsePackConfigFile, reconcilePackConfig } from "../../src/engine/pack-config";
import { AnalyzerInfo, PackSession } from "../../src/engine/runner";
import { engineResource, hasUnknown } from "../helpers/examples";

const PACK = path.resolve(__dirname, "../../policypack");
import { UNKNOWN } from "../../policypack/src/values";

let session: PackSession;
let info: AnalyzerInfo;

beforeAll(async () => {
    session = await PackSession.start(PACK);
    info = await session.getAnalyzerInfo();
});
afterAll(async () => {
    await session?.close();
});

describe("GetAnalyzerInfo", () => {
    it("names the pack and its policies with their metadata", () => {
        expect(info.name).toBe("ru-data-residency");
        expect(info.version).toBe("0.1.0");
        const byName = new Map(info.policies.map((p) => [p.name, p]));
        const loc = byName.get("ru-personal-data-localization")!;
        expect(loc.enforcementLevel).toBe("mandatory");
        expect(loc.severity).toBe("critical");
        expect(loc.policyType).toBe("resource");
        expect(loc.framework?.specification).toContain("Art. 18 part 5");
        expect(loc.url).toBe("docs/policies.md#ru-personal-data-localization");
        expect(loc.remediationSteps).toContain("exemption");
        expect(loc.configSchema?.properties.onUnknown?.default).toBe("block");
        expect(loc.configSchema?.properties.defaultSubjects?.default).toEqual(["*"]);
        const cls = byName.get("user-data-classification")!;
        expect(cls.enforcementLevel).toBe("advisory");
        expect(cls.severity).toBe("medium");
    });

    it("gives every config property a type and a default", () => {
        for (const p of info.policies) {
            for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) {
                expect(schema.type, `${p.name}.${k}`).toBeTypeOf("string");
                expect(schema, `${p.name}.${k}`).toHaveProperty("default");
            }
        }
    });
});

async function analyzeExample(policyName: string, ex: PolicyExample, dryRun: boolean, noise: boolean) {
    const given = parsePackConfigFile(ex.config ? { [policyName]: ex.config } : {});
    if (ex.schemaRejects) {
        // The CLI validates config against the schema and refuses to run; so does the runner.
        expect(() => reconcilePackConfig(info.policies, info.initialConfig, given)).toThrow(ex.schemaRejects);
        return null;
    }
    const config = reconcilePackConfig(info.policies, info.initialConfig, given);
    await session.configure(config);
    await session.configureStack({ stack: "dev", project: "examples", organization: "acme", dryRun, tags: ex.stackTags });
    const resource = engineResource(ex.resource);
    // Unknown values in properties no policy reads must change nothing.
    if (noise) resource.props = { ...resource.props, bucketPrefix: UNKNOWN, arn: UNKNOWN, forceDestroy: UNKNOWN };
    const diags = await session.analyze(resource);
    return diags.filter((d) => d.policyName === policyName).map((d) => ({ level: d.enforcementLevel, message: d.message, urn: d.urn }));
}

const suites: [string, typeof localizationExamples][] = [
    ["ru-personal-data-localization", localizationExamples],
    ["user-data-classification", classificationExamples],
];

for (const [policyName, examples] of suites) {
    for (const mode of ["preview", "update"] as const) {
        describe(`${policyName} over gRPC (${mode})`, () => {
            const all = [...examples.allowed, ...examples.disallowed].filter((ex) => mode === "preview" || !hasUnknown(ex.resource));
            for (const ex of all) {
                it(ex.title, async () => {
                    const got = await analyzeExample(policyName, ex, mode === "preview", mode === "preview");
                    if (got === null) return;
                    if (ex.expect.level === "none") {
                        expect(got).toEqual([]);
                    } else {
                        expect(got.map((g) => [g.level, g.urn])).toEqual([[ex.expect.level, engineResource(ex.resource).urn]]);
                        for (const f of ex.expect.messageIncludes) expect(got[0]!.message).toContain(f);
                        expect(got[0]!.message).not.toContain("can't run policy");
                    }
                });
            }
        });
    }
}
