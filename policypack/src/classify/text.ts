// Folding tag keys and values to what a person reading them would see, and noting every
// character that is not what it seems, so a message can name it.
import confusables from "../../data/confusables.json";
import { BoundedCache } from "../bounded-cache";

export interface Lookalike {
    /** The character as written, e.g. "а". */
    char: string;
    /** "U+0430 CYRILLIC SMALL LETTER A" */
    description: string;
    /** What it was read as: an ASCII character, or "" for an invisible character that was removed. */
    readAs: string;
}

export interface FoldedText {
    /**
     * Lowercase, look-alikes replaced by ASCII, invisibles removed, NFKC applied. Spaces are kept:
     * both readers of it (canonicalKey and tokens) drop every character that is not a letter or digit.
     */
    text: string;
    lookalikes: Lookalike[];
}

const LOOKALIKES = new Map<string, { readAs: string; description: string }>(confusables.lookalikes.map((l) => [l.char, { readAs: l.readAs, description: `${l.codepoint} ${l.name}` }]));
const INVISIBLE = new Map<string, string>(confusables.invisible.map((i) => [String.fromCodePoint(parseInt(i.codepoint.slice(2), 16)), `${i.codepoint} ${i.name}`]));
const ASCII_ONLY = /^[\x20-\x7e]*$/;

function codepointLabel(char: string): string {
    return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Fold a tag key or value; plain ASCII (the common case) takes the fast path. */
export function foldText(raw: string): FoldedText {
    if (ASCII_ONLY.test(raw)) return { text: raw.toLowerCase(), lookalikes: [] };
    const lookalikes: Lookalike[] = [];
    let out = "";
    for (const char of raw) {
        const invisible = INVISIBLE.get(char);
        if (invisible !== undefined) {
            lookalikes.push({ char, description: invisible, readAs: "" });
            continue;
        }
        const lookalike = LOOKALIKES.get(char);
        if (lookalike !== undefined) {
            lookalikes.push({ char, description: lookalike.description, readAs: lookalike.readAs });
            out += lookalike.readAs;
            continue;
        }
        const compatible = char.normalize("NFKC");
        if (compatible !== char && /^[\x21-\x7e]+$/.test(compatible)) {
            // Fullwidth and other compatibility forms of ASCII, e.g. "ｕ" (U+FF55).
            lookalikes.push({ char, description: `${codepointLabel(char)} compatibility form`, readAs: compatible });
            out += compatible;
            continue;
        }
        out += compatible;
    }
    return { text: out.toLowerCase(), lookalikes };
}

/**
 * A tag key reduced to its letters and digits: "user-data", "user_data", "User Data" and
 * "userdata" are the same key. Reading keys generously is the fail-closed choice: a
 * classification cannot be dodged by spelling the key differently.
 */
export function canonicalKey(raw: string): FoldedText & { ascii: boolean } {
    return raw.length > MEMO_MAX_STRING ? foldKey(raw) : keyCache.get(raw, foldKey);
}

function foldKey(raw: string): FoldedText & { ascii: boolean } {
    const folded = foldText(raw);
    const text = folded.lookalikes.length === 0 && ASCII_ONLY.test(folded.text) ? folded.text.replace(/[^a-z0-9]+/g, "") : folded.text.replace(/[^\p{L}\p{N}]+/gu, "");
    return { text, lookalikes: folded.lookalikes, ascii: ASCII_ONLY.test(text) };
}

/** A tag value split into tokens on every character that is not a letter, a digit or "*". */
export function tokens(raw: string): FoldedText & { tokens: string[] } {
    return raw.length > MEMO_MAX_STRING ? splitTokens(raw) : tokenCache.get(raw, splitTokens);
}

function splitTokens(raw: string): FoldedText & { tokens: string[] } {
    const folded = foldText(raw);
    // Folded ASCII has no letters beyond a-z, so the plain split gives the same tokens, faster.
    const separator = ASCII_ONLY.test(folded.text) ? /[^a-z0-9*]+/ : /[^\p{L}\p{N}*]+/u;
    const parts = folded.text.split(separator).filter((t) => t.length > 0);
    return { ...folded, tokens: parts };
}

// Every resource of a stack repeats the same few tag keys and values ("user-data", "personal",
// "RU"): fold each distinct string once. Results are shared, so callers must not change them.
// Longer strings are folded afresh: rare, and not worth holding.
const MEMO_LIMIT = 10_000;
const MEMO_MAX_STRING = 256;
const keyCache = new BoundedCache<string, FoldedText & { ascii: boolean }>(MEMO_LIMIT);
const tokenCache = new BoundedCache<string, FoldedText & { tokens: string[] }>(MEMO_LIMIT);

/** `hideWritten`: do not show the text itself (a tag value too long to quote), only the characters. */
export function describeLookalikes(where: string, written: string, lookalikes: readonly Lookalike[], hideWritten = false): string {
    const parts = lookalikes.slice(0, 5).map((l) => (l.readAs === "" ? `an invisible ${l.description}` : `"${l.char}" (${l.description}) read as "${l.readAs}"`));
    const more = lookalikes.length > 5 ? ` and ${lookalikes.length - 5} more` : "";
    const shown = hideWritten ? `(a value of ${written.length} characters, not shown)` : JSON.stringify(written.slice(0, 64));
    return `${where} ${shown} contains characters that are not what they seem: ${parts.join(", ")}${more}`;
}

/**
 * A tag key that is the wanted key except for non-ASCII characters the look-alike list does not
 * know: each differing character stands where an ASCII one should ("user-dɑta", with U+0251
 * LATIN SMALL LETTER ALPHA), or is an extra non-ASCII letter the eye does not see (U+3164 HANGUL
 * FILLER). Returns what each such character was read as, or undefined when the key is simply a
 * different key. Added for the evasion suite (test/evasion): confusables.json cannot list every
 * look-alike in Unicode, and a classification key must not be dodged by the ones it misses, so
 * a near miss made only of non-ASCII characters is read as the key (fail closed) and reported.
 * Both arguments are canonical keys (canonicalKey().text).
 */
export function nearKeyMatch(candidate: string, wanted: string): Lookalike[] | undefined {
    if (candidate === wanted || ASCII_ONLY.test(candidate)) return undefined;
    const c = [...candidate];
    const w = [...wanted];
    const nonAscii = (ch: string): boolean => ch.charCodeAt(0) > 0x7e;
    const unknownChar = (ch: string, readAs: string): Lookalike => ({
        char: ch,
        description: `${codepointLabel(ch)}, not in the pack's look-alike list${readAs === "" ? ", ignored" : ""}`,
        readAs,
    });
    if (c.length === w.length) {
        const found: Lookalike[] = [];
        for (let i = 0; i < c.length; i++) {
            if (c[i] === w[i]) continue;
            if (!nonAscii(c[i]!)) return undefined;
            found.push(unknownChar(c[i]!, w[i]!));
        }
        // Never empty: the keys differ, so some character differs, and an ASCII one returned above.
        return found;
    }
    const extra = c.filter(nonAscii);
    if (extra.length > 0 && c.filter((ch) => !nonAscii(ch)).join("") === wanted) return extra.map((ch) => unknownChar(ch, ""));
    return undefined;
}
