// The catalogue's look-ups, answer by answer: clouds, regions by id or zone, endpoint hosts
// exactly or by domain (the longest domain wins), the user's endpointCountries patterns, and
// which entries may vouch for a country.
import { describe, expect, it } from "vitest";
import { cloudEntries, cloudEntry, clouds, endpointEntries, entryCountry, findConfiguredEndpoint, findEndpoint, findRegion, findZone, regionEntries } from "../../policypack/src/locate/catalogue";

describe("clouds and regions", () => {
    it("lists every cloud, and the entries of the clouds said to have no region in Russia", () => {
        expect(clouds()).toEqual(["aws", "yandex", "vkcloud", "selectel", "cloudru", "huaweicloud", "gcp", "azure", "alicloud", "oci", "digitalocean", "hcloud"]);
        expect(Object.keys(cloudEntries())).toEqual(["gcp", "azure", "alicloud", "oci", "digitalocean", "hcloud"]);
        expect(cloudEntry("gcp")).toMatchObject({ name: "Google Cloud", regionInRussia: false, status: "verified" });
        for (const name of ["yandex", "constructor", "toString", "__proto__"]) expect(cloudEntry(name), name).toBeUndefined();
    });

    it("gives a cloud's regions, and none for a cloud it does not know", () => {
        expect(regionEntries("hcloud").map((e) => e.id)).toEqual(["fsn1", "nbg1", "hel1", "ash", "hil", "sin"]);
        expect(regionEntries("nope")).toEqual([]);
        expect(endpointEntries().length).toBeGreaterThan(40);
    });

    it("finds a region by id and a zone's region, without case or surrounding spaces, and never one for the other", () => {
        expect(findRegion("aws", " EU-West-1 ")?.id).toBe("eu-west-1");
        expect(findZone("yandex", " RU-CENTRAL1-A ")?.id).toBe("ru-central1");
        expect(findZone("yandex", "ru-central1")).toBeUndefined();
        expect(findRegion("yandex", "ru-central1-a")).toBeUndefined();
        expect(findRegion("gcp", "eu-west-1")).toBeUndefined();
    });
});

describe("findEndpoint", () => {
    it.each([
        ["message-queue.api.cloud.yandex.net", "message-queue.api.cloud.yandex.net"],
        ["x.message-queue.api.cloud.yandex.net", "api.cloud.yandex.net"],
        ["storage.yandexcloud.net", "storage.yandexcloud.net"],
        ["b.storage.yandexcloud.net", "storage.yandexcloud.net"],
        ["a.storage.pe.yandexcloud.net", "storage.pe.yandexcloud.net"],
        ["storage.pe.yandexcloud.net", "storage.pe.yandexcloud.net"],
        ["s3.eu-west-1.amazonaws.com", "amazonaws.com"],
        ["x.ru-moscow-1.hc.sbercloud.ru", "ru-moscow-1.hc.sbercloud.ru"],
        ["obs.ru-moscow-1.hc.sbercloud.ru", "obs.ru-moscow-1.hc.sbercloud.ru"],
    ])("%s is the catalogue's %s", (host, entry) => {
        expect(findEndpoint(host)?.host).toBe(entry);
    });

    it("matches a domain only at a label boundary, and an exact host only exactly", () => {
        expect(findEndpoint("xstorage.yandexcloud.net")).toBeUndefined();
        expect(findEndpoint("storage.yandexcloud.net.example.io")).toBeUndefined();
        expect(findEndpoint("x.kz.infra.mail.ru")).toBeUndefined();
    });
});

describe("findConfiguredEndpoint", () => {
    it("takes the longest matching pattern, whatever the order", () => {
        const de = { pattern: "*.b.example.ru", country: "DE" };
        expect(findConfiguredEndpoint("a.b.example.ru", { "*.example.ru": "RU", "*.b.example.ru": "DE" })).toEqual(de);
        expect(findConfiguredEndpoint("a.b.example.ru", { "*.b.example.ru": "DE", "*.example.ru": "RU" })).toEqual(de);
    });

    it("prefers the exact host to a wildcard of the same domain, and measures patterns as read, not as written", () => {
        const exact = { pattern: "example.ru", country: "DE" };
        expect(findConfiguredEndpoint("example.ru", { "*.example.ru": "RU", "example.ru": "DE" })).toEqual(exact);
        expect(findConfiguredEndpoint("example.ru", { "example.ru": "DE", "*.example.ru": "RU" })).toEqual(exact);
        // Spaces around a shorter domain do not make it more specific.
        const inner = { pattern: "*.b.example.ru", country: "DE" };
        expect(findConfiguredEndpoint("a.b.example.ru", { "   *.example.ru.   ": "RU", "*.b.example.ru": "DE" })).toEqual(inner);
        expect(findConfiguredEndpoint("a.b.example.ru", { "*.b.example.ru": "DE", "   *.example.ru.   ": "RU" })).toEqual(inner);
    });

    it("matches a wildcard on the domain itself and its subdomains only, an exact host only itself", () => {
        expect(findConfiguredEndpoint("example.ru", { "*.example.ru": "RU" })).toEqual({ pattern: "*.example.ru", country: "RU" });
        expect(findConfiguredEndpoint("xexample.ru", { "*.example.ru": "RU" })).toBeUndefined();
        expect(findConfiguredEndpoint("b.a.example.ru", { "a.example.ru": "RU" })).toBeUndefined();
        expect(findConfiguredEndpoint("a.example.ru", { "a.example.ru": "RU" })).toEqual({ pattern: "a.example.ru", country: "RU" });
    });

    it("reads a pattern without case, spaces or a final dot, and a country by any code, keeping the pattern as written", () => {
        expect(findConfiguredEndpoint("a.example.ru", { " A.Example.RU. ": "rus" })).toEqual({ pattern: " A.Example.RU. ", country: "RU" });
    });

    it("ignores an entry whose country is not a country code", () => {
        expect(findConfiguredEndpoint("a.example.ru", { "a.example.ru": "XX" })).toBeUndefined();
        expect(findConfiguredEndpoint("a.example.ru", { "a.example.ru": 5 } as unknown as Record<string, string>)).toBeUndefined();
        expect(findConfiguredEndpoint("a.example.ru", { "*.example.ru": "DE", "a.example.ru": "XX" })).toEqual({ pattern: "*.example.ru", country: "DE" });
    });
});

describe("entryCountry", () => {
    it("vouches for Russia only from a verified entry, for other countries from any", () => {
        expect(entryCountry({ country: "RU", status: "verified" })).toBe("RU");
        expect(entryCountry({ country: "RU", status: "unverified" })).toBeUndefined();
        expect(entryCountry({ country: "DE", status: "unverified" })).toBe("DE");
        expect(entryCountry({ country: null, status: "verified" })).toBeUndefined();
        expect(entryCountry({ status: "verified" })).toBeUndefined();
    });
});
