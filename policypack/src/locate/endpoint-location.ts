// Where an endpoint URL is: the user's endpointCountries first, then the catalogue.
import { countryName, RUSSIA } from "../countries";
import { quote } from "../values";
import { entryCountry, findConfiguredEndpoint, findEndpoint, findRegion } from "./catalogue";
import { displayEndpoint, endpointHost, isIpAddress } from "./endpoint";
import type { Location, LocationSettings } from "./location";

/**
 * Hosts of AWS's own endpoints carry the region as a label: s3.eu-central-1.amazonaws.com. Labels
 * a user chooses (a bucket's name, in eu-west-1.s3.eu-central-1.amazonaws.com) come before it, so
 * the last label that is a region is the region.
 */
function awsRegionInHost(host: string): string | undefined {
    for (const label of host.split(".").reverse()) {
        const entry = findRegion("aws", label);
        if (entry) return entry.id;
    }
    return undefined;
}

export function locateEndpoint(url: string, what: string, settings: LocationSettings): Location {
    const parsed = endpointHost(url);
    const notes = parsed.notes.length > 0 ? ` (${parsed.notes.join("; ")})` : "";
    if (parsed.host === undefined) {
        const how = `${what} ${quote(displayEndpoint(url))} has no host the pack can read${notes}`;
        return { inRussia: "unknown", how, unknowns: [how] };
    }
    const host = parsed.host;
    const configured = findConfiguredEndpoint(host, settings.endpointCountries);
    if (configured) {
        return {
            inRussia: configured.country === RUSSIA ? "yes" : "no",
            country: configured.country,
            how: `${what} is host ${quote(host)}${notes}, which the pack config endpointCountries[${quote(configured.pattern)}] places in ${countryName(configured.country)}`,
            unknowns: [],
        };
    }
    const entry = findEndpoint(host);
    if (entry) {
        if (entry.apiFamily === "aws") {
            // AWS's own hosts: the region is a label of the host name.
            const region = awsRegionInHost(host);
            const regionEntry = region ? findRegion("aws", region) : undefined;
            const country = regionEntry ? entryCountry(regionEntry) : undefined;
            return {
                inRussia: "no",
                country,
                region,
                how: `${what} is host ${quote(host)}${notes}, an ${entry.operator} endpoint${region ? ` in region ${region}${country ? `, ${countryName(country)}` : ""}` : ""}; ${entry.operator} has no region in Russia`,
                unknowns: [],
            };
        }
        const country = entryCountry(entry);
        if (country === undefined) {
            const why = entry.country ? "its country is not verified" : "the catalogue has no verified country for it";
            const how = `${what} is host ${quote(host)}${notes}, listed in the catalogue as ${entry.operator} ${entry.service}, but ${why} (${entry.source}); if you know where it is, add it to endpointCountries`;
            return { inRussia: "unknown", how, unknowns: [how] };
        }
        return {
            inRussia: country === RUSSIA ? "yes" : "no",
            country,
            region: entry.region,
            how: `${what} is host ${quote(host)}${notes}: ${entry.operator} ${entry.service}, ${countryName(country)}`,
            unknowns: [],
        };
    }
    const kind = isIpAddress(host) ? "an IP address, which says nothing about where it is" : "a host that is not in the pack's catalogue";
    const how = `${what} is host ${quote(host)}${notes}, ${kind}; if you know where it is, add it to endpointCountries`;
    return { inRussia: "unknown", how, unknowns: [how] };
}
