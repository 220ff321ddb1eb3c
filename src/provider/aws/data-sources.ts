// invokeAws: the data sources our examples and common programs call, answered as pulumi-aws v7
// would for account 123456789012 in the provider's region. Pure and exported: the test provider
// plugin and the SDK-mock harness both answer data sources with it.
//
// Tokens are those the installed @pulumi/aws 7.48.0 SDK sends (getRegion.js, getCallerIdentity.js,
// getPartition.js, getAvailabilityZones.js each invoke exactly one token; the SDK sends no other
// alias for them). Result shapes follow the SDK's Get*Result declarations; every result carries
// `id`, as the bridge's data-source results do (the Terraform `id` attribute).
//
// Values (documented facts, not read from AWS):
//   account 123456789012 (the AWS documentation's example account), caller
//   arn:<partition>:iam::123456789012:user/pulumi-test;
//   partitions, DNS suffixes and reverse DNS prefixes as the AWS SDK endpoint metadata defines them
//   (aws amazonaws.com, aws-cn amazonaws.com.cn, aws-us-gov amazonaws.com, aws-iso c2s.ic.gov,
//   aws-iso-b sc2s.sgov.gov, aws-iso-e cloud.adc-e.uk, aws-iso-f csp.hci.ic.gov, aws-eusc
//   amazonaws.eu); a region no partition claims (e.g. Yandex Cloud's ru-central1) falls back to
//   "aws", as the SDK's resolver does;
//   aws_region's endpoint is the region's EC2 endpoint, ec2.<region>.<dnsSuffix>; its description the
//   region's display name (AWS "Regions and Availability Zones" list);
//   availability zones <region>a, b, c (us-east-1: a-f; us-west-2: a-d), zone IDs
//   <short code>-az1..n (eu-central-1 -> euc1-az1), group name the region, state "available".
import { UNKNOWN, Wire, WireMap, isObject } from "./wire";

export const ACCOUNT_ID = "123456789012";
export const CALLER_USER = "pulumi-test";
export const CALLER_USER_ID = "AIDACKCEVSQ6C2EXAMPLE";

export interface Partition {
    partition: string;
    dnsSuffix: string;
    reverseDnsPrefix: string;
}

const PARTITIONS: { re: RegExp; p: Partition }[] = [
    { re: /^cn-/, p: { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" } },
    { re: /^us-gov-/, p: { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" } },
    { re: /^us-iso-/, p: { partition: "aws-iso", dnsSuffix: "c2s.ic.gov", reverseDnsPrefix: "gov.ic.c2s" } },
    { re: /^us-isob-/, p: { partition: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", reverseDnsPrefix: "gov.sgov.sc2s" } },
    { re: /^eu-isoe-/, p: { partition: "aws-iso-e", dnsSuffix: "cloud.adc-e.uk", reverseDnsPrefix: "uk.adc-e.cloud" } },
    { re: /^us-isof-/, p: { partition: "aws-iso-f", dnsSuffix: "csp.hci.ic.gov", reverseDnsPrefix: "gov.ic.hci.csp" } },
    { re: /^eusc-/, p: { partition: "aws-eusc", dnsSuffix: "amazonaws.eu", reverseDnsPrefix: "eu.amazonaws" } },
];
const AWS: Partition = { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };

export function partitionOf(region: string | undefined): Partition {
    if (!region) return AWS;
    return PARTITIONS.find((x) => x.re.test(region))?.p ?? AWS;
}

export const REGION_DESCRIPTIONS: Record<string, string> = {
    "af-south-1": "Africa (Cape Town)",
    "ap-east-1": "Asia Pacific (Hong Kong)",
    "ap-east-2": "Asia Pacific (Taipei)",
    "ap-northeast-1": "Asia Pacific (Tokyo)",
    "ap-northeast-2": "Asia Pacific (Seoul)",
    "ap-northeast-3": "Asia Pacific (Osaka)",
    "ap-south-1": "Asia Pacific (Mumbai)",
    "ap-south-2": "Asia Pacific (Hyderabad)",
    "ap-southeast-1": "Asia Pacific (Singapore)",
    "ap-southeast-2": "Asia Pacific (Sydney)",
    "ap-southeast-3": "Asia Pacific (Jakarta)",
    "ap-southeast-4": "Asia Pacific (Melbourne)",
    "ap-southeast-5": "Asia Pacific (Malaysia)",
    "ap-southeast-7": "Asia Pacific (Thailand)",
    "ca-central-1": "Canada (Central)",
    "ca-west-1": "Canada West (Calgary)",
    "cn-north-1": "China (Beijing)",
    "cn-northwest-1": "China (Ningxia)",
    "eu-central-1": "Europe (Frankfurt)",
    "eu-central-2": "Europe (Zurich)",
    "eu-north-1": "Europe (Stockholm)",
    "eu-south-1": "Europe (Milan)",
    "eu-south-2": "Europe (Spain)",
    "eu-west-1": "Europe (Ireland)",
    "eu-west-2": "Europe (London)",
    "eu-west-3": "Europe (Paris)",
    "il-central-1": "Israel (Tel Aviv)",
    "me-central-1": "Middle East (UAE)",
    "me-south-1": "Middle East (Bahrain)",
    "mx-central-1": "Mexico (Central)",
    "sa-east-1": "South America (Sao Paulo)",
    "us-east-1": "US East (N. Virginia)",
    "us-east-2": "US East (Ohio)",
    "us-gov-east-1": "AWS GovCloud (US-East)",
    "us-gov-west-1": "AWS GovCloud (US-West)",
    "us-west-1": "US West (N. California)",
    "us-west-2": "US West (Oregon)",
};

const AZ_COUNT: Record<string, number> = { "us-east-1": 6, "us-west-2": 4 };

/** The AZ ID prefix AWS uses for a region: area plus the initials of its direction, plus its number
 * (eu-central-1 -> euc1, ap-southeast-2 -> apse2, us-gov-west-1 -> usgw1). */
export function zoneIdPrefix(region: string): string {
    const parts = region.split("-");
    const num = parts.pop() ?? "";
    const dir = (w: string) =>
        w
            .replace(/^gov$/, "g")
            .replace(/north/g, "n")
            .replace(/south/g, "s")
            .replace(/east/g, "e")
            .replace(/west/g, "w")
            .replace(/central/g, "c");
    return parts[0]! + parts.slice(1).map(dir).join("") + num;
}

export function availabilityZones(region: string): { names: string[]; zoneIds: string[] } {
    const n = AZ_COUNT[region] ?? 3;
    const names: string[] = [];
    const zoneIds: string[] = [];
    for (let i = 0; i < n; i++) {
        names.push(region + String.fromCharCode(97 + i));
        zoneIds.push(`${zoneIdPrefix(region)}-az${i + 1}`);
    }
    return { names, zoneIds };
}

export class InvokeError extends Error {}

function regionOrThrow(token: string, region: string | undefined): string {
    if (!region) throw new InvokeError(`${token}: the provider has no region configured`);
    return region;
}

type Statement = Record<string, unknown>;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const one = (v: string[]): string | string[] => (v.length === 1 ? v[0]! : v);

function principals(v: unknown): Record<string, string | string[]> | string | undefined {
    if (!Array.isArray(v) || v.length === 0) return undefined;
    const out: Record<string, string | string[]> = {};
    for (const p of v as { type?: unknown; identifiers?: unknown }[]) {
        if (typeof p?.type !== "string") continue;
        if (p.type === "*" && list(p.identifiers).join() === "*") return "*";
        const before = out[p.type];
        out[p.type] = one([...(before === undefined ? [] : ([] as string[]).concat(before)), ...list(p.identifiers)]);
    }
    return out;
}

/**
 * aws.iam.getPolicyDocument computes an IAM policy document from its arguments and calls no
 * AWS API: the document is built here the same way (Version, Id, Statement with Sid, Effect,
 * Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition).
 */
function policyDocument(token: string, args: Record<string, unknown>): WireMap {
    if (args.sourcePolicyDocuments !== undefined || args.overridePolicyDocuments !== undefined) {
        throw new InvokeError(`${token}: sourcePolicyDocuments and overridePolicyDocuments are not merged offline`);
    }
    const statements = (Array.isArray(args.statements) ? args.statements : []).map((raw) => {
        const st = raw as Statement;
        const out: Statement = {};
        if (typeof st.sid === "string" && st.sid) out.Sid = st.sid;
        out.Effect = typeof st.effect === "string" ? st.effect : "Allow";
        for (const [from, to] of [
            ["actions", "Action"],
            ["notActions", "NotAction"],
            ["resources", "Resource"],
            ["notResources", "NotResource"],
        ] as const) {
            const v = list(st[from]);
            if (v.length) out[to] = one(v);
        }
        const p = principals(st.principals);
        if (p !== undefined) out.Principal = p;
        const np = principals(st.notPrincipals);
        if (np !== undefined) out.NotPrincipal = np;
        if (Array.isArray(st.conditions) && st.conditions.length) {
            const c: Record<string, Record<string, string | string[]>> = {};
            for (const cond of st.conditions as { test?: unknown; variable?: unknown; values?: unknown }[]) {
                if (typeof cond?.test !== "string" || typeof cond.variable !== "string") continue;
                (c[cond.test] ??= {})[cond.variable] = one(list(cond.values));
            }
            out.Condition = c;
        }
        return out;
    });
    const doc: Record<string, unknown> = { Version: typeof args.version === "string" ? args.version : "2012-10-17" };
    if (typeof args.policyId === "string") doc.Id = args.policyId;
    doc.Statement = statements;
    const json = JSON.stringify(doc, null, 2);
    return { id: String(json.length), json, minifiedJson: JSON.stringify(doc), statements: (args.statements ?? []) as Wire };
}

function str(v: Wire | undefined): string | undefined {
    return typeof v === "string" && v !== "" && v !== UNKNOWN ? v : undefined;
}

function strings(v: Wire | undefined): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

export const DATA_SOURCE_TOKENS = [
    "aws:index/getRegion:getRegion",
    "aws:index/getCallerIdentity:getCallerIdentity",
    "aws:index/getPartition:getPartition",
    "aws:index/getAvailabilityZones:getAvailabilityZones",
    "aws:iam/getPolicyDocument:getPolicyDocument",
    "aws:ec2/getVpc:getVpc",
    "aws:ec2/getSubnets:getSubnets",
    "aws:ec2/getAmi:getAmi",
] as const;

/** Whether invokeAws answers this data source. */
export function answersDataSource(token: string): boolean {
    return (DATA_SOURCE_TOKENS as readonly string[]).includes(token);
}

/**
 * Answers a data-source invoke. `args` are the invoke's arguments and `providerConfig` the
 * provider's configuration, both in wire form (provider config values may be JSON-encoded strings or
 * decoded; only `region` is read). Throws InvokeError for an unknown token or a missing region.
 */
export function invokeAws(token: string, args: WireMap | undefined, providerConfig: WireMap | undefined): WireMap {
    const a = args ?? {};
    const configRegion = str(providerConfig?.region);
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity": {
            const p = partitionOf(configRegion);
            return { accountId: ACCOUNT_ID, arn: `arn:${p.partition}:iam::${ACCOUNT_ID}:user/${CALLER_USER}`, id: ACCOUNT_ID, userId: CALLER_USER_ID };
        }
        case "aws:index/getPartition:getPartition": {
            const p = partitionOf(configRegion);
            return { dnsSuffix: p.dnsSuffix, id: p.partition, partition: p.partition, reverseDnsPrefix: p.reverseDnsPrefix };
        }
        case "aws:index/getRegion:getRegion": {
            const region = str(a.region) ?? str(a.name) ?? configRegion;
            if (!region) throw new InvokeError("getRegion: the provider has no region configured and none was given");
            const p = partitionOf(region);
            const endpoint = `ec2.${region}.${p.dnsSuffix}`;
            const wanted = str(a.endpoint);
            if (wanted && wanted !== endpoint) throw new InvokeError(`getRegion: region ${region} has endpoint ${endpoint}, not ${wanted}`);
            return { description: REGION_DESCRIPTIONS[region] ?? region, endpoint, id: region, name: region, region };
        }
        case "aws:index/getAvailabilityZones:getAvailabilityZones": {
            const region = str(a.region) ?? configRegion;
            if (!region) throw new InvokeError("getAvailabilityZones: the provider has no region configured and none was given");
            const { names, zoneIds } = availabilityZones(region);
            const excludeNames = strings(a.excludeNames);
            const excludeZoneIds = strings(a.excludeZoneIds);
            const state = str(a.state);
            const keep = names
                .map((n, i) => ({ n, z: zoneIds[i]! }))
                .filter((x) => !excludeNames.includes(x.n) && !excludeZoneIds.includes(x.z))
                .filter(() => state === undefined || state === "available")
                .filter((x) => filtersMatch(a.filters, region, x.n, x.z));
            const out: WireMap = {
                groupNames: keep.length ? [region] : [],
                id: region,
                names: keep.map((x) => x.n),
                region,
                zoneIds: keep.map((x) => x.z),
            };
            for (const k of ["allAvailabilityZones", "excludeNames", "excludeZoneIds", "filters", "state"]) if (a[k] !== undefined && a[k] !== null) out[k] = a[k]!;
            return out;
        }
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return policyDocument(token, a);
        // Placeholders the public examples need to run: their IDs place nothing; the region still
        // comes from the provider.
        case "aws:ec2/getVpc:getVpc": {
            const region = regionOrThrow(token, configRegion);
            const id = str(a.id) ?? "vpc-0offline0000000001";
            return {
                id,
                arn: `arn:${partitionOf(region).partition}:ec2:${region}:${ACCOUNT_ID}:vpc/${id}`,
                cidrBlock: str(a.cidrBlock) ?? "172.31.0.0/16",
                default: a.default ?? true,
                state: "available",
                ownerId: ACCOUNT_ID,
                region,
                tags: a.tags ?? {},
            };
        }
        case "aws:ec2/getSubnets:getSubnets": {
            const region = regionOrThrow(token, configRegion);
            const out: WireMap = { id: region, ids: ["a", "b", "c"].map((z) => `subnet-0offline00000000${z}`) };
            if (a.filters !== undefined) out.filters = a.filters;
            if (a.tags !== undefined) out.tags = a.tags;
            return out;
        }
        case "aws:ec2/getAmi:getAmi": {
            const region = regionOrThrow(token, configRegion);
            const id = "ami-0offline000000001";
            return {
                id,
                imageId: id,
                arn: `arn:${partitionOf(region).partition}:ec2:${region}::image/${id}`,
                architecture: "x86_64",
                name: "offline-placeholder-image",
                ownerId: list(a.owners)[0] ?? ACCOUNT_ID,
                rootDeviceName: "/dev/xvda",
                state: "available",
                mostRecent: a.mostRecent ?? false,
                owners: a.owners ?? [],
                filters: a.filters ?? [],
            };
        }
        default:
            throw new InvokeError(`unrecognized data function (Invoke): ${token}`);
    }
}

/** EC2 DescribeAvailabilityZones filters this answer understands: zone-name, zone-id, region-name,
 * state, zone-type, opt-in-status (with * and ? wildcards). Other filter names match nothing. */
function filtersMatch(filters: Wire | undefined, region: string, name: string, zoneId: string): boolean {
    if (!Array.isArray(filters)) return true;
    const fields: Record<string, string> = {
        "zone-name": name,
        "zone-id": zoneId,
        "region-name": region,
        state: "available",
        "zone-type": "availability-zone",
        "opt-in-status": "opt-in-not-required",
        "group-name": region,
    };
    return filters.every((f) => {
        if (!isObject(f) || typeof f.name !== "string") return true;
        const have = fields[f.name];
        if (have === undefined) return false;
        return strings(f.values).some((pattern) => wildcard(pattern).test(have));
    });
}

function wildcard(pattern: string): RegExp {
    const re = pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".");
    return new RegExp(`^${re}$`);
}
