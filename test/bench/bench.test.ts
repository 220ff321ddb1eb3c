// What npm run bench measures must be what the issue describes: a floor that really is an empty
// pack on the same @pulumi/policy, and synthetic stacks with the shape the figures claim.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { buildFloor, findPulumiCli, median, mirroredPairs, pairedRatio } from "../../bench/lib";
import { mixedPopulation, stackExport, syntheticStack, yandexBucket } from "../../bench/synthetic";
import { PackSession } from "../../src/engine/runner";
import { parseStackExport } from "../../src/stack-export";
import { classify, DEFAULT_CLASSIFICATION_SETTINGS } from "../../policypack/src/classify/classification";

const NODE_MODULES = path.resolve(__dirname, "..", "..", "node_modules");

describe("bench helpers", () => {
    it("takes the median of odd and even counts", () => {
        expect(median([3, 1, 2])).toBe(2);
        expect(median([4, 1, 3, 2])).toBe(2.5);
        expect(median([])).toBeNaN();
    });

    it("measures mirrored pairs, and pairs each pack figure with the floor figure measured next to it", async () => {
        const order: string[] = [];
        let clock = 0;
        const { pack, floor } = await mirroredPairs(
            4,
            async () => (order.push("pack"), ++clock),
            async () => (order.push("floor"), ++clock),
        );
        expect(order).toEqual(["pack", "floor", "floor", "pack", "pack", "floor", "floor", "pack"]);
        expect(pack).toEqual([1, 4, 5, 8]);
        expect(floor).toEqual([2, 3, 6, 7]);
        expect(pairedRatio([2, 6, 9], [1, 2, 3])).toBe(3);
    });

    it("builds floors that start as the engine starts packs and do nothing", async () => {
        for (const [resourcePolicies, stackPolicies] of [
            [1, 0],
            [2, 1],
        ] as const) {
            const dir = buildFloor(NODE_MODULES, resourcePolicies, stackPolicies);
            const session = await PackSession.start(dir);
            try {
                const info = await session.getAnalyzerInfo();
                expect(info.policies.map((p) => p.name)).toEqual([
                    ...Array.from({ length: resourcePolicies }, (_, i) => `noop${i}`),
                    ...Array.from({ length: stackPolicies }, (_, i) => `noopstack${i}`),
                ]);
                await session.configureStack({ stack: "bench", project: "shop", organization: "o", dryRun: true });
                expect(await session.analyze(yandexBucket(1))).toEqual([]);
                expect(await session.analyzeStack(syntheticStack(100))).toEqual([]);
            } finally {
                await session.close();
                fs.rmSync(dir, { recursive: true, force: true });
            }
        }
    });
});

describe("the bench without the real CLI", () => {
    it("finds none where there is none, and does not build one", () => {
        const saved = { ...process.env };
        try {
            process.env.RU_RESIDENCY_PULUMI = path.join(NODE_MODULES, "no-such-pulumi");
            expect(findPulumiCli(path.resolve(NODE_MODULES, ".."))).toBeUndefined();
            delete process.env.RU_RESIDENCY_PULUMI;
            // No pulumi on PATH (only node's folder, for the script's version look-up) and an empty cache.
            process.env.PATH = ["/usr/bin", "/bin", path.dirname(process.execPath)].join(path.delimiter);
            process.env.RU_RESIDENCY_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), "ru-residency-empty-cache-"));
            expect(findPulumiCli(path.resolve(NODE_MODULES, ".."))).toBeUndefined();
            expect(fs.readdirSync(process.env.RU_RESIDENCY_CACHE)).toEqual([]);
            fs.rmSync(process.env.RU_RESIDENCY_CACHE, { recursive: true, force: true });
        } finally {
            process.env = saved;
        }
    });
});

describe("the floor of ru-residency analyze --file", () => {
    it("parses the export and walks every value in it, and does nothing else", async () => {
        const { parseAndWalk, walk } = await import("../../bench/parse-floor");
        expect(walk({ a: [1, "x", null, { b: true }], c: {} })).toBe(8);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "floor-"));
        const file = path.join(dir, "stack.json");
        fs.writeFileSync(file, JSON.stringify(stackExport(100)));
        expect(parseAndWalk(file)).toEqual({ values: walk(JSON.parse(fs.readFileSync(file, "utf8"))), resources: 100 });
        fs.rmSync(dir, { recursive: true, force: true });
    });
});

describe("synthetic stacks", () => {
    it("has exactly the size asked for, a replication for every tenth store, and no dangling dependency", () => {
        for (const size of [1_000, 10_000]) {
            const stack = syntheticStack(size);
            expect(stack).toHaveLength(size);
            const urns = new Set(stack.map((r) => r.urn));
            expect(urns.size).toBe(size);
            for (const r of stack) for (const d of [...r.dependencies, ...Object.values(r.propertyDependencies).flat()]) expect(urns.has(d)).toBe(true);
            const stores = stack.filter((r) => r.type === "aws:s3/bucket:Bucket" && r.name.startsWith("customers-")).length;
            const flows = stack.filter((r) => r.type === "aws:s3/bucketReplicationConfig:BucketReplicationConfig").length;
            expect(flows).toBe(Math.floor(stores / 10));
        }
    });

    it("exports as pulumi stack export does, and reads back to the same resources", () => {
        const read = parseStackExport(JSON.parse(JSON.stringify(stackExport(500))));
        expect(read.resources.map((r) => r.urn)).toEqual(syntheticStack(500).map((r) => r.urn));
    });

    it("mixes AWS, Yandex, GCP and Azure; tagged, untagged, unknowns and default tags", () => {
        const population = mixedPopulation(800);
        const packages = new Set(population.map((r) => r.type.split(":")[0]));
        expect([...packages].sort()).toEqual(["aws", "azure-native", "gcp", "yandex"]);
        const classifications = population.map((r) => classify({ props: r.props, providerProps: r.provider.props }, DEFAULT_CLASSIFICATION_SETTINGS));
        expect(classifications.some((c) => !c.tagged)).toBe(true);
        expect(classifications.some((c) => c.personal === "unknown")).toBe(true);
        expect(classifications.some((c) => c.categoriesFrom?.includes("provider defaultTags"))).toBe(true);
        expect(classifications.some((c) => c.personal === "no" && c.tagged)).toBe(true);
    });
});
