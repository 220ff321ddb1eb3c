// The adequacy list of 152-FZ Art. 12: Convention 108 parties plus Roskomnadzor's list, from
// data/adequacy.json (one entry per country, each with its source). Only verified entries apply.
import data from "../../data/adequacy.json";
import { countryName } from "../countries";

export interface AdequacyEntry {
    country: string;
    name: string;
    basis: "convention-108" | "rkn-order-128";
    status: "verified" | "unverified";
    source: string;
    note?: string;
}

const entries = (data as unknown as { entries: AdequacyEntry[] }).entries;
const byCountry = new Map(entries.map((e) => [e.country, e]));

export function adequacyEntries(): readonly AdequacyEntry[] {
    return entries;
}

export type Adequacy = { adequate: true; why: string } | { adequate: false; why: string };

const BASIS = {
    "convention-108": "a party to Council of Europe Convention 108",
    "rkn-order-128": "on Roskomnadzor's list (Order No. 128 of 2022-08-05)",
};

/** Whether a country counts as adequate: a verified entry of the pack's list, or the user's adequateCountries. */
export function adequacyOf(country: string, extra: readonly string[]): Adequacy {
    const entry = byCountry.get(country);
    if (entry?.status === "verified") return { adequate: true, why: `${countryName(country)} is ${BASIS[entry.basis]} (${entry.source})` };
    if (extra.includes(country)) return { adequate: true, why: `the pack config adequateCountries lists ${countryName(country)}` };
    if (entry) {
        return {
            adequate: false,
            why: `${countryName(country)} is in the pack's adequacy data as unverified (${BASIS[entry.basis]}, per ${entry.source}); once you have checked it, add ${country} to adequateCountries`,
        };
    }
    return { adequate: false, why: `${countryName(country)} is neither a Convention 108 party nor on Roskomnadzor's list in the pack's data` };
}
