// Taint: a store that receives Russian citizens' personal data holds it, whatever its own tags say.
// Propagated breadth-first over the flows (A → B → C), each flow followed once: linear in flows.
import { classify, Classification, ClassificationSettings, DEFAULT_CLASSIFICATION_SETTINGS, Tri } from "../classify/classification";
import { DEFAULT_LOCATION_SETTINGS } from "../locate";
import { extractFlows, Flow, FlowSettings } from "./flows";
import { StackIndex, StackResource } from "./stack";

export interface Holding {
    /** "yes": holds Russian citizens' personal data; "unknown": may (a source's classification or identity is not known). */
    status: Exclude<Tri, "no">;
    /** True when the resource's own tags say so; false when it was reached through flows. */
    own: boolean;
    /** The classified store the data comes from (the resource itself when own). */
    from: string;
    /** The flow that brought it here (absent when own). */
    via?: string;
    /** The store it was received from directly (absent when own). */
    previous?: string;
}

export interface TaintAnalysis {
    holdings: Map<string, Holding>;
    classifications: Map<string, Classification>;
}

/** Classify each resource once, on demand. */
export class Classifier {
    private readonly cache = new Map<string, Classification>();
    constructor(private readonly settings: ClassificationSettings) {}
    of(r: StackResource): Classification {
        let c = this.cache.get(r.urn);
        if (!c) {
            c = classify({ type: r.type, props: r.props, providerProps: r.provider?.props, stackTags: r.stackTags }, this.settings);
            this.cache.set(r.urn, c);
        }
        return c;
    }
    all(): Map<string, Classification> {
        return this.cache;
    }
}

/** Propagate holdings from classified flow sources through every flow whose destination is in the stack. */
export function propagate(flows: readonly Flow[], classifier: Classifier): Map<string, Holding> {
    const holdings = new Map<string, Holding>();
    const out = new Map<string, Flow[]>();
    for (const f of flows) {
        // A disabled copy carries nothing: it taints no destination.
        if (f.from.kind !== "resource" || f.inactive) continue;
        const list = out.get(f.from.resource.urn);
        if (list) list.push(f);
        else out.set(f.from.resource.urn, [f]);
    }
    const spread = (status: "yes" | "unknown", seeds: string[]): void => {
        const queue = [...seeds];
        for (let i = 0; i < queue.length; i++) {
            const u = queue[i]!;
            const h = holdings.get(u)!;
            for (const f of out.get(u) ?? []) {
                if (f.to.kind !== "resource") continue;
                const v = f.to.resource.urn;
                const existing = holdings.get(v);
                if (existing && (existing.status === "yes" || existing.status === status)) continue;
                holdings.set(v, { status, own: false, from: h.from, via: f.flow.urn, previous: u });
                queue.push(v);
            }
        }
    };
    // Own classifications of every flow source (and of flow resources that are stores themselves).
    const yesSeeds: string[] = [];
    const unknownSeeds: string[] = [];
    for (const f of flows) {
        if (f.from.kind !== "resource") continue;
        const r = f.from.resource;
        if (holdings.has(r.urn)) continue;
        const c = classifier.of(r).russianPersonalData;
        if (c === "no") continue;
        holdings.set(r.urn, { status: c, own: true, from: r.urn });
        (c === "yes" ? yesSeeds : unknownSeeds).push(r.urn);
    }
    spread("yes", yesSeeds);
    // A source that cannot be identified may be any store: what it feeds may hold the data.
    for (const f of flows) {
        if (f.from.kind === "unknown" && f.to.kind === "resource" && !holdings.has(f.to.resource.urn)) {
            holdings.set(f.to.resource.urn, { status: "unknown", own: false, from: f.from.label, via: f.flow.urn });
            unknownSeeds.push(f.to.resource.urn);
        }
    }
    spread(
        "unknown",
        unknownSeeds.filter((u) => holdings.get(u)?.status === "unknown"),
    );
    return holdings;
}

export interface TaintEntry {
    /** URN of the classified store the data comes from (or, for an unidentifiable source, its property path). */
    from: string;
    /** URN of the flow resource that brought the data to this resource. */
    via: string;
    status: "yes" | "unknown";
}

/**
 * Resources that hold Russian citizens' personal data only because they receive it through a flow,
 * keyed by URN: where the data comes from and through which flow. For the data map.
 */
export function computeTaint(resources: readonly StackResource[], settings: ClassificationSettings & Partial<FlowSettings> = DEFAULT_CLASSIFICATION_SETTINGS): Map<string, TaintEntry> {
    const flowSettings: FlowSettings = { ...DEFAULT_LOCATION_SETTINGS, destinationLocations: {}, ...settings };
    const index = new StackIndex(resources);
    const { flows } = extractFlows(index, flowSettings);
    const holdings = propagate(flows, new Classifier(settings));
    const out = new Map<string, TaintEntry>();
    for (const [urn, h] of holdings) {
        if (!h.own && h.via !== undefined) out.set(urn, { from: h.from, via: h.via, status: h.status });
    }
    return out;
}
