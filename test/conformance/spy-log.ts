// Reading and comparing what the spy pack recorded. A log is one JSON line per request, in the
// order the pack received them. Comparison is by sessions (each start of the pack: a preview,
// or an update's preview and its update), and within a session by method, with the per-resource
// calls keyed by URN: the engine analyses steps in parallel, so their order is not fixed.
import * as fs from "node:fs";

export interface SpyRecord {
    method: string;
    request: Record<string, unknown>;
}

export function readSpyLog(file: string): SpyRecord[] {
    if (!fs.existsSync(file)) return [];
    return fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as SpyRecord);
}

/** A request with what differs by nature between two runs taken out. */
function scrub(value: unknown, key = ""): unknown {
    // Dependencies are gathered in a set by the SDK; their order varies from run to run.
    if (Array.isArray(value) && (key === "dependenciesList" || key === "urnsList")) return [...value].map((v) => scrub(v)).sort();
    if (Array.isArray(value)) return value.map((v) => scrub(v));
    if (value && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(value as Record<string, unknown>).sort()) out[k] = scrub((value as Record<string, unknown>)[k], k);
        return out;
    }
    if (key === "engineAddress" && typeof value === "string") return "<engine address>";
    return value;
}

export interface SpySession {
    /** The calls made once per session, in order, with their requests. */
    sequence: string[];
    calls: Record<string, unknown>;
    /** Analyze and Remediate requests by URN. */
    analyze: Record<string, unknown>;
    remediate: Record<string, unknown>;
    /** AnalyzeStack's resources by URN, and their order. */
    stack: Record<string, unknown>;
    stackOrder: string[];
}

/** Split a log into sessions: each begins with the first call a freshly started pack gets. */
export function sessions(records: SpyRecord[]): SpySession[] {
    const out: SpySession[] = [];
    let cur: SpySession | undefined;
    for (const r of records) {
        if (!cur || r.method === "Handshake" || (r.method === "ConfigureStack" && cur.sequence.includes("ConfigureStack"))) {
            cur = { sequence: [], calls: {}, analyze: {}, remediate: {}, stack: {}, stackOrder: [] };
            out.push(cur);
        }
        const req = scrub(r.request) as Record<string, unknown>;
        if (r.method === "Analyze" || r.method === "Remediate") {
            const urn = String(req.urn);
            (r.method === "Analyze" ? cur.analyze : cur.remediate)[urn] = req;
            const tag = r.method === "Analyze" ? "Analyze*" : "Remediate*";
            if (cur.sequence[cur.sequence.length - 1] !== tag && !cur.sequence.includes(tag)) cur.sequence.push(tag);
            continue;
        }
        if (r.method === "AnalyzeStack") {
            for (const res of (req.resourcesList as Record<string, unknown>[]) ?? []) {
                cur.stack[String(res.urn)] = res;
                cur.stackOrder.push(String(res.urn));
            }
            cur.sequence.push("AnalyzeStack");
            continue;
        }
        cur.sequence.push(r.method);
        cur.calls[r.method] = req;
    }
    for (const s of out) s.stackOrder.sort();
    return out;
}
