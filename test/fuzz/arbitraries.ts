// Generators for the property-based tests: whatever the engine could send, and worse.
import fc from "fast-check";
import awsServices from "../../policypack/data/aws-services.json";
import locations from "../../policypack/data/locations.json";
import { canonicalKey, nearKeyMatch } from "../../policypack/src/classify/text";
import { UNKNOWN_SENTINELS } from "../../policypack/src/values";
import { secret, type ResourceSpec } from "../helpers/harness";

/** Runs per property: 500 in `npm test`, large under `npm run fuzz` (FUZZ_RUNS=20000). */
export const FUZZ_RUNS = Math.max(1, Number.parseInt(process.env.FUZZ_RUNS ?? "", 10) || 500);
/** Fixed unless FUZZ_SEED is set, so a failure reproduces; fast-check prints the seed and path. */
export const FUZZ_SEED = Number.parseInt(process.env.FUZZ_SEED ?? "", 10) || 0x152f2025;

export const unknownSentinel = fc.constantFrom(...UNKNOWN_SENTINELS);

const awsRegions = (locations as unknown as { regions: { aws: { id: string }[] } }).regions.aws.map((r) => r.id);
export const storageTypes = awsServices.storageTypes.map((t) => t.type);
export const s3Types = storageTypes.filter((t) => t.startsWith("aws:s3/"));

/** Keys the pack reads somewhere, so random shapes land where they hurt. */
const interestingKey = fc.constantFrom(
    "tags",
    "tagsAll",
    "labels",
    "effectiveLabels",
    "metadata",
    "annotations",
    "region",
    "endpoints",
    "defaultTags",
    "defaultLabels",
    "user-data",
    "data-subjects",
    "s3",
    "key",
    "value",
    "Key",
    "Value",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "__getSpecialProxyTarget",
);

const anyKey = fc.oneof({ arbitrary: interestingKey, weight: 2 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 2 }, { arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }), weight: 1 });

/** A long string: tens of kilobytes, now and then hundreds. */
export const bigString = fc.tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }), fc.integer({ min: 1_000, max: 200_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));

const invalidJson = fc.oneof(
    fc.constantFrom("{", "[", '{"tags":', "{user-data: personal}", "[{s3: x}", "nul", "'", '"', "{}}", "[[[[", "\u0000", ""),
    fc.string({ maxLength: 20 }).map((s) => `{${s}`),
);

const leaf = fc.oneof(
    { arbitrary: fc.constant(null), weight: 40 },
    { arbitrary: fc.boolean(), weight: 20 },
    { arbitrary: fc.oneof(fc.integer(), fc.double()), weight: 40 },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 80 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 16 }), weight: 40 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 16 }), weight: 20 },
    { arbitrary: unknownSentinel, weight: 60 },
    { arbitrary: invalidJson, weight: 40 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 40 },
    { arbitrary: fc.constantFrom("personal", "none", "RU", "*", "eu-central-1", "ru-central1", "https://storage.yandexcloud.net", "s3.amazonaws.com"), weight: 40 },
    { arbitrary: bigString, weight: 1 },
);

/** Any value the engine could put in a property: JSON, unknowns, secrets, JSON-in-strings. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
        { depthSize: "small", maxDepth: 4 },
        { arbitrary: leaf, weight: 6 },
        { arbitrary: fc.array(tie("value"), { maxLength: 5 }), weight: 2 },
        { arbitrary: fc.dictionary(anyKey, tie("value"), { maxKeys: 6 }), weight: 3 },
        { arbitrary: tie("value").map((v) => secret(v)), weight: 1 },
        { arbitrary: tie("value").map((v) => JSON.stringify(v) ?? "null"), weight: 1 },
    ),
})).value;

/** A value nested hundreds of levels deep, in objects, arrays and JSON strings. */
export const deepValue = fc.tuple(fc.integer({ min: 50, max: 400 }), fc.array(fc.constantFrom("obj", "arr", "tags"), { minLength: 1, maxLength: 3 }), anyValue).map(([depth, kinds, bottom]) => {
    let v: unknown = bottom;
    for (let i = 0; i < depth; i++) {
        const kind = kinds[i % kinds.length];
        v = kind === "arr" ? [v] : kind === "tags" ? { tags: v, "user-data": "personal" } : { a: v };
    }
    return v;
});

const keySpellings = (key: string): fc.Arbitrary<string> =>
    fc.constantFrom(
        key,
        key.toUpperCase(),
        ` ${key} `,
        key.replace("-", "_"),
        key.replace("-", " "),
        key.replace("a", "\u0430"),
        key.replace("e", "\u0435"),
        key.replace("-", "\u200b-"),
        [...key].map((c) => (c >= "a" && c <= "z" ? String.fromCharCode(c.charCodeAt(0) - 0x61 + 0xff41) : c)).join(""),
    );

export const userDataKey = keySpellings("user-data");
export const subjectsKey = keySpellings("data-subjects");

/** A tag map: noise, classification-looking keys, odd values; as an object, JSON string, list or garbage. */
export const tagMap: fc.Arbitrary<unknown> = fc
    .tuple(
        fc.dictionary(
            fc.oneof(anyKey, userDataKey, subjectsKey),
            fc.oneof({ arbitrary: anyValue, weight: 1 }, { arbitrary: fc.constantFrom("personal", "none", "RU", "DE", "", "R U", "реrsonal"), weight: 2 }),
            {
                maxKeys: 8,
            },
        ),
        fc.constantFrom("object", "json", "list", "as-is"),
        anyValue,
    )
    .map(([map, form, other]) => {
        if (form === "json") return JSON.stringify(map);
        if (form === "list") return Object.entries(map).map(([key, value]) => ({ key, value }));
        if (form === "as-is") return other;
        return map;
    });

const endpointUrl = fc.oneof(
    fc.constantFrom(
        "https://storage.yandexcloud.net",
        "storage.yandexcloud.net.",
        "https://storage.yandexcloud.net@s3.amazonaws.com",
        "https://storage.yandexcloud.net\\@s3.amazonaws.com",
        "http://0x33fa0001",
        "https://[::1]",
        "https://storage.y\u0430ndexcloud.net",
        "https://storage.yandexcloud.kz",
        "",
        "::",
    ),
    fc.webUrl(),
    fc.string({ maxLength: 40 }),
    unknownSentinel,
);

const endpointsValue = fc
    .oneof(
        fc.array(fc.dictionary(fc.oneof(fc.constantFrom("s3", "S3", " s3api ", "dynamodb", "rds", "sqs", "ec2"), fc.string({ maxLength: 8 })), fc.oneof(endpointUrl, anyValue), { maxKeys: 4 }), {
            maxLength: 3,
        }),
        anyValue,
    )
    .chain((v) => fc.constantFrom(v, JSON.stringify(v) ?? "null"));

/** Provider inputs: region, endpoints and default tags in every shape, and credentials. */
export const providerProps = fc.record(
    {
        region: fc.oneof(fc.constantFrom(...awsRegions), fc.constantFrom("ru-central1", " EU-CENTRAL-1 ", "kz1"), anyValue),
        endpoints: endpointsValue,
        defaultTags: fc.oneof(
            tagMap.map((tags) => ({ tags })),
            tagMap.map((tags) => JSON.stringify({ tags })),
            anyValue,
        ),
        defaultLabels: tagMap,
        skipCredentialsValidation: anyValue,
    },
    { requiredKeys: [] },
);

export const resourceType = fc.oneof(
    { arbitrary: fc.constantFrom(...storageTypes), weight: 4 },
    {
        arbitrary: fc.constantFrom("aws:iam/role:Role", "aws:lambda/function:Function", "pulumi:providers:aws", "pulumi:pulumi:Stack", "acme:storage:Bucket", "pulumi-nodejs:dynamic:Resource"),
        weight: 2,
    },
    // Names of Object's members, as a type and as a module: lookups must not reach the prototype.
    { arbitrary: fc.constantFrom("constructor", "toString", "__proto__", "aws:constructor/thing:Thing", "aws:__proto__/x:X", "yandex:index/constructor:Constructor"), weight: 1 },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
);

/** Resource inputs: noise plus the properties the pack reads, in every shape. */
export const resourceProps = fc
    .tuple(
        fc.dictionary(anyKey, anyValue, { maxKeys: 6 }),
        fc.record(
            {
                tags: tagMap,
                tagsAll: tagMap,
                labels: tagMap,
                region: fc.oneof(fc.constantFrom(...awsRegions), anyValue),
                metadata: fc.record({ labels: tagMap, annotations: tagMap }, { requiredKeys: [] }),
            },
            { requiredKeys: [] },
        ),
        // Deep values are slow to put through a protobuf Struct (the harness, not the pack): rare.
        fc.oneof({ arbitrary: fc.constant(undefined), weight: 30 }, { arbitrary: deepValue, weight: 1 }),
    )
    .map(([noise, known, deep]) => ({ ...noise, ...known, ...(deep === undefined ? {} : { deep }) }));

export const stackTags = fc.dictionary(fc.oneof(subjectsKey, fc.string({ maxLength: 12 })), fc.oneof(fc.constantFrom("RU", "DE", "*", "R U", "", "РУ"), fc.string({ maxLength: 20 })), { maxKeys: 4 });

export const resourceSpec: fc.Arbitrary<ResourceSpec> = fc.record({
    type: resourceType,
    name: fc.oneof(fc.constantFrom("customers", "res"), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 })),
    props: resourceProps,
    provider: fc.oneof({ arbitrary: fc.record({ props: providerProps }), weight: 8 }, { arbitrary: fc.constant(null), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 }),
});

/** Pack config for one policy: mostly valid, often not. */
export const policyConfig = fc.oneof(
    fc.constant(undefined),
    fc.record(
        {
            onUnknown: fc.oneof(fc.constantFrom("block", "warn"), anyValue),
            defaultSubjects: fc.oneof(fc.constant(["*"]), fc.array(fc.constantFrom("RU", "DE", "*", "xx"), { maxLength: 3 }), anyValue),
            categoriesTagKey: fc.oneof(fc.constant("user-data"), anyValue),
            endpointCountries: fc.oneof(fc.constant({ "*.example.ru": "RU" }), anyValue),
            providerLocations: fc.oneof(fc.constant({ acme: "RU" }), anyValue),
            exemptions: fc.oneof(fc.constant([{ resource: "customers", reason: "migration", expires: "2999-01-01" }]), fc.array(anyValue, { maxLength: 2 }), anyValue),
            allowBroadExemptions: fc.oneof(fc.boolean(), anyValue),
        },
        { requiredKeys: [] },
    ),
);

/** True if a key could be read as one of the classification keys. */
export function isClassificationKey(key: string): boolean {
    const k = canonicalKey(key).text;
    return ["userdata", "datasubjects"].some((w) => k === w || nearKeyMatch(k, w) !== undefined);
}

// ---- Stacks, for the stack policies ---------------------------------------------------------

/** Property names the flow readers look at (policypack/src/flows), so shapes land where they hurt. */
const flowKey = fc.constantFrom(
    "sourceArn",
    "destinationArn",
    "destination",
    "destinationRegion",
    "region",
    "regionName",
    "replicas",
    "replicateSourceDb",
    "replicationSourceIdentifier",
    "sourceDbInstanceArn",
    "globalClusterIdentifier",
    "bucket",
    "bucketArn",
    "targetBucket",
    "copyActions",
    "rules",
    "targetVaultName",
    "destinationVaultArn",
    "planId",
    "selectionTags",
    "resources",
    "streamArn",
    "kinesisStreamArn",
    "logGroup",
    "tableArn",
    "tableName",
    "volumeId",
    "sourceSnapshotId",
    "sourceAmiId",
    "sourceInstanceId",
    "fileSystemId",
    "sourceFileSystemId",
    "dbClusterIdentifier",
    "dbInstanceIdentifier",
    "sourceEndpointArn",
    "targetEndpointArn",
    "serverHostname",
    "containerUrl",
    "name",
    "id",
);
const flowTypes = [
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    "aws:rds/instance:Instance",
    "aws:rds/cluster:Cluster",
    "aws:rds/globalCluster:GlobalCluster",
    "aws:rds/snapshotCopy:SnapshotCopy",
    "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
    "aws:rds/exportTask:ExportTask",
    "aws:dynamodb/table:Table",
    "aws:dynamodb/tableReplica:TableReplica",
    "aws:dynamodb/globalTable:GlobalTable",
    "aws:dynamodb/tableExport:TableExport",
    "aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination",
    "aws:backup/plan:Plan",
    "aws:backup/selection:Selection",
    "aws:backup/vault:Vault",
    "aws:ebs/snapshotCopy:SnapshotCopy",
    "aws:ec2/amiCopy:AmiCopy",
    "aws:efs/replicationConfiguration:ReplicationConfiguration",
    "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
    "aws:dms/replicationTask:ReplicationTask",
    "aws:dms/endpoint:Endpoint",
    "aws:datasync/task:Task",
    "aws:datasync/s3Location:S3Location",
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2",
];
const arn = fc.oneof(
    fc.constantFrom(
        "arn:aws:s3:::customers",
        "arn:aws:rds:eu-west-1:123456789012:db:accounts",
        "arn:aws:dynamodb:us-east-1:123456789012:table/users",
        "arn:aws:backup:eu-central-1:123456789012:backup-vault:v",
        "arn:aws:kinesis:ru-central1:123456789012:stream/x",
        "arn:aws-cn:s3:::b",
        "arn:",
        "arn:aws",
        "arn:aws:s3:::",
        "arn:aws:rds:eu-west-1:123456789012",
        `arn:aws:s3:::${"b".repeat(3000)}`,
    ),
    fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })).map((p) => `arn:aws:${p.join(":")}`),
);

export const stackSpecs = fc
    .array(
        fc.record({
            type: fc.oneof(fc.constantFrom(...flowTypes), resourceType),
            name: fc.constantFrom("a", "b", "c", "customers", "replica", ""),
            props: fc.tuple(resourceProps, fc.dictionary(flowKey, fc.oneof(arn, anyValue, fc.array(fc.oneof(arn, anyValue), { maxLength: 3 })), { maxKeys: 5 })).map(([p, f]) => ({ ...p, ...f })),
            provider: fc.oneof({ arbitrary: fc.record({ props: providerProps }), weight: 8 }, { arbitrary: fc.constant(null), weight: 1 }),
            deps: fc.array(fc.nat(6), { maxLength: 3 }),
            propDeps: fc.dictionary(flowKey, fc.array(fc.nat(6), { maxLength: 2 }), { maxKeys: 3 }),
            parent: fc.option(fc.nat(6), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 5 },
    )
    .map((rs) => {
        const urns = rs.map((r, i) => `urn:pulumi:test::test::${r.type}::${r.name}${i % 2 === 0 ? "" : i}`);
        // Indexes past the end are URNs of resources that are not in the stack.
        const urnOf = (i: number) => urns[i] ?? `urn:pulumi:test::test::aws:s3/bucket:Bucket::missing${i}`;
        return rs.map((r, i) => ({
            type: r.type,
            name: r.name,
            urn: urns[i]!,
            props: r.props,
            provider: r.provider,
            dependencies: r.deps.map(urnOf),
            propertyDependencies: Object.fromEntries(Object.entries(r.propDeps).map(([k, v]) => [k, v.map(urnOf)])),
            parent: r.parent === undefined ? undefined : urnOf(r.parent),
        }));
    });
