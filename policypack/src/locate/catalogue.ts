// The location catalogue (data/locations.json): regions, zones and endpoint hosts → country.
import data from "../../data/locations.json";
import { countryCode } from "../countries";

export interface RegionEntry {
    id: string;
    /** Alpha-2 country; absent for a multi-region that spans several (see countries). */
    country?: string | null;
    countries?: string[];
    place?: string;
    zones?: string[];
    status: string;
    source: string;
    /** When the source was read (YYYY-MM-DD), or "not recorded (...)" for entries older than the field. */
    retrieved?: string;
    note?: string;
}

export interface EndpointEntry {
    host: string;
    match: string;
    country: string | null;
    operator: string;
    /** The catalogue cloud key (regions) the endpoint belongs to, e.g. "selectel". */
    cloud?: string;
    service: string;
    apiFamily?: string;
    region?: string;
    status: string;
    source: string;
    retrieved?: string;
    note?: string;
}

/** What the catalogue says about a cloud as a whole. */
export interface CloudEntry {
    name: string;
    /** false: the cloud has no region in Russia, so nothing it hosts is in Russia. */
    regionInRussia: boolean;
    status: string;
    source: string;
    note?: string;
}

interface CatalogueData {
    clouds?: Record<string, CloudEntry>;
    regions: Record<string, RegionEntry[]>;
    endpoints: EndpointEntry[];
}

const catalogue = data as unknown as CatalogueData;

const regionIndex = new Map<string, RegionEntry>();
const zoneIndex = new Map<string, RegionEntry>();
for (const [cloud, entries] of Object.entries(catalogue.regions)) {
    for (const entry of entries) {
        regionIndex.set(`${cloud}/${entry.id.toLowerCase()}`, entry);
        for (const z of entry.zones ?? []) zoneIndex.set(`${cloud}/${z.toLowerCase()}`, entry);
    }
}
const exactHosts = new Map<string, EndpointEntry>();
const suffixHosts: EndpointEntry[] = [];
for (const entry of catalogue.endpoints) {
    if (entry.match === "suffix") suffixHosts.push(entry);
    else exactHosts.set(entry.host.toLowerCase(), entry);
}

/** Every cloud key in the catalogue, e.g. "aws", "yandex". */
export function clouds(): string[] {
    return Object.keys(catalogue.regions);
}

/** The catalogue's entry for a cloud as a whole, if it has one. */
export function cloudEntry(cloud: string): CloudEntry | undefined {
    const clouds = catalogue.clouds ?? {};
    return Object.prototype.hasOwnProperty.call(clouds, cloud) ? clouds[cloud] : undefined;
}

export function cloudEntries(): Readonly<Record<string, CloudEntry>> {
    return catalogue.clouds ?? {};
}

export function regionEntries(cloud: string): readonly RegionEntry[] {
    return catalogue.regions[cloud] ?? [];
}

export function endpointEntries(): readonly EndpointEntry[] {
    return catalogue.endpoints;
}

/** A region of a cloud by its id, compared without case and surrounding spaces. */
export function findRegion(cloud: string, id: string): RegionEntry | undefined {
    return regionIndex.get(`${cloud}/${id.trim().toLowerCase()}`);
}

/** The region a zone belongs to. */
export function findZone(cloud: string, zone: string): RegionEntry | undefined {
    return zoneIndex.get(`${cloud}/${zone.trim().toLowerCase()}`);
}

function hostMatches(host: string, pattern: string): boolean {
    return host === pattern || host.endsWith(`.${pattern}`);
}

/** The catalogue entry for an endpoint host (already normalised by endpointHost). */
export function findEndpoint(host: string): EndpointEntry | undefined {
    const exact = exactHosts.get(host);
    if (exact) return exact;
    let best: EndpointEntry | undefined;
    for (const entry of suffixHosts) {
        if (hostMatches(host, entry.host) && (!best || entry.host.length > best.host.length)) best = entry;
    }
    return best;
}

/**
 * A user's endpointCountries entry for a host: an exact host, or "*.example.ru" for the domain
 * and all its subdomains. The most specific matching pattern wins: the exact host, else the
 * wildcard with the longest domain, each measured as read (without spaces or a final dot).
 */
export function findConfiguredEndpoint(host: string, endpointCountries: Readonly<Record<string, string>>): { pattern: string; country: string } | undefined {
    let best: { pattern: string; country: string; specificity: number } | undefined;
    for (const [pattern, code] of Object.entries(endpointCountries)) {
        const p = pattern.trim().toLowerCase().replace(/\.$/, "");
        const wildcard = p.startsWith("*.");
        const matches = wildcard ? hostMatches(host, p.slice(2)) : host === p;
        const country = typeof code === "string" ? countryCode(code) : undefined;
        const specificity = wildcard ? p.length - 2 : Number.MAX_SAFE_INTEGER;
        if (matches && country && (!best || specificity > best.specificity)) best = { pattern, country, specificity };
    }
    return best && { pattern: best.pattern, country: best.country };
}

/**
 * The country an entry vouches for. Only a verified entry may make a location Russian: an
 * unverified entry that says Russia says nothing.
 */
export function entryCountry(entry: { country?: string | null; status: string }): string | undefined {
    if (!entry.country) return undefined;
    if (entry.status !== "verified" && entry.country === "RU") return undefined;
    return entry.country;
}
