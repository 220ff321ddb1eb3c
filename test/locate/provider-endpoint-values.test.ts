// Provider endpoint values that are empty, unknown, not strings, padded or oddly shaped: each is
// decided explicitly, and the location says which value it rests on.
import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { settings, UNKNOWN, view } from "./helpers";

const s = settings();
const BUCKET = "aws:s3/bucket:Bucket";
const at = (endpoints: unknown, region: unknown = "eu-central-1") => {
    const l = locate(view(BUCKET, {}, { region, endpoints }), s);
    return [l.inRussia, l.how];
};
const FRANKFURT_HOW = 'the provider\'s region is "eu-central-1" (AWS Frankfurt, Germany (DE)) and the provider has no custom endpoint for "s3", so the data goes to AWS';

describe("aws: the provider's endpoints", () => {
    it("an empty entry for the service is no custom endpoint: the region decides, abroad", () => {
        expect(at(JSON.stringify([{ s3: "" }]))).toEqual(["no", FRANKFURT_HOW]);
        expect(at([{ s3: "" }])).toEqual(["no", FRANKFURT_HOW]);
        expect(at([{ s3: null }, null])).toEqual(["no", FRANKFURT_HOW]);
        expect(at(JSON.stringify([]))).toEqual(["no", FRANKFURT_HOW]);
    });

    it("an entry for another service is no custom endpoint for this one", () => {
        expect(at(JSON.stringify([{ dynamodb: "https://docapi.serverless.yandexcloud.net" }]))).toEqual(["no", FRANKFURT_HOW]);
    });

    it("a Russian endpoint, in a list, a single map, with padded or upper-case keys and a padded URL", () => {
        for (const endpoints of [
            JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]),
            { s3: "https://storage.yandexcloud.net" },
            [null, { " S3 ": "https://storage.yandexcloud.net" }],
            [{ s3: "  https://storage.yandexcloud.net  " }],
        ]) {
            const l = locate(view(BUCKET, {}, { region: "eu-central-1", endpoints }), s);
            expect([l.inRussia, l.country], JSON.stringify(endpoints)).toEqual(["yes", "RU"]);
        }
    });

    it("unknown endpoints, or an unknown entry, or an unknown URL: unknown, and says which", () => {
        expect(at(UNKNOWN)).toEqual(["unknown", "the provider's endpoints are not known yet"]);
        expect(at([UNKNOWN])).toEqual(["unknown", "an entry of the provider's endpoints is not known yet"]);
        expect(at([{ s3: UNKNOWN }])).toEqual(["unknown", 'the provider\'s endpoint for "s3" is not known yet']);
    });

    it("endpoints that cannot be read: unknown, and says why", () => {
        expect(at("{not json")).toEqual(["unknown", "the provider's endpoints are a string that is not JSON"]);
        expect(at(["https://storage.yandexcloud.net"])).toEqual(["unknown", "the provider's endpoints are not a list of maps"]);
        expect(at([{ s3: 42 }])).toEqual(["unknown", 'the provider\'s endpoint for "s3" is not a string']);
    });

    it("with several blocks, the message names the block", () => {
        expect(at([{ dynamodb: "https://docapi.serverless.yandexcloud.net" }, { s3: 42 }])).toEqual(["unknown", 'the provider\'s endpoint for "s3" in endpoints[1] is not a string']);
    });

    it("a region that is not a string, with no custom endpoint, is still AWS and so abroad", () => {
        const l = locate(view(BUCKET, {}, { region: 42 }), s);
        expect([l.inRussia, l.how]).toEqual([
            "no",
            'the provider\'s region is not a string, but the provider has no custom endpoint for "s3", so the data goes to AWS, which has no region in Russia: the resource is outside Russia whichever region it gets',
        ]);
        const own = locate(view(BUCKET, { region: 42 }, { region: "eu-central-1" }), s);
        expect([own.inRussia, own.how]).toEqual([
            "no",
            'the resource\'s region is not a string, but the provider has no custom endpoint for "s3", so the data goes to AWS, which has no region in Russia: the resource is outside Russia whichever region it gets',
        ]);
    });
});

describe("yandex: an endpoint that is not a string is not a place", () => {
    it("storageEndpoint 42 is unknown, not Russia", () => {
        const l = locate(view("yandex:index/storageBucket:StorageBucket", {}, { storageEndpoint: 42 }), s);
        expect([l.inRussia, l.how]).toEqual(["unknown", "the provider's storageEndpoint is not a string"]);
    });
    it("ymqEndpoint 42 is unknown, not Russia", () => {
        const l = locate(view("yandex:index/messageQueue:MessageQueue", {}, { ymqEndpoint: 42 }), s);
        expect([l.inRussia, l.how]).toEqual(["unknown", "the provider's ymqEndpoint is not a string"]);
    });
    it("the API endpoint 42 is unknown, even with a Russian zone", () => {
        const l = locate(view("yandex:index/computeDisk:ComputeDisk", { zone: "ru-central1-a" }, { endpoint: 42 }), s);
        expect([l.inRussia, l.how]).toEqual(["unknown", "the provider's endpoint is not a string"]);
    });
    it("an unknown API endpoint is unknown", () => {
        const l = locate(view("yandex:index/computeDisk:ComputeDisk", { zone: "ru-central1-a" }, { endpoint: UNKNOWN }), s);
        expect([l.inRussia, l.how]).toEqual(["unknown", "the provider's endpoint is not known yet"]);
    });
    it("an unknown ymqEndpoint is unknown", () => {
        const l = locate(view("yandex:index/messageQueue:MessageQueue", {}, { ymqEndpoint: UNKNOWN }), s);
        expect([l.inRussia, l.how]).toEqual(["unknown", "the provider's ymqEndpoint is not known yet"]);
    });
});
