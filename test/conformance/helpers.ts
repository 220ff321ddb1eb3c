// Shared set-up of the conformance suite: the real CLI, an isolated environment, the examples.
import * as fs from "node:fs";
import * as path from "node:path";
import { CliEnvironment, makeCliEnvironment } from "../../src/pulumi-cli/environment";

export const ROOT = path.resolve(__dirname, "..", "..");
export const PACK = path.join(ROOT, "policypack");
export const SPY_PACK = path.join(ROOT, "test", "conformance", "spy-pack");
export const EXAMPLES = path.join(ROOT, "examples");
/** Python twins of some examples: same project, resources, names and tags. */
export const PYTHON_PROGRAMS = path.join(ROOT, "test", "conformance", "python");

export function pulumiCli(): string {
    const p = process.env.RU_RESIDENCY_PULUMI;
    if (!p || !fs.existsSync(p)) throw new Error("no real pulumi CLI: the suite's global setup did not find one (run npm run pulumi:cli)");
    return p;
}

/** The interpreter of the virtualenv that python/python-venv.sh made (the suite's global setup). */
export function pythonInterpreter(): string {
    const p = process.env.RU_RESIDENCY_PYTHON;
    if (!p || !fs.existsSync(p)) throw new Error("no Python virtualenv: the suite's global setup did not make one (run npm run pulumi:python)");
    return p;
}

export function environment(): CliEnvironment {
    return makeCliEnvironment(pulumiCli(), { keep: process.env.RU_RESIDENCY_KEEP === "1" });
}

export interface Expected {
    outcome: string;
    exitCode: number;
    policyPackConfig?: string;
    violations: Triple[];
}

export function exampleNames(): string[] {
    return fs
        .readdirSync(EXAMPLES)
        .filter((d) => fs.existsSync(path.join(EXAMPLES, d, "expected.json")))
        .sort();
}

export function expectedOf(example: string): Expected {
    return JSON.parse(fs.readFileSync(path.join(EXAMPLES, example, "expected.json"), "utf8")) as Expected;
}

/** A violation as expected.json states it: resource, policy, level and finding code (read from the message, the only thing the engine passes on). */
export type Triple = { urn: string; policy: string; level: string; code: string | null };

export function sortTriples(t: Triple[]): Triple[] {
    return [...t].sort((a, b) => a.urn.localeCompare(b.urn) || a.policy.localeCompare(b.policy) || a.level.localeCompare(b.level) || (a.code ?? "").localeCompare(b.code ?? ""));
}
