// Fitting labels into the boxes of an SVG diagram without a browser: an estimate of each line's
// width from font metrics, line breaking to that estimate, and the line's width then fixed with
// SVG textLength, so a label stays inside its box in whatever font the reader's browser picks.

// Advance widths, in thousandths of an em, of the characters below: for each, the larger of DejaVu
// Sans and Liberation Sans (metric-compatible with Arial), regular and bold, as Chromium measures
// them. Anything else is taken as one em wide, and a character outside the Basic Multilingual
// Plane (an emoji) as 1.25 em.
const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяЁё…‹›·—→×";
const WIDTHS = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, 1015, 774, 762, 734, 830, 683, 683,
    821, 837, 372, 556, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 556, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042,
    712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838, 774, 762, 762, 637, 891, 683, 1224, 710, 837, 837, 817, 831, 995, 837, 850, 837, 733, 734, 682, 771, 992, 771,
    928, 808, 1235, 1326, 939, 1036, 762, 734, 1174, 770, 675, 698, 633, 525, 808, 678, 995, 581, 701, 701, 679, 732, 817, 691, 687, 691, 716, 593, 583, 652, 992, 645, 741, 687, 1062, 1105, 751, 904,
    632, 593, 972, 642, 683, 678, 1000, 412, 412, 380, 1000, 1000, 838,
];
const WIDTH = new Map<string, number>(Array.from(CHARS).map((c, i) => [c, WIDTHS[i]!]));
/** Bold faces run up to this much wider than the regular ones measured. */
const BOLD = 1.12;

/** The estimated width of `text` at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
    let units = 0;
    for (const c of text) units += WIDTH.get(c) ?? (c.codePointAt(0)! > 0xffff ? 1250 : 1000);
    return (units / 1000) * size * (bold ? BOLD : 1);
}

/** Characters after which a long name may break: separators in names, types and URNs. */
const BREAK_AFTER = new Set([" ", "/", "-", "_", ".", ":", ",", "@", "="]);

/**
 * Lines of at most `max` px: broken after a separator where possible, inside a word where not.
 * At most `maxLines`; the last line ends with "…" when the text is longer.
 */
export function wrap(text: string, max: number, size: number, bold: boolean, maxLines: number): string[] {
    const chars = Array.from(text.replace(/\s+/g, " ").trim());
    const lines: string[] = [];
    let start = 0;
    while (start < chars.length && lines.length < maxLines) {
        let end = start;
        let width = 0;
        let lastBreak = -1;
        while (end < chars.length) {
            const w = textWidth(chars[end]!, size, bold);
            if (width + w > max && end > start) break;
            width += w;
            if (BREAK_AFTER.has(chars[end]!)) lastBreak = end;
            end++;
        }
        if (end < chars.length && lastBreak >= start && lastBreak < end - 1) end = lastBreak + 1;
        lines.push(chars.slice(start, end).join("").trim());
        start = end;
        while (chars[start] === " ") start++;
    }
    if (start < chars.length && lines.length > 0) {
        // Cut the last line so it and its ellipsis fit.
        let last = Array.from(lines[lines.length - 1]!);
        while (last.length > 0 && textWidth(`${last.join("")}…`, size, bold) > max) last = last.slice(0, -1);
        lines[lines.length - 1] = `${last.join("").trimEnd()}…`;
    }
    return lines.length > 0 ? lines : [""];
}
