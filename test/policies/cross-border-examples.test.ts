// The cross-border policy's stack examples, run as @pulumi/policy's server runs a stack policy.
import { describe, expect, it } from "vitest";
import { crossBorderPolicy } from "../../policypack/policies/ru-personal-data-cross-border-transfer";
import { crossBorderExamples } from "../../policypack/policies/ru-personal-data-cross-border-transfer.examples";
import type { StackExample } from "../../policypack/policies/example-types";
import { runStackPolicy, urnOf } from "../helpers/harness";
import { exampleUrns, harnessSpecs } from "../helpers/stack-examples";

async function run(ex: StackExample) {
    return runStackPolicy(crossBorderPolicy, harnessSpecs(ex), { config: ex.config, stackTags: ex.stackTags });
}

function check(ex: StackExample, got: Awaited<ReturnType<typeof run>>): void {
    const urns = exampleUrns(ex, (t, n) => urnOf(t, n));
    const want = ex.expect
        .map((e) => [crossBorderPolicy.name, urns.get(e.resource), e.level, e.code])
        .map((x) => JSON.stringify(x))
        .sort();
    expect(got.map((v) => JSON.stringify([v.policy, v.urn, v.level, v.code])).sort()).toEqual(want);
    // Each expectation is met by a distinct violation.
    const unused = [...got];
    for (const e of ex.expect) {
        const i = unused.findIndex((v) => v.urn === urns.get(e.resource) && v.level === e.level && v.code === e.code && e.messageIncludes.every((f) => v.message.includes(f)));
        expect(i, `${e.resource}: ${e.messageIncludes.join(" | ")}\n---\n${got.map((v) => v.message).join("\n---\n")}`).toBeGreaterThanOrEqual(0);
        unused.splice(i, 1);
    }
}

describe(crossBorderPolicy.name, () => {
    it("has allowed and disallowed examples", () => {
        expect(crossBorderExamples.allowed.length).toBeGreaterThan(0);
        expect(crossBorderExamples.disallowed.length).toBeGreaterThan(0);
    });
    for (const ex of crossBorderExamples.allowed) {
        it(`allows: ${ex.title}`, async () => {
            expect(ex.expect.every((e) => e.resource !== "customers-replication")).toBe(true);
            check(ex, await run(ex));
        });
    }
    for (const ex of crossBorderExamples.disallowed) {
        it(`reports: ${ex.title}`, async () => {
            expect(ex.expect.length).toBeGreaterThan(0);
            check(ex, await run(ex));
        });
    }
});
