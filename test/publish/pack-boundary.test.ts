// The command (src/) and the benchmarks reach the pack only through its API, "ru-data-residency/pack"
// (policypack/api.ts, compiled once into policypack/bin): no file of theirs names a pack file, and
// the command's build holds no second copy of the pack.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");

function tsFiles(dir: string): string[] {
    return fs
        .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts") && !f.includes("node_modules") && !f.startsWith("tmp/"))
        .map((f) => path.join(dir, f));
}

// import/export ... from "x", import("x"), require("x")
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["'`]([^"'`]+)["'`]/g;

describe("the pack's boundary", () => {
    it("src/ and bench/ name no file of policypack/, only ru-data-residency/pack", () => {
        const crossings: string[] = [];
        for (const file of [...tsFiles("src"), ...tsFiles("bench")]) {
            const text = fs.readFileSync(path.join(ROOT, file), "utf8");
            for (const m of text.matchAll(SPECIFIER)) {
                const target = path.resolve(path.dirname(path.join(ROOT, file)), m[1]!);
                if (m[1]!.startsWith(".") && (target === path.join(ROOT, "policypack") || target.startsWith(path.join(ROOT, "policypack") + path.sep))) crossings.push(`${file}: ${m[1]}`);
            }
        }
        expect(crossings).toEqual([]);
    });

    it("the command's build holds no copy of the pack, and the name resolves to the pack's own build", () => {
        expect(fs.existsSync(path.join(ROOT, "dist", "policypack"))).toBe(false);
        expect(require.resolve("ru-data-residency/pack", { paths: [path.join(ROOT, "dist", "src")] })).toBe(path.join(ROOT, "policypack", "bin", "api.js"));
    });

    it("the API offers what the command imports", () => {
        // Every name the command imports from the pack is exported by the compiled API.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const api = require(path.join(ROOT, "policypack", "bin", "api.js")) as Record<string, unknown>;
        const missing: string[] = [];
        for (const file of [...tsFiles("src"), ...tsFiles("bench")]) {
            const text = fs.readFileSync(path.join(ROOT, file), "utf8");
            for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"ru-data-residency\/pack"/g)) {
                for (const name of m[1]!.split(",").map((n) => n.trim())) if (name && !name.startsWith("type ") && !(name in api)) missing.push(`${file}: ${name}`);
            }
        }
        expect(missing).toEqual([]);
    });
});
