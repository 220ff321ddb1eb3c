// Measuring helpers for npm run bench, apart from run.ts so tests can check them.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { makeCliEnvironment } from "../src/pulumi-cli/environment";
import { CliProject } from "../src/pulumi-cli/project";

export function median(xs: readonly number[]): number {
    if (xs.length === 0) return NaN;
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * The floor: an empty pack of no-op policies, plain JavaScript, on the same @pulumi/policy (the
 * given node_modules). The floor has one no-op resource policy; the shape floor has as
 * many no-op resource and stack policies as this pack, which isolates what the pack's own work
 * costs from what @pulumi/policy charges per policy (it deserialises a resource's properties once
 * per policy). Returns the folder; the caller removes it.
 */
export function buildFloor(nodeModules: string, resourcePolicies = 1, stackPolicies = 0): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ru-residency-floor-"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "floor", version: "0.0.1", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    const policies = [
        ...Array.from({ length: resourcePolicies }, (_, i) => `{ name: "noop${i}", description: "does nothing", enforcementLevel: "advisory", validateResource: () => {} }`),
        ...Array.from({ length: stackPolicies }, (_, i) => `{ name: "noopstack${i}", description: "does nothing", enforcementLevel: "advisory", validateStack: () => {} }`),
    ];
    fs.writeFileSync(path.join(dir, "index.js"), `const { PolicyPack } = require("@pulumi/policy");\nnew PolicyPack("floor", { policies: [${policies.join(", ")}] });\n`);
    fs.symlinkSync(nodeModules, path.join(dir, "node_modules"), "dir");
    return dir;
}

/** A process's peak resident memory in kB (VmHWM, a high-water mark), or NaN once it has gone. */
export function vmHwmKb(pid: number): number {
    try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        return m ? Number(m[1]) : NaN;
    } catch {
        return NaN;
    }
}

/**
 * A fixed arithmetic loop, timed: the machine's speed at that moment. Recorded at the start and
 * the end of a run so figures from different runs (or machines) can be read against it.
 */
export function speedProbeMs(): number {
    const times: number[] = [];
    for (let run = 0; run < 9; run++) {
        const t0 = performance.now();
        let x = 0;
        for (let i = 0; i < 30_000_000; i++) x += i % 7;
        times.push(performance.now() - t0);
        if (x < 0) throw new Error("unreachable: keeps the loop from being optimised away");
    }
    return round(median(times), 1);
}

/**
 * Measure two contenders `runs` times in mirrored order (pack, floor; floor, pack; ...), so a slow
 * patch of the machine does not land on one of them only. Results keep their run index, so
 * pack[i] and floor[i] were measured next to each other.
 */
export async function mirroredPairs<T>(runs: number, pack: () => Promise<T>, floor: () => Promise<T>): Promise<{ pack: T[]; floor: T[] }> {
    const out = { pack: [] as T[], floor: [] as T[] };
    for (let i = 0; i < runs; i++) {
        if (i % 2) {
            out.floor.push(await floor());
            out.pack.push(await pack());
        } else {
            out.pack.push(await pack());
            out.floor.push(await floor());
        }
    }
    return out;
}

/** Median of pack[i] / floor[i]: the ratio of neighbouring measurements. */
export function pairedRatio(pack: readonly number[], floor: readonly number[]): number {
    return median(pack.map((t, i) => t / floor[i]!));
}

/**
 * Props as @pulumi/policy hands them to a policy: through a protobuf Struct, its
 * deserializeProperties and its unknown-checking proxy.
 */
export function asPolicySees(props: Record<string, unknown>): Record<string, unknown> {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as typeof import("google-protobuf/google/protobuf/struct_pb");
    const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties: (s: unknown, b: boolean) => Record<string, unknown> };
    const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as { unknownCheckingProxy: <T>(v: T) => T };
    /* eslint-enable @typescript-eslint/no-require-imports */
    return unknownCheckingProxy(deserializeProperties(Struct.fromJavaScript(JSON.parse(JSON.stringify(props))), false));
}

/**
 * The real `pulumi` CLI of the version this package pins, if one is on PATH or cached, else
 * undefined: test/conformance/cli/pulumi-cli.sh asked to find one and never to build one.
 * RU_RESIDENCY_PULUMI, when set, is taken as it is.
 */
export function findPulumiCli(root: string): string | undefined {
    const given = process.env.RU_RESIDENCY_PULUMI;
    if (given) return fs.existsSync(given) ? given : undefined;
    try {
        const found = execFileSync("bash", [path.join(root, "test", "conformance", "cli", "pulumi-cli.sh")], {
            encoding: "utf8",
            env: { ...process.env, RU_RESIDENCY_FIND_ONLY: "1" },
            stdio: ["ignore", "pipe", "ignore"],
        }).trim();
        return found || undefined;
    } catch {
        return undefined;
    }
}

export interface PreviewVerdict {
    exitCode: number;
    violations: { urn: string; policy: string; level: string; code: string | null }[];
}

export interface CliPreviewResult {
    program: string;
    /** Previews of each contender before the measured ones, not counted. */
    warmup: number;
    /** Measured previews of each contender, in mirrored pairs. */
    runs: number;
    packMs: number;
    floorMs: number;
    /** Median over pairs of pack / floor, each the whole `pulumi preview` process's wall time. */
    ratio: number;
    ratioOfMedians: number;
    /** The first and third quartiles of the pairs' ratios: how far this machine's noise spreads them. */
    ratioQuartiles: [number, number];
    /** Each measured preview's wall time, in the order measured (pack[i] next to floor[i]). */
    packRunsMs: number[];
    floorRunsMs: number[];
    /** Median over pairs of pack - floor. */
    overheadMs: number;
    /** What every preview of each contender gave (all of them gave the same, or this throws). */
    pack: PreviewVerdict;
    floor: PreviewVerdict;
    target: number;
    note: string;
}

/**
 * The pack's overhead inside a real `pulumi preview` of `program`: the same project and stack in
 * one isolated CLI environment (src/pulumi-cli), previewed with `--policy-pack <pack>` and with
 * `--policy-pack <floor>` in mirrored pairs after `warmup` unmeasured previews of each. The time
 * is the wall time of the `pulumi` process, start to exit: the engine, the program (served over
 * --client, as in the conformance suite), the provider plugin and the pack. Every preview of a
 * contender must give the same exit code and policy events as its first, or this throws: a
 * failing preview is not a measurement.
 */
export async function cliPreviewOverhead(options: { pulumi: string; program: string; pack: string; floor: string; runs: number; warmup: number; stack?: string }): Promise<CliPreviewResult> {
    const env = makeCliEnvironment(options.pulumi);
    try {
        const project = new CliProject(env, options.program, options.stack ?? "dev");
        const init = await project.init();
        if (init.code !== 0) throw new Error(`pulumi stack init failed: ${init.stderr.trim()}`);
        const verdicts: Partial<Record<"pack" | "floor", PreviewVerdict>> = {};
        const preview = async (who: "pack" | "floor"): Promise<number> => {
            const r = await project.preview([who === "pack" ? options.pack : options.floor]);
            const verdict: PreviewVerdict = {
                exitCode: r.code,
                violations: r.policyEvents
                    .map(({ urn, policy, level, code }) => ({ urn, policy, level, code }))
                    .sort((a, b) => a.urn.localeCompare(b.urn) || a.policy.localeCompare(b.policy) || a.level.localeCompare(b.level) || (a.code ?? "").localeCompare(b.code ?? "")),
            };
            const first = (verdicts[who] ??= verdict);
            if (JSON.stringify(first) !== JSON.stringify(verdict) || (r.code !== 0 && r.policyEvents.length === 0)) {
                throw new Error(`pulumi preview with the ${who} gave ${JSON.stringify(verdict)} after ${JSON.stringify(first)}: ${(r.stdout + r.stderr).trim().slice(-2000)}`);
            }
            return r.wallMs;
        };
        for (let i = 0; i < options.warmup; i++) {
            await preview("pack");
            await preview("floor");
        }
        const times = await mirroredPairs(
            options.runs,
            () => preview("pack"),
            () => preview("floor"),
        );
        const pack = median(times.pack);
        const floor = median(times.floor);
        const ratios = times.pack.map((t, i) => t / times.floor[i]!).sort((a, b) => a - b);
        const quartile = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]!;
        return {
            program: options.program,
            warmup: options.warmup,
            runs: options.runs,
            packMs: round(pack, 0),
            floorMs: round(floor, 0),
            ratio: round(pairedRatio(times.pack, times.floor)),
            ratioOfMedians: round(pack / floor),
            ratioQuartiles: [round(quartile(0.25)), round(quartile(0.75))],
            packRunsMs: times.pack.map((t) => round(t, 0)),
            floorRunsMs: times.floor.map((t) => round(t, 0)),
            overheadMs: round(median(times.pack.map((t, i) => t - times.floor[i]!)), 0),
            pack: verdicts.pack!,
            floor: verdicts.floor!,
            target: 1.1,
            note: "wall time of the whole pulumi preview process (engine, program over --client, provider plugin, policy pack); ratio: median over mirrored pairs of pack / floor; ratioOfMedians: median pack / median floor",
        };
    } finally {
        env.dispose();
    }
}
