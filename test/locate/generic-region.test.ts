import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { settings, view } from "./helpers";

const s = settings();

describe("alicloud, oci, digitalocean, hcloud: no region in Russia", () => {
    it("alicloud by the provider's region", () => {
        const l = locate(view("alicloud:oss/bucket:Bucket", {}, { region: "eu-central-1" }), s);
        expect([l.inRussia, l.country]).toEqual(["no", "DE"]);
    });
    it("alicloud by zone", () => {
        expect(locate(view("alicloud:rds/instance:Instance", { zoneId: "cn-hangzhou-h" }), s).country).toBe("CN");
    });
    it("oci by the provider's region", () => {
        expect(locate(view("oci:ObjectStorage/bucket:Bucket", {}, { region: "us-ashburn-1" }), s).country).toBe("US");
    });
    it("digitalocean by region", () => {
        expect(locate(view("digitalocean:index/spacesBucket:SpacesBucket", { region: "fra1" }), s).country).toBe("DE");
    });
    it("hcloud by location or datacenter", () => {
        expect(locate(view("hcloud:index/volume:Volume", { location: "hel1" }), s).country).toBe("FI");
        expect(locate(view("hcloud:index/server:Server", { datacenter: "fsn1-dc14" }), s).country).toBe("DE");
    });
    it("no region is still not Russia", () => {
        expect(locate(view("digitalocean:index/volume:Volume", {}), s).inRussia).toBe("no");
    });
});
