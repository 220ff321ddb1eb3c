// The clouds with no region in Russia (Alibaba Cloud, OCI, DigitalOcean, Hetzner, Azure, Google
// Cloud), answer by answer: never Russia, the country when the location is known, and the words.
import { describe, expect, it } from "vitest";
import { locateAzure } from "../../policypack/src/locate/azure";
import { locateGcp } from "../../policypack/src/locate/gcp";
import { locateAlicloud, locateDigitalocean, locateForeign, locateHcloud, locateOci, trailingZoneLetter } from "../../policypack/src/locate/generic-region";
import { UNKNOWN } from "../../policypack/src/values";
import { view } from "./helpers";

const ALI = "Alibaba Cloud has no region in Russia (https://alibabacloud.com/help/doc-detail/72379.htm)";
const OCI = "Oracle Cloud Infrastructure has no region in Russia (https://docs.oracle.com/cloud/help/zh_CN/epm-common/TSEPM/opc_gen_2_regions.htm)";
const DO = "DigitalOcean has no region in Russia (https://www.digitalocean.com/community/questions/regions-endpoint-api-v2-doesn-t-return-all-regions-availablr)";
const HETZNER = "Hetzner Cloud has no region in Russia (https://metacpan.org/pod/WWW::Hetzner::Cloud::API::Locations)";
const AZURE = "Microsoft Azure has no region in Russia (https://github.com/MicrosoftDocs/reliability-docs/blob/01021ab80d1aebd1d8b5de481d80a9855b487954/articles/reliability/regions-list.md)";
const GCP = "Google Cloud has no region in Russia (https://cloud.google.com/anthos/clusters/docs/bare-metal/1.16/reference/supported-regions-on-prem-api)";
const ECS = "alicloud:ecs/instance:Instance";

describe("trailingZoneLetter", () => {
    it("drops a zone letter after a digit, with or without a dash", () => {
        expect(["europe-west3-a", "eu-central-1a", "x", " us1-b ", "abc-d", "1a", "a1-"].map(trailingZoneLetter)).toEqual([
            "europe-west3",
            "eu-central-1",
            undefined,
            "us1",
            undefined,
            "1",
            undefined,
        ]);
    });
});

describe("locateForeign", () => {
    it("is unknown for a cloud the catalogue does not say has no region in Russia", () => {
        for (const cloud of ["yandex", "nope"]) {
            const how = `the pack's catalogue has no entry saying whether cloud "${cloud}" has a region in Russia`;
            expect(locateForeign(view("x:y:Z", {}), { cloud, resourcePaths: [], providerPaths: [] })).toEqual({ inRussia: "unknown", how, unknowns: [how] });
        }
    });

    it("is abroad for a resource without a provider that names nothing", () => {
        expect(locateForeign({ type: "x", name: "r", urn: "u", props: {} }, { cloud: "hcloud", resourcePaths: ["location"], providerPaths: ["location"] })).toEqual({
            inRussia: "no",
            how: `neither the resource nor its provider names a location, but ${HETZNER}, so it is not in Russia wherever it is`,
            unknowns: [],
        });
    });
});

describe("Alibaba Cloud", () => {
    it("reads a zone, then the provider's region, into the region's country", () => {
        expect(locateAlicloud(view(ECS, { zoneId: "cn-hangzhou-h" }))).toEqual({
            inRussia: "no",
            country: "CN",
            region: "cn-hangzhou",
            how: `the resource's zoneId is "cn-hangzhou-h" (Alibaba Cloud cn-hangzhou: Hangzhou, People's Republic of China (CN)); ${ALI}`,
            unknowns: [],
        });
        expect(locateAlicloud(view(ECS, { availabilityZone: "eu-central-1a" })).how).toBe(
            `the resource's availabilityZone is "eu-central-1a" (Alibaba Cloud eu-central-1: Frankfurt, Germany (DE)); ${ALI}`,
        );
        expect(locateAlicloud(view(ECS, {}, { region: "eu-central-1" }))).toEqual({
            inRussia: "no",
            country: "DE",
            region: "eu-central-1",
            how: `the provider's region is "eu-central-1" (Alibaba Cloud eu-central-1: Frankfurt, Germany (DE)); ${ALI}`,
            unknowns: [],
        });
    });

    it("is abroad whether the location is missing, not known yet, unreadable or not in the catalogue", () => {
        expect(locateAlicloud(view(ECS, {}))).toEqual({
            inRussia: "no",
            how: `neither the resource nor its provider names a location (the provider would take alicloud:region or ALICLOUD_REGION at deploy time), but ${ALI}, so it is not in Russia wherever it is`,
            unknowns: [],
        });
        expect(locateAlicloud(view(ECS, { region: UNKNOWN }, { region: "eu-central-1" }))).toEqual({
            inRussia: "no",
            how: `the resource's region is not known yet; ${ALI}, so it is not in Russia either way`,
            unknowns: [],
        });
        expect(locateAlicloud(view(ECS, { region: UNKNOWN, zoneId: UNKNOWN })).how).toBe(`the resource's region, the resource's zoneId are not known yet; ${ALI}, so it is not in Russia either way`);
        expect(locateAlicloud(view(ECS, { region: 5 })).how).toBe(`the pack cannot read the resource's region (a number, not a string); ${ALI}, so it is not in Russia either way`);
        expect(locateAlicloud(view(ECS, { region: 5 }, { region: "eu-central-1" })).how).toBe(
            `the pack cannot read the resource's region (a number, not a string); ${ALI}, so it is not in Russia either way`,
        );
        expect(locateAlicloud(view(ECS, { region: "moon" })).how).toBe(
            `the resource's region is "moon", which the pack's catalogue does not list among Alibaba Cloud's regions and zones; ${ALI}, so it is not in Russia either way`,
        );
    });
});

describe("OCI, DigitalOcean, Hetzner", () => {
    it("OCI reads the provider's region", () => {
        expect(locateOci(view("oci:core/instance:Instance", {}, { region: "eu-frankfurt-1" }))).toEqual({
            inRussia: "no",
            country: "DE",
            region: "eu-frankfurt-1",
            how: `the provider's region is "eu-frankfurt-1" (Oracle Cloud Infrastructure eu-frankfurt-1: Frankfurt, Germany (DE)); ${OCI}`,
            unknowns: [],
        });
        expect(locateOci(view("oci:core/instance:Instance", {}))).toEqual({
            inRussia: "no",
            how: `neither the resource nor its provider names a location, but ${OCI}, so it is not in Russia wherever it is`,
            unknowns: [],
        });
    });

    it("DigitalOcean reads the resource's region only", () => {
        expect(locateDigitalocean(view("digitalocean:index/droplet:Droplet", { region: "fra1" }, { region: "nyc1" }))).toEqual({
            inRussia: "no",
            country: "DE",
            region: "fra1",
            how: `the resource's region is "fra1" (DigitalOcean fra1: Frankfurt 1, Germany (DE)); ${DO}`,
            unknowns: [],
        });
        expect(locateDigitalocean(view("digitalocean:index/droplet:Droplet", {}, { region: "nyc1" }))).toEqual({
            inRussia: "no",
            how: `neither the resource nor its provider names a location, but ${DO}, so it is not in Russia wherever it is`,
            unknowns: [],
        });
    });

    it("Hetzner reads a location, else a datacenter's location", () => {
        expect(locateHcloud(view("hcloud:index/server:Server", { datacenter: "fsn1-dc14" }))).toEqual({
            inRussia: "no",
            country: "DE",
            region: "fsn1",
            how: `the resource's datacenter is "fsn1-dc14" (Hetzner Cloud fsn1: Falkenstein, Germany (DE)); ${HETZNER}`,
            unknowns: [],
        });
        expect(locateHcloud(view("hcloud:index/server:Server", { location: "nbg1", datacenter: "fsn1-dc14" })).region).toBe("nbg1");
        expect(locateHcloud(view("hcloud:index/server:Server", { datacenter: "x-fsn1-dc14" }))).toEqual({
            inRussia: "no",
            how: `the resource's datacenter is "x-fsn1-dc14", which the pack's catalogue does not list among Hetzner Cloud's regions and zones; ${HETZNER}, so it is not in Russia either way`,
            unknowns: [],
        });
    });
});

describe("Azure", () => {
    it("reads a location in either spelling", () => {
        expect(locateAzure(view("azure-native:storage:StorageAccount", { location: "Germany West Central" }))).toEqual({
            inRussia: "no",
            country: "DE",
            region: "germanywestcentral",
            how: `the resource's location is "Germany West Central" (Microsoft Azure germanywestcentral: Frankfurt, Germany (DE)); ${AZURE}`,
            unknowns: [],
        });
        expect(locateAzure(view("azure-native:resources:ResourceGroup", { location: "West  Europe" }, { location: "germanywestcentral" })).region).toBe("westeurope");
    });

    it("reads the provider's location for a resource group only", () => {
        expect(locateAzure(view("azure-native:resources:ResourceGroup", {}, { location: "westeurope" }))).toEqual({
            inRussia: "no",
            country: "NL",
            region: "westeurope",
            how: `the provider's location is "westeurope" (Microsoft Azure westeurope: Netherlands, Netherlands (NL)); ${AZURE}`,
            unknowns: [],
        });
        expect(locateAzure(view("azure-native:storage:StorageAccount", {}, { location: "westeurope" }))).toEqual({
            inRussia: "no",
            how: `neither the resource nor its provider names a location (it takes its resource group's location, which a resource policy is not given), but ${AZURE}, so it is not in Russia wherever it is`,
            unknowns: [],
        });
    });
});

describe("Google Cloud", () => {
    it("reads multi-regions without a single country", () => {
        expect(locateGcp(view("gcp:storage/bucket:Bucket", { location: "EU" }))).toEqual({
            inRussia: "no",
            region: "EU",
            how: `the resource's location is "EU" (Google Cloud EU, spanning 27 countries); ${GCP}, so it is not in Russia either way`,
            unknowns: [],
        });
    });

    it("reads a zone, a Spanner config and a nested field of the type into the region", () => {
        expect(locateGcp(view("gcp:compute/disk:Disk", { zone: "europe-west3-a" }))).toEqual({
            inRussia: "no",
            country: "DE",
            region: "europe-west3",
            how: `the resource's zone is "europe-west3-a" (Google Cloud europe-west3: Frankfurt, Germany (DE)); ${GCP}`,
            unknowns: [],
        });
        expect(locateGcp(view("gcp:compute/disk:Disk", {}, { zone: "us-central1-b" })).how).toBe(
            `the provider's zone is "us-central1-b" (Google Cloud us-central1: Council Bluffs, Iowa, United States of America (US)); ${GCP}`,
        );
        for (const type of ["gcp:spanner/instance:Instance", "google-native:spanner/v1:Instance"]) {
            expect(locateGcp(view(type, { config: "regional-europe-west1" })), type).toEqual({
                inRussia: "no",
                country: "BE",
                region: "europe-west1",
                how: `the resource's config is "regional-europe-west1" (Google Cloud europe-west1: St. Ghislain, Belgium (BE)); ${GCP}`,
                unknowns: [],
            });
        }
        expect(locateGcp(view("gcp:compute/disk:Disk", { zone: "REGIONAL-EUROPE-WEST1" })).region).toBe("europe-west1");
        expect(locateGcp(view("gcp:sql/databaseInstance:DatabaseInstance", { settings: { locationPreference: { zone: "europe-west1-b" } } })).how).toBe(
            `the resource's settings.locationPreference.zone is "europe-west1-b" (Google Cloud europe-west1: St. Ghislain, Belgium (BE)); ${GCP}`,
        );
    });

    it("reads config as a location only for a Spanner instance", () => {
        expect(locateGcp(view("gcp:spanner/instanceConfig:InstanceConfig", { config: "regional-europe-west1" }))).toEqual({
            inRussia: "no",
            how: `neither the resource nor its provider names a location (the provider would take a default from the environment at deploy time), but ${GCP}, so it is not in Russia wherever it is`,
            unknowns: [],
        });
        expect(locateGcp(view("google-native:spanner/v1:InstanceConfig", { config: "regional-europe-west1" })).region).toBeUndefined();
        expect(locateGcp(view("x-gcp:spanner/instance:Instance", { config: "regional-europe-west1" })).region).toBeUndefined();
    });
});
