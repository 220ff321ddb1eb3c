// docs/policies.md is generated from the pack's metadata; a stale copy fails here.
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import { POLICIES_DOC, renderPoliciesDoc } from "../../src/docs/policies-doc";
import { POLICY_ENTRIES } from "../../src/docs/registry";

describe("docs/policies.md", () => {
    it("is current (run `npm run docs` after changing a policy, its config or its examples)", () => {
        expect(fs.readFileSync(POLICIES_DOC, "utf8")).toBe(renderPoliciesDoc());
    });

    it("has a section for every policy, which the policy's url points at", () => {
        const doc = renderPoliciesDoc();
        for (const { policy } of POLICY_ENTRIES) {
            expect(doc).toContain(`\n## ${policy.name}\n`);
            expect(policy.url).toBe(`docs/policies.md#${policy.name}`);
        }
    });
});
