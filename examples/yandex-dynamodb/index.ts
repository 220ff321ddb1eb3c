import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

// YDB's Document API is DynamoDB-compatible; its endpoint names the folder and database.
const config = new pulumi.Config();
const ydb = new aws.Provider("ydb", {
    region: "ru-central1" as aws.Region,
    endpoints: [{ dynamodb: config.require("documentApiEndpoint") }],
    skipCredentialsValidation: true,
    skipRegionValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: true,
});

export const table = new aws.dynamodb.Table(
    "sessions",
    {
        attributes: [{ name: "session_id", type: "S" }],
        hashKey: "session_id",
        billingMode: "PAY_PER_REQUEST",
        tags: { "user-data": "personal", "data-subjects": "RU" },
    },
    { provider: ydb },
).name;
