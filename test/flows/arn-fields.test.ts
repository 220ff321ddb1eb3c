// Each field of an ARN is checked on its own, whole (not just a prefix or a suffix), and the
// reason a flow destination is not an ARN is given word for word.
import { describe, expect, it } from "vitest";
import { arnName, looksLikeArn, MAX_ARN_LENGTH, parseArn, s3BucketName } from "../../policypack/src/flows/arn";

const reason = (input: unknown) => {
    const p = parseArn(input);
    return p.ok ? "ok" : p.reason;
};
const name = (input: string) => {
    const p = parseArn(input);
    return p.ok ? arnName(p.arn) : `not an ARN: ${p.reason}`;
};

describe("ARN fields", () => {
    it("partition", () => {
        expect(reason("arn:xaws:s3:::b")).toBe('its partition "xaws" is not an AWS partition (aws, aws-cn, aws-us-gov, ...)');
        expect(reason("arn:awsx:s3:::b")).toBe('its partition "awsx" is not an AWS partition (aws, aws-cn, aws-us-gov, ...)');
        expect(reason("arn:aws-1:s3:::b")).toBe('its partition "aws-1" is not an AWS partition (aws, aws-cn, aws-us-gov, ...)');
        expect(reason("arn:aws-:s3:::b")).toBe('its partition "aws-" is not an AWS partition (aws, aws-cn, aws-us-gov, ...)');
        expect(reason("arn:aws-iso-b:s3:::b")).toBe("ok");
    });

    it("service", () => {
        expect(reason("arn:aws:-s3:::b")).toBe('its service "-s3" is not a service name');
        expect(reason("arn:aws:s3_x:::b")).toBe('its service "s3_x" is not a service name');
        expect(reason("arn:aws:x:::b")).toBe("ok");
        expect(reason("arn:aws:execute-api.v2:eu-west-1:123456789012:b")).toBe("ok");
    });

    it("region", () => {
        for (const r of ["eu-west", "eu-west-1x", "e-west-1", "xeu-west-1", "eu--1", "EU-west-1", "ru-central", "ru1-", "kz", "1"])
            expect(reason(`arn:aws:sqs:${r}:123456789012:q`), r).toBe(`its region ${JSON.stringify(r)} is not a region name`);
        for (const r of ["eu-west-12", "us-gov-west-1", "ap-southeast-3", "ru-central1", "kz1", "ru-1"]) expect(reason(`arn:aws:sqs:${r}:123456789012:q`), r).toBe("ok");
    });

    it("account", () => {
        for (const a of ["12345678901", "1234567890123", "awsx", "x123456789012", "12345678901x"])
            expect(reason(`arn:aws:sqs:eu-west-1:${a}:q`), a).toBe(`its account ${JSON.stringify(a)} is not a 12-digit account id`);
        expect(reason("arn:aws:sqs:eu-west-1:aws:q")).toBe("ok");
    });

    it("long fields are cut to 40 characters in the reason", () => {
        const long = "x".repeat(100);
        expect(reason(`arn:aws:sqs:${long}:123456789012:q`)).toBe(`its region ${JSON.stringify("x".repeat(40))} is not a region name`);
        expect(reason(`arn:${long}:s3:::b`)).toBe(`its partition ${JSON.stringify("x".repeat(40))} is not an AWS partition (aws, aws-cn, aws-us-gov, ...)`);
        expect(reason(`arn:aws:-${long}:::b`)).toBe(`its service ${JSON.stringify(`-${"x".repeat(39)}`)} is not a service name`);
        expect(reason(`arn:aws:sqs:eu-west-1:${long}:q`)).toBe(`its account ${JSON.stringify("x".repeat(40))} is not a 12-digit account id`);
    });

    it("length, prefix, fields and resource", () => {
        const exactly = `arn:aws:s3:::${"b".repeat(MAX_ARN_LENGTH - "arn:aws:s3:::".length)}`;
        expect(reason(exactly)).toBe("ok");
        expect(reason(`${exactly}b`)).toBe("it is longer than 2048 characters");
        expect(reason(null)).toBe("it is not a string");
        expect(reason(" arn")).toBe('it does not start with "arn:"');
        expect(reason("arn:aws:s3:::")).toBe("its resource part is empty");
        expect(reason("arn:aws:s3::")).toBe("it has fewer than six colon-separated fields");
        expect(looksLikeArn("arn:aws:s3:::b")).toBe(true);
        expect(looksLikeArn(" arn:aws:s3:::b")).toBe(false);
        expect(looksLikeArn("ARN:aws:s3:::b")).toBe(false);
    });
});

describe("the name an ARN's resource is known by", () => {
    it("typed resources: the first segment after the type", () => {
        expect(name("arn:aws:dynamodb:eu-west-1:123456789012:table/users/stream/x")).toBe("users");
        expect(name("arn:aws:logs:eu-west-1:123456789012:log-group:app:*")).toBe("app");
        expect(name("arn:aws:dynamodb:eu-west-1:123456789012:table/")).toBeUndefined();
        expect(name("arn:aws:dynamodb:eu-west-1:123456789012:table")).toBe("table");
        expect(name("arn:aws:kinesis:eu-west-1:123456789012:stream/clicks")).toBe("clicks");
    });

    it("an untyped service keeps its whole resource part", () => {
        expect(name("arn:aws:sqs:eu-west-1:123456789012:jobs/x")).toBe("jobs/x");
    });

    it("S3: the bucket, only for an ARN without region or account", () => {
        const arn = (text: string) => {
            const p = parseArn(text);
            if (!p.ok) throw new Error(p.reason);
            return p.arn;
        };
        expect(s3BucketName(arn("arn:aws:s3:::b/k/x.csv"))).toBe("b");
        expect(s3BucketName(arn("arn:aws:s3:eu-west-1::b"))).toBeUndefined();
        expect(s3BucketName(arn("arn:aws:s3::123456789012:b"))).toBeUndefined();
        expect(s3BucketName(arn("arn:aws:s3:::/k"))).toBeUndefined();
        expect(s3BucketName(arn("arn:aws:sqs:::b"))).toBeUndefined();
        expect(arnName(arn("arn:aws:s3:::/k"))).toBe("/k");
        expect(arnName(arn("arn:aws:s3:::b/k"))).toBe("b");
    });
});
