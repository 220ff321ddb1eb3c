// Decide ru-personal-data-localization for one resource: classify, locate, apply exemptions.
import { classify, Classification, describeCategories, describeSubjects } from "../classify/classification";
import { endpointEntries } from "../locate/catalogue";
import { knownNoData, memberOf, storageService } from "../classify/storage";
import { FLOW_EXTRACTORS } from "../flows/flows";
import { locate, Location, packageOf, ResourceView } from "../locate";
import { BoundedCache, registerMemo } from "../bounded-cache";
import { ruleSentence } from "../law";
import { label } from "../values";
import type { Settings } from "./config";
import { expiredNote, findExemption, refusedBroadExemptions } from "./exemptions";
import type { FindingCode } from "./finding-codes";

export interface ResourceInput extends ResourceView {
    stackTags?: ReadonlyMap<string, string>;
}

/** A violation to report. `downgrade` marks one that onUnknown: warn turns advisory. */
export interface Finding {
    /** Its kind (policypack/src/decide/finding-codes.ts); the reported message ends with it. */
    code: FindingCode;
    message: string;
    downgrade: boolean;
    /** Always advisory, whatever onUnknown says (a copy that is switched off). */
    advisory?: boolean;
}

/** The rule as the law file states it (policypack/data/law.json 152fz-18-5), with its review date. */
export const LOCALIZATION_RULE = ruleSentence("152fz-18-5");

/** The policy that decides copies abroad, and stores abroad under transfers: declared. */
const CROSS_BORDER_POLICY = "ru-personal-data-cross-border-transfer";

/**
 * Resources that hold no data of their own: the engine's providers and stack, components, and
 * types known to hold none (networking, identity and access, policies, DNS, monitoring
 * configuration: data/no-data-types.json), so that a provider's defaultTags, which classify every
 * resource, produce findings only on resources that hold data.
 */
export function holdsNoData(r: ResourceView): boolean {
    return r.type.startsWith("pulumi:") || r.provider === undefined || noDataType(r.type) !== undefined;
}

/** Why a type holds no data, or undefined. A storage type, a member of a store or a type that creates a data flow never counts as holding none. */
export function noDataType(type: string): string | undefined {
    const why = knownNoData(type);
    if (why === undefined) return undefined;
    if (storageService(type) !== undefined || memberOf(type) !== undefined || Object.prototype.hasOwnProperty.call(FLOW_EXTRACTORS, type)) return undefined;
    return why;
}

/** The line that says why a type neither known as storage nor known to hold no data is judged anyway. */
function holdsDataNote(type: string): string[] {
    if (storageService(type) !== undefined || memberOf(type) !== undefined) return [];
    return [
        `Holds data: ${type} is neither a storage type the pack knows nor a type it knows to hold no data (policypack/data/no-data-types.json), so the pack treats it as possibly holding data and judges it (fail closed). If it holds none, remove the classification from it, or propose the type for no-data-types.json.`,
    ];
}

export { label };

export function describeClassification(c: Classification): string {
    // Classifications are shared and frozen (classify caches them), so their words are too.
    let text = descriptions.get(c);
    if (text === undefined) {
        // No tag found: none declared, or none readable yet (tags not known in a preview).
        const cats = c.categoriesFrom ? `${describeCategories(c)} (${c.categoriesFrom})` : c.personal === "unknown" ? "not known yet" : "not declared";
        text = `user data ${cats}; data subjects' citizenship ${describeSubjects(c)} (${c.subjectsFrom})`;
        descriptions.set(c, text);
    }
    return text;
}
let descriptions = new WeakMap<Classification, string>();
registerMemo(() => (descriptions = new WeakMap()));

/** A Russian endpoint from the catalogue for the resource's API, as a concrete suggestion. */
export function russianEndpointHint(type: string): string | undefined {
    return hintCache.get(type, computeHint);
}
const hintCache = new BoundedCache<string, string | undefined>(1000);

function computeHint(type: string): string | undefined {
    if (packageOf(type) !== "aws") return undefined;
    const module = /^aws:([^/]+)/.exec(type)?.[1] ?? "";
    const family = module === "kinesis" && type.includes("firehose") ? "firehose" : module;
    const entry = endpointEntries().find((e) => e.apiFamily === family && e.country === "RU" && e.status === "verified");
    if (!entry) return undefined;
    return `for example a provider with endpoints [{ ${family}: "https://${entry.host}" }] (${entry.operator} ${entry.service})`;
}

function fixFor(r: ResourceView, location: Location): string {
    if (location.inRussia === "unknown") {
        return "Make the value known before deployment (a literal or stack config instead of another resource's output), add the endpoint or provider to endpointCountries / providerLocations if you know where it is, or run with onUnknown: warn while you do.";
    }
    const hint = russianEndpointHint(r.type);
    return [
        `Move the resource to a location in Russia${hint ? `, ${hint}` : ""};`,
        "or, if it holds no personal data of Russian citizens (wherever they live), say so with the data-subjects tag, which lists the data subjects' citizenships;",
        "or, while you migrate, add a time-limited exemption (resource, reason, expires) to this policy's exemptions in the policy pack config.",
    ].join(" ");
}

/**
 * The localization policy's decision. Under transfers: declared, a store known to be outside
 * Russia that holds Russian citizens' personal data may be the lawful destination of a declared
 * cross-border transfer (the reading a lawyer takes by choosing declared), which only the
 * cross-border policy, seeing the whole stack, can establish: so it decides those stores, once,
 * whether they are tagged or not (honest tags are never worse than none). Each policy sees only
 * its own config, so if the cross-border policy is left at transfers: forbid nobody would block
 * such a store: an advisory says so on every store left to it, in preview as in the reports.
 */
export function decideLocalization(r: ResourceInput, settings: Settings): Finding | undefined {
    const finding = localizationFinding(r, settings);
    if (finding && settings.transfers === "declared" && finding.knownAbroad) return leftToCrossBorder(finding);
    return finding;
}

function leftToCrossBorder(finding: Finding): Finding {
    const lines = finding.message.split("\n");
    const keep = lines.filter((l) => l.startsWith("Found:") || l.startsWith("Location:"));
    return {
        code: "RU152-LOC-005",
        message: [
            `${lines[0]!} Under transfers: declared this policy leaves it to ${CROSS_BORDER_POLICY}, which allows it only as the destination of a declared transfer from a store in Russia and blocks it otherwise.`,
            ...keep,
            `Rule: ${LOCALIZATION_RULE}`,
            `Fix: nothing, if ${CROSS_BORDER_POLICY} is also configured with transfers: declared; each policy sees only its own config, so if that policy is left at transfers: forbid, no policy blocks this store: set transfers to the same value on both policies (ru-residency warns when they differ).`,
        ].join("\n"),
        downgrade: false,
        advisory: true,
    };
}

/** The localization verdict on its own, whatever transfers says; knownAbroad marks a store known to be outside Russia. */
export function localizationFinding(r: ResourceInput, settings: Settings): (Finding & { knownAbroad: boolean }) | undefined {
    if (holdsNoData(r)) return undefined;
    const classification = classify({ type: r.type, props: r.props, providerProps: r.provider?.props, stackTags: r.stackTags }, settings);
    if (classification.russianPersonalData === "no") return undefined;

    const exemptions = settings.exemptions;
    const allowBroad = settings.allowBroadExemptions;
    if (
        findExemption(
            exemptions.filter((e) => !e.expired),
            r.urn,
            r.name,
            allowBroad,
        )
    )
        return undefined;
    const expired = findExemption(
        exemptions.filter((e) => e.expired),
        r.urn,
        r.name,
        true,
    );
    const refused = refusedBroadExemptions(exemptions, r.urn, r.name, allowBroad);

    const location = locate(r, settings);
    if (location.inRussia === "yes") return undefined;

    const lines: string[] = [];
    const unknownClass = classification.russianPersonalData === "unknown";
    const unknownPlace = location.inRussia === "unknown";
    const code: FindingCode = unknownClass ? (unknownPlace ? "RU152-LOC-004" : "RU152-LOC-002") : unknownPlace ? "RU152-LOC-003" : "RU152-LOC-001";
    if (!unknownClass && !unknownPlace) {
        lines.push(`${label(r)} holds personal data of Russian citizens but is not in Russia.`);
    } else if (unknownClass && !unknownPlace) {
        lines.push(`${label(r)} is not in Russia, and whether it holds Russian citizens' personal data cannot be decided: ${classification.unknowns.join("; ")}.`);
    } else if (!unknownClass && unknownPlace) {
        lines.push(`${label(r)} holds personal data of Russian citizens, and where it is cannot be decided.`);
    } else {
        lines.push(`${label(r)} may hold Russian citizens' personal data (${classification.unknowns.join("; ")}) and where it is cannot be decided.`);
    }
    lines.push(`Found: ${describeClassification(classification)}.`);
    lines.push(`Location: ${location.how}.`);
    lines.push(...holdsDataNote(r.type));
    for (const l of classification.lookalikes) lines.push(`Note: ${l}.`);
    lines.push(...expiredNote(expired));
    lines.push(...refused);
    lines.push(`Rule: ${LOCALIZATION_RULE}`);
    lines.push(`Fix: ${fixFor(r, location)}`);
    // Only a violation that rests on something unknown may be softened by onUnknown: warn; a
    // resource known to hold Russian personal data and known to be abroad never is.
    return { code, message: lines.join("\n"), downgrade: unknownClass || unknownPlace, knownAbroad: !unknownPlace };
}
