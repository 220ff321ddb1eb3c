// OpenStack (`openstack:` from @pulumi/openstack), as run by VK Cloud and Selectel.
//
// A region name means nothing on its own: every OpenStack installation names its regions as it
// likes ("RegionOne" is the default everywhere). So the installation comes first, from the
// provider's identity endpoint `authUrl` (stack config openstack:authUrl):
// - the pack config endpointCountries, or a catalogue endpoint with a country (VK Cloud Moscow
//   infra.mail.ru, VK Cloud Kazakhstan kz.infra.mail.ru), decides the country;
// - a catalogue endpoint shared by several regions (Selectel cloud.api.selcloud.ru) needs the
//   region: the resource's `region`, else the provider's `region`, looked up among that cloud's
//   regions (Selectel pools ru-1, ru-3, ... Russia; uz-1 Uzbekistan);
// - an authUrl the pack does not know, or none (it may come from OS_AUTH_URL or clouds.yaml at
//   deploy time), is unknown.
// A region or availability zone that the same cloud places in another country than its identity
// endpoint contradicts it, and is not passed as Russia.
import { countryName, RUSSIA } from "../countries";
import { quote } from "../values";
import { findConfiguredEndpoint, findEndpoint } from "./catalogue";
import { endpointHost } from "./endpoint";
import { locateEndpoint } from "./endpoint-location";
import type { Location, LocationSettings, ResourceView } from "./location";
import { withIndexPaths } from "./index-paths";
import { collect, isEmpty, judgePlaces, place, providerString, unknownLocation } from "./read";

const CLOUD_NAMES: Record<string, string> = { vkcloud: "VK Cloud", selectel: "Selectel" };

function regions(resource: ResourceView) {
    const own = collect(resource.props, ["region"], "the resource's");
    return isEmpty(own) ? collect(resource.provider?.props, ["region"], "the provider's") : own;
}

export function locateOpenstack(resource: ResourceView, settings: LocationSettings): Location {
    const authUrl = providerString(resource.provider?.props, "authUrl");
    if (authUrl.kind === "unknown") return unknownLocation("the provider's authUrl is not known yet");
    if (authUrl.kind === "invalid") return unknownLocation("the provider's authUrl is not a string");
    if (authUrl.kind === "absent") {
        return unknownLocation(
            "the provider sets no authUrl (it would come from OS_AUTH_URL or clouds.yaml at deploy time, which the pack cannot see), and an OpenStack region name says nothing without its installation; set openstack:authUrl in the stack config (or authUrl on the provider)",
        );
    }
    const what = "the provider's authUrl";
    const byEndpoint = locateEndpoint(authUrl.value, what, settings);
    const host = endpointHost(authUrl.value).host;
    const configured = host ? findConfiguredEndpoint(host, settings.endpointCountries) : undefined;
    const entry = host && !configured ? findEndpoint(host) : undefined;
    if (!entry || !entry.cloud) return byEndpoint;

    const cloud = entry.cloud;
    const cloudName = CLOUD_NAMES[cloud] ?? entry.operator;
    const named = regions(resource);
    // The SDK's other zone-named fields are DNS zones and container names; only availability zones place a resource.
    const zones = collect(
        resource.props,
        withIndexPaths(resource.type, ["availabilityZone"], (p) => !/availabilityZones?(\[\])?$/.test(p)),
        "the resource's",
    );

    if (entry.country === null) {
        // One identity endpoint for several regions: the region decides.
        if (isEmpty(named)) {
            return unknownLocation(
                `${what} is host ${quote(host ?? "")}, ${entry.operator}'s identity endpoint for all its regions, and neither the resource nor the provider names a region; set openstack:region in the stack config`,
            );
        }
        return judgePlaces(cloud, cloudName, named, `, on ${entry.operator} (identity endpoint ${quote(host ?? "")})`);
    }

    if (byEndpoint.inRussia !== "yes") return byEndpoint;
    // The endpoint is Russian; a region or zone the same cloud places elsewhere contradicts it.
    for (const found of [...named.values, ...zones.values]) {
        const p = place(cloud, found);
        if (p.country && p.country !== RUSSIA) {
            return {
                inRussia: "no",
                country: p.country,
                region: p.region,
                how: `${byEndpoint.how}, but ${found.what} is ${quote(found.value)}, which is ${cloudName}'s ${p.region} in ${countryName(p.country)}; the two contradict each other, so the pack cannot show the resource is in Russia`,
                unknowns: [],
            };
        }
    }
    // A region or zone field that is set but cannot be read may name another region: fail closed,
    // naming the field.
    const unreadable = [...named.invalid, ...zones.invalid];
    if (unreadable.length > 0) return unknownLocation(`${byEndpoint.how}, but the pack cannot read ${unreadable.join("; ")}, so it cannot show the resource stays in that installation`);
    // A region or zone not known yet cannot leave the installation its identity endpoint serves.
    return byEndpoint;
}
