// The exact answers locateAws gives, words included: where an AWS resource is, from its own
// region, its provider's custom endpoints or its provider's region, and how the pack says so.
import { describe, expect, it } from "vitest";
import { endpointKeysFor, locateAws, readEndpoints, servedByAws } from "../../policypack/src/locate/aws";
import { DEFAULT_LOCATION_SETTINGS } from "../../policypack/src/locate/location";
import { UNKNOWN } from "../../policypack/src/values";
import { view } from "./helpers";

const BUCKET = "aws:s3/bucket:Bucket";
const YANDEX = "https://storage.yandexcloud.net";
const FRANKFURT = "https://s3.eu-central-1.amazonaws.com";
const KAZAKHSTAN = "https://storage.yandexcloud.kz";

const at = (props: Record<string, unknown>, providerProps: Record<string, unknown>, type = BUCKET) => locateAws(view(type, props, providerProps), DEFAULT_LOCATION_SETTINGS);
const json = (...blocks: Record<string, unknown>[]) => JSON.stringify(blocks);

const YANDEX_HOW = 'the provider\'s endpoint for "s3" is host "storage.yandexcloud.net": Yandex Cloud Object Storage (S3-compatible), Russia (RU)';
const TO_AWS = "so the data goes to AWS, which has no region in Russia: the resource is outside Russia whichever region it gets";
const SET =
    "The aws provider keeps endpoints as a set and uses the first URL of the set's own order (by hash, not the order written), so the pack cannot tell which one it uses and decides by the worst; keep one endpoints block with one URL per service";

describe("an AWS resource without a custom endpoint", () => {
    it("is in the resource's own region when it differs from the provider's", () => {
        expect(at({ region: "eu-central-1" }, { region: "eu-west-1" })).toEqual({
            inRussia: "no",
            country: "DE",
            region: "eu-central-1",
            how: 'the resource\'s region is "eu-central-1" (AWS Frankfurt, Germany (DE)) and the provider has no custom endpoint for "s3", so the data goes to AWS',
            unknowns: [],
        });
    });

    it("says a resource region equal to the provider's was copied from it", () => {
        expect(at({ region: "eu-central-1" }, { region: "eu-central-1" })).toEqual({
            inRussia: "no",
            country: "DE",
            region: "eu-central-1",
            how: 'the resource\'s region (its provider\'s, which pulumi-aws copies into every resource) is "eu-central-1" (AWS Frankfurt, Germany (DE)) and the provider has no custom endpoint for "s3", so the data goes to AWS',
            unknowns: [],
        });
    });

    it("is in the provider's region when the resource sets none", () => {
        expect(at({}, { region: "eu-west-1" })).toEqual({
            inRussia: "no",
            country: "IE",
            region: "eu-west-1",
            how: 'the provider\'s region is "eu-west-1" (AWS Ireland, Ireland (IE)) and the provider has no custom endpoint for "s3", so the data goes to AWS',
            unknowns: [],
        });
    });

    it("is abroad in a region that is not an AWS region, and says why a region name does not move it", () => {
        expect(at({ region: "mars-1" }, {})).toEqual({
            inRussia: "no",
            region: "mars-1",
            how: 'the resource\'s region is "mars-1", which is not an AWS region, and the provider has no custom endpoint for "s3": the requests go to AWS, which has no region in Russia (a region name alone does not move a service; a Russian cloud is reached through its endpoint)',
            unknowns: [],
        });
    });

    it.each([
        [{}, {}, "neither the resource nor its provider sets a region (the provider would take one from the environment at deploy time)"],
        [{ region: UNKNOWN }, { region: "eu-west-1" }, "the resource's region is not known yet"],
        [{ region: 5 }, { region: UNKNOWN }, "the resource's region is not a string"],
        [{}, { region: UNKNOWN }, "the provider's region is not known yet"],
        [{}, { region: 5 }, "the provider's region is not a string"],
    ])("is abroad whatever region it gets: %j %j", (props, providerProps, which) => {
        expect(at(props, providerProps)).toEqual({ inRussia: "no", how: `${which}, but the provider has no custom endpoint for "s3", ${TO_AWS}`, unknowns: [] });
    });

    it("names the module as the service of a type the data does not list, and 'the service' for a token with no module", () => {
        expect(at({}, {}, "aws:foo/bar:Bar").how).toBe(
            `neither the resource nor its provider sets a region (the provider would take one from the environment at deploy time), but the provider has no custom endpoint for "foo", ${TO_AWS}`,
        );
        expect(at({}, {}, "weird").how).toBe(
            `neither the resource nor its provider sets a region (the provider would take one from the environment at deploy time), but the provider has no custom endpoint for "the service", ${TO_AWS}`,
        );
    });

    it("is AWS for a resource without a provider", () => {
        expect(locateAws({ type: BUCKET, name: "r", urn: "u", props: {} }, DEFAULT_LOCATION_SETTINGS).inRussia).toBe("no");
    });
});

describe("an AWS resource with a custom endpoint", () => {
    it("is where the endpoint is, with no block index when there is one block", () => {
        expect(at({}, { endpoints: json({ s3: YANDEX }) })).toEqual({ inRussia: "yes", country: "RU", region: "ru-central1", how: YANDEX_HOW, unknowns: [] });
    });

    it("counts only non-empty blocks when deciding whether to name the block", () => {
        expect(at({}, { endpoints: json({ s3: YANDEX }, {}) }).how).toBe(YANDEX_HOW);
        expect(at({}, { endpoints: json({ dynamodb: YANDEX }, { s3: YANDEX }) })).toEqual({
            inRussia: "yes",
            country: "RU",
            region: "ru-central1",
            how: 'the provider\'s endpoint for "s3" in endpoints[1] is host "storage.yandexcloud.net": Yandex Cloud Object Storage (S3-compatible), Russia (RU)',
            unknowns: [],
        });
    });

    it("stays Russian when the resource's region is the provider's, or is not an AWS region", () => {
        const yes = { inRussia: "yes", country: "RU", region: "ru-central1", how: YANDEX_HOW, unknowns: [] };
        expect(at({ region: "eu-central-1" }, { region: "eu-central-1", endpoints: json({ s3: YANDEX }) })).toEqual(yes);
        expect(at({ region: "ru-central1" }, { endpoints: json({ s3: YANDEX }) })).toEqual(yes);
        expect(at({ region: "mars-1" }, { endpoints: json({ s3: YANDEX }) })).toEqual(yes);
    });

    it("is not Russian when the resource's own region is another AWS region than the provider's", () => {
        expect(at({ region: "eu-central-1" }, { region: "ru-central1", endpoints: json({ s3: YANDEX }) })).toEqual({
            inRussia: "no",
            country: "DE",
            region: "eu-central-1",
            how: `${YANDEX_HOW}, but the resource's own region is "eu-central-1" (AWS Frankfurt, Germany (DE)); the two contradict each other, so the pack cannot show the resource is in Russia`,
            unknowns: [],
        });
        expect(at({ region: "eu-isoe-west-1" }, { endpoints: json({ s3: YANDEX }) })).toEqual({
            inRussia: "no",
            country: "GB",
            region: "eu-isoe-west-1",
            how: `${YANDEX_HOW}, but the resource's own region is "eu-isoe-west-1" (AWS EU ISOE West, United Kingdom (GB)); the two contradict each other, so the pack cannot show the resource is in Russia`,
            unknowns: [],
        });
    });

    it("is unknown when the resource's own region is not known yet: it may name an AWS region elsewhere", () => {
        const how = `${YANDEX_HOW}, but the resource's own region is not known yet, and a region in AWS elsewhere would contradict the endpoint`;
        expect(at({ region: UNKNOWN }, { region: "ru-central1", endpoints: json({ s3: YANDEX }) })).toEqual({ inRussia: "unknown", how, unknowns: [how] });
        expect(at({ region: UNKNOWN }, { endpoints: json({ s3: YANDEX }) })).toEqual({ inRussia: "unknown", how, unknowns: [how] });
    });

    it("leaves an unknown endpoint unknown, whatever the resource's region", () => {
        const how = 'the provider\'s endpoint for "s3" is host "minio.example.io", a host that is not in the pack\'s catalogue; if you know where it is, add it to endpointCountries';
        expect(at({ region: "eu-central-1" }, { endpoints: json({ s3: "https://minio.example.io" }) })).toEqual({ inRussia: "unknown", how, unknowns: [how] });
    });

    it("is unknown when an endpoint value is not known yet or not a string, naming the block when there are several", () => {
        const one = 'the provider\'s endpoint for "s3" is not known yet';
        expect(at({}, { endpoints: [{ s3: UNKNOWN }] })).toEqual({ inRussia: "unknown", how: one, unknowns: [one] });
        const several = 'the provider\'s endpoint for "s3" in endpoints[0] is not known yet';
        expect(at({}, { endpoints: [{ s3: UNKNOWN }, { s3: YANDEX }] })).toEqual({ inRussia: "unknown", how: several, unknowns: [several] });
        const notString = 'the provider\'s endpoint for "s3" is not a string';
        expect(at({}, { endpoints: [{ s3: 5 }] })).toEqual({ inRussia: "unknown", how: notString, unknowns: [notString] });
    });

    it.each([
        [UNKNOWN, "the provider's endpoints are not known yet"],
        ["[{", "the provider's endpoints are a string that is not JSON"],
        [[3], "the provider's endpoints are not a list of maps"],
        [[UNKNOWN], "an entry of the provider's endpoints is not known yet"],
    ])("is unknown when the endpoints cannot be read: %j", (endpoints, how) => {
        expect(at({ region: "eu-central-1" }, { endpoints })).toEqual({ inRussia: "unknown", how, unknowns: [how] });
    });
});

describe("several endpoints for one service that disagree", () => {
    it("are abroad, naming every candidate and why the pack cannot pick one", () => {
        expect(at({}, { endpoints: json({ s3: YANDEX }, { s3: FRANKFURT }) })).toEqual({
            inRussia: "no",
            country: "DE",
            region: "eu-central-1",
            how: `the provider sets several endpoints for this service that disagree: the provider's endpoint for "s3" in endpoints[0] is host "storage.yandexcloud.net": Yandex Cloud Object Storage (S3-compatible), Russia (RU); the provider's endpoint for "s3" in endpoints[1] is host "s3.eu-central-1.amazonaws.com", an Amazon Web Services endpoint in region eu-central-1, Germany (DE); Amazon Web Services has no region in Russia. ${SET}`,
            unknowns: [],
        });
    });

    it("under a service's aliases in one block are candidates too, the service's own key first", () => {
        expect(at({}, { endpoints: [{ s3api: YANDEX, s3: FRANKFURT }] })).toEqual({
            inRussia: "no",
            country: "DE",
            region: "eu-central-1",
            how: `the provider sets several endpoints for this service that disagree: the provider's endpoint for "s3" is host "s3.eu-central-1.amazonaws.com", an Amazon Web Services endpoint in region eu-central-1, Germany (DE); Amazon Web Services has no region in Russia; the provider's endpoint for "s3api" is host "storage.yandexcloud.net": Yandex Cloud Object Storage (S3-compatible), Russia (RU). ${SET}`,
            unknowns: [],
        });
    });

    it("name the same foreign country whichever order they are written in", () => {
        for (const blocks of [
            [{ s3: KAZAKHSTAN }, { s3: FRANKFURT }],
            [{ s3: FRANKFURT }, { s3: KAZAKHSTAN }],
        ]) {
            const r = at({}, { endpoints: json(...blocks) });
            expect([r.inRussia, r.country, r.region]).toEqual(["no", "DE", "eu-central-1"]);
        }
    });

    it("name a candidate's country rather than a candidate without one", () => {
        for (const blocks of [
            [{ s3: "https://s3.amazonaws.com" }, { s3: KAZAKHSTAN }],
            [{ s3: KAZAKHSTAN }, { s3: "https://s3.amazonaws.com" }],
        ]) {
            const r = at({}, { endpoints: json(...blocks) });
            expect([r.inRussia, r.country, r.unknowns]).toEqual(["no", "KZ", []]);
        }
    });

    it("between AWS without a region and an unknown host are abroad, in no named country", () => {
        expect(at({}, { endpoints: json({ s3: "https://s3.amazonaws.com" }, { s3: "https://minio.example.io" }) })).toEqual({
            inRussia: "no",
            how: `the provider sets several endpoints for this service that disagree: the provider's endpoint for "s3" in endpoints[0] is host "s3.amazonaws.com", an Amazon Web Services endpoint; Amazon Web Services has no region in Russia; the provider's endpoint for "s3" in endpoints[1] is host "minio.example.io", a host that is not in the pack's catalogue; if you know where it is, add it to endpointCountries. ${SET}`,
            unknowns: [],
        });
    });

    it("between Russia and an unknown host are unknown", () => {
        const how = `the provider sets several endpoints for this service that disagree: the provider's endpoint for "s3" in endpoints[0] is host "storage.yandexcloud.net": Yandex Cloud Object Storage (S3-compatible), Russia (RU); the provider's endpoint for "s3" in endpoints[1] is host "minio.example.io", a host that is not in the pack's catalogue; if you know where it is, add it to endpointCountries. ${SET}`;
        expect(at({}, { endpoints: json({ s3: YANDEX }, { s3: "https://minio.example.io" }) })).toEqual({ inRussia: "unknown", how, unknowns: [how] });
    });
});

describe("reading the provider's endpoints", () => {
    it("trims and lower-cases keys and leaves out empty values and empty blocks", () => {
        expect(readEndpoints({ endpoints: [{ " S3 ": "https://a", x: null, y: undefined, z: "" }, {}, null, { s3: "x" }] })).toEqual({
            kind: "blocks",
            blocks: [new Map([["s3", "https://a"]]), new Map([["s3", "x"]])],
        });
        expect(readEndpoints({ endpoints: { a: "" } })).toEqual({ kind: "blocks", blocks: [] });
        expect(readEndpoints({ endpoints: "null" })).toEqual({ kind: "blocks", blocks: [] });
    });

    it("reads no endpoints, or null, as no custom endpoint", () => {
        for (const endpoints of [undefined, null, "null", [null, undefined]]) expect(readEndpoints({ endpoints }), String(endpoints)).toEqual({ kind: "blocks", blocks: [] });
    });

    it("says why endpoints cannot be read", () => {
        expect(readEndpoints({ endpoints: JSON.stringify(UNKNOWN) })).toEqual({ kind: "unknown", what: "the provider's endpoints are not known yet" });
        expect(readEndpoints({ endpoints: UNKNOWN })).toEqual({ kind: "unknown", what: "the provider's endpoints are not known yet" });
        expect(readEndpoints({ endpoints: [UNKNOWN] })).toEqual({ kind: "unknown", what: "an entry of the provider's endpoints is not known yet" });
        expect(readEndpoints({ endpoints: "{" })).toEqual({ kind: "unreadable", what: "the provider's endpoints are a string that is not JSON" });
        expect(readEndpoints({ endpoints: ["x"] })).toEqual({ kind: "unreadable", what: "the provider's endpoints are not a list of maps" });
        expect(readEndpoints({ endpoints: [[]] })).toEqual({ kind: "unreadable", what: "the provider's endpoints are not a list of maps" });
    });

    it("keys for a type the data lists by type, then by module, then the module itself", () => {
        expect(endpointKeysFor(BUCKET)).toEqual(["s3", "s3api"]);
        expect(endpointKeysFor("aws:Foo/bar:Bar")).toEqual(["foo"]);
        expect(endpointKeysFor("aws:")).toEqual([]);
        expect(endpointKeysFor("notaws:foo/bar:Bar")).toEqual([]);
    });
});

describe("servedByAws", () => {
    it("is true only when the endpoints are readable and none is for the resource's service", () => {
        expect(servedByAws(view(BUCKET, {}, { endpoints: [{ s3: YANDEX }] }))).toBe(false);
        expect(servedByAws(view(BUCKET, {}, { endpoints: [{ dynamodb: YANDEX }, { s3api: YANDEX }] }))).toBe(false);
        expect(servedByAws(view(BUCKET, {}, { endpoints: [{ dynamodb: YANDEX }] }))).toBe(true);
        expect(servedByAws(view(BUCKET, {}, {}))).toBe(true);
        expect(servedByAws(view(BUCKET, {}, { endpoints: UNKNOWN }))).toBe(false);
        expect(servedByAws(view(BUCKET, {}, { endpoints: "[{" }))).toBe(false);
    });
});
