// The pack is language-agnostic: a Python program under the real CLI gets the verdicts of its
// TypeScript twin. Each program in test/conformance/python/ declares, with the Python SDKs
// (pulumi, pulumi-aws), the resources, names and tags of the example of the same name in
// examples/, so its URNs are the example's. `pulumi preview --policy-pack policypack` on it must
// give exactly the example's expected.json and exactly what the TypeScript example gives under
// the same CLI in this run, messages included; then `pulumi up --yes` and `pulumi destroy --yes`
// run as for the examples (examples.test.ts). The program is served by the Python SDK's own
// Automation API language server (src/pulumi-cli/python_program_server.py), the pack is still the
// Node pack, started through the engine's analyzer route, and the resources go to the test
// provider plugin, which the Python SDK asks for by its version as the Node SDK does.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { CliEnvironment } from "../../src/pulumi-cli/environment";
import { CliProject, CommandResult, PolicyEvent } from "../../src/pulumi-cli/project";
import { testProviders } from "../../src/provider/install";
import { environment, EXAMPLES, expectedOf, PACK, PYTHON_PROGRAMS, pythonInterpreter, ROOT, sortTriples } from "./helpers";

const TWINS = ["cross-border-replication", "default-tags", "frankfurt-bucket", "yandex-bucket"];

// One backend each: the twins share their project and stack names, as their URNs must.
const pyEnv: CliEnvironment = environment();
const tsEnv: CliEnvironment = environment();
afterAll(() => {
    pyEnv.dispose();
    tsEnv.dispose();
});

const triples = (r: CommandResult) => sortTriples(r.policyEvents.map(({ urn, policy, level, code }) => ({ urn, policy, level, code })));
const events = (r: CommandResult): PolicyEvent[] => [...r.policyEvents].sort((a, b) => a.urn.localeCompare(b.urn) || a.policy.localeCompare(b.policy) || a.message.localeCompare(b.message));
const resourcesOf = async (p: CliProject) =>
    (await p.exported())
        .filter((r) => !r.type.startsWith("pulumi:"))
        .map((r) => r.urn)
        .sort();

const version = (pkg: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;

describe("the Python SDKs", () => {
    test("are pinned to the versions of the Node SDKs and of the test provider, and installed at them", () => {
        const pins = new Map(
            fs
                .readFileSync(path.join(PYTHON_PROGRAMS, "requirements.txt"), "utf8")
                .split("\n")
                .map((l) => /^([A-Za-z0-9_.-]+)==(\S+)$/.exec(l.trim()))
                .filter((m): m is RegExpExecArray => m !== null)
                .map((m) => [m[1]!.toLowerCase().replace(/_/g, "-"), m[2]!] as const),
        );
        expect(pins.get("pulumi")).toBe(version("@pulumi/pulumi"));
        expect(pins.get("pulumi-aws")).toBe(version("@pulumi/aws"));
        expect(testProviders().find((p) => p.name === "aws")?.version).toBe(pins.get("pulumi-aws"));
        const installed = JSON.parse(
            execFileSync(
                pythonInterpreter(),
                [
                    "-c",
                    "import json, importlib.metadata as m, pulumi_aws._utilities as u; print(json.dumps({'pulumi': m.version('pulumi'), 'pulumi-aws': m.version('pulumi_aws'), 'registers': u.get_version()}))",
                ],
                { encoding: "utf8" },
            ),
        ) as Record<string, string>;
        // The version pulumi-aws registers its resources with is the provider plugin the engine loads.
        expect(installed).toEqual({ pulumi: pins.get("pulumi"), "pulumi-aws": pins.get("pulumi-aws"), registers: pins.get("pulumi-aws") });
    });
});

describe.each(TWINS)("the Python twin of %s under the real pulumi CLI", (name) => {
    const expected = expectedOf(name);
    const pyDir = path.join(PYTHON_PROGRAMS, name);
    const tsDir = path.join(EXAMPLES, name);
    const configs = expected.policyPackConfig ? [path.join(tsDir, expected.policyPackConfig)] : [];
    const blocked = expected.violations.some((v) => v.level === "mandatory");

    test("gives the TypeScript example's verdicts in preview, up and destroy", async () => {
        // Nothing but the Python program and its project and stack files: nothing else could run.
        expect(fs.readdirSync(pyDir).sort()).toEqual(["Pulumi.dev.yaml", "Pulumi.yaml", "__main__.py"]);
        const py = new CliProject(pyEnv, pyDir, "dev", {}, { runtime: "python", interpreter: pythonInterpreter() });
        const ts = new CliProject(tsEnv, tsDir, "dev");
        for (const init of [await py.init(), await ts.init()]) expect(init.code, init.stderr).toBe(0);

        const preview = await py.preview([PACK], configs);
        const tsPreview = await ts.preview([PACK], configs);
        expect(triples(preview), preview.stdout + preview.stderr).toEqual(sortTriples(expected.violations));
        expect(preview.code === 0 ? 0 : 1, preview.stdout + preview.stderr).toBe(expected.exitCode);
        // The same run's TypeScript twin: the same events, word for word, and the same exit code.
        expect(events(preview)).toEqual(events(tsPreview));
        expect(preview.code).toBe(tsPreview.code);

        const up = await py.up([PACK], configs);
        if (blocked) {
            // The update's own preview stops it before any resource is created.
            expect(up.code, up.stdout).not.toBe(0);
            expect(up.stdout).toContain("error: preview failed");
            expect(await resourcesOf(py)).toEqual([]);
        } else {
            expect(up.code, up.stdout + up.stderr).toBe(0);
            expect(triples(up)).toEqual(sortTriples(expected.violations));
            const tsUp = await ts.up([PACK], configs);
            expect(tsUp.code, tsUp.stdout + tsUp.stderr).toBe(0);
            const created = await resourcesOf(py);
            expect(created.length).toBeGreaterThan(0);
            expect(created).toEqual(await resourcesOf(ts));
            expect((await ts.destroy()).code).toBe(0);
        }
        const destroy = await py.destroy();
        expect(destroy.code, destroy.stdout + destroy.stderr).toBe(0);
        expect(await resourcesOf(py)).toEqual([]);
        // Nothing was written into the program's folder (no __pycache__).
        expect(fs.readdirSync(pyDir).sort()).toEqual(["Pulumi.dev.yaml", "Pulumi.yaml", "__main__.py"]);
    });
});
