// What the engine does between a program's registration and the policy pack: each resource goes
// through its provider's Check, and the checked inputs are what Analyze sees; in a preview the
// provider's preview Create gives the planned state that AnalyzeStack sees, and in an update the
// created state. The stand-in asks the same emulation of pulumi-aws v7 that serves the real CLI in
// the conformance suite (src/provider/aws), so both engines hand the pack the same shapes.
import { createHash } from "node:crypto";
import { checkResource, resourceFacts } from "../provider/aws/check";
import { createState } from "../provider/aws/state";
import { annotateSecrets, containsUnknowns, WireMap } from "../provider/aws/wire";
import type { EngineResource } from "./runner";

export interface SteppedStack {
    /** What Analyze (and Remediate) see: checked inputs. */
    analyze: EngineResource[];
    /** What AnalyzeStack sees: planned (preview) or created (update) state. */
    stack: EngineResource[];
}

/** A stand-in for the engine's random seed: stable per resource, so a run repeats itself. */
function seedOf(urn: string): Uint8Array {
    return createHash("sha256").update(urn).digest();
}

/** The engine keeps no property dependency that names nothing (its state omits empty lists). */
function withoutEmptyDependencies(deps: Record<string, string[]>): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(deps)) if (v.length > 0) out[k] = v;
    return out;
}

function isAwsResource(r: EngineResource): boolean {
    return r.custom && r.type.startsWith("aws:") && resourceFacts(r.type) !== undefined;
}

/**
 * One aws resource through its provider: the checked inputs, and the planned (preview) or created
 * state with its id. Undefined when the emulation does not know the type or shape, or the
 * provider's configuration is not known (the engine then asks the provider nothing).
 */
export function stepOne(
    r: { type: string; urn: string; props: Record<string, unknown>; providerProps: Record<string, unknown> },
    options: { preview: boolean },
): { checked: WireMap; state: WireMap; id: string } | undefined {
    if (!r.type.startsWith("aws:") || resourceFacts(r.type) === undefined || containsUnknowns(r.providerProps)) return undefined;
    const config = r.providerProps as WireMap;
    try {
        const inputs = checkResource({ type: r.type, urn: r.urn, news: r.props as WireMap, config, randomSeed: seedOf(r.urn) }).inputs;
        // The engine gives secrets back to what a provider that accepts none returns.
        const checked = annotateSecrets(inputs, r.props as WireMap);
        const created = createState({ type: r.type, urn: r.urn, inputs: checked, config, preview: options.preview });
        return { checked, state: annotateSecrets(created.properties, checked), id: created.id };
    } catch {
        return undefined;
    }
}

/**
 * Step every resource as the engine does, for a preview or an update:
 * - provider Check for each aws resource whose provider's configuration is known; with an
 *   unknown configuration the engine returns the inputs unchanged
 *   (sdk/go/common/resource/plugin/provider_plugin.go, Check: "if !pcfg.known");
 * - in a preview, the planned state from the provider's preview Create, and an empty state for a
 *   resource whose provider's configuration is not known (Create: "hand back an empty property
 *   map");
 * - in an update, the state a create returns.
 * Other resources keep what the program registered, as under the SDK's mocks.
 */
export function stepResources(resources: readonly EngineResource[], options: { preview: boolean }): SteppedStack {
    const analyze: EngineResource[] = [];
    const stack: EngineResource[] = [];
    for (const r of resources) {
        const propertyDependencies = withoutEmptyDependencies(r.propertyDependencies);
        const base = { ...r, propertyDependencies };
        if (r.type.startsWith("pulumi:providers:")) {
            // The engine's provider registry gives every provider an "__internal" input map
            // (seen in Remediate; Analyze's marshalling skips internal keys).
            const props = "__internal" in r.props ? r.props : { __internal: {}, ...r.props };
            analyze.push({ ...base, props });
            stack.push({ ...base, props });
            continue;
        }
        if (!r.custom) {
            // A component's inputs for Analyze, the outputs it registered for AnalyzeStack.
            analyze.push(base);
            stack.push({ ...base, props: r.outputs ?? (r.type === "pulumi:pulumi:Stack" ? {} : base.props) });
            continue;
        }
        if (!isAwsResource(r) || !r.provider) {
            analyze.push(base);
            stack.push(base);
            continue;
        }
        const config = r.provider.props as WireMap;
        if (containsUnknowns(config)) {
            analyze.push(base);
            stack.push({ ...base, props: options.preview ? {} : base.props });
            continue;
        }
        const step = stepOne({ type: r.type, urn: r.urn, props: r.props, providerProps: config }, options);
        if (!step) {
            // A shape the emulation does not know: what the program registered, as before.
            analyze.push(base);
            stack.push(base);
            continue;
        }
        analyze.push({ ...base, props: step.checked });
        stack.push({ ...base, props: options.preview ? step.state : { ...step.state, id: step.id } });
    }
    return { analyze, stack };
}
