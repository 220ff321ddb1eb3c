// One way to read a string property: a whitespace-only value is absent everywhere, so a blank
// resource region falls back to the provider's, as the resolvers of the other clouds do.
import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { DEFAULT_LOCATION_SETTINGS } from "../../policypack/src/locate/location";
import { readString } from "../../policypack/src/locate/read";

const bucket = (region: string) => ({
    type: "aws:s3/bucket:Bucket",
    name: "b",
    urn: "urn:b",
    props: { region },
    provider: { type: "pulumi:providers:aws", name: "p", urn: "urn:p", props: { region: "eu-central-1" } },
});

describe("a string property read once", () => {
    it("is absent when blank", () => {
        expect(["", "   ", "\t\n"].map(readString)).toEqual([{ kind: "absent" }, { kind: "absent" }, { kind: "absent" }]);
        expect(readString(" eu-central-1 ")).toEqual({ kind: "value", value: "eu-central-1" });
    });
    it("makes a blank AWS resource region fall back to the provider's region", () => {
        const l = locate(bucket("   "), DEFAULT_LOCATION_SETTINGS);
        expect([l.inRussia, l.country, l.region]).toEqual(["no", "DE", "eu-central-1"]);
        expect(l.how).toContain("the provider's region");
        expect(l.how).not.toContain("not an AWS region");
    });
});
