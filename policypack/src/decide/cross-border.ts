// Decide ru-personal-data-cross-border-transfer for a stack: follow every flow out of a store that
// holds Russian citizens' personal data (by its tags, or because it receives them), locate the
// destination, and report flows that leave Russia against the resource that creates them.
import { canonicalKey } from "../classify/text";
import { tagLayers } from "../classify/tag-sources";
import { countryName } from "../countries";
import { locate, Location } from "../locate";
import { quote } from "../values";
import { Endpoint, endpointKey, extractFlows, Flow, label, UNTAGGABLE_FLOW_TYPES } from "../flows/flows";
import { StackIndex, StackResource } from "../flows/stack";
import { Classifier, Holding, propagate } from "../flows/taint";
import { LAW_FILE, provision, readingSentence, ruleSentence } from "../law";
import { adequacyOf } from "./adequacy";
import { todayUtc, type Settings } from "./config";
import { Exemption, expiredNote, findExemption, refusedBroadExemptions } from "./exemptions";
import type { FindingCode } from "./finding-codes";
import { describeClassification, Finding, holdsNoData, LOCALIZATION_RULE, localizationFinding } from "./localization";

/** The identifier of the cross-border notification to Roskomnadzor (152-FZ Art. 12(3)). */
export const TRANSFER_TAG = "cross-border-transfer";
/** The date (YYYY-MM-DD) that notification was filed. */
export const TRANSFER_DATE_TAG = "cross-border-transfer-date";
/** The pack's stand-in for Roskomnadzor's 10-working-day review (law.json reading-review-period). */
export const REVIEW_CALENDAR_DAYS = 30;

export interface StackInput {
    resources: readonly StackResource[];
    stackTags?: ReadonlyMap<string, string>;
}

export interface StackFinding extends Finding {
    /** The resource the finding is reported against. */
    urn: string;
}

// Built from the law file (policypack/data/law.json): the rule, the pack's own reading that a copy
// abroad is a database abroad, and what Art. 12 asks of a transfer.
const CROSS_BORDER_RULE = ruleSentence("152fz-18-5");
const COPY_READING = readingSentence("reading-copy-abroad");
const ART_12 = ["152fz-12-3", "152fz-12-5", "152fz-12-2", "152fz-12-review"].map((id) => {
    const p = provision(id);
    return `${p.cite}: ${p.short ?? p.english}`;
});
const TRANSFER_RULE = `${ART_12.join("; ")}. [${LAW_FILE} 152fz-12-3, 152fz-12-5, 152fz-12-2, 152fz-12-review, reviewed ${provision("152fz-12-3").reviewed}; from secondary sources; the official text was not reached]`;

const MAX_LISTED = 5;

function listed<T>(items: readonly T[], show: (t: T) => string): string {
    const shown = items.slice(0, MAX_LISTED).map(show);
    return items.length > MAX_LISTED ? `${shown.join("; ")}; and ${items.length - MAX_LISTED} more` : shown.join("; ");
}

class Locator {
    private readonly cache = new Map<string, Location>();
    constructor(private readonly settings: Settings) {}
    of(r: StackResource): Location {
        let l = this.cache.get(r.urn);
        if (!l) {
            try {
                l = locate(r, this.settings);
            } catch (e) {
                const how = `the pack failed to locate it (${e instanceof Error ? e.message : String(e)})`;
                l = { inRussia: "unknown", how, unknowns: [how] };
            }
            this.cache.set(r.urn, l);
        }
        return l;
    }
    endpoint(e: Endpoint): Location {
        if (e.kind === "resource") return this.of(e.resource);
        if (e.kind === "external") return e.location;
        return { inRussia: "unknown", how: e.how, unknowns: [e.how] };
    }
}

function endpointName(e: Endpoint): string {
    if (e.kind === "resource") return label(e.resource);
    if (e.kind === "external") return `${quote(e.label)} (not in this stack)`;
    return `a destination the pack cannot identify (${e.label})`;
}

type TagRead = { status: "absent" | "unknown" | "empty" | "present"; value?: string; where?: string };

/** A tag on a resource: its own tags, then tagsAll, then the provider's default tags. */
function readTag(r: StackResource, key: string): TagRead {
    const wanted = canonicalKey(key).text;
    for (const layer of tagLayers(r.props, r.provider?.props)) {
        const match = layer.tags.find((t) => t.canonicalKey === wanted);
        if (!match) {
            if (layer.unknownSources.length > 0) return { status: "unknown", where: layer.unknownSources.join(", ") };
            continue;
        }
        if (typeof match.value !== "string") return { status: "unknown", where: match.origin };
        if (match.value.trim() === "") return { status: "empty", where: match.origin };
        return { status: "present", value: match.value.trim(), where: match.origin };
    }
    return { status: "absent" };
}

interface Context {
    settings: Settings;
    index: StackIndex;
    classifier: Classifier;
    locator: Locator;
    holdings: Map<string, Holding>;
}

function describeHolding(ctx: Context, r: StackResource, h: Holding): string {
    if (h.own) return `${label(r)} (${describeClassification(ctx.classifier.of(r))})`;
    const origin = ctx.index.byUrn.get(h.from);
    const via = h.via ? ctx.index.byUrn.get(h.via) : undefined;
    // A source that is no resource of the stack is one the pack cannot identify: h.from is then its label.
    const originText = origin ? label(origin) : `a source the pack cannot identify (${h.from})`;
    // A store that copies itself (a bucket's inline replication) is its own flow resource: "from X through X" says nothing.
    const viaText = via && h.via !== h.from ? ` through ${label(via)}` : "";
    return h.status === "yes"
        ? `${label(r)}, which holds Russian citizens' personal data because it receives them from ${originText}${viaText}`
        : `${label(r)}, which may hold Russian citizens' personal data because it receives data from ${originText}${viaText}, whose classification is not known`;
}

/** What a flow's source holds: "yes", "unknown", or nothing to report. */
function sourceHolding(ctx: Context, from: Endpoint): { status: "yes" | "unknown"; text: string; resource?: StackResource } | undefined {
    if (from.kind === "external") return undefined; // a store outside the stack: its tags cannot be seen
    if (from.kind === "unknown") return { status: "unknown", text: `a source the pack cannot identify: ${from.how}` };
    const r = from.resource;
    if (holdsNoData(r)) return undefined;
    const h = ctx.holdings.get(r.urn);
    if (!h) return undefined;
    const text = `${describeHolding(ctx, r, h)}; found because ${from.how}`;
    if (h.status === "unknown" && h.own) {
        return { status: "unknown", text: `${text}; whether it holds Russian citizens' personal data cannot be decided: ${ctx.classifier.of(r).unknowns.join("; ")}`, resource: r };
    }
    return { status: h.status, text, resource: r };
}

/** The resource that carries a flow's transfer tags: the flow resource, or the source store when the flow resource cannot carry tags. */
export function transferTagCarrier(flow: StackResource, source: StackResource | undefined): StackResource {
    return UNTAGGABLE_FLOW_TYPES.has(flow.type) && source ? source : flow;
}

/** The evidence a declared transfer carries: the notification's identifier and filing date, as tagged. */
export interface TransferEvidence {
    carrier: StackResource;
    notification: TagRead;
    date: TagRead;
}

export function transferEvidence(flow: StackResource, source: StackResource | undefined): TransferEvidence {
    const carrier = transferTagCarrier(flow, source);
    return { carrier, notification: readTag(carrier, TRANSFER_TAG), date: readTag(carrier, TRANSFER_DATE_TAG) };
}

// Values that say a transfer is notified without identifying the notification. Roskomnadzor
// publishes no format for the identifier of a cross-border notification (it is filed through the
// form on the Personal Data Portal, pd.rkn.gov.ru; RKN news of 2023-02-10), so the pack cannot
// check it against one; it refuses what is certainly not an identifier (docs/flows.md).
const PLACEHOLDERS = new Set([
    "none",
    "no",
    "yes",
    "y",
    "n",
    "true",
    "false",
    "ok",
    "done",
    "filed",
    "notified",
    "sent",
    "submitted",
    "tbd",
    "tba",
    "tbc",
    "todo",
    "wip",
    "pending",
    "later",
    "soon",
    "unknown",
    "na",
    "n/a",
    "nil",
    "null",
    "undefined",
    "0",
    "-",
    "--",
    "?",
    "x",
    "xx",
    "xxx",
    "xxxx",
    "test",
    "dummy",
    "placeholder",
    "example",
    "sample",
    "id",
    "number",
    "identifier",
]);

/** Why a cross-border-transfer value is not a notification identifier, or undefined if it may be one. */
export function notificationIdProblem(value: string): string | undefined {
    const v = value.trim();
    const folded = v.toLowerCase();
    if (PLACEHOLDERS.has(folded) || PLACEHOLDERS.has(folded.replace(/[^a-z0-9/?-]/g, ""))) return "a placeholder, not the identifier of a notification";
    if (/^[<{[(].*[>}\])]$/.test(v) || /\$\{|\{\{|<[^>]*>/.test(v)) return "a template left unfilled, not the identifier of a notification";
    if (!/\d/.test(v)) return "not an identifier: it has no digit";
    const alnum = v.replace(/[^\p{L}\p{N}]/gu, "");
    if (alnum.length < 3) return "too short to identify a notification";
    if (/^(.)\1*$/u.test(alnum)) return `not an identifier: it repeats one character`;
    if (v.length > 100) return "longer than any identifier (100 characters)";
    return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date YYYY-MM-DD, as milliseconds at UTC midnight. */
function parseDay(text: string): number | undefined {
    const m = ISO_DATE.exec(text);
    if (!m) return undefined;
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return new Date(ms).toISOString().slice(0, 10) === text ? ms : undefined;
}

/** Under transfers: declared, the conditions this flow misses (empty: the transfer is allowed). */
function missingConditions(ctx: Context, f: Flow, source: StackResource | undefined, dest: Location): string[] {
    const missing: string[] = [];
    const evidence = transferEvidence(f.flow, source);
    const tagOn = evidence.carrier;
    const tagWhere = tagOn === f.flow ? label(f.flow) : `the source ${label(tagOn)} (${f.flow.type} cannot carry tags)`;
    const art12 = provision("152fz-12-3").cite;
    const tag = evidence.notification;
    if (tag.status === "absent")
        missing.push(
            `${tagWhere} has no tag ${quote(TRANSFER_TAG)} with the identifier of the cross-border notification to Roskomnadzor (${art12}; an operator-register number under ${provision("152fz-22").cite} is a different filing)`,
        );
    else if (tag.status === "unknown") missing.push(`the tag ${quote(TRANSFER_TAG)} on ${tagWhere} is not known yet (${tag.where})`);
    else if (tag.status === "empty") missing.push(`the tag ${quote(TRANSFER_TAG)} on ${tagWhere} is empty; its value must be the identifier of the cross-border notification (${art12})`);
    else {
        const problem = notificationIdProblem(tag.value ?? "");
        if (problem)
            missing.push(
                `the tag ${quote(TRANSFER_TAG)} on ${tagWhere} is ${quote(tag.value ?? "")}, ${problem}; its value must be the identifier Roskomnadzor's Personal Data Portal gives the filed cross-border notification (${art12})`,
            );
    }
    const today = ctx.settings.today ?? todayUtc();
    const date = evidence.date;
    let filed: number | undefined;
    if (date.status === "absent") missing.push(`${tagWhere} has no tag ${quote(TRANSFER_DATE_TAG)} with the date (YYYY-MM-DD) the cross-border notification was filed`);
    else if (date.status === "unknown") missing.push(`the tag ${quote(TRANSFER_DATE_TAG)} on ${tagWhere} is not known yet (${date.where})`);
    else if (date.status === "empty") missing.push(`the tag ${quote(TRANSFER_DATE_TAG)} on ${tagWhere} is empty; its value must be the date (YYYY-MM-DD) the cross-border notification was filed`);
    else {
        filed = parseDay(date.value ?? "");
        if (filed === undefined) missing.push(`the tag ${quote(TRANSFER_DATE_TAG)} on ${tagWhere} is ${quote(date.value ?? "")}, not a date (YYYY-MM-DD)`);
        else if (filed > (parseDay(today) ?? Date.now())) {
            missing.push(`the tag ${quote(TRANSFER_DATE_TAG)} on ${tagWhere} is ${quote(date.value ?? "")}, after today (${today}); the notification must be filed before the transfer starts`);
            filed = undefined;
        }
    }
    if (!source) missing.push("the source store cannot be identified, so the pack cannot show the primary store is in Russia");
    else {
        const loc = ctx.locator.of(source);
        if (loc.inRussia !== "yes") missing.push(`the source ${label(source)} is not shown to be in Russia (${loc.how}); a declared transfer must copy from a primary store in Russia`);
    }
    if (!dest.country) missing.push("the destination's country is not known, so its adequacy cannot be checked");
    else {
        const adequacy = adequacyOf(dest.country, ctx.settings.adequateCountries);
        if (!adequacy.adequate && !ctx.settings.allowNonAdequate) missing.push(`${adequacy.why}; a transfer to a country not shown to be adequate also needs allowNonAdequate: true`);
        else if (!adequacy.adequate && filed !== undefined) {
            const days = Math.floor(((parseDay(today) ?? Date.now()) - filed) / 86_400_000);
            if (days < REVIEW_CALENDAR_DAYS) {
                missing.push(
                    `the cross-border notification was filed on ${date.value}, ${days} calendar day${days === 1 ? "" : "s"} ago; a transfer to a country not shown to be adequate must wait out Roskomnadzor's review period (${provision("152fz-12-review").cite}: 10 working days), which the pack counts as ${REVIEW_CALENDAR_DAYS} calendar days (${LAW_FILE} reading-review-period)`,
                );
            }
        }
    }
    return missing;
}

interface Group {
    flow: StackResource;
    kind: string;
    to: Endpoint;
    location: Location;
    sources: { text: string; status: "yes" | "unknown"; missing: string[] }[];
    expired?: Exemption;
    /** Why the copy copies nothing now (a disabled rule), if it does not. */
    inactive?: string;
    /** Notes on exemptions refused because they match the whole stack or project. */
    refused: string[];
}

function fixFor(settings: Settings, location: Location, kind: string): string {
    if (location.inRussia === "unknown") {
        return "Make the destination known before deployment (a literal or stack config instead of another resource's output, or a destination in this stack), add it to destinationLocations / endpointCountries if you know where it is, or run with onUnknown: warn while you do.";
    }
    const declared =
        settings.transfers === "declared"
            ? "or meet the missing conditions above for a declared transfer;"
            : `or, if your lawyers allow a foreign copy of a primary database in Russia, switch to transfers: declared and tag the flow with ${TRANSFER_TAG} = <identifier of the cross-border notification> and ${TRANSFER_DATE_TAG} = <date it was filed, YYYY-MM-DD>;`;
    return [
        `Send the ${kind} to a destination in Russia, or remove it;`,
        declared,
        "or, while you migrate, add a time-limited exemption (resource, reason, expires) for this resource to this policy's exemptions.",
    ].join(" ");
}

/** What the cross-border policy made of one flow, in the order of the checks that decide it. */
export type FlowOutcome =
    /** Its source holds no Russian citizens' personal data, or is outside the stack where its tags cannot be seen. */
    | "no-personal-data"
    /** An active exemption covers the flow resource. */
    | "exempt"
    /** Its destination is in Russia. */
    | "stays-in-russia"
    /** Under transfers: declared, a transfer that meets every condition. */
    | "declared-transfer"
    /** Reported: a finding on the flow resource. */
    | "reported";

export interface AnalysedFlow {
    flow: Flow;
    /** Where the source is, when it is a resource of the stack; located with this policy's settings. */
    fromLocation?: Location;
    /** Where the destination is, located with this policy's settings. */
    toLocation: Location;
    outcome: FlowOutcome;
}

/**
 * The cross-border policy's whole analysis of a stack: the findings it reports, and the facts it
 * decided them on (every flow with where its ends are and what became of it, every holding). A
 * report reads these rather than working them out again, so it cannot disagree with the policy.
 */
export interface CrossBorderAnalysis {
    findings: StackFinding[];
    flows: AnalysedFlow[];
    holdings: ReadonlyMap<string, Holding>;
    index: StackIndex;
}

export function decideCrossBorder(input: StackInput, settings: Settings): StackFinding[] {
    return analyseCrossBorder(input, settings).findings;
}

export function analyseCrossBorder(input: StackInput, settings: Settings): CrossBorderAnalysis {
    const resources = input.stackTags ? input.resources.map((r) => (r.stackTags ? r : { ...r, stackTags: input.stackTags })) : input.resources;
    const index = new StackIndex(resources);
    const { flows, failures } = extractFlows(index, settings);
    const classifier = new Classifier(settings);
    const holdings = propagate(flows, classifier);
    const ctx: Context = { settings, index, classifier, locator: new Locator(settings), holdings };
    const analysed: AnalysedFlow[] = [];
    const active = settings.exemptions.filter((e) => !e.expired);
    const expired = settings.exemptions.filter((e) => e.expired);
    const findings: StackFinding[] = [];

    for (const { resource, error } of failures) {
        findings.push({
            urn: resource.urn,
            code: "RU152-XB-009",
            downgrade: false,
            message: `${label(resource)}: the policy could not read the data flows it creates (${error.slice(0, 200)}) and blocks rather than guess. Please report this as a bug.`,
        });
    }

    const groups = new Map<string, Group>();
    /** Under transfers: declared, destinations in the stack reached by an allowed declared transfer. */
    const declaredInto = new Set<string>();
    /** Destinations in the stack reached by a flow that is reported, with the flow resources. */
    const violatedInto = new Map<string, Set<string>>();
    for (const f of flows) {
        const location = ctx.locator.endpoint(f.to);
        const entry: AnalysedFlow = { flow: f, toLocation: location, outcome: "reported" };
        if (f.from.kind === "resource") entry.fromLocation = ctx.locator.of(f.from.resource);
        analysed.push(entry);
        const src = sourceHolding(ctx, f.from);
        if (!src) {
            entry.outcome = "no-personal-data";
            continue;
        }
        if (findExemption(active, f.flow.urn, f.flow.name, settings.allowBroadExemptions)) {
            entry.outcome = "exempt";
            continue;
        }
        if (location.inRussia === "yes") {
            entry.outcome = "stays-in-russia";
            continue;
        }
        let missing: string[] = [];
        if (settings.transfers === "declared") {
            missing = missingConditions(ctx, f, src.resource, location);
            if (missing.length === 0) {
                entry.outcome = "declared-transfer";
                if (f.to.kind === "resource" && !f.inactive) declaredInto.add(f.to.resource.urn);
                continue;
            }
        }
        const key = `${f.flow.urn}\u0000${f.kind}\u0000${endpointKey(f.to)}\u0000${f.inactive ? "inactive" : "active"}`;
        let g = groups.get(key);
        if (!g) {
            g = {
                flow: f.flow,
                kind: f.kind,
                to: f.to,
                location,
                inactive: f.inactive,
                sources: [],
                expired: findExemption(expired, f.flow.urn, f.flow.name, true),
                refused: refusedBroadExemptions(settings.exemptions, f.flow.urn, f.flow.name, settings.allowBroadExemptions),
            };
            groups.set(key, g);
        }
        g.sources.push({ text: src.text, status: src.status, missing });
        if (f.to.kind === "resource" && !f.inactive) {
            const set = violatedInto.get(f.to.resource.urn) ?? new Set<string>();
            set.add(f.flow.urn);
            violatedInto.set(f.to.resource.urn, set);
        }
    }

    for (const g of groups.values()) {
        const destUnknown = g.location.inRussia === "unknown";
        const allUnknownSources = g.sources.every((s) => s.status === "unknown");
        // quote(): the region can be any string from the resource (fuzzing found a 145 KB message).
        const where = g.location.country
            ? countryName(g.location.country)
            : g.location.region
              ? `region ${quote(g.location.region)}`
              : // Read only when the destination is known to be outside Russia (a flow that stays in Russia is never grouped).
                "a country outside Russia the pack cannot name";
        const what = allUnknownSources ? "data that may be Russian citizens' personal data" : "Russian citizens' personal data";
        const lines: string[] = [];
        if (g.inactive)
            lines.push(
                `${label(g.flow)} would send ${what} (${g.kind}) to ${endpointName(g.to)}${destUnknown ? ", whose location cannot be decided," : ` in ${where}`} if it were enabled: ${g.inactive}. Advisory: enabling it would be blocked.`,
            );
        else if (destUnknown) lines.push(`${label(g.flow)} sends ${what} (${g.kind}) to ${endpointName(g.to)}, and where that is cannot be decided.`);
        else lines.push(`${label(g.flow)} sends ${what} out of Russia (${g.kind}): to ${endpointName(g.to)} in ${where}.`);
        lines.push(`Source: ${listed(g.sources, (s) => s.text)}.`);
        lines.push(`Destination: ${endpointName(g.to)}${g.to.kind === "resource" ? `, found because ${g.to.how}` : ""}.`);
        lines.push(`Destination location: ${g.location.how}.`);
        if (settings.transfers === "declared") {
            const missing = [...new Set(g.sources.flatMap((s) => s.missing))];
            lines.push(`Not a declared transfer (transfers: declared): ${missing.join("; ")}.`);
        } else {
            lines.push("Transfers: forbid (the default): no copy of Russian citizens' personal data may leave Russia.");
        }
        lines.push(...expiredNote(g.expired));
        lines.push(...g.refused);
        lines.push(`Rule: ${CROSS_BORDER_RULE}`);
        lines.push(`Reading: ${COPY_READING}`);
        lines.push(`Cross-border transfer: ${TRANSFER_RULE}`);
        lines.push(`Fix: ${fixFor(settings, g.location, g.kind)}`);
        const code: FindingCode = g.inactive ? "RU152-XB-004" : destUnknown ? "RU152-XB-002" : allUnknownSources ? "RU152-XB-003" : settings.transfers === "declared" ? "RU152-XB-005" : "RU152-XB-001";
        findings.push({ urn: g.flow.urn, code, message: lines.join("\n"), downgrade: destUnknown || allUnknownSources, ...(g.inactive ? { advisory: true } : {}) });
    }

    // A store that holds Russian citizens' personal data only because a reported flow brings them is
    // itself a localization problem; the localization policy, which sees one resource at a time,
    // cannot know, so it is reported here (unless the flow resource is the store itself, already reported).
    const reported = new Set(findings.map((f) => f.urn));
    for (const [urn, flowUrns] of violatedInto) {
        if (reported.has(urn)) continue;
        const r = index.byUrn.get(urn);
        const h = holdings.get(urn);
        if (!r || !h || h.own || holdsNoData(r)) continue;
        if (classifier.of(r).russianPersonalData === "yes") continue; // the localization policy reports it
        if (findExemption(active, r.urn, r.name, settings.allowBroadExemptions)) continue;
        // The flow's destination, located by the same locator: not in Russia, or the flow would not be reported.
        const location = ctx.locator.of(r);
        const flowsText = listed(
            [...flowUrns].map((u) => index.byUrn.get(u)).filter((x): x is StackResource => x !== undefined),
            label,
        );
        const lines = [
            location.inRussia === "unknown" ? `${describeHolding(ctx, r, h)}; where it is cannot be decided.` : `${describeHolding(ctx, r, h)}, is not in Russia.`,
            `Classification: from the data flow (${flowsText}), whatever the store's own tags say; the localization policy sees one resource at a time and cannot see this.`,
            `Location: ${location.how}.`,
            ...expiredNote(findExemption(expired, r.urn, r.name, true)),
            ...refusedBroadExemptions(settings.exemptions, r.urn, r.name, settings.allowBroadExemptions),
            `Rule: ${LOCALIZATION_RULE}`,
            `Reading: ${COPY_READING}`,
            "Fix: stop the flow into it (see the finding on the flow resource), or move the store to Russia.",
        ];
        findings.push({
            urn: r.urn,
            code: location.inRussia === "unknown" ? "RU152-XB-007" : "RU152-XB-006",
            message: lines.join("\n"),
            downgrade: h.status === "unknown" || location.inRussia === "unknown",
        });
    }

    // Under transfers: declared the localization policy leaves every store known to be abroad to
    // this policy (decideLocalization): such a store is lawful only as the destination of an
    // allowed declared transfer, and nothing that is not allowed may flow into it. The verdict is
    // the same whether the store is tagged honestly or carries no tags at all.
    if (settings.transfers === "declared") {
        const done = new Set(findings.map((f) => f.urn));
        for (const r of resources) {
            if (done.has(r.urn)) continue;
            const f = localizationFinding(r, settings);
            if (!f || !f.knownAbroad) continue;
            if (declaredInto.has(r.urn) && !violatedInto.has(r.urn)) continue;
            const why = violatedInto.has(r.urn)
                ? "a flow into it that is not an allowed declared transfer is reported on its flow resource"
                : "no allowed declared transfer from a store in Russia reaches it, so it is a database outside Russia of its own";
            findings.push({
                urn: r.urn,
                code: "RU152-XB-008",
                downgrade: f.downgrade,
                message: `${f.message}\nTransfers: declared: a store outside Russia that holds Russian citizens' personal data is allowed only as the destination of a declared transfer from a primary store in Russia; ${why}.`,
            });
        }
    }
    return { findings, flows: analysed, holdings, index };
}
