// ISO 3166-1 country codes and names, from data/countries.json.
import data from "../data/countries.json";

const byAlpha2 = new Map<string, { alpha2: string; alpha3: string; name: string }>();
const byAlpha3 = new Map<string, string>();
for (const c of data.countries) {
    byAlpha2.set(c.alpha2, c);
    byAlpha3.set(c.alpha3, c.alpha2);
}

export const RUSSIA = "RU";

/** The alpha-2 code for an alpha-2 or alpha-3 code in any case, or undefined. */
export function countryCode(code: string): string | undefined {
    const upper = code.trim().toUpperCase();
    // Alpha-2 keys are two letters and alpha-3 keys three, so one look-up in each settles it.
    return byAlpha2.has(upper) ? upper : byAlpha3.get(upper);
}

/** "Germany (DE)"; for a code not in ISO 3166-1, the code as given. */
export function countryName(alpha2: string): string {
    const c = byAlpha2.get(alpha2);
    if (!c) return alpha2;
    return `${alpha2 === RUSSIA ? "Russia" : c.name} (${alpha2})`;
}
