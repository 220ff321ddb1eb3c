// The stand-in (ru-residency preview, and --update) must send the pack what the real engine sends.
// A spy pack in front of the real pack records every request under both; the two records are
// compared field by field, after the normalisations listed, with reasons, in spy-allowlist.json.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { CliEnvironment } from "../../src/pulumi-cli/environment";
import { CliProject } from "../../src/pulumi-cli/project";
import { environment, EXAMPLES, exampleNames, expectedOf, PACK, ROOT, SPY_PACK } from "./helpers";
import { readSpyLog, sessions, SpyRecord } from "./spy-log";

const env: CliEnvironment = environment();
afterAll(() => env.dispose());

/** Autoname suffixes differ by nature between two runs: replace them, for every name in the stack. */
function normalise(records: SpyRecord[]): SpyRecord[] {
    const names = new Set<string>();
    for (const r of records) {
        const urns = [String(r.request.urn ?? ""), ...((r.request.resourcesList as { urn: string }[] | undefined) ?? []).map((x) => x.urn)];
        for (const u of urns) if (u) names.add(u.split("::").pop()!.toLowerCase());
    }
    const escaped = [...names].filter((n) => n.length > 0).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const pattern = escaped.length > 0 ? new RegExp(`(${escaped.join("|")})-?[0-9a-f]{7}(?![0-9a-f])`, "gi") : undefined;
    return records.map((r) => {
        let text = JSON.stringify(r);
        if (pattern) text = text.replace(pattern, "$1-<autoname>");
        return JSON.parse(text) as SpyRecord;
    });
}

/** Every leaf where the two differ, as "path: real … ours …", at most 40. */
function differences(real: unknown, ours: unknown, at = "", out: string[] = []): string[] {
    if (out.length >= 40) return out;
    if (JSON.stringify(real) === JSON.stringify(ours)) return out;
    const isObj = (v: unknown) => v !== null && typeof v === "object";
    if (isObj(real) && isObj(ours) && Array.isArray(real) === Array.isArray(ours)) {
        const keys = new Set([...Object.keys(real as object), ...Object.keys(ours as object)]);
        for (const k of keys) differences((real as Record<string, unknown>)[k], (ours as Record<string, unknown>)[k], at ? `${at}.${k}` : k, out);
        return out;
    }
    out.push(`${at}: real ${JSON.stringify(real)?.slice(0, 300)}, ours ${JSON.stringify(ours)?.slice(0, 300)}`);
    return out;
}

function standIn(example: string, log: string, update: boolean, config: string | undefined): Promise<number> {
    const args = [path.join(ROOT, "dist", "src", "cli", "main.js"), "preview", path.join(EXAMPLES, example), "--policy-pack", SPY_PACK];
    if (config) args.push("--policy-pack-config", config);
    if (update) args.push("--update");
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { env: { ...process.env, RU_RESIDENCY_SPY_TARGET: PACK, RU_RESIDENCY_SPY_LOG: log }, stdio: "ignore" });
        child.on("error", reject);
        child.on("close", (code) => resolve(code ?? 1));
    });
}

describe.each(exampleNames())("%s: the stand-in sends the pack what the real engine sends", (example) => {
    const expected = expectedOf(example);
    const config = expected.policyPackConfig ? path.join(EXAMPLES, example, expected.policyPackConfig) : undefined;

    test.each([
        ["pulumi preview", "ru-residency preview", false],
        ["pulumi up", "ru-residency preview --update", true],
    ] as const)("%s and %s", async (_real, _ours, update) => {
        const realLog = path.join(env.dir, `${example}-${update ? "up" : "preview"}-real.jsonl`);
        const oursLog = path.join(env.dir, `${example}-${update ? "up" : "preview"}-ours.jsonl`);
        const project = new CliProject(env, path.join(EXAMPLES, example), "dev", { RU_RESIDENCY_SPY_TARGET: PACK, RU_RESIDENCY_SPY_LOG: realLog });
        expect((await project.init()).code).toBe(0);
        const real = update ? await project.up([SPY_PACK], config ? [config] : []) : await project.preview([SPY_PACK], config ? [config] : []);
        const ours = await standIn(example, oursLog, update, config);
        if (update) await project.destroy();
        expect(ours === 0 ? 0 : 1, `${real.stdout}\n${real.stderr}`).toBe(real.code === 0 ? 0 : 1);

        const a = sessions(normalise(readSpyLog(realLog)));
        const b = sessions(normalise(readSpyLog(oursLog)));
        expect(a.length, fs.existsSync(realLog) ? "" : "the spy recorded nothing under the real CLI").toBeGreaterThan(0);
        // Field by field: a failure lists every field that differs, with both values.
        expect(differences(a, b)).toEqual([]);
    });
});
