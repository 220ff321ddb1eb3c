// In-process throughput of the resource policies (no gRPC): npm run bench runs this file in a
// fresh process and reads the JSON it prints. Usage: node dist/bench/in-process.js [seconds]
import { performance } from "node:perf_hooks";
import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { isStackPolicy, POLICIES } from "ru-data-residency/pack";
import { asPolicySees, median, round } from "./lib";
import { mixedPopulation } from "./synthetic";

export function inProcess(seconds: number) {
    const policies = POLICIES.filter((p): p is ResourceValidationPolicy => !isStackPolicy(p));
    // Props as @pulumi/policy hands them to a policy, built once: the server's decoding is its
    // cost, not the policies'.
    const population = mixedPopulation(10_000);
    const args = population.map(
        (r) =>
            ({
                ...r,
                props: asPolicySees(r.props),
                provider: { ...r.provider, props: asPolicySees(r.provider.props) },
                opts: {},
                stackTags: new Map<string, string>(),
                getConfig: () => ({}),
                isType: () => false,
                asType: () => undefined,
                notApplicable: () => {
                    throw new Error("n/a");
                },
            }) as unknown as ResourceValidationArgs,
    );
    const report = (() => undefined) as unknown as ReportViolation;
    const run = () => {
        for (const a of args) for (const p of policies) (p.validateResource as (a: ResourceValidationArgs, r: ReportViolation) => void)(a, report);
    };
    run(); // warm-up
    // Median over short windows: this machine's speed drifts by a fifth from one second to the
    // next (a plain arithmetic loop shows the same spread), and one long window hides that.
    const windows = Math.max(3, Math.round(seconds / 0.5));
    const rates: number[] = [];
    let n = 0;
    const t0 = performance.now();
    for (let w = 0; w < windows; w++) {
        const start = performance.now();
        let k = 0;
        while (performance.now() - start < 500) {
            run();
            k += args.length;
        }
        rates.push(k / ((performance.now() - start) / 1000));
        n += k;
    }
    const elapsed = (performance.now() - t0) / 1000;
    return {
        resources: n,
        seconds: round(elapsed, 2),
        windows,
        resourcesPerSecond: Math.round(median(rates)),
        slowestWindow: Math.round(Math.min(...rates)),
        fastestWindow: Math.round(Math.max(...rates)),
        policies: policies.map((p) => p.name),
        note: "props and provider props deserialised and proxied as @pulumi/policy does, once, outside the timing",
        target: 200_000,
    };
}

if (require.main === module) {
    const seconds = Number(process.argv[2] ?? "5");
    process.stdout.write(`${JSON.stringify(inProcess(Number.isFinite(seconds) && seconds > 0 ? seconds : 5))}\n`);
}
