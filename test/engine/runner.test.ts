// The runner's own behaviour: bounded start-up, errors with the pack's stderr, clean shutdown.
import { describe, expect, it } from "vitest";
import * as path from "node:path";
import { PackSession, PackStartError } from "../../src/engine/runner";

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
