// The house rules as a test: every provider resolver, flow kind, policy and config property has
// its row in the docs, its tests and its schema. A new one that misses any of them fails here.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { POLICIES } from "../../policypack/policies/registry";
import { CONFIG_PROPERTIES, SHARED_PROPERTIES } from "../../policypack/src/decide/config";
import { FLOW_EXTRACTORS } from "../../policypack/src/flows/flows";
import { RESOLVER_PACKAGES } from "../../policypack/src/locate";
import { ROOT } from "../helpers/cli";

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

describe("every flow kind", () => {
    const doc = read("docs", "flows.md");
    const tests = `${testsUnder("test/flows")}\n${read("policypack", "policies", "ru-personal-data-cross-border-transfer.examples.ts")}`;
    for (const type of Object.keys(FLOW_EXTRACTORS)) {
        it(`${type}: has its row in docs/flows.md, and a test or an example`, () => {
            // docs/flows.md names AWS types as module.Name (s3.BucketReplicationConfig).
            const m = /^aws:([^/]+)\/[^:]+:(.+)$/.exec(type);
            const short = m ? `${m[1]}.${m[2]}` : type;
            expect(doc.includes(short), `docs/flows.md does not name ${short}`).toBe(true);
            expect(tests.includes(`"${type}"`) || tests.includes(short), `no test or example uses ${type}`).toBe(true);
        });
    }
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
