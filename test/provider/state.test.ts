// The test provider's Create state and data sources.
import { describe, expect, it } from "vitest";
import { checkResource } from "../../src/provider/aws/check";
import { availabilityZones, invokeAws, zoneIdPrefix } from "../../src/provider/aws/data-sources";
import { createState, updateState } from "../../src/provider/aws/state";
import { UNKNOWN, WireMap } from "../../src/provider/aws/wire";

const SEED = Buffer.from("seed-1");
const FRANKFURT = { region: "eu-central-1", defaultTags: JSON.stringify({ tags: { env: "prod" } }) };
const urn = (type: string, name: string) => `urn:pulumi:dev::proj::${type}::${name}`;

function checked(type: string, name: string, news: WireMap, config: WireMap = FRANKFURT): WireMap {
    return checkResource({ type, urn: urn(type, name), news, config, randomSeed: SEED }).inputs;
}

describe("Create in preview: the planned state", () => {
    const type = "aws:s3/bucket:Bucket";
    const inputs = checked(type, "customers", { tags: { "user-data": "personal" }, versioning: { enabled: true } });
    const { id, properties } = createState({ type, urn: urn(type, "customers"), inputs, config: FRANKFURT, preview: true });

    it("keeps the checked inputs, without __defaults", () => {
        expect(id).toBe("");
        expect(properties).toMatchObject({
            bucket: "customers-65bd308",
            region: "eu-central-1",
            tags: { "user-data": "personal" },
            tagsAll: { env: "prod", "user-data": "personal" },
            versioning: { enabled: true },
        });
        expect(JSON.stringify(properties)).not.toContain("__defaults");
    });

    it("makes every computed output the program did not set unknown, the id included", () => {
        for (const k of ["id", "arn", "bucketDomainName", "bucketRegionalDomainName", "hostedZoneId", "acl", "websiteEndpoint", "policy"]) {
            expect(properties[k], k).toBe(UNKNOWN);
        }
        expect(Object.keys(properties).sort()).toEqual(
            [
                "accelerationStatus",
                "acl",
                "arn",
                "bucket",
                "bucketDomainName",
                "bucketNamespace",
                "bucketPrefix",
                "bucketRegion",
                "bucketRegionalDomainName",
                "corsRules",
                "grants",
                "hostedZoneId",
                "id",
                "lifecycleRules",
                "logging",
                "objectLockConfiguration",
                "objectLockEnabled",
                "policy",
                "region",
                "replicationConfiguration",
                "requestPayer",
                "serverSideEncryptionConfiguration",
                "tags",
                "tagsAll",
                "versioning",
                "website",
                "websiteDomain",
                "websiteEndpoint",
            ].sort(),
        );
    });

    it("carries an unknown tagsAll through", () => {
        const unknownTags = checked(type, "b", { tags: { team: UNKNOWN } });
        expect(createState({ type, urn: urn(type, "b"), inputs: unknownTags, config: FRANKFURT, preview: true }).properties.tagsAll).toBe(UNKNOWN);
    });

    it("computes tagsAll while planning a Plugin Framework resource", () => {
        const pf = "aws:s3/directoryBucket:DirectoryBucket";
        const ins = checked(pf, "d", { bucket: "x--euc1-az1--x-s3", tags: { a: "1" } });
        const props = createState({ type: pf, urn: urn(pf, "d"), inputs: ins, config: FRANKFURT, preview: true }).properties;
        expect(props.tagsAll).toEqual({ env: "prod", a: "1" });
        expect(props.arn).toBe(UNKNOWN);
    });

    it("resolves an unset region to the provider's, from AWS_REGION when config has none", () => {
        const ins = checked(type, "b", { bucket: "x" }, {});
        expect(ins).not.toHaveProperty("region");
        const props = createState({ type, urn: urn(type, "b"), inputs: ins, config: {}, preview: true, env: { AWS_REGION: "eu-west-1" } }).properties;
        expect(props.region).toBe("eu-west-1");
    });
});

describe("Create for real", () => {
    it("gives an S3 bucket the id, ARN and endpoints AWS gives it", () => {
        const type = "aws:s3/bucket:Bucket";
        const inputs = checked(type, "customers", {});
        const { id, properties } = createState({ type, urn: urn(type, "customers"), inputs, config: FRANKFURT, preview: false });
        expect(id).toBe("customers-65bd308");
        expect(properties).toMatchObject({
            id: "customers-65bd308",
            arn: "arn:aws:s3:::customers-65bd308",
            bucketDomainName: "customers-65bd308.s3.amazonaws.com",
            bucketRegionalDomainName: "customers-65bd308.s3.eu-central-1.amazonaws.com",
            bucketRegion: "eu-central-1",
            hostedZoneId: "Z21DNDUVLTQW6Q",
            region: "eu-central-1",
            tagsAll: { env: "prod" },
            corsRules: [],
            logging: null,
            objectLockEnabled: false,
        });
        expect(JSON.stringify(properties)).not.toContain(UNKNOWN);
    });

    it("builds regional ARNs with account 123456789012 and the partition of the region", () => {
        const q = "aws:sqs/queue:Queue";
        const props = createState({ type: q, urn: urn(q, "jobs"), inputs: checked(q, "jobs", {}), config: FRANKFURT, preview: false }).properties;
        expect(props).toMatchObject({
            id: "https://sqs.eu-central-1.amazonaws.com/123456789012/jobs-65bd308",
            arn: "arn:aws:sqs:eu-central-1:123456789012:jobs-65bd308",
            url: "https://sqs.eu-central-1.amazonaws.com/123456789012/jobs-65bd308",
        });
        const t = "aws:dynamodb/table:Table";
        const cn = { region: "cn-north-1" };
        const table = createState({ type: t, urn: urn(t, "users"), inputs: checked(t, "users", { hashKey: "id" }, cn), config: cn, preview: false });
        expect(table.properties.arn).toBe("arn:aws-cn:dynamodb:cn-north-1:123456789012:table/users-65bd308");
        const r = "aws:iam/role:Role";
        expect(createState({ type: r, urn: urn(r, "app"), inputs: checked(r, "app", { assumeRolePolicy: "{}" }), config: FRANKFURT, preview: false }).properties.arn).toBe(
            "arn:aws:iam::123456789012:role/app-65bd308",
        );
    });

    it("keeps the old computed values on update", () => {
        const type = "aws:s3/bucket:Bucket";
        const created = createState({ type, urn: urn(type, "c"), inputs: checked(type, "c", {}), config: FRANKFURT, preview: false });
        const news = checked(type, "c", { tags: { a: "1" } });
        const updated = updateState({ type, urn: urn(type, "c"), id: created.id, olds: created.properties, news: { ...news, bucket: created.properties.bucket! }, config: FRANKFURT, preview: true });
        expect(updated).toMatchObject({ id: created.id, arn: created.properties.arn, tagsAll: { env: "prod", a: "1" } });
    });
});

describe("data sources", () => {
    const config = { region: "eu-central-1" };

    it("getRegion", () => {
        expect(invokeAws("aws:index/getRegion:getRegion", {}, config)).toEqual({
            description: "Europe (Frankfurt)",
            endpoint: "ec2.eu-central-1.amazonaws.com",
            id: "eu-central-1",
            name: "eu-central-1",
            region: "eu-central-1",
        });
        expect(invokeAws("aws:index/getRegion:getRegion", { region: "cn-north-1" }, config).endpoint).toBe("ec2.cn-north-1.amazonaws.com.cn");
        expect(() => invokeAws("aws:index/getRegion:getRegion", {}, {})).toThrow("no region");
    });

    it("getCallerIdentity", () => {
        expect(invokeAws("aws:index/getCallerIdentity:getCallerIdentity", {}, config)).toEqual({
            accountId: "123456789012",
            arn: "arn:aws:iam::123456789012:user/pulumi-test",
            id: "123456789012",
            userId: "AIDACKCEVSQ6C2EXAMPLE",
        });
    });

    it("getPartition", () => {
        expect(invokeAws("aws:index/getPartition:getPartition", {}, config)).toEqual({ dnsSuffix: "amazonaws.com", id: "aws", partition: "aws", reverseDnsPrefix: "com.amazonaws" });
        expect(invokeAws("aws:index/getPartition:getPartition", {}, { region: "cn-northwest-1" }).partition).toBe("aws-cn");
        // A region no AWS partition claims (Yandex Cloud's) falls back to "aws".
        expect(invokeAws("aws:index/getPartition:getPartition", {}, { region: "ru-central1" }).partition).toBe("aws");
    });

    it("getAvailabilityZones", () => {
        expect(invokeAws("aws:index/getAvailabilityZones:getAvailabilityZones", { state: "available" }, config)).toEqual({
            groupNames: ["eu-central-1"],
            id: "eu-central-1",
            names: ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
            region: "eu-central-1",
            state: "available",
            zoneIds: ["euc1-az1", "euc1-az2", "euc1-az3"],
        });
        const some = invokeAws("aws:index/getAvailabilityZones:getAvailabilityZones", { excludeNames: ["eu-central-1b"], filters: [{ name: "zone-id", values: ["euc1-az*"] }] }, config);
        expect(some.names).toEqual(["eu-central-1a", "eu-central-1c"]);
        expect(availabilityZones("us-east-1").names).toHaveLength(6);
        expect(zoneIdPrefix("ap-southeast-2")).toBe("apse2");
        expect(zoneIdPrefix("us-gov-west-1")).toBe("usgw1");
    });

    it("refuses other tokens", () => {
        expect(() => invokeAws("aws:s3/getBucket:getBucket", {}, config)).toThrow("unrecognized data function (Invoke): aws:s3/getBucket:getBucket");
    });
});
