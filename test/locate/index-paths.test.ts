// The resolvers read where the type index says a type's location lives, on top of their own fields.
import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { collectBlocks, indexLocationPaths, withIndexPaths } from "../../policypack/src/locate/index-paths";
import { settings, UNKNOWN, view } from "./helpers";

const s = settings();
const SQL = "gcp:sql/databaseInstance:DatabaseInstance";
const VK = { authUrl: "https://infra.mail.ru:35357/v3/" };

describe("index location paths", () => {
    it("come from the generated index, per type", () => {
        expect(indexLocationPaths(SQL)).toEqual(["pointInTimeRestoreContext.region", "region", "settings.backupConfiguration.location", "settings.locationPreference.zone"]);
        expect(indexLocationPaths("yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2")).toEqual(["hosts.zone"]);
        expect(indexLocationPaths("aws:s3/bucket:Bucket")).toEqual([]);
        expect(indexLocationPaths("nosuch:x/y:Z")).toEqual([]);
    });

    it("add to a resolver's own paths, each once, minus the excluded ones", () => {
        expect(withIndexPaths(SQL, ["region", "zone"], (p) => p.includes("Restore"))).toEqual(["region", "zone", "settings.backupConfiguration.location", "settings.locationPreference.zone"]);
        const own = ["zone"];
        expect(withIndexPaths("nosuch:x/y:Z", own)).toBe(own);
    });
});

describe("Google Cloud: a nested location field the SDK declares", () => {
    it("Cloud SQL with only settings.locationPreference.zone is placed by it", () => {
        const l = locate(view(SQL, { settings: { locationPreference: { zone: "europe-west3-a" } } }), s);
        expect([l.inRussia, l.country, l.region]).toEqual(["no", "DE", "europe-west3"]);
        expect(l.how).toMatch(/^the resource's settings\.locationPreference\.zone is "europe-west3-a" \(Google Cloud europe-west3: /);
    });
    it("the resource's own region still comes first", () => {
        const l = locate(view(SQL, { region: "us-central1", settings: { locationPreference: { zone: "europe-west3-a" } } }), s);
        expect(l.country).toBe("US");
    });
    it("a restore source's region is not where the instance is", () => {
        const l = locate(view(SQL, { pointInTimeRestoreContext: { region: "europe-west3" } }), s);
        expect(l.country).toBeUndefined();
        expect(l.how).toMatch(/^neither the resource nor its provider names a location/);
    });
});

describe("OpenStack on VK Cloud: an availability zone that is set but unreadable fails closed", () => {
    const volume = "openstack:blockstorage/volume:Volume";
    it("a Russian endpoint with a readable zone is Russia", () => {
        expect(locate(view(volume, { availabilityZone: "MS1" }, VK), s).inRussia).toBe("yes");
    });
    it("a zone that is not a string is unknown, naming the field and why, once", () => {
        const l = locate(view(volume, { availabilityZone: 5 }, VK), s);
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toContain("the pack cannot read the resource's availabilityZone (a number, not a string)");
        expect(l.how.split("availabilityZone").length).toBe(2);
    });
    it("a zone not known yet stays in the installation its identity endpoint serves", () => {
        expect(locate(view(volume, { availabilityZone: UNKNOWN }, VK), s).inRussia).toBe("yes");
    });
    it("a DNS record set's zoneId is a DNS zone, not a place", () => {
        expect(locate(view("openstack:dns/recordSet:RecordSet", { zoneId: "QAZ", name: "a.example.ru." }, VK), s).inRussia).toBe("yes");
    });
});

describe("collectBlocks: a block as one object, a list or a map, by its name or its plural", () => {
    const c = (props: unknown, paths: string[]) => collectBlocks(props, paths, "the resource's");
    it.each([
        ["one object", { hosts: { zone: "ru-central1-a" } }, "the resource's hosts.zone"],
        ["a list", { hosts: [{ zone: "ru-central1-a" }] }, "the resource's hosts[0].zone"],
        ["a map", { hosts: { pg1: { zone: "ru-central1-a" } } }, 'the resource\'s hosts["pg1"].zone'],
        ["the singular", { host: [{ zone: "ru-central1-a" }] }, "the resource's host[0].zone"],
    ])("%s", (_name, props, what) => {
        expect(c(props, ["host.zone"])).toEqual({ values: [{ what, value: "ru-central1-a" }], unknown: [], invalid: [] });
    });
    it("a list of strings at the end", () => {
        expect(c({ config: { zones: ["ru-central1-a", "ru-central1-b"] } }, ["config.zones[]"]).values.map((v) => v.what)).toEqual([
            "the resource's config.zones[0]",
            "the resource's config.zones[1]",
        ]);
    });
    it("a leaf is never read under its plural: zoneId is not zoneIds", () => {
        expect(c({ config: { zoneIds: ["kz1-a"] } }, ["config.zoneId"])).toEqual({ values: [], unknown: [], invalid: [] });
    });
    it("a lone block whose fields are all blocks is not read as a map twice over", () => {
        expect(c({ config: { dashboards: { nodeGroups: { zoneIds: ["kz1-a"] } } } }, ["config.zoneId"])).toEqual({ values: [], unknown: [], invalid: [] });
    });
    it("a field two paths reach is reported once", () => {
        const out = c({ hosts: 42 }, ["hosts.zone", "hosts.zoneId", "host.zone"]);
        expect(out.invalid).toEqual(["the resource's hosts (a number, neither an object, a list nor a map)"]);
        expect(c({ hosts: [{ zone: "ru-central1-a" }] }, ["hosts.zone", "host.zone"]).values).toHaveLength(1);
        expect(c({ hosts: UNKNOWN }, ["hosts.zone", "hosts.zoneId"]).unknown).toEqual(["the resource's hosts"]);
    });
    it("says why a value cannot be read", () => {
        expect(c({ hosts: [{ zone: 7 }], config: { zones: "ru-central1-a" } }, ["hosts.zone", "config.zones[]"]).invalid).toEqual([
            "the resource's hosts[0].zone (a number, not a string)",
            "the resource's config.zones (a string, not a list of strings)",
        ]);
    });
});
