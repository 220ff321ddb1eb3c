// Folding tag keys and values to what a person reading them would see, and noting every
// character that is not what it seems, so a message can name it.
import confusables from "../../data/confusables.json";

export interface Lookalike {
    /** The character as written, e.g. "а". */
    char: string;
    /** "U+0430 CYRILLIC SMALL LETTER A" */
    description: string;
    /** What it was read as: an ASCII character, or "" for an invisible character that was removed. */
    readAs: string;
}

export interface FoldedText {
    /** Lowercase, trimmed, look-alikes replaced by ASCII, invisibles removed, NFKC applied. */
    text: string;
    lookalikes: Lookalike[];
}

const LOOKALIKES = new Map<string, { readAs: string; description: string }>(
    confusables.lookalikes.map((l) => [l.char, { readAs: l.readAs, description: `${l.codepoint} ${l.name}` }]),
);
const INVISIBLE = new Map<string, string>(
    confusables.invisible.map((i) => [String.fromCodePoint(parseInt(i.codepoint.slice(2), 16)), `${i.codepoint} ${i.name}`]),
);
const ASCII_ONLY = /^[\x20-\x7e]*$/;

function codepointLabel(char: string): string {
    return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Fold a tag key or value; plain ASCII (the common case) takes the fast path. */
export function foldText(raw: string): FoldedText {
    if (ASCII_ONLY.test(raw)) return { text: raw.trim().toLowerCase(), lookalikes: [] };
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
    return { text: out.trim().toLowerCase(), lookalikes };
}

/**
 * A tag key reduced to its letters and digits: "user-data", "user_data", "User Data" and
 * "userdata" are the same key. Reading keys generously is the fail-closed choice: a
 * classification cannot be dodged by spelling the key differently.
 */
export function canonicalKey(raw: string): FoldedText {
    const folded = foldText(raw);
    return { text: folded.text.replace(/[^\p{L}\p{N}]+/gu, ""), lookalikes: folded.lookalikes };
}

/** A tag value split into tokens on every character that is not a letter, a digit or "*". */
export function tokens(raw: string): FoldedText & { tokens: string[] } {
    const folded = foldText(raw);
    const parts = folded.text.split(/[^\p{L}\p{N}*]+/u).filter((t) => t.length > 0);
    return { ...folded, tokens: parts };
}

export function describeLookalikes(where: string, written: string, lookalikes: readonly Lookalike[]): string {
    const parts = lookalikes.slice(0, 5).map((l) =>
        l.readAs === "" ? `an invisible ${l.description}` : `"${l.char}" (${l.description}) read as "${l.readAs}"`,
    );
    const more = lookalikes.length > 5 ? ` and ${lookalikes.length - 5} more` : "";
    return `${where} ${JSON.stringify(written.slice(0, 64))} contains characters that are not what they seem: ${parts.join(", ")}${more}`;
}
