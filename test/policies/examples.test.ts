// Every policy's allowed and disallowed examples, run as the server runs them.
import { describe, expect, it } from "vitest";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { localizationPolicy } from "../../policypack/policies/ru-personal-data-localization";
import { localizationExamples } from "../../policypack/policies/ru-personal-data-localization.examples";
import { classificationPolicy } from "../../policypack/policies/user-data-classification";
import { classificationExamples } from "../../policypack/policies/user-data-classification.examples";
import type { PolicyExample, PolicyExamples } from "../../policypack/policies/example-types";
import { runResourcePolicy } from "../helpers/harness";

const cases: [ResourceValidationPolicy, PolicyExamples][] = [
    [localizationPolicy, localizationExamples],
    [classificationPolicy, classificationExamples],
];

async function run(policy: ResourceValidationPolicy, ex: PolicyExample) {
    return runResourcePolicy(policy, ex.resource, { config: ex.config, stackTags: ex.stackTags });
}

for (const [policy, examples] of cases) {
    describe(policy.name, () => {
        it("has allowed and disallowed examples", () => {
            expect(examples.allowed.length).toBeGreaterThan(0);
            expect(examples.disallowed.length).toBeGreaterThan(0);
        });
        for (const ex of examples.allowed) {
            it(`allows: ${ex.title}`, async () => {
                expect(ex.expect.level).toBe("none");
                expect(await run(policy, ex)).toEqual([]);
            });
        }
        for (const ex of examples.disallowed) {
            it(`reports: ${ex.title}`, async () => {
                const violations = await run(policy, ex);
                expect(ex.expect.level).not.toBe("none");
                if (ex.expect.level === "none") return;
                expect(violations.map((v) => [v.policy, v.level, v.code])).toEqual([[policy.name, ex.expect.level, ex.expect.code]]);
                for (const fragment of ex.expect.messageIncludes) expect(violations[0]!.message).toContain(fragment);
            });
        }
    });
}
