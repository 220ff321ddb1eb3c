// Clouds with no region in Russia (catalogue `clouds.<key>.regionInRussia: false`): whatever they
// host is not in Russia. The region or zone is still read, for the country in reports and for the
// cross-border picture; a missing or unknown one changes nothing about "not in Russia".
import { quote } from "../values";
import { cloudEntry } from "./catalogue";
import type { Location, ResourceView } from "./location";
import { collect, Collected, describePlace, place, Placed, unknownLocation } from "./read";

export interface ForeignCloud {
    /** Catalogue cloud key: "gcp", "azure", ... */
    cloud: string;
    /** Resource property paths that name a location, most specific first. */
    resourcePaths: readonly string[];
    /** Provider property paths (stack config `<pkg>:<key>` arrives as `key` on a default provider). */
    providerPaths: readonly string[];
    /** Turn a value into a catalogue region id when it is not one itself (a zone, a display name). */
    derive?: (value: string) => string | undefined;
    /** Said when neither the resource nor its provider names a location. */
    absentNote?: string;
}

function summary(collected: Collected, cloud: ForeignCloud, name: string): { placed?: Placed; text: string } {
    const first = collected.values[0];
    if (first) {
        const placed = place(cloud.cloud, first, cloud.derive);
        return { placed, text: describePlace(placed, name) };
    }
    if (collected.unknown.length > 0) return { text: `${collected.unknown.join(", ")} ${collected.unknown.length === 1 ? "is" : "are"} not known yet` };
    return { text: `the pack cannot read ${collected.invalid.join("; ")}` };
}

export function locateForeign(resource: ResourceView, cloud: ForeignCloud): Location {
    const entry = cloudEntry(cloud.cloud);
    if (!entry || entry.regionInRussia !== false) {
        // Only the catalogue may say a cloud has no Russian region; without that, say so and stop.
        return unknownLocation(`the pack's catalogue has no entry saying whether cloud ${quote(cloud.cloud)} has a region in Russia`);
    }
    const name = entry.name;
    const fromResource = collect(resource.props, cloud.resourcePaths, "the resource's");
    const fromProvider = collect(resource.provider?.props, cloud.providerPaths, "the provider's");
    const chosen = fromResource.values.length + fromResource.unknown.length + fromResource.invalid.length > 0 ? fromResource : fromProvider;
    const noRussia = `${name} has no region in Russia (${entry.source})`;
    if (chosen.values.length + chosen.unknown.length + chosen.invalid.length === 0) {
        return {
            inRussia: "no",
            how: `neither the resource nor its provider names a location${cloud.absentNote ? ` (${cloud.absentNote})` : ""}, but ${noRussia}, so it is not in Russia wherever it is`,
            unknowns: [],
        };
    }
    const { placed, text } = summary(chosen, cloud, name);
    if (placed?.country) {
        return { inRussia: "no", country: placed.country, region: placed.region, how: `${text}; ${noRussia}`, unknowns: [] };
    }
    return { inRussia: "no", region: placed?.region, how: `${text}; ${noRussia}, so it is not in Russia either way`, unknowns: [] };
}

export const trailingZoneLetter = (v: string): string | undefined => {
    const m = /^(.*\d)-?[a-z]$/i.exec(v.trim());
    return m ? m[1] : undefined;
};

export function locateAlicloud(resource: ResourceView): Location {
    // @pulumi/alicloud: most resources have no region of their own (provider `region`, config
    // alicloud:region); disks and databases name a zone (`zoneId`, `availabilityZone`).
    return locateForeign(resource, {
        cloud: "alicloud",
        resourcePaths: ["region", "zoneId", "availabilityZone"],
        providerPaths: ["region"],
        // Zones: "cn-hangzhou-h", "eu-central-1a".
        derive: (v) => /^(.*?)(?:-[a-z]|(?<=\d)[a-z])$/i.exec(v.trim())?.[1],
        absentNote: "the provider would take alicloud:region or ALICLOUD_REGION at deploy time",
    });
}

export function locateOci(resource: ResourceView): Location {
    // @pulumi/oci: the region is the provider's (`region`, config oci:region); resources carry
    // availability domains such as "Uocm:PHX-AD-1", which do not name the region id.
    return locateForeign(resource, { cloud: "oci", resourcePaths: ["region"], providerPaths: ["region"] });
}

export function locateDigitalocean(resource: ResourceView): Location {
    // @pulumi/digitalocean: droplets, volumes, database clusters and Spaces buckets have `region`.
    return locateForeign(resource, { cloud: "digitalocean", resourcePaths: ["region"], providerPaths: [] });
}

export function locateHcloud(resource: ResourceView): Location {
    // @pulumi/hcloud: servers and volumes have `location` ("fsn1"); servers may give `datacenter` ("fsn1-dc14").
    return locateForeign(resource, {
        cloud: "hcloud",
        resourcePaths: ["location", "datacenter"],
        providerPaths: [],
        derive: (v) => /^([a-z]+\d+)-dc\d+$/i.exec(v.trim())?.[1],
    });
}
