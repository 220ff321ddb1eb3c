import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endpointKeysFor, locateAws, readEndpoints } from "../../policypack/src/locate/aws";
import { endpointHost } from "../../policypack/src/locate/endpoint";
import { DEFAULT_LOCATION_SETTINGS, LocationSettings } from "../../policypack/src/locate/location";

import { UNKNOWN } from "../../policypack/src/values";
import { view } from "./helpers";
const s3 = (endpoint: unknown, extra: Record<string, unknown> = {}, settings: LocationSettings = DEFAULT_LOCATION_SETTINGS) =>
    locateAws(view("aws:s3/bucket:Bucket", {}, { region: "ru-central1", endpoints: JSON.stringify([{ s3: endpoint }]), ...extra }), settings);

describe("endpoint URLs", () => {
    it.each([
        ["https://storage.yandexcloud.net", "storage.yandexcloud.net"],
        ["storage.yandexcloud.net", "storage.yandexcloud.net"],
        ["http://storage.yandexcloud.net", "storage.yandexcloud.net"],
        ["HTTPS://Storage.YandexCloud.NET:443/some/path?x=1", "storage.yandexcloud.net"],
        ["https://storage.yandexcloud.net./", "storage.yandexcloud.net"],
        ["https://storage.yandexcloud.net@s3.amazonaws.com", "s3.amazonaws.com"],
        ["https://user:pass@storage.yandexcloud.net", "storage.yandexcloud.net"],
        ["https://хранилище.рф", "xn--80akiaokt3b4b.xn--p1ai"],
        ["http://10.0.0.5:9000", "10.0.0.5"],
    ])("%s → host %s", (url, host) => {
        expect(endpointHost(url).host).toBe(host);
    });

    it("never puts user-info (which may be a credential) in its notes", () => {
        const h = endpointHost("https://AKIASECRET:hunter2@storage.yandexcloud.net");
        expect(h.notes.join(" ")).not.toMatch(/AKIASECRET|hunter2/);
        expect(h.notes).toEqual(['the URL carries user-info before "@", which is not part of the host']);
    });

    it("has no host for what is not a URL", () => {
        expect(endpointHost("").host).toBeUndefined();
        expect(endpointHost("https://").host).toBeUndefined();
        expect(endpointHost("ht tp://x y").host).toBeUndefined();
    });
});

describe("endpoint keys", () => {
    it("maps types to the provider's endpoints keys", () => {
        expect(endpointKeysFor("aws:s3/bucket:Bucket")).toEqual(["s3", "s3api"]);
        expect(endpointKeysFor("aws:dynamodb/table:Table")).toEqual(["dynamodb"]);
        expect(endpointKeysFor("aws:cloudwatch/logGroup:LogGroup")).toEqual(["logs", "cloudwatchlogs", "cloudwatchlog"]);
        expect(endpointKeysFor("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream")).toEqual(["firehose"]);
        expect(endpointKeysFor("aws:ebs/volume:Volume")).toEqual(["ec2"]);
    });

    it("reads a module named like an Object property as a module, not as the property", () => {
        // These once looked the module up on a plain object and got Object's own members back.
        expect(endpointKeysFor("aws:constructor/thing:Thing")).toEqual(["constructor"]);
        expect(endpointKeysFor("aws:__proto__/thing:Thing")).toEqual(["__proto__"]);
        expect(endpointKeysFor("aws:toString/thing:Thing")).toEqual(["tostring"]);
        expect(endpointKeysFor("constructor")).toEqual([]);
    });

    it("answers the same for the same endpoints string every time, and never lets one caller change another's answer", () => {
        const props = { endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) };
        const first = readEndpoints(props);
        expect(readEndpoints({ ...props })).toEqual(first);
        expect(Object.isFrozen(endpointKeysFor("aws:s3/bucket:Bucket"))).toBe(true);
    });

    it("reads endpoints as the SDK sends them (a JSON list of maps), as a list, or as a map", () => {
        const want = { kind: "blocks", blocks: [new Map([["s3", "https://a"]])] };
        expect(readEndpoints({ endpoints: JSON.stringify([{ s3: "https://a" }]) })).toEqual(want);
        expect(readEndpoints({ endpoints: [{ s3: "https://a" }] })).toEqual(want);
        expect(readEndpoints({ endpoints: { S3: "https://a" } })).toEqual(want);
        expect(readEndpoints({ endpoints: [{ s3: "https://a" }, { s3: "" }, null, { s3: "https://b" }] })).toEqual({
            kind: "blocks",
            blocks: [new Map([["s3", "https://a"]]), new Map([["s3", "https://b"]])],
        });
        expect(readEndpoints({ endpoints: "[{" }).kind).toBe("unreadable");
        expect(readEndpoints({ endpoints: UNKNOWN }).kind).toBe("unknown");
        expect(readEndpoints({ endpoints: [UNKNOWN] }).kind).toBe("unknown");
        expect(readEndpoints({ endpoints: 42 }).kind).toBe("unreadable");
        expect(readEndpoints({}).kind).toBe("blocks");
    });
});

describe("locating an AWS resource", () => {
    it("a verified Russian endpoint is Russia", () => {
        expect(s3("https://storage.yandexcloud.net")).toMatchObject({ inRussia: "yes", country: "RU" });
        expect(s3("https://mybucket.storage.yandexcloud.net")).toMatchObject({ inRussia: "yes", country: "RU" });
        expect(s3("https://hb.ru-msk.vkcloud-storage.ru")).toMatchObject({ inRussia: "yes", country: "RU" });
    });

    it("the same provider's other installations are not", () => {
        expect(s3("https://storage.yandexcloud.kz")).toMatchObject({ inRussia: "no", country: "KZ" });
        expect(s3("https://hb.kz-ast.vkcloud-storage.ru")).toMatchObject({ inRussia: "no", country: "KZ" });
        expect(s3("https://storage.il.nebius.cloud")).toMatchObject({ inRussia: "no", country: "IL" });
    });

    it("look-alike hosts, IP addresses and unlisted hosts are unknown, never Russia", () => {
        for (const url of ["https://storage.yandexcloud.net.example.io", "https://storage-yandexcloud.net", "http://10.0.0.5:9000", "https://xn--storage-yandexcloud-net.ru"]) {
            expect(s3(url).inRussia, url).toBe("unknown");
        }
    });

    it("AWS's own endpoints are AWS, in the region their host names", () => {
        expect(s3("https://s3.eu-central-1.amazonaws.com")).toMatchObject({ inRussia: "no", country: "DE", region: "eu-central-1" });
        expect(s3("https://storage.yandexcloud.net@s3.eu-central-1.amazonaws.com")).toMatchObject({ inRussia: "no", country: "DE" });
    });

    it("endpointCountries places a host the catalogue does not know (exact or *.domain)", () => {
        const settings = { ...DEFAULT_LOCATION_SETTINGS, endpointCountries: { "*.dc1.example.ru": "RU", "s3.example.de": "DEU" } };
        expect(s3("https://minio.dc1.example.ru", {}, settings)).toMatchObject({ inRussia: "yes", country: "RU" });
        expect(s3("https://s3.example.de", {}, settings)).toMatchObject({ inRussia: "no", country: "DE" });
        expect(s3("https://other.example.ru", {}, settings).inRussia).toBe("unknown");
    });

    it("without a custom endpoint: the resource's region, then the provider's", () => {
        const t = "aws:dynamodb/table:Table";
        expect(locateAws(view(t, { region: "us-east-1" }, { region: "eu-west-1" }), DEFAULT_LOCATION_SETTINGS)).toMatchObject({ inRussia: "no", country: "US", region: "us-east-1" });
        expect(locateAws(view(t, {}, { region: " EU-WEST-1 " }), DEFAULT_LOCATION_SETTINGS)).toMatchObject({ inRussia: "no", country: "IE", region: "eu-west-1" });
        expect(locateAws(view(t, {}, { region: "ru-central1" }), DEFAULT_LOCATION_SETTINGS)).toMatchObject({ inRussia: "no", region: "ru-central1" });
    });

    it("without a custom endpoint, a region that is unknown, unreadable or missing is still AWS: abroad, not unknown", () => {
        const t = "aws:dynamodb/table:Table";
        for (const [props, providerProps, words] of [
            [{}, {}, "neither the resource nor its provider sets a region"],
            [{ region: UNKNOWN }, { region: "eu-west-1" }, "the resource's region is not known yet"],
            [{ region: 7 }, {}, "the resource's region is not a string"],
            [{}, { region: UNKNOWN }, "the provider's region is not known yet"],
            [{}, { region: ["x"] }, "the provider's region is not a string"],
            [{}, { region: UNKNOWN, endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) }, "the provider's region is not known yet"],
        ] as const) {
            const r = locateAws(view(t, props, providerProps), DEFAULT_LOCATION_SETTINGS);
            expect(r, words).toMatchObject({ inRussia: "no", unknowns: [] });
            expect(r.how).toContain(words);
            expect(r.how).toContain('no custom endpoint for "dynamodb"');
        }
        // Endpoints that are not known yet may yet name a Russian cloud: that stays unknown.
        expect(locateAws(view(t, {}, { region: UNKNOWN, endpoints: UNKNOWN }), DEFAULT_LOCATION_SETTINGS).inRussia).toBe("unknown");
        expect(locateAws(view(t, {}, { endpoints: "[{" }), DEFAULT_LOCATION_SETTINGS).inRussia).toBe("unknown");
    });

    it("an endpoint for another service does not move this one", () => {
        const r = locateAws(view("aws:rds/instance:Instance", {}, { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) }), DEFAULT_LOCATION_SETTINGS);
        expect(r.inRussia).toBe("no");
        expect(r.how).toContain('no custom endpoint for "rds"');
    });

    it("a resource region that contradicts a Russian endpoint is not Russia", () => {
        const r = locateAws(view("aws:s3/bucket:Bucket", { region: "eu-central-1" }, { endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) }), DEFAULT_LOCATION_SETTINGS);
        expect(r).toMatchObject({ inRussia: "no", country: "DE" });
        expect(r.how).toContain("contradict");
    });

    it("aliases for the same service that disagree are not Russia", () => {
        const r = locateAws(
            view("aws:s3/bucket:Bucket", {}, { endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net", s3api: "https://s3.eu-west-1.amazonaws.com" }]) }),
            DEFAULT_LOCATION_SETTINGS,
        );
        expect(r.inRussia).toBe("no");
        expect(r.how).toContain("disagree");
    });

    // Class 1 (several endpoints blocks): terraform-provider-aws keeps `endpoints` as a set and uses
    // the first URL per service in the set's hash order, so no block position decides.
    describe("several endpoints blocks", () => {
        const YANDEX = "https://storage.yandexcloud.net";
        const FRANKFURT = "https://s3.eu-central-1.amazonaws.com";
        const blocks = (...b: Record<string, string>[]) => locateAws(view("aws:s3/bucket:Bucket", {}, { region: "ru-central1", endpoints: JSON.stringify(b) }), DEFAULT_LOCATION_SETTINGS);

        it("that disagree on a service are abroad whichever block comes last, and the message names both", () => {
            for (const r of [blocks({ s3: YANDEX }, { s3: FRANKFURT }), blocks({ s3: FRANKFURT }, { s3: YANDEX })]) {
                expect(r).toMatchObject({ inRussia: "no", country: "DE" });
                expect(r.how).toContain("disagree");
                expect(r.how).toContain("endpoints[0]");
                expect(r.how).toContain("endpoints[1]");
                expect(r.how).toContain("set");
            }
        });

        it("that disagree between Russia and an unknown host are unknown, never Russia", () => {
            const r = blocks({ s3: YANDEX }, { s3: "https://minio.example.io" });
            expect(r.inRussia).toBe("unknown");
            expect(r.how).toContain("disagree");
        });

        it("that agree, or set different services, decide as one block", () => {
            expect(blocks({ s3: YANDEX }, { s3: "https://mybucket.storage.yandexcloud.net" })).toMatchObject({ inRussia: "yes", country: "RU" });
            expect(blocks({ s3: YANDEX }, { dynamodb: "https://dynamodb.eu-west-1.amazonaws.com" })).toMatchObject({ inRussia: "yes", country: "RU" });
            expect(blocks({ dynamodb: "https://dynamodb.eu-west-1.amazonaws.com" }, { s3: YANDEX })).toMatchObject({ inRussia: "yes", country: "RU" });
        });

        it("an alias in another block counts as the service (property: order never matters, never Russia with a foreign candidate)", () => {
            const urls = fc.constantFrom(YANDEX, FRANKFURT, "https://hb.ru-msk.vkcloud-storage.ru", "https://storage.yandexcloud.kz", "https://minio.example.io");
            const block = fc.record({ s3: fc.option(urls, { nil: undefined }), s3api: fc.option(urls, { nil: undefined }), dynamodb: fc.option(urls, { nil: undefined }) }, { requiredKeys: [] });
            fc.assert(
                fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (bs) => {
                    const clean = bs.map((b) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as Record<string, string>);
                    const forward = blocks(...clean);
                    const backward = blocks(...[...clean].reverse());
                    expect([backward.inRussia, backward.country]).toEqual([forward.inRussia, forward.country]);
                    const s3Urls = clean.flatMap((b) => [b.s3, b.s3api].filter((u): u is string => u !== undefined));
                    const allRussian = s3Urls.length > 0 && s3Urls.every((u) => u === YANDEX || u.includes("ru-msk"));
                    expect(forward.inRussia === "yes").toBe(allRussian);
                    if (s3Urls.some((u) => u === FRANKFURT || u.endsWith(".kz"))) expect(forward.inRussia).toBe("no");
                }),
                { seed: 1, numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
            );
        });
    });

    it("unknown endpoint values are unknown", () => {
        expect(s3(UNKNOWN).inRussia).toBe("unknown");
        expect(s3(42).inRussia).toBe("unknown");
    });
});
