// locateEndpoint's exact answers: the user's endpointCountries first, then the catalogue (AWS's
// own hosts, entries with and without a verified country), then an unknown host or IP address.
import { describe, expect, it } from "vitest";
import { locateEndpoint } from "../../policypack/src/locate/endpoint-location";
import { DEFAULT_LOCATION_SETTINGS } from "../../policypack/src/locate/location";

const at = (url: string, endpointCountries: Record<string, string> = {}) => locateEndpoint(url, "the endpoint", { ...DEFAULT_LOCATION_SETTINGS, endpointCountries });
const unknown = (how: string) => ({ inRussia: "unknown", how, unknowns: [how] });
const USER_INFO = ' (the URL carries user-info before "@", which is not part of the host)';

describe("an endpoint with no host", () => {
    it("is unknown, says why, and never shows what comes before the last @", () => {
        expect(at("")).toEqual(unknown('the endpoint "" has no host the pack can read (the endpoint is empty)'));
        expect(at("https://user:pw@")).toEqual(unknown('the endpoint "…@" has no host the pack can read (the endpoint is not a valid URL)'));
        expect(at("https://a b")).toEqual(
            unknown('the endpoint "https://a b" has no host the pack can read (it contains a backslash, a space or a control character, which URL parsers read differently)'),
        );
    });
});

describe("AWS's own hosts", () => {
    it("are abroad, in the region the host names, or in no named region", () => {
        expect(at("https://s3.amazonaws.com")).toEqual({
            inRussia: "no",
            how: 'the endpoint is host "s3.amazonaws.com", an Amazon Web Services endpoint; Amazon Web Services has no region in Russia',
            unknowns: [],
        });
        expect(at("https://u:p@s3.eu-west-1.amazonaws.com")).toEqual({
            inRussia: "no",
            country: "IE",
            region: "eu-west-1",
            how: `the endpoint is host "s3.eu-west-1.amazonaws.com"${USER_INFO}, an Amazon Web Services endpoint in region eu-west-1, Ireland (IE); Amazon Web Services has no region in Russia`,
            unknowns: [],
        });
    });

    it("take the region from the last label that is one: a bucket may be named like a region", () => {
        expect(at("https://eu-west-1.s3.eu-central-1.amazonaws.com")).toEqual({
            inRussia: "no",
            country: "DE",
            region: "eu-central-1",
            how: 'the endpoint is host "eu-west-1.s3.eu-central-1.amazonaws.com", an Amazon Web Services endpoint in region eu-central-1, Germany (DE); Amazon Web Services has no region in Russia',
            unknowns: [],
        });
    });
});

describe("catalogue hosts", () => {
    it("with a verified country are there, with the entry's region", () => {
        expect(at("https://message-queue.api.cloud.yandex.net")).toEqual({
            inRussia: "yes",
            country: "RU",
            region: "ru-central1",
            how: 'the endpoint is host "message-queue.api.cloud.yandex.net": Yandex Cloud Message Queue (SQS-compatible), Russia (RU)',
            unknowns: [],
        });
        expect(at("https://kz.infra.mail.ru:5000/v3")).toEqual({
            inRussia: "no",
            country: "KZ",
            region: "kz",
            how: 'the endpoint is host "kz.infra.mail.ru": VK Cloud Keystone identity, Kazakhstan region, Kazakhstan (KZ)',
            unknowns: [],
        });
    });

    it("without a verified country are unknown, and say which is missing", () => {
        expect(at("https://s3.cloud.ru")).toEqual(
            unknown(
                'the endpoint is host "s3.cloud.ru", listed in the catalogue as Cloud.ru Evolution Object Storage (S3), but the catalogue has no verified country for it (https://glama.ai/mcp/servers/stufently/cloudru-s3-mcp-ai-cli); if you know where it is, add it to endpointCountries',
            ),
        );
    });
});

describe("hosts the catalogue does not know", () => {
    it("are unknown, an IP address said to be one", () => {
        expect(at("https://10.1.2.3")).toEqual(unknown('the endpoint is host "10.1.2.3", an IP address, which says nothing about where it is; if you know where it is, add it to endpointCountries'));
        expect(at("http://[::1]:9000")).toEqual(unknown('the endpoint is host "[::1]", an IP address, which says nothing about where it is; if you know where it is, add it to endpointCountries'));
        expect(at("https://u@minio.example.io")).toEqual(
            unknown(`the endpoint is host "minio.example.io"${USER_INFO}, a host that is not in the pack's catalogue; if you know where it is, add it to endpointCountries`),
        );
    });

    it("are placed by endpointCountries, which names the entry", () => {
        expect(at("https://u@minio.example.io", { "*.example.io": "DE" })).toEqual({
            inRussia: "no",
            country: "DE",
            how: `the endpoint is host "minio.example.io"${USER_INFO}, which the pack config endpointCountries["*.example.io"] places in Germany (DE)`,
            unknowns: [],
        });
        expect(at("https://minio.example.io", { "minio.example.io": "RU" })).toEqual({
            inRussia: "yes",
            country: "RU",
            how: 'the endpoint is host "minio.example.io", which the pack config endpointCountries["minio.example.io"] places in Russia (RU)',
            unknowns: [],
        });
    });
});
