// Where an @pulumi/aws resource is: its own region, its provider's endpoint for the service, or
// its provider's region, in that order of evidence.
import awsServices from "../../data/aws-services.json";
import { BoundedCache } from "../bounded-cache";
import { countryName } from "../countries";
import { field, isPlainObject, isUnknown, jsonish, quote } from "../values";
import { entryCountry, findRegion } from "./catalogue";
import { locateEndpoint } from "./endpoint-location";
import type { Location, LocationSettings, ResourceView } from "./location";

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

type Str = { kind: "absent" } | { kind: "unknown" } | { kind: "value"; value: string } | { kind: "invalid" };

function readString(value: unknown): Str {
    if (value === undefined || value === null || value === "") return { kind: "absent" };
    if (isUnknown(value)) return { kind: "unknown" };
    if (typeof value === "string") return { kind: "value", value: value.trim() };
    return { kind: "invalid" };
}

type Endpoints =
    | { kind: "unknown"; what: string }
    | { kind: "unreadable"; what: string }
    | { kind: "map"; entries: ReadonlyMap<string, unknown> };

/** The provider's `endpoints`: a JSON string of a list of maps (as the SDK sends it), a list, or a map. */
export function readEndpoints(providerProps: unknown): Endpoints {
    const raw = field(providerProps, "endpoints");
    // The SDK sends endpoints as a JSON string, the same one for every resource of the provider:
    // read each distinct string once. Results are shared; callers must not change them.
    return typeof raw === "string" ? endpointsByText.get(raw, endpointsOf) : endpointsOf(raw);
}
const endpointsByText = new BoundedCache<string, Endpoints>(1000);

function endpointsOf(raw: unknown): Endpoints {
    if (isUnknown(raw)) return { kind: "unknown", what: "the provider's endpoints are not known yet" };
    const parsed = jsonish(raw);
    if (!parsed.ok) return { kind: "unreadable", what: "the provider's endpoints are a string that is not JSON" };
    const value = parsed.value;
    const entries = new Map<string, unknown>();
    if (value === undefined || value === null) return { kind: "map", entries };
    if (isUnknown(value)) return { kind: "unknown", what: "the provider's endpoints are not known yet" };
    const blocks = Array.isArray(value) ? value : [value];
    for (const block of blocks) {
        if (isUnknown(block)) return { kind: "unknown", what: "an entry of the provider's endpoints is not known yet" };
        if (block === null || block === undefined) continue;
        if (!isPlainObject(block)) return { kind: "unreadable", what: "the provider's endpoints are not a list of maps" };
        for (const [k, v] of Object.entries(block)) {
            if (v === null || v === undefined || v === "") continue;
            entries.set(k.trim().toLowerCase(), v);
        }
    }
    return { kind: "map", entries };
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
    if (endpoints.kind !== "map") return { inRussia: "unknown", how: endpoints.what, unknowns: [endpoints.what] };

    const custom: { key: string; url: unknown }[] = [];
    for (const k of keys) {
        if (endpoints.entries.has(k)) custom.push({ key: k, url: endpoints.entries.get(k) });
    }
    if (custom.length > 0) {
        const located: Location[] = [];
        for (const { key, url } of custom) {
            const what = `the provider's endpoint for ${quote(key)}`;
            if (isUnknown(url)) return { inRussia: "unknown", how: `${what} is not known yet`, unknowns: [`${what} is not known yet`] };
            if (typeof url !== "string") return { inRussia: "unknown", how: `${what} is not a string`, unknowns: [`${what} is not a string`] };
            located.push(locateEndpoint(url, what, settings));
        }
        const first = located[0]!;
        const disagreeing = located.find((l) => l.inRussia !== first.inRussia || l.country !== first.country);
        if (disagreeing) {
            return {
                inRussia: "no",
                how: `the provider sets several endpoints for this service that disagree: ${located.map((l) => l.how).join("; ")}. The pack cannot tell which one the provider uses; keep one`,
                unknowns: [],
            };
        }
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
        return first;
    }

    // No custom endpoint: the service is AWS itself, in the resource's or the provider's region.
    if (resourceRegion.kind === "unknown") return unknownLocation("the resource's region is not known yet");
    if (resourceRegion.kind === "value") {
        const same = providerRegion.kind === "value" && providerRegion.value === resourceRegion.value;
        // pulumi-aws v7's Check copies the provider's region into the resource: say where it came from.
        return awsRegionLocation(resourceRegion.value, same ? "the resource's region (its provider's, which pulumi-aws copies into every resource)" : "the resource's region", serviceKey);
    }
    if (resourceRegion.kind === "invalid") return unknownLocation("the resource's region is not a string");
    if (providerRegion.kind === "unknown") return unknownLocation("the provider's region is not known yet");
    if (providerRegion.kind === "value") return awsRegionLocation(providerRegion.value, "the provider's region", serviceKey);
    if (providerRegion.kind === "invalid") return unknownLocation("the provider's region is not a string");
    return unknownLocation(
        "neither the resource nor its provider sets a region (the provider would take one from the environment at deploy time, which the pack cannot see); set aws:region in the stack config or region on the provider",
    );
}

function unknownLocation(how: string): Location {
    return { inRussia: "unknown", how, unknowns: [how] };
}
