// Metadata shared by the pack's policies.
import type { PolicyComplianceFramework } from "@pulumi/policy";
import { frameworkVersion } from "../src/law";

// The version comes from the law file (policypack/data/law.json), so it changes when the law the
// pack states does; the reference is the pack's own account of that law for the reviewing lawyer.
export const FRAMEWORK_152FZ: PolicyComplianceFramework = {
    name: 'Russian Federal Law No. 152-FZ "On Personal Data"',
    version: frameworkVersion(),
    reference: "docs/law.md",
    specification: "Art. 18 part 5",
};

/** Each policy's page in the generated policy reference (docs/policies.md), relative to the repository root. */
export function policyUrl(policyName: string): string {
    return `docs/policies.md#${policyName}`;
}
