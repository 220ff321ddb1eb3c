// The runner's own behaviour: bounded start-up, errors with the pack's stderr, clean shutdown.
import { describe, expect, it } from "vitest";
import * as path from "node:path";
import { encodeAnalyzeStackRequest, EngineResource, PackSession, PackStartError } from "../../src/engine/runner";
import { analyzerPb } from "../../src/engine/protocol";

const packs = path.resolve(__dirname, "..", "fixtures", "packs");

describe("engine-protocol runner", () => {
    it("reports a pack that crashes while starting, with its stderr", async () => {
        const err = await PackSession.start(path.join(packs, "crashes"), { startTimeoutMs: 20_000 }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(PackStartError);
        expect((err as Error).message).toMatch(/exited \(code \d+\) before it printed a port/);
        expect((err as PackStartError).stderr).toContain("cannot load the rules: missing module ./rules");
    });

    it("gives up on a pack that never prints a port, within the bound, and kills it", async () => {
        const err = await PackSession.start(path.join(packs, "silent"), { startTimeoutMs: 8_000 }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(PackStartError);
        expect((err as Error).message).toContain("printed no port within 8000 ms");
        expect((err as PackStartError).stderr).toContain("waiting for something that never comes");
    });

    it("reports a folder with no @pulumi/pulumi to start it from", async () => {
        await expect(PackSession.start("/")).rejects.toThrow(/cannot find @pulumi\/pulumi\/cmd\/run-policy-pack/);
    });

    it("collects what a pack logs (run-policy-pack drops the engine address, so pulumi.log goes to stderr)", async () => {
        const session = await PackSession.start(path.join(packs, "logs"));
        try {
            await session.configureStack({ stack: "s", project: "p", organization: "o", dryRun: true });
            await session.analyze({ urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket", name: "b", custom: true, props: {}, dependencies: [], propertyDependencies: {} });
            await expect.poll(() => session.output(), { timeout: 5_000 }).toContain("warning: [runtime] saw b");
        } finally {
            await session.close();
        }
    });

    it("starts the real pack, answers, and shuts it down", async () => {
        const session = await PackSession.start(path.resolve(__dirname, "..", "..", "policypack"));
        expect(session.port).toBeGreaterThan(0);
        expect((await session.getAnalyzerInfo()).policies.length).toBeGreaterThanOrEqual(2);
        await session.close();
        await expect(session.getAnalyzerInfo()).rejects.toThrow();
    });
});

describe("AnalyzeStack request encoding", () => {
    it("is the request the generated stub would build: every resource, its properties, provider, parent and dependencies, in order", () => {
        const provider = {
            urn: "urn:pulumi:s::p::pulumi:providers:aws::yandex",
            type: "pulumi:providers:aws",
            name: "yandex",
            props: { region: "ru-central1", endpoints: '[{"s3":"https://storage.yandexcloud.net"}]' },
        };
        const resources: EngineResource[] = [
            { urn: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s", type: "pulumi:pulumi:Stack", name: "p-s", custom: false, props: {}, dependencies: [], propertyDependencies: {} },
            {
                urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::a",
                type: "aws:s3/bucket:Bucket",
                name: "a",
                custom: true,
                props: { tags: { "user-data": "personal" }, n: 1, list: [true, null, "x"] },
                provider,
                parent: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s",
                dependencies: [provider.urn],
                propertyDependencies: {},
            },
            {
                urn: "urn:pulumi:s::p::aws:s3/bucketReplicationConfig:BucketReplicationConfig::r",
                type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
                name: "r",
                custom: true,
                props: { bucket: "a" },
                provider,
                dependencies: ["urn:pulumi:s::p::aws:s3/bucket:Bucket::a"],
                propertyDependencies: { bucket: ["urn:pulumi:s::p::aws:s3/bucket:Bucket::a"], rules: [] },
            },
        ];
        const decoded = analyzerPb.AnalyzeStackRequest.deserializeBinary(encodeAnalyzeStackRequest(resources)).getResourcesList();
        expect(decoded.map((m) => m.getUrn())).toEqual(resources.map((r) => r.urn));
        for (const [i, m] of decoded.entries()) {
            const r = resources[i]!;
            expect([m.getType(), m.getName(), m.getParent()]).toEqual([r.type, r.name, r.parent ?? ""]);
            expect(m.getProperties()?.toJavaScript()).toEqual(r.props);
            expect(m.getDependenciesList()).toEqual(r.dependencies);
            const deps: Record<string, string[]> = {};
            m.getPropertydependenciesMap().forEach((v, k) => (deps[k] = v.getUrnsList()));
            expect(deps).toEqual(r.propertyDependencies);
            const p = m.getProvider();
            expect(p ? { urn: p.getUrn(), type: p.getType(), name: p.getName(), props: p.getProperties()?.toJavaScript() } : undefined).toEqual(r.provider);
        }
        expect(encodeAnalyzeStackRequest([])).toHaveLength(0);
    });
});
