// The floor for `ru-residency analyze --file`: read a stack export, parse it and walk every value
// in it, and nothing else. npm run bench runs this in a process of its own next to the command.
// Usage: node dist/bench/parse-floor.js <export.json>; prints {"values": N, "resources": N} as JSON.
import * as fs from "node:fs";

/** Every value in the document, once: what any analysis of the file must at least touch. */
export function walk(value: unknown): number {
    let n = 1;
    if (Array.isArray(value)) for (const v of value) n += walk(v);
    else if (value !== null && typeof value === "object") for (const k in value) n += walk((value as Record<string, unknown>)[k]);
    return n;
}

export function parseAndWalk(file: string): { values: number; resources: number } {
    const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { deployment?: { resources?: unknown[] } };
    return { values: walk(doc), resources: doc.deployment?.resources?.length ?? 0 };
}

if (require.main === module) {
    process.stdout.write(`${JSON.stringify(parseAndWalk(process.argv[2] ?? ""))}\n`);
}
