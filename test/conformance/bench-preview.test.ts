// npm run bench measures the pack inside a real `pulumi preview` (bench/lib.ts
// cliPreviewOverhead). Here it runs on two pairs, as the bench runs it, to hold the shape of what
// it reports and the verdicts it measured: no figure is judged, this machine's speed is not ours.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { buildFloor, cliPreviewOverhead, findPulumiCli } from "../../bench/lib";
import { EXAMPLES, expectedOf, PACK, pulumiCli, ROOT, sortTriples } from "./helpers";

const floor = buildFloor(path.join(ROOT, "node_modules"));
afterAll(() => fs.rmSync(floor, { recursive: true, force: true }));

describe("the bench's real-CLI preview measurement", () => {
    test("finds the suite's CLI", () => {
        expect(findPulumiCli(ROOT)).toBe(pulumiCli());
    });

    test("previews examples/frankfurt-bucket with the pack and with the floor, in mirrored pairs, and reports their times and verdicts", async () => {
        const program = path.join(EXAMPLES, "frankfurt-bucket");
        const r = await cliPreviewOverhead({ pulumi: pulumiCli(), program, pack: PACK, floor, runs: 2, warmup: 0 });
        expect(Object.keys(r).sort()).toEqual([
            "floor",
            "floorMs",
            "floorRunsMs",
            "note",
            "overheadMs",
            "pack",
            "packMs",
            "packRunsMs",
            "program",
            "ratio",
            "ratioOfMedians",
            "ratioQuartiles",
            "runs",
            "target",
            "warmup",
        ]);
        expect({ program: r.program, runs: r.runs, warmup: r.warmup, target: r.target }).toEqual({ program, runs: 2, warmup: 0, target: 1.1 });
        const expected = expectedOf("frankfurt-bucket");
        expect(r.pack).toEqual({ exitCode: expected.exitCode, violations: sortTriples(expected.violations) });
        expect(r.floor).toEqual({ exitCode: 0, violations: [] });
        expect([r.packRunsMs.length, r.floorRunsMs.length, r.ratioQuartiles.length]).toEqual([2, 2, 2]);
        for (const ms of [r.packMs, r.floorMs, ...r.packRunsMs, ...r.floorRunsMs]) expect(Number.isInteger(ms) && ms > 0).toBe(true);
        expect(r.ratioQuartiles[0]).toBeLessThanOrEqual(r.ratioQuartiles[1]);
        for (const x of [r.ratio, r.ratioOfMedians, r.overheadMs, ...r.ratioQuartiles]) expect(Number.isFinite(x)).toBe(true);
    });
});
