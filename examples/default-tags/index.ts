import * as aws from "@pulumi/aws";

// No tags here: the stack config gives every resource of the default aws provider the tags
// user-data=personal and data-subjects=RU,KZ (aws:defaultTags).
export const queue = new aws.sqs.Queue("signups", { messageRetentionSeconds: 86400 }).url;
export const table = new aws.dynamodb.Table("profiles", {
    attributes: [{ name: "id", type: "S" }],
    hashKey: "id",
    billingMode: "PAY_PER_REQUEST",
}).name;
