import * as aws from "@pulumi/aws";

// Russian citizens' data abroad, exempted for a migration window by policy-config.json.
export const bucket = new aws.s3.Bucket("legacy-export", {
    tags: { "user-data": "personal", "data-subjects": "RU" },
}).bucket;
