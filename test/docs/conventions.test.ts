// The house rules as a test: every provider resolver, flow kind, policy, config property and
// finding code has its row in the docs, its tests and its schema. A new one that misses any of
// them fails here, and so does a finding code no example produces.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportViolation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { resourceValidation, stackValidation } from "../../policypack/policies/glue";
import { CLASSIFICATION, CROSS_BORDER, LOCALIZATION, POLICIES } from "../../policypack/policies/registry";
import { crossBorderPolicy } from "../../policypack/policies/ru-personal-data-cross-border-transfer";
import { crossBorderExamples } from "../../policypack/policies/ru-personal-data-cross-border-transfer.examples";
import { localizationPolicy } from "../../policypack/policies/ru-personal-data-localization";
import { localizationExamples } from "../../policypack/policies/ru-personal-data-localization.examples";
import { classificationPolicy } from "../../policypack/policies/user-data-classification";
import { classificationExamples } from "../../policypack/policies/user-data-classification.examples";
import { FINDING_CODES, findingAnchor, findingCodeEntry, findingCodeOf, findingUrl } from "../../policypack/src/decide/finding-codes";
import { LAW } from "../../policypack/src/law";
import { renderFindingsDoc } from "../../src/docs/findings-doc";
import { runResourcePolicy, runStackPolicy, Violation } from "../helpers/harness";
import { harnessSpecs } from "../helpers/stack-examples";
import { CONFIG_PROPERTIES, SHARED_PROPERTIES } from "../../policypack/src/decide/config";
import { extractFlows, FLOW_EXTRACTORS } from "../../policypack/src/flows/flows";
import { StackIndex, type StackResource } from "../../policypack/src/flows/stack";
import { RESOLVER_PACKAGES } from "../../policypack/src/locate";
import { cases } from "../flows/flow-kind-cases";
import { stack as flowStack, settings as flowSettings, urn } from "../flows/helpers";
import { ROOT } from "../helpers/cli";
import { exampleUrns } from "../helpers/stack-examples";

const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), "utf8");
const testsUnder = (dir: string): string =>
    fs
        .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(".ts"))
        .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), "utf8"))
        .join("\n");

describe("every provider resolver", () => {
    const doc = read("docs", "providers.md");
    const tests = testsUnder("test/locate");
    for (const pkg of RESOLVER_PACKAGES) {
        it(`${pkg}: has its row in docs/providers.md and tests in test/locate`, () => {
            const row = doc.split("\n").find((l) => l.startsWith("|") && l.split("|")[1]!.includes(`\`${pkg}\``));
            expect(row, `no row for \`${pkg}\` in docs/providers.md`).toBeDefined();
            expect(tests.includes(`"${pkg}:`), `no test in test/locate names a ${pkg}: type`).toBe(true);
        });
    }
});

/** The flow resource types that the cross-border examples and the flow kind cases produce flows from, run through the extractors. */
function producedFlowTypes(): Set<string> {
    const stacks: StackResource[][] = [...cases.flatMap((c) => (["ru", "abroad", "unknown"] as const).map((p) => flowStack(c.specs(p))))];
    for (const ex of [...crossBorderExamples.allowed, ...crossBorderExamples.disallowed]) {
        const urns = exampleUrns(ex, (t, n) => urn(t, n));
        const urnsOf = (names: readonly string[] | undefined) => (names ?? []).map((n) => urns.get(n)!);
        stacks.push(
            ex.resources.map((r) => ({
                type: r.type,
                name: r.name,
                urn: urns.get(r.name)!,
                props: r.props ?? {},
                provider: r.provider ? { type: r.provider.type ?? "pulumi:providers:aws", name: r.provider.name ?? "default", urn: "urn:provider", props: r.provider.props ?? {} } : undefined,
                dependencies: urnsOf(r.dependencies),
                propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, v]) => [k, urnsOf(v)])),
            })),
        );
    }
    const produced = new Set<string>();
    for (const resources of stacks) for (const f of extractFlows(new StackIndex(resources), flowSettings()).flows) produced.add(f.flow.type);
    return produced;
}

describe("every flow kind", () => {
    const doc = read("docs", "flows.md");
    // The rows of the "Flows followed" table: its first cell names the flow resource types.
    const table = doc.slice(doc.indexOf("## Flows followed"));
    const firstCells = table
        .slice(0, table.indexOf("\n\n", table.indexOf("|")))
        .split("\n")
        .filter((l) => l.startsWith("| `"))
        .map((l) => l.split("|")[1]!);
    const produced = producedFlowTypes();
    for (const type of Object.keys(FLOW_EXTRACTORS)) {
        it(`${type}: has its row in docs/flows.md, and an example or a flow kind case that produces it`, () => {
            // docs/flows.md names AWS types as module.Name (s3.BucketReplicationConfig).
            const m = /^aws:([^/]+)\/[^:]+:(.+)$/.exec(type);
            const short = m ? `${m[1]}.${m[2]}` : type;
            expect(
                firstCells.some((c) => c.includes(`\`${short}\``)),
                `no row of the "Flows followed" table in docs/flows.md names \`${short}\``,
            ).toBe(true);
            expect(produced.has(type), `no example in ru-personal-data-cross-border-transfer.examples.ts and no case in test/flows/flow-kind-cases.ts produces a flow from ${type}`).toBe(true);
        });
    }
    it("the table has no row for a type that is not a flow kind", () => {
        // The types a row is about lead its first cell, joined by ", " or " / "; later ones are context ("member of a `rds.GlobalCluster`").
        const named = firstCells.flatMap((c) => [...c.matchAll(/(?:^ |, | \/ )`([a-z0-9]+\.[A-Za-z0-9]+)`/g)].map((x) => x[1]!));
        const known = new Set(Object.keys(FLOW_EXTRACTORS).map((t) => t.replace(/^aws:([^/]+)\/[^:]+:(.+)$/, "$1.$2")));
        expect(named.filter((n) => !known.has(n))).toEqual([]);
    });
});

describe("every config property", () => {
    const readme = read("README.md");
    const tests = testsUnder("test");
    const taken = new Set(POLICIES.flatMap((p) => Object.keys(p.configSchema?.properties ?? {})));
    for (const name of Object.keys(CONFIG_PROPERTIES)) {
        it(`${name}: is in a policy's schema, the README's table and a test`, () => {
            expect(taken.has(name), `no policy's configSchema takes ${name}`).toBe(true);
            expect(readme.includes(`| \`${name}\` |`), `no row for ${name} in the README's configuration table`).toBe(true);
            expect(tests.includes(name), `no test mentions ${name}`).toBe(true);
        });
    }
    it("the shared ones are named in the README", () => {
        for (const name of SHARED_PROPERTIES) expect(readme.includes(`\`${name}\``)).toBe(true);
    });
});

describe("every policy", () => {
    const doc = read("docs", "policies.md");
    for (const p of POLICIES) {
        it(`${p.name}: has its section in docs/policies.md and its examples`, () => {
            expect(doc.includes(`## ${p.name}`) || doc.includes(`id="${p.name}"`), `docs/policies.md has no section for ${p.name}`).toBe(true);
            expect(fs.existsSync(path.join(ROOT, "policypack", "policies", `${p.name}.examples.ts`)), `no ${p.name}.examples.ts`).toBe(true);
        });
    }
});

describe("every finding code", () => {
    // Every code ever published, in order. A code is never renumbered or reused: add new ones at
    // the end; one that is no longer produced stays in the registry, retired, and stays here.
    const PUBLISHED = [
        "RU152-LOC-001",
        "RU152-LOC-002",
        "RU152-LOC-003",
        "RU152-LOC-004",
        "RU152-LOC-005",
        "RU152-XB-001",
        "RU152-XB-002",
        "RU152-XB-003",
        "RU152-XB-004",
        "RU152-XB-005",
        "RU152-XB-006",
        "RU152-XB-007",
        "RU152-XB-008",
        "RU152-XB-009",
        "RU152-CLS-001",
        "RU152-CLS-002",
        "RU152-CLS-003",
        "RU152-CLS-004",
        "RU152-CLS-005",
        "RU152-CLS-006",
        "RU152-CFG-001",
        "RU152-CFG-002",
        "RU152-PACK-001",
        "RU152-PACK-002",
    ];
    const codes = FINDING_CODES.map((e) => e.code);
    const doc = read("docs", "findings.md");
    const policyNames = new Set(POLICIES.map((p) => p.name));
    const lawIds = new Set([...LAW.provisions.map((p) => p.id), ...LAW.readings.map((r) => r.id)]);
    const AREA: Record<string, readonly string[]> = { LOC: [LOCALIZATION], XB: [CROSS_BORDER], CLS: [CLASSIFICATION], CFG: [...policyNames], PACK: [...policyNames] };

    it("are the published ones, none renumbered, none reused, none dropped", () => {
        expect(codes).toEqual(PUBLISHED);
        expect(new Set(codes).size).toBe(codes.length);
    });

    it("docs/findings.md is current (run `npm run docs` after changing a code)", () => {
        expect(doc).toBe(renderFindingsDoc());
    });

    for (const e of FINDING_CODES) {
        it(`${e.code}: has its section in docs/findings.md, its policies, its words and its law`, () => {
            const m = /^RU152-([A-Z]+)-\d{3}$/.exec(e.code);
            expect(m, `${e.code} is not RU152-<area>-<3 digits>`).not.toBeNull();
            expect([...e.policies].sort()).toEqual([...AREA[m![1]!]!].sort());
            expect(doc).toContain(`<a id="${findingAnchor(e.code)}"></a>\n\n## ${e.code}: ${e.title}\n`);
            expect(findingUrl(e.code)).toBe(`docs/findings.md#${e.code.toLowerCase()}`);
            for (const text of [e.title, e.rationale, e.fix]) expect(text.trim().length).toBeGreaterThan(10);
            for (const id of e.law) expect(lawIds.has(id), `${e.code} cites ${id}, which is not in policypack/data/law.json`).toBe(true);
        });
    }

    it("are each produced by a policy example or an example program (a bug's code by injecting the bug), and nothing else is produced", async () => {
        const produced = await producedCodes();
        const missing = FINDING_CODES.filter((e) => !("retired" in e && e.retired) && !produced.has(e.code)).map((e) => e.code);
        expect(missing, `codes no example produces (dead codes): add an example, or retire the code`).toEqual([]);
        const unknown = [...produced].filter((c) => c === undefined || !findingCodeEntry(c));
        expect(unknown, "violations whose message carries no code the registry knows").toEqual([]);
    });
});

/** The code of every violation the policies' examples, the example programs and injected pack bugs produce. */
async function producedCodes(): Promise<Set<string | undefined>> {
    const out = new Set<string | undefined>();
    const bugs = new Set<string | undefined>();
    const add = (vs: readonly Violation[], into = out) => {
        for (const v of vs) into.add(v.code);
    };
    for (const [policy, examples] of [
        [localizationPolicy, localizationExamples],
        [classificationPolicy, classificationExamples],
    ] as const) {
        for (const ex of [...examples.allowed, ...examples.disallowed]) add(await runResourcePolicy(policy, ex.resource, { config: ex.config, stackTags: ex.stackTags }));
    }
    for (const ex of [...crossBorderExamples.allowed, ...crossBorderExamples.disallowed])
        add(await runStackPolicy(crossBorderPolicy, harnessSpecs(ex), { config: ex.config, stackTags: ex.stackTags }));
    // The example programs: expected.json states each violation's code, and test/cli/examples.test.ts holds the CLI to it.
    for (const d of fs.readdirSync(path.join(ROOT, "examples"))) {
        const file = path.join(ROOT, "examples", d, "expected.json");
        if (!fs.existsSync(file)) continue;
        for (const v of (JSON.parse(fs.readFileSync(file, "utf8")) as { violations: { code: string }[] }).violations) out.add(v.code);
    }
    // A pack bug's codes, by injecting the bug; they must be no example's.
    const kept = new Set(out);
    const bucket = { type: "aws:s3/bucket:Bucket", name: "customers", props: { tags: { "user-data": "personal", "data-subjects": "RU" } }, provider: { props: { region: "eu-central-1" } } };
    const report = (vs: string[]) => ((m: unknown) => vs.push(typeof m === "string" ? m : (m as { message: string }).message)) as unknown as ReportViolation;
    const messages: string[] = [];
    const throwing = () => {
        throw new Error("injected");
    };
    const resourceArgs = { type: "aws:s3/bucket:Bucket", name: "x", urn: "urn:pulumi:t::t::aws:s3/bucket:Bucket::x", props: {}, getConfig: () => ({}) } as unknown as ResourceValidationArgs;
    resourceValidation("d", throwing)(resourceArgs, report(messages));
    resourceValidation("d", () => [])({ ...resourceArgs, getConfig: throwing } as unknown as ResourceValidationArgs, report(messages));
    stackValidation("d", throwing)({ resources: [], getConfig: () => ({}) } as unknown as StackValidationArgs, report(messages));
    for (const m of messages) bugs.add(findingCodeOf(m));
    const extractors = FLOW_EXTRACTORS as Record<string, (typeof FLOW_EXTRACTORS)[string]>;
    const replication = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
    const original = extractors[replication]!;
    extractors[replication] = throwing;
    try {
        add(
            await runStackPolicy(crossBorderPolicy, [
                { ...bucket, dependencies: [] },
                { type: replication, name: "r", props: { bucket: "customers" }, provider: { props: { region: "eu-central-1" } } },
            ]),
            bugs,
        );
    } finally {
        extractors[replication] = original;
    }
    const bugCodes = FINDING_CODES.filter((e) => "packBug" in e && e.packBug).map((e) => e.code);
    expect([...bugs].filter((c) => c !== undefined && !bugCodes.includes(c as never) && findingCodeEntry(c)?.packBug !== true)).toEqual([]);
    for (const c of bugCodes) expect(kept.has(c), `${c} marks a pack bug, yet an example produces it`).toBe(false);
    for (const c of bugs) out.add(c);
    return out;
}
