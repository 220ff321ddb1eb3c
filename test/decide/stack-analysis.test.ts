// analyseStack, the one analysis the reports read: which resources it lists, and for each store
// the classification (localization policy's settings) and the location (the cross-border policy's
// for a store that holds the data only because a flow brings them, else the localization policy's).
import { describe, expect, it } from "vitest";
import { readSettings } from "../../policypack/src/decide/config";
import { analyseStack } from "../../policypack/src/decide/stack-analysis";
import type { StackResource } from "../../policypack/src/flows/stack";
import { PERSONAL_RU, settings, stack, urn } from "../flows/helpers";

const S3 = "aws:s3/bucket:Bucket";
const REPL = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const bucket = (name: string, tags?: Record<string, string>) => ({ type: S3, name, props: { bucket: name, arn: `arn:aws:s3:::${name}`, ...(tags ? { tags } : {}) } });

/** src (tagged) replicates to dst (untagged) and dst2 (tagged); lone has no flow; all behind the provider the cross-border settings place in Russia. */
const resources = stack([
    bucket("src", PERSONAL_RU),
    bucket("dst"),
    bucket("dst2", PERSONAL_RU),
    bucket("lone"),
    { type: REPL, name: "repl", props: { bucket: "src", rules: [{ destination: { bucket: "arn:aws:s3:::dst" } }, { destination: { bucket: "arn:aws:s3:::dst2" } }] } },
]);
const [src, dst, dst2, lone] = resources as [StackResource, StackResource, StackResource, StackResource];
const stackResource: StackResource = { type: "pulumi:pulumi:Stack", name: "t-t", urn: "urn:pulumi:t::t::pulumi:pulumi:Stack::t-t", props: {}, dependencies: [], propertyDependencies: {} };
const unmanaged: StackResource = { type: S3, name: "unmanaged", urn: urn(S3, "unmanaged"), props: {}, dependencies: [], propertyDependencies: {} };

/** The localization policy is given no endpointCountries, so it cannot place cloud.example.ru; the cross-border policy places it in Russia. */
const localization = readSettings({}, "2026-01-01").settings;
const analysis = () => analyseStack([...resources, stackResource, unmanaged], { localization, crossBorder: settings() });
const UNPLACED = 'the provider\'s endpoint for "s3" is host "cloud.example.ru", a host that is not in the pack\'s catalogue; if you know where it is, add it to endpointCountries';
const unplaced = { inRussia: "unknown", how: UNPLACED, unknowns: [UNPLACED] };
const placed = {
    inRussia: "yes",
    country: "RU",
    how: 'the provider\'s endpoint for "s3" is host "cloud.example.ru", which the pack config endpointCountries["*.example.ru"] places in Russia (RU)',
    unknowns: [],
};

describe("analyseStack", () => {
    it("lists the resources a provider manages, in the order given, without the stack or unmanaged ones", () => {
        expect(analysis().resources.map((r) => r.name)).toEqual(["src", "dst", "dst2", "lone", "repl"]);
    });

    it("a store that receives the data and is not tagged as holding them: located as the cross-border policy located the flow's end", () => {
        const f = analysis().store(dst);
        expect(f.classification.russianPersonalData).toBe("no");
        expect(f.location).toEqual(placed);
        expect(f.received).toEqual({ status: "yes", own: false, from: src.urn, via: urn(REPL, "repl"), previous: src.urn });
    });

    it("a store that receives the data but is tagged as holding them: located with the localization policy's settings", () => {
        const f = analysis().store(dst2);
        expect(f.classification.russianPersonalData).toBe("yes");
        expect(f.location).toEqual(unplaced);
        expect(f.received?.own).toBe(false);
    });

    it("a store that holds the data by its own tags, or none at all: its own location, and nothing received", () => {
        const a = analysis();
        for (const r of [src, lone]) {
            const f = a.store(r);
            expect(Object.keys(f).sort(), r.name).toEqual(["classification", "location", "resource"]);
            expect(f.resource).toBe(r);
            expect(f.location, r.name).toEqual(unplaced);
        }
        expect(a.store(src).classification.russianPersonalData).toBe("yes");
    });

    it("computes each store's facts once", () => {
        const a = analysis();
        expect(a.store(dst)).toBe(a.store(dst));
    });

    it("carries the cross-border analysis: both copies stay in Russia", () => {
        expect(analysis().crossBorder.flows.map((f) => [f.outcome, f.fromLocation?.inRussia, f.toLocation.inRussia])).toEqual([
            ["stays-in-russia", "yes", "yes"],
            ["stays-in-russia", "yes", "yes"],
        ]);
    });
});
