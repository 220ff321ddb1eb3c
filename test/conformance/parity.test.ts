// The real CLI against what test/fixtures/real-cli/ recorded of it, which the unit tests hold
// ru-residency to (test/engine/config-refusal.test.ts, test/cli/policies-section.test.ts): the
// config refusals and the examples' Policies sections. A difference here means pulumi, the pack
// or the AWS test provider changed since the recording: re-record the fixture, then fix
// ru-residency until the unit tests pass again.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { abbreviateFilePath } from "../../src/cli/format";
import type { CliEnvironment } from "../../src/pulumi-cli/environment";
import { CliProject } from "../../src/pulumi-cli/project";
import { environment, PACK, ROOT } from "./helpers";

const env: CliEnvironment = environment();
afterAll(() => env.dispose());

const REAL_CLI = path.join(ROOT, "test", "fixtures", "real-cli");

interface RefusalCase {
    name: string;
    config?: unknown;
    configText?: string;
    pack: string;
    cliExitCode: number;
    cliOutcome: "refused" | "accepted" | "blocked";
    cliErrorLines: string[];
    cliPoliciesSection?: string;
}

/** The Policies section of a preview's output, through its closing blank line. */
function policiesSection(stdout: string): string | undefined {
    const start = stdout.indexOf("Policies:\n");
    if (start < 0) return undefined;
    const rest = stdout.slice(start);
    const end = rest.search(/\n(Diagnostics|Outputs|Resources):\n/);
    return end < 0 ? rest : rest.slice(0, end + 1);
}

/** The error lines as the fixture records them: the Diagnostics section's, then stderr's. */
function errorLines(stdout: string, stderr: string): string[] {
    const diagnostics = stdout.includes("\nDiagnostics:\n") ? stdout.split("\nDiagnostics:\n")[1]! : "";
    const fromDiagnostics = diagnostics
        .split("\n")
        .filter((l) => l.startsWith("    error: "))
        .map((l) => l.slice(4))
        .filter((l) => l !== "error: preview failed");
    return [...fromDiagnostics, ...stderr.split("\n").filter((l) => l.startsWith("error: "))];
}

describe("config refusals, as recorded in test/fixtures/real-cli/config-refusal.json", () => {
    const fixture = JSON.parse(fs.readFileSync(path.join(REAL_CLI, "config-refusal.json"), "utf8")) as { cases: RefusalCase[] };
    const project = new CliProject(env, path.join(ROOT, "test", "fixtures", "programs", "component"), "dev");

    test("the stack", async () => {
        const init = await project.init();
        expect(init.code, init.stderr).toBe(0);
    });

    for (const c of fixture.cases) {
        test(`${c.name}: ${c.cliOutcome}`, async () => {
            const pack = path.join(ROOT, c.pack);
            const file = path.join(env.dir, `config-${c.name}.json`);
            fs.writeFileSync(file, c.configText ?? JSON.stringify(c.config));
            const res = await project.preview([pack], [file]);
            const shown = (s: string) => s.split(pack).join("<pack>");
            expect(res.code, res.stdout + res.stderr).toBe(c.cliExitCode);
            expect(errorLines(res.stdout, res.stderr).map(shown)).toEqual(c.cliErrorLines);
            if (c.cliPoliciesSection) expect(shown(policiesSection(res.stdout) ?? "")).toBe(c.cliPoliciesSection);
        });
    }
});

describe("Policies sections, as recorded in test/fixtures/real-cli/preview/", () => {
    const recorded = fs
        .readdirSync(path.join(REAL_CLI, "preview"))
        .filter((f) => f.endsWith(".json") && !f.startsWith("label-")) // those pin the path's shortening, which the unit tests cover
        .sort()
        .map((f) => ({
            name: f.replace(/\.json$/, ""),
            ...(JSON.parse(fs.readFileSync(path.join(REAL_CLI, "preview", f), "utf8")) as {
                command: string;
                program: string;
                packArgument: string;
                policyPackConfig?: unknown;
                exitCode: number;
                policiesSection: string;
            }),
        }));

    for (const r of recorded) {
        test(r.name, async () => {
            const project = new CliProject(env, path.join(ROOT, r.program), "dev");
            const init = await project.init();
            expect(init.code, init.stderr).toBe(0);
            let config = /--policy-pack-config (\S+)/.exec(r.command)?.[1];
            if (r.policyPackConfig !== undefined) {
                config = path.join(env.dir, `config-${r.name}.json`);
                fs.writeFileSync(config, JSON.stringify(r.policyPackConfig));
            }
            const res = await project.preview([PACK], config ? [path.resolve(ROOT, config)] : []);
            expect(res.code, res.stdout + res.stderr).toBe(r.exitCode);
            const expected = r.policiesSection.split(`(local: ${abbreviateFilePath(r.packArgument)})`).join(`(local: ${abbreviateFilePath(PACK)})`);
            expect(policiesSection(res.stdout)).toBe(expected);
        });
    }
});
