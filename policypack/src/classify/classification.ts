// Classify a resource: which categories of user data it holds and whose, from its tags.
import { registerMemo } from "../bounded-cache";
import { countryCode, RUSSIA } from "../countries";
import { MAX_QUOTED_LENGTH, quote } from "../values";
import { tagLayers, FoundTag, TagLayer } from "./tag-sources";
import { canonicalKey, describeLookalikes, nearKeyMatch, tokens } from "./text";

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
    /** Whose tags gave the categories: the resource's (its tags, tagsAll or its parts') or its provider's default tags. */
    categoriesSource?: TagSource;
    /** ISO alpha-2 codes, or "*" for every country. */
    subjects: string[];
    unrecognisedSubjects: string[];
    subjectsFrom: string;
    /** What gave the subjects: a tag (as for categories), the stack tag, or the pack's default (defaultSubjects). */
    subjectsSource: TagSource | "stack tag" | "default";
    russianSubjects: Tri;
    /** Personal data whose subjects include Russians: what Art. 18(5) is about. */
    russianPersonalData: Tri;
    /** What is not known yet (preview) or cannot be read, in words. */
    unknowns: string[];
    /** Tag keys or values that only match after look-alike characters were read as ASCII. */
    lookalikes: string[];
    /**
     * Category or subject words spelled with look-alike characters that would otherwise make
     * the verdict less strict ("nоne" with a Cyrillic о, "РУ" in Cyrillic, which folds to PY,
     * Paraguay): read as unrecognised, so as personal data / possibly Russia.
     */
    ambiguousCategories: string[];
    ambiguousSubjects: string[];
    /**
     * Unrecognised words in tag values longer than MAX_SHOWN_TAG_VALUE: they count as
     * unrecognised, but are never quoted (a long tag value may hold anything).
     */
    hiddenCategories: number;
    hiddenSubjects: number;
}

/**
 * Tag values longer than this are never quoted in a message, not even in part: a tag value can
 * hold anything, including what must not end up in CI logs.
 */
export const MAX_SHOWN_TAG_VALUE = MAX_QUOTED_LENGTH;
/** At most this many look-alike notes per resource; thousands of tags must not make thousands of lines. */
const MAX_LOOKALIKE_NOTES = 5;

/** Whose tags a classification was read from. */
export type TagSource = "resource" | "provider";

interface Found {
    status: "present" | "unknown" | "absent";
    values: string[];
    from?: string;
    source?: TagSource;
    unknowns: string[];
    lookalikes: string[];
}

/** Find a tag across the layers: the highest layer that has it wins, as AWS merges default tags. */
function findTag(layers: readonly TagLayer[], keyText: string, keyLabel: string): Found {
    const wanted = canonicalKey(keyText).text;
    const unknowns: string[] = [];
    const lookalikes: string[] = [];
    // Values of additive layers (tags on parts of the resource) join whatever layer decides.
    const added: string[] = [];
    const addedOrigins: string[] = [];
    let addedUnknown = false;
    for (const layer of layers) {
        const matches: FoundTag[] = [];
        for (const t of layer.tags) {
            if (t.canonicalKey === wanted) {
                matches.push(t);
                continue;
            }
            // A near miss made only of non-ASCII characters is the key in disguise (see nearKeyMatch).
            const near = t.asciiKey ? undefined : nearKeyMatch(t.canonicalKey, wanted);
            if (near) matches.push({ ...t, keyLookalikes: [...t.keyLookalikes, ...near] });
        }
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
        if (layer.additive) {
            added.push(...values);
            addedOrigins.push(...matches.map((m) => m.origin));
            addedUnknown ||= unknownValue;
            continue;
        }
        const origins = [...new Set([...matches.map((m) => m.origin), ...addedOrigins])].join(" and ");
        const from = `tag ${quote(keyLabel)} in ${origins}`;
        const status = unknownValue || addedUnknown || unknowns.length > 0 ? "unknown" : "present";
        return { status, values: [...values, ...added], from, source: layer.name === "provider" ? "provider" : "resource", unknowns, lookalikes };
    }
    if (addedOrigins.length > 0) {
        const from = `tag ${quote(keyLabel)} in ${[...new Set(addedOrigins)].join(" and ")}`;
        return { status: addedUnknown || unknowns.length > 0 ? "unknown" : "present", values: added, from, source: "resource", unknowns, lookalikes };
    }
    return { status: unknowns.length > 0 ? "unknown" : "absent", values: [], unknowns, lookalikes };
}

interface ValueTokens {
    tokens: string[];
    /** Tokens that only read as what they are after look-alike characters were folded. */
    tainted: Set<string>;
    /** Tokens of values too long to show. */
    hidden: Set<string>;
}

function tokensOf(values: readonly string[], label: string, lookalikes: string[]): ValueTokens {
    const out: ValueTokens = { tokens: [], tainted: new Set(), hidden: new Set() };
    for (const v of values) {
        const t = tokens(v);
        const long = v.length > MAX_SHOWN_TAG_VALUE;
        if (t.lookalikes.length > 0) {
            lookalikes.push(describeLookalikes(`The value of tag ${quote(label)}`, v, t.lookalikes, long));
            // The words as written, without folding: a folded word not among them was disguised.
            const plain = new Set(v.toLowerCase().split(/[^\p{L}\p{N}*]+/u));
            for (const token of t.tokens) if (!plain.has(token)) out.tainted.add(token);
        }
        if (long) for (const token of t.tokens) out.hidden.add(token);
        out.tokens.push(...t.tokens);
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
    /** The resource type: its tags on parts (an instance's volumeTags) are read from the type index. */
    type?: string;
    props: unknown;
    providerProps?: unknown;
    stackTags?: ReadonlyMap<string, string>;
}

/**
 * Classify a resource from its tags. The result depends only on the tags that carry (or may be
 * disguising) the categories or subjects key, where each was found, which sources were unknown or
 * unreadable, the stack's subjects tag and the settings. A stack repeats a handful of such tag
 * sets across thousands of resources, each read by two policies, so each distinct set is
 * classified once; other tags (a per-resource "Name") do not split the cache. The result is
 * shared and frozen: callers must not change it.
 */
export function classify(input: ClassifyInput, settings: ClassificationSettings): Classification {
    const layers = tagLayers(input.props, input.providerProps, input.type);
    const stackTag = findStackTag(input.stackTags, settings.subjectsTagKey);
    const node = cacheNode(layers, stackTag, settingsKeys(settings));
    if (node === undefined) return classifyLayers(layers, stackTag, settings);
    if (node.result === undefined) node.result = freezeClassification(classifyLayers(layers, stackTag, settings));
    return node.result;
}

/**
 * The cache is a trie over what classifyLayers reads, one step per part: the settings, the
 * stack's subjects tag, then for each layer its candidate tags (key, value, where) and its unknown
 * and unreadable sources. Parts are whole strings and markers are symbols, so no tag, whatever
 * characters it holds, can make two different inputs take the same path; and no key string is
 * built per resource (hashing one took a tenth of the in-process time).
 */
interface TrieNode {
    next: Map<unknown, TrieNode>;
    result?: Classification;
}
const LAYER = Symbol("layer");
const ADDITIVE_LAYER = Symbol("additive layer");
const TAG = Symbol("tag");
const UNKNOWN_VALUE = Symbol("unknown value");
const UNKNOWN_SOURCE = Symbol("unknown source");
const UNREADABLE_SOURCE = Symbol("unreadable source");
const NO_STACK_TAG = Symbol("no stack tag");
let trieRoot: TrieNode = { next: new Map() };
let trieNodes = 0;
registerMemo(() => {
    trieRoot = { next: new Map() };
    trieNodes = 0;
});
// Bounded, so a stack of unique tag sets cannot grow memory without end.
const TRIE_NODE_LIMIT = 50_000;
/** Candidate tags longer than this in all are classified afresh: rare, and not worth holding in memory. */
const MAX_CACHED_TAG_LENGTH = 4096;

/** How many nodes the cache holds: for tests of its bound. */
export function classificationCacheNodes(): number {
    return trieNodes;
}

function step(node: TrieNode, part: unknown): TrieNode {
    let next = node.next.get(part);
    if (next === undefined) {
        if (trieNodes >= TRIE_NODE_LIMIT) {
            // Start afresh; the nodes already walked this call are detached and serve this call only.
            trieRoot = { next: new Map() };
            trieNodes = 0;
        }
        next = { next: new Map() };
        node.next.set(part, next);
        trieNodes++;
    }
    return next;
}

/** The trie node for this input, or undefined when its candidate tags are too large to be worth caching. */
function cacheNode(layers: readonly TagLayer[], stackTag: { key: string; value: string } | undefined, keys: SettingsKeys): TrieNode | undefined {
    let node = step(trieRoot, keys.signature);
    node = stackTag ? step(step(node, stackTag.key), stackTag.value) : step(node, NO_STACK_TAG);
    let length = 0;
    for (const layer of layers) {
        node = step(node, layer.additive ? ADDITIVE_LAYER : LAYER);
        for (const t of layer.tags) {
            if (!mayBeKey(t, keys.categories) && !mayBeKey(t, keys.subjects)) continue;
            length += t.key.length + (typeof t.value === "string" ? t.value.length : 0);
            if (length > MAX_CACHED_TAG_LENGTH) return undefined;
            node = step(step(step(step(node, TAG), t.key), typeof t.value === "string" ? t.value : UNKNOWN_VALUE), t.origin);
        }
        for (const u of layer.unknownSources) node = step(step(node, UNKNOWN_SOURCE), u);
        for (const u of layer.unreadableSources) node = step(step(node, UNREADABLE_SOURCE), u);
    }
    return node;
}

interface SettingsKeys {
    /** The values these keys were worked out from, compared on every call. */
    categoriesTagKey: string;
    subjectsTagKey: string;
    defaultSubjects: readonly string[];
    /** The settings' part of the cache path. */
    signature: string;
    categories: string;
    subjects: string;
}

/**
 * The canonical tag keys the settings look for and the settings' part of the cache path. Matched
 * by value, not by object: a settings object changed in place must not be served keys worked out
 * from what it held before. The resource policies' configs differ, so keep a few.
 */
function settingsKeys(settings: ClassificationSettings): SettingsKeys {
    for (const k of recentSettingsKeys) if (sameSettings(k, settings)) return k;
    const defaultSubjects = Object.freeze([...settings.defaultSubjects]);
    const parts = [settings.categoriesTagKey, settings.subjectsTagKey, ...defaultSubjects];
    const keys: SettingsKeys = {
        categoriesTagKey: settings.categoriesTagKey,
        subjectsTagKey: settings.subjectsTagKey,
        defaultSubjects,
        signature: `${parts.length}:${parts.map((p) => `${p.length}:${p}`).join("")}`,
        categories: canonicalKey(settings.categoriesTagKey).text,
        subjects: canonicalKey(settings.subjectsTagKey).text,
    };
    recentSettingsKeys.unshift(keys);
    if (recentSettingsKeys.length > 4) recentSettingsKeys.pop();
    return keys;
}
const recentSettingsKeys: SettingsKeys[] = [];

function sameSettings(k: SettingsKeys, s: ClassificationSettings): boolean {
    if (k.categoriesTagKey !== s.categoriesTagKey || k.subjectsTagKey !== s.subjectsTagKey) return false;
    const d = s.defaultSubjects;
    if (d.length !== k.defaultSubjects.length) return false;
    for (let i = 0; i < d.length; i++) if (d[i] !== k.defaultSubjects[i]) return false;
    return true;
}

/** Whether findTag could take this tag for the key: the key itself, or the key in disguise. */
function mayBeKey(t: FoundTag, wanted: string): boolean {
    return t.canonicalKey === wanted || (!t.asciiKey && nearKeyMatch(t.canonicalKey, wanted) !== undefined);
}

/** classify without the cache: the reference the cached path is tested against. */
export function classifyUncached(input: ClassifyInput, settings: ClassificationSettings): Classification {
    return classifyLayers(tagLayers(input.props, input.providerProps, input.type), findStackTag(input.stackTags, settings.subjectsTagKey), settings);
}

function freezeClassification(c: Classification): Classification {
    for (const value of Object.values(c)) if (Array.isArray(value)) Object.freeze(value);
    return Object.freeze(c);
}

function classifyLayers(layers: readonly TagLayer[], stackTag: { key: string; value: string } | undefined, settings: ClassificationSettings): Classification {
    const lookalikes: string[] = [];
    const unknowns: string[] = [];

    const cat = findTag(layers, settings.categoriesTagKey, settings.categoriesTagKey);
    lookalikes.push(...cat.lookalikes);
    const catTokens = tokensOf(cat.values, settings.categoriesTagKey, lookalikes);
    const categoryTokens = catTokens.tokens;
    // A disguised "none" or "anonymous" cannot make a resource less strict: it is read as unrecognised.
    const ambiguousAll = catTokens.tainted.size === 0 ? [] : unique(categoryTokens.filter((t) => NON_PERSONAL_CATEGORIES.has(t) && catTokens.tainted.has(t)));
    const categories = unique(categoryTokens.filter((t) => PERSONAL_CATEGORIES.has(t) || (NON_PERSONAL_CATEGORIES.has(t) && !ambiguousAll.includes(t))));
    const unrecognisedAll = unique(categoryTokens.filter((t) => !PERSONAL_CATEGORIES.has(t) && !NON_PERSONAL_CATEGORIES.has(t)));
    // Words of values too long to show are counted, never quoted.
    const unrecognisedCategories = unrecognisedAll.filter((t) => !catTokens.hidden.has(t));
    const ambiguousCategories = ambiguousAll.filter((t) => !catTokens.hidden.has(t));
    const hiddenCategories = unrecognisedAll.length - unrecognisedCategories.length + ambiguousAll.length - ambiguousCategories.length;
    const tagged = cat.from !== undefined;

    let personal: Tri;
    if (categories.some((t) => PERSONAL_CATEGORIES.has(t)) || unrecognisedAll.length > 0 || ambiguousAll.length > 0) personal = "yes";
    else if (cat.status === "present" && categoryTokens.length === 0)
        personal = "yes"; // an empty tag: fail closed
    else if (cat.status === "unknown") personal = "unknown";
    else personal = "no";
    // A personal token in a known value is personal whatever the unknown parts hold; only a
    // verdict of "not personal" can be overturned by what preview cannot see.
    if (cat.status === "unknown" && personal !== "yes") unknowns.push(...cat.unknowns);

    // Subjects: the resource's tag, then the stack's tag, then the configured default.
    const subj = findTag(layers, settings.subjectsTagKey, settings.subjectsTagKey);
    lookalikes.push(...subj.lookalikes);
    let subjTokens: ValueTokens;
    let subjectsFrom: string;
    let subjectsSource: Classification["subjectsSource"];
    let subjectsUnknown = false;
    // Only a found tag has a place it was found (findTag): an absent one has none.
    if (subj.from !== undefined) {
        subjTokens = tokensOf(subj.values, settings.subjectsTagKey, lookalikes);
        subjectsFrom = subj.from;
        subjectsSource = subj.source ?? "resource";
        subjectsUnknown = subj.status === "unknown";
    } else {
        if (stackTag !== undefined) {
            subjTokens = tokensOf([stackTag.value], settings.subjectsTagKey, lookalikes);
            subjectsFrom = `stack tag ${quote(stackTag.key)}`;
            subjectsSource = "stack tag";
        } else {
            subjTokens = { tokens: settings.defaultSubjects.flatMap((s) => tokens(s).tokens), tainted: new Set(), hidden: new Set() };
            subjectsFrom = "the pack's default (defaultSubjects)";
            subjectsSource = "default";
        }
        subjectsUnknown = subj.status === "unknown";
    }
    // A disguised code other than RU or * ("РУ" folds to PY) is read as possibly Russia.
    const ambiguousSubjectsAll = subjTokens.tainted.size === 0 ? [] : unique(subjTokens.tokens.filter((t) => subjTokens.tainted.has(t) && !ALL_SUBJECTS.has(t) && countryCode(t) !== RUSSIA));
    const subjects = readSubjects(subjTokens.tokens.filter((t) => !ambiguousSubjectsAll.includes(t)));
    const shownUnrecognisedSubjects = unique(subjects.unrecognised).filter((t) => !subjTokens.hidden.has(t));
    const ambiguousSubjects = ambiguousSubjectsAll.filter((t) => !subjTokens.hidden.has(t));
    const hiddenSubjects = unique(subjects.unrecognised).length - shownUnrecognisedSubjects.length + ambiguousSubjectsAll.length - ambiguousSubjects.length;
    let russianSubjects: Tri = subjects.russian || ambiguousSubjectsAll.length > 0 ? "yes" : "no";
    // An unknown value is not an empty one: say it is unknown (and why) rather than read it as
    // every country; onUnknown then decides.
    const onlyUnknown = subjectsUnknown && subjTokens.tokens.length === 0;
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
        ...(cat.source ? { categoriesSource: cat.source } : {}),
        subjects: subjects.subjects,
        unrecognisedSubjects: shownUnrecognisedSubjects,
        subjectsFrom,
        subjectsSource,
        russianSubjects,
        russianPersonalData,
        unknowns: [...new Set(unknowns)],
        lookalikes:
            lookalikes.length > MAX_LOOKALIKE_NOTES
                ? [...lookalikes.slice(0, MAX_LOOKALIKE_NOTES), `${lookalikes.length - MAX_LOOKALIKE_NOTES} more tag keys or values contain characters that are not what they seem (not listed)`]
                : lookalikes,
        ambiguousCategories,
        ambiguousSubjects,
        hiddenCategories,
        hiddenSubjects,
    };
}

function unique(items: readonly string[]): string[] {
    return [...new Set(items)];
}

/** Quoted words for a message, at most `max` of them: a tag can hold thousands. */
export function quoteList(items: readonly string[], max = 10): string {
    const shown = items.slice(0, max).map(quote).join(", ");
    return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function findStackTag(stackTags: ReadonlyMap<string, string> | undefined, key: string): { key: string; value: string } | undefined {
    if (!stackTags || stackTags.size === 0) return undefined;
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
    const parts = [...c.categories];
    if (c.unrecognisedCategories.length > 0) parts.push(`${quoteList(c.unrecognisedCategories)} (not a known category, read as personal data)`);
    if (c.ambiguousCategories.length > 0) parts.push(`${quoteList(c.ambiguousCategories)} (spelled with look-alike characters, read as personal data)`);
    if (c.hiddenCategories > 0) parts.push(`${c.hiddenCategories} unknown word(s) in a value too long to show (read as personal data)`);
    // No word to show: a value not known yet (preview) is not an empty one.
    if (parts.length === 0) return c.personal === "unknown" ? "not known yet" : "an empty value (read as personal data)";
    return parts.join(", ");
}

export function describeSubjects(c: Classification): string {
    const parts = c.subjects.map((s) => (s === "*" ? "every country" : s));
    if (c.unrecognisedSubjects.length > 0) parts.push(`${quoteList(c.unrecognisedSubjects)} (not an ISO 3166-1 code, read as possibly Russia)`);
    if (c.ambiguousSubjects.length > 0) parts.push(`${quoteList(c.ambiguousSubjects)} (spelled with look-alike characters, read as possibly Russia)`);
    if (c.hiddenSubjects > 0) parts.push(`${c.hiddenSubjects} unknown word(s) in a value too long to show (read as possibly Russia)`);
    if (parts.length === 0) return c.russianSubjects === "unknown" ? "not known yet" : "an empty value (read as every country)";
    return parts.join(", ");
}
