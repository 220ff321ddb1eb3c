// Answers for the @pulumi/aws data sources that programs call most, offline: derived from the
// provider's region the way AWS answers them, with a placeholder account. Programs run under
// mocks get these instead of their own inputs back.
//
// A minimal version on this branch; the shared implementation replaces it at merge, with the
// same signature. Beyond the four region-derived answers it has getPolicyDocument (a pure
// function of its arguments) and placeholders for getVpc, getSubnets and getAmi, which the
// public examples call: their IDs place nothing, the region still comes from the provider.

/** The AWS account the offline answers use (the documentation's example account). */
export const OFFLINE_ACCOUNT_ID = "123456789012";

function partitionOf(region: string): { partition: string; dnsSuffix: string; reverseDnsPrefix: string } {
    if (region.startsWith("cn-")) return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" };
    if (region.startsWith("us-gov-")) return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
    return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
}

function regionOf(token: string, args: Record<string, unknown>, providerConfig: Record<string, unknown>): string {
    for (const v of [args.region, args.name, providerConfig.region]) if (typeof v === "string" && v !== "") return v;
    throw new Error(`${token}: no region to answer it from (set aws:region in the stack config, or region on the provider)`);
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
function policyDocument(token: string, args: Record<string, unknown>): Record<string, unknown> {
    if (args.sourcePolicyDocuments !== undefined || args.overridePolicyDocuments !== undefined) {
        throw new Error(`${token}: sourcePolicyDocuments and overridePolicyDocuments are not merged offline`);
    }
    const statements = (Array.isArray(args.statements) ? args.statements : []).map((raw) => {
        const st = raw as Statement;
        const out: Statement = {};
        if (typeof st.sid === "string" && st.sid) out.Sid = st.sid;
        out.Effect = typeof st.effect === "string" ? st.effect : "Allow";
        for (const [from, to] of [["actions", "Action"], ["notActions", "NotAction"], ["resources", "Resource"], ["notResources", "NotResource"]] as const) {
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
    return { id: String(json.length), json, minifiedJson: JSON.stringify(doc), statements: args.statements ?? [] };
}

/**
 * The result of the data source `token` called with `args` on a provider configured with
 * `providerConfig` (its inputs: region, ...), or undefined for a data source this does not know.
 */
export function invokeAws(token: string, args: Record<string, unknown>, providerConfig: Record<string, unknown>): Record<string, unknown> | undefined {
    switch (token) {
        case "aws:index/getRegion:getRegion": {
            const region = regionOf(token, args, providerConfig);
            return { id: region, name: region, region, description: "", endpoint: `ec2.${region}.${partitionOf(region).dnsSuffix}` };
        }
        case "aws:index/getPartition:getPartition": {
            const region = regionOf(token, {}, providerConfig);
            const p = partitionOf(region);
            return { id: p.partition, ...p };
        }
        case "aws:index/getCallerIdentity:getCallerIdentity": {
            const region = regionOf(token, {}, providerConfig);
            const arn = `arn:${partitionOf(region).partition}:iam::${OFFLINE_ACCOUNT_ID}:user/offline`;
            return { id: OFFLINE_ACCOUNT_ID, accountId: OFFLINE_ACCOUNT_ID, arn, userId: "AIDAOFFLINEEXAMPLE" };
        }
        case "aws:index/getAvailabilityZones:getAvailabilityZones": {
            const region = regionOf(token, args, providerConfig);
            const names = ["a", "b", "c"].map((s) => `${region}${s}`);
            return { id: region, names, zoneIds: names.map((_, i) => `${region}-az${i + 1}`), groupNames: [region], state: args.state ?? "available" };
        }
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return policyDocument(token, args);
        case "aws:ec2/getVpc:getVpc": {
            // A VPC of the account, in the region: the default VPC's documented CIDR block.
            const region = regionOf(token, {}, providerConfig);
            const id = typeof args.id === "string" ? args.id : "vpc-0offline0000000001";
            return { id, arn: `arn:${partitionOf(region).partition}:ec2:${region}:${OFFLINE_ACCOUNT_ID}:vpc/${id}`, cidrBlock: typeof args.cidrBlock === "string" ? args.cidrBlock : "172.31.0.0/16", default: args.default ?? true, state: "available", ownerId: OFFLINE_ACCOUNT_ID, region, tags: args.tags ?? {} };
        }
        case "aws:ec2/getSubnets:getSubnets": {
            const region = regionOf(token, {}, providerConfig);
            return { id: region, ids: ["a", "b", "c"].map((z) => `subnet-0offline00000000${z}`), filters: args.filters, tags: args.tags };
        }
        case "aws:ec2/getAmi:getAmi": {
            const region = regionOf(token, {}, providerConfig);
            const id = "ami-0offline000000001";
            return { id, imageId: id, arn: `arn:${partitionOf(region).partition}:ec2:${region}::image/${id}`, architecture: "x86_64", name: "offline-placeholder-image", ownerId: list(args.owners)[0] ?? OFFLINE_ACCOUNT_ID, rootDeviceName: "/dev/xvda", state: "available", mostRecent: args.mostRecent ?? false, owners: args.owners ?? [], filters: args.filters };
        }
        default:
            return undefined;
    }
}
