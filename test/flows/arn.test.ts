import { describe, expect, it } from "vitest";
import { arnName, parseArn, s3BucketName } from "../../policypack/src/flows/arn";

describe("parseArn", () => {
    it("reads the five fields and a typed resource", () => {
        expect(parseArn("arn:aws:dynamodb:eu-west-1:123456789012:table/users")).toEqual({
            ok: true,
            arn: { partition: "aws", service: "dynamodb", region: "eu-west-1", account: "123456789012", resource: "table/users", resourceType: "table", resourceId: "users" },
        });
    });
    it("keeps colons and slashes inside the resource part", () => {
        const p = parseArn("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/app:*");
        expect(p.ok && p.arn.resource).toBe("log-group:/aws/app:*");
        expect(p.ok && p.arn.resourceType).toBe("log-group");
        expect(p.ok && p.arn.resourceId).toBe("/aws/app:*");
        const s = parseArn("arn:aws:dynamodb:eu-west-1:123456789012:table/users/stream/2024-01-01T00:00:00.000");
        expect(s.ok && arnName(s.arn)).toBe("users");
    });
    it("reads S3 ARNs, which have no region or account", () => {
        const p = parseArn("arn:aws:s3:::customers-eu/some/key.csv");
        expect(p.ok && p.arn.region).toBe("");
        expect(p.ok && p.arn.account).toBe("");
        expect(p.ok && s3BucketName(p.arn)).toBe("customers-eu");
        expect(p.ok && arnName(p.arn)).toBe("customers-eu");
    });
    it("reads other partitions", () => {
        const cn = parseArn("arn:aws-cn:s3:::b");
        expect(cn.ok && cn.arn.partition).toBe("aws-cn");
        const gov = parseArn("arn:aws-us-gov:backup:us-gov-west-1:123456789012:backup-vault:dr");
        expect(gov.ok && gov.arn.region).toBe("us-gov-west-1");
        expect(gov.ok && gov.arn.resourceId).toBe("dr");
    });
    it("reads the account alias 'aws' of AWS-managed resources", () => {
        const p = parseArn("arn:aws:iam::aws:policy/AdministratorAccess");
        expect(p.ok && p.arn.account).toBe("aws");
    });
    it("trims surrounding spaces", () => {
        expect(parseArn("  arn:aws:kinesis:eu-central-1:123456789012:stream/clicks \n").ok).toBe(true);
    });
    it.each([
        [undefined, "not a string"],
        [42, "not a string"],
        ["", 'does not start with "arn:"'],
        ["ARN:aws:s3:::b", 'does not start with "arn:"'],
        ["yrn:yc:ymq:ru-central1:b1g:queue", 'does not start with "arn:"'],
        ["arn:aws:s3", "fewer than six"],
        ["arn:aws:s3:::", "resource part is empty"],
        ["arn:azure:s3:::b", "not an AWS partition"],
        ["arn::s3:::b", "not an AWS partition"],
        ["arn:aws::eu-west-1:1:x", "not a service name"],
        ["arn:aws:S3:::b", "not a service name"],
        ["arn:aws:dynamodb:Frankfurt:123456789012:table/x", "not a region name"],
        ["arn:aws:dynamodb:eu-west-1:12345:table/x", "not a 12-digit account id"],
        ["arn:aws:s3:::" + "b".repeat(3000), "longer than 2048"],
    ])("rejects %j (%s)", (input, reason) => {
        const p = parseArn(input);
        expect(p.ok).toBe(false);
        if (!p.ok) expect(p.reason).toContain(reason);
    });
    it("treats an untyped resource part as the id", () => {
        const p = parseArn("arn:aws:sqs:eu-west-1:123456789012:queue-name");
        expect(p.ok && p.arn.resourceType).toBeUndefined();
        expect(p.ok && arnName(p.arn)).toBe("queue-name");
    });
});
