// What "where is this resource" answers look like.
import type { Tri } from "../classify/classification";
import { countryCode, countryName, RUSSIA } from "../countries";
import { quote } from "../values";

export interface Location {
    /** "yes" only when a verified catalogue entry or the pack's config says Russia. */
    inRussia: Tri;
    /** ISO 3166-1 alpha-2 country, when one was derived. */
    country?: string;
    /** The region or zone the answer rests on, if any. */
    region?: string;
    /** How the answer was derived, in words, for the message. */
    how: string;
    /** Values that are not known yet or cannot be read, in words. */
    unknowns: string[];
}

export interface LocationSettings {
    /** Endpoint host (exact, or "*.example.com" for a domain and its subdomains) → ISO country code. */
    endpointCountries: Readonly<Record<string, string>>;
    /** Provider URN, provider name, provider type or package → ISO country code. */
    providerLocations: Readonly<Record<string, string>>;
    /** Kubernetes provider URN, name, kubeconfig context or cluster name → ISO country code. */
    clusterLocations: Readonly<Record<string, string>>;
    /**
     * "documented" (the default): a provider setting left unset takes the provider's documented
     * default (Yandex storageEndpoint → storage.yandexcloud.net). "strict": it is unknown, for teams
     * that steer those settings through deploy-time environment variables the pack cannot see.
     */
    providerDefaults?: "documented" | "strict";
}

export const DEFAULT_LOCATION_SETTINGS: LocationSettings = {
    endpointCountries: {},
    providerLocations: {},
    clusterLocations: {},
};

/** What a location resolver sees of a resource. Props are plain values (unknowns as sentinels). */
export interface ResourceView {
    type: string;
    name: string;
    urn: string;
    props: unknown;
    provider?: { type: string; name: string; urn: string; props: unknown };
}

export function unknownLocation(how: string, unknowns: string[] = [how]): Location {
    return { inRussia: "unknown", how, unknowns };
}

/**
 * The first candidate key that a pack config map (providerLocations, clusterLocations) maps to a
 * country: each candidate is a key and what it is, in words ("provider URN"). An entry whose value
 * is not a country code maps nothing (the config check has already reported it).
 */
export function configuredLocation(mapName: string, map: Readonly<Record<string, string>>, candidates: readonly (readonly [string | undefined, string])[]): Location | undefined {
    for (const [key, label] of candidates) {
        if (!key || !Object.prototype.hasOwnProperty.call(map, key)) continue;
        const raw = map[key];
        const country = typeof raw === "string" ? countryCode(raw) : undefined;
        if (!country) continue;
        return { inRussia: country === RUSSIA ? "yes" : "no", country, how: `the pack config ${mapName} maps the ${label} ${quote(key)} to ${countryName(country)}`, unknowns: [] };
    }
    return undefined;
}
