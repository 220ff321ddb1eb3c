// One case per flow kind: the destination in Russia (allowed), abroad (a violation on the flow
// resource, and on a receiving store that is not the flow resource), not locatable (the same,
// downgradable under onUnknown: warn).
import { describe, expect, it } from "vitest";
import { cases } from "./flow-kind-cases";
import { decide, outcome, Spec } from "./helpers";

/** A source with no personal data: every user-data tag read as "none". */
function withoutPersonalData(specs: Spec[]): Spec[] {
    return specs.map((s) => (s.props?.tags ? { ...s, props: { ...s.props, tags: { ...(s.props.tags as object), "user-data": "none" } } } : s));
}

describe.each(cases)("$kind", (c) => {
    it(c.regionOnly ? "allows it when the source holds no personal data (an AWS region is never in Russia)" : "allows a destination in Russia", () => {
        const specs = c.regionOnly ? withoutPersonalData(c.specs("abroad")) : c.specs("ru");
        expect(outcome(decide(specs))).toEqual([]);
    });
    it("reports a destination abroad against the flow resource (and the receiving store)", () => {
        const found = decide(c.specs("abroad"));
        expect(outcome(found)).toEqual(c.reported.map((u): [string, boolean] => [u, false]).sort());
        expect(found.find((f) => f.urn === c.reported[0])!.message).toMatch(/out of Russia|is not in Russia/);
    });
    it("reports a destination that cannot be located, as downgradable", () => {
        const found = decide(c.specs("unknown"));
        expect(outcome(found)).toEqual(c.reported.map((u): [string, boolean] => [u, true]).sort());
        expect(found.find((f) => f.urn === c.reported[0])!.message).toContain("cannot be decided");
    });
});
