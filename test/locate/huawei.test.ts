import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { settings, UNKNOWN, view } from "./helpers";

const obs = "cloudru:Obs/bucket:Bucket";
const rds = "cloudru:Rds/instance:Instance";
const s = settings();

describe("cloudru / sbercloud: Cloud.ru Advanced", () => {
    it("ru-moscow-1 is Russia", () => {
        const l = locate(view(obs, { bucket: "b" }, { region: "ru-moscow-1" }), s);
        expect([l.inRussia, l.country, l.region]).toEqual(["yes", "RU", "ru-moscow-1"]);
    });
    it("the resource's own region wins", () => {
        expect(locate(view(obs, { region: "ru-moscow-1" }, {}), s).inRussia).toBe("yes");
    });
    it("availability zones map to their region", () => {
        expect(locate(view(rds, { region: "ru-moscow-1", availabilityZones: ["ru-moscow-1a", "ru-moscow-1b"] }), s).inRussia).toBe("yes");
    });
    it("a region Cloud.ru does not have is unknown", () => {
        expect(locate(view(obs, { region: "eu-west-101" }), s).inRussia).toBe("unknown");
    });
    it("the Cloud.ru identity endpoint passes", () => {
        expect(locate(view(obs, {}, { region: "ru-moscow-1", authUrl: "https://iam.ru-moscow-1.hc.sbercloud.ru/v3" }), s).inRussia).toBe("yes");
    });
    it("an identity endpoint the pack does not know is unknown", () => {
        expect(locate(view(obs, {}, { region: "ru-moscow-1", authUrl: "https://iam.example.com/v3" }), s).inRussia).toBe("unknown");
    });
    it("no region is unknown", () => {
        expect(locate(view(obs, {}, {}), s).how).toContain("set cloudru:region");
    });
    it("an unknown region is unknown", () => {
        expect(locate(view(obs, { region: UNKNOWN }, {}), s).inRussia).toBe("unknown");
    });
    it("the sbercloud package is the same cloud", () => {
        expect(locate(view("sbercloud:index/obsBucket:ObsBucket", {}, { region: "ru-moscow-1" }), s).inRussia).toBe("yes");
    });
});

describe("huaweicloud", () => {
    const bucket = "huaweicloud:Obs/bucket:Bucket";
    it("a Huawei Cloud region elsewhere is not Russia", () => {
        const l = locate(view(bucket, { region: "eu-west-101" }), s);
        expect([l.inRussia, l.country]).toEqual(["no", "IE"]);
    });
    it("ru-northwest-2 has no verified country: unknown, never guessed", () => {
        const l = locate(view(bucket, {}, { region: "ru-northwest-2" }), s);
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toContain("no verified country");
    });
    it("ru-moscow-1 is not a public Huawei Cloud region: unknown", () => {
        expect(locate(view(bucket, {}, { region: "ru-moscow-1" }), s).inRussia).toBe("unknown");
    });
    it("but a huaweicloud provider pointed at Cloud.ru's identity endpoint is still judged on Huawei's catalogue (unknown)", () => {
        expect(locate(view(bucket, {}, { region: "ru-moscow-1", authUrl: "https://iam.ru-moscow-1.hc.sbercloud.ru/v3" }), s).inRussia).toBe("unknown");
    });
    it("another installation through cloud is unknown", () => {
        const l = locate(view(bucket, {}, { region: "eu-west-101", cloud: "example-cloud.com" }), s);
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toContain('the provider\'s cloud is "example-cloud.com"');
    });
});
