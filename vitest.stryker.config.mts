// The tests StrykerJS runs against each mutant of policypack/src (npm run mutate): only the fast
// in-process suites that exercise the pack's source. Suites that start packs, gRPC servers, the
// CLI or Pulumi programs, the browser report, benches and fuzzing are left out: each mutant
// re-runs the tests that cover it, and a spawned process would run the unmutated build anyway.
import { defineConfig } from "vitest/config";

export default defineConfig({
    // The command's one way into the pack (policypack/api.ts): in tests, its source.
    resolve: { alias: { "ru-data-residency/pack": new URL("./policypack/api.ts", import.meta.url).pathname } },
    test: {
        include: [
            "test/catalogue/**/*.test.ts",
            "test/classify/**/*.test.ts",
            "test/decide/**/*.test.ts",
            "test/engine-shapes/**/*.test.ts",
            "test/evasion/**/*.test.ts",
            "test/flows/**/*.test.ts",
            "test/law/**/*.test.ts",
            "test/locate/**/*.test.ts",
            "test/mutation/**/*.test.ts",
            "test/policies/**/*.test.ts",
            "test/unit/**/*.test.ts",
        ],
        // The scale suite measures speed on 20,000 resources: a second per mutant, and no verdict the
        // smaller suites do not already check.
        exclude: ["**/node_modules/**", "test/flows/scale.test.ts"],
        env: { RU_RESIDENCY_MUTATION_RUN: "1" },
        // One worker for every test file, the pack and the SDKs loaded once, and the pack's memos
        // forgotten before each file (test/helpers/fresh-modules.ts), as isolation would leave
        // none: the same tests pass, and the whole set runs in 13 s instead of 57 s.
        isolate: false,
        setupFiles: ["test/helpers/fresh-modules.ts"],
        globals: false,
        testTimeout: 60_000,
        hookTimeout: 120_000,
    },
});
