import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { settings, UNKNOWN, view } from "./helpers";

const s = settings();

describe("gcp / google-native: no region in Russia, located for reports", () => {
    it("a bucket in the EU multi-region", () => {
        const l = locate(view("gcp:storage/bucket:Bucket", { location: "EU", labels: { "user-data": "personal" } }), s);
        expect(l.inRussia).toBe("no");
        expect(l.country).toBeUndefined();
        expect(l.how).toContain('the resource\'s location is "EU"');
        expect(l.how).toContain("Google Cloud has no region in Russia");
    });
    it("a bucket in europe-west3 is Germany", () => {
        const l = locate(view("gcp:storage/bucket:Bucket", { location: "EUROPE-WEST3" }), s);
        expect([l.inRussia, l.country, l.region]).toEqual(["no", "DE", "europe-west3"]);
    });
    it("a Cloud SQL instance by region", () => {
        expect(locate(view("gcp:sql/databaseInstance:DatabaseInstance", { region: "europe-west1" }), s).country).toBe("BE");
    });
    it("a disk by zone maps to its region", () => {
        expect(locate(view("gcp:compute/disk:Disk", { zone: "europe-north1-b" }), s).country).toBe("FI");
    });
    it("Bigtable clusters[].zone", () => {
        expect(locate(view("gcp:bigtable/instance:Instance", { clusters: [{ clusterId: "c", zone: "asia-northeast1-a" }] }), s).country).toBe("JP");
    });
    it("Spanner config regional-<region>", () => {
        expect(locate(view("gcp:spanner/instance:Instance", { config: "regional-europe-west1" }), s).country).toBe("BE");
    });
    it("Firestore locationId", () => {
        expect(locate(view("gcp:firestore/database:Database", { locationId: "europe-west3" }), s).country).toBe("DE");
    });
    it("the provider's region (gcp:region) when the resource names none", () => {
        const l = locate(view("gcp:pubsub/topic:Topic", {}, { region: "us-central1" }), s);
        expect([l.inRussia, l.country]).toEqual(["no", "US"]);
        expect(l.how).toContain("the provider's region");
    });
    it("nothing anywhere is still not Russia", () => {
        const l = locate(view("gcp:pubsub/topic:Topic", {}, {}), s);
        expect(l.inRussia).toBe("no");
        expect(l.how).toContain("neither the resource nor its provider names a location");
    });
    it("an unknown location is still not Russia", () => {
        const l = locate(view("gcp:storage/bucket:Bucket", { location: UNKNOWN }), s);
        expect(l.inRussia).toBe("no");
        expect(l.how).toContain("is not known yet");
    });
    it("a location the catalogue does not list is not Russia", () => {
        expect(locate(view("gcp:storage/bucket:Bucket", { location: "moon-base1" }), s).inRussia).toBe("no");
    });
    it("google-native uses the same resolver", () => {
        expect(locate(view("google-native:storage/v1:Bucket", { location: "europe-west4" }), s).country).toBe("NL");
    });
});
