import { defineConfig } from "vitest/config";

export default defineConfig({
    test: {
        include: ["test/**/*.test.ts"],
        globals: false,
        testTimeout: 60_000,
        hookTimeout: 120_000,
        // Engine-protocol tests spawn packs; two cores are all CI has.
        maxWorkers: 2,
        reporters: ["default", "json"],
        outputFile: { json: "test-results/vitest.json" },
    },
});
