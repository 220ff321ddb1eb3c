// Firehose: a delivery stream reads from a Kinesis stream or MSK (or direct PUTs) and writes to
// its destinations and their S3 backups.
import { field, isUnknown } from "../../values";
import { GROUPS } from "../groups";
import { dedupe, Endpoint, Extractor, flows, resolveAt, self } from "../resolve";
import type { FlowFamily } from "./family";

const CONFIGS = [
    "extendedS3Configuration",
    "redshiftConfiguration",
    "elasticsearchConfiguration",
    "opensearchConfiguration",
    "opensearchserverlessConfiguration",
    "splunkConfiguration",
    "httpEndpointConfiguration",
    "snowflakeConfiguration",
    "icebergConfiguration",
];
const BUCKET_PATHS = ["bucketArn", "s3Configuration.bucketArn", "s3BackupConfiguration.bucketArn"];
const URLS = ["clusterJdbcurl", "clusterEndpoint", "collectionEndpoint", "hecEndpoint", "url", "accountUrl"];

const firehose: Extractor = (r, ctx) => {
    const me = self(r, "it is the delivery stream itself, which buffers the records where it runs");
    const sources = [...resolveAt(ctx, r, "kinesisSourceConfiguration.kinesisStreamArn", GROUPS.stream), ...resolveAt(ctx, r, "mskSourceConfiguration.mskClusterArn", GROUPS.msk)];
    const sinks: Endpoint[] = [];
    for (const cfgName of CONFIGS) {
        const cfg = field(r.props, cfgName);
        if (isUnknown(cfg)) {
            sinks.push({ kind: "unknown", label: cfgName, how: `${cfgName} is not known yet` });
            continue;
        }
        for (const path of BUCKET_PATHS) sinks.push(...resolveAt(ctx, r, `${cfgName}.${path}`, GROUPS.bucket));
        sinks.push(...resolveAt(ctx, r, `${cfgName}.domainArn`, GROUPS.searchDomain));
        sinks.push(...resolveAt(ctx, r, `${cfgName}.catalogArn`, []));
        if (field(cfg, "domainArn") === undefined) {
            for (const u of URLS) sinks.push(...resolveAt(ctx, r, `${cfgName}.${u}`, [], { external: "host" }));
        }
    }
    return [...flows("Kinesis Data Firehose source", r, sources, [me]), ...flows("Kinesis Data Firehose delivery", r, [me], dedupe(sinks))];
};

export const FIREHOSE: FlowFamily = {
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": { extract: firehose, taggable: true },
};
