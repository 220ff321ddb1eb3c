// Amazon Resource Names: arn:partition:service:region:account-id:resource. Total: any input gets
// an answer, never an exception.
//
// The resource part may itself contain ":" (arn:aws:logs:eu-west-1:1:log-group:app:*) and "/"
// (arn:aws:dynamodb:eu-west-1:1:table/users/stream/2024...), so only the first five colons
// separate fields. S3 bucket and object ARNs have an empty region and account
// (arn:aws:s3:::bucket/key): a bucket's region is not in its ARN.

export interface Arn {
    partition: string;
    service: string;
    /** Empty for global resources and for S3 buckets. */
    region: string;
    /** Empty for S3 buckets. */
    account: string;
    /** Everything after the fifth colon, as written. */
    resource: string;
    /** The resource type, where the resource part has one: "table" for "table/users", "log-group" for "log-group:app". */
    resourceType?: string;
    /** The resource id after the type: "users" for "table/users"; the whole resource part when there is no type. */
    resourceId: string;
}

export type ArnParse = { ok: true; arn: Arn } | { ok: false; reason: string };

const PARTITION = /^aws(-[a-z]+)*$/;
const SERVICE = /^[a-z0-9][a-z0-9-.]*$/;
// AWS's eu-central-1, and the AWS-compatible Russian clouds' own names, which an ARN of a store
// there carries: Yandex Cloud ru-central1 and kz1, Selectel ru-1 (data/locations.json).
const REGION = /^[a-z]{2}(-[a-z]+)*-?\d+$/;
const ACCOUNT = /^(\d{12}|aws)$/;
/** ARNs are at most 2048 characters in AWS's APIs; anything longer is not one. */
export const MAX_ARN_LENGTH = 2048;

// Resource types that use "/" or ":" to separate type and id, by service. Others: the whole
// resource part is the id (e.g. S3 "bucket/key" is a bucket name followed by a key).
const TYPED_SERVICES: ReadonlySet<string> = new Set([
    "dynamodb",
    "rds",
    "backup",
    "ec2",
    "elasticfilesystem",
    "elasticache",
    "firehose",
    "kinesis",
    "logs",
    "dms",
    "datasync",
    "es",
    "aoss",
    "glue",
    "lambda",
    "kafka",
    "redshift",
    "kms",
    "iam",
    "sns",
]);

export function looksLikeArn(text: string): boolean {
    return text.startsWith("arn:");
}

export function parseArn(input: unknown): ArnParse {
    if (typeof input !== "string") return { ok: false, reason: "it is not a string" };
    const text = input.trim();
    if (text.length > MAX_ARN_LENGTH) return { ok: false, reason: `it is longer than ${MAX_ARN_LENGTH} characters` };
    if (!text.startsWith("arn:")) return { ok: false, reason: 'it does not start with "arn:"' };
    const parts: string[] = [];
    let rest = text;
    for (let i = 0; i < 5; i++) {
        const at = rest.indexOf(":");
        if (at < 0) return { ok: false, reason: "it has fewer than six colon-separated fields" };
        parts.push(rest.slice(0, at));
        rest = rest.slice(at + 1);
    }
    const [, partition = "", service = "", region = "", account = ""] = parts;
    if (!PARTITION.test(partition)) return { ok: false, reason: `its partition ${JSON.stringify(partition.slice(0, 40))} is not an AWS partition (aws, aws-cn, aws-us-gov, ...)` };
    if (!SERVICE.test(service)) return { ok: false, reason: `its service ${JSON.stringify(service.slice(0, 40))} is not a service name` };
    if (region !== "" && !REGION.test(region)) return { ok: false, reason: `its region ${JSON.stringify(region.slice(0, 40))} is not a region name` };
    if (account !== "" && !ACCOUNT.test(account)) return { ok: false, reason: `its account ${JSON.stringify(account.slice(0, 40))} is not a 12-digit account id` };
    if (rest === "") return { ok: false, reason: "its resource part is empty" };
    let resourceType: string | undefined;
    let resourceId = rest;
    if (TYPED_SERVICES.has(service)) {
        const m = /^([A-Za-z0-9-]+)[/:](.*)$/.exec(rest);
        if (m) {
            resourceType = m[1];
            resourceId = m[2] ?? "";
        }
    }
    return { ok: true, arn: { partition, service, region, account, resource: rest, resourceType, resourceId } };
}

/** The bucket name of an S3 ARN (arn:aws:s3:::name or arn:aws:s3:::name/key), or undefined. */
export function s3BucketName(arn: Arn): string | undefined {
    if (arn.service !== "s3" || arn.region !== "" || arn.account !== "") return undefined;
    const name = arn.resource.split("/")[0] ?? "";
    return name === "" ? undefined : name;
}

/**
 * The name a resource is known by in other resources' properties, from its ARN: the bucket of an
 * S3 ARN, the first segment after the type otherwise ("users" for table/users/stream/x, "app" for
 * log-group:app:*).
 */
export function arnName(arn: Arn): string | undefined {
    const bucket = s3BucketName(arn);
    if (bucket) return bucket;
    if (arn.resourceType === undefined) return arn.resourceId || undefined;
    const id = arn.resourceId.split(/[/:]/)[0] ?? "";
    return id === "" ? undefined : id;
}
