// The state Create returns: in preview the planned state, on a real create plausible values. Pure.
//
// Bridge pkg/tfbridge/provider.go Create (pulumi/pulumi-terraform-bridge@59de6c661): in preview the
// planned state is Terraform's proposed state (diff.ProposedState) turned into Pulumi values by
// MakeTerraformResult; unknowns are kept (KeepUnknowns: preview). The proposed new state holds the
// configuration's values and marks every computed attribute the configuration leaves unset as
// unknown ("known after apply"), the `id` included; it carries no "__defaults" (those live only in
// checked inputs). Outside preview the state is what the create returned.
//
// The per-type computed attributes come from types.json (`c`). Per attribute:
//   - region: the upstream provider resolves an unset region to the provider's region while
//     planning (pulumi/pulumi-aws@72bd5227 provider/region.go describes that interceptor), so it is
//     known in the plan;
//   - tagsAll: SDKv2 resources already carry it in their checked inputs (pulumi/pulumi-aws@e1efaecd
//     provider/tags.go);
//     Plugin Framework resources compute it while planning (the upstream provider's tags
//     ModifyPlan), from the same default-tags merge: known when everything it merges is known;
//   - everything else computed and unset: unknown in preview; on a real create a plausible value.
import { applyRegion, mergeTags, resourceFacts, stripDefaults, urnName, Kind } from "./check";
import { decodeProviderConfig, providerRegion } from "./config";
import { ACCOUNT_ID, partitionOf } from "./data-sources";
import { createHash } from "node:crypto";
import { isObject, UNKNOWN, Wire, WireMap } from "./wire";

export interface CreateRequest {
    type: string;
    urn: string;
    /** The checked inputs (Check's answer), wire form. */
    inputs: WireMap;
    /** The provider configuration, wire form (as for checkResource). */
    config: WireMap;
    preview: boolean;
    /** Environment for the region fallback (AWS_REGION, AWS_DEFAULT_REGION); defaults to none. */
    env?: NodeJS.ProcessEnv;
}

export interface CreateResult {
    /** "" in preview, as the bridge answers before Terraform assigns an ID. */
    id: string;
    properties: WireMap;
}

/** Deterministic hex from the URN: plausible, stable across runs, distinct per resource. */
function hexOf(urn: string, n: number, salt = ""): string {
    return createHash("sha256")
        .update(salt + urn)
        .digest("hex")
        .slice(0, n);
}

function uuidOf(urn: string): string {
    const h = hexOf(urn, 32, "uuid");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function upperOf(urn: string, n: number, salt: string): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const bytes = createHash("sha256")
        .update(salt + urn)
        .digest();
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[bytes[i % bytes.length]! % alphabet.length];
    return out;
}

/** S3 website hosted zone IDs per region (AWS "Amazon S3 website endpoints" table). */
export const S3_HOSTED_ZONE_IDS: Record<string, string> = {
    "us-east-1": "Z3AQBSTGFYJSTF",
    "us-east-2": "Z2O1EMRO9K5GLX",
    "us-west-1": "Z2F56UZL2M1ACD",
    "us-west-2": "Z3BJ6K6RIION7M",
    "ca-central-1": "Z1QDHH18159H29",
    "eu-central-1": "Z21DNDUVLTQW6Q",
    "eu-west-1": "Z1BKCTXD74EZPE",
    "eu-west-2": "Z3GKZC51ZF0DB4",
    "eu-west-3": "Z3R1K369G5AVDG",
    "eu-north-1": "Z3BAZG2TWCNX0D",
    "ap-south-1": "Z11RGJOFQNVJUP",
    "ap-northeast-1": "Z2M4EHUR26P7ZW",
    "ap-northeast-2": "Z3W03O7B5YMIYP",
    "ap-southeast-1": "Z3O0J2DXBE1FTB",
    "ap-southeast-2": "Z1WCIGYICN2BYD",
    "sa-east-1": "Z7KQH4QJS55SO",
};

/** The ARN service namespace of a Pulumi module, where it differs from the module's name. */
const SERVICE: Record<string, string> = {
    cloudwatch: "logs",
    efs: "elasticfilesystem",
    opensearch: "es",
    elasticsearch: "es",
    docdb: "rds",
    neptune: "rds",
    sfn: "states",
    lb: "elasticloadbalancing",
    alb: "elasticloadbalancing",
    elb: "elasticloadbalancing",
    msk: "kafka",
    cognito: "cognito-idp",
    timestreamwrite: "timestream",
    keyspaces: "cassandra",
    cfg: "config",
    ebs: "ec2",
    ec2transitgateway: "ec2",
    vpc: "ec2",
    ec2clientvpn: "ec2",
};

const GLOBAL_SERVICES = new Set(["iam", "s3", "route53", "cloudfront", "organizations", "waf"]);

interface Ctx {
    urn: string;
    name: string;
    props: WireMap;
    region: string;
    partition: string;
    dnsSuffix: string;
}

const s = (v: Wire | undefined): string | undefined => (typeof v === "string" && v !== UNKNOWN ? v : undefined);

/** Known shapes of id and ARN (and a few service-specific attributes) for common types. */
type Shape = (c: Ctx) => Record<string, Wire>;
const SHAPES: Record<string, Shape> = {
    "aws:s3/bucket:Bucket": s3Bucket,
    "aws:s3/bucketV2:BucketV2": s3Bucket,
    "aws:sqs/queue:Queue": (c) => {
        const n = s(c.props.name) ?? c.name;
        const url = `https://sqs.${c.region}.${c.dnsSuffix}/${ACCOUNT_ID}/${n}`;
        return { id: url, url, arn: `arn:${c.partition}:sqs:${c.region}:${ACCOUNT_ID}:${n}` };
    },
    "aws:sns/topic:Topic": (c) => {
        const arn = `arn:${c.partition}:sns:${c.region}:${ACCOUNT_ID}:${s(c.props.name) ?? c.name}`;
        return { id: arn, arn, owner: ACCOUNT_ID };
    },
    "aws:dynamodb/table:Table": (c) => {
        const n = s(c.props.name) ?? c.name;
        return { id: n, arn: `arn:${c.partition}:dynamodb:${c.region}:${ACCOUNT_ID}:table/${n}` };
    },
    "aws:rds/instance:Instance": (c) => {
        const ident = s(c.props.identifier) ?? c.name;
        const port = typeof c.props.port === "number" ? c.props.port : 5432;
        const address = `${ident}.${hexOf(c.urn, 12, "rds")}.${c.region}.rds.${c.dnsSuffix}`;
        const resourceId = `db-${upperOf(c.urn, 26, "dbi")}`;
        return { id: resourceId, resourceId, arn: `arn:${c.partition}:rds:${c.region}:${ACCOUNT_ID}:db:${ident}`, address, endpoint: `${address}:${port}`, port, status: "available" };
    },
    "aws:rds/cluster:Cluster": (c) => {
        const ident = s(c.props.clusterIdentifier) ?? `tf-${hexOf(c.urn, 20, "cluster")}`;
        return { id: ident, clusterIdentifier: ident, arn: `arn:${c.partition}:rds:${c.region}:${ACCOUNT_ID}:cluster:${ident}` };
    },
    "aws:iam/role:Role": (c) => {
        const n = s(c.props.name) ?? c.name;
        const path = s(c.props.path) ?? "/";
        return { id: n, arn: `arn:${c.partition}:iam::${ACCOUNT_ID}:role${path}${n}`, uniqueId: `AROA${upperOf(c.urn, 17, "role")}` };
    },
    "aws:iam/user:User": (c) => {
        const n = s(c.props.name) ?? c.name;
        const path = s(c.props.path) ?? "/";
        return { id: n, arn: `arn:${c.partition}:iam::${ACCOUNT_ID}:user${path}${n}`, uniqueId: `AIDA${upperOf(c.urn, 17, "user")}` };
    },
    "aws:iam/policy:Policy": (c) => {
        const path = s(c.props.path) ?? "/";
        const arn = `arn:${c.partition}:iam::${ACCOUNT_ID}:policy${path}${s(c.props.name) ?? c.name}`;
        return { id: arn, arn, policyId: `ANPA${upperOf(c.urn, 17, "policy")}` };
    },
    "aws:lambda/function:Function": (c) => {
        const n = s(c.props.name) ?? c.name;
        const arn = `arn:${c.partition}:lambda:${c.region}:${ACCOUNT_ID}:function:${n}`;
        return { id: n, arn, qualifiedArn: `${arn}:$LATEST`, invokeArn: `arn:${c.partition}:apigateway:${c.region}:lambda:path/2015-03-31/functions/${arn}/invocations`, version: "$LATEST" };
    },
    "aws:kms/key:Key": (c) => {
        const id = uuidOf(c.urn);
        return { id, keyId: id, arn: `arn:${c.partition}:kms:${c.region}:${ACCOUNT_ID}:key/${id}` };
    },
    "aws:cloudwatch/logGroup:LogGroup": (c) => {
        const n = s(c.props.name) ?? c.name;
        return { id: n, arn: `arn:${c.partition}:logs:${c.region}:${ACCOUNT_ID}:log-group:${n}` };
    },
    "aws:ecr/repository:Repository": (c) => {
        const n = s(c.props.name) ?? c.name;
        return { id: n, arn: `arn:${c.partition}:ecr:${c.region}:${ACCOUNT_ID}:repository/${n}`, registryId: ACCOUNT_ID, repositoryUrl: `${ACCOUNT_ID}.dkr.ecr.${c.region}.${c.dnsSuffix}/${n}` };
    },
    "aws:secretsmanager/secret:Secret": (c) => {
        const arn = `arn:${c.partition}:secretsmanager:${c.region}:${ACCOUNT_ID}:secret:${s(c.props.name) ?? c.name}-${hexOf(c.urn, 6, "secret")}`;
        return { id: arn, arn };
    },
    "aws:kinesis/stream:Stream": (c) => {
        const arn = `arn:${c.partition}:kinesis:${c.region}:${ACCOUNT_ID}:stream/${s(c.props.name) ?? c.name}`;
        return { id: arn, arn };
    },
    "aws:efs/fileSystem:FileSystem": (c) => {
        const id = `fs-${hexOf(c.urn, 17, "efs")}`;
        return { id, arn: `arn:${c.partition}:elasticfilesystem:${c.region}:${ACCOUNT_ID}:file-system/${id}`, dnsName: `${id}.efs.${c.region}.${c.dnsSuffix}` };
    },
    "aws:ec2/vpc:Vpc": ec2("vpc", "vpc"),
    "aws:ec2/subnet:Subnet": ec2("subnet", "subnet"),
    "aws:ec2/securityGroup:SecurityGroup": ec2("sg", "security-group"),
    "aws:ec2/instance:Instance": ec2("i", "instance"),
    "aws:ebs/volume:Volume": ec2("vol", "volume"),
    "aws:elasticache/cluster:Cluster": (c) => {
        const id = s(c.props.clusterId) ?? c.name;
        return { id, arn: `arn:${c.partition}:elasticache:${c.region}:${ACCOUNT_ID}:cluster:${id}` };
    },
    "aws:opensearch/domain:Domain": (c) => {
        const n = s(c.props.domainName) ?? c.name;
        const arn = `arn:${c.partition}:es:${c.region}:${ACCOUNT_ID}:domain/${n}`;
        return { id: arn, arn, domainId: `${ACCOUNT_ID}/${n}`, endpoint: `search-${n}-${hexOf(c.urn, 26, "es")}.${c.region}.es.${c.dnsSuffix}` };
    },
};

function ec2(prefix: string, kind: string): Shape {
    return (c) => {
        const id = `${prefix}-${hexOf(c.urn, 17, prefix)}`;
        return { id, arn: `arn:${c.partition}:ec2:${c.region}:${ACCOUNT_ID}:${kind}/${id}`, ownerId: ACCOUNT_ID };
    };
}

function s3Bucket(c: Ctx): Record<string, Wire> {
    const b = s(c.props.bucket) ?? c.name;
    const website = isObject(c.props.website);
    return {
        id: b,
        arn: `arn:${c.partition}:s3:::${b}`,
        bucketDomainName: `${b}.s3.${c.dnsSuffix}`,
        bucketRegionalDomainName: `${b}.s3.${c.region}.${c.dnsSuffix}`,
        bucketRegion: c.region,
        hostedZoneId: S3_HOSTED_ZONE_IDS[c.region] ?? "",
        bucketNamespace: "global",
        requestPayer: "BucketOwner",
        objectLockEnabled: false,
        websiteEndpoint: website ? `${b}.s3-website.${c.region}.${c.dnsSuffix}` : "",
        websiteDomain: website ? `s3-website.${c.region}.${c.dnsSuffix}` : "",
    };
}

function kebab(s: string): string {
    return s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** A generic shape: id from the resource's name-like input (else hex), ARN as
 * arn:<partition>:<service>:<region>:<account>:<resource-type>/<id>. */
function genericShape(type: string, c: Ctx): Record<string, Wire> {
    const [, mod = "", res = ""] = /^aws:([^/]+)\/[^:]+:(.+)$/.exec(type) ?? [];
    const service = SERVICE[mod] ?? mod;
    const named = s(c.props.name) ?? s(c.props.bucket) ?? s(c.props.identifier);
    const id = named ?? hexOf(c.urn, 20);
    const region = GLOBAL_SERVICES.has(service) ? "" : c.region;
    return { id, arn: `arn:${c.partition}:${service}:${region}:${ACCOUNT_ID}:${kebab(res)}/${id}` };
}

function zeroOf(kind: Kind): Wire {
    switch (kind) {
        case "s":
            return "";
        case "n":
            return 0;
        case "b":
            return false;
        case "a":
            return [];
        case "m":
            return {};
        default:
            return null;
    }
}

export function createState(req: CreateRequest): CreateResult {
    const facts = resourceFacts(req.type);
    if (!facts) throw new Error(`unrecognized resource type (Create): ${req.type}`);
    const meta = decodeProviderConfig(req.config);
    let props = stripDefaults(req.inputs) as WireMap;
    const region = providerRegion(meta, req.env ?? {});
    if (facts.r) props = applyRegion(props, region ? { ...meta, region } : meta);
    if (facts.t && facts.pf) props = { ...props, tagsAll: mergeTags(props.tags, meta) };
    const computed = facts.c ?? {};

    if (req.preview) {
        const out: WireMap = { ...props, id: UNKNOWN };
        for (const k of Object.keys(computed)) if (!(k in out)) out[k] = UNKNOWN;
        return { id: "", properties: out };
    }

    const resourceRegion = s(props.region) ?? region ?? "us-east-1";
    const p = partitionOf(resourceRegion);
    const ctx: Ctx = { urn: req.urn, name: urnName(req.urn), props, region: resourceRegion, partition: p.partition, dnsSuffix: p.dnsSuffix };
    const shape = (SHAPES[req.type] ?? ((c: Ctx) => genericShape(req.type, c)))(ctx);
    const out: WireMap = { ...props };
    for (const [k, kind] of Object.entries(computed)) {
        if (k in out) continue;
        out[k] = k in shape ? shape[k]! : zeroOf(kind);
    }
    const id = typeof shape.id === "string" ? shape.id : hexOf(req.urn, 20);
    out.id = id;
    return { id, properties: out };
}

/** Update: the new checked inputs over the old state's computed values (ID and ARN stay). */
export function updateState(req: { type: string; urn: string; id: string; olds: WireMap; news: WireMap; config: WireMap; preview: boolean; env?: NodeJS.ProcessEnv }): WireMap {
    const facts = resourceFacts(req.type);
    if (!facts) throw new Error(`unrecognized resource type (Update): ${req.type}`);
    const meta = decodeProviderConfig(req.config);
    let props = stripDefaults(req.news) as WireMap;
    const region = providerRegion(meta, req.env ?? {});
    if (facts.r) props = applyRegion(props, region ? { ...meta, region } : meta);
    if (facts.t && facts.pf) props = { ...props, tagsAll: mergeTags(props.tags, meta) };
    const out: WireMap = { ...props };
    for (const k of Object.keys(facts.c ?? {})) if (!(k in out) && k in req.olds) out[k] = req.olds[k]!;
    out.id = req.id;
    return out;
}
