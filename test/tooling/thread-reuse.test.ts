// scripts/mutation/reuse-test-thread.mjs keeps vitest's test thread from one mutant run to the
// next (see there for why). What it must keep true: the thread is the same, each run evaluates the
// test files afresh (so a run sees its own mutant's tests, not the last run's), every run passes,
// and the process still exits once vitest closes.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const repo = path.resolve(__dirname, "..", "..");
const driver = "test/fixtures/thread-reuse/drive.mjs";
const reuse = "scripts/mutation/reuse-test-thread.mjs";

function probes(stdout: string): { thread: number; evaluations: number }[] {
    return [...stdout.matchAll(/^probe thread=(\d+) evaluations=(\d+)$/gm)].map((m) => ({ thread: Number(m[1]), evaluations: Number(m[2]) }));
}

describe("the mutation run's test-thread reuse", () => {
    it("serves every run from one thread, evaluating the test file afresh each time, and exits", async () => {
        const { stdout } = await run(process.execPath, ["--import", `./${reuse}`, driver], { cwd: repo, timeout: 60_000 });
        expect(stdout.match(/^run \d \w+$/gm)).toEqual(["run 1 passed", "run 2 passed", "run 3 passed"]);
        const seen = probes(stdout);
        expect(seen.map((p) => p.evaluations)).toEqual([1, 2, 3]);
        expect(new Set(seen.map((p) => p.thread)).size).toBe(1);
    });

    it("without it, vitest starts a new thread for every run (what the module is there to avoid)", async () => {
        const { stdout } = await run(process.execPath, [driver], { cwd: repo, timeout: 60_000 });
        const seen = probes(stdout);
        expect(seen.map((p) => p.evaluations)).toEqual([1, 1, 1]);
        expect(new Set(seen.map((p) => p.thread)).size).toBe(3);
    });
});
