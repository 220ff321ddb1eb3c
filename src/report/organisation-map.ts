// One data map across stacks: each stack's own map (built from its own analysis, so it says what
// the policies said), every entry tagged with its stack, and flows that leave one stack for
// another joined to the store they reach.
import { arnName, looksLikeArn, parseArn } from "ru-data-residency/pack";
import type { DestinationIndex } from "../organisation";
import { leavesRussia } from "./data-map";
import type { DataMap, ExemptionEntry, FlowEntry, StoreEntry } from "./data-map";

export type StackVerdict = "blocked" | "passes with warnings" | "passes";

export interface StackEntry {
    /** "project/stack". */
    stack: string;
    project: string;
    name: string;
    path: string;
    kind: DataMap["subject"]["kind"];
    mode: DataMap["subject"]["mode"];
    verdict: StackVerdict;
    summary: DataMap["summary"];
}

export function verdictOf(s: DataMap["summary"]): StackVerdict {
    return s.blocked ? "blocked" : s.advisory > 0 ? "passes with warnings" : "passes";
}

/** The other stack's resource a flow's end names, when it names exactly one. */
function resolve(label: string, index: DestinationIndex, from: string) {
    const keys = [label];
    if (looksLikeArn(label)) {
        const parsed = parseArn(label);
        const name = parsed.ok ? arnName(parsed.arn) : undefined;
        if (name) keys.push(name);
    }
    for (const k of keys) {
        const named = index.named.get(k);
        if (named && named.length === 1 && named[0]!.stack !== from) return named[0]!;
    }
    return undefined;
}

/** The stacks' maps as one: entries tagged with their stack, cross-stack flows joined. */
export function combineDataMaps(parts: readonly { map: DataMap; key: string }[], index: DestinationIndex, subjectPath: string, now = new Date()): DataMap {
    const stacks: StackEntry[] = parts.map(({ map, key }) => ({
        stack: key,
        project: map.subject.project,
        name: map.subject.stack,
        path: map.subject.path,
        kind: map.subject.kind,
        mode: map.subject.mode,
        verdict: verdictOf(map.summary),
        summary: map.summary,
    }));
    const stores: StoreEntry[] = [];
    const flows: FlowEntry[] = [];
    const storeByUrn = new Map<string, StoreEntry>();
    for (const { map, key } of parts) {
        const id = (f: string) => `${key}:${f}`;
        for (const s of map.stores) {
            const entry = { ...s, stack: key, flowsOut: s.flowsOut.map(id), flowsIn: s.flowsIn.map(id) };
            stores.push(entry);
            storeByUrn.set(s.urn, entry);
        }
        for (const f of map.flows) flows.push({ ...f, id: id(f.id), stack: key, from: { ...f.from, stack: f.from.urn ? key : undefined }, to: { ...f.to, stack: f.to.urn ? key : undefined } });
    }
    // A flow out of one stack into a resource of another: join it to that resource, and when the
    // resource holds no personal data by its own classification, map it as receiving them.
    const violationsByUrn = new Map<string, DataMap["violations"]>();
    for (const { map } of parts) for (const v of map.violations) violationsByUrn.set(v.urn, [...(violationsByUrn.get(v.urn) ?? []), v]);
    for (const f of flows) {
        if (f.to.urn) continue;
        const d = resolve(f.to.label, index, f.stack!);
        if (!d) continue;
        f.to = { ...f.to, urn: d.urn, stack: d.stack, how: `${f.to.how}; it is ${d.type} "${d.name}" in stack ${d.stack}` };
        const source = f.from.urn ? storeByUrn.get(f.from.urn) : undefined;
        let target = storeByUrn.get(d.urn);
        if (!target && source) {
            target = {
                urn: d.urn,
                type: d.type,
                name: d.name,
                stack: d.stack,
                personal: source.personal,
                russianPersonalData: source.russianPersonalData,
                categories: [],
                subjects: source.russianPersonalData === "no" ? source.subjects : ["RU"],
                classification: {
                    categoriesSource: "taint",
                    subjectsSource: "taint",
                    categoriesFrom: `received through ${f.kind} (${f.flowResource.type} "${f.flowResource.name}" in stack ${f.stack})`,
                    subjectsFrom: `received from ${source.type} "${source.name}" in stack ${f.stack}`,
                    taint: { from: source.urn, via: f.flowResource.urn },
                    unknowns: [],
                },
                location: { inRussia: d.inRussia, country: d.country, region: d.region, how: d.how },
                flowsOut: [],
                flowsIn: [],
                verdicts: (violationsByUrn.get(d.urn) ?? []).map((v) => ({ policy: v.policy, level: v.level, severity: v.severity, code: v.code, message: v.message })),
            };
            stores.push(target);
            storeByUrn.set(d.urn, target);
        }
        if (target) target.flowsIn = [...target.flowsIn, f.id];
    }
    // One config for every stack: each exemption once, with what it matches in any stack.
    const exemptions = new Map<string, ExemptionEntry>();
    for (const { map } of parts) {
        for (const e of map.exemptions) {
            const k = JSON.stringify([e.policy, e.resource, e.reason, e.expires]);
            const seen = exemptions.get(k);
            exemptions.set(k, seen ? { ...seen, matches: [...seen.matches, ...e.matches] } : { ...e, matches: [...e.matches] });
        }
    }
    const all = <T>(pick: (m: DataMap, key: string) => T[]) => parts.flatMap(({ map, key }) => pick(map, key));
    const violations = all((m, key) => m.violations.map((v) => ({ ...v, stack: key })));
    const unclassifiedStorage = all((m, key) => m.unclassifiedStorage.map((u) => ({ ...u, stack: key })));
    const exemptionList = [...exemptions.values()];
    const sum = (k: "resources" | "mandatory" | "advisory" | "unclassifiedStorage") => parts.reduce((n, p) => n + p.map.summary[k], 0);
    const first = parts[0]!.map;
    return {
        schemaVersion: first.schemaVersion,
        generatedAt: now.toISOString(),
        legal: first.legal,
        pack: first.pack,
        subject: { kind: "organisation", path: subjectPath, project: [...new Set(stacks.map((s) => s.project))].join(", "), stack: `${stacks.length} stacks`, mode: "analyze" },
        stacks,
        summary: {
            resources: sum("resources"),
            personalDataStores: stores.length,
            russianPersonalDataStores: stores.filter((s) => s.russianPersonalData !== "no").length,
            flows: flows.length,
            flowsLeavingRussia: flows.filter(leavesRussia).length,
            mandatory: sum("mandatory"),
            advisory: sum("advisory"),
            blocked: parts.some((p) => p.map.summary.blocked),
            unclassifiedStorage: sum("unclassifiedStorage"),
            exemptions: exemptionList.length,
            exemptionsExpiringWithin30Days: exemptionList.filter((e) => e.expiresWithin30Days).length,
        },
        policies: first.policies,
        stores,
        flows,
        unclassifiedStorage,
        exemptions: exemptionList,
        violations,
    };
}

/** One stack's part of an organisation's map, as that stack's own map. */
export function stackMap(map: DataMap, entry: StackEntry): DataMap {
    const mine = <T extends { stack?: string }>(xs: readonly T[]) => xs.filter((x) => x.stack === entry.stack);
    const urns = new Set([...mine(map.stores).map((s) => s.urn), ...mine(map.violations).map((v) => v.urn)]);
    return {
        ...map,
        subject: { kind: entry.kind, path: entry.path, project: entry.project, stack: entry.name, mode: entry.mode },
        stacks: undefined,
        summary: entry.summary,
        stores: mine(map.stores),
        flows: mine(map.flows),
        unclassifiedStorage: mine(map.unclassifiedStorage),
        exemptions: map.exemptions.map((e) => ({ ...e, matches: e.matches.filter((u) => urns.has(u) || u.startsWith(`urn:pulumi:${entry.name}::${entry.project}::`)) })),
        violations: mine(map.violations),
    };
}

/** The stacks of an organisation's map, each as its own map; a stack's map as itself. */
export function stackMaps(map: DataMap): DataMap[] {
    return map.stacks && map.stacks.length > 0 ? map.stacks.map((s) => stackMap(map, s)) : [map];
}
