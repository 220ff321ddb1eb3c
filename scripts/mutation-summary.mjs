// Per-folder and per-file mutation scores from a Stryker JSON report (npm run mutate writes
// reports/mutation/mutation.json), as a Markdown table. Score as Stryker counts it: killed and
// timed-out mutants over every valid mutant (survived and no-coverage included; compile errors
// and ignored mutants left out).
// Usage: node scripts/mutation-summary.mjs [report.json] [--files]
import { readFileSync } from "node:fs";
import { dirname } from "node:path";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--")) ?? "reports/mutation/mutation.json";
const report = JSON.parse(readFileSync(file, "utf8"));
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

const rows = new Map();
const add = (key, status) => {
    const r = rows.get(key) ?? { detected: 0, undetected: 0 };
    if (DETECTED.has(status)) r.detected++;
    else if (UNDETECTED.has(status)) r.undetected++;
    rows.set(key, r);
};
for (const [path, f] of Object.entries(report.files)) {
    const rel = path.replace(/^.*?policypack\/src\//, "");
    for (const m of f.mutants) {
        add("all", m.status);
        add(`${dirname(rel) === "." ? "(top level)" : `${dirname(rel)}/`}`, m.status);
        if (args.includes("--files")) add(rel, m.status);
    }
}
const pct = (r) => (r.detected + r.undetected === 0 ? "n/a" : `${((100 * r.detected) / (r.detected + r.undetected)).toFixed(1)} %`);
console.log("| Scope | Score | Killed | Survived |\n|---|---|---|---|");
for (const [key, r] of [...rows].sort(([a], [b]) => (a === "all" ? 1 : b === "all" ? -1 : a.localeCompare(b)))) {
    console.log(`| ${key === "all" ? "**all**" : `\`${key}\``} | ${pct(r)} | ${r.detected} | ${r.undetected} |`);
}
