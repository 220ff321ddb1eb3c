// How look-alike characters are named in messages: code points of every width, and what a
// disguised key or value is read as.
import { describe, expect, it } from "vitest";
import { canonicalKey, describeLookalikes, foldText, nearKeyMatch, tokens } from "../../policypack/src/classify/text";

describe("code points in messages", () => {
    it("a compatibility form below U+1000 is named with four hex digits", () => {
        expect(foldText("\u00aa")).toEqual({ text: "a", lookalikes: [{ char: "\u00aa", description: "U+00AA compatibility form", readAs: "a" }] });
    });

    it("a compatibility form beyond the Basic Multilingual Plane is one character, named by its whole code point", () => {
        expect(foldText("\u{1d414}ser")).toEqual({ text: "user", lookalikes: [{ char: "\u{1d414}", description: "U+1D414 compatibility form", readAs: "U" }] });
        expect(nearKeyMatch("user\u{1d4ff}data", "userdata")).toEqual([{ char: "\u{1d4ff}", description: "U+1D4FF, not in the pack's look-alike list, ignored", readAs: "" }]);
    });

    it("an unlisted character in place of an ASCII one is named by code point", () => {
        expect(nearKeyMatch("\u0251", "a")).toEqual([{ char: "\u0251", description: "U+0251, not in the pack's look-alike list", readAs: "a" }]);
    });
});

describe("what keys and values are read as", () => {
    it("control characters take the careful path and are dropped like any separator", () => {
        expect(foldText("User\tData")).toEqual({ text: "user\tdata", lookalikes: [] });
        expect(canonicalKey("User\tData")).toEqual({ text: "userdata", lookalikes: [], ascii: true });
        expect(tokens("Personal\tRU")).toEqual({ text: "personal\tru", lookalikes: [], tokens: ["personal", "ru"] });
    });

    it("a key whose look-alikes fold to ASCII is an ASCII key; one with other letters is not", () => {
        expect(canonicalKey("D\u0430ta-1")).toEqual({ text: "data1", lookalikes: [{ char: "\u0430", description: "U+0430 CYRILLIC SMALL LETTER A", readAs: "a" }], ascii: true });
        expect(canonicalKey("d\u00e4ta_1")).toEqual({ text: "d\u00e4ta1", lookalikes: [], ascii: false });
        expect(canonicalKey("")).toEqual({ text: "", lookalikes: [], ascii: true });
    });

    it("a value with look-alikes splits on separators and keeps *", () => {
        expect(tokens("p\u0435rsonal*,  \u00fcber-RU")).toEqual({
            text: "personal*,  \u00fcber-ru",
            lookalikes: [{ char: "\u0435", description: "U+0435 CYRILLIC SMALL LETTER IE", readAs: "e" }],
            tokens: ["personal*", "\u00fcber", "ru"],
        });
        expect(tokens(`${"\u00e4".repeat(300)} ru`).tokens).toEqual(["\u00e4".repeat(300), "ru"]);
    });

    it("a note quotes the text as JSON, so a control character cannot break the line", () => {
        expect(describeLookalikes("Tag key", "a\nb", [{ char: "\u200b", description: "U+200B ZERO WIDTH SPACE", readAs: "" }])).toBe(
            'Tag key "a\\nb" contains characters that are not what they seem: an invisible U+200B ZERO WIDTH SPACE',
        );
    });
});
