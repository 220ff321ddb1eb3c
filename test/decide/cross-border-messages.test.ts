// The first lines of cross-border findings for destinations and sources the examples do not
// show: where the destination is, how sure the pack is of the source, and the level that follows.
import { describe, expect, it } from "vitest";
import { crossBorderPolicy } from "../../policypack/policies/ru-personal-data-cross-border-transfer";
import { UNKNOWN, YANDEX_S3_PROVIDER } from "../../policypack/policies/example-types";
import { runStackPolicy, StackResourceSpec, urnOf, Violation } from "../helpers/harness";

const BUCKET = "aws:s3/bucket:Bucket";
const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const TABLE = "aws:dynamodb/table:Table";
const DOCAPI = {
    type: "pulumi:providers:aws",
    name: "yandex-docapi",
    props: { region: "ru-central1", endpoints: JSON.stringify([{ dynamodb: "https://docapi.serverless.yandexcloud.net/ru-central1/b1g/etn" }]) },
};
const lines = (vs: Violation[]) => vs.map((v) => [v.urn!.split("::").pop(), v.level, ...v.message.split("\n").slice(1, 2)]).sort();
const table = (subjects: string, regionName: string): StackResourceSpec[] => [
    { type: TABLE, name: "sessions", props: { name: "sessions", tags: { "user-data": "personal", "data-subjects": subjects }, replicas: [{ regionName }] }, provider: DOCAPI },
];

describe("cross-border first lines", () => {
    it("a destination on AWS in no named region: abroad, in a country the pack cannot name", async () => {
        const got = await runStackPolicy(crossBorderPolicy, [
            { type: BUCKET, name: "customers", props: { bucket: "customers", tags: { "user-data": "personal", "data-subjects": "RU" } }, provider: YANDEX_S3_PROVIDER },
            { type: BUCKET, name: "customers-eu", props: { bucket: "customers-eu", arn: UNKNOWN }, provider: { props: {} } },
            {
                type: REPLICATION,
                name: "customers-replication",
                props: { bucket: "customers", rules: [{ id: "all", status: "Enabled", destination: { bucket: UNKNOWN } }] },
                provider: YANDEX_S3_PROVIDER,
                propertyDependencies: { bucket: [urnOf(BUCKET, "customers")], rules: [urnOf(BUCKET, "customers-eu")] },
            },
        ]);
        expect(lines(got)).toEqual([
            [
                "customers-eu",
                "mandatory",
                'aws:s3/bucket:Bucket "customers-eu", which holds Russian citizens\' personal data because it receives them from aws:s3/bucket:Bucket "customers" through aws:s3/bucketReplicationConfig:BucketReplicationConfig "customers-replication", is not in Russia.',
            ],
            [
                "customers-replication",
                "mandatory",
                'aws:s3/bucketReplicationConfig:BucketReplicationConfig "customers-replication" sends Russian citizens\' personal data out of Russia (S3 replication): to aws:s3/bucket:Bucket "customers-eu" in a country outside Russia the pack cannot name.',
            ],
        ]);
    });

    it("a replica in a region the catalogue does not know: where it is cannot be decided", async () => {
        expect(lines(await runStackPolicy(crossBorderPolicy, table("RU", "xx-fake-9")))).toEqual([
            [
                "sessions",
                "mandatory",
                'aws:dynamodb/table:Table "sessions" sends Russian citizens\' personal data (DynamoDB global table replica) to "region "xx-fake-9"" (not in this stack), and where that is cannot be decided.',
            ],
        ]);
    });

    it("a source whose subjects are not known yet: 'may be', mandatory, and advisory under onUnknown: warn", async () => {
        const first =
            'aws:dynamodb/table:Table "sessions" sends data that may be Russian citizens\' personal data out of Russia (DynamoDB global table replica): to "region "eu-west-1"" (not in this stack) in Ireland (IE).';
        expect(lines(await runStackPolicy(crossBorderPolicy, table(UNKNOWN, "eu-west-1")))).toEqual([["sessions", "mandatory", first]]);
        expect(lines(await runStackPolicy(crossBorderPolicy, table(UNKNOWN, "eu-west-1"), { config: { onUnknown: "warn" } }))).toEqual([["sessions", "advisory", first]]);
        const source = (await runStackPolicy(crossBorderPolicy, table(UNKNOWN, "eu-west-1")))[0]!.message.split("\n").find((l) => l.startsWith("Source: "));
        expect(source).toMatch(/; whether it holds Russian citizens' personal data cannot be decided: the value of tag "data-subjects" in tags is not known yet\.$/);
    });

    it("a known source to a known foreign region stays mandatory under onUnknown: warn", async () => {
        expect(lines(await runStackPolicy(crossBorderPolicy, table("RU", "eu-west-1"), { config: { onUnknown: "warn" } })).map((l) => l[1])).toEqual(["mandatory"]);
    });

    it("personal data of Kazakh citizens only may be copied abroad", async () => {
        expect(await runStackPolicy(crossBorderPolicy, table("KZ", "eu-west-1"))).toEqual([]);
    });
});
