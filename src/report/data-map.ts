// The data map: where personal data lives in a stack, how each fact was derived, where copies go,
// and what each policy decided. One model, rendered as JSON, Markdown, SARIF, JUnit and HTML.
import {
    analyseStack,
    findingCodeOf,
    type Classification,
    CROSS_BORDER,
    describeCategories,
    describeSubjects,
    type Exemption,
    findExemption,
    type FlowOutcome,
    holdsNoData,
    LAW,
    LAW_FILE,
    LOCALIZATION,
    NOTICE,
    readSettings,
    type Settings,
    storageService,
    todayUtc,
    TRANSFER_DATE_TAG,
    TRANSFER_TAG,
    transferEvidence,
    type Endpoint,
    type Location,
    type StackResource,
} from "ru-data-residency/pack";
import type { AnalysisResult } from "../analyze";
import { SECRET_SIG, SECRET_SIG_KEY } from "../engine/protocol";
import type { EngineResource } from "../engine/runner";
import type { ReportFormat } from "./format";
import type { StackEntry } from "./organisation-map";

export const DATA_MAP_SCHEMA_VERSION = "1.3";

/** How a report names the tags a declared transfer carries. */
export const TRANSFER_TAGS = `${TRANSFER_TAG} / ${TRANSFER_DATE_TAG}`;

export type ClassificationSource = "own tags" | "provider default tags" | "stack tag" | "config default" | "taint";

export interface SourceRef {
    file: string;
    line: number;
    column: number;
}

export interface Verdict {
    policy: string;
    level: "mandatory" | "advisory";
    severity: string;
    /** The finding code (policypack/src/decide/finding-codes.ts), from the message's last line; null for a message the pack did not write. */
    code: string | null;
    message: string;
}

export interface ExemptionEntry {
    policy: string;
    resource: string;
    reason: string;
    expires: string;
    expired: boolean;
    expiresWithin30Days: boolean;
    /** URNs of resources in this stack it matches. */
    matches: string[];
}

export interface StoreEntry {
    urn: string;
    /** In an organisation's map: the stack ("project/stack") it is in. */
    stack?: string;
    type: string;
    name: string;
    source?: SourceRef;
    personal: "yes" | "unknown";
    russianPersonalData: "yes" | "no" | "unknown";
    categories: string[];
    subjects: string[];
    classification: {
        categoriesSource: ClassificationSource;
        subjectsSource: ClassificationSource;
        /** In words: which tag, where. */
        categoriesFrom: string;
        subjectsFrom: string;
        taint?: { from: string; via: string };
        unknowns: string[];
    };
    location: { inRussia: "yes" | "no" | "unknown"; country?: string; region?: string; how: string };
    /** Ids of the flows out of (or into) this store, in the flows list. */
    flowsOut: string[];
    flowsIn: string[];
    verdicts: Verdict[];
    /** False when the policies never saw this resource: the update stopped earlier (summary.stoppedAt). */
    analysed?: false;
    exemption?: { policy: string; resource: string; reason: string; expires: string; expired: boolean };
}

export interface FlowEnd {
    urn?: string;
    /** In an organisation's map: the stack of the resource at this end. */
    stack?: string;
    label: string;
    inRussia?: "yes" | "no" | "unknown";
    country?: string;
    how: string;
}

/** The evidence a declared transfer carries (152-FZ Art. 12(3)), as tagged, for the auditor. */
export interface TransferRecord {
    /** The resource whose tags carry it: the flow resource, or the source store when the flow resource cannot carry tags. */
    taggedOn: string;
    /** The identifier of the cross-border notification (tag cross-border-transfer), if present and known. */
    notification?: string;
    /** The date it was filed (tag cross-border-transfer-date), as tagged. */
    filed?: string;
}

export interface FlowEntry {
    id: string;
    /** What the cross-border policy made of the flow, with its own settings. */
    decision: FlowOutcome;
    /** In an organisation's map: the stack the flow resource is in. */
    stack?: string;
    kind: string;
    flowResource: { urn: string; type: string; name: string };
    from: FlowEnd;
    to: FlowEnd;
    transfer?: TransferRecord;
}

/** What every report carries about the law: the notice, and which law file it was built from. */
export interface LegalNote {
    notice: string;
    lawFile: string;
    lawReviewed: string;
}

export interface DataMap {
    schemaVersion: string;
    generatedAt: string;
    legal: LegalNote;
    pack: { name: string; version: string };
    subject: { kind: "program" | "stack-export" | "organisation"; path: string; project: string; stack: string; mode: "preview" | "update" | "analyze" };
    /** An organisation's map: each stack, its verdict and its own summary, in the order given. */
    stacks?: StackEntry[];
    summary: {
        resources: number;
        personalDataStores: number;
        russianPersonalDataStores: number;
        flows: number;
        flowsLeavingRussia: number;
        mandatory: number;
        advisory: number;
        blocked: boolean;
        unclassifiedStorage: number;
        exemptions: number;
        exemptionsExpiringWithin30Days: number;
        /** An update that stopped at this resource's mandatory violation: resources after it were not analysed. */
        stoppedAt?: string;
    };
    policies: { name: string; description: string; severity: string; enforcementLevel: string; url: string; remediationSteps: string }[];
    stores: StoreEntry[];
    flows: FlowEntry[];
    unclassifiedStorage: { urn: string; type: string; name: string; service: string; source?: SourceRef; stack?: string }[];
    exemptions: ExemptionEntry[];
    violations: (Verdict & { urn: string; type: string; name: string; source?: SourceRef; stack?: string })[];
}

/**
 * A flow whose source may hold Russian citizens' personal data and whose destination is not shown
 * to be in Russia, as the cross-border policy found it (whether reported, exempt or declared).
 */
export function leavesRussia(f: FlowEntry): boolean {
    return f.decision !== "no-personal-data" && f.to.inRussia !== "yes";
}

/** Wire-form props (secret envelopes) → the plain values a policy sees. */
export function plainProps(value: unknown, depth = 0): unknown {
    if (depth > 200 || value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v) => plainProps(v, depth + 1));
    const obj = value as Record<string, unknown>;
    if (obj[SECRET_SIG_KEY] === SECRET_SIG) return plainProps(obj.value, depth + 1);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = plainProps(v, depth + 1);
    return out;
}

const SOURCE_NAMES: Record<NonNullable<Classification["categoriesSource"]> | Classification["subjectsSource"], ClassificationSource> = {
    resource: "own tags",
    provider: "provider default tags",
    "stack tag": "stack tag",
    default: "config default",
};

function settingsFor(analysis: AnalysisResult, policy: string, today: string): Settings {
    return readSettings(analysis.config[policy]?.properties ?? {}, today).settings;
}

function addDays(day: string, days: number): string {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
}

export interface DataMapInput {
    resources: EngineResource[];
    analysis: AnalysisResult;
    subject: DataMap["subject"];
    stackTags?: Record<string, string>;
    now?: Date;
}

export function buildDataMap(input: DataMapInput): DataMap {
    const now = input.now ?? new Date();
    const today = todayUtc(now);
    const soon = addDays(today, 30);
    const { analysis } = input;
    // Each policy's own settings, as the engine gave them to it.
    const settings = settingsFor(analysis, LOCALIZATION, today);
    const flowConfig = settingsFor(analysis, CROSS_BORDER, today);
    const stackTags = new Map(Object.entries(input.stackTags ?? {}));

    const byUrnEngine = new Map(input.resources.map((r) => [r.urn, r]));
    const stackResources: StackResource[] = input.resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: plainProps(r.props),
        provider: r.provider ? { type: r.provider.type, name: r.provider.name, urn: r.provider.urn, props: plainProps(r.provider.props) } : undefined,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        parent: r.parent,
        stackTags,
    }));

    const stack = analyseStack(stackResources, { localization: settings, crossBorder: flowConfig });

    const verdicts = new Map<string, Verdict[]>();
    for (const d of analysis.diagnostics) {
        if (d.enforcementLevel !== "mandatory" && d.enforcementLevel !== "advisory") continue;
        const list = verdicts.get(d.urn) ?? [];
        list.push({ policy: d.policyName, level: d.enforcementLevel, severity: d.severity, code: findingCodeOf(d.message) ?? null, message: d.message });
        verdicts.set(d.urn, list);
    }

    const flowEntries: FlowEntry[] = [];
    const flowsOut = new Map<string, string[]>();
    const flowsIn = new Map<string, string[]>();
    // Where each end is, as the cross-border policy located it.
    const end = (e: Endpoint, loc: Location | undefined): FlowEnd => {
        if (e.kind === "resource") return { urn: e.resource.urn, label: `${e.resource.type} "${e.resource.name}"`, inRussia: loc?.inRussia, country: loc?.country, how: e.how };
        if (e.kind === "external") return { label: e.label, inRussia: e.location.inRussia, country: e.location.country, how: e.location.how };
        return { label: e.label, inRussia: "unknown", how: e.how };
    };
    stack.crossBorder.flows.forEach((analysed, i) => {
        const f = analysed.flow;
        const id = `flow-${i + 1}`;
        const from = end(f.from, analysed.fromLocation);
        const to = end(f.to, analysed.toLocation);
        const entry: FlowEntry = { id, decision: analysed.outcome, kind: f.kind, flowResource: { urn: f.flow.urn, type: f.flow.type, name: f.flow.name }, from, to };
        const evidence = transferEvidence(f.flow, f.from.kind === "resource" ? f.from.resource : undefined);
        if (evidence.notification.status !== "absent" || evidence.date.status !== "absent") {
            entry.transfer = { taggedOn: evidence.carrier.urn };
            if (evidence.notification.status === "present") entry.transfer.notification = evidence.notification.value;
            if (evidence.date.status === "present") entry.transfer.filed = evidence.date.value;
        }
        flowEntries.push(entry);
        if (from.urn) flowsOut.set(from.urn, [...(flowsOut.get(from.urn) ?? []), id]);
        if (to.urn) flowsIn.set(to.urn, [...(flowsIn.get(to.urn) ?? []), id]);
    });

    const exemptionList: { policy: string; e: Exemption }[] = [...settings.exemptions.map((e) => ({ policy: LOCALIZATION, e })), ...flowConfig.exemptions.map((e) => ({ policy: CROSS_BORDER, e }))];
    const exemptionMatches = new Map<Exemption, string[]>();
    // An update stops at the first resource with a mandatory violation (analysis.stoppedAt), in
    // the order it was analysed: the resources after it were never seen by the policies.
    const stopIndex = analysis.stoppedAt ? input.resources.findIndex((r) => r.urn === analysis.stoppedAt) : -1;
    const notAnalysed = new Set(stopIndex >= 0 ? input.resources.slice(stopIndex + 1).map((r) => r.urn) : []);

    const stores: StoreEntry[] = [];
    const unclassified: DataMap["unclassifiedStorage"] = [];
    for (const r of stack.resources) {
        const facts = stack.store(r);
        // What the policies know to hold no data (a VPC, an IAM role) is no store, whatever tags it carries.
        if (holdsNoData(r) && !facts.received) continue;
        const c = facts.classification;
        const t = facts.received;
        const engine = byUrnEngine.get(r.urn);
        let exempt: { policy: string; e: Exemption } | undefined;
        for (const entry of exemptionList) {
            if (!findExemption([entry.e], r.urn, r.name)) continue;
            exemptionMatches.set(entry.e, [...(exemptionMatches.get(entry.e) ?? []), r.urn]);
            exempt ??= entry;
        }
        if (c.personal === "no" && !t) {
            const service = storageService(r.type);
            if (service && !c.tagged) unclassified.push({ urn: r.urn, type: r.type, name: r.name, service, source: engine?.source });
            continue;
        }
        const loc = facts.location;
        const tainted = c.personal === "no" && t !== undefined;
        stores.push({
            urn: r.urn,
            type: r.type,
            name: r.name,
            source: engine?.source,
            personal: tainted ? (t!.status === "yes" ? "yes" : "unknown") : (c.personal as "yes" | "unknown"),
            russianPersonalData: tainted ? t!.status : c.russianPersonalData,
            categories: tainted ? [] : c.categories,
            subjects: tainted ? ["RU"] : c.subjects,
            classification: {
                categoriesSource: tainted ? "taint" : SOURCE_NAMES[c.categoriesSource ?? "resource"],
                subjectsSource: tainted ? "taint" : SOURCE_NAMES[c.subjectsSource],
                categoriesFrom: tainted ? `received through ${t!.via}` : c.categoriesFrom ? `${describeCategories(c)} (${c.categoriesFrom})` : "not declared",
                subjectsFrom: tainted ? `received from ${t!.from}` : `${describeSubjects(c)} (${c.subjectsFrom})`,
                taint: t?.via !== undefined ? { from: t.from, via: t.via } : undefined,
                unknowns: c.unknowns,
            },
            location: { inRussia: loc.inRussia, country: loc.country, region: loc.region, how: loc.how },
            flowsOut: flowsOut.get(r.urn) ?? [],
            flowsIn: flowsIn.get(r.urn) ?? [],
            verdicts: verdicts.get(r.urn) ?? [],
            ...(notAnalysed.has(r.urn) ? { analysed: false as const } : {}),
            exemption: exempt ? { policy: exempt.policy, resource: exempt.e.resource, reason: exempt.e.reason, expires: exempt.e.expires, expired: exempt.e.expired } : undefined,
        });
    }

    const exemptions: ExemptionEntry[] = exemptionList.map(({ policy, e }) => ({
        policy,
        resource: e.resource,
        reason: e.reason,
        expires: e.expires,
        expired: e.expired,
        expiresWithin30Days: !e.expired && e.expires <= soon,
        matches: exemptionMatches.get(e) ?? [],
    }));

    // Program registration order varies between runs; the map must not.
    stores.sort((a, b) => a.urn.localeCompare(b.urn));
    unclassified.sort((a, b) => a.urn.localeCompare(b.urn));
    const violations = analysis.diagnostics
        .filter((d) => d.enforcementLevel === "mandatory" || d.enforcementLevel === "advisory")
        .map((d) => ({
            policy: d.policyName,
            level: d.enforcementLevel as "mandatory" | "advisory",
            severity: d.severity,
            // The engine passes on only the message text; its last line carries the code.
            code: findingCodeOf(d.message) ?? null,
            message: d.message,
            urn: d.urn,
            type: d.resourceType,
            name: d.resourceName,
            source: byUrnEngine.get(d.urn)?.source,
        }));

    return {
        schemaVersion: DATA_MAP_SCHEMA_VERSION,
        generatedAt: now.toISOString(),
        legal: { notice: NOTICE, lawFile: LAW_FILE, lawReviewed: LAW.reviewed },
        pack: { name: analysis.pack.name, version: analysis.pack.version },
        subject: input.subject,
        summary: {
            resources: analysis.resourceCount,
            personalDataStores: stores.length,
            russianPersonalDataStores: stores.filter((s) => s.russianPersonalData !== "no").length,
            flows: flowEntries.length,
            flowsLeavingRussia: flowEntries.filter(leavesRussia).length,
            mandatory: analysis.mandatory,
            advisory: analysis.advisory,
            blocked: analysis.mandatory > 0,
            unclassifiedStorage: unclassified.length,
            exemptions: exemptions.length,
            exemptionsExpiringWithin30Days: exemptions.filter((e) => e.expiresWithin30Days).length,
            ...(analysis.stoppedAt ? { stoppedAt: analysis.stoppedAt } : {}),
        },
        policies: analysis.policies.map((p) => ({
            name: p.name,
            description: p.description,
            severity: p.severity,
            enforcementLevel: analysis.config[p.name]?.enforcementLevel || p.enforcementLevel,
            url: p.url,
            remediationSteps: p.remediationSteps,
        })),
        stores,
        flows: flowEntries,
        unclassifiedStorage: unclassified,
        exemptions,
        violations,
    };
}

export const JSON_FORMAT: ReportFormat = {
    name: "json",
    fullReportExtensions: [".json"],
    render: ({ map }) => `${JSON.stringify(map, null, 2)}\n`,
};
