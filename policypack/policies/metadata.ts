// Metadata shared by the pack's policies.
import type { PolicyComplianceFramework } from "@pulumi/policy";

export const FRAMEWORK_152FZ: PolicyComplianceFramework = {
    name: "Russian Federal Law No. 152-FZ \"On Personal Data\"",
    version: "as amended by 23-FZ of 2025-02-28 (in force 2025-07-01)",
    reference: "https://en.nplaw.ru/blog/detail/localization-of-personal-data/",
    specification: "Art. 18 part 5",
};

/** Each policy's page in the generated policy reference (docs/policies.md), relative to the repository root. */
export function policyUrl(policyName: string): string {
    return `docs/policies.md#${policyName}`;
}
