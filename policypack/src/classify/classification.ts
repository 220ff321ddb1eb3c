// Classify a resource: which categories of user data it holds and whose, from its tags.
import { countryCode, RUSSIA } from "../countries";
import { quote } from "../values";
import { tagLayers, FoundTag, TagLayer } from "./tag-sources";
import { canonicalKey, describeLookalikes, tokens } from "./text";

export type Tri = "yes" | "no" | "unknown";

/** 152-FZ categories; every one of them is personal data. */
export const PERSONAL_CATEGORIES: ReadonlySet<string> = new Set(["personal", "special", "biometric", "public", "depersonalized"]);
export const NON_PERSONAL_CATEGORIES: ReadonlySet<string> = new Set(["anonymous", "none"]);
const ALL_SUBJECTS: ReadonlySet<string> = new Set(["*", "all", "any", "global"]);

export interface ClassificationSettings {
    categoriesTagKey: string;
    subjectsTagKey: string;
    /** Subjects assumed when neither the resource nor the stack declares them. */
    defaultSubjects: readonly string[];
}

export const DEFAULT_CLASSIFICATION_SETTINGS: ClassificationSettings = {
    categoriesTagKey: "user-data",
    subjectsTagKey: "data-subjects",
    defaultSubjects: ["*"],
};

export interface Classification {
    /** Whether a categories tag was found at all (even one whose value is unknown). */
    tagged: boolean;
    personal: Tri;
    /** Recognised category tokens, e.g. ["personal", "biometric"]. */
    categories: string[];
    unrecognisedCategories: string[];
    /** e.g. `tag "user-data" in tags` */
    categoriesFrom?: string;
    /** ISO alpha-2 codes, or "*" for every country. */
    subjects: string[];
    unrecognisedSubjects: string[];
    subjectsFrom: string;
    russianSubjects: Tri;
    /** Personal data whose subjects include Russians: what Art. 18(5) is about. */
    russianPersonalData: Tri;
    /** What is not known yet (preview) or cannot be read, in words. */
    unknowns: string[];
    /** Tag keys or values that only match after look-alike characters were read as ASCII. */
    lookalikes: string[];
}

interface Found {
    status: "present" | "unknown" | "absent";
    values: string[];
    from?: string;
    unknowns: string[];
    lookalikes: string[];
}

/** Find a tag across the layers: the highest layer that has it wins, as AWS merges default tags. */
function findTag(layers: readonly TagLayer[], keyText: string, keyLabel: string): Found {
    const wanted = canonicalKey(keyText).text;
    const unknowns: string[] = [];
    const lookalikes: string[] = [];
    for (const layer of layers) {
        const matches: FoundTag[] = layer.tags.filter((t) => t.canonicalKey === wanted);
        // A source we cannot see may hold this tag and override anything below it.
        for (const s of layer.unknownSources) unknowns.push(`${s} is not known yet`);
        for (const s of layer.unreadableSources) unknowns.push(`${s} cannot be read`);
        for (const m of matches) {
            if (m.keyLookalikes.length > 0) lookalikes.push(describeLookalikes("Tag key", m.key, m.keyLookalikes));
        }
        if (matches.length === 0) continue;
        const values: string[] = [];
        let unknownValue = false;
        for (const m of matches) {
            if (typeof m.value === "string") values.push(m.value);
            else {
                unknownValue = true;
                unknowns.push(`the value of tag ${quote(m.key)} in ${m.origin} is not known yet`);
            }
        }
        const origins = [...new Set(matches.map((m) => m.origin))].join(" and ");
        const from = `tag ${quote(keyLabel)} in ${origins}`;
        const status = unknownValue || unknowns.length > 0 ? "unknown" : "present";
        return { status, values, from, unknowns, lookalikes };
    }
    return { status: unknowns.length > 0 ? "unknown" : "absent", values: [], unknowns, lookalikes };
}

function tokensOf(values: readonly string[], label: string, lookalikes: string[]): string[] {
    const out: string[] = [];
    for (const v of values) {
        const t = tokens(v);
        if (t.lookalikes.length > 0) lookalikes.push(describeLookalikes(`The value of tag ${quote(label)}`, v, t.lookalikes));
        out.push(...t.tokens);
    }
    return out;
}

interface Subjects {
    subjects: string[];
    unrecognised: string[];
    russian: boolean;
}

/** Read subject tokens; anything unrecognised or empty is read as "may include Russians". */
export function readSubjects(subjectTokens: readonly string[]): Subjects {
    const subjects = new Set<string>();
    const unrecognised: string[] = [];
    for (const token of subjectTokens) {
        if (ALL_SUBJECTS.has(token)) subjects.add("*");
        else {
            const code = countryCode(token);
            if (code) subjects.add(code);
            else unrecognised.push(token);
        }
    }
    const russian = subjects.has("*") || subjects.has(RUSSIA) || unrecognised.length > 0 || subjectTokens.length === 0;
    return { subjects: [...subjects], unrecognised, russian };
}

export interface ClassifyInput {
    props: unknown;
    providerProps?: unknown;
    stackTags?: ReadonlyMap<string, string>;
}

export function classify(input: ClassifyInput, settings: ClassificationSettings): Classification {
    const layers = tagLayers(input.props, input.providerProps);
    const lookalikes: string[] = [];
    const unknowns: string[] = [];

    const cat = findTag(layers, settings.categoriesTagKey, settings.categoriesTagKey);
    lookalikes.push(...cat.lookalikes);
    const categoryTokens = tokensOf(cat.values, settings.categoriesTagKey, lookalikes);
    const categories = categoryTokens.filter((t) => PERSONAL_CATEGORIES.has(t) || NON_PERSONAL_CATEGORIES.has(t));
    const unrecognisedCategories = categoryTokens.filter((t) => !PERSONAL_CATEGORIES.has(t) && !NON_PERSONAL_CATEGORIES.has(t));
    const tagged = cat.from !== undefined;

    let personal: Tri;
    if (categories.some((t) => PERSONAL_CATEGORIES.has(t)) || unrecognisedCategories.length > 0) personal = "yes";
    else if (cat.status === "present" && categoryTokens.length === 0) personal = "yes"; // an empty tag: fail closed
    else if (cat.status === "unknown") personal = "unknown";
    else personal = "no";
    // A personal token in a known value is personal whatever the unknown parts hold; only a
    // verdict of "not personal" can be overturned by what preview cannot see.
    if (cat.status === "unknown" && personal !== "yes") unknowns.push(...cat.unknowns);

    // Subjects: the resource's tag, then the stack's tag, then the configured default.
    const subj = findTag(layers, settings.subjectsTagKey, settings.subjectsTagKey);
    lookalikes.push(...subj.lookalikes);
    let subjectTokens: string[];
    let subjectsFrom: string;
    let subjectsUnknown = false;
    if (subj.status !== "absent" && subj.from !== undefined) {
        subjectTokens = tokensOf(subj.values, settings.subjectsTagKey, lookalikes);
        subjectsFrom = subj.from;
        subjectsUnknown = subj.status === "unknown";
    } else {
        const stackTag = findStackTag(input.stackTags, settings.subjectsTagKey);
        if (stackTag !== undefined) {
            subjectTokens = tokensOf([stackTag.value], settings.subjectsTagKey, lookalikes);
            subjectsFrom = `stack tag ${quote(stackTag.key)}`;
        } else {
            subjectTokens = settings.defaultSubjects.flatMap((s) => tokens(s).tokens);
            subjectsFrom = "the pack's default (defaultSubjects)";
        }
        subjectsUnknown = subj.status === "unknown";
    }
    const subjects = readSubjects(subjectTokens);
    let russianSubjects: Tri = subjects.russian ? "yes" : "no";
    // An unknown value is not an empty one: say it is unknown (and why) rather than read it as
    // every country; onUnknown then decides.
    const onlyUnknown = subjectsUnknown && subjectTokens.length === 0;
    if ((russianSubjects === "no" || onlyUnknown) && subjectsUnknown) {
        russianSubjects = "unknown";
        unknowns.push(...subj.unknowns);
    }

    let russianPersonalData: Tri;
    if (personal === "no" || russianSubjects === "no") russianPersonalData = "no";
    else if (personal === "yes" && russianSubjects === "yes") russianPersonalData = "yes";
    else russianPersonalData = "unknown";

    return {
        tagged,
        personal,
        categories,
        unrecognisedCategories,
        categoriesFrom: cat.from,
        subjects: subjects.subjects,
        unrecognisedSubjects: subjects.unrecognised,
        subjectsFrom,
        russianSubjects,
        russianPersonalData,
        unknowns: [...new Set(unknowns)],
        lookalikes,
    };
}

function findStackTag(stackTags: ReadonlyMap<string, string> | undefined, key: string): { key: string; value: string } | undefined {
    if (!stackTags) return undefined;
    const wanted = canonicalKey(key).text;
    try {
        for (const [k, v] of stackTags) {
            if (typeof k === "string" && typeof v === "string" && canonicalKey(k).text === wanted) return { key: k, value: v };
        }
    } catch {
        return undefined;
    }
    return undefined;
}

/** "personal, biometric" with any unrecognised tokens quoted after them. */
export function describeCategories(c: Classification): string {
    const parts = [...c.categories, ...c.unrecognisedCategories.map((t) => `${quote(t)} (not a known category, read as personal data)`)];
    return parts.length > 0 ? parts.join(", ") : "an empty value (read as personal data)";
}

export function describeSubjects(c: Classification): string {
    const parts = [
        ...c.subjects.map((s) => (s === "*" ? "every country" : s)),
        ...c.unrecognisedSubjects.map((t) => `${quote(t)} (not an ISO 3166-1 code, read as possibly Russia)`),
    ];
    return parts.length > 0 ? parts.join(", ") : "an empty value (read as every country)";
}
