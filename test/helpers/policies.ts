// Every policy the pack registers (policypack/policies/registry.ts), and running all of them on
// one resource through the runtime-faithful harness.
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { CLASSIFICATION as CLASSIFICATION_NAME, CROSS_BORDER as CROSS_BORDER_NAME, isStackPolicy, LOCALIZATION as LOCALIZATION_NAME, POLICIES } from "../../policypack/policies/registry";
import { ResourceSpec, RunOptions, runResourcePolicy, runStackPolicy, StackResourceSpec, Violation } from "./harness";

export const RESOURCE_POLICIES: readonly ResourceValidationPolicy[] = POLICIES.filter((p): p is ResourceValidationPolicy => !isStackPolicy(p));
export const STACK_POLICIES: readonly StackValidationPolicy[] = POLICIES.filter(isStackPolicy);

export const LOCALIZATION = LOCALIZATION_NAME;
export const CLASSIFICATION = CLASSIFICATION_NAME;
export const CROSS_BORDER = CROSS_BORDER_NAME;

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
