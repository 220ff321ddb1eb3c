// The compiled pack's stack policy, driven over the real Analyzer protocol (AnalyzeStack) with
// every example of ru-personal-data-cross-border-transfer. Run `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as path from "node:path";
import { crossBorderExamples } from "../../policypack/policies/ru-personal-data-cross-border-transfer.examples";
import type { StackExample } from "../../policypack/policies/example-types";
import { parsePackConfigFile, reconcilePackConfig } from "../../src/engine/pack-config";
import { AnalyzerInfo, PackSession } from "../../src/engine/runner";
import { engineResource, hasUnknown } from "../helpers/examples";
import { engineResources, exampleUrns } from "../helpers/stack-examples";

const PACK = path.resolve(__dirname, "../../policypack");
const POLICY = "ru-personal-data-cross-border-transfer";

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
    it("describes the stack policy with its metadata and config schema", () => {
        const p = info.policies.find((x) => x.name === POLICY)!;
        expect(p.policyType).toBe("stack");
        expect(p.enforcementLevel).toBe("mandatory");
        expect(p.severity).toBe("critical");
        expect(p.framework?.specification).toContain("Art. 12");
        expect(p.url).toBe(`docs/policies.md#${POLICY}`);
        expect(p.configSchema?.properties.transfers?.default).toBe("forbid");
        expect(p.configSchema?.properties.allowNonAdequate?.default).toBe(false);
        expect(p.configSchema?.properties.adequateCountries?.default).toEqual([]);
        expect(p.configSchema?.properties.destinationLocations?.default).toEqual({});
    });
});

async function analyzeStack(ex: StackExample) {
    const given = parsePackConfigFile(ex.config ? { [POLICY]: ex.config } : {});
    await session.configure(reconcilePackConfig(info.policies, info.initialConfig, given));
    await session.configureStack({ stack: "dev", project: "examples", organization: "acme", dryRun: hasUnknown(ex.resources), tags: ex.stackTags });
    const diags = await session.analyzeStack(engineResources(ex));
    return diags.filter((d) => d.policyName === POLICY);
}

describe(`${POLICY} over gRPC (AnalyzeStack)`, () => {
    for (const ex of [...crossBorderExamples.allowed, ...crossBorderExamples.disallowed]) {
        it(ex.title, async () => {
            const got = await analyzeStack(ex);
            const urns = exampleUrns(ex, (t, n) => engineResource({ type: t, name: n }).urn);
            const want = ex.expect.map((e) => `${urns.get(e.resource)} ${e.level}`).sort();
            expect(got.map((d) => `${d.urn} ${d.enforcementLevel}`).sort()).toEqual(want);
            const unused = [...got];
            for (const e of ex.expect) {
                const i = unused.findIndex((d) => d.urn === urns.get(e.resource) && e.messageIncludes.every((f) => d.message.includes(f)));
                expect(i, `${e.resource}: ${e.messageIncludes.join(" | ")}`).toBeGreaterThanOrEqual(0);
                expect(unused[i]!.message).not.toContain("can't run policy");
                expect(unused[i]!.severity).toBe("critical");
                unused.splice(i, 1);
            }
        });
    }
});
