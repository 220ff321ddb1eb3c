// Synthetic stacks for benchmarks and scale tests: realistic resource shapes, many of them.
import type { EngineResource } from "../src/engine/runner";

import { UNKNOWN } from "ru-data-residency/pack";
const STACK = "bench";
const PROJECT = "shop";
export const urn = (type: string, name: string) => `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;

export const YANDEX_PROVIDER = {
    urn: urn("pulumi:providers:aws", "yandex"),
    type: "pulumi:providers:aws",
    name: "yandex",
    props: {
        region: "ru-central1",
        endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net", dynamodb: "https://docapi.serverless.yandexcloud.net/ru-central1/b1g/etn" }]),
        skipCredentialsValidation: "true",
        version: "7.48.0",
    },
};
export const FRANKFURT_PROVIDER = {
    urn: urn("pulumi:providers:aws", "default_7_48_0"),
    type: "pulumi:providers:aws",
    name: "default_7_48_0",
    props: { region: "eu-central-1", defaultTags: JSON.stringify({ tags: { team: "shop" } }), version: "7.48.0" },
};

function providerResource(p: { urn: string; type: string; name: string; props: Record<string, unknown> }): EngineResource {
    return { urn: p.urn, type: p.type, name: p.name, custom: true, props: p.props, dependencies: [], propertyDependencies: {} };
}

/** The tagged bucket with a custom-endpoint provider that per-resource benchmarks analyse. */
export function yandexBucket(i: number): EngineResource {
    const name = `customers-${i}`;
    return {
        urn: urn("aws:s3/bucket:Bucket", name),
        type: "aws:s3/bucket:Bucket",
        name,
        custom: true,
        props: { bucket: name, forceDestroy: false, tags: { "user-data": "personal, biometric", "data-subjects": "RU", team: "shop", "cost-center": "1234" } },
        provider: YANDEX_PROVIDER,
        dependencies: [YANDEX_PROVIDER.urn],
        propertyDependencies: {},
    };
}

/**
 * A stack of `size` resources: two providers, then stores (buckets and tables, mostly tagged,
 * some in Frankfurt) and other resources; every tenth store replicates to a bucket in Frankfurt.
 */
export function syntheticStack(size: number): EngineResource[] {
    const out: EngineResource[] = [
        { urn: urn("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`), type: "pulumi:pulumi:Stack", name: `${PROJECT}-${STACK}`, custom: false, props: {}, dependencies: [], propertyDependencies: {} },
        providerResource(YANDEX_PROVIDER),
        providerResource(FRANKFURT_PROVIDER),
    ];
    let store = 0;
    for (let i = 0; out.length < size; i++) {
        const kind = i % 5;
        if (kind === 4) {
            const name = `role-${i}`;
            out.push({
                urn: urn("aws:iam/role:Role", name),
                type: "aws:iam/role:Role",
                name,
                custom: true,
                props: { name, assumeRolePolicy: "{}" },
                provider: FRANKFURT_PROVIDER,
                dependencies: [],
                propertyDependencies: {},
            });
            continue;
        }
        store++;
        const src = kind === 3 ? { ...yandexBucket(i), props: { ...yandexBucket(i).props, tags: { "user-data": "none" } } } : yandexBucket(i);
        out.push(src);
        if (store % 10 === 0 && out.length + 2 <= size) {
            const dest = `replica-${i}`;
            const destUrn = urn("aws:s3/bucket:Bucket", dest);
            out.push({
                urn: destUrn,
                type: "aws:s3/bucket:Bucket",
                name: dest,
                custom: true,
                props: { bucket: dest, tags: { "user-data": "personal" } },
                provider: FRANKFURT_PROVIDER,
                dependencies: [],
                propertyDependencies: {},
            });
            const flow = `replication-${i}`;
            out.push({
                urn: urn("aws:s3/bucketReplicationConfig:BucketReplicationConfig", flow),
                type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
                name: flow,
                custom: true,
                props: {
                    bucket: src.name,
                    role: `arn:aws:iam::123456789012:role/replication`,
                    rules: [{ id: "all", status: "Enabled", destination: { bucket: `arn:aws:s3:::${dest}`, storageClass: "STANDARD" } }],
                },
                provider: YANDEX_PROVIDER,
                dependencies: [src.urn, destUrn],
                propertyDependencies: { bucket: [src.urn], rules: [destUrn] },
            });
        }
    }
    return out.slice(0, size);
}

/** A mixed population for in-process throughput: several clouds, tagged, untagged, unknowns, default tags. */
export function mixedPopulation(
    n: number,
): { type: string; name: string; urn: string; props: Record<string, unknown>; provider: { type: string; name: string; urn: string; props: Record<string, unknown> } }[] {
    const shapes = [
        () => ({ type: "aws:s3/bucket:Bucket", props: { tags: { "user-data": "personal", "data-subjects": "RU" } }, provider: YANDEX_PROVIDER }),
        () => ({ type: "aws:s3/bucket:Bucket", props: { tags: { "user-data": "personal" } }, provider: FRANKFURT_PROVIDER }),
        () => ({ type: "aws:sqs/queue:Queue", props: {}, provider: FRANKFURT_PROVIDER }),
        () => ({ type: "aws:dynamodb/table:Table", props: { tags: { "user-data": UNKNOWN } }, provider: { ...FRANKFURT_PROVIDER, props: { region: UNKNOWN } } }),
        () => ({
            type: "aws:rds/instance:Instance",
            props: {},
            provider: { ...FRANKFURT_PROVIDER, props: { region: "eu-west-1", defaultTags: JSON.stringify({ tags: { "user-data": "personal", "data-subjects": "RU,KZ" } }) } },
        }),
        () => ({
            type: "yandex:index/storageBucket:StorageBucket",
            props: { bucket: "b", labels: { "user-data": "personal", "data-subjects": "ru" } },
            provider: { type: "pulumi:providers:yandex", name: "default", urn: urn("pulumi:providers:yandex", "default"), props: { zone: "ru-central1-a" } },
        }),
        () => ({
            type: "gcp:storage/bucket:Bucket",
            props: { location: "EU", labels: { "user-data": "personal", "data-subjects": "ru" } },
            provider: { type: "pulumi:providers:gcp", name: "default", urn: urn("pulumi:providers:gcp", "default"), props: { project: "p" } },
        }),
        () => ({
            type: "azure-native:storage:StorageAccount",
            props: { location: "germanywestcentral", tags: { "user-data": "none" } },
            provider: { type: "pulumi:providers:azure-native", name: "default", urn: urn("pulumi:providers:azure-native", "default"), props: {} },
        }),
    ];
    const out = [];
    for (let i = 0; i < n; i++) {
        const s = shapes[i % shapes.length]!();
        const name = `r${i}`;
        out.push({ type: s.type, name, urn: urn(s.type, name), props: s.props as Record<string, unknown>, provider: s.provider as never });
    }
    return out;
}

/** A `pulumi stack export` (deployment v3) of a synthetic stack. */
export function stackExport(size: number): unknown {
    return {
        version: 3,
        deployment: {
            manifest: { time: "2026-11-01T00:00:00Z", magic: "bench", version: "v3.248.0" },
            resources: syntheticStack(size).map((r) => ({
                urn: r.urn,
                custom: r.custom,
                id: r.custom ? `${r.name}-id` : undefined,
                type: r.type,
                inputs: r.props,
                outputs: r.props,
                parent: r.type === "pulumi:pulumi:Stack" ? undefined : urn("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`),
                provider: r.provider ? `${r.provider.urn}::${r.provider.name}-id` : undefined,
                dependencies: r.dependencies,
                propertyDependencies: r.propertyDependencies,
            })),
        },
    };
}
