// Country codes as users write them in config: any case, alpha-2 or alpha-3, with stray spaces.
import { describe, expect, it } from "vitest";
import { countryCode, countryName } from "../../policypack/src/countries";
import { readSettings } from "../../policypack/src/decide/config";

describe("country codes in config", () => {
    it("reads a code with spaces around it, in either case and either form", () => {
        expect(countryCode(" ru ")).toBe("RU");
        expect(countryCode("\tdeu\n")).toBe("DE");
        expect(countryCode("R U")).toBeUndefined();
    });

    it("accepts an endpointCountries value with spaces around it, as the code it names", () => {
        const read = readSettings({ endpointCountries: { "*.example.ru": " ru ", "*.example.de": "DEU " } }, "2026-01-01");
        expect(read.errors).toEqual([]);
        expect(read.settings.endpointCountries).toEqual({ "*.example.ru": "RU", "*.example.de": "DE" });
    });

    it("names Russia as Russia, and an unlisted code as given", () => {
        expect(countryName("RU")).toBe("Russia (RU)");
        expect(countryName("DE")).toBe("Germany (DE)");
        expect(countryName("XZ")).toBe("XZ");
    });
});
