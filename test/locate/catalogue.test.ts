// The location catalogue (data/locations.json) and the storage types (data/storage-types.json).
import { describe, expect, it } from "vitest";
import { RUSSIA } from "../../policypack/src/countries";
import { cloudEntries, clouds, endpointEntries, entryCountry, findRegion, findZone, regionEntries } from "../../policypack/src/locate/catalogue";
import { locate } from "../../policypack/src/locate";
import storageTypes from "../../policypack/data/storage-types.json";
import { storageService } from "../../policypack/src/classify/storage";
import { settings, view } from "./helpers";

const SOURCE = /^(https:\/\/|npm:@|\/work\/shared\/)/;

describe("catalogue", () => {
    it("every region, endpoint and cloud entry has a source and a status", () => {
        for (const cloud of clouds()) {
            for (const r of regionEntries(cloud)) {
                expect(r.source, `${cloud}/${r.id}`).toMatch(SOURCE);
                expect(["verified", "unverified"], `${cloud}/${r.id}`).toContain(r.status);
            }
        }
        for (const e of endpointEntries()) {
            expect(e.source, e.host).toMatch(SOURCE);
            expect(["verified", "unverified"], e.host).toContain(e.status);
            expect(["host", "suffix"], e.host).toContain(e.match);
        }
        for (const [key, c] of Object.entries(cloudEntries())) expect(c.source, key).toMatch(SOURCE);
    });

    it("no unverified entry makes a location Russian", () => {
        for (const cloud of clouds()) {
            for (const r of regionEntries(cloud)) if (r.status !== "verified") expect(entryCountry(r), `${cloud}/${r.id}`).not.toBe(RUSSIA);
        }
        for (const e of endpointEntries()) if (e.status !== "verified") expect(entryCountry(e), e.host).not.toBe(RUSSIA);
    });

    it("a cloud said to have no region in Russia has none in the catalogue", () => {
        for (const [key, c] of Object.entries(cloudEntries())) {
            expect(c.regionInRussia).toBe(false);
            for (const r of regionEntries(key)) {
                expect(r.country, `${key}/${r.id}`).not.toBe(RUSSIA);
                expect(r.countries ?? [], `${key}/${r.id}`).not.toContain(RUSSIA);
            }
        }
    });

    it("zones map to their region", () => {
        expect(findZone("yandex", "ru-central1-a")?.id).toBe("ru-central1");
        expect(findZone("yandex", "ru-central1-d")?.id).toBe("ru-central1");
        expect(findZone("yandex", "kz1-a")?.id).toBe("kz1");
        expect(findZone("vkcloud", "MS1")?.id).toBe("RegionOne");
        expect(findZone("vkcloud", "QAZ")?.id).toBe("kz");
        expect(findZone("cloudru", "ru-moscow-1a")?.id).toBe("ru-moscow-1");
        for (const cloud of clouds()) {
            for (const r of regionEntries(cloud)) for (const z of r.zones ?? []) expect(findZone(cloud, z)?.id, `${cloud}/${z}`).toBe(r.id);
        }
    });

    it("no non-Russian location of a Russian provider resolves to Russia", () => {
        const foreign: [string, string, string][] = [
            ["yandex", "kz1", "KZ"],
            ["yandex", "kz1-a", "KZ"],
            ["vkcloud", "kz", "KZ"],
            ["vkcloud", "QAZ", "KZ"],
            ["selectel", "uz-1", "UZ"],
        ];
        for (const [cloud, id, country] of foreign) {
            const entry = findRegion(cloud, id) ?? findZone(cloud, id);
            expect(entry, `${cloud}/${id}`).toBeDefined();
            expect(entryCountry(entry!), `${cloud}/${id}`).toBe(country);
        }
        // Nebius Israel (the Yandex provider pointed elsewhere) is never Russia.
        expect(entryCountry(findRegion("yandex", "il1")!)).not.toBe(RUSSIA);
        // Through the resolvers, end to end.
        const s = settings();
        const cases = [
            view("yandex:index/computeDisk:ComputeDisk", { zone: "kz1-a" }),
            view("yandex:index/storageBucket:StorageBucket", {}, { storageEndpoint: "storage.yandexcloud.kz" }),
            view("yandex:index/storageBucket:StorageBucket", {}, { storageEndpoint: "storage.il.nebius.cloud" }),
            view("yandex:index/computeDisk:ComputeDisk", { zone: "ru-central1-a" }, { endpoint: "api.yandexcloud.kz:443" }),
            view("openstack:blockstorage/volume:Volume", {}, { authUrl: "https://kz.infra.mail.ru:35357/v3/", region: "kz" }),
            view("openstack:blockstorage/volume:Volume", {}, { authUrl: "https://cloud.api.selcloud.ru/identity/v3", region: "uz-1" }),
        ];
        for (const v of cases) expect(locate(v, s).inRussia, JSON.stringify(v.props) + JSON.stringify(v.provider?.props)).toBe("no");
    });

    it("Selectel pools with no verified location are unknown, not Russia", () => {
        for (const pool of ["ru-2", "ru-6", "ru-8"]) expect(entryCountry(findRegion("selectel", pool)!)).toBeUndefined();
    });
});

describe("storage types of other providers", () => {
    it("every entry has a source, a service and a unique type", () => {
        const seen = new Set<string>();
        for (const t of storageTypes.types) {
            expect(t.source, t.type).toMatch(SOURCE);
            expect(t.service.length, t.type).toBeGreaterThan(0);
            expect(seen.has(t.type), t.type).toBe(false);
            seen.add(t.type);
        }
    });
    it("storageService reads them next to the aws ones", () => {
        expect(storageService("yandex:index/storageBucket:StorageBucket")).toBe("Yandex Object Storage");
        expect(storageService("kubernetes:core/v1:PersistentVolumeClaim")).toBe("Kubernetes persistent volume");
        expect(storageService("azure-native:storage:StorageAccount")).toBe("Azure Storage");
        expect(storageService("aws:s3/bucket:Bucket")).toBe("S3");
        expect(storageService("kubernetes:core/v1:ConfigMap")).toBeUndefined();
    });
});
