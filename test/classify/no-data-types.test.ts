// Issue class 6: resources that hold no data are skipped; storage is enforced; anything else fails closed, saying why.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import noDataTypes from "../../policypack/data/no-data-types.json";
import awsServices from "../../policypack/data/aws-services.json";
import awsTypes from "../../src/provider/aws/types.json";
import { knownNoData, storageTypes } from "../../policypack/src/classify/storage";
import { noDataType } from "../../policypack/src/decide/localization";
import { FLOW_EXTRACTORS } from "../../policypack/src/flows/flows";
import { CLASSIFICATION, LOCALIZATION, outcomes, runAll } from "../helpers/policies";

const AWS_TYPES = Object.keys(awsTypes.resources);
const PERSONAL_RU = { "user-data": "personal", "data-subjects": "RU" };
const tagged = { props: { region: "eu-central-1", defaultTags: JSON.stringify({ tags: PERSONAL_RU }) } };

describe("policypack/data/no-data-types.json", () => {
    it("every aws pattern names types of @pulumi/aws 7.48.0, and every entry says why and where from", () => {
        for (const t of noDataTypes.types) {
            expect(t.why.length, t.pattern).toBeGreaterThan(3);
            expect(t.source.length, t.pattern).toBeGreaterThan(10);
            if (!t.pattern.startsWith("aws:")) continue;
            if (t.pattern.endsWith("/*"))
                expect(
                    AWS_TYPES.some((x) => x.startsWith(t.pattern.slice(0, -1))),
                    t.pattern,
                ).toBe(true);
            else expect(AWS_TYPES, t.pattern).toContain(t.pattern);
        }
    });

    it("no storage type and no type that creates a data flow is ever skipped", () => {
        for (const t of [...storageTypes(), ...Object.keys(FLOW_EXTRACTORS)]) expect(noDataType(t), t).toBeUndefined();
        // The module patterns do cover some such types; the precedence is what keeps them judged.
        expect(knownNoData("aws:iam/role:Role")).toBeDefined();
    });
});

describe("a stack classified by the provider's defaultTags", () => {
    const skipped = AWS_TYPES.filter((t) => noDataType(t) !== undefined);
    const storage = awsServices.storageTypes.map((t) => t.type);

    it("names only resources that hold data (property over every skipped and every storage type)", async () => {
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...skipped), async (type) => {
                expect(outcomes(await runAll({ type, name: "r", props: {}, provider: tagged }))).toEqual([]);
            }),
            { seed: 6, numRuns: Math.min(skipped.length, 120) },
        );
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...storage), async (type) => {
                const found = outcomes(await runAll({ type, name: "r", props: {}, provider: tagged })).filter(([p]) => p === LOCALIZATION);
                expect(found).toEqual([[LOCALIZATION, "mandatory"]]);
            }),
            { seed: 6, numRuns: 60 },
        );
    });

    it("the issue's stack: VPC, subnet, IAM role and bucket policy give nothing; the bucket is blocked", async () => {
        for (const type of [
            "aws:ec2/vpc:Vpc",
            "aws:ec2/subnet:Subnet",
            "aws:iam/role:Role",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        ]) {
            expect(outcomes(await runAll({ type, name: "r", props: {}, provider: tagged })), type).toEqual([]);
        }
        const bucket = await runAll({ type: "aws:s3/bucket:Bucket", name: "b", props: {}, provider: tagged });
        expect(outcomes(bucket)).toEqual([[LOCALIZATION, "mandatory"]]);
        expect(bucket[0]!.message).not.toContain("Holds data:");
        expect(outcomes(await runAll({ type: "aws:iam/role:Role", name: "r", props: {}, provider: { props: { region: "eu-central-1" } } })).filter(([p]) => p === CLASSIFICATION)).toEqual([]);
    });
});
