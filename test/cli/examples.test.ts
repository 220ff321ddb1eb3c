// Every example program, run through `ru-residency preview` (and as an update), yields exactly
// the (resource, policy, level, finding code) set its expected.json states, and the stated exit code; and every
// message, word for word, as committed in test/snapshots/examples/ (update on purpose with -u and
// read the diff).
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, runCli } from "../helpers/cli";

interface Expected {
    outcome: string;
    exitCode: number;
    policyPackConfig?: string;
    violations: { urn: string; policy: string; level: string; code: string }[];
}

/** The findings as a reader sees them: each violation's level, policy, resource and full message. */
function renderMessages(name: string, mode: string, violations: { urn: string; policy: string; level: string; message: string }[]): string {
    const head = `# examples/${name} (${mode})\n`;
    if (violations.length === 0) return `${head}\n(no violations)\n`;
    return `${head}\n${violations.map((v) => `## ${v.level} ${v.policy} ${v.urn}\n${v.message}\n`).join("\n")}`;
}

const examplesDir = path.join(ROOT, "examples");
const examples = fs
    .readdirSync(examplesDir)
    .filter((d) => fs.existsSync(path.join(examplesDir, d, "expected.json")))
    .sort();

describe("examples", () => {
    it("are all covered", () => {
        const programs = fs.readdirSync(examplesDir).filter((d) => fs.existsSync(path.join(examplesDir, d, "Pulumi.yaml")));
        expect(examples).toEqual(programs.sort());
        expect(examples.length).toBeGreaterThanOrEqual(8);
    });

    for (const name of examples) {
        const dir = path.join(examplesDir, name);
        const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Expected;
        for (const mode of ["preview", "update"] as const) {
            it.concurrent(`${name} (${mode}): ${expected.outcome}`, async ({ expect }) => {
                const args = ["preview", path.relative(ROOT, dir), "--json"];
                if (mode === "update") args.push("--update");
                if (expected.policyPackConfig) args.push("--policy-pack-config", path.join(dir, expected.policyPackConfig));
                const res = await runCli(args);
                expect(res.stderr).toBe("");
                const out = JSON.parse(res.stdout) as { violations: { urn: string; policy: string; level: string; code: string | null; message: string }[]; summary: { blocked: boolean } };
                const got = out.violations.map((v) => ({ urn: v.urn, policy: v.policy, level: v.level, code: v.code }));
                expect(got).toEqual(expected.violations);
                expect(res.code).toBe(expected.exitCode);
                expect(out.summary.blocked).toBe(expected.exitCode === 1);
                for (const v of out.violations) expect(v.message).not.toContain("can't run policy");
                await expect(renderMessages(name, mode, out.violations)).toMatchFileSnapshot(`../snapshots/examples/${name}.${mode}.md`);
            });
        }
    }
});
