// Which endpointCountries entries would weaken the guard: a pattern that places in Russia a host
// the catalogue knows to be abroad, a public suffix (under which anyone can register a host), or a
// cloud's whole domain. Such an entry is refused as invalid config, naming the property, rather
// than silently turning foreign endpoints into Russian ones (endpointCountries is read before the
// catalogue, so it could otherwise do exactly that).
import { domainToASCII } from "node:url";
import publicSuffixes from "../../data/public-suffixes.json";
import { countryName, RUSSIA } from "../countries";
import { quote } from "../values";
import { endpointEntries, entryCountry, findEndpoint } from "./catalogue";

const rules = new Set<string>(publicSuffixes.rules);

/** True when the domain is a public suffix by the Public Suffix List, including its default rule "*" (every top-level domain). */
export function isPublicSuffix(domain: string): boolean {
    const labels = domain.split(".");
    if (labels.length === 1) return !rules.has(`!${domain}`);
    if (rules.has(`!${domain}`)) return false;
    if (rules.has(domain)) return true;
    return rules.has(`*.${labels.slice(1).join(".")}`);
}

function hostMatches(host: string, domain: string): boolean {
    return host === domain || host.endsWith(`.${domain}`);
}

/** Where a catalogue entry is, when the catalogue knows it is not Russia. */
function abroad(entry: { apiFamily?: string; operator: string; country?: string | null; status: string }): string | undefined {
    if (entry.apiFamily === "aws") return `${entry.operator}, which has no region in Russia`;
    const country = entryCountry(entry);
    return country && country !== RUSSIA ? countryName(country) : undefined;
}

/**
 * What mapping this endpointCountries pattern to Russia would wrongly place in Russia (a noun
 * phrase for the message), or undefined if nothing the pack knows to be abroad or public. `pattern` is an exact host or "*.domain" (the domain and all its subdomains).
 */
export function weakeningRussianPattern(pattern: string): string | undefined {
    const p = pattern.trim().toLowerCase().replace(/\.$/, "");
    const wildcard = p.startsWith("*.");
    const rawDomain = wildcard ? p.slice(2) : p;
    if (rawDomain === "" || rawDomain === "*") return "every host";
    const domain = domainToASCII(rawDomain) || rawDomain;
    // A wildcard over a public suffix is the plainer reason; an exact host is better named by the catalogue.
    if (wildcard && isPublicSuffix(domain)) return publicSuffixReason(domain, wildcard);
    for (const entry of endpointEntries()) {
        const where = abroad(entry);
        if (!where) continue;
        // The pattern covers the catalogue's host, or the pattern's hosts lie under the catalogue's domain.
        const covers = wildcard ? hostMatches(entry.host, domain) : entry.host === domain;
        const inside = entry.match === "suffix" && hostMatches(domain, entry.host);
        if (covers || inside) {
            return `${covers ? "the host" : "hosts under"} ${quote(entry.host)}, which the pack's catalogue lists as ${entry.operator} ${entry.service} (${where})`;
        }
    }
    if (!wildcard) {
        const entry = findEndpoint(domain);
        const where = entry ? abroad(entry) : undefined;
        if (entry && where) return `a host the pack's catalogue lists as ${entry.operator} ${entry.service} (${where})`;
    }
    if (isPublicSuffix(domain)) return publicSuffixReason(domain, wildcard);
    return undefined;
}

function publicSuffixReason(domain: string, wildcard: boolean): string {
    return `${wildcard ? "every host under" : "the host"} ${quote(domain)}, a public suffix (${publicSuffixes.source}, version ${publicSuffixes.version}) under which anyone can register a host, wherever that host is`;
}
