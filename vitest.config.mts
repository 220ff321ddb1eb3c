import { defineConfig } from "vitest/config";

export default defineConfig({
    // The command's one way into the pack (policypack/api.ts): in tests, its source.
    resolve: { alias: { "ru-data-residency/pack": new URL("./policypack/api.ts", import.meta.url).pathname } },
    test: {
        include: ["test/**/*.test.ts"],
        // The real-CLI suite has its own config and command (npm run test:pulumi).
        exclude: ["test/conformance/**", "**/node_modules/**"],
        globals: false,
        testTimeout: 60_000,
        hookTimeout: 120_000,
        // Engine-protocol tests spawn packs; two cores are all CI has.
        maxWorkers: 2,
        reporters: ["default", "json"],
        outputFile: { json: "test-results/vitest.json" },
    },
});
