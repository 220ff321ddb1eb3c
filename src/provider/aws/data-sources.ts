// Answers for the @pulumi/aws data sources that programs call most, offline: derived from the
// provider's region the way AWS answers them, with a placeholder account. Programs run under
// mocks get these instead of their own inputs back.
//
// A minimal version on this branch; the shared implementation replaces it at merge, with the
// same signature.

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
        default:
            return undefined;
    }
}
