import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

// A component does not store anything itself; the bucket inside it does, and is checked.
class CustomerArchive extends pulumi.ComponentResource {
    readonly bucketName: pulumi.Output<string>;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("acme:storage:CustomerArchive", name, {}, opts);
        const bucket = new aws.s3.Bucket(`${name}-objects`, { tags: { "user-data": "personal", "data-subjects": "*" } }, { parent: this });
        this.bucketName = bucket.bucket;
        this.registerOutputs({ bucketName: this.bucketName });
    }
}

export const archive = new CustomerArchive("archive").bucketName;
