// Decide user-data-classification for one resource: storage must say what user data it holds,
// and what a tag says must be readable.
import { classify, MAX_SHOWN_TAG_VALUE, quoteList } from "../classify/classification";
import { memberOf, storageService } from "../classify/storage";
import { quote } from "../values";
import type { Settings } from "./config";
import { Finding, holdsNoData, label, ResourceInput } from "./localization";

export const CATEGORY_TOKENS_HELP = "personal, special, biometric, public, depersonalized (all personal data), or anonymous, none";

export function decideClassification(r: ResourceInput, settings: Settings): Finding[] {
    if (holdsNoData(r)) return [];
    // A member of a store (an object in its bucket) inherits the store's classification: it is not
    // asked for a tag of its own, and the provider's default tags and the stack tag, which every
    // member shares with its store, are reported once, on the store. Only the member's own tags
    // are its business here. (A 300-file site in a tagged bucket: 2 findings, not 302.)
    const member = memberOf(r.type) !== undefined;
    const c = member
        ? classify({ type: r.type, props: r.props, providerProps: undefined, stackTags: undefined }, settings)
        : classify({ type: r.type, props: r.props, providerProps: r.provider?.props, stackTags: r.stackTags }, settings);
    const findings: Finding[] = [];
    const service = storageService(r.type);
    const key = settings.categoriesTagKey;
    if (service && !member && !c.tagged && c.personal === "no") {
        findings.push({
            code: "RU152-CLS-001",
            message: [
                `${label(r)} is ${service} storage and has no ${quote(key)} tag, so nobody has said whether it holds user data.`,
                `Fix: add the tag ${quote(key)} with the categories it holds (${CATEGORY_TOKENS_HELP}); for data about people also add ${quote(settings.subjectsTagKey)} with their citizenships (ISO 3166-1 codes, RU for citizens of Russia wherever they live, or * for all). A provider's defaultTags count too.`,
            ].join("\n"),
            downgrade: false,
        });
    }
    if (c.unrecognisedCategories.length > 0) {
        findings.push({
            code: "RU152-CLS-002",
            message: [
                `${label(r)}: the ${quote(key)} tag (${c.categoriesFrom ?? "tags"}) has ${quoteList(c.unrecognisedCategories)}, which ${c.unrecognisedCategories.length === 1 ? "is not a category" : "are not categories"} the pack knows, so it is read as personal data.`,
                `Fix: use only ${CATEGORY_TOKENS_HELP}.`,
            ].join("\n"),
            downgrade: false,
        });
    }
    if (c.categoriesFrom && c.categories.length === 0 && c.unrecognisedCategories.length === 0 && c.ambiguousCategories.length === 0 && c.hiddenCategories === 0 && c.personal === "yes") {
        findings.push({
            code: "RU152-CLS-003",
            message: `${label(r)}: the ${quote(key)} tag (${c.categoriesFrom}) is empty, so it is read as personal data.\nFix: list the categories it holds (${CATEGORY_TOKENS_HELP}).`,
            downgrade: false,
        });
    }
    if (c.unrecognisedSubjects.length > 0) {
        findings.push({
            code: "RU152-CLS-004",
            message: [
                `${label(r)}: the subjects (${c.subjectsFrom}) include ${quoteList(c.unrecognisedSubjects)}, which ${c.unrecognisedSubjects.length === 1 ? "is not an ISO 3166-1 country code" : "are not ISO 3166-1 country codes"}, so they are read as possibly including Russia.`,
                "Fix: use ISO 3166-1 alpha-2 or alpha-3 codes (RU, KZ, DEU) separated by commas, spaces or underscores, or * for every country.",
            ].join("\n"),
            downgrade: false,
        });
    }
    // Words in tag values too long to quote (long tag values never appear in a message).
    if (c.hiddenCategories > 0 || c.hiddenSubjects > 0) {
        const which = [c.hiddenCategories > 0 ? `the ${quote(key)} tag (${c.categoriesFrom ?? "tags"})` : "", c.hiddenSubjects > 0 ? `the subjects (${c.subjectsFrom})` : ""]
            .filter(Boolean)
            .join(" and ");
        findings.push({
            code: "RU152-CLS-005",
            message: `${label(r)}: ${which} ${c.hiddenCategories > 0 && c.hiddenSubjects > 0 ? "have" : "has"} a value longer than ${MAX_SHOWN_TAG_VALUE} characters with words the pack does not know, so it is read as personal data of possibly Russian citizens. The value is not shown.\nFix: shorten the tag to the category words and country codes.`,
            downgrade: false,
        });
    }
    for (const l of c.lookalikes) {
        findings.push({ code: "RU152-CLS-006", message: `${label(r)}: ${l}.\nFix: retype the tag in plain ASCII.`, downgrade: false });
    }
    return findings;
}
