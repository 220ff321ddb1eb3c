// ru-residency preview --engine pulumi: the real CLI behind the command, offline; its verdicts are
// the examples' expected ones.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { EXAMPLES, expectedOf, pulumiCli, ROOT, sortTriples } from "./helpers";

describe.each(["frankfurt-bucket", "yandex-bucket", "exemption", "cross-border-replication"])("ru-residency preview %s --engine pulumi", (example) => {
    test("gives the expected verdicts and exit code", () => {
        const expected = expectedOf(example);
        const args = [path.join(ROOT, "dist", "src", "cli", "main.js"), "preview", path.join(EXAMPLES, example), "--engine", "pulumi", "--json"];
        if (expected.policyPackConfig) args.push("--policy-pack-config", path.join(EXAMPLES, example, expected.policyPackConfig));
        const r = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, RU_RESIDENCY_PULUMI: pulumiCli() }, timeout: 300_000 });
        expect(r.status, r.stderr).toBe(expected.exitCode);
        const out = JSON.parse(r.stdout) as { engine: string; violations: { urn: string; policy: string; level: string; code: string | null }[] };
        expect(out.engine).toBe("pulumi");
        expect(sortTriples(out.violations.map(({ urn, policy, level, code }) => ({ urn, policy, level, code })))).toEqual(sortTriples(expected.violations));
    });
});
