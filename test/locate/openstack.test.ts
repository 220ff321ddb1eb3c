import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { settings, UNKNOWN, view } from "./helpers";

const volume = "openstack:blockstorage/volume:Volume";
const container = "openstack:objectstorage/container:Container";
const s = settings();
const VK_MSK = "https://infra.mail.ru:35357/v3/";
const VK_KZ = "https://kz.infra.mail.ru:35357/v3/";
const SELECTEL = "https://cloud.api.selcloud.ru/identity/v3";

describe("openstack: VK Cloud, by identity endpoint", () => {
    it("Moscow identity endpoint is Russia", () => {
        const l = locate(view(volume, { size: 10, availabilityZone: "MS1" }, { authUrl: VK_MSK, region: "RegionOne" }), s);
        expect([l.inRussia, l.country]).toEqual(["yes", "RU"]);
        expect(l.how).toContain('host "infra.mail.ru"');
    });
    it("Kazakhstan identity endpoint is not Russia", () => {
        const l = locate(view(volume, {}, { authUrl: VK_KZ, region: "kz" }), s);
        expect([l.inRussia, l.country]).toEqual(["no", "KZ"]);
    });
    it("a Kazakhstan region with the Moscow endpoint contradicts it", () => {
        const l = locate(view(volume, { region: "kz" }, { authUrl: VK_MSK }), s);
        expect([l.inRussia, l.country]).toEqual(["no", "KZ"]);
        expect(l.how).toContain("contradict");
    });
    it("a Kazakhstan zone with the Moscow endpoint contradicts it", () => {
        expect(locate(view(volume, { availabilityZone: "QAZ" }, { authUrl: VK_MSK }), s).inRussia).toBe("no");
    });
    it("an unknown region on the Moscow installation stays in it", () => {
        expect(locate(view(volume, { region: UNKNOWN }, { authUrl: VK_MSK }), s).inRussia).toBe("yes");
    });
});

describe("openstack: Selectel, one identity endpoint for every pool", () => {
    it("pool ru-1 is Russia", () => {
        const l = locate(view(container, {}, { authUrl: SELECTEL, region: "ru-1" }), s);
        expect([l.inRussia, l.country, l.region]).toEqual(["yes", "RU", "ru-1"]);
        expect(l.how).toContain("on Selectel");
    });
    it("the resource's region wins over the provider's", () => {
        expect(locate(view(container, { region: "uz-1" }, { authUrl: SELECTEL, region: "ru-1" }), s).country).toBe("UZ");
    });
    it("uz-1 (Tashkent) is not Russia", () => {
        const l = locate(view(volume, {}, { authUrl: SELECTEL, region: "uz-1" }), s);
        expect([l.inRussia, l.country]).toEqual(["no", "UZ"]);
    });
    it("a pool with no verified country (ru-2) is unknown", () => {
        const l = locate(view(volume, {}, { authUrl: SELECTEL, region: "ru-2" }), s);
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toContain("no verified country");
    });
    it("no region is unknown", () => {
        expect(locate(view(volume, {}, { authUrl: SELECTEL }), s).how).toContain("set openstack:region");
    });
    it("an unknown region is unknown", () => {
        expect(locate(view(volume, {}, { authUrl: SELECTEL, region: UNKNOWN }), s).how).toContain("the provider's region is not known yet");
    });
});

describe("openstack: a region alone means nothing", () => {
    it("RegionOne on an unknown installation is unknown", () => {
        const l = locate(view(volume, {}, { authUrl: "https://keystone.example.com:5000/v3", region: "RegionOne" }), s);
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toContain("not in the pack's catalogue");
    });
    it("ru-1 on an unknown installation is unknown", () => {
        expect(locate(view(volume, {}, { authUrl: "https://keystone.example.com/v3", region: "ru-1" }), s).inRussia).toBe("unknown");
    });
    it("no authUrl is unknown", () => {
        const l = locate(view(volume, { region: "ru-1" }, { region: "ru-1" }), s);
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toContain("set openstack:authUrl");
    });
    it("an unknown authUrl is unknown", () => {
        expect(locate(view(volume, {}, { authUrl: UNKNOWN }), s).how).toBe("the provider's authUrl is not known yet");
    });
    it("endpointCountries can place a private installation", () => {
        const v = view(volume, {}, { authUrl: "https://keystone.dc1.example.ru:5000/v3", region: "RegionOne" });
        const l = locate(v, settings({ endpointCountries: { "*.example.ru": "RU" } }));
        expect([l.inRussia, l.country]).toEqual(["yes", "RU"]);
    });
});
