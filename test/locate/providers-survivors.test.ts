// Kubernetes, the Huawei stack (Cloud.ru, SberCloud, Huawei Cloud), OpenStack (VK Cloud,
// Selectel) and the package dispatch in locate(), answer by answer with their exact words.
import { describe, expect, it } from "vitest";
import { hasResolver, locate, packageOf, RESOLVER_PACKAGES } from "../../policypack/src/locate";
import { locateHuaweiStack } from "../../policypack/src/locate/huawei";
import { locateKubernetes } from "../../policypack/src/locate/kubernetes";
import { configuredLocation, DEFAULT_LOCATION_SETTINGS, unknownLocation, type LocationSettings, type ResourceView } from "../../policypack/src/locate/location";
import { locateOpenstack } from "../../policypack/src/locate/openstack";
import { UNKNOWN } from "../../policypack/src/values";

const S = DEFAULT_LOCATION_SETTINGS;
const view = (type: string, props: Record<string, unknown>, providerProps: Record<string, unknown> = {}, name = "p"): ResourceView => ({
    type,
    name: "r",
    urn: "u",
    props,
    provider: { type: `pulumi:providers:${type.split(":")[0]}`, name, urn: "urn:p", props: providerProps },
});
const unknown = (how: string) => ({ inRussia: "unknown", how, unknowns: [how] });
const yes = (region: string | undefined, how: string) => ({ inRussia: "yes", country: "RU", ...(region ? { region } : {}), how, unknowns: [] });

describe("Kubernetes", () => {
    const PVC = "kubernetes:core/v1:PersistentVolumeClaim";
    const k8s = (providerProps: Record<string, unknown>, clusterLocations: Record<string, string> = {}) => locateKubernetes(view(PVC, {}, providerProps), { ...S, clusterLocations });
    const MAPS_NONE = "a Kubernetes cluster's location is not in its objects, and the pack config clusterLocations maps none of";
    const ADD = "; add the provider's URN, name, context or cluster to clusterLocations with the country the cluster runs in";
    const CURRENT = "(the provider names no context, so it uses the kubeconfig's current context, which the pack cannot see)";

    it("names every key it tried, and the current context when the provider names none", () => {
        expect(k8s({})).toEqual(unknown(`${MAPS_NONE} provider URN "urn:p", provider name "p" ${CURRENT}${ADD}`));
        expect(k8s({ context: "c1", cluster: "k1" })).toEqual(unknown(`${MAPS_NONE} provider URN "urn:p", provider name "p", kubeconfig context "c1", cluster name "k1"${ADD}`));
        expect(k8s({ context: 5 })).toEqual(unknown(`${MAPS_NONE} provider URN "urn:p", provider name "p"${ADD}`));
        expect(locateKubernetes({ type: PVC, name: "r", urn: "u", props: {} }, S)).toEqual(unknown(`${MAPS_NONE} this resource's provider (it has no URN, name, context or cluster) ${CURRENT}${ADD}`));
    });

    it("says which of context and cluster are not known yet", () => {
        expect(k8s({ context: UNKNOWN, cluster: UNKNOWN })).toEqual(
            unknown(`${MAPS_NONE} provider URN "urn:p", provider name "p" (the provider's context is not known yet; the provider's cluster is not known yet)${ADD}`),
        );
        expect(k8s({ context: "c1", cluster: UNKNOWN })).toEqual(
            unknown(`${MAPS_NONE} provider URN "urn:p", provider name "p", kubeconfig context "c1" (the provider's cluster is not known yet)${ADD}`),
        );
        expect(k8s({ cluster: "k1", context: UNKNOWN })).toEqual(unknown(`${MAPS_NONE} provider URN "urn:p", provider name "p", cluster name "k1" (the provider's context is not known yet)${ADD}`));
    });

    it("takes the context before the cluster, skipping an entry that is not a country", () => {
        expect(k8s({ context: "c1", cluster: "k1" }, { k1: "DE", c1: "RU" })).toEqual({
            inRussia: "yes",
            country: "RU",
            how: 'the pack config clusterLocations maps the kubeconfig context "c1" to Russia (RU)',
            unknowns: [],
        });
        expect(k8s({ context: "c1", cluster: "k1" }, { k1: "DE", c1: "XX" })).toEqual({
            inRussia: "no",
            country: "DE",
            how: 'the pack config clusterLocations maps the cluster name "k1" to Germany (DE)',
            unknowns: [],
        });
    });
});

describe("the Huawei stack", () => {
    const OBS = "cloudru:index/obsBucket:ObsBucket";
    const HW = "huaweicloud:Obs/bucket:Bucket";
    const hw = (type: string, props: Record<string, unknown>, providerProps: Record<string, unknown> = {}, settings: LocationSettings = S) =>
        locateHuaweiStack(view(type, props, providerProps), settings);
    const MOSCOW = "(Cloud.ru Advanced ru-moscow-1: Moscow, Russia (RU))";

    it("is Russia in a verified Cloud.ru region, naming every region and zone", () => {
        expect(hw(OBS, { region: "ru-moscow-1" })).toEqual(yes("ru-moscow-1", `the resource's region is "ru-moscow-1" ${MOSCOW}`));
        expect(hw(OBS, { availabilityZone: "ru-moscow-1a" }, { region: "ru-moscow-1" })).toEqual(
            yes("ru-moscow-1", `the provider's region is "ru-moscow-1" ${MOSCOW}; the resource's availabilityZone is "ru-moscow-1a" ${MOSCOW}`),
        );
        expect(hw(OBS, { availabilityZones: ["ru-moscow-1a", "ru-moscow-1b"] })).toEqual(
            yes("ru-moscow-1", `the resource's availabilityZones[0] is "ru-moscow-1a" ${MOSCOW}; the resource's availabilityZones[1] is "ru-moscow-1b" ${MOSCOW}`),
        );
    });

    it("says through which identity endpoint, when the provider names one in Russia", () => {
        expect(hw(OBS, {}, { region: "ru-moscow-1", authUrl: "https://iam.ru-moscow-1.hc.sbercloud.ru/v3" })).toEqual(
            yes(
                "ru-moscow-1",
                `the provider's region is "ru-moscow-1" ${MOSCOW}, through the provider's authUrl is host "iam.ru-moscow-1.hc.sbercloud.ru": Cloud.ru (SberCloud) Advanced IAM (identity), Russia (RU)`,
            ),
        );
    });

    it("is what the identity endpoint is when it is not Russia", () => {
        expect(hw(OBS, { region: "ru-moscow-1" }, { authUrl: "https://iam.example.com/v3" })).toEqual(
            unknown("the provider's authUrl is host \"iam.example.com\", a host that is not in the pack's catalogue; if you know where it is, add it to endpointCountries"),
        );
        expect(hw(OBS, { region: "ru-moscow-1" }, { authUrl: "https://iam.example.com/v3" }, { ...S, endpointCountries: { "iam.example.com": "DE" } })).toMatchObject({
            inRussia: "no",
            country: "DE",
        });
        expect(hw(OBS, {}, { authUrl: UNKNOWN })).toEqual(unknown("the provider's authUrl is not known yet"));
        expect(hw(OBS, {}, { authUrl: 5 })).toEqual(unknown("the provider's authUrl is not a string"));
    });

    it("judges a package it does not know on Huawei Cloud's catalogue", () => {
        expect(hw("weird", {}, { region: "ru-moscow-1" })).toEqual(
            unknown(
                'the provider\'s region is "ru-moscow-1" (Huawei Cloud ru-moscow-1), but the catalogue has no verified country for it (https://github.com/sbercloud-terraform/terraform-provider-sbercloud/blob/master/docs/index.md)',
            ),
        );
    });

    it("asks for the region in the stack config of the resource's own package", () => {
        expect(hw(OBS, {})).toEqual(unknown("neither the resource nor its provider names a Cloud.ru Advanced region; set cloudru:region in the stack config"));
        expect(hw("sbercloud:x:Y", {})).toEqual(unknown("neither the resource nor its provider names a Cloud.ru Advanced region; set sbercloud:region in the stack config"));
        expect(hw(HW, {})).toEqual(unknown("neither the resource nor its provider names a Huawei Cloud region; set huaweicloud:region in the stack config"));
    });

    it("reads the provider's region only when the resource names none, not when it is not known yet", () => {
        expect(hw(OBS, { region: UNKNOWN }, { region: "ru-moscow-1" })).toEqual(unknown("the resource's region is not known yet"));
        expect(hw(OBS, {}, { region: "eu-west-101" })).toEqual(
            unknown("the provider's region is \"eu-west-101\", which the pack's catalogue does not list among Cloud.ru Advanced's regions and zones"),
        );
    });

    it("huaweicloud: another installation through cloud is unknown, Huawei Cloud's own domain in any case is not", () => {
        expect(hw(HW, {}, { region: "eu-west-101", cloud: "Example-Cloud.com" })).toEqual(
            unknown(
                "the provider's cloud is \"Example-Cloud.com\", another Huawei-stack installation than Huawei Cloud's myhuaweicloud.com, and it sets no authUrl the pack could place; set authUrl, and add its host to endpointCountries if the pack does not know it",
            ),
        );
        const dublin = { inRussia: "no", country: "IE", region: "eu-west-101", how: 'the provider\'s region is "eu-west-101" (Huawei Cloud eu-west-101: EU-Dublin, Ireland (IE))', unknowns: [] };
        expect(hw(HW, {}, { region: "eu-west-101", cloud: "MyHuaweiCloud.com" })).toEqual(dublin);
        expect(hw(HW, {}, { region: "eu-west-101", cloud: 5 })).toEqual(dublin);
        expect(hw(HW, {}, { region: "eu-west-101", cloud: UNKNOWN })).toEqual(unknown("the provider's cloud (its endpoint domain) is not known yet"));
        // cloud is a huaweicloud setting: Cloud.ru's packages do not read it.
        expect(hw(OBS, {}, { region: "ru-moscow-1", cloud: "example.com" })).toEqual(yes("ru-moscow-1", `the provider's region is "ru-moscow-1" ${MOSCOW}`));
        expect(hw(OBS, {}, { region: "ru-moscow-1", cloud: UNKNOWN }).inRussia).toBe("yes");
    });
});

describe("OpenStack", () => {
    const VM = "openstack:compute/instance:Instance";
    const VK = "https://infra.mail.ru:35357/v3/";
    const SELECTEL = "https://cloud.api.selcloud.ru/identity/v3";
    const os = (props: Record<string, unknown>, providerProps: Record<string, unknown>, settings: LocationSettings = S, type = VM) => locateOpenstack(view(type, props, providerProps), settings);
    const VK_HOW = 'the provider\'s authUrl is host "infra.mail.ru": VK Cloud OpenStack APIs incl. Keystone identity (Moscow region), Russia (RU)';

    it("needs an identity endpoint it can read", () => {
        expect(os({}, {})).toEqual(
            unknown(
                "the provider sets no authUrl (it would come from OS_AUTH_URL or clouds.yaml at deploy time, which the pack cannot see), and an OpenStack region name says nothing without its installation; set openstack:authUrl in the stack config (or authUrl on the provider)",
            ),
        );
        expect(os({}, { authUrl: UNKNOWN })).toEqual(unknown("the provider's authUrl is not known yet"));
        expect(os({}, { authUrl: 5 })).toEqual(unknown("the provider's authUrl is not a string"));
        expect(os({ region: "ru-1" }, { authUrl: "https://a b" })).toEqual(
            unknown('the provider\'s authUrl "https://a b" has no host the pack can read (it contains a backslash, a space or a control character, which URL parsers read differently)'),
        );
        expect(os({}, { authUrl: "https://keystone.example.com/v3" })).toEqual(
            unknown("the provider's authUrl is host \"keystone.example.com\", a host that is not in the pack's catalogue; if you know where it is, add it to endpointCountries"),
        );
    });

    it("is where an endpoint with a country is, unless a region or zone of the same cloud is elsewhere", () => {
        expect(os({}, { authUrl: VK })).toEqual(yes("RegionOne", VK_HOW));
        expect(os({ region: UNKNOWN, availabilityZone: "GZ1" }, { authUrl: VK })).toEqual(yes("RegionOne", VK_HOW));
        expect(os({ availabilityZone: "QAZ" }, { authUrl: VK })).toEqual({
            inRussia: "no",
            country: "KZ",
            region: "kz",
            how: `${VK_HOW}, but the resource's availabilityZone is "QAZ", which is VK Cloud's kz in Kazakhstan (KZ); the two contradict each other, so the pack cannot show the resource is in Russia`,
            unknowns: [],
        });
        expect(os({}, { region: "kz", authUrl: VK }).how).toBe(
            `${VK_HOW}, but the provider's region is "kz", which is VK Cloud's kz in Kazakhstan (KZ); the two contradict each other, so the pack cannot show the resource is in Russia`,
        );
        expect(os({}, { authUrl: "https://kz.infra.mail.ru/v3" })).toEqual({
            inRussia: "no",
            country: "KZ",
            region: "kz",
            how: 'the provider\'s authUrl is host "kz.infra.mail.ru": VK Cloud Keystone identity, Kazakhstan region, Kazakhstan (KZ)',
            unknowns: [],
        });
    });

    it("is unknown when a region or zone next to a Russian endpoint cannot be read", () => {
        expect(os({ region: 5 }, { authUrl: VK })).toEqual(
            unknown(`${VK_HOW}, but the pack cannot read the resource's region (a number, not a string), so it cannot show the resource stays in that installation`),
        );
        expect(os({ availabilityZone: 5 }, { authUrl: VK }, S, "openstack:blockstorage/volume:Volume")).toEqual(
            unknown(`${VK_HOW}, but the pack cannot read the resource's availabilityZone (a number, not a string), so it cannot show the resource stays in that installation`),
        );
    });

    it("decides by the region on an identity endpoint shared by several regions", () => {
        expect(os({}, { authUrl: SELECTEL })).toEqual(
            unknown(
                "the provider's authUrl is host \"cloud.api.selcloud.ru\", Selectel's identity endpoint for all its regions, and neither the resource nor the provider names a region; set openstack:region in the stack config",
            ),
        );
        expect(os({}, { region: "ru-1", authUrl: SELECTEL })).toEqual(
            yes("ru-1", 'the provider\'s region is "ru-1" (Selectel ru-1: St. Petersburg, Russia (RU)), on Selectel (identity endpoint "cloud.api.selcloud.ru")'),
        );
        expect(os({ region: "uz-1" }, { region: "ru-1", authUrl: SELECTEL })).toEqual({
            inRussia: "no",
            country: "UZ",
            region: "uz-1",
            how: 'the resource\'s region is "uz-1" (Selectel uz-1: Tashkent, Uzbekistan (UZ)), on Selectel (identity endpoint "cloud.api.selcloud.ru")',
            unknowns: [],
        });
    });

    it("lets endpointCountries decide an identity endpoint, before the catalogue", () => {
        expect(os({ region: "uz-1" }, { authUrl: SELECTEL }, { ...S, endpointCountries: { "cloud.api.selcloud.ru": "RU" } })).toEqual(
            yes(undefined, 'the provider\'s authUrl is host "cloud.api.selcloud.ru", which the pack config endpointCountries["cloud.api.selcloud.ru"] places in Russia (RU)'),
        );
    });
});

describe("locate", () => {
    const RANDOM = "random:index/randomId:RandomId";
    const at = (providerLocations: Record<string, string>, type = RANDOM) => locate(view(type, {}, {}, "pn"), { ...S, providerLocations });

    it("reads the package of a type token", () => {
        expect([packageOf("aws:s3/bucket:Bucket"), packageOf("nocolon"), packageOf(":x")]).toEqual(["aws", "nocolon", ""]);
        expect([hasResolver("aws"), hasResolver("constructor"), hasResolver("nope")]).toEqual([true, false, false]);
        expect(RESOLVER_PACKAGES).toEqual([
            "aws",
            "yandex",
            "openstack",
            "cloudru",
            "sbercloud",
            "huaweicloud",
            "kubernetes",
            "gcp",
            "google-native",
            "azure-native",
            "azure",
            "alicloud",
            "oci",
            "digitalocean",
            "hcloud",
        ]);
    });

    it("never guesses for a package it has no resolver for", () => {
        for (const pkg of ["random", "constructor"]) {
            expect(at({}, `${pkg}:x:Y`)).toEqual(
                unknown(`the pack has no location resolver for provider package "${pkg}" and the pack config providerLocations does not map it; the pack never guesses a location`),
            );
        }
    });

    it("maps such a package by provider URN, then name, then type, then package", () => {
        const maps = (label: string, key: string, country: string, name: string) => ({
            inRussia: country === "RU" ? "yes" : "no",
            country,
            how: `the pack config providerLocations maps the ${label} "${key}" to ${name}`,
            unknowns: [],
        });
        expect(at({ pn: "DE", "urn:p": "RU" })).toEqual(maps("provider URN", "urn:p", "RU", "Russia (RU)"));
        expect(at({ random: "RU", pn: "DE" })).toEqual(maps("provider name", "pn", "DE", "Germany (DE)"));
        expect(at({ random: "RU", "pulumi:providers:random": "DE" })).toEqual(maps("provider type", "pulumi:providers:random", "DE", "Germany (DE)"));
        expect(at({ random: "RU" })).toEqual(maps("provider package", "random", "RU", "Russia (RU)"));
        expect(locate({ type: "random:x:Y", name: "r", urn: "u", props: {} }, { ...S, providerLocations: { random: "DE" } }).country).toBe("DE");
    });

    it("does not let providerLocations override a resolver", () => {
        expect(at({ pn: "RU" }, "aws:s3/bucket:Bucket").inRussia).toBe("no");
    });
});

describe("location helpers", () => {
    it("configuredLocation takes the first candidate mapped to a country", () => {
        expect(
            configuredLocation("m", { a: "XX", b: "de" }, [
                [undefined, "u"],
                ["", "e"],
                ["a", "A"],
                ["b", "B"],
            ]),
        ).toEqual({ inRussia: "no", country: "DE", how: 'the pack config m maps the B "b" to Germany (DE)', unknowns: [] });
        expect(configuredLocation("m", { a: 5 } as unknown as Record<string, string>, [["a", "A"]])).toBeUndefined();
        expect(configuredLocation("m", {}, [["constructor", "c"]])).toBeUndefined();
    });

    it("unknownLocation lists its words as the unknown unless told otherwise", () => {
        expect(unknownLocation("x")).toEqual({ inRussia: "unknown", how: "x", unknowns: ["x"] });
        expect(unknownLocation("x", [])).toEqual({ inRussia: "unknown", how: "x", unknowns: [] });
    });
});
