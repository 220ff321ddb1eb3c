// What a user of the localization policy sees, exactly: the verdict, its level under onUnknown,
// the first line and the suggested fix, for cases the example snapshots do not separate.
import { describe, expect, it } from "vitest";
import { localizationPolicy } from "../../policypack/policies/ru-personal-data-localization";
import { russianEndpointHint } from "../../policypack/src/decide/localization";
import { ResourceSpec, runResourcePolicy, UNKNOWN } from "../helpers/harness";

const PERSONAL_RU = { "user-data": "personal", "data-subjects": "RU" };
const FRANKFURT = { props: { region: "eu-central-1" } };
/** A provider whose endpoints are an output of another resource, so not known during preview. */
const UNKNOWN_ENDPOINTS = { props: { region: "ru-central1", endpoints: UNKNOWN } };
const bucket = (props: Record<string, unknown> = { tags: PERSONAL_RU }, provider: ResourceSpec["provider"] = FRANKFURT): ResourceSpec => ({
    type: "aws:s3/bucket:Bucket",
    name: "customers",
    props,
    provider,
});
const run = (spec: ResourceSpec, config?: Record<string, unknown>) => runResourcePolicy(localizationPolicy, spec, { config });
const line = (message: string, prefix: string) => message.split("\n").find((l) => l.startsWith(prefix));

describe("onUnknown: warn", () => {
    it("softens only what rests on something unknown: known Russian data known to be abroad stays mandatory", async () => {
        const got = await run(bucket(), { onUnknown: "warn" });
        expect(got.map((v) => [v.level, v.code])).toEqual([["mandatory", "RU152-LOC-001"]]);
        expect(got[0]!.message.split("\n")[1]).toBe('aws:s3/bucket:Bucket "customers" holds personal data of Russian citizens but is not in Russia.');
    });

    it("turns an unknown location advisory, and says which part is unknown", async () => {
        const got = await run(bucket({ tags: PERSONAL_RU }, UNKNOWN_ENDPOINTS), { onUnknown: "warn" });
        expect(got.map((v) => [v.level, v.code])).toEqual([["advisory", "RU152-LOC-003"]]);
        expect(got[0]!.message.split("\n")[1]).toBe('aws:s3/bucket:Bucket "customers" holds personal data of Russian citizens, and where it is cannot be decided.');
        const blocked = await run(bucket({ tags: PERSONAL_RU }, UNKNOWN_ENDPOINTS));
        expect(blocked.map((v) => [v.level, v.code])).toEqual([["mandatory", "RU152-LOC-003"]]);
    });

    it("turns an unknown classification advisory, and says which part is unknown", async () => {
        const got = await run(bucket({ tags: { "user-data": "personal", "data-subjects": UNKNOWN } }), { onUnknown: "warn" });
        expect(got.map((v) => [v.level, v.code])).toEqual([["advisory", "RU152-LOC-002"]]);
        expect(got[0]!.message.split("\n")[1]).toMatch(/^aws:s3\/bucket:Bucket "customers" is not in Russia, and whether it holds Russian citizens' personal data cannot be decided: .+\.$/);
    });

    it("with both unknown, says so in one sentence", async () => {
        const got = await run(bucket({ tags: { "user-data": "personal", "data-subjects": UNKNOWN } }, UNKNOWN_ENDPOINTS), { onUnknown: "warn" });
        expect(got.map((v) => [v.level, v.code])).toEqual([["advisory", "RU152-LOC-004"]]);
        expect(got[0]!.message.split("\n")[1]).toMatch(/^aws:s3\/bucket:Bucket "customers" may hold Russian citizens' personal data \(.+\) and where it is cannot be decided\.$/);
    });
});

describe("the suggested fix names a Russian endpoint for the resource's own API", () => {
    const fix = async (type: string) => line((await run({ ...bucket(), type }))[0]!.message, "Fix: ")!;
    const tail =
        "or, if it holds no personal data of Russian citizens (wherever they live), say so with the data-subjects tag, which lists the data subjects' citizenships; or, while you migrate, add a time-limited exemption (resource, reason, expires) to this policy's exemptions in the policy pack config.";

    it("S3: Yandex Object Storage", async () => {
        expect(await fix("aws:s3/bucket:Bucket")).toBe(
            `Fix: Move the resource to a location in Russia, for example a provider with endpoints [{ s3: "https://storage.yandexcloud.net" }] (Yandex Cloud Object Storage (S3-compatible)); ${tail}`,
        );
    });

    it("DynamoDB: the YDB Document API, not the S3 endpoint", async () => {
        expect(await fix("aws:dynamodb/table:Table")).toBe(
            `Fix: Move the resource to a location in Russia, for example a provider with endpoints [{ dynamodb: "https://docapi.serverless.yandexcloud.net" }] (Yandex Cloud Managed YDB Document API (DynamoDB-compatible)); ${tail}`,
        );
    });

    it("SQS: Yandex Message Queue", async () => {
        expect(await fix("aws:sqs/queue:Queue")).toBe(
            `Fix: Move the resource to a location in Russia, for example a provider with endpoints [{ sqs: "https://message-queue.api.cloud.yandex.net" }] (Yandex Cloud Message Queue (SQS-compatible)); ${tail}`,
        );
    });

    it("RDS, which has no Russian endpoint: no endpoint is suggested", async () => {
        expect(await fix("aws:rds/instance:Instance")).toBe(`Fix: Move the resource to a location in Russia; ${tail}`);
    });

    it("Kinesis Firehose is its own API: no Kinesis Data Streams endpoint is offered for it", () => {
        expect(russianEndpointHint("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream")).toBeUndefined();
        expect(russianEndpointHint("aws:kinesis/stream:Stream")).toBe(
            'for example a provider with endpoints [{ kinesis: "https://yds.serverless.yandexcloud.net" }] (Yandex Cloud Data Streams (Kinesis-compatible))',
        );
    });

    it("only AWS types get an AWS-style endpoints suggestion", () => {
        expect(russianEndpointHint("gcp:storage/bucket:Bucket")).toBeUndefined();
    });

    it("an unknown location asks for the value to be made known instead", async () => {
        const got = await run(bucket({ tags: PERSONAL_RU }, UNKNOWN_ENDPOINTS));
        expect(line(got[0]!.message, "Fix: ")).toBe(
            "Fix: Make the value known before deployment (a literal or stack config instead of another resource's output), add the endpoint or provider to endpointCountries / providerLocations if you know where it is, or run with onUnknown: warn while you do.",
        );
    });
});

describe("exemptions", () => {
    const ex = (expires: string) => ({ exemptions: [{ resource: "customers", reason: "Migration, ticket DATA-42", expires }] });

    it("a current exemption allows the store; an expired one does not, and the message says it expired", async () => {
        expect(await run(bucket(), ex("2999-12-31"))).toEqual([]);
        const got = await run(bucket(), ex("2020-01-31"));
        expect(got.map((v) => v.level)).toEqual(["mandatory"]);
        expect(line(got[0]!.message, "Exemption ")).toBe('Exemption exemptions[0] for "customers" expired on 2020-01-31 and no longer applies (reason given: "Migration, ticket DATA-42").');
    });

    it("an exemption for another resource says nothing", async () => {
        const got = await run(bucket(), { exemptions: [{ resource: "other", reason: "r", expires: "2020-01-31" }] });
        expect(got.map((v) => v.level)).toEqual(["mandatory"]);
        expect(got[0]!.message).not.toContain("Exemption");
    });
});

describe("stores in Russia and data not Russian", () => {
    it("a store in Russia passes, and data of other citizens abroad passes", async () => {
        expect(await run(bucket({ tags: PERSONAL_RU }, { props: { region: "us-east-1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) } }))).toEqual([]);
        expect(await run(bucket({ tags: { "user-data": "personal", "data-subjects": "DE" } }))).toEqual([]);
    });

    it("a type the pack knows neither as storage nor as holding no data is judged, and the message says why", async () => {
        const got = await run({ type: "aws:acme/widget:Widget", name: "w", props: { tags: PERSONAL_RU }, provider: FRANKFURT });
        expect(got.map((v) => v.level)).toEqual(["mandatory"]);
        expect(line(got[0]!.message, "Holds data: ")).toBe(
            "Holds data: aws:acme/widget:Widget is neither a storage type the pack knows nor a type it knows to hold no data (policypack/data/no-data-types.json), so the pack treats it as possibly holding data and judges it (fail closed). If it holds none, remove the classification from it, or propose the type for no-data-types.json.",
        );
        const stored = await run(bucket());
        expect(stored[0]!.message).not.toContain("Holds data:");
    });

    it("a resource that holds no data (an IAM role) is not judged, even when classified", async () => {
        expect(await run({ type: "aws:iam/role:Role", name: "r", props: { tags: PERSONAL_RU }, provider: FRANKFURT })).toEqual([]);
    });
});

describe("what the Found line says when the tags are not known", () => {
    it("tags not known yet: categories not known yet, subjects by default; blocked", async () => {
        const got = await run(bucket({ tags: UNKNOWN }));
        expect(got.map((v) => v.level)).toEqual(["mandatory"]);
        expect(got[0]!.message.split("\n").slice(1, 3)).toEqual([
            'aws:s3/bucket:Bucket "customers" is not in Russia, and whether it holds Russian citizens\' personal data cannot be decided: tags is not known yet.',
            "Found: user data not known yet; data subjects' citizenship every country (the pack's default (defaultSubjects)).",
        ]);
    });

    it("a data-subjects tag alone declares no personal data", async () => {
        expect(await run(bucket({ tags: { "data-subjects": "RU" } }))).toEqual([]);
    });
});

describe("what holds no data of its own", () => {
    it("the engine's own resources (providers, the stack) are never judged, even with personal data in their props", async () => {
        expect(await run({ type: "pulumi:providers:aws", name: "eu", props: { region: "eu-central-1", defaultTags: { tags: PERSONAL_RU } }, provider: {} })).toEqual([]);
    });

    it("an object in a bucket is judged, and as a member of its store it needs no 'Holds data' note", async () => {
        const got = await run({ type: "aws:s3/bucketObjectv2:BucketObjectv2", name: "export.csv", props: { tags: PERSONAL_RU }, provider: FRANKFURT });
        expect(got.map((v) => v.level)).toEqual(["mandatory"]);
        expect(got[0]!.message).not.toContain("Holds data:");
    });
});
