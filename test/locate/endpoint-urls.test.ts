// Endpoint URLs as an HTTP client reads them, and what the location then says: the verdict, the
// country and the words, for the shapes a URL can take.
import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { entryCountry } from "../../policypack/src/locate/catalogue";
import { displayEndpoint, endpointHost } from "../../policypack/src/locate/endpoint";
import { settings, view } from "./helpers";

const s = settings({ endpointCountries: { "*.example.ru": "RU", "minio.example.de": "DE" } });
const where = (url: string) => {
    const l = locate(view("aws:s3/bucket:Bucket", {}, { region: "eu-central-1", endpoints: [{ s3: url }] }), s);
    return [l.inRussia, l.country ?? null, l.region ?? null, l.how];
};
const EP = 'the provider\'s endpoint for "s3"';
const YANDEX = `${EP} is host "storage.yandexcloud.net": Yandex Cloud Object Storage (S3-compatible), Russia (RU)`;
const NOT_CATALOGUED = "a host that is not in the pack's catalogue; if you know where it is, add it to endpointCountries";

describe("endpoint URLs", () => {
    it("the host is what the client talks to: user-info before @ is not the host, and is never shown", () => {
        expect(where("https://storage.yandexcloud.net@s3.amazonaws.com")).toEqual([
            "no",
            null,
            null,
            `${EP} is host "s3.amazonaws.com" (the URL carries user-info before "@", which is not part of the host), an Amazon Web Services endpoint; Amazon Web Services has no region in Russia`,
        ]);
        const withPassword = where("https://user:secret@storage.yandexcloud.net");
        expect(withPassword).toEqual([
            "yes",
            "RU",
            "ru-central1",
            `${EP} is host "storage.yandexcloud.net" (the URL carries user-info before "@", which is not part of the host): Yandex Cloud Object Storage (S3-compatible), Russia (RU)`,
        ]);
        expect(where("https://a@b@unknown.example.com")).toEqual([
            "unknown",
            null,
            null,
            `${EP} is host "unknown.example.com" (the URL carries user-info before "@", which is not part of the host), ${NOT_CATALOGUED}`,
        ]);
    });

    it("case, a path, a bare host and a trailing dot do not change the host", () => {
        for (const u of ["storage.yandexcloud.net.", "HTTPS://STORAGE.YANDEXCLOUD.NET/bucket", "storage.yandexcloud.net", "https://storage.yandexcloud.net..", "https://storage.yandexcloud.net:443"]) {
            expect(where(u), u).toEqual(["yes", "RU", "ru-central1", YANDEX]);
        }
    });

    it("what no client would read the same way has no host: unknown", () => {
        expect(where(" ")).toEqual(["unknown", null, null, `${EP} " " has no host the pack can read (the endpoint is empty)`]);
        expect(where("https://storage.yandexcloud.net\\@s3.amazonaws.com")).toEqual([
            "unknown",
            null,
            null,
            `${EP} "…@s3.amazonaws.com" has no host the pack can read (it contains a backslash, a space or a control character, which URL parsers read differently)`,
        ]);
        expect(where("https://stor\tage.yandexcloud.net")[0]).toBe("unknown");
        expect(where("https://storage.yandexcloud.net\u007f")[0]).toBe("unknown");
        expect(where("https://")).toEqual(["unknown", null, null, `${EP} "https://" has no host the pack can read (the endpoint is not a valid URL)`]);
        expect(endpointHost("file:///etc/passwd")).toEqual({ notes: ["the endpoint has no host"] });
        expect(endpointHost("  https://storage.yandexcloud.net  ")).toEqual({ host: "storage.yandexcloud.net", notes: [] });
    });

    it("an IP address says nothing about a country", () => {
        expect(where("https://10.0.0.1:9000")).toEqual([
            "unknown",
            null,
            null,
            `${EP} is host "10.0.0.1", an IP address, which says nothing about where it is; if you know where it is, add it to endpointCountries`,
        ]);
        expect(where("https://[::1]:9000")[3]).toBe(`${EP} is host "[::1]", an IP address, which says nothing about where it is; if you know where it is, add it to endpointCountries`);
        expect(where("https://10.0.0.1.nip.io")[3]).toBe(`${EP} is host "10.0.0.1.nip.io", ${NOT_CATALOGUED}`);
    });

    it("AWS's own hosts: abroad, with the region the host names", () => {
        expect(where("s3.eu-central-1.amazonaws.com")).toEqual([
            "no",
            "DE",
            "eu-central-1",
            `${EP} is host "s3.eu-central-1.amazonaws.com", an Amazon Web Services endpoint in region eu-central-1, Germany (DE); Amazon Web Services has no region in Russia`,
        ]);
        expect(where("s3.amazonaws.com")).toEqual(["no", null, null, `${EP} is host "s3.amazonaws.com", an Amazon Web Services endpoint; Amazon Web Services has no region in Russia`]);
    });

    it("catalogue entries without a verified country are unknown, and say which is missing", () => {
        expect(where("https://s3.ru-3.storage.selcloud.ru")[3]).toMatch(
            /^the provider's endpoint for "s3" is host "s3\.ru-3\.storage\.selcloud\.ru", listed in the catalogue as Selectel S3 object storage, pool ru-3, but the catalogue has no verified country for it \(.+\); if you know where it is, add it to endpointCountries$/,
        );
        // An unverified claim of Russia is no evidence; an unverified foreign country still counts as abroad.
        expect(entryCountry({ country: "RU", status: "unverified" })).toBeUndefined();
        expect(entryCountry({ country: "RU", status: "verified" })).toBe("RU");
        expect(entryCountry({ country: "KZ", status: "unverified" })).toBe("KZ");
        expect(where("https://s3.kz-1.storage.selcloud.ru").slice(0, 2)).toEqual(["no", "KZ"]);
    });

    it("a verified foreign installation is abroad", () => {
        expect(where("https://storage.il.nebius.cloud")).toEqual([
            "no",
            "IL",
            "il1",
            `${EP} is host "storage.il.nebius.cloud": Nebius Israel Object Storage (S3-compatible), Israel installation, Israel (IL)`,
        ]);
    });

    it("endpointCountries places hosts the catalogue does not know, and says which entry did", () => {
        expect(where("https://minio.dc1.example.ru")).toEqual([
            "yes",
            "RU",
            null,
            `${EP} is host "minio.dc1.example.ru", which the pack config endpointCountries["*.example.ru"] places in Russia (RU)`,
        ]);
        expect(where("minio.example.de")).toEqual(["no", "DE", null, `${EP} is host "minio.example.de", which the pack config endpointCountries["minio.example.de"] places in Germany (DE)`]);
    });

    it("a Unicode host is compared in punycode", () => {
        expect(where("https://яндекс.рф")[3]).toBe(`${EP} is host "xn--d1acpjx3f.xn--p1ai", ${NOT_CATALOGUED}`);
    });

    it("shows an endpoint without anything before its last @", () => {
        expect(displayEndpoint("https://u:p@host")).toBe("…@host");
        expect(displayEndpoint("https://host")).toBe("https://host");
    });
});
