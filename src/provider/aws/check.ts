// checkResource: the checked inputs pulumi-aws v7.48.0 returns from Check. Pure.
//
// Versions followed (see types.json `source` and the report for what could not be pinned):
//   pulumi-aws v7 provider code, as the code index stores it (the v7.48.0 tag commit could not be
//     resolved here): provider/resources.go, resource_metadata.go, autonaming.go, aliases.go,
//     compatibility.go, config.go at pulumi/pulumi-aws@0c5f6583ebfb; provider/tags.go at
//     @e1efaecd1eb1; provider/region.go at @72bd5227071b; provider/resource_overrides.go at
//     @015d34381285;
//   the bridge: pulumi/pulumi-terraform-bridge@59de6c661df1 (v3.136.0, the newest tag available);
//   the engine: pulumi/pulumi@dc7edd58bc13 (v3.248.0).
//
// What Check does, in order, for a resource served by the SDKv2 half of the muxed provider
// (bridge pkg/tfbridge/provider.go, Provider.Check):
//   1. news are unmarshalled with SkipNulls (null properties vanish) and without secrets (the
//      engine strips them: pulumi-aws answers Configure with acceptSecrets=false, see plugin.ts);
//   2. the resource's PreCheckCallback runs with the provider config (`meta`); pulumi-aws installs
//      applyRegion (provider/region.go) for resources with a usable region and, after it,
//      applyTags (provider/tags.go) for SDKv2 resources with tags and tagsAll
//      (provider/resources.go providerFromMeta; provider/resource_metadata.go);
//   3. makeTerraformInputs applies defaults (pkg/tfbridge/schema.go applyDefaults): Pulumi-side
//      defaults such as autonames first, then Terraform schema defaults, recording the defaulted
//      keys, sorted, under "__defaults" in every object it converts (the top level and every nested
//      block, never maps); falsy Terraform defaults are no longer synthesized
//      (shouldSuppressTFSchemaDefaultValue, bridge #3398, since v3.127.0), so forceDestroy:false
//      and the like do not appear;
//   4. the Terraform inputs are turned back into Pulumi values (MakeTerraformOutputs) and schema
//      secrets are marked (MarkSchemaSecrets).
// A Plugin Framework resource (pkg/pf/tfbridge/provider_check.go CheckWithContext) runs the same
// PreCheckCallback (region only: pulumi-aws's tags callback is SDKv2-only), applies Pulumi-side
// defaults (autonames), keeps nulls, writes no "__defaults" and marks schema secrets.
import typesFile from "./types.json";
import { CheckFailure, decodeProviderConfig } from "./config";
import { HEX, newUniqueName } from "./random";
import { containsUnknowns, goJsonMarshal, isObject, isSecret, secret, skipNulls, stripSecrets, UNKNOWN, Wire, WireMap } from "./wire";

export type { CheckFailure } from "./config";

// The shape of types.json's entries is the generator's; only the type is imported.
import type { ResourceFacts } from "./generate-types";
export type { Kind, ResourceFacts } from "./generate-types";

const RESOURCES = typesFile.resources as Record<string, ResourceFacts>;
const BLOCK_TYPES = typesFile.types as Record<string, number>[];
const ALIASES = new Map<string, string>();
for (const [tok, f] of Object.entries(RESOURCES)) for (const a of f.a ?? []) if (!RESOURCES[a]) ALIASES.set(a, tok);

export const TYPES_SOURCE = typesFile.source;

/** The facts for a resource token (or one of its alias tokens), from types.json. */
export function resourceFacts(type: string): ResourceFacts | undefined {
    return RESOURCES[type] ?? RESOURCES[ALIASES.get(type) ?? ""];
}

export function knownResourceTypes(): string[] {
    return Object.keys(RESOURCES);
}

export const DEFAULTS_KEY = "__defaults";

// ---------------------------------------------------------------------------------------------
// Tags: provider/tags.go applyTags / mergeTags (pulumi/pulumi-aws@e1efaecd), wired for SDKv2
// resources with HasTagsAndTagsAll by provider/resources.go (@0c5f6583).
// ---------------------------------------------------------------------------------------------

/** tagsAll as applyTags computes it: unknown if the provider config or the resource's tags hold any
 * unknown; else defaultTags.tags merged with tags (the resource's value wins), minus
 * ignoreTags.keys and keys starting with any of ignoreTags.keyPrefixes; an empty result is {}. */
export function mergeTags(tags: Wire | undefined, meta: WireMap): Wire {
    if (containsUnknowns(meta) || containsUnknowns(tags ?? null)) return UNKNOWN;
    const merged: Record<string, string> = {};
    const defaults = meta.defaultTags;
    if (isObject(defaults) && isObject(defaults.tags)) {
        for (const [k, v] of Object.entries(defaults.tags)) merged[k] = tagValue(v);
    }
    if (isObject(tags)) for (const [k, v] of Object.entries(tags)) merged[k] = tagValue(v);
    const ignore = meta.ignoreTags;
    const keys = isObject(ignore) ? tagKeys(ignore.keys) : [];
    const prefixes = isObject(ignore) ? tagKeys(ignore.keyPrefixes) : [];
    const out: WireMap = {};
    for (const [k, v] of Object.entries(merged)) {
        if (keys.includes(k) || prefixes.some((p) => k.startsWith(p))) continue;
        out[k] = v;
    }
    return out;
}

// awsShim.NewTagConfig turns each value into a string tag (KeyValueTags; ValueString() of a null is "").
function tagValue(v: Wire): string {
    if (v === null) return "";
    return typeof v === "string" ? v : String(v);
}

function tagKeys(v: Wire | undefined): string[] {
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
    if (isObject(v)) return Object.keys(v);
    return [];
}

// ---------------------------------------------------------------------------------------------
// Autonaming.
// ---------------------------------------------------------------------------------------------

/** AutoNameOptions (bridge pkg/tfbridge/info/autonaming.go). */
export interface AutoNameRule {
    prop: string;
    separator: string;
    maxlen: number;
    randlen: number;
    charset?: string;
    lower?: boolean;
    /** PostTransform variants used by pulumi-aws. */
    post?: "alias" | "fifoQueue" | "fifoTopic";
    /** aws_db_instance picks 3/15 for SQL Server engines. */
    sqlserver?: boolean;
}

const a = (prop: string, maxlen: number, separator = "-", extra: Partial<AutoNameRule> = {}): AutoNameRule => ({ prop, separator, maxlen, randlen: 7, ...extra });
const LOWER_AZ = "abcdefghijklmnopqrstuvwxyz";

/** Resources whose naming pulumi-aws configures itself (ResourceInfo.Fields), which setAutonaming
 * then leaves alone. Sources, pulumi/pulumi-aws@015d3438 provider/resource_overrides.go unless
 * noted; aliases.go and compatibility.go at 0c5f6583. A `null` entry has a `name` field override
 * that is not an autoname, so the resource gets no autoname at all. */
export const AUTONAME_OVERRIDES: Record<string, AutoNameRule | null> = {
    "aws:appsync/function:Function": a("name", 255, "_"),
    "aws:appsync/dataSource:DataSource": a("name", 255, "_"),
    // resource.NewUniqueHex(name+"_", 7, 255): crypto-random in pulumi-aws, seeded here.
    "aws:athena/database:Database": a("name", 255, "_"),
    "aws:backup/restoreTestingPlan:RestoreTestingPlan": a("name", 255, "_"),
    "aws:cloudwatch/eventRule:EventRule": a("name", 64),
    "aws:cloudwatch/eventTarget:EventTarget": a("targetId", 255),
    "aws:cloudwatch/metricAlarm:MetricAlarm": a("name", 255),
    "aws:codedeploy/deploymentConfig:DeploymentConfig": a("deploymentConfigName", 100, "_"),
    "aws:directoryservice/directory:Directory": null,
    "aws:elasticbeanstalk/environment:Environment": a("name", 40),
    "aws:elasticache/cluster:Cluster": a("clusterId", 50, "-", { lower: true }),
    "aws:elasticache/replicationGroup:ReplicationGroup": a("replicationGroupId", 40, "-", { lower: true }),
    "aws:ec2/keyPair:KeyPair": a("keyName", 255),
    "aws:efs/fileSystem:FileSystem": a("creationToken", 255),
    "aws:eks/nodeGroup:NodeGroup": a("nodeGroupName", 255),
    "aws:eks/fargateProfile:FargateProfile": a("fargateProfileName", 255),
    "aws:elasticsearch/domain:Domain": a("domainName", 28, "-", { lower: true }),
    "aws:glue/catalogDatabase:CatalogDatabase": a("name", 0, "_", { randlen: 8, charset: LOWER_AZ, lower: true }),
    "aws:glue/catalogTable:CatalogTable": a("name", 0, "_", { randlen: 8, charset: LOWER_AZ, lower: true }),
    "aws:iam/role:Role": a("name", 64),
    "aws:iot/topicRule:TopicRule": a("name", 0, "_", { randlen: 0 }),
    "aws:kms/alias:Alias": a("name", 238, "-", { post: "alias" }),
    "aws:lambda/function:Function": a("name", 64),
    "aws:lambda/permission:Permission": a("statementId", 100),
    "aws:lb/targetGroup:TargetGroup": a("name", 32), // aliases.go
    "aws:lex/slotType:SlotType": a("name", 0, "_", { randlen: 8, charset: LOWER_AZ }),
    "aws:lex/bot:Bot": a("name", 0, "_", { randlen: 8, charset: LOWER_AZ }),
    "aws:lex/intent:Intent": a("name", 0, "_", { randlen: 8, charset: LOWER_AZ }),
    "aws:lex/botAlias:BotAlias": a("name", 0, "_", { randlen: 8, charset: LOWER_AZ }),
    "aws:mq/broker:Broker": a("brokerName", 55),
    "aws:msk/cluster:Cluster": a("clusterName", 255),
    "aws:msk/serverlessCluster:ServerlessCluster": a("clusterName", 255),
    "aws:opensearch/domain:Domain": a("domainName", 255),
    // AutoNameOptions{Randlen: 7, Maxlen: 255} with no separator; 3 and 15 for SQL Server.
    "aws:rds/instance:Instance": a("identifier", 255, "", { sqlserver: true }),
    "aws:route53/record:Record": null,
    "aws:s3/bucket:Bucket": a("bucket", 63, "-", { lower: true }),
    "aws:s3/bucketV2:BucketV2": a("bucket", 63, "-", { lower: true }), // compatibility.go
    // FromName{Maxlen: 0, Randlen: 0}: the object key defaults to the resource name itself.
    "aws:s3/bucketObjectv2:BucketObjectv2": a("key", 0, "", { randlen: 0 }),
    "aws:s3/bucketObject:BucketObject": a("key", 0, "", { randlen: 0 }),
    "aws:sqs/queue:Queue": a("name", 80, "-", { post: "fifoQueue" }),
    "aws:sns/topic:Topic": a("name", 80, "-", { post: "fifoTopic" }),
};

/** The autoname rule for a resource: its override, else setAutonaming's default for resources with a
 * `name` input and no `name` field override (provider/autonaming.go @0c5f6583:
 * tfbridge.AutoName("name", 255, "-"), i.e. 7 random characters from the seed). */
export function autonameRule(type: string): AutoNameRule | undefined {
    const facts = resourceFacts(type);
    const canonical = RESOURCES[type] ? type : (ALIASES.get(type) ?? type);
    if (canonical in AUTONAME_OVERRIDES) return AUTONAME_OVERRIDES[canonical] ?? undefined;
    if (facts?.n) return a("name", 255);
    return undefined;
}

export type AutonamingMode = "propose" | "enforce" | "disable";
export interface AutonamingOptions {
    proposedName: string;
    mode: AutonamingMode;
}

export function urnName(urnOrName: string): string {
    const i = urnOrName.lastIndexOf("::");
    return urnOrName.startsWith("urn:pulumi:") && i >= 0 ? urnOrName.slice(i + 2) : urnOrName;
}

/** ComputeAutoNameDefault (bridge pkg/tfbridge/info/autonaming.go) plus pulumi-aws's PostTransforms. */
export function computeAutoname(rule: AutoNameRule, name: string, seed: Uint8Array, props: WireMap, autonaming?: AutonamingOptions): string {
    const transform = (s: string) => (rule.lower ? s.toLowerCase() : s);
    let randlen = rule.randlen;
    let maxlen = rule.maxlen;
    if (rule.sqlserver) {
        const engine = props.engine;
        if (typeof engine === "string" && engine.toLowerCase().includes("sqlserver")) [randlen, maxlen] = [3, 15];
    }
    let vs = transform(name);
    if (autonaming) {
        if (autonaming.mode === "enforce") return autonaming.proposedName;
        if (autonaming.mode === "disable") throw new Error("automatic naming is disabled but no explicit name was provided");
        vs = transform(autonaming.proposedName);
        if (maxlen > 0 && vs.length > maxlen) throw new Error(`calculated name '${vs}' exceeds maximum length of ${maxlen}`);
        if (rule.charset) {
            const cs = rule.charset;
            if (!cs.includes("-")) vs = vs.split("-").join(rule.separator);
            if (!cs.includes("_")) vs = vs.split("_").join(rule.separator);
            for (const c of vs) {
                if (!cs.includes(c)) throw new Error(`calculated name '${vs}' contains invalid character '${c}' not in charset '${cs}'`);
            }
        }
    } else if (randlen > 0) {
        vs = newUniqueName(seed, vs + rule.separator, randlen, maxlen, rule.charset ?? HEX);
    }
    switch (rule.post) {
        case "alias":
            return vs.startsWith("alias/") ? vs : `alias/${vs}`;
        case "fifoQueue":
            return props.fifoQueue === true ? `${vs}.fifo` : vs;
        case "fifoTopic":
            return props.fifoTopic === true ? `${vs}.fifo` : vs;
        default:
            return vs;
    }
}

// ---------------------------------------------------------------------------------------------
// JSON documents: TransformJSONDocument (bridge pkg/tfbridge/transforms.go) on the fields pulumi-aws
// marks with it (resource_overrides.go at 015d3438, compatibility.go at 0c5f6583).
// ---------------------------------------------------------------------------------------------

export const JSON_DOCUMENT_FIELDS: Record<string, string[]> = {
    "aws:s3/bucket:Bucket": ["policy"],
    "aws:s3/bucketV2:BucketV2": ["policy"],
    "aws:s3/bucketPolicy:BucketPolicy": ["policy"],
    "aws:iam/role:Role": ["assumeRolePolicy"],
    "aws:iam/policy:Policy": ["policy"],
    "aws:iam/rolePolicy:RolePolicy": ["policy"],
    "aws:iam/userPolicy:UserPolicy": ["policy"],
    "aws:iam/groupPolicy:GroupPolicy": ["policy"],
    "aws:sqs/queuePolicy:QueuePolicy": ["policy"],
    "aws:sns/topicPolicy:TopicPolicy": ["policy"],
    "aws:ecr/repositoryPolicy:RepositoryPolicy": ["policy"],
    "aws:ecr/registryPolicy:RegistryPolicy": ["policy"],
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": ["policy"],
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": ["policyDocument"],
    "aws:elasticsearch/domain:Domain": ["accessPolicies"],
    "aws:elasticsearch/domainPolicy:DomainPolicy": ["accessPolicies"],
};

function jsonDocument(v: Wire): Wire {
    if (containsUnknowns(v)) return UNKNOWN;
    if (typeof v === "string") return v;
    if (Array.isArray(v) || isObject(v)) return goJsonMarshal(v);
    if (v === null) return "";
    throw new Error(`expected a string or JSON object, got ${JSON.stringify(v)}`);
}

// ---------------------------------------------------------------------------------------------
// Nested blocks get their own (empty) "__defaults".
// ---------------------------------------------------------------------------------------------

function withBlockDefaults(v: Wire, id: number): Wire {
    if (Array.isArray(v)) return v.map((e) => withBlockDefaults(e, id));
    if (!isObject(v) || isSecret(v) || v === null) return v;
    const children = id > 0 ? (BLOCK_TYPES[id - 1] ?? {}) : {};
    const out: WireMap = {};
    for (const [k, x] of Object.entries(v)) out[k] = k in children ? withBlockDefaults(x, children[k]!) : x;
    // Nested blocks have no Pulumi-side defaults in pulumi-aws except the ones this test provider
    // does not model (iam Role inlinePolicies[].name, db ParameterGroup parameters[].applyMethod).
    out[DEFAULTS_KEY] = [];
    return out;
}

// ---------------------------------------------------------------------------------------------
// Check.
// ---------------------------------------------------------------------------------------------

export interface CheckRequest {
    /** Resource type token, e.g. "aws:s3/bucket:Bucket". */
    type: string;
    /** The resource URN, or just its logical name. */
    urn: string;
    /** Old checked inputs (on update), wire form. */
    olds?: WireMap | null;
    /** New inputs, wire form. */
    news: WireMap;
    /** The provider configuration as the engine passes it to CheckConfig/Configure (JSON-encoded
     * values accepted and decoded). */
    config: WireMap;
    /** CheckRequest.randomSeed. */
    randomSeed: Uint8Array;
    /** CheckRequest.autonaming, when the engine sends it. */
    autonaming?: AutonamingOptions;
}

export interface CheckResult {
    inputs: WireMap;
    failures: CheckFailure[];
}

export function checkResource(req: CheckRequest): CheckResult {
    const facts = resourceFacts(req.type);
    if (!facts) throw new Error(`unrecognized resource type (Check): ${req.type}`);
    const canonical = RESOURCES[req.type] ? req.type : ALIASES.get(req.type)!;
    const meta = decodeProviderConfig(req.config);
    const pf = facts.pf === 1;
    const plainNews = stripSecrets(req.news) as WireMap;
    let news = (pf ? plainNews : skipNulls(plainNews)) as WireMap;
    const olds = req.olds ? (stripSecrets(req.olds) as WireMap) : undefined;
    const failures: CheckFailure[] = [];

    // 2. PreCheckCallbacks.
    if (canonical === "aws:rds/instance:Instance" && "name" in news) {
        // resource_overrides.go aws_db_instance PreCheckCallback: the removed `name` becomes `dbName`.
        if ("dbName" in news) throw new Error("cannot specify both name and dbName, please set only dbName");
        news = { ...news, dbName: news.name! };
        delete news.name;
    }
    if (facts.r) news = applyRegion(news, meta);
    if (facts.t && !pf) news = { ...news, tagsAll: mergeTags(news.tags, meta) };

    // 3. Defaults.
    const rule = autonameRule(req.type);
    const defaulted: string[] = [];
    const out: WireMap = { ...news };
    if (rule && out[rule.prop] === undefined) {
        const prefix = `${rule.prop}Prefix`;
        // The name ConflictsWith its prefix: a set prefix excludes the default (buildConflictsWith
        // for SDKv2; the PF path strips an autoname the upstream validation rejects).
        const conflicts = facts.p?.includes(prefix) && out[prefix] !== undefined && out[prefix] !== null;
        if (!conflicts) {
            const oldDefaults = olds?.[DEFAULTS_KEY];
            const useOld = olds !== undefined && rule.prop in olds && (pf || !Array.isArray(oldDefaults) || oldDefaults.includes(rule.prop));
            out[rule.prop] = useOld ? olds[rule.prop]! : computeAutoname(rule, urnName(req.urn), req.randomSeed, out, req.autonaming);
            defaulted.push(rule.prop);
        }
    }

    // JSON-document transforms and nested blocks (SDKv2 conversion).
    for (const f of JSON_DOCUMENT_FIELDS[canonical] ?? []) if (f in out) out[f] = jsonDocument(out[f]!);
    if (!pf) {
        for (const [k, id] of Object.entries(facts.b ?? {})) if (k in out) out[k] = withBlockDefaults(out[k]!, id);
        out[DEFAULTS_KEY] = defaulted.sort();
    }

    // 4. Schema secrets.
    for (const k of facts.s ?? []) {
        const v = out[k];
        if (v !== undefined && v !== null && !isSecret(v)) out[k] = secret(v);
    }
    return { inputs: out, failures };
}

/** provider/region.go applyRegion (pulumi/pulumi-aws@72bd5227): keep a non-null region, else copy
 * the provider config's; wired for HasUsableRegion resources by provider/resources.go (@0c5f6583). */
export function applyRegion(config: WireMap, meta: WireMap): WireMap {
    const r = config.region;
    if (r !== undefined && r !== null) return config;
    const m = meta.region;
    if (m !== undefined && m !== null) return { ...config, region: m };
    return config;
}

/** Removes every "__defaults" key, at any depth (state never carries them). */
export function stripDefaults(v: Wire): Wire {
    if (Array.isArray(v)) return v.map(stripDefaults);
    if (isObject(v) && !isSecret(v)) {
        const out: WireMap = {};
        for (const [k, x] of Object.entries(v)) if (k !== DEFAULTS_KEY) out[k] = stripDefaults(x);
        return out;
    }
    return v;
}
