// Every policy with its examples, for generated documentation and reports. The pack itself
// (policypack/index.ts) does not load examples, to keep its start-up small.
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import type { PolicyExamples, StackPolicyExamples } from "../../policypack/policies/example-types";
import { crossBorderPolicy } from "../../policypack/policies/ru-personal-data-cross-border-transfer";
import { crossBorderExamples } from "../../policypack/policies/ru-personal-data-cross-border-transfer.examples";
import { localizationPolicy } from "../../policypack/policies/ru-personal-data-localization";
import { localizationExamples } from "../../policypack/policies/ru-personal-data-localization.examples";
import { classificationPolicy } from "../../policypack/policies/user-data-classification";
import { classificationExamples } from "../../policypack/policies/user-data-classification.examples";

export type PolicyEntry =
    | { policy: ResourceValidationPolicy; kind: "resource"; examples: PolicyExamples }
    | { policy: StackValidationPolicy; kind: "stack"; examples: StackPolicyExamples };

export const POLICY_ENTRIES: PolicyEntry[] = [
    { policy: localizationPolicy, kind: "resource", examples: localizationExamples },
    { policy: classificationPolicy, kind: "resource", examples: classificationExamples },
    { policy: crossBorderPolicy, kind: "stack", examples: crossBorderExamples },
];
