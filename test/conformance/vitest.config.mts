// The conformance suite: the pack under the real `pulumi` CLI (npm run test:pulumi).
import { defineConfig } from "vitest/config";

export default defineConfig({
    // The command's one way into the pack (policypack/api.ts): in tests, its source.
    resolve: { alias: { "ru-data-residency/pack": new URL("../../policypack/api.ts", import.meta.url).pathname } },
    test: {
        root: new URL("../..", import.meta.url).pathname,
        include: ["test/conformance/**/*.test.ts"],
        globalSetup: ["test/conformance/global-setup.ts"],
        globals: false,
        testTimeout: 600_000,
        hookTimeout: 900_000,
        // Each test drives a CLI, a provider plugin and a policy pack: three processes.
        maxWorkers: 2,
        reporters: ["default", "json"],
        outputFile: { json: "test-results/vitest-pulumi.json" },
    },
});
