// How tag keys and values are read: what a person sees, and every character that is not what it
// seems named in the words a message uses.
import { describe, expect, it } from "vitest";
import { canonicalKey, describeLookalikes, foldText, nearKeyMatch, tokens } from "../../policypack/src/classify/text";

describe("foldText", () => {
    it("plain ASCII: lower-cased, nothing noted", () => {
        expect(foldText("User-Data")).toEqual({ text: "user-data", lookalikes: [] });
    });

    it("spaces around a key or value never change what it is read as", () => {
        for (const padded of ["  User-Data ", "\tUser-Data\n", "\u00a0User-Data\u3000"]) {
            expect(canonicalKey(padded).text, JSON.stringify(padded)).toBe("userdata");
            expect(tokens(padded).tokens, JSON.stringify(padded)).toEqual(["user", "data"]);
        }
    });

    it("a Cyrillic look-alike is read as its ASCII letter and named", () => {
        expect(foldText("Pers\u043enal")).toEqual({ text: "personal", lookalikes: [{ char: "\u043e", description: "U+043E CYRILLIC SMALL LETTER O", readAs: "o" }] });
    });

    it("an invisible character is removed and named", () => {
        expect(foldText("per\u200bsonal")).toEqual({ text: "personal", lookalikes: [{ char: "\u200b", description: "U+200B ZERO WIDTH SPACE", readAs: "" }] });
    });

    it("a fullwidth letter is read as ASCII and named as a compatibility form", () => {
        expect(foldText("\uff35ser")).toEqual({ text: "user", lookalikes: [{ char: "\uff35", description: "U+FF35 compatibility form", readAs: "U" }] });
    });

    it("other non-ASCII text is kept (NFKC) and lower-cased, with nothing noted", () => {
        expect(foldText("Über 数据")).toEqual({ text: "über 数据", lookalikes: [] });
        expect(foldText("\u00e9t\u00e9")).toEqual({ text: "été", lookalikes: [] });
        // A compatibility form that is not ASCII (the ligature ﬁ is; ㎏ folds to "kg", ASCII too): only ASCII results are named.
        expect(foldText("\u2460")).toEqual({ text: "1", lookalikes: [{ char: "\u2460", description: "U+2460 compatibility form", readAs: "1" }] });
        expect(foldText("a\u00a0x")).toEqual({ text: "a x", lookalikes: [] });
        // Only a compatibility form that is wholly ASCII is named: several ASCII letters are, a mix is not.
        expect(foldText("\u338f")).toEqual({ text: "kg", lookalikes: [{ char: "\u338f", description: "U+338F compatibility form", readAs: "kg" }] });
        expect(foldText("\u01c6")).toEqual({ text: "d\u017e", lookalikes: [] });
        // A mix either way round: ASCII then not ("Ǆ" is "DŽ"), or not then ASCII ("ŉ" is "ʼn").
        expect(foldText("\u01c4")).toEqual({ text: "d\u017e", lookalikes: [] });
        expect(foldText("\u0149")).toEqual({ text: "\u02bcn", lookalikes: [] });
    });
});

describe("canonicalKey", () => {
    it("keeps only letters and digits", () => {
        for (const k of ["user-data", "user_data", "User Data", "userdata", " USER.DATA "]) expect(canonicalKey(k), k).toEqual({ text: "userdata", lookalikes: [], ascii: true });
    });

    it("non-ASCII keys keep their letters and say they are not ASCII", () => {
        expect(canonicalKey("Über-数据")).toEqual({ text: "über数据", lookalikes: [], ascii: false });
        const k = canonicalKey("user-d\u0430ta");
        expect(k.text).toBe("userdata");
        expect(k.ascii).toBe(true);
        expect(k.lookalikes.map((l) => l.description)).toEqual(["U+0430 CYRILLIC SMALL LETTER A"]);
    });

    it("a key longer than the memo limit is folded the same way", () => {
        const long = `User-${"x".repeat(300)}`;
        expect(canonicalKey(long)).toEqual({ text: `user${"x".repeat(300)}`, lookalikes: [], ascii: true });
    });
});

describe("tokens", () => {
    it("splits on everything but letters, digits and *", () => {
        expect(tokens("Personal, special;*  biometric").tokens).toEqual(["personal", "special", "*", "biometric"]);
        expect(tokens("RU_KZ/by").tokens).toEqual(["ru", "kz", "by"]);
        expect(tokens(" , ").tokens).toEqual([]);
    });

    it("non-ASCII values split on non-letters too", () => {
        expect(tokens("Über数据, RU").tokens).toEqual(["über数据", "ru"]);
        expect(tokens("p\u0435rsonal,RU")).toEqual({ text: "personal,ru", tokens: ["personal", "ru"], lookalikes: [{ char: "\u0435", description: "U+0435 CYRILLIC SMALL LETTER IE", readAs: "e" }] });
    });

    it("a value longer than the memo limit splits the same way", () => {
        expect(tokens(`${"a".repeat(300)},RU`).tokens).toEqual(["a".repeat(300), "ru"]);
    });
});

describe("describeLookalikes", () => {
    const l = (char: string, readAs: string) => ({ char, description: `U+XXXX ${char}`, readAs });

    it("names each character, an invisible one as invisible", () => {
        expect(describeLookalikes("Tag key", "k", [l("а", "a"), l("\u200b", "")])).toBe(
            'Tag key "k" contains characters that are not what they seem: "а" (U+XXXX а) read as "a", an invisible U+XXXX \u200b',
        );
    });

    it("names five at most, and counts the rest", () => {
        const six = ["а", "е", "о", "р", "с", "х"].map((c) => l(c, "x"));
        expect(describeLookalikes("Tag value", "v", six)).toBe(
            'Tag value "v" contains characters that are not what they seem: "а" (U+XXXX а) read as "x", "е" (U+XXXX е) read as "x", "о" (U+XXXX о) read as "x", "р" (U+XXXX р) read as "x", "с" (U+XXXX с) read as "x" and 1 more',
        );
        expect(describeLookalikes("Tag value", "v", six.slice(0, 5))).not.toContain("more");
    });

    it("shows at most 64 characters of the text, or none when asked", () => {
        expect(describeLookalikes("Tag value", "y".repeat(100), [l("а", "a")])).toBe(`Tag value "${"y".repeat(64)}" contains characters that are not what they seem: "а" (U+XXXX а) read as "a"`);
        expect(describeLookalikes("Tag value", "y".repeat(100), [l("а", "a")], true)).toBe(
            'Tag value (a value of 100 characters, not shown) contains characters that are not what they seem: "а" (U+XXXX а) read as "a"',
        );
    });
});

describe("nearKeyMatch", () => {
    it("the same key, or an ASCII key, is no near miss", () => {
        expect(nearKeyMatch("userdata", "userdata")).toBeUndefined();
        expect(nearKeyMatch("userdatx", "userdata")).toBeUndefined();
    });

    it("non-ASCII characters standing where ASCII ones should", () => {
        expect(nearKeyMatch("userd\u0251t\u0251", "userdata")).toEqual([
            { char: "\u0251", description: "U+0251, not in the pack's look-alike list", readAs: "a" },
            { char: "\u0251", description: "U+0251, not in the pack's look-alike list", readAs: "a" },
        ]);
    });

    it("the same length with an ASCII difference is another key", () => {
        expect(nearKeyMatch("usexd\u0251ta", "userdata")).toBeUndefined();
    });

    it("extra non-ASCII letters the eye does not see", () => {
        expect(nearKeyMatch("user\u1160data", "userdata")).toEqual([{ char: "\u1160", description: "U+1160, not in the pack's look-alike list, ignored", readAs: "" }]);
        expect(nearKeyMatch("user\u1160dat", "userdata")).toBeUndefined();
        expect(nearKeyMatch("дата", "userdata")).toBeUndefined();
    });
});
