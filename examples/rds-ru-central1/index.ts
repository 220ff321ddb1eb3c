import * as aws from "@pulumi/aws";

// A region name is not a location: with no Russian endpoint for RDS, this goes to AWS.
export const db = new aws.rds.Instance("accounts", {
    engine: "postgres",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    username: "app",
    manageMasterUserPassword: true,
    tags: { "user-data": "personal, special", "data-subjects": "RU" },
}).endpoint;
