import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { settings, UNKNOWN, view } from "./helpers";

const s = settings();
const account = "azure-native:storage:StorageAccount";

describe("azure-native / azure: no region in Russia, located for reports", () => {
    it("germanywestcentral is Germany", () => {
        const l = locate(view(account, { location: "germanywestcentral", resourceGroupName: "rg" }), s);
        expect([l.inRussia, l.country, l.region]).toEqual(["no", "DE", "germanywestcentral"]);
        expect(l.how).toContain("Microsoft Azure has no region in Russia");
    });
    it("the display spelling works too", () => {
        expect(locate(view(account, { location: "Germany West Central" }), s).country).toBe("DE");
    });
    it("classic azure", () => {
        expect(locate(view("azure:storage/account:Account", { location: "westeurope" }), s).country).toBe("NL");
    });
    it("a resource that inherits its resource group's location is not Russia, and says why", () => {
        const l = locate(view("azure-native:sql:Database", { resourceGroupName: "rg", serverName: "s" }), s);
        expect(l.inRussia).toBe("no");
        expect(l.how).toContain("it takes its resource group's location, which a resource policy is not given");
    });
    it("the provider's location is used for resource groups only", () => {
        expect(locate(view("azure-native:resources:ResourceGroup", {}, { location: "northeurope" }), s).country).toBe("IE");
        expect(locate(view(account, {}, { location: "northeurope" }), s).country).toBeUndefined();
    });
    it("an unknown location is still not Russia", () => {
        expect(locate(view(account, { location: UNKNOWN }), s).inRussia).toBe("no");
    });
});
