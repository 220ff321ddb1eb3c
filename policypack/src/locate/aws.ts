// Where an @pulumi/aws resource is: its own region, its provider's endpoint for the service, or
// its provider's region, in that order of evidence.
import awsServices from "../../data/aws-services.json";
import { BoundedCache } from "../bounded-cache";
import { countryName } from "../countries";
import { field, isPlainObject, isUnknown, jsonish, quote } from "../values";
import { entryCountry, findRegion } from "./catalogue";
import { locateEndpoint } from "./endpoint-location";
import type { Location, LocationSettings, ResourceView } from "./location";
import { readString } from "./read";

const moduleKeys = awsServices.endpointKeys.modules as Record<string, string[]>;
const typeKeys = awsServices.endpointKeys.types as Record<string, string[]>;

/** The provider `endpoints` keys that serve a resource type, most specific first. */
export function endpointKeysFor(type: string): readonly string[] {
    return keysByType.get(type, computeEndpointKeys);
}
// A stack has a few dozen resource types: work each one's keys out once.
const keysByType = new BoundedCache<string, readonly string[]>(1000);

function computeEndpointKeys(type: string): readonly string[] {
    return Object.freeze(endpointKeysOf(type));
}

function endpointKeysOf(type: string): string[] {
    const byType = Object.prototype.hasOwnProperty.call(typeKeys, type) ? typeKeys[type] : undefined;
    if (byType) return [...byType];
    const module = /^aws:([^/:]+)/.exec(type)?.[1];
    if (!module) return [];
    return Object.prototype.hasOwnProperty.call(moduleKeys, module) ? [...moduleKeys[module]!] : [module.toLowerCase()];
}

type Endpoints = { kind: "unknown"; what: string } | { kind: "unreadable"; what: string } | { kind: "blocks"; blocks: readonly ReadonlyMap<string, unknown>[] };

/**
 * The provider's `endpoints`: a JSON string of a list of maps (as the SDK sends it), a list, or a
 * map; one map of (lower-cased key → URL) per block, empty values left out, in the order given.
 */
export function readEndpoints(providerProps: unknown): Endpoints {
    const raw = field(providerProps, "endpoints");
    // The SDK sends endpoints as a JSON string, the same one for every resource of the provider:
    // read each distinct string once. Results are shared; callers must not change them.
    return typeof raw === "string" ? endpointsByText.get(raw, endpointsOf) : endpointsOf(raw);
}
const endpointsByText = new BoundedCache<string, Endpoints>(1000);

function endpointsOf(raw: unknown): Endpoints {
    // jsonish passes an unknown through as it is, so one check covers an unknown string and a
    // JSON string of an unknown; no endpoints (undefined, null) is one empty block, skipped below.
    const parsed = jsonish(raw);
    if (!parsed.ok) return { kind: "unreadable", what: "the provider's endpoints are a string that is not JSON" };
    const value = parsed.value;
    if (isUnknown(value)) return { kind: "unknown", what: "the provider's endpoints are not known yet" };
    const blocks: Map<string, unknown>[] = [];
    for (const block of Array.isArray(value) ? value : [value]) {
        if (isUnknown(block)) return { kind: "unknown", what: "an entry of the provider's endpoints is not known yet" };
        if (block === null || block === undefined) continue;
        if (!isPlainObject(block)) return { kind: "unreadable", what: "the provider's endpoints are not a list of maps" };
        const entries = new Map<string, unknown>();
        for (const [k, v] of Object.entries(block)) {
            if (v === null || v === undefined || v === "") continue;
            entries.set(k.trim().toLowerCase(), v);
        }
        if (entries.size > 0) blocks.push(entries);
    }
    return { kind: "blocks", blocks };
}

function awsRegionLocation(region: string, source: string, serviceKey: string): Location {
    const entry = findRegion("aws", region);
    if (entry) {
        const country = entryCountry(entry) ?? undefined;
        return {
            inRussia: "no",
            country,
            region: entry.id,
            how: `${source} is ${quote(region)} (AWS ${entry.place ?? entry.id}${country ? `, ${countryName(country)}` : ""}) and the provider has no custom endpoint for ${quote(serviceKey)}, so the data goes to AWS`,
            unknowns: [],
        };
    }
    return {
        inRussia: "no",
        region,
        how: `${source} is ${quote(region)}, which is not an AWS region, and the provider has no custom endpoint for ${quote(serviceKey)}: the requests go to AWS, which has no region in Russia (a region name alone does not move a service; a Russian cloud is reached through its endpoint)`,
        unknowns: [],
    };
}

export function locateAws(resource: ResourceView, settings: LocationSettings): Location {
    const keys = endpointKeysFor(resource.type);
    const serviceKey = keys[0] ?? "the service";
    const providerProps = resource.provider?.props;
    const resourceRegion = readString(field(resource.props, "region"));
    const providerRegion = readString(field(providerProps, "region"));

    const endpoints = readEndpoints(providerProps);
    if (endpoints.kind !== "blocks") return { inRussia: "unknown", how: endpoints.what, unknowns: [endpoints.what] };

    // Which URL the provider uses when several are set for one service: terraform-provider-aws
    // (which pulumi-aws wraps) declares `endpoints` a set (schema.TypeSet), hands the blocks to
    // expandEndpoints in the set's order, which is by hash of each block's contents, not the
    // program's order, and keeps the first non-empty URL per service (within a block, the
    // service's own key before its aliases). Which block is "first" cannot be read from the
    // program, so every URL set for the service, in any block and under any of its keys, is a
    // candidate, and disagreeing candidates are decided by the worst of them.
    const custom: { key: string; block: number; url: unknown }[] = [];
    endpoints.blocks.forEach((block, i) => {
        for (const k of keys) if (block.has(k)) custom.push({ key: k, block: i, url: block.get(k) });
    });
    if (custom.length > 0) {
        const several = endpoints.blocks.length > 1;
        const located: Location[] = [];
        for (const { key, block, url } of custom) {
            const what = several ? `the provider's endpoint for ${quote(key)} in endpoints[${block}]` : `the provider's endpoint for ${quote(key)}`;
            if (isUnknown(url)) return { inRussia: "unknown", how: `${what} is not known yet`, unknowns: [`${what} is not known yet`] };
            if (typeof url !== "string") return { inRussia: "unknown", how: `${what} is not a string`, unknowns: [`${what} is not a string`] };
            located.push(locateEndpoint(url, what, settings));
        }
        const first = located[0]!;
        const disagreeing = located.find((l) => l.inRussia !== first.inRussia || l.country !== first.country);
        if (disagreeing) return worstOfDisagreeing(located);
        // A resource-level region that names an AWS region elsewhere contradicts a Russian endpoint:
        // at best the configuration is confused, at worst the resource goes to AWS. Do not pass it.
        // The same region as the provider's is no contradiction: pulumi-aws v7's Check copies the
        // provider's region into every resource that sets none, and an S3-compatible cloud is
        // commonly configured with a placeholder AWS region for request signing.
        const copiedFromProvider = providerRegion.kind === "value" && resourceRegion.kind === "value" && providerRegion.value === resourceRegion.value;
        if (first.inRussia === "yes" && resourceRegion.kind === "value" && !copiedFromProvider) {
            const regionEntry = findRegion("aws", resourceRegion.value);
            if (regionEntry) {
                const country = entryCountry(regionEntry);
                return {
                    inRussia: "no",
                    country,
                    region: regionEntry.id,
                    how: `${first.how}, but the resource's own region is ${quote(resourceRegion.value)} (AWS ${regionEntry.place ?? regionEntry.id}${country ? `, ${countryName(country)}` : ""}); the two contradict each other, so the pack cannot show the resource is in Russia`,
                    unknowns: [],
                };
            }
        }
        // Not known yet, it may name such a region (the resource's region set from another
        // resource's output): fail closed rather than pass the endpoint alone.
        if (first.inRussia === "yes" && resourceRegion.kind === "unknown") {
            const how = `${first.how}, but the resource's own region is not known yet, and a region in AWS elsewhere would contradict the endpoint`;
            return { inRussia: "unknown", how, unknowns: [how] };
        }
        return first;
    }

    // No custom endpoint: the service is AWS itself, in the resource's or the provider's region.
    // AWS has no region in Russia, so the resource is abroad whatever the region turns out to be:
    // a region that is unknown in preview, unreadable, or left to the deploy-time environment
    // decides only which foreign country, never whether it is abroad. That is "known abroad",
    // which onUnknown: warn never softens.
    if (resourceRegion.kind === "value") {
        const same = providerRegion.kind === "value" && providerRegion.value === resourceRegion.value;
        // pulumi-aws v7's Check copies the provider's region into the resource: say where it came from.
        return awsRegionLocation(resourceRegion.value, same ? "the resource's region (its provider's, which pulumi-aws copies into every resource)" : "the resource's region", serviceKey);
    }
    if (resourceRegion.kind === "absent" && providerRegion.kind === "value") return awsRegionLocation(providerRegion.value, "the provider's region", serviceKey);
    const which =
        resourceRegion.kind === "unknown"
            ? "the resource's region is not known yet"
            : resourceRegion.kind === "invalid"
              ? "the resource's region is not a string"
              : providerRegion.kind === "unknown"
                ? "the provider's region is not known yet"
                : providerRegion.kind === "invalid"
                  ? "the provider's region is not a string"
                  : "neither the resource nor its provider sets a region (the provider would take one from the environment at deploy time)";
    return {
        inRussia: "no",
        how: `${which}, but the provider has no custom endpoint for ${quote(serviceKey)}, so the data goes to AWS, which has no region in Russia: the resource is outside Russia whichever region it gets`,
        unknowns: [],
    };
}

/**
 * True when the resource's provider reaches the resource's service at AWS itself: its endpoints
 * are readable and none of them is for this service. Features that exist only on AWS (DynamoDB
 * global table replicas, cross-region snapshot copies) then go to an AWS region.
 */
export function servedByAws(resource: ResourceView): boolean {
    const endpoints = readEndpoints(resource.provider?.props);
    if (endpoints.kind !== "blocks") return false;
    const keys = endpointKeysFor(resource.type);
    return !endpoints.blocks.some((b) => keys.some((k) => b.has(k)));
}

/**
 * Several endpoints for one service that disagree: the provider uses one of them, and the program
 * does not say which (see locateAws), so the answer is the worst: abroad if any is abroad, else
 * unknown. Never Russia, since at least one candidate is not shown to be in Russia.
 */
function worstOfDisagreeing(located: readonly Location[]): Location {
    // The country named does not depend on the order the blocks are written in either; a
    // candidate with a country is named before one without (an AWS host that names no region).
    const foreign = located.filter((l) => l.inRussia === "no");
    const abroad = foreign.filter((l) => l.country !== undefined).sort((a, b) => a.country!.localeCompare(b.country!))[0] ?? foreign[0];
    const how = `the provider sets several endpoints for this service that disagree: ${located.map((l) => l.how).join("; ")}. The aws provider keeps endpoints as a set and uses the first URL of the set's own order (by hash, not the order written), so the pack cannot tell which one it uses and decides by the worst; keep one endpoints block with one URL per service`;
    if (abroad) return { inRussia: "no", country: abroad.country, region: abroad.region, how, unknowns: [] };
    return { inRussia: "unknown", how, unknowns: [how] };
}
