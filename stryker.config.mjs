// Mutation testing of the pack's source: npm run mutate (see README, "Mutation testing").
// Each mutant is type-checked first (a mutant that does not compile is not a test gap), then run
// against only the tests that covered its code in the initial run (coverageAnalysis perTest).
// STRYKER_REPORT_DIR sends the reports elsewhere, so that a run on one file while iterating does not
// overwrite the full run's reports.
const reports = process.env.STRYKER_REPORT_DIR ?? "reports/mutation";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    mutate: ["policypack/src/**/*.ts"],
    testRunner: "vitest",
    vitest: { configFile: "vitest.stryker.config.mts" },
    checkers: ["typescript"],
    checkerNodeArgs: ["--require", new URL("./scripts/mutation/mutation-checker-preload.cjs", import.meta.url).pathname],
    testRunnerNodeArgs: ["--import", new URL("./scripts/mutation/reuse-test-thread.mjs", import.meta.url).pathname],
    tsconfigFile: "scripts/mutation/tsconfig.checker.json",
    coverageAnalysis: "perTest",
    // A static mutant (module-level data: tables, schemas, regexes built once) runs every test, and
    // the 10 % of mutants that are static took 44 % of a run: they are left out, so a full run fits
    // in the time two cores have. Their values are checked by the suites that read the tables.
    ignoreStatic: true,
    concurrency: 2,
    timeoutMS: 10_000,
    reporters: ["clear-text", "progress", "html", "json"],
    htmlReporter: { fileName: `${reports}/mutation.html` },
    jsonReporter: { fileName: `${reports}/mutation.json` },
    // Used by `npm run mutate -- --incremental`: only mutants in changed code, or covered by changed tests, run again.
    incrementalFile: `${reports}/stryker-incremental.json`,
    tempDirName: ".stryker-tmp",
    ignorePatterns: ["dist", "reports", "coverage", "test-results", "bench/tmp", ".stryker-tmp"],
    cleanTempDir: "always",
};
