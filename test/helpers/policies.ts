// Every policy the pack exports, and running all of them on one resource through the
// runtime-faithful harness. test/fuzz/policy-coverage.test.ts checks this list against the
// policies policypack/index.ts registers, so a new policy cannot be left out of the fuzzing.
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { crossBorderPolicy } from "../../policypack/policies/ru-personal-data-cross-border-transfer";
import { localizationPolicy } from "../../policypack/policies/ru-personal-data-localization";
import { classificationPolicy } from "../../policypack/policies/user-data-classification";
import { ResourceSpec, RunOptions, runResourcePolicy, runStackPolicy, StackResourceSpec, Violation } from "./harness";

export const RESOURCE_POLICIES: readonly ResourceValidationPolicy[] = [localizationPolicy, classificationPolicy];
export const STACK_POLICIES: readonly StackValidationPolicy[] = [crossBorderPolicy];
/** The exported names of the policy objects above, as policypack/index.ts imports them. */
export const COVERED_POLICY_EXPORTS: readonly string[] = ["localizationPolicy", "classificationPolicy", "crossBorderPolicy"];

export const LOCALIZATION = localizationPolicy.name;
export const CLASSIFICATION = classificationPolicy.name;
export const CROSS_BORDER = crossBorderPolicy.name;

/** Run every stack policy on a stack of these resources. */
export async function runStack(specs: StackResourceSpec[], options: { config?: Record<string, Record<string, unknown>>; stackTags?: Record<string, string> } = {}): Promise<Violation[]> {
    const out: Violation[] = [];
    for (const p of STACK_POLICIES) out.push(...(await runStackPolicy(p, specs, { config: options.config?.[p.name], stackTags: options.stackTags })));
    return out;
}

/**
 * Run every resource policy on the resource (each with its own config, as a pack config file
 * gives it), and every stack policy on a stack of just this resource.
 */
export async function runAll(spec: ResourceSpec, options: { config?: Record<string, Record<string, unknown>>; stackTags?: Record<string, string> } = {}): Promise<Violation[]> {
    const out: Violation[] = [];
    for (const p of RESOURCE_POLICIES) {
        const o: RunOptions = { config: options.config?.[p.name], stackTags: options.stackTags };
        out.push(...(await runResourcePolicy(p, spec, o)));
    }
    for (const p of STACK_POLICIES) {
        const o: RunOptions = { config: options.config?.[p.name], stackTags: options.stackTags };
        out.push(...(await runStackPolicy(p, [spec as StackResourceSpec], o)));
    }
    return out;
}

/** [policy, level] pairs, in the order reported, for exact assertions. */
export function outcomes(violations: readonly Violation[]): [string, string][] {
    return violations.map((v) => [v.policy, v.level]);
}
