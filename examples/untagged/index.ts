import * as aws from "@pulumi/aws";

// Nothing is classified: the localization policy has nothing to block, and the classification
// policy asks for user-data tags on the storage resources (advisory).
const assets = new aws.s3.Bucket("assets");
const jobs = new aws.sqs.Queue("jobs");
const role = new aws.iam.Role("worker", {
    assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
});
export const names = [assets.bucket, jobs.name, role.name];
