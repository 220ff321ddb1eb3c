// ESLint for the TypeScript of the pack, the command, the tests and the benchmarks:
// typescript-eslint's recommended rules, without type information (fast enough for every run).
import eslint from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["node_modules/", "dist/", "policypack/bin/", "bench/tmp/", "coverage/", "test-results/", "test/fixtures/", "examples/*/node_modules/"] },
    eslint.configs.recommended,
    tseslint.configs.recommended,
    { languageOptions: { globals: globals.node } },
    {
        // CommonJS scripts (preloads, generators) load with require.
        files: ["**/*.cjs", "**/*.js"],
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    {
        rules: {
            // A name that starts with _ is unused on purpose (a destructured field left out).
            // The pack strips control characters from what it shows: its regexes match them on purpose.
            "no-control-regex": "off",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
        },
    },
    {
        // The command and the benchmarks reach the pack only through its API (policypack/api.ts),
        // so the pack is compiled once and what the command depends on is written in one place.
        files: ["src/**/*.ts", "bench/**/*.ts"],
        rules: {
            "no-restricted-imports": ["error", { patterns: [{ group: ["**/policypack", "**/policypack/**"], message: 'Import the pack through "ru-data-residency/pack" (policypack/api.ts).' }] }],
        },
    },
);
