// The test provider's Check rules: what pulumi-aws v7.48.0 hands the engine as checked inputs.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { autonameRule, checkResource, mergeTags, resourceFacts, stripDefaults, TYPES_SOURCE } from "../../src/provider/aws/check";
import { checkProviderConfig, decodeProviderConfig, encodeProviderConfig } from "../../src/provider/aws/config";
import { ChaCha8, newUniqueName } from "../../src/provider/aws/random";
import { annotateSecrets, secret, UNKNOWN, WireMap } from "../../src/provider/aws/wire";

const SEED = Buffer.from("seed-1");
const OTHER_SEED = Buffer.from("0123456789abcdef0123456789abcdef");
const BUCKET = "aws:s3/bucket:Bucket";
const urn = (type: string, name: string) => `urn:pulumi:dev::proj::${type}::${name}`;

/** Provider config as the engine passes it to Configure: non-string values JSON-encoded. */
const FRANKFURT = { region: "eu-central-1", defaultTags: JSON.stringify({ tags: { env: "prod", team: "platform" } }), version: "7.48.0" };

function check(type: string, name: string, news: WireMap, config: WireMap = FRANKFURT, olds?: WireMap, seed: Uint8Array = SEED) {
    return checkResource({ type, urn: urn(type, name), news, config, olds, randomSeed: seed });
}

describe("types.json", () => {
    it("records the package it was generated from", () => {
        expect(TYPES_SOURCE.package).toBe("@pulumi/aws");
        expect(TYPES_SOURCE.version).toBe("7.48.0");
    });

    it("knows which resources take a region, tags and a name", () => {
        expect(resourceFacts(BUCKET)).toMatchObject({ r: 1, t: 1, p: ["bucketPrefix"] });
        expect(resourceFacts(BUCKET)?.pf).toBeUndefined();
        expect(resourceFacts("aws:iam/role:Role")?.r).toBeUndefined(); // IAM is global
        // region is deprecated there in favour of stackSetInstanceRegion: no usable region.
        expect(resourceFacts("aws:cloudformation/stackSetInstance:StackSetInstance")?.r).toBeUndefined();
        expect(resourceFacts("aws:sqs/queue:Queue")).toMatchObject({ r: 1, t: 1, n: 1, p: ["namePrefix"] });
        expect(resourceFacts("aws:s3/directoryBucket:DirectoryBucket")).toMatchObject({ r: 1, t: 1, pf: 1 });
        expect(resourceFacts("aws:rds/instance:Instance")?.s).toEqual(["password", "passwordWo"]);
        // Alias tokens resolve to the resource.
        expect(resourceFacts("aws:s3/bucketV2:BucketV2")).toBeDefined();
    });
});

describe("the random suffix", () => {
    // Expected values printed by Go's math/rand/v2 ChaCha8 seeded with sha256(seed), drawing with
    // frand's Uint64n (rejection below MaxUint64 - MaxUint64 % n, then modulo).
    it("matches Go's ChaCha8 draw for draw", () => {
        expect(newUniqueName(SEED, "bucket-", 7, 0)).toBe("bucket-65bd308");
        expect(newUniqueName(SEED, "db_", 8, 0, "abcdefghijklmnopqrstuvwxyz")).toBe("db_affvrgwt");
        expect(newUniqueName(new Uint8Array(32), "bucket-", 7, 0)).toBe("bucket-dd5306f");
        expect(newUniqueName(OTHER_SEED, "db_", 8, 0, "abcdefghijklmnopqrstuvwxyz")).toBe("db_hgsbptpb");
        const rng = new ChaCha8(createHash("sha256").update("seed-1").digest());
        let x = 0n;
        for (let i = 0; i < 1000; i++) x ^= rng.uint64(); // crosses four refills and a reseed
        expect(x).toBe(5103569192810442224n);
    });

    it("refuses a prefix that leaves no room", () => {
        expect(() => newUniqueName(SEED, "x".repeat(60), 7, 63)).toThrow("longer than maximum length 63");
    });
});

describe("region", () => {
    it("copies the provider's region into a resource that sets none", () => {
        expect(check(BUCKET, "b", {}).inputs.region).toBe("eu-central-1");
    });

    it("keeps the resource's own region", () => {
        expect(check(BUCKET, "b", { region: "us-east-1" }).inputs.region).toBe("us-east-1");
    });

    it("treats a null region as unset (nulls are dropped)", () => {
        expect(check(BUCKET, "b", { region: null }).inputs.region).toBe("eu-central-1");
    });

    it("adds none when the provider has none", () => {
        expect(check(BUCKET, "b", {}, { version: "7.48.0" }).inputs).not.toHaveProperty("region");
    });

    it("adds none to a resource without a usable region", () => {
        expect(check("aws:iam/role:Role", "r", { assumeRolePolicy: "{}" }).inputs).not.toHaveProperty("region");
        expect(check("aws:cloudformation/stackSetInstance:StackSetInstance", "i", { stackSetName: "s" }).inputs).not.toHaveProperty("region");
    });

    it("copies it into Plugin Framework resources too", () => {
        expect(check("aws:s3/directoryBucket:DirectoryBucket", "d", { bucket: "x--euc1-az1--x-s3" }).inputs.region).toBe("eu-central-1");
    });
});

describe("tagsAll", () => {
    it("merges the provider's default tags with the resource's, the resource winning", () => {
        const { inputs } = check(BUCKET, "b", { tags: { team: "data", "user-data": "personal" } });
        expect(inputs.tags).toEqual({ team: "data", "user-data": "personal" });
        expect(inputs.tagsAll).toEqual({ env: "prod", team: "data", "user-data": "personal" });
    });

    it("is the default tags alone when the resource has none, and {} when there are none at all", () => {
        expect(check(BUCKET, "b", {}).inputs.tagsAll).toEqual({ env: "prod", team: "platform" });
        expect(check(BUCKET, "b", {}, { region: "eu-central-1" }).inputs.tagsAll).toEqual({});
    });

    it("drops ignored keys and key prefixes", () => {
        const config = { ...FRANKFURT, ignoreTags: JSON.stringify({ keys: ["team"], keyPrefixes: ["kubernetes.io/"] }) };
        const { inputs } = check(BUCKET, "b", { tags: { "kubernetes.io/cluster": "c", app: "a" } }, config);
        expect(inputs.tagsAll).toEqual({ env: "prod", app: "a" });
        expect(inputs.tags).toEqual({ "kubernetes.io/cluster": "c", app: "a" });
    });

    it("is unknown when any resource tag is unknown, which stays unknown in tags", () => {
        const { inputs } = check(BUCKET, "b", { tags: { team: UNKNOWN, app: "a" } });
        expect(inputs.tagsAll).toBe(UNKNOWN);
        expect(inputs.tags).toEqual({ team: UNKNOWN, app: "a" });
    });

    it("is unknown when the whole tags value or anything in the provider config is unknown", () => {
        expect(check(BUCKET, "b", { tags: UNKNOWN }).inputs.tagsAll).toBe(UNKNOWN);
        expect(mergeTags({ a: "1" }, { defaultTags: { tags: { b: UNKNOWN } } })).toBe(UNKNOWN);
        expect(mergeTags({ a: "1" }, { endpoints: [{ s3: UNKNOWN }] })).toBe(UNKNOWN);
    });

    it("is left to the planned state for Plugin Framework resources", () => {
        const { inputs } = check("aws:s3/directoryBucket:DirectoryBucket", "d", { bucket: "x--euc1-az1--x-s3", tags: { a: "1" } });
        expect(inputs).not.toHaveProperty("tagsAll");
        expect(inputs).not.toHaveProperty("__defaults");
    });
});

describe("autonames", () => {
    it("names an S3 bucket <lower-cased name>-<7 hex> from the engine's seed, and lists it in __defaults", () => {
        const { inputs } = check(BUCKET, "Customers", {});
        expect(inputs.bucket).toBe("customers-65bd308");
        expect(inputs.__defaults).toEqual(["bucket"]);
    });

    it("is deterministic in the seed", () => {
        const a = check(BUCKET, "customers", {}).inputs.bucket;
        expect(check(BUCKET, "customers", {}).inputs.bucket).toBe(a);
        const b = check(BUCKET, "customers", {}, FRANKFURT, undefined, OTHER_SEED).inputs.bucket;
        expect(b).not.toBe(a);
        expect(b).toMatch(/^customers-[0-9a-f]{7}$/);
    });

    it("names `name` <name>-<7 hex> by default, with the FIFO suffix for FIFO queues", () => {
        expect(check("aws:sqs/queue:Queue", "jobs", {}).inputs.name).toBe("jobs-65bd308");
        expect(check("aws:sqs/queue:Queue", "jobs", { fifoQueue: true }).inputs.name).toBe("jobs-65bd308.fifo");
        expect(check("aws:dynamodb/table:Table", "users", { hashKey: "id" }).inputs).toMatchObject({ name: "users-65bd308", __defaults: ["name"] });
        expect(autonameRule("aws:dynamodb/table:Table")).toEqual({ prop: "name", separator: "-", maxlen: 255, randlen: 7 });
    });

    it("uses pulumi-aws's own rules where it has them", () => {
        expect(check("aws:kms/alias:Alias", "key", { targetKeyId: "k" }).inputs.name).toBe("alias/key-65bd308");
        expect(check("aws:rds/instance:Instance", "db", { engine: "postgres" }).inputs.identifier).toBe("db65bd308");
        expect(check("aws:rds/instance:Instance", "db", { engine: "sqlserver-ex" }).inputs.identifier).toBe("db65b");
        expect(check("aws:route53/record:Record", "www", { zoneId: "z", type: "A" }).inputs).not.toHaveProperty("name");
        expect(check("aws:s3/bucketObjectv2:BucketObjectv2", "index.html", { bucket: "b" }).inputs.key).toBe("index.html");
    });

    it("leaves a name the program set, and a name its prefix conflicts with", () => {
        expect(check(BUCKET, "b", { bucket: "my-bucket" }).inputs).toMatchObject({ bucket: "my-bucket", __defaults: [] });
        const { inputs } = check(BUCKET, "b", { bucketPrefix: "logs-" });
        expect(inputs).not.toHaveProperty("bucket");
        expect(inputs.__defaults).toEqual([]);
    });

    it("keeps the old default on update, but not a name the program used to set", () => {
        const olds = { bucket: "customers-0000000", __defaults: ["bucket"] };
        expect(check(BUCKET, "customers", {}, FRANKFURT, olds).inputs.bucket).toBe("customers-0000000");
        const userSet = { bucket: "chosen", __defaults: [] };
        expect(check(BUCKET, "customers", {}, FRANKFURT, userSet).inputs.bucket).toBe("customers-65bd308");
    });

    it("follows the engine's autonaming options", () => {
        const base = { type: BUCKET, urn: urn(BUCKET, "b"), news: {}, config: FRANKFURT, randomSeed: SEED };
        expect(checkResource({ ...base, autonaming: { proposedName: "Fixed-Name", mode: "propose" } }).inputs.bucket).toBe("fixed-name");
        expect(checkResource({ ...base, autonaming: { proposedName: "Fixed-Name", mode: "enforce" } }).inputs.bucket).toBe("Fixed-Name");
        expect(() => checkResource({ ...base, autonaming: { proposedName: "", mode: "disable" } })).toThrow("automatic naming is disabled");
    });
});

describe("the rest of the checked inputs", () => {
    it("puts an empty __defaults into every nested block, not into maps", () => {
        const { inputs } = check(BUCKET, "b", {
            tags: { a: "1" },
            versioning: { enabled: true },
            serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } },
            corsRules: [{ allowedMethods: ["GET"], allowedOrigins: ["*"] }],
        });
        expect(inputs.versioning).toEqual({ enabled: true, __defaults: [] });
        expect(inputs.serverSideEncryptionConfiguration).toEqual({
            rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", __defaults: [] }, __defaults: [] },
            __defaults: [],
        });
        expect(inputs.corsRules).toEqual([{ allowedMethods: ["GET"], allowedOrigins: ["*"], __defaults: [] }]);
        expect(inputs.tags).toEqual({ a: "1" });
    });

    it("synthesizes no falsy Terraform defaults such as forceDestroy: false", () => {
        const { inputs } = check(BUCKET, "b", { bucket: "x" });
        expect(inputs).toEqual({ bucket: "x", region: "eu-central-1", tagsAll: { env: "prod", team: "platform" }, __defaults: [] });
    });

    it("drops null properties at every depth", () => {
        const { inputs } = check(BUCKET, "b", { bucket: "x", acl: null, tags: { a: "1", b: null } });
        expect(inputs).not.toHaveProperty("acl");
        expect(inputs.tags).toEqual({ a: "1" });
    });

    it("turns a policy document object into Go-encoded JSON", () => {
        const policy = {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::x/*", Condition: { StringLike: { "aws:Referer": "<a&b>" } } }],
        };
        const { inputs } = check(BUCKET, "b", { bucket: "x", policy });
        expect(inputs.policy).toBe(
            '{"Statement":[{"Action":"s3:GetObject","Condition":{"StringLike":{"aws:Referer":"\\u003ca\\u0026b\\u003e"}},"Effect":"Allow","Principal":"*","Resource":"arn:aws:s3:::x/*"}],"Version":"2012-10-17"}',
        );
        expect(check(BUCKET, "b", { bucket: "x", policy: { Statement: [{ Resource: UNKNOWN }] } }).inputs.policy).toBe(UNKNOWN);
    });

    it("marks schema secrets and receives no secrets, which the engine re-marks", () => {
        const news = { engine: "postgres", instanceClass: "db.t3.micro", password: "hunter2", username: secret("admin") };
        const { inputs } = check("aws:rds/instance:Instance", "db", news);
        expect(inputs.password).toEqual(secret("hunter2"));
        expect(inputs.username).toBe("admin");
        expect(annotateSecrets(inputs, news).username).toEqual(secret("admin"));
    });

    it("keeps nulls and writes no __defaults for Plugin Framework resources", () => {
        const { inputs } = check("aws:elasticache/serverlessCache:ServerlessCache", "cache", { engine: "redis", description: null });
        expect(inputs).toEqual({ engine: "redis", description: null, region: "eu-central-1", name: "cache-65bd308" });
    });

    it("migrates the removed rds Instance `name` to dbName", () => {
        expect(check("aws:rds/instance:Instance", "db", { engine: "postgres", name: "app" }).inputs).toMatchObject({ dbName: "app" });
        expect(() => check("aws:rds/instance:Instance", "db", { name: "a", dbName: "b" })).toThrow("cannot specify both name and dbName");
    });

    it("refuses an unknown type", () => {
        expect(() => check("aws:nope/nope:Nope", "x", {})).toThrow("unrecognized resource type (Check): aws:nope/nope:Nope");
    });

    it("stripDefaults removes __defaults at every depth", () => {
        expect(stripDefaults({ a: { __defaults: [], b: [{ __defaults: ["x"], c: 1 }] }, __defaults: ["a"] })).toEqual({ a: { b: [{ c: 1 }] } });
    });
});

describe("provider configuration", () => {
    it("decodes JSON-encoded values of known non-string keys and drops secrets", () => {
        expect(
            decodeProviderConfig({ region: "eu-central-1", defaultTags: '{"tags":{"a":"1"}}', skipCredentialsValidation: "true", maxRetries: "", accessKey: secret("AKIA"), version: "7.48.0" }),
        ).toEqual({
            region: "eu-central-1",
            defaultTags: { tags: { a: "1" } },
            skipCredentialsValidation: true,
            maxRetries: 0,
            accessKey: "AKIA",
            version: "7.48.0",
        });
    });

    it("CheckConfig answers the inputs folded back, keys sorted as Go's encoder sorts them, secrets marked", () => {
        const { inputs, failures } = checkProviderConfig({
            region: "eu-central-1",
            defaultTags: '{"tags":{"team":"x","env":"prod"}}',
            endpoints: '[{"s3":"https://storage.yandexcloud.net"}]',
            accessKey: "AKIA",
            skipCredentialsValidation: "true",
            version: "7.48.0",
        });
        expect(failures).toEqual([]);
        expect(inputs).toEqual({
            region: "eu-central-1",
            defaultTags: '{"tags":{"env":"prod","team":"x"}}',
            endpoints: '[{"s3":"https://storage.yandexcloud.net"}]',
            accessKey: secret("AKIA"),
            skipCredentialsValidation: "true",
            version: "7.48.0",
        });
        expect(encodeProviderConfig({ region: UNKNOWN, insecure: null })).toEqual({ region: UNKNOWN, insecure: "" });
    });
});
