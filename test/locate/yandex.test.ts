import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { settings, UNKNOWN, view } from "./helpers";

const bucket = "yandex:index/storageBucket:StorageBucket";
const disk = "yandex:index/computeDisk:ComputeDisk";
const pg = "yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster";
const s = settings();

describe("yandex: Object Storage goes where the provider's storageEndpoint is", () => {
    it("storage.yandexcloud.net is Russia", () => {
        const l = locate(view(bucket, { bucket: "b" }, { storageEndpoint: "storage.yandexcloud.net" }), s);
        expect([l.inRussia, l.country, l.region]).toEqual(["yes", "RU", "ru-central1"]);
        expect(l.how).toContain('the provider\'s storageEndpoint is host "storage.yandexcloud.net"');
    });
    it("an https URL works too", () => {
        expect(locate(view(bucket, {}, { storageEndpoint: "https://storage.yandexcloud.net" }), s).inRussia).toBe("yes");
    });
    it("storage.yandexcloud.kz is Kazakhstan, not Russia", () => {
        const l = locate(view(bucket, {}, { storageEndpoint: "storage.yandexcloud.kz" }), s);
        expect([l.inRussia, l.country]).toEqual(["no", "KZ"]);
    });
    it("Nebius Israel is not Russia", () => {
        const l = locate(view(bucket, {}, { storageEndpoint: "https://storage.il.nebius.cloud" }), s);
        expect([l.inRussia, l.country]).toEqual(["no", "IL"]);
    });
    it("no storageEndpoint: the provider's documented default storage.yandexcloud.net, and the message says so", () => {
        const l = locate(view(bucket, { bucket: "b" }, { zone: "ru-central1-a" }), s);
        expect(l).toMatchObject({ inRussia: "yes", country: "RU" });
        expect(l.how).toContain(`the Yandex provider's documented default storageEndpoint is host "storage.yandexcloud.net"`);
        expect(l.how).toContain("YC_STORAGE_ENDPOINT_URL");
        expect(l.how).toContain("providerDefaults: strict");
    });
    it("no storageEndpoint under providerDefaults: strict is unknown: the env var may override the default", () => {
        const l = locate(view(bucket, { bucket: "b" }, { zone: "ru-central1-a" }), settings({ providerDefaults: "strict" }));
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toContain("YC_STORAGE_ENDPOINT_URL");
        expect(l.how).toContain("Set yandex:storageEndpoint in the stack config");
    });
    it("no ymqEndpoint: the documented default message-queue.api.cloud.yandex.net; strict: unknown", () => {
        const q = view("yandex:index/messageQueue:MessageQueue", { name: "q" }, {});
        expect(locate(q, s)).toMatchObject({ inRussia: "yes" });
        expect(locate(q, s).how).toContain("message-queue.api.cloud.yandex.net");
        expect(locate(q, settings({ providerDefaults: "strict" })).inRussia).toBe("unknown");
    });
    it("an unknown storageEndpoint is unknown", () => {
        expect(locate(view(bucket, {}, { storageEndpoint: UNKNOWN }), s).how).toBe("the provider's storageEndpoint is not known yet");
    });
    it("a host the catalogue does not know is unknown, unless endpointCountries maps it", () => {
        const v = view(bucket, {}, { storageEndpoint: "s3.minio.example.ru" });
        expect(locate(v, s).inRussia).toBe("unknown");
        expect(locate(v, settings({ endpointCountries: { "*.example.ru": "RU" } })).inRussia).toBe("yes");
    });
    it("a look-alike host is not Yandex", () => {
        expect(locate(view(bucket, {}, { storageEndpoint: "storage.yandexcloud.net.evil.io" }), s).inRussia).toBe("unknown");
    });
    it("storageObject follows the same rule", () => {
        expect(locate(view("yandex:index/storageObject:StorageObject", {}, { storageEndpoint: "storage.yandexcloud.kz" }), s).country).toBe("KZ");
    });
});

describe("yandex: Message Queue goes where ymqEndpoint is", () => {
    const mq = "yandex:index/messageQueue:MessageQueue";
    it("the Yandex queue endpoint is Russia", () => {
        expect(locate(view(mq, {}, { ymqEndpoint: "https://message-queue.api.cloud.yandex.net" }), s).inRussia).toBe("yes");
    });
    it("no ymqEndpoint is unknown", () => {
        expect(locate(view(mq, {}, {}), s).how).toContain("YC_MESSAGE_QUEUE_ENDPOINT");
    });
    it("a regionId in Kazakhstan contradicts a Russian endpoint", () => {
        const l = locate(view(mq, { regionId: "kz1" }, { ymqEndpoint: "message-queue.api.cloud.yandex.net" }), s);
        expect([l.inRussia, l.country]).toEqual(["no", "KZ"]);
    });
});

describe("yandex: API resources are in the zone or region they name", () => {
    it("a disk in ru-central1-a is Russia", () => {
        const l = locate(view(disk, { zone: "ru-central1-a", size: 10 }), s);
        expect([l.inRussia, l.country, l.region]).toEqual(["yes", "RU", "ru-central1"]);
        expect(l.how).toBe('the resource\'s zone is "ru-central1-a" (Yandex Cloud ru-central1: Russia (Yandex data centers), Russia (RU))');
    });
    it("a disk in kz1-a is Kazakhstan", () => {
        const l = locate(view(disk, { zone: "kz1-a" }), s);
        expect([l.inRussia, l.country]).toEqual(["no", "KZ"]);
    });
    it("the provider's zone (stack config yandex:zone) is the default", () => {
        expect(locate(view(disk, {}, { zone: "ru-central1-b" }), s).inRussia).toBe("yes");
        expect(locate(view(disk, {}, { zone: "kz1-a" }), s).inRussia).toBe("no");
    });
    it("a zone the catalogue does not know is unknown", () => {
        const l = locate(view(disk, { zone: "il1-a" }), s);
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toContain("does not list among Yandex Cloud's regions and zones");
    });
    it("an unknown zone is unknown", () => {
        expect(locate(view(disk, { zone: UNKNOWN }), s).how).toBe("the resource's zone is not known yet");
    });
    it("a zone that is not a string is unknown", () => {
        expect(locate(view(disk, { zone: 7 }), s).inRussia).toBe("unknown");
    });
    it("a cluster is Russia only if every host is", () => {
        const ru = { hosts: [{ zone: "ru-central1-a" }, { zone: "ru-central1-b" }] };
        expect(locate(view(pg, ru), s).inRussia).toBe("yes");
        const mixed = { hosts: [{ zone: "ru-central1-a" }, { zone: "kz1-a" }] };
        const l = locate(view(pg, mixed), s);
        expect([l.inRussia, l.country]).toEqual(["no", "KZ"]);
        expect(l.how).toContain("hosts[1].zone");
    });
    it("a host zone not known yet makes the cluster unknown", () => {
        expect(locate(view(pg, { hosts: [{ zone: "ru-central1-a" }, { zone: UNKNOWN }] }), s).how).toBe("the resource's hosts[1].zone is not known yet");
    });
    it("MongoDB hosts use zoneId", () => {
        expect(locate(view("yandex:index/mdbMongodbCluster:MdbMongodbCluster", { hosts: [{ zoneId: "ru-central1-d" }] }), s).inRussia).toBe("yes");
    });
    it("YDB serverless uses locationId", () => {
        expect(locate(view("yandex:index/ydbDatabaseServerless:YdbDatabaseServerless", { locationId: "ru-central1" }), s).inRussia).toBe("yes");
    });
    it("an explicit endpoint at another installation decides, whatever the zone", () => {
        const l = locate(view(disk, { zone: "ru-central1-a" }, { endpoint: "api.il.nebius.cloud:443" }), s);
        expect([l.inRussia, l.country]).toEqual(["no", "IL"]);
    });
    it("an explicit endpoint the pack does not know is unknown", () => {
        expect(locate(view(disk, { zone: "ru-central1-a" }, { endpoint: "api.private-cloud.example.com:443" }), s).inRussia).toBe("unknown");
    });
    it("the default Russian endpoint with a Russian zone is Russia", () => {
        const l = locate(view(disk, { zone: "ru-central1-a" }, { endpoint: "api.cloud.yandex.net:443" }), s);
        expect(l.inRussia).toBe("yes");
        expect(l.how).toContain("created through");
    });
    it("a resource with no zone is in the installation its explicit endpoint names", () => {
        expect(locate(view("yandex:index/function:Function", {}, { endpoint: "api.cloud.yandex.net:443" }), s).inRussia).toBe("yes");
    });
    it("no zone and no endpoint: the installation of the documented default endpoint api.cloud.yandex.net", () => {
        const l = locate(view("yandex:index/function:Function", {}, {}), s);
        expect(l).toMatchObject({ inRussia: "yes", country: "RU" });
        expect(l.how).toContain("documented default endpoint");
    });
    it("no zone and no endpoint under providerDefaults: strict is unknown", () => {
        const l = locate(view("yandex:index/function:Function", {}, {}), settings({ providerDefaults: "strict" }));
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toContain("set yandex:zone or yandex:endpoint");
    });
    it("an unknown endpoint is unknown", () => {
        expect(locate(view(disk, { zone: "ru-central1-a" }, { endpoint: UNKNOWN }), s).inRussia).toBe("unknown");
    });
});

// Issue class 9: current Yandex resources, and location fields the pack cannot read.
describe("current (V2) Yandex resources", () => {
    const PG2 = "yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2";
    it("hosts as a map (host name → host) in ru-central1 zones is Russia", () => {
        const l = locate(view(PG2, { hosts: { "pg-a": { zone: "ru-central1-a" }, "pg-b": { zone: "ru-central1-b" } } }, {}), s);
        expect(l).toMatchObject({ inRussia: "yes", country: "RU" });
        expect(l.how).toContain('the resource\'s hosts["pg-a"].zone is "ru-central1-a"');
    });
    it("one host of the map in Kazakhstan is not Russia", () => {
        expect(locate(view(PG2, { hosts: { a: { zone: "ru-central1-a" }, b: { zone: "kz1-a" } } }, {}), s)).toMatchObject({ inRussia: "no", country: "KZ" });
    });
    it.each([
        ["yandex:index/mdbMysqlClusterV2:MdbMysqlClusterV2", { hosts: { h: { zone: "ru-central1-d" } } }],
        ["yandex:index/mdbRedisClusterV2:MdbRedisClusterV2", { hosts: { h: { zone: "ru-central1-b" } } }],
        ["yandex:index/mdbShardedPostgresqlCluster:MdbShardedPostgresqlCluster", { hosts: { h: { zone: "ru-central1-a" } } }],
        ["yandex:index/mdbGreenplumClusterV2:MdbGreenplumClusterV2", { config: { zoneId: "ru-central1-a" } }],
        ["yandex:index/mdbOpensearchCluster:MdbOpensearchCluster", { config: { opensearch: { nodeGroups: [{ zoneIds: ["ru-central1-a", "ru-central1-b"] }] } } }],
    ])("%s reads its zones", (type, props) => {
        expect(locate(view(type, props, { endpoint: "api.cloud.yandex.net:443" }), s)).toMatchObject({ inRussia: "yes" });
    });
    it("a location field it cannot read is named once, with why", () => {
        const l = locate(view(PG2, { hosts: 42 }, {}), s);
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toBe("the pack cannot read the resource's hosts (a number, neither an object, a list nor a map)");
        const z = locate(view(PG2, { hosts: { a: { zone: 7 } } }, {}), s);
        expect(z.how).toBe('the pack cannot read the resource\'s hosts["a"].zone (a number, not a string)');
    });
});
