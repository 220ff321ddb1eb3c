// The Huawei Cloud stack: Cloud.ru Advanced (ex-SberCloud; `cloudru:` from
// sbercloud-terraform/pulumi-cloudru, `sbercloud:` for a package generated from the sbercloud
// Terraform provider) and Huawei Cloud itself (`huaweicloud:`).
//
// Resources carry `region` (else the provider's `region`, stack config <pkg>:region) and
// `availabilityZone` / `availabilityZones[]`. The region is looked up among the regions of the
// package's own cloud: "ru-moscow-1" is a verified Cloud.ru region; on Huawei Cloud the catalogue
// lists ru-northwest-2 and ru-moscow-1 without a verified country, so they are unknown, never
// guessed. If the provider names its identity endpoint (`authUrl`), that endpoint must be Russian
// too: a known foreign endpoint makes the resource not Russian, an unknown one makes it unknown.
// A huaweicloud provider pointed at another Huawei-stack installation through `cloud` (a domain
// other than the default myhuaweicloud.com) is unknown unless its authUrl is known.
import { quote } from "../values";
import { locateEndpoint } from "./endpoint-location";
import type { Location, LocationSettings, ResourceView } from "./location";
import { withIndexPaths } from "./index-paths";
import { collect, isEmpty, judgePlaces, providerString, unknownLocation } from "./read";

interface Stack {
    cloud: string;
    name: string;
}

const STACKS: Record<string, Stack> = {
    cloudru: { cloud: "cloudru", name: "Cloud.ru Advanced" },
    sbercloud: { cloud: "cloudru", name: "Cloud.ru Advanced" },
    huaweicloud: { cloud: "huaweicloud", name: "Huawei Cloud" },
};

const HUAWEI_DEFAULT_DOMAIN = "myhuaweicloud.com";

export function locateHuaweiStack(resource: ResourceView, settings: LocationSettings): Location {
    const pkg = resource.type.split(":")[0] ?? "";
    const stack = STACKS[pkg] ?? STACKS.huaweicloud!;
    const providerProps = resource.provider?.props;

    const authUrl = providerString(providerProps, "authUrl");
    if (authUrl.kind === "unknown") return unknownLocation("the provider's authUrl is not known yet");
    if (authUrl.kind === "invalid") return unknownLocation("the provider's authUrl is not a string");
    let suffix = "";
    if (authUrl.kind === "value") {
        const byEndpoint = locateEndpoint(authUrl.value, "the provider's authUrl", settings);
        if (byEndpoint.inRussia !== "yes") return byEndpoint;
        suffix = `, through ${byEndpoint.how}`;
    } else if (pkg === "huaweicloud") {
        const domain = providerString(providerProps, "cloud");
        if (domain.kind === "unknown") return unknownLocation("the provider's cloud (its endpoint domain) is not known yet");
        if (domain.kind === "value" && domain.value.toLowerCase() !== HUAWEI_DEFAULT_DOMAIN) {
            return unknownLocation(
                `the provider's cloud is ${quote(domain.value)}, another Huawei-stack installation than Huawei Cloud's ${HUAWEI_DEFAULT_DOMAIN}, and it sets no authUrl the pack could place; set authUrl, and add its host to endpointCountries if the pack does not know it`,
            );
        }
    }

    let places = collect(resource.props, ["region"], "the resource's");
    if (isEmpty(places)) places = collect(providerProps, ["region"], "the provider's");
    const zones = collect(
        resource.props,
        withIndexPaths(resource.type, ["availabilityZone", "availabilityZones[]"], (p) => p === "region"),
        "the resource's",
    );
    places = { values: [...places.values, ...zones.values], unknown: [...places.unknown, ...zones.unknown], invalid: [...places.invalid, ...zones.invalid] };
    if (isEmpty(places)) {
        return unknownLocation(`neither the resource nor its provider names a ${stack.name} region; set ${pkg}:region in the stack config`);
    }
    return judgePlaces(stack.cloud, stack.name, places, suffix);
}
