// The pack's policies, once. policypack/index.ts registers this list; the docs generator, the
// reports and the tests read it, so a policy added here is registered, documented, reported and
// fuzzed, and one left out of it is none of these.
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { crossBorderPolicy } from "./ru-personal-data-cross-border-transfer";
import { localizationPolicy } from "./ru-personal-data-localization";
import { classificationPolicy } from "./user-data-classification";

export type Policy = ResourceValidationPolicy | StackValidationPolicy;

/** In the order the engine lists them (`pulumi preview` prints them in this order). */
export const POLICIES: readonly Policy[] = [localizationPolicy, classificationPolicy, crossBorderPolicy];

export const LOCALIZATION = localizationPolicy.name;
export const CLASSIFICATION = classificationPolicy.name;
export const CROSS_BORDER = crossBorderPolicy.name;

export function isStackPolicy(p: Policy): p is StackValidationPolicy {
    return "validateStack" in p;
}
