// Every policy with its examples, for generated documentation and reports. The pack itself
// (policypack/index.ts) does not load examples, to keep its start-up small.
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import {
    CLASSIFICATION,
    classificationExamples,
    CROSS_BORDER,
    crossBorderExamples,
    isStackPolicy,
    LOCALIZATION,
    localizationExamples,
    POLICIES,
    type PolicyExamples,
    type StackPolicyExamples,
} from "ru-data-residency/pack";

export type PolicyEntry = { policy: ResourceValidationPolicy; kind: "resource"; examples: PolicyExamples } | { policy: StackValidationPolicy; kind: "stack"; examples: StackPolicyExamples };

/** Each policy's examples, by its name: its documentation and its tests at once. */
const EXAMPLES: Record<string, PolicyExamples | StackPolicyExamples> = {
    [LOCALIZATION]: localizationExamples,
    [CLASSIFICATION]: classificationExamples,
    [CROSS_BORDER]: crossBorderExamples,
};

/** Every policy of the pack (policypack/policies/registry.ts) with its examples; a policy without examples is an error. */
export const POLICY_ENTRIES: PolicyEntry[] = POLICIES.map((policy): PolicyEntry => {
    const examples = EXAMPLES[policy.name];
    if (!examples) throw new Error(`policy ${policy.name} has no examples: add them to EXAMPLES in src/docs/registry.ts`);
    return isStackPolicy(policy) ? { policy, kind: "stack", examples: examples as StackPolicyExamples } : { policy, kind: "resource", examples: examples as PolicyExamples };
});
