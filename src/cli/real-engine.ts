// `ru-residency preview --engine pulumi`: the same check under the real Pulumi CLI, offline. The
// CLI runs with the test providers in an isolated PULUMI_HOME, a file backend in a temporary
// folder and no credentials, so a pipeline gets the engine's exact semantics with no cloud
// access. The program runs in-process behind --client, as in the conformance suite.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { makeCliEnvironment, sdkVersion } from "../pulumi-cli/environment";
import { CliProject, PolicyEvent } from "../pulumi-cli/project";
import { InputError } from "../program/stack-config";

export interface RealEngineResult {
    code: number;
    stdout: string;
    policyEvents: PolicyEvent[];
    mandatory: number;
    advisory: number;
}

/**
 * A real CLI of the version our SDK pins, without building one: $RU_RESIDENCY_PULUMI, a `pulumi`
 * on PATH, or the build `npm run pulumi:cli` caches.
 */
export function findPulumiCli(env: NodeJS.ProcessEnv = process.env): string | undefined {
    const want = `v${sdkVersion()}`;
    const cache = env.RU_RESIDENCY_CACHE ?? path.join(os.homedir(), ".cache", "ru-residency");
    const candidates = [
        env.RU_RESIDENCY_PULUMI,
        ...(env.PATH ?? "")
            .split(path.delimiter)
            .filter(Boolean)
            .map((d) => path.join(d, "pulumi")),
        path.join(cache, `pulumi-${want}`, "bin", "pulumi"),
    ];
    for (const c of candidates) {
        if (!c || !fs.existsSync(c)) continue;
        try {
            if (execFileSync(c, ["version"], { encoding: "utf8", timeout: 30_000, stdio: ["ignore", "pipe", "ignore"] }).trim() === want) return c;
        } catch {
            /* not a usable CLI */
        }
    }
    return undefined;
}

export async function previewWithRealEngine(dir: string, options: { stack?: string; packDir: string; configFile?: string; update: boolean }): Promise<RealEngineResult> {
    const pulumi = findPulumiCli();
    if (!pulumi) throw new InputError(`--engine pulumi needs the Pulumi CLI v${sdkVersion()} (on PATH, in $RU_RESIDENCY_PULUMI, or built by npm run pulumi:cli in this package); none was found`);
    const stack = options.stack ?? "dev";
    if (!fs.existsSync(path.join(dir, "Pulumi.yaml"))) throw new InputError(`${dir}: no Pulumi.yaml`);
    const env = makeCliEnvironment(pulumi);
    try {
        const project = new CliProject(env, path.resolve(dir), stack);
        const init = await project.init();
        if (init.code !== 0) throw new InputError(`pulumi stack init ${stack} failed: ${init.stderr.trim() || init.stdout.trim()}`);
        const configs = options.configFile ? [path.resolve(options.configFile)] : [];
        const run = options.update ? await project.up([options.packDir], configs) : await project.preview([options.packDir], configs);
        const mandatory = run.policyEvents.filter((e) => e.level === "mandatory").length;
        const advisory = run.policyEvents.filter((e) => e.level === "advisory").length;
        return { code: run.code, stdout: run.stdout, policyEvents: run.policyEvents, mandatory, advisory };
    } finally {
        env.dispose();
    }
}
