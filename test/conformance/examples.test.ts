// Every example under the real CLI: `pulumi preview --policy-pack policypack` gives exactly the
// (URN, policy, level, finding code) entries and the outcome of its expected.json; then `pulumi up --yes` and
// `pulumi destroy --yes` run as a user would run them.
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { CliEnvironment } from "../../src/pulumi-cli/environment";
import { CliProject } from "../../src/pulumi-cli/project";
import { environment, EXAMPLES, exampleNames, expectedOf, PACK, sortTriples } from "./helpers";

const env: CliEnvironment = environment();
afterAll(() => env.dispose());

describe.each(exampleNames())("%s under the real pulumi CLI", (example) => {
    const expected = expectedOf(example);
    const dir = path.join(EXAMPLES, example);
    const configs = expected.policyPackConfig ? [path.join(dir, expected.policyPackConfig)] : [];
    const blocked = expected.violations.some((v) => v.level === "mandatory");

    test("preview, up and destroy give the expected verdicts", async () => {
        const project = new CliProject(env, dir, "dev");
        const init = await project.init();
        expect(init.code, init.stderr).toBe(0);

        const preview = await project.preview([PACK], configs);
        const triples = sortTriples(preview.policyEvents.map(({ urn, policy, level, code }) => ({ urn, policy, level, code })));
        expect(triples, preview.stdout + preview.stderr).toEqual(sortTriples(expected.violations));
        expect(preview.code === 0 ? 0 : 1, preview.stdout + preview.stderr).toBe(expected.exitCode);

        const up = await project.up([PACK], configs);
        if (blocked) {
            // The update's own preview stops it before any resource is created.
            expect(up.code, up.stdout).not.toBe(0);
            expect(up.stdout).toContain("error: preview failed");
            expect((await project.exported()).filter((r) => !r.type.startsWith("pulumi:"))).toEqual([]);
        } else {
            expect(up.code, up.stdout + up.stderr).toBe(0);
            const created = (await project.exported()).filter((r) => !r.type.startsWith("pulumi:")).map((r) => r.urn);
            expect(created.length).toBeGreaterThan(0);
            expect(sortTriples(up.policyEvents.map(({ urn, policy, level, code }) => ({ urn, policy, level, code })))).toEqual(sortTriples(expected.violations));
        }
        const destroy = await project.destroy();
        expect(destroy.code, destroy.stdout + destroy.stderr).toBe(0);
    });
});
