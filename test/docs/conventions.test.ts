// The house rules as a test: every provider resolver, flow kind, policy and config property has
// its row in the docs, its tests and its schema. A new one that misses any of them fails here.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { POLICIES } from "../../policypack/policies/registry";
import { CONFIG_PROPERTIES, SHARED_PROPERTIES } from "../../policypack/src/decide/config";
import { crossBorderExamples } from "../../policypack/policies/ru-personal-data-cross-border-transfer.examples";
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
