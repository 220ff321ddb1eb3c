import * as fs from "node:fs";
import * as path from "node:path";
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
    // The evidence a declared transfer carries (152-FZ Art. 12(3)): the cross-border notification's
    // identifier and filing date. The test settings read the config on 2026-01-01.
    const evidence = { "cross-border-transfer": "CBT-2025-000123", "cross-border-transfer-date": "2025-11-20" };
    const notified = { ...PERSONAL_RU, ...evidence };
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
    const germany = { ...declared, adequateCountries: ["DE"] };

    it("is strict by default: a notified copy is still a violation", () => {
        expect(outcome(decide([table("t", "ru", PERSONAL_RU), replica("abroad", evidence)]))).toEqual([[REP, false]]);
    });
    it("allows a notified copy from Russia to a country the config confirms as adequate (Germany)", () => {
        expect(decide([table("t", "ru", PERSONAL_RU), replica("abroad", evidence)], germany)).toEqual([]);
    });
    it("does not treat Germany as adequate on the pack's own data: Convention membership is not confirmed as a listing", () => {
        const [f] = decide([table("t", "ru", PERSONAL_RU), replica("abroad", evidence)], declared);
        expect(f!.message).toContain(
            "Germany (DE) is not shown to be adequate: the pack's adequacy data has it only as unverified (named as a party to Council of Europe Convention 108 by https://inview.nl/document/iddf2c47d40cdbac5fd651677064594204), and the pack applies no listing it could not confirm; once your lawyer has checked it against Roskomnadzor's current list (Roskomnadzor Order No. 128 of 2022-08-05 as amended, or its successor), add DE to adequateCountries; a transfer to a country not shown to be adequate also needs allowNonAdequate: true",
        );
    });
    it("names the missing tags", () => {
        const [f] = decide([table("t", "ru", PERSONAL_RU), replica("abroad")], germany);
        expect(f!.urn).toBe(REP);
        expect(f!.message).toContain(
            `aws:dynamodb/tableReplica:TableReplica "rep" has no tag "cross-border-transfer" with the identifier of the cross-border notification to Roskomnadzor (152-FZ Art. 12(3); an operator-register number under 152-FZ Art. 22 is a different filing)`,
        );
        expect(f!.message).toContain(`aws:dynamodb/tableReplica:TableReplica "rep" has no tag "cross-border-transfer-date" with the date (YYYY-MM-DD) the cross-border notification was filed`);
    });
    it("asks for the filing date as well as the identifier", () => {
        const [f] = decide([table("t", "ru", PERSONAL_RU), replica("abroad", { "cross-border-transfer": "CBT-2025-000123" })], germany);
        expect(f!.message).toContain(`has no tag "cross-border-transfer-date"`);
        expect(f!.message).not.toContain(`has no tag "cross-border-transfer" `);
    });
    it("rejects a date that is not a date, or that lies in the future", () => {
        const bad = (date: string) => decide([table("t", "ru", PERSONAL_RU), replica("abroad", { ...evidence, "cross-border-transfer-date": date })], germany)[0]!.message;
        expect(bad("2025-02-30")).toContain(`the tag "cross-border-transfer-date" on aws:dynamodb/tableReplica:TableReplica "rep" is "2025-02-30", not a date (YYYY-MM-DD)`);
        expect(bad("20.11.2025")).toContain(`is "20.11.2025", not a date (YYYY-MM-DD)`);
        expect(bad("2026-01-02")).toContain(`is "2026-01-02", after today (2026-01-01); the notification must be filed before the transfer starts`);
    });
    it("rejects an empty tag and an unknown one", () => {
        expect(decide([table("t", "ru", PERSONAL_RU), replica("abroad", { ...evidence, "cross-border-transfer": " " })], germany)[0]!.message).toContain("is empty");
        expect(decide([table("t", "ru", PERSONAL_RU), replica("abroad", { ...evidence, "cross-border-transfer": UNKNOWN })], germany)[0]!.message).toContain("is not known yet");
        expect(decide([table("t", "ru", PERSONAL_RU), replica("abroad", { ...evidence, "cross-border-transfer-date": UNKNOWN })], germany)[0]!.message).toContain(
            `the tag "cross-border-transfer-date" on aws:dynamodb/tableReplica:TableReplica "rep" is not known yet`,
        );
    });
    it("requires the source store to be in Russia", () => {
        const [f] = decide([table("t", "abroad", PERSONAL_RU), replica("abroad", evidence, "eu-west-1")], { ...declared, adequateCountries: ["IE"] });
        expect(f!.message).toContain("a declared transfer must copy from a primary store in Russia");
    });
    it("requires allowNonAdequate for a country not shown to be adequate, and then the review period", () => {
        const us = [table("t", "ru", PERSONAL_RU), replica("abroad", evidence, "us-east-1")];
        const [f] = decide(us, declared);
        expect(f!.message).toContain(
            "United States of America (US) is not shown to be adequate: it is not in the pack's adequacy data, and the pack applies no listing it could not confirm; once your lawyer has checked it against Roskomnadzor's current list (Roskomnadzor Order No. 128 of 2022-08-05 as amended, or its successor), add US to adequateCountries; a transfer to a country not shown to be adequate also needs allowNonAdequate: true",
        );
        // Filed 2025-11-20, 42 calendar days before 2026-01-01: the review period is over.
        expect(decide(us, { ...declared, allowNonAdequate: true })).toEqual([]);
        const recent = [table("t", "ru", PERSONAL_RU), replica("abroad", { ...evidence, "cross-border-transfer-date": "2025-12-15" }, "us-east-1")];
        expect(decide(recent, { ...declared, allowNonAdequate: true })[0]!.message).toContain(
            "the cross-border notification was filed on 2025-12-15, 17 calendar days ago; a transfer to a country not shown to be adequate must wait out Roskomnadzor's review period (152-FZ Art. 12: 10 working days), which the pack counts as 30 calendar days (policypack/data/law.json reading-review-period)",
        );
        // 30 calendar days is enough; an adequate destination does not wait.
        const thirty = [table("t", "ru", PERSONAL_RU), replica("abroad", { ...evidence, "cross-border-transfer-date": "2025-12-02" }, "us-east-1")];
        expect(decide(thirty, { ...declared, allowNonAdequate: true })).toEqual([]);
        expect(decide(recent, { ...declared, adequateCountries: ["US"] })).toEqual([]);
    });
    it("does not apply an unverified adequacy entry until the config confirms it", () => {
        const jp = [table("t", "ru", PERSONAL_RU), replica("abroad", evidence, "ap-northeast-1")];
        expect(decide(jp, declared)[0]!.message).toContain("Japan (JP) is not shown to be adequate: the pack's adequacy data has it only as unverified");
        expect(decide(jp, { ...declared, adequateCountries: ["JP"] })).toEqual([]);
    });
    it("cannot check adequacy when the destination's country is unknown", () => {
        const [f] = decide([table("t", "ru", PERSONAL_RU), replica("unknown", evidence)], germany);
        expect(f!.downgrade).toBe(true);
        expect(f!.message).toContain("the destination's country is not known");
    });
    it("reads the tags from the source store when the flow resource cannot carry tags", () => {
        const specs: Spec[] = [{ ...bucket("a", "ru", notified) }, bucket("b", "abroad"), repl("ab", "a", "b")];
        expect(decide(specs, germany)).toEqual([]);
    });
    it("rejects bad config values by name", () => {
        expect(() => settings({ transfers: "maybe" })).toThrow('transfers must be "forbid" or "declared"');
        expect(() => settings({ adequateCountries: ["Narnia"] })).toThrow("adequateCountries contains");
        expect(() => settings({ allowNonAdequate: "yes" })).toThrow("allowNonAdequate must be true or false");
    });
});

describe("adequacy data", () => {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, "../../policypack/data/adequacy.json"), "utf8")) as {
        order: { versions: { id: string; date: string; officialSource: string; textRead: boolean }[] };
        entries: { source: string; retrieved: string; statusReason?: string }[];
    };
    it("has a source, a retrieval date and a status for every entry, one entry per country, and never Russia", () => {
        const seen = new Set<string>();
        for (const e of adequacyEntries()) {
            expect(e.source.length).toBeGreaterThan(0);
            expect(e.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(["verified", "unverified"]).toContain(e.status);
            expect(["convention-108", "rkn-order-128"]).toContain(e.basis);
            expect(seen.has(e.country)).toBe(false);
            expect(e.country).not.toBe("RU");
            seen.add(e.country);
        }
    });
    it("marks an entry verified only on the official text of an order version it has read; otherwise says why not", () => {
        const read = data.order.versions.filter((v) => v.textRead);
        for (const e of adequacyEntries()) {
            if (e.status === "verified") expect(read.some((v) => e.source.startsWith(v.officialSource))).toBe(true);
            else expect(e.statusReason?.length).toBeGreaterThan(10);
        }
        // Today no version's text could be read, so nothing is verified.
        expect(read).toEqual([]);
        expect(adequacyEntries().filter((e) => e.status === "verified")).toEqual([]);
        expect(data.order.versions.map((v) => `${v.id} ${v.date}`)).toEqual(["rkn-order-128 2022-08-05"]);
    });
    it("applies no country on its own data: only the config's adequateCountries counts", () => {
        expect(adequacyOf("DE", []).adequate).toBe(false);
        expect(adequacyOf("KZ", []).adequate).toBe(false);
        expect(adequacyOf("US", []).adequate).toBe(false);
        expect(adequacyOf("US", ["US"])).toEqual({ adequate: true, why: "the pack config adequateCountries lists United States of America (US), as checked by you against Roskomnadzor's list" });
    });
});
