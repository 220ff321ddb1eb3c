// Which resources an exemption covers, and which globs are refused as covering everything.
import { describe, expect, it } from "vitest";
import { broadInStack, findExemption, isBroadGlob, readExemptions, refusedBroadExemptions, stackAndProject } from "../../policypack/src/decide/exemptions";

const TODAY = "2026-11-23";
const URN = "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::legacy-export";
const list = (...resources: string[]) =>
    readExemptions(
        resources.map((resource) => ({ resource, reason: "r", expires: "2030-01-01" })),
        true,
        TODAY,
    ).exemptions;

describe("isBroadGlob", () => {
    it("a glob matching every name (though no URN) is broad, and so is one matching every URN", () => {
        expect(isBroadGlob("[!u]*")).toBe(true);
        expect(isBroadGlob("urn:**")).toBe(true);
        expect(isBroadGlob("*e*")).toBe(true);
        expect(isBroadGlob("*x*")).toBe(false);
    });

    it("a plain name or URN is never broad", () => {
        expect(isBroadGlob("q")).toBe(false);
        expect(isBroadGlob(URN)).toBe(false);
    });

    it("refused in the config unless allowBroadExemptions, and the error names it", () => {
        expect(readExemptions([{ resource: " [!u]* ", reason: "r", expires: "2030-01-01" }], false, TODAY)).toEqual({
            exemptions: [],
            errors: ['exemptions[0].resource "[!u]*" matches every resource; name the resources, or set allowBroadExemptions to true'],
        });
    });
});

describe("findExemption", () => {
    it("an exact URN or name, without globbing", () => {
        expect(findExemption(list(URN), URN, "legacy-export")?.resource).toBe(URN);
        expect(findExemption(list("legacy-export"), URN, "legacy-export")?.resource).toBe("legacy-export");
        expect(findExemption(list("legacy"), URN, "legacy-export")).toBeUndefined();
        expect(findExemption(list("legacy-export"), URN, "other")).toBeUndefined();
    });

    it("a glob on the name or on the URN", () => {
        expect(findExemption(list("legacy-?xport"), URN, "legacy-export")?.index).toBe(0);
        expect(findExemption(list("urn:pulumi:prod::shop::aws:s3/*::legacy-export"), URN, "legacy-export")?.index).toBe(0);
        expect(findExemption(list("legacy-*"), "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::x", "x")).toBeUndefined();
    });

    it("the first that matches, in config order", () => {
        expect(findExemption(list("other", "legacy-*", "legacy-export"), URN, "legacy-export")?.index).toBe(1);
    });

    it("a glob that covers the whole stack is skipped unless allowBroad, in favour of a later one", () => {
        const es = list("urn:pulumi:prod::shop::*", "legacy-export");
        expect(findExemption(es, URN, "legacy-export")?.index).toBe(1);
        expect(findExemption(es, URN, "legacy-export", true)?.index).toBe(0);
        expect(findExemption(list("urn:pulumi:prod::shop::*"), URN, "legacy-export")).toBeUndefined();
    });
});

describe("refusedBroadExemptions", () => {
    it("names each refused exemption, and none when broad ones are allowed or expired", () => {
        const es = list("urn:pulumi:prod::shop::*", "legacy-export", "*shop*");
        expect(refusedBroadExemptions(es, URN, "legacy-export", false)).toEqual([
            'Exemption exemptions[0].resource "urn:pulumi:prod::shop::*" is refused: it matches every resource of stack "prod" of project "shop", which turns the policy off for them without naming them; name the resources, or set allowBroadExemptions to true.',
            'Exemption exemptions[2].resource "*shop*" is refused: it matches every resource of project "shop", in every stack, which turns the policy off for them without naming them; name the resources, or set allowBroadExemptions to true.',
        ]);
        expect(refusedBroadExemptions(es, URN, "legacy-export", true)).toEqual([]);
        const expired = readExemptions([{ resource: "urn:pulumi:prod::shop::*", reason: "r", expires: "2020-01-01" }], false, TODAY).exemptions;
        expect(refusedBroadExemptions(expired, URN, "legacy-export", false)).toEqual([]);
        expect(refusedBroadExemptions(list("urn:pulumi:dev::shop::*"), URN, "legacy-export", false)).toEqual([]);
    });
});

describe("broadInStack", () => {
    it("reads stack and project from a URN, and nothing from anything else", () => {
        expect(stackAndProject(URN)).toEqual({ stack: "prod", project: "shop" });
        expect(stackAndProject("legacy-export")).toBeUndefined();
        expect(broadInStack("*", "legacy-export")).toBeUndefined();
        expect(broadInStack("legacy-export", URN)).toBeUndefined();
    });

    it("the same answer when asked again", () => {
        expect(broadInStack("urn:pulumi:prod::**", URN)).toBe('every resource of every project\'s stack "prod"');
        expect(broadInStack("urn:pulumi:prod::**", URN)).toBe('every resource of every project\'s stack "prod"');
        expect(broadInStack("urn:pulumi:prod::**", "urn:pulumi:dev::shop::aws:s3/bucket:Bucket::x")).toBeUndefined();
    });
});

describe("globs that match only some of the probes are not broad", () => {
    it("all URNs, or all names, must match", () => {
        expect(isBroadGlob("urn:pulumi:other::*")).toBe(false);
        expect(isBroadGlob("q*")).toBe(false);
    });

    it("no exemptions configured, or null, is no error; an exemption with an empty resource is not kept", () => {
        expect(readExemptions(null, false, TODAY)).toEqual({ exemptions: [], errors: [] });
        expect(readExemptions(undefined, false, TODAY)).toEqual({ exemptions: [], errors: [] });
        expect(readExemptions([{ resource: " ", reason: "r", expires: "2030-01-01" }], false, TODAY).exemptions).toEqual([]);
    });
});
