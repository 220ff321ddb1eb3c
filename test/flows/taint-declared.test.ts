import { describe, expect, it } from "vitest";
import { computeTaint } from "../../policypack/src/flows/taint";
import { adequacyEntries, adequacyOf } from "../../policypack/src/decide/adequacy";
import { decide, outcome, PERSONAL_RU, Place, settings, Spec, stack, UNKNOWN, urn } from "./helpers";

const S3 = "aws:s3/bucket:Bucket";
const REPL = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const bucket = (name: string, place: Place, tags?: Record<string, string>): Spec => ({ type: S3, name, props: { bucket: name, ...(tags ? { tags } : {}) }, place });
const repl = (name: string, from: string, to: string): Spec => ({ type: REPL, name, props: { bucket: from, rules: [{ destination: { bucket: `arn:aws:s3:::${to}` } }] } });

describe("taint", () => {
    it("propagates through a chain A → B → C, naming the original store and the last flow", () => {
        const resources = stack([bucket("a", "ru", PERSONAL_RU), bucket("b", "ru"), bucket("c", "ru"), repl("ab", "a", "b"), repl("bc", "b", "c")]);
        const taint = computeTaint(resources, settings());
        expect([...taint.entries()].sort()).toEqual([
            [urn(S3, "b"), { from: urn(S3, "a"), via: urn(REPL, "ab"), status: "yes" }],
            [urn(S3, "c"), { from: urn(S3, "a"), via: urn(REPL, "bc"), status: "yes" }],
        ]);
    });
    it("overrides the destination's own tags", () => {
        const resources = stack([bucket("a", "ru", PERSONAL_RU), bucket("b", "ru", { "user-data": "none" }), repl("ab", "a", "b")]);
        expect(computeTaint(resources, settings()).get(urn(S3, "b"))?.status).toBe("yes");
    });
    it("does not taint from a store without personal data, and ends at cycles", () => {
        const none = stack([bucket("a", "ru", { "user-data": "none" }), bucket("b", "ru"), repl("ab", "a", "b")]);
        expect(computeTaint(none, settings()).size).toBe(0);
        const cycle = stack([bucket("a", "ru", PERSONAL_RU), bucket("b", "ru"), repl("ab", "a", "b"), repl("ba", "b", "a")]);
        expect([...computeTaint(cycle, settings()).keys()]).toEqual([urn(S3, "b")]);
    });
    it("marks what an unclassifiable store feeds as unknown", () => {
        const resources = stack([bucket("a", "ru", { "user-data": UNKNOWN }), bucket("b", "ru"), repl("ab", "a", "b")]);
        expect(computeTaint(resources, settings()).get(urn(S3, "b"))?.status).toBe("unknown");
    });
    it("reports every hop of a chain that leaves Russia, and the stores abroad", () => {
        const found = decide([bucket("a", "ru", PERSONAL_RU), bucket("b", "abroad"), bucket("c", "abroad"), repl("ab", "a", "b"), repl("bc", "b", "c")]);
        expect(outcome(found)).toEqual([
            [urn(S3, "b"), false],
            [urn(S3, "c"), false],
            [urn(REPL, "ab"), false],
            [urn(REPL, "bc"), false],
        ]);
        expect(found.find((f) => f.urn === urn(REPL, "bc"))!.message).toContain(`receives them from ${S3} "a" through ${REPL} "ab"`);
    });
    it("reports a hop from a copy in Russia to abroad, even two flows away from the tagged store", () => {
        const found = decide([bucket("a", "ru", PERSONAL_RU), bucket("b", "ru"), bucket("c", "abroad"), repl("ab", "a", "b"), repl("bc", "b", "c")]);
        expect(outcome(found)).toEqual([
            [urn(S3, "c"), false],
            [urn(REPL, "bc"), false],
        ]);
    });
    it("does not report a store the localization policy already reports (its own tags say personal)", () => {
        const found = decide([bucket("a", "ru", PERSONAL_RU), bucket("b", "abroad", PERSONAL_RU), repl("ab", "a", "b")]);
        expect(outcome(found)).toEqual([[urn(REPL, "ab"), false]]);
    });
});

describe("declared transfers", () => {
    const notified = { ...PERSONAL_RU, "cross-border-transfer": "77-22-012345" };
    const table = (name: string, place: Place, tags?: Record<string, string>): Spec => ({
        type: "aws:dynamodb/table:Table",
        name,
        props: { name, arn: `arn:aws:dynamodb:ru-central1:123456789012:table/${name}`, ...(tags ? { tags } : {}) },
        place,
    });
    const replica = (place: Place, tags?: Record<string, string>, region?: string): Spec => ({
        type: "aws:dynamodb/tableReplica:TableReplica",
        name: "rep",
        props: { globalTableArn: "arn:aws:dynamodb:ru-central1:123456789012:table/t", ...(region ? { region } : {}), ...(tags ? { tags } : {}) },
        place,
    });
    const REP = urn("aws:dynamodb/tableReplica:TableReplica", "rep");
    const declared = { transfers: "declared" };

    it("is strict by default: a notified copy is still a violation", () => {
        expect(outcome(decide([table("t", "ru", PERSONAL_RU), replica("abroad", { "cross-border-transfer": "77-22-012345" })]))).toEqual([[REP, false]]);
    });
    it("allows a tagged copy from Russia to an adequate country (Germany)", () => {
        expect(decide([table("t", "ru", PERSONAL_RU), replica("abroad", { "cross-border-transfer": "77-22-012345" })], declared)).toEqual([]);
    });
    it("names the missing tag", () => {
        const [f] = decide([table("t", "ru", PERSONAL_RU), replica("abroad")], declared);
        expect(f!.urn).toBe(REP);
        expect(f!.message).toContain('has no tag "cross-border-transfer"');
    });
    it("rejects an empty tag and an unknown one", () => {
        expect(decide([table("t", "ru", PERSONAL_RU), replica("abroad", { "cross-border-transfer": " " })], declared)[0]!.message).toContain("is empty");
        expect(decide([table("t", "ru", PERSONAL_RU), replica("abroad", { "cross-border-transfer": UNKNOWN })], declared)[0]!.message).toContain("is not known yet");
    });
    it("requires the source store to be in Russia", () => {
        const [f] = decide([table("t", "abroad", PERSONAL_RU), replica("abroad", { "cross-border-transfer": "77-22-012345" }, "eu-west-1")], declared);
        expect(f!.message).toContain("a declared transfer must copy from a primary store in Russia");
    });
    it("requires allowNonAdequate for a country not on the list, and then allows it", () => {
        const tags = { "cross-border-transfer": "77-22-012345" };
        const us = [table("t", "ru", PERSONAL_RU), replica("abroad", tags, "us-east-1")];
        const [f] = decide(us, declared);
        expect(f!.message).toContain("United States of America (US) is neither a Convention 108 party nor on Roskomnadzor's list");
        expect(decide(us, { ...declared, allowNonAdequate: true })).toEqual([]);
    });
    it("does not apply an unverified adequacy entry until the config confirms it", () => {
        const tags = { "cross-border-transfer": "77-22-012345" };
        const jp = [table("t", "ru", PERSONAL_RU), replica("abroad", tags, "ap-northeast-1")];
        expect(decide(jp, declared)[0]!.message).toContain("unverified");
        expect(decide(jp, { ...declared, adequateCountries: ["JP"] })).toEqual([]);
    });
    it("cannot check adequacy when the destination's country is unknown", () => {
        const [f] = decide([table("t", "ru", PERSONAL_RU), replica("unknown", { "cross-border-transfer": "77-22-012345" })], declared);
        expect(f!.downgrade).toBe(true);
        expect(f!.message).toContain("the destination's country is not known");
    });
    it("reads the tag from the source store when the flow resource cannot carry tags", () => {
        const specs: Spec[] = [{ ...bucket("a", "ru", notified) }, bucket("b", "abroad"), repl("ab", "a", "b")];
        expect(decide(specs, declared)).toEqual([]);
    });
    it("rejects bad config values by name", () => {
        expect(() => settings({ transfers: "maybe" })).toThrow('transfers must be "forbid" or "declared"');
        expect(() => settings({ adequateCountries: ["Narnia"] })).toThrow("adequateCountries contains");
        expect(() => settings({ allowNonAdequate: "yes" })).toThrow("allowNonAdequate must be true or false");
    });
});

describe("adequacy data", () => {
    it("has a source and a status for every entry, one entry per country, and never Russia", () => {
        const seen = new Set<string>();
        for (const e of adequacyEntries()) {
            expect(e.source).toMatch(/^https?:\/\//);
            expect(["verified", "unverified"]).toContain(e.status);
            expect(["convention-108", "rkn-order-128"]).toContain(e.basis);
            expect(seen.has(e.country)).toBe(false);
            expect(e.country).not.toBe("RU");
            seen.add(e.country);
        }
    });
    it("treats verified entries and configured countries as adequate", () => {
        expect(adequacyOf("DE", []).adequate).toBe(true);
        expect(adequacyOf("KZ", []).adequate).toBe(true);
        expect(adequacyOf("US", []).adequate).toBe(false);
        expect(adequacyOf("US", ["US"]).adequate).toBe(true);
    });
});
