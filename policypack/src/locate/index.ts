// Locate a resource: pick the resolver for its provider package, or the user's mapping.
import { quote } from "../values";
import { locateAws } from "./aws";
import { locateAzure } from "./azure";
import { locateGcp } from "./gcp";
import { locateAlicloud, locateDigitalocean, locateHcloud, locateOci } from "./generic-region";
import { locateHuaweiStack } from "./huawei";
import { locateKubernetes } from "./kubernetes";
import { locateOpenstack } from "./openstack";
import { locateYandex } from "./yandex";
import { configuredLocation, type Location, type LocationSettings, type ResourceView } from "./location";

export type { Location, LocationSettings, ResourceView } from "./location";
export { DEFAULT_LOCATION_SETTINGS } from "./location";

type Resolver = (resource: ResourceView, settings: LocationSettings) => Location;

// One small resolver per provider package (the type token's prefix). They are plain functions
// over property names, so none needs its provider's SDK.
const RESOLVERS: Record<string, Resolver> = {
    aws: locateAws,
    // Russian clouds and the stacks they run (docs/providers.md).
    yandex: locateYandex,
    openstack: locateOpenstack,
    cloudru: locateHuaweiStack,
    sbercloud: locateHuaweiStack,
    huaweicloud: locateHuaweiStack,
    kubernetes: locateKubernetes,
    // Clouds with no region in Russia: located for reports, never Russian.
    gcp: locateGcp,
    "google-native": locateGcp,
    "azure-native": locateAzure,
    azure: locateAzure,
    alicloud: locateAlicloud,
    oci: locateOci,
    digitalocean: locateDigitalocean,
    hcloud: locateHcloud,
};

/** The provider packages the pack has a resolver for. */
export const RESOLVER_PACKAGES: readonly string[] = Object.keys(RESOLVERS);

/** The provider package of a type token: "aws" for "aws:s3/bucket:Bucket". */
export function packageOf(type: string): string {
    const i = type.indexOf(":");
    return i < 0 ? type : type.slice(0, i);
}

export function hasResolver(pkg: string): boolean {
    return Object.prototype.hasOwnProperty.call(RESOLVERS, pkg);
}

function resolverFor(pkg: string): Resolver | undefined {
    return Object.prototype.hasOwnProperty.call(RESOLVERS, pkg) ? RESOLVERS[pkg] : undefined;
}

/** A providerLocations entry for the resource's provider: by URN, then name, then type, then package. */
function configuredProviderLocation(resource: ResourceView, settings: LocationSettings): Location | undefined {
    const pkg = packageOf(resource.type);
    const p = resource.provider;
    const candidates: [string | undefined, string][] = [
        [p?.urn, "provider URN"],
        [p?.name, "provider name"],
        [p?.type, "provider type"],
        [pkg, "provider package"],
    ];
    return configuredLocation("providerLocations", settings.providerLocations, candidates);
}

export function locate(resource: ResourceView, settings: LocationSettings): Location {
    const pkg = packageOf(resource.type);
    const resolver = resolverFor(pkg);
    if (resolver) return resolver(resource, settings);
    const configured = configuredProviderLocation(resource, settings);
    if (configured) return configured;
    const how = `the pack has no location resolver for provider package ${quote(pkg)} and the pack config providerLocations does not map it; the pack never guesses a location`;
    return { inRussia: "unknown", how, unknowns: [how] };
}
