// One analysis of a stack, by the pack's own decision code, with each policy's own settings: what
// the reports show. A fact is taken from the policy that decides on it: a store's classification
// and location from the localization policy (which judges stores), the flows, where their ends
// are, what became of each and which stores receive data through them from the cross-border
// policy (which judges flows). So a report can never say a flow leaves Russia while the policy
// that judges flows found it stays.
import { classify, Classification } from "../classify/classification";
import type { Location } from "../locate";
import { locate } from "../locate";
import type { StackResource } from "../flows/stack";
import type { Holding } from "../flows/taint";
import type { Settings } from "./config";
import { analyseCrossBorder, CrossBorderAnalysis } from "./cross-border";

export interface StoreFacts {
    resource: StackResource;
    /** Classified with the localization policy's settings. */
    classification: Classification;
    /** Located with the settings of the policy that judges the store: the cross-border policy's for a store that holds the data only because a flow brings them, else the localization policy's. */
    location: Location;
    /** Set when the store receives data through flows (the cross-border policy's holdings), not from its own tags. */
    received?: Holding;
}

export interface StackAnalysis {
    crossBorder: CrossBorderAnalysis;
    /** Every resource of the stack that a provider manages (neither the stack nor a provider), in the order given. */
    resources: readonly StackResource[];
    /** Classification and location of a resource, computed once, on demand. */
    store(r: StackResource): StoreFacts;
}

export interface StackAnalysisSettings {
    localization: Settings;
    crossBorder: Settings;
}

export function analyseStack(resources: readonly StackResource[], settings: StackAnalysisSettings): StackAnalysis {
    const crossBorder = analyseCrossBorder({ resources }, settings.crossBorder);
    const flowLocations = new Map<string, Location>();
    for (const f of crossBorder.flows) {
        if (f.flow.to.kind === "resource") flowLocations.set(f.flow.to.resource.urn, f.toLocation);
        if (f.flow.from.kind === "resource" && f.fromLocation) flowLocations.set(f.flow.from.resource.urn, f.fromLocation);
    }
    const facts = new Map<string, StoreFacts>();
    const store = (r: StackResource): StoreFacts => {
        let f = facts.get(r.urn);
        if (!f) {
            const classification = classify({ type: r.type, props: r.props, providerProps: r.provider?.props, stackTags: r.stackTags }, settings.localization);
            const h = crossBorder.holdings.get(r.urn);
            const received = h && !h.own ? h : undefined;
            const byFlows = received !== undefined && classification.russianPersonalData !== "yes" ? flowLocations.get(r.urn) : undefined;
            f = { resource: r, classification, location: byFlows ?? locate(r, settings.localization), ...(received ? { received } : {}) };
            facts.set(r.urn, f);
        }
        return f;
    };
    return { crossBorder, resources: resources.filter((r) => !r.type.startsWith("pulumi:") && r.provider !== undefined), store };
}
