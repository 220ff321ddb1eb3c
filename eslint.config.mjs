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
);
