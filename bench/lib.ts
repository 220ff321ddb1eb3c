// Measuring helpers for npm run bench, apart from run.ts so tests can check them.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";

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
