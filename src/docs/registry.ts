// Every policy with its examples, for generated documentation and reports. The pack itself
// (policypack/index.ts) does not load examples, to keep its start-up small.
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import type { PolicyExamples } from "../../policypack/policies/example-types";
import { localizationPolicy } from "../../policypack/policies/ru-personal-data-localization";
import { localizationExamples } from "../../policypack/policies/ru-personal-data-localization.examples";
import { classificationPolicy } from "../../policypack/policies/user-data-classification";
import { classificationExamples } from "../../policypack/policies/user-data-classification.examples";

export interface PolicyEntry {
    policy: ResourceValidationPolicy | StackValidationPolicy;
    kind: "resource" | "stack";
    examples: PolicyExamples;
}

export const POLICY_ENTRIES: PolicyEntry[] = [
    { policy: localizationPolicy, kind: "resource", examples: localizationExamples },
    { policy: classificationPolicy, kind: "resource", examples: classificationExamples },
];
