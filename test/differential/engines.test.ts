// The in-process path (src/in-process.ts: @pulumi/policy's own server handlers, no transport) and
// the engine-protocol path (src/engine/runner.ts: the pack started as the engine starts it, over
// gRPC) must give identical findings: every field of every diagnostic, in the same order, and the
// same verdict, on every policy example, every example program, every stack-export fixture and
// the 50,000-resource synthetic export.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { crossBorderExamples } from "../../policypack/policies/ru-personal-data-cross-border-transfer.examples";
import type { PolicyExample } from "../../policypack/policies/example-types";
import { localizationExamples } from "../../policypack/policies/ru-personal-data-localization.examples";
import { classificationExamples } from "../../policypack/policies/user-data-classification.examples";
import { analyzeResources } from "../../src/analyze";
import { PackConfig, PackConfigError, parsePackConfigFile, PolicyDescription, reconcilePackConfig } from "../../src/engine/pack-config";
import { stepResources } from "../../src/engine/provider-steps";
import { Diagnostic, PackSession } from "../../src/engine/runner";
import { analyzeResourcesInProcess, InProcessSession } from "../../src/in-process";
import { runProgram } from "../../src/program/run-program";
import { engineResource, hasUnknown } from "../helpers/examples";
import { hostileExport, staticSiteExport, syntheticExport, wireEdgeExport, writeExport } from "../helpers/big-stacks";
import { ROOT, runCli } from "../helpers/cli";
import { engineResources } from "../helpers/stack-examples";

type Session = Pick<PackSession, "configureStack" | "configure" | "analyze" | "analyzeStack" | "remediate"> & {
    getAnalyzerInfo(): Promise<{ policies: PolicyDescription[]; initialConfig: PackConfig }>;
};

/** The pack in this checkout (src/analyze.ts's default is resolved from the compiled dist/). */
const PACK = path.join(ROOT, "policypack");

/** Every policy example, as the engine would send it, in one session of each kind: the findings per example. */
async function examples(session: Session, dryRun: boolean): Promise<unknown[]> {
    const info = await session.getAnalyzerInfo();
    const out: unknown[] = [];
    const configured = async (config: Record<string, unknown> | undefined, tags: Record<string, string> | undefined) => {
        try {
            await session.configure(reconcilePackConfig(info.policies, info.initialConfig, parsePackConfigFile(config ?? {})));
        } catch (e) {
            if (e instanceof PackConfigError) return `refused: ${e.message}`;
            throw e;
        }
        await session.configureStack({ stack: "dev", project: "examples", organization: "acme", dryRun, tags });
        return undefined;
    };
    const resourceSuites: [string, PolicyExample[]][] = [
        ["ru-personal-data-localization", [...localizationExamples.allowed, ...localizationExamples.disallowed]],
        ["user-data-classification", [...classificationExamples.allowed, ...classificationExamples.disallowed]],
    ];
    for (const [policy, list] of resourceSuites) {
        for (const ex of list.filter((e) => dryRun || !hasUnknown(e.resource))) {
            const refused = await configured(ex.config ? { [policy]: ex.config } : undefined, ex.stackTags);
            if (refused) {
                out.push([ex.title, refused]);
                continue;
            }
            const r = engineResource(ex.resource);
            await session.remediate(r);
            out.push([ex.title, await session.analyze(r), await session.analyzeStack([r])]);
        }
    }
    for (const ex of [...crossBorderExamples.allowed, ...crossBorderExamples.disallowed].filter((e) => dryRun || !hasUnknown(e.resources))) {
        const refused = await configured(ex.config ? { "ru-personal-data-cross-border-transfer": ex.config } : undefined, ex.stackTags);
        if (refused) {
            out.push([ex.title, refused]);
            continue;
        }
        const rs = engineResources(ex);
        const each: Diagnostic[][] = [];
        for (const r of rs) each.push(await session.analyze(r));
        out.push([ex.title, each, await session.analyzeStack(rs)]);
    }
    return out;
}

describe("policy examples: in-process and over gRPC", () => {
    for (const mode of ["preview", "update"] as const) {
        it(`gives the same diagnostics for every example (${mode})`, async () => {
            const grpc = await PackSession.start(PACK);
            let overGrpc: unknown[];
            try {
                overGrpc = await examples(grpc, mode === "preview");
            } finally {
                await grpc.close();
            }
            const inProcess = await examples(InProcessSession.start(PACK), mode === "preview");
            expect(inProcess).toEqual(overGrpc);
            // And the examples did find things: the comparison is not of two empty lists.
            expect(JSON.stringify(overGrpc)).toContain('"enforcementLevel":"mandatory"');
        }, 120_000);
    }
});

describe("example programs: in-process and over gRPC", () => {
    const programs = fs.readdirSync(path.join(ROOT, "examples")).filter((d) => fs.existsSync(path.join(ROOT, "examples", d, "Pulumi.yaml")));
    it("covers every example", () => {
        expect(programs.length).toBeGreaterThanOrEqual(9);
    });
    for (const dir of programs) {
        it(`${dir}: the same analysis in preview and in update`, async () => {
            const program = path.join(ROOT, "examples", dir);
            const expected = JSON.parse(fs.readFileSync(path.join(program, "expected.json"), "utf8")) as { policyPackConfig?: string };
            const configFile = expected.policyPackConfig ? path.join(program, expected.policyPackConfig) : undefined;
            for (const preview of [true, false]) {
                const ran = await runProgram(program, { preview });
                const { analyze, stack } = stepResources(ran.resources, { preview });
                const options = {
                    packDir: PACK,
                    configFile,
                    project: ran.project,
                    stack: ran.stack,
                    organization: ran.organization,
                    dryRun: preview,
                    stackConfig: ran.config,
                    stackConfigSecretKeys: ran.secretKeys,
                    stackResources: stack,
                };
                const overGrpc = await analyzeResources(analyze, options);
                const inProcess = await analyzeResourcesInProcess(analyze, options);
                expect(inProcess).toEqual(overGrpc);
            }
        }, 120_000);
    }
});

describe("stack exports: ru-residency analyze, in-process (the default) and --engine grpc", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "differential-"));
    const fx = (f: string) => path.join("test", "fixtures", "exports", f);
    const cases: [string, string[]][] = [
        ["shop-prod.json", ["--file", fx("shop-prod.json")]],
        ["pending-delete.json", ["--file", fx("pending-delete.json")]],
        ["shop-prod.json with a config that breaks the schema", ["--file", fx("shop-prod.json"), "--policy-pack-config", fx("bad-config.json")]],
        ["shop-prod.json with a date that does not exist", ["--file", fx("shop-prod.json"), "--policy-pack-config", fx("bad-date-config.json")]],
        ["not-json.json", ["--file", fx("not-json.json")]],
        ["bad-version.json", ["--file", fx("bad-version.json")]],
        ["the organisation in exports/org", ["--file", fx("org")]],
        ["a static site of 300 objects", ["--file", writeExport("site.json", staticSiteExport(300), tmp)]],
        ["hostile names", ["--file", writeExport("hostile.json", hostileExport(), tmp)]],
        ["lone surrogates, __proto__ keys, -0 and key order on the wire", ["--file", writeExport("wire.json", wireEdgeExport(), tmp)]],
        ["5,000 synthetic resources", ["--file", writeExport("5k.json", syntheticExport(5_000), tmp)]],
    ];
    for (const [name, args] of cases) {
        it(`${name}: the same output, word for word`, async () => {
            const inProcess = await runCli(["analyze", ...args, "--json"]);
            const overGrpc = await runCli(["analyze", ...args, "--json", "--engine", "grpc"], { timeoutMs: 240_000 });
            expect(inProcess).toEqual(overGrpc);
        }, 300_000);
    }

    it("50,000 synthetic resources: the same output, word for word", async () => {
        const file = writeExport("50k.json", syntheticExport(50_000), tmp);
        const inProcess = await runCli(["analyze", "--file", file, "--json"], { timeoutMs: 120_000 });
        const overGrpc = await runCli(["analyze", "--file", file, "--json", "--engine", "grpc"], { timeoutMs: 400_000 });
        expect(overGrpc.code).toBe(1);
        const summary = (JSON.parse(overGrpc.stdout) as { summary: unknown }).summary;
        expect(summary).toEqual({ resources: 49_999, mandatory: 5_172, advisory: 0, blocked: true });
        expect(inProcess.stdout === overGrpc.stdout).toBe(true);
        expect([inProcess.code, inProcess.stderr]).toEqual([overGrpc.code, overGrpc.stderr]);
        // Not on a terminal: nothing but the result.
        expect(inProcess.stderr).toBe("");
    }, 600_000);

    it("shows its progress on a terminal, every 1,000 resources", async () => {
        const file = writeExport("5k-tty.json", syntheticExport(5_000), tmp);
        // script(1) gives the command a terminal; stdout goes to a file, stderr to the terminal.
        const out = path.join(tmp, "5k-tty.out");
        const { execFileSync } = await import("node:child_process");
        const tty = execFileSync(
            "script",
            [
                "-qec",
                `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, "dist", "src", "cli", "main.js"))} analyze --file ${JSON.stringify(file)} --json > ${JSON.stringify(out)}; true`,
                "/dev/null",
            ],
            { encoding: "utf8", cwd: ROOT },
        );
        expect(tty).toBe(`${[1000, 2000, 3000, 4000, 5000].map((n) => `\ranalysing resources: ${n}/5000`).join("")}\r\n`);
        expect((JSON.parse(fs.readFileSync(out, "utf8")) as { summary: { resources: number } }).summary.resources).toBe(4_999);
    }, 120_000);
});

describe("the in-process engine refuses what it cannot do", () => {
    it("names the engines analyze has, and keeps --engine in-process to exports", async () => {
        const bad = await runCli(["analyze", "--file", "test/fixtures/exports/shop-prod.json", "--engine", "mocks"]);
        expect(bad.code).toBe(2);
        expect(bad.stderr.split("\n")[0]).toBe('ru-residency: --engine "mocks": expected in-process or grpc');
        const program = await runCli(["report", "examples/yandex-bucket", "--format", "json", "--engine", "in-process"]);
        expect(program.code).toBe(2);
        expect(program.stderr.split("\n")[0]).toBe("ru-residency: --engine in-process is for --file: a program runs under the engine protocol");
    });

    it("loads a pack that is not @pulumi/policy's with a reason, not a crash", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "not-a-pack-"));
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "x", version: "1.0.0", main: "index.js" }));
        fs.writeFileSync(path.join(dir, "index.js"), "module.exports = {};\n");
        const r = await runCli(["analyze", "--file", "test/fixtures/exports/shop-prod.json", "--policy-pack", dir]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(
            /^ru-residency: .*: (the pack does not use @pulumi\/policy, so it cannot be evaluated in-process; use --engine grpc|the policy pack registered no Analyzer service)\n$/,
        );
    });
});
