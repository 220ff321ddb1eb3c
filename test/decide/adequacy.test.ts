// Whether a destination country counts as adequate, and the words that say why.
import { describe, expect, it } from "vitest";
import { adequacyEntries, adequacyOf } from "../../policypack/src/decide/adequacy";

const CHECK = (code: string) =>
    `once your lawyer has checked it against Roskomnadzor's current list (Roskomnadzor Order No. 128 of 2022-08-05 as amended, or its successor), add ${code} to adequateCountries`;

describe("adequacyOf", () => {
    it("a country the config lists is adequate, and says the user checked it", () => {
        expect(adequacyOf("DE", ["FR", "DE"])).toEqual({ adequate: true, why: "the pack config adequateCountries lists Germany (DE), as checked by you against Roskomnadzor's list" });
    });

    it("a Convention 108 party in the pack's data is not adequate on that alone, and the data's source is named", () => {
        const de = adequacyEntries().find((e) => e.country === "DE")!;
        expect(de.basis).toBe("convention-108");
        expect(adequacyOf("DE", ["FR"])).toEqual({
            adequate: false,
            why: `Germany (DE) is not shown to be adequate: the pack's adequacy data has it only as unverified (named as a party to Council of Europe Convention 108 by ${de.source}), and the pack applies no listing it could not confirm; ${CHECK("DE")}`,
        });
    });

    it("a country named for Roskomnadzor's list in the data is not adequate on that alone either", () => {
        const e = adequacyEntries().find((x) => x.basis === "rkn-order-128")!;
        expect(adequacyOf(e.country, []).why).toContain(`only as unverified (named as a state on Roskomnadzor's list by ${e.source})`);
        expect(adequacyOf(e.country, []).adequate).toBe(false);
    });

    it("a country the data does not have", () => {
        expect(adequacyOf("US", [])).toEqual({
            adequate: false,
            why: `United States of America (US) is not shown to be adequate: it is not in the pack's adequacy data, and the pack applies no listing it could not confirm; ${CHECK("US")}`,
        });
    });

    it("no entry of the data is verified yet (verifying one makes the verified branch live: test it then)", () => {
        expect(adequacyEntries().filter((e) => e.status === "verified")).toEqual([]);
    });
});
