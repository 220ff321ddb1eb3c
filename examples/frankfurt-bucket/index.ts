import * as aws from "@pulumi/aws";

// The default aws provider, configured by aws:region in Pulumi.dev.yaml: Frankfurt.
export const bucket = new aws.s3.Bucket("customers", {
    tags: { "user-data": "personal", "data-subjects": "RU" },
}).bucket;
