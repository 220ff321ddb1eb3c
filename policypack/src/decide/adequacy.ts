// Adequacy under 152-FZ Art. 12(2): a country is adequate when it is on the list Roskomnadzor
// approves (law.json 152fz-12-2, rkn-order-128). data/adequacy.json holds candidates for that list,
// each with the source that named it; none could be checked against the order's text, so none is
// applied (law.json reading-adequacy-unconfirmed). A destination is adequate only when the pack
// config adequateCountries lists it, or when an entry is verified against the order itself.
import data from "../../data/adequacy.json";
import { countryName } from "../countries";
import { provision } from "../law";

export interface AdequacyEntry {
    country: string;
    name: string;
    basis: "convention-108" | "rkn-order-128";
    status: "verified" | "unverified";
    source: string;
    retrieved: string;
    note?: string;
    statusReason?: string;
}

const entries = (data as unknown as { entries: AdequacyEntry[] }).entries;
const byCountry = new Map(entries.map((e) => [e.country, e]));

export function adequacyEntries(): readonly AdequacyEntry[] {
    return entries;
}

export type Adequacy = { adequate: true; why: string } | { adequate: false; why: string };

const BASIS = {
    "convention-108": "named as a party to Council of Europe Convention 108",
    "rkn-order-128": "named as a state on Roskomnadzor's list",
};

const ORDER = provision("rkn-order-128").cite;

/** Whether a destination counts as adequate: the user's adequateCountries, or an entry verified against the order. */
export function adequacyOf(country: string, extra: readonly string[]): Adequacy {
    if (extra.includes(country)) return { adequate: true, why: `the pack config adequateCountries lists ${countryName(country)}, as checked by you against Roskomnadzor's list` };
    const entry = byCountry.get(country);
    if (entry?.status === "verified") return { adequate: true, why: `${countryName(country)} is on Roskomnadzor's list (${entry.source})` };
    const check = `once your lawyer has checked it against Roskomnadzor's current list (${ORDER} as amended, or its successor), add ${country} to adequateCountries`;
    if (entry) {
        return {
            adequate: false,
            why: `${countryName(country)} is not shown to be adequate: the pack's adequacy data has it only as unverified (${BASIS[entry.basis]} by ${entry.source}), and the pack applies no listing it could not confirm; ${check}`,
        };
    }
    return { adequate: false, why: `${countryName(country)} is not shown to be adequate: it is not in the pack's adequacy data, and the pack applies no listing it could not confirm; ${check}` };
}
