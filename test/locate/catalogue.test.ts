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
    it("every entry has a retrieval date, and a verified one from code is pinned to a commit", () => {
        const all = [...Object.values(cloudEntries()), ...clouds().flatMap((c) => regionEntries(c)), ...endpointEntries()] as { source: string; status: string; retrieved?: string }[];
        for (const e of all) expect(e.retrieved, e.source).toMatch(/^(\d{4}-\d{2}-\d{2}|not recorded \(in the catalogue before 2026-12-01\))$/);
        // Entries reviewed for this change cite code by commit, never by branch.
        for (const e of all) {
            if (e.retrieved !== "2026-12-01" || e.status !== "verified") continue;
            if (/github\.com\/[^/]+\/[^/]+\/blob\//.test(e.source) && !/\.(md|yaml)$/.test(e.source)) expect(e.source, e.source).toMatch(/\/blob\/[0-9a-f]{40}\//);
        }
    });
});

describe("catalogue corrections of 2026-12-01", () => {
    const s = settings();
    const bucket = (endpoint: string) => locate(view("aws:s3/bucket:Bucket", {}, { region: "ru-1", endpoints: JSON.stringify([{ s3: endpoint }]) }), s);
    it("Selectel's S3 endpoint for pool ru-1 is Russia, from Selectel's own infrastructure examples", () => {
        const l = bucket("https://s3.ru-1.storage.selcloud.ru");
        expect(l).toMatchObject({ inRussia: "yes", country: "RU" });
        expect(bucket("https://my-bucket.s3.ru-1.storage.selcloud.ru").inRussia).toBe("yes");
    });
    it("Selectel's S3 hosts for ru-3, ru-7 and gis-1 stay unknown: only third-party code names them", () => {
        for (const pool of ["ru-3", "ru-7", "gis-1"]) {
            expect(bucket(`https://s3.${pool}.storage.selcloud.ru`).inRussia, pool).toBe("unknown");
            expect(entryCountry(findRegion("selectel", pool)!), pool).toBe(RUSSIA);
        }
    });
    it("Selectel's pools abroad are foreign locations", () => {
        expect(bucket("https://s3.uz-2.srvstorage.uz")).toMatchObject({ inRussia: "no", country: "UZ" });
        expect(bucket("https://s3.kz-1.srvstorage.kz")).toMatchObject({ inRussia: "no", country: "KZ" });
        expect(bucket("https://s3.kz-1.storage.selcloud.ru")).toMatchObject({ inRussia: "no", country: "KZ" });
        expect(entryCountry(findRegion("selectel", "uz-2")!)).toBe("UZ");
        expect(entryCountry(findRegion("selectel", "kz-1")!)).toBe("KZ");
    });
    it("Yandex Cloud: the .NET SDK host and the private-endpoint host are Russia, storage.yandexcloud.kz is Kazakhstan (verified)", () => {
        expect(bucket("https://s3.yandexcloud.net")).toMatchObject({ inRussia: "yes", country: "RU" });
        expect(bucket("https://storage.pe.yandexcloud.net")).toMatchObject({ inRussia: "yes", country: "RU" });
        expect(bucket("https://storage.yandexcloud.kz")).toMatchObject({ inRussia: "no", country: "KZ" });
        expect(endpointEntries().find((e) => e.host === "storage.yandexcloud.kz")?.status).toBe("verified");
        expect(findZone("yandex", "ru-central1-e")?.id).toBe("ru-central1");
        expect(locate(view("yandex:index/computeDisk:ComputeDisk", { zone: "ru-central1-e" }), s).inRussia).toBe("yes");
    });
    it("Cloud.ru: *.ru-moscow-1.hc.cloud.ru is Russia; s3.cloud.ru stays unknown without Cloud.ru's own docs", () => {
        expect(bucket("https://obs.ru-moscow-1.hc.cloud.ru")).toMatchObject({ inRussia: "yes", country: "RU" });
        expect(bucket("https://s3.cloud.ru").inRussia).toBe("unknown");
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
