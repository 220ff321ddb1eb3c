// Issue class 3: placeholder values of the cross-border-transfer tag are not a notification.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notificationIdProblem } from "../../policypack/src/decide/cross-border";

describe("the cross-border notification's identifier", () => {
    it.each(["none", "TBD", "yes", "n/a", "N/A", "0", "00000", "-", "true", "pending", "todo", " tbd ", "<notification id>", "${NOTIFICATION_ID}", "{{ id }}", "xxx", "abc", "1"])(
        "%s is refused",
        (v) => {
            expect(notificationIdProblem(v)).toBeDefined();
        },
    );

    it.each(["CBT-2026-000042", "4471-2026", "ТП-2025/0123", "0001234567"])("%s may be an identifier", (v) => {
        expect(notificationIdProblem(v)).toBeUndefined();
    });

    it("property: a placeholder word stays refused in any case, padding and punctuation", () => {
        const words = ["none", "tbd", "yes", "n/a", "na", "0", "todo", "pending", "unknown", "null"];
        const casing = (w: string) => fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length }).map((bs) => [...w].map((c, i) => (bs[i] ? c.toUpperCase() : c)).join(""));
        fc.assert(
            fc.property(fc.constantFrom(...words).chain(casing), fc.constantFrom("", " ", "  ", "\t"), fc.constantFrom("", ".", "!"), (w, pad, punct) => {
                expect(notificationIdProblem(`${pad}${w}${punct}${pad}`)).toBeDefined();
            }),
            { seed: 5, numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
        );
    });
});
