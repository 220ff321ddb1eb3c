// npm run bench: start-up, per-resource cost and stack scale of the pack against the floor (an
// empty pack with one no-op policy), measured in one run with the contenders alternated to
// cancel machine drift. Results go to bench/results/ as JSON; the README keeps the latest table.
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { encodeAnalyzeStackRequest, PackSession, EngineResource } from "../src/engine/runner";
import { asPolicySees, buildFloor as buildFloorIn, cliPreviewOverhead, findPulumiCli, median, mirroredPairs, pairedRatio, round, speedProbeMs, vmHwmKb } from "./lib";
import { stackExport, syntheticStack, yandexBucket } from "./synthetic";
import { CROSS_BORDER, POLICIES } from "ru-data-residency/pack";

const ROOT = path.resolve(__dirname, "..", "..");
const PACK = path.join(ROOT, "policypack");
const QUICK = process.argv.includes("--quick");
const buildFloor = (resourcePolicies?: number, stackPolicies?: number) => buildFloorIn(path.join(ROOT, "node_modules"), resourcePolicies, stackPolicies);

// This machine's speed drifts by a fifth or more within a run (a plain arithmetic loop shows it),
// so each contender is measured many times in short turns, next to each other, and the ratio
// reported is the median of the ratios of neighbouring turns.
const PAIRED_NOTE = "ratio: median over turns of pack / floor measured next to each other; ratioOfMedians: median pack / median floor";

/** time(50k) / time(10k), or a sentence when the run (--quick) did not measure both. */
function scaling(time: (size: number) => number): number | string {
    const ratio = time(50_000) / time(10_000);
    return Number.isFinite(ratio) ? round(ratio, 2) : "not measured (--quick runs 1,000 and 10,000 only)";
}

async function coldStart(floor: string, runs: number) {
    const startMs = async (dir: string) => {
        const t0 = performance.now();
        const s = await PackSession.start(dir);
        const ms = performance.now() - t0;
        await s.close();
        return ms;
    };
    const times = await mirroredPairs(
        runs,
        () => startMs(PACK),
        () => startMs(floor),
    );
    const pack = median(times.pack);
    const fl = median(times.floor);
    return { runs, packMs: round(pack, 1), floorMs: round(fl, 1), ratio: round(pairedRatio(times.pack, times.floor)), ratioOfMedians: round(pack / fl), target: 1.15, note: PAIRED_NOTE };
}

async function perResource(floor: string, shapeFloor: string, calls: number, turns: number) {
    const sessions = { pack: await PackSession.start(PACK), floor: await PackSession.start(floor), shapeFloor: await PackSession.start(shapeFloor) };
    const names = Object.keys(sessions) as (keyof typeof sessions)[];
    const times: Record<string, number[]> = { pack: [], floor: [], shapeFloor: [] };
    try {
        for (const s of Object.values(sessions)) await s.configureStack({ stack: "bench", project: "shop", organization: "o", dryRun: true });
        const resources = Array.from({ length: calls }, (_, i) => yandexBucket(i));
        for (const s of Object.values(sessions)) for (const r of resources.slice(0, 200)) await s.analyze(r); // warm-up
        for (let turn = 0; turn < turns; turn++) {
            // Rotate the order so no contender always goes first.
            const order = names.map((_, i) => names[(i + turn) % names.length]!);
            for (const name of order) {
                const t0 = performance.now();
                for (const r of resources) await sessions[name].analyze(r);
                times[name]!.push(performance.now() - t0);
            }
        }
    } finally {
        for (const s of Object.values(sessions)) await s.close();
    }
    const ratioTo = (other: string) => round(pairedRatio(times.pack!, times[other]!));
    return {
        callsPerTurn: calls,
        turns,
        packMsPerCall: round(median(times.pack!) / calls, 4),
        floorMsPerCall: round(median(times.floor!) / calls, 4),
        shapeFloorMsPerCall: round(median(times.shapeFloor!) / calls, 4),
        ratio: ratioTo("floor"),
        ratioToShapeFloor: ratioTo("shapeFloor"),
        target: 1.1,
        note: `floor: one no-op resource policy; shapeFloor: as many no-op resource and stack policies as the pack has. ${PAIRED_NOTE}`,
    };
}

/**
 * In-process throughput, in a fresh process of its own: measured inside this one, after the gRPC
 * work above, the same code ran 20-40 % slower (a heap full of the client's garbage and call
 * sites already made generic by other code), which says nothing about the policies.
 */
function inProcess(seconds: number): unknown {
    const out = execFileSync(process.execPath, [path.join(__dirname, "in-process.js"), String(seconds)], { encoding: "utf8", maxBuffer: 1 << 20 });
    return JSON.parse(out);
}

async function stackScale(sizes: number[], shapeFloor: string) {
    const out: Record<string, unknown>[] = [];
    const measure = async (dir: string, request: Uint8Array) => {
        const s = await PackSession.start(dir);
        try {
            await s.configureStack({ stack: "bench", project: "shop", organization: "o", dryRun: false });
            const t0 = performance.now();
            const diags = await s.analyzeStackEncoded(request);
            const ms = performance.now() - t0;
            const pid = (s as unknown as { child: { pid: number } }).child.pid;
            return { ms, diagnostics: diags.length, rssMb: vmHwmKb(pid) / 1024 };
        } finally {
            await s.close();
        }
    };
    for (const size of sizes) {
        const resources: EngineResource[] = syntheticStack(size);
        // The engine's side (building and encoding the request) is not the pack's cost: encode
        // once, then time the call alone.
        const e0 = performance.now();
        const request = encodeAnalyzeStackRequest(resources);
        const encodeMs = performance.now() - e0;
        const runs = QUICK ? 1 : size >= 50_000 ? 3 : 5;
        const { pack, floor } = await mirroredPairs(
            runs,
            () => measure(PACK, request),
            () => measure(shapeFloor, request),
        );
        out.push({
            resources: size,
            flows: resources.filter((r) => r.type.includes("Replication")).length,
            runs,
            requestMb: round(request.byteLength / 2 ** 20, 1),
            engineSideEncodeMs: round(encodeMs, 1),
            analyzeStackMs: round(median(pack.map((m) => m.ms)), 1),
            diagnostics: pack[0]!.diagnostics,
            packPeakRssMb: round(median(pack.map((m) => m.rssMb)), 1),
            shapeFloorAnalyzeStackMs: round(median(floor.map((m) => m.ms)), 1),
            shapeFloorPeakRssMb: round(median(floor.map((m) => m.rssMb)), 1),
            ratioToShapeFloor: round(
                pairedRatio(
                    pack.map((m) => m.ms),
                    floor.map((m) => m.ms),
                ),
            ),
        });
    }
    const t = (n: number) => (out.find((o) => o.resources === n)?.analyzeStackMs as number) ?? NaN;
    return { stacks: out, ratio50kTo10k: scaling(t), targets: { ratio: 6, ms50k: 2000, rssMb: 400 } };
}

/**
 * Policy time alone: the stack policy's validateStack on resources already deserialised the way
 * @pulumi/policy's server does it (Struct → deserializeProperties → unknownCheckingProxy), so the
 * figure excludes gRPC transfer and the server's own decoding, which the floor pays too.
 */
function stackPolicyInProcess(sizes: number[]) {
    const crossBorderPolicy = POLICIES.find((p) => p.name === CROSS_BORDER) as { validateStack: (a: unknown, r: unknown) => void };
    const out: Record<string, unknown>[] = [];
    for (const size of sizes) {
        const res = syntheticStack(size);
        const resources = res.map((r) => ({
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: asPolicySees(r.props),
            opts: {},
            dependencies: [] as unknown[],
            propertyDependencies: {} as Record<string, unknown[]>,
            provider: r.provider ? { ...r.provider, props: asPolicySees(r.provider.props) } : undefined,
        }));
        const byUrn = new Map(resources.map((x) => [x.urn, x]));
        res.forEach((r, i) => {
            resources[i]!.dependencies = r.dependencies.map((u) => byUrn.get(u)).filter(Boolean);
            for (const [k, us] of Object.entries(r.propertyDependencies)) resources[i]!.propertyDependencies[k] = us.map((u) => byUrn.get(u)).filter(Boolean);
        });
        const times: number[] = [];
        let violations = 0;
        for (let i = 0; i < 3; i++) {
            violations = 0;
            const t0 = performance.now();
            crossBorderPolicy.validateStack({ resources, getConfig: () => ({}), stackTags: new Map(), notApplicable: () => undefined }, () => violations++);
            times.push(performance.now() - t0);
        }
        out.push({ resources: size, policyMs: round(median(times), 1), violations });
    }
    const t = (n: number) => (out.find((o) => o.resources === n)?.policyMs as number) ?? NaN;
    return { stacks: out, ratio50kTo10k: scaling(t), target: "50,000 resources in under 2,000 ms of policy time; ratio at most 6" };
}

/** Run a command; its wall time, and the peak memory of it and of the processes it starts, apart. */
async function measured(args: string[]) {
    const t0 = performance.now();
    let cliKb = 0;
    let packKb = 0;
    const children = new Set<number>();
    const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "ignore"] });
        // Peak memory of the command and of the pack it starts, polled from /proc (VmHWM is a high-water mark).
        const timer = setInterval(() => {
            cliKb = Math.max(cliKb, vmHwmKb(child.pid!) || 0);
            try {
                for (const c of fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) children.add(Number(c));
            } catch {
                /* exited */
            }
            for (const c of children) packKb = Math.max(packKb, vmHwmKb(c) || 0);
        }, 25);
        child.on("exit", (c) => {
            clearInterval(timer);
            resolve(c);
        });
    });
    return { exitCode: code, wallMs: round(performance.now() - t0, 0), commandPeakRssMb: round(cliKb / 1024, 1), packPeakRssMb: round(packKb / 1024, 1), childProcesses: children.size };
}

/** `ru-residency analyze --file` over the engine protocol: the pack in its own process, over gRPC. */
function cliAnalyzeOnce(file: string, packDir: string) {
    return measured([path.join(ROOT, "dist", "src", "cli", "main.js"), "analyze", "--file", file, "--json", "--policy-pack", packDir, "--engine", "grpc"]);
}

/**
 * `ru-residency analyze --file` as it runs by default, the pack in-process, next to the floor: a
 * process that reads the same file, parses it and walks every value in it (bench/parse-floor.ts).
 * Its total peak is the command's, with no pack process beside it (childProcesses: 0).
 */
async function cliAnalyzeInProcess(size: number) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ru-residency-export-"));
    const file = path.join(dir, "stack.json");
    fs.writeFileSync(file, JSON.stringify(stackExport(size)));
    try {
        const runs = QUICK ? 2 : 6;
        const { pack, floor } = await mirroredPairs(
            runs,
            () => measured([path.join(ROOT, "dist", "src", "cli", "main.js"), "analyze", "--file", file, "--json"]),
            () => measured([path.join(__dirname, "parse-floor.js"), file]),
        );
        const total = (x: { commandPeakRssMb: number; packPeakRssMb: number }) => x.commandPeakRssMb + x.packPeakRssMb;
        const wallMs = round(median(pack.map((p) => p.wallMs)), 0);
        const peakMb = round(Math.max(...pack.map(total)), 1);
        return {
            resources: size,
            fileMb: round(fs.statSync(file).size / 2 ** 20, 1),
            runs,
            exitCode: pack[0]!.exitCode,
            wallMs,
            slowestWallMs: Math.max(...pack.map((p) => p.wallMs)),
            peakRssMb: peakMb,
            childProcesses: Math.max(...pack.map((p) => p.childProcesses)),
            floor: { wallMs: round(median(floor.map((f) => f.wallMs)), 0), peakRssMb: round(Math.max(...floor.map(total)), 1) },
            wallRatioToFloor: round(
                pairedRatio(
                    pack.map((p) => p.wallMs),
                    floor.map((f) => f.wallMs),
                ),
            ),
            peakRatioToFloor: round(peakMb / Math.max(...floor.map(total)), 2),
            targets: { wallMs: 5000, peakRssMb: 1024 },
            met: { wall: wallMs <= 5000, peak: peakMb <= 1024 },
            note: "wall: median of runs; ratio: median of command / floor in neighbouring runs; peak: highest VmHWM of the command plus any child, polled every 25 ms; floor: read, JSON.parse and walk every value of the same file (bench/parse-floor.ts)",
        };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** `ru-residency analyze --file` on a generated export, with this pack and with the shape floor. */
async function cliAnalyze(size: number, shapeFloor: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ru-residency-export-"));
    const file = path.join(dir, "stack.json");
    fs.writeFileSync(file, JSON.stringify(stackExport(size)));
    try {
        const runs = QUICK ? 1 : 2;
        const { pack, floor } = await mirroredPairs(
            runs,
            () => cliAnalyzeOnce(file, PACK),
            () => cliAnalyzeOnce(file, shapeFloor),
        );
        const summary = (xs: readonly Awaited<ReturnType<typeof cliAnalyzeOnce>>[]) => ({
            exitCode: xs[0]!.exitCode,
            wallMs: round(median(xs.map((x) => x.wallMs)), 0),
            commandPeakRssMb: round(Math.max(...xs.map((x) => x.commandPeakRssMb)), 1),
            packPeakRssMb: round(Math.max(...xs.map((x) => x.packPeakRssMb)), 1),
        });
        return {
            resources: size,
            runs,
            pack: summary(pack),
            shapeFloor: summary(floor),
            wallRatio: round(
                pairedRatio(
                    pack.map((p) => p.wallMs),
                    floor.map((p) => p.wallMs),
                ),
            ),
            note: "wall: median of runs; wallRatio: median of pack / floor in neighbouring runs; peaks: highest of the runs, polled every 25 ms, the command and the pack apart",
        };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/**
 * The pack inside a real `pulumi preview` of examples/frankfurt-bucket against the floor, or,
 * without the CLI (the bench never builds it), the reason it was not measured.
 */
async function cliPreview(floor: string) {
    const pulumi = findPulumiCli(ROOT);
    if (!pulumi) {
        const reason = "not measured: no pulumi CLI of the pinned version on PATH, in the cache or in RU_RESIDENCY_PULUMI (npm run pulumi:cli builds it)";
        process.stderr.write(`bench: cliPreview ${reason}\n`);
        return { skipped: reason };
    }
    const r = await cliPreviewOverhead({ pulumi, program: path.join(ROOT, "examples", "frankfurt-bucket"), pack: PACK, floor, runs: QUICK ? 2 : 30, warmup: 1 });
    return { ...r, program: path.relative(ROOT, r.program) };
}

async function main() {
    const floor = buildFloor();
    const shapeFloor = buildFloor(2, 1);
    // In the order they run; --only NAME runs one of them (a figure wanted alone, for example
    // cliPreview after a change of the CLI harness), and then latest.json is left as it is.
    const sections: Record<string, () => unknown> = {
        coldStart: () => coldStart(floor, QUICK ? 5 : 15),
        perResource: () => perResource(floor, shapeFloor, QUICK ? 100 : 250, QUICK ? 6 : 40),
        inProcess: () => inProcess(QUICK ? 1.5 : 5),
        stackScale: () => stackScale(QUICK ? [1_000, 10_000] : [1_000, 10_000, 50_000], shapeFloor),
        stackPolicyInProcess: () => stackPolicyInProcess(QUICK ? [1_000, 10_000] : [1_000, 10_000, 50_000]),
        cliAnalyzeInProcess: () => cliAnalyzeInProcess(QUICK ? 10_000 : 50_000),
        cliAnalyze: () => cliAnalyze(QUICK ? 10_000 : 50_000, shapeFloor),
        cliPreview: () => cliPreview(floor),
    };
    const onlyAt = process.argv.indexOf("--only");
    const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
    try {
        if (onlyAt >= 0 && !(only && only in sections)) {
            process.stderr.write(`bench: --only takes one of ${Object.keys(sections).join(", ")}\n`);
            process.exitCode = 2;
            return;
        }
        const results: Record<string, unknown> = {
            date: new Date().toISOString(),
            machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.platform()} ${os.release()}` },
            quick: QUICK,
            ...(only ? { only } : {}),
            speedProbeMsAtStart: speedProbeMs(),
        };
        for (const [name, run] of Object.entries(sections)) if (!only || name === only) results[name] = await run();
        results.speedProbeMsAtEnd = speedProbeMs();
        results.speedProbeNote = "median ms of a fixed 30M-step arithmetic loop: lower is a faster machine at that moment";
        const text = JSON.stringify(results, null, 2);
        const dir = path.join(ROOT, "bench", "results");
        fs.mkdirSync(dir, { recursive: true });
        if (!QUICK && !only) fs.writeFileSync(path.join(dir, "latest.json"), `${text}\n`);
        fs.writeFileSync(path.join(dir, `${String(results.date).replace(/[:.]/g, "-")}.json`), `${text}\n`);
        process.stdout.write(`${text}\n`);
    } finally {
        fs.rmSync(floor, { recursive: true, force: true });
        fs.rmSync(shapeFloor, { recursive: true, force: true });
    }
}

main().catch((e: unknown) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
});
