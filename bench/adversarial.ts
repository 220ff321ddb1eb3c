// node dist/bench/adversarial.js (after npm run build): how long the compiled pack takes, over
// the real Analyzer protocol, to decide resources built to be expensive (README, "Limits"):
// megabyte-sized properties, thousands of tags, thousands of spellings of the classification
// key with look-alike characters, ten thousand provider endpoints. Each is compared with an
// ordinary resource in the same run (median of N, alternated). The tests only check that these
// complete; the numbers live here and in docs/security.md.
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { EngineResource, PackSession } from "../src/engine/runner";

const ROOT = path.resolve(__dirname, "..", "..");
const PACK = path.join(ROOT, "policypack");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function bucket(name: string, props: Record<string, unknown>, providerProps: Record<string, unknown> = { region: "eu-central-1" }): EngineResource {
    const type = "aws:s3/bucket:Bucket";
    return {
        urn: `urn:pulumi:bench::bench::${type}::${name}`,
        type,
        name,
        custom: true,
        props,
        provider: { urn: "urn:pulumi:bench::bench::pulumi:providers:aws::p", type: "pulumi:providers:aws", name: "p", props: providerProps },
        dependencies: [],
        propertyDependencies: {},
    };
}

function cases(): Record<string, EngineResource> {
    const personal = { "user-data": "personal", "data-subjects": "RU" };
    const mb = "a".repeat(1 << 20);
    const manyTags: Record<string, string> = { ...personal };
    for (let i = 0; i < 5_000; i++) manyTags[`team-${i}`] = `value-${i}`;
    const spellings: Record<string, unknown> = { "data-subjects": "RU" };
    for (let i = 0; i < 2_000; i++) spellings[`us\u0435r-d\u0251ta${" ".repeat(i % 40)}${"_".repeat(Math.floor(i / 40))}`] = `pii${i} p\u0435rsonal`;
    const endpoints: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) endpoints[`svc${i}`] = `https://svc${i}.example.com`;
    endpoints.s3 = "https://storage.yandexcloud.net";
    return {
        ordinary: bucket("ordinary", { tags: personal }),
        "1 MB properties": bucket("mb", { policy: mb, tags: { ...personal, blob: mb }, tagsAll: JSON.stringify({ blob: mb }) }),
        "5,000 tags (tags and tagsAll)": bucket("many", { tags: manyTags, tagsAll: manyTags }),
        "2,000 look-alike spellings of the key": bucket("spellings", { tags: spellings }),
        "10,000 provider endpoints": bucket("endpoints", { tags: personal }, { region: "ru-central1", endpoints: JSON.stringify([endpoints]) }),
    };
}

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
    const session = await PackSession.start(PACK);
    try {
        await session.configure({});
        await session.configureStack({ stack: "bench", project: "bench", organization: "bench", dryRun: true });
        const all = cases();
        const times: Record<string, number[]> = {};
        for (let i = 0; i < RUNS; i++) {
            const names = Object.keys(all);
            if (i % 2) names.reverse();
            for (const name of names) {
                const t0 = performance.now();
                await session.analyze(all[name]!);
                (times[name] ??= []).push(performance.now() - t0);
            }
        }
        const results = {
            date: new Date().toISOString(),
            node: process.version,
            runs: RUNS,
            note: "Analyze round trip over gRPC, including serialising the request (the engine's share) and the pack's decision; milliseconds, median.",
            medianMs: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(median(v) * 10) / 10])),
        };
        const text = JSON.stringify(results, null, 2);
        console.log(text);
        const dir = path.join(ROOT, "bench", "results");
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "adversarial-latest.json"), `${text}\n`);
    } finally {
        await session.close();
    }
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
