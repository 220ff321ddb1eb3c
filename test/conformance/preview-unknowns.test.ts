// Values a preview does not know yet, under the real CLI: a table's tags from another resource's
// output, selected by an AWS Backup selection by tag that copies to a vault in Frankfurt. The real
// engine sends the tags as unknown, and the pack counts the table as selected (fail closed); the
// offline `ru-residency preview` gives the same verdicts. Before the fix, neither reported anything.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { afterAll, expect, test } from "vitest";
import type { CliEnvironment } from "../../src/pulumi-cli/environment";
import { CliProject } from "../../src/pulumi-cli/project";
import { environment, PACK, ROOT, sortTriples, type Triple } from "./helpers";

const env: CliEnvironment = environment();
afterAll(() => env.dispose());

const PROGRAM = path.join(ROOT, "test", "fixtures", "programs", "preview-unknowns");
const urn = (type: string, name: string) => `urn:pulumi:dev::preview-unknowns::${type}::${name}`;
const CROSS_BORDER = "ru-personal-data-cross-border-transfer";
const EXPECTED: Triple[] = [
    // The plan copies the table, whose tags the preview does not know, to Frankfurt: it may be Russian personal data.
    { urn: urn("aws:backup/plan:Plan", "daily"), policy: CROSS_BORDER, level: "mandatory", code: "RU152-XB-003" },
    { urn: urn("aws:backup/vault:Vault", "dr"), policy: CROSS_BORDER, level: "mandatory", code: "RU152-XB-006" },
    // The vault itself carries no classification.
    { urn: urn("aws:backup/vault:Vault", "dr"), policy: "user-data-classification", level: "advisory", code: "RU152-CLS-001" },
];

test("the real CLI's preview blocks the copy, and ru-residency preview agrees", async () => {
    const project = new CliProject(env, PROGRAM, "dev");
    const init = await project.init();
    expect(init.code, init.stderr).toBe(0);
    const preview = await project.preview([PACK], []);
    const real = sortTriples(preview.policyEvents.map(({ urn, policy, level, code }) => ({ urn, policy, level, code })));
    expect(real, preview.stdout + preview.stderr).toEqual(sortTriples(EXPECTED));
    expect(preview.code, preview.stdout).not.toBe(0);
    // What the engine really sent: the table's tags, not known yet, named in the plan's message.
    expect(preview.stdout).toContain('aws:dynamodb/table:Table "accounts" has tags not known yet that may be that one, so the pack counts it as selected');
    expect(preview.stdout).toContain("tags is not known yet; tagsAll is not known yet");

    const offline = spawnSync(process.execPath, [path.join(ROOT, "dist", "src", "cli", "main.js"), "preview", PROGRAM, "--json"], { encoding: "utf8", timeout: 300_000 });
    expect(offline.status, offline.stderr).toBe(1);
    const out = JSON.parse(offline.stdout) as { violations: Triple[] };
    expect(sortTriples(out.violations.map(({ urn, policy, level, code }) => ({ urn, policy, level, code })))).toEqual(sortTriples(EXPECTED));
});
