// Which evidence decides a Yandex resource's location, and the words that say so.
import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { settings, view } from "./helpers";

const API = 'host "api.cloud.yandex.net": Yandex Cloud Yandex Cloud API (all services: compute., mdb., iam., message-queue., etc.), Russia (RU)';
const where = (type: string, props: Record<string, unknown>, providerProps: Record<string, unknown>, s = settings()) => {
    const l = locate(view(type, props, providerProps), s);
    return [l.inRussia, l.country ?? null, l.how];
};
const DISK = "yandex:index/computeDisk:ComputeDisk";
const QUEUE = "yandex:index/messageQueue:MessageQueue";

describe("yandex evidence", () => {
    it("a queue's regionId in Russia agrees with a Russian ymqEndpoint: the endpoint is named", () => {
        const ymq = 'the provider\'s ymqEndpoint is host "message-queue.api.cloud.yandex.net": Yandex Cloud Message Queue (SQS-compatible), Russia (RU)';
        expect(where(QUEUE, { regionId: "ru-central1" }, { ymqEndpoint: "message-queue.api.cloud.yandex.net" })).toEqual(["yes", "RU", ymq]);
        expect(where(QUEUE, {}, { ymqEndpoint: "message-queue.api.cloud.yandex.net" })).toEqual(["yes", "RU", ymq]);
    });

    it("a queue whose endpoint is abroad is abroad, whatever its regionId", () => {
        expect(where(QUEUE, { regionId: "ru-central1" }, { ymqEndpoint: "storage.yandexcloud.kz" })[0]).toBe("no");
    });

    it("a zone in Russia, created through the Russian API endpoint: both named", () => {
        expect(where(DISK, { zone: "ru-central1-a" }, { endpoint: "api.cloud.yandex.net:443" })).toEqual([
            "yes",
            "RU",
            `the resource's zone is "ru-central1-a" (Yandex Cloud ru-central1: Russia (Yandex data centers), Russia (RU)), created through the provider's endpoint is ${API}`,
        ]);
    });

    it("no zone: the installation the explicit endpoint names", () => {
        expect(where(DISK, {}, { endpoint: "api.cloud.yandex.net:443" })).toEqual([
            "yes",
            "RU",
            `the resource names no zone or region, so it is in the installation of the provider's endpoint is ${API}`,
        ]);
    });

    it("no zone and no endpoint: the documented default endpoint, and how to be stricter", () => {
        expect(where(DISK, {}, {})).toEqual([
            "yes",
            "RU",
            `the resource names no zone or region, so it is in the installation of the Yandex provider's documented default endpoint is ${API} (the provider sets no endpoint, so the pack assumes the provider's documented default; if you set YC_ENDPOINT at deploy time instead, set providerDefaults: strict)`,
        ]);
    });

    it("a default endpoint the config places abroad is abroad, with the note", () => {
        expect(where(DISK, {}, {}, settings({ endpointCountries: { "api.cloud.yandex.net": "DE" } }))).toEqual([
            "no",
            "DE",
            'the Yandex provider\'s documented default endpoint is host "api.cloud.yandex.net", which the pack config endpointCountries["api.cloud.yandex.net"] places in Germany (DE) (the provider sets no endpoint, so the pack assumes the provider\'s documented default; if you set YC_ENDPOINT at deploy time instead, set providerDefaults: strict)',
        ]);
        expect(where("yandex:index/storageBucket:StorageBucket", {}, {}, settings({ endpointCountries: { "storage.yandexcloud.net": "DE" } }))).toEqual([
            "no",
            "DE",
            'the Yandex provider\'s documented default storageEndpoint is host "storage.yandexcloud.net", which the pack config endpointCountries["storage.yandexcloud.net"] places in Germany (DE) (the provider sets no storageEndpoint, so the pack assumes the provider\'s documented default; if you set YC_STORAGE_ENDPOINT_URL at deploy time instead, set providerDefaults: strict)',
        ]);
    });

    it("an explicit endpoint in Kazakhstan decides over a Russian zone", () => {
        expect(where(DISK, { zone: "ru-central1-a" }, { endpoint: "api.yandexcloud.kz:443" })).toEqual([
            "no",
            "KZ",
            'the provider\'s endpoint is host "api.yandexcloud.kz": Yandex Cloud Yandex Cloud API, Kazakhstan region, Kazakhstan (KZ)',
        ]);
    });
});
