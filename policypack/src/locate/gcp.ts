// Google Cloud (`gcp:` from @pulumi/gcp, `google-native:`): no region in Russia. The location is
// read for reports: `location` (buckets: a region, a multi-region such as "EU", or a dual-region
// such as "EUR4"; datasets, clusters), `region` (Cloud SQL, regional disks), `zone` (disks),
// `locationId` (Firestore, Memorystore), Bigtable `clusters[].zone`, Spanner `config`, and the
// provider's `region` / `zone` (stack config gcp:region, gcp:zone).
import type { Location, ResourceView } from "./location";
import { locateForeign, trailingZoneLetter } from "./generic-region";
import { withIndexPaths } from "./index-paths";

const RESOURCE_PATHS = ["location", "region", "zone", "locationId", "clusters[].zone", "customPlacementConfig.dataLocations[]"];
// A restore or import names where data comes from, not where this resource keeps it.
const ELSEWHERE = (path: string): boolean => /restore|source|import/i.test(path);

/** "europe-west3-a" → "europe-west3"; Spanner "regional-europe-west1" → "europe-west1". */
function gcpRegionOf(value: string): string | undefined {
    const v = value.trim().toLowerCase();
    if (v.startsWith("regional-")) return v.slice("regional-".length);
    return trailingZoneLetter(v);
}

export function locateGcp(resource: ResourceView): Location {
    const spanner = /^(gcp:spanner\/instance:|google-native:spanner\/v\d+:Instance$)/.test(resource.type);
    return locateForeign(resource, {
        cloud: "gcp",
        // Then the paths the SDK declares for the type (settings.locationPreference.zone, ...).
        resourcePaths: withIndexPaths(resource.type, spanner ? [...RESOURCE_PATHS, "config"] : RESOURCE_PATHS, ELSEWHERE),
        providerPaths: ["region", "zone"],
        derive: gcpRegionOf,
        absentNote: "the provider would take a default from the environment at deploy time",
    });
}
