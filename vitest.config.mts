import { defineConfig } from "vitest/config";

export default defineConfig({
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
