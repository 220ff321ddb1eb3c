import { describe, expect, it } from "vitest";
import { BoundedCache, forgetMemos, registerMemo } from "../../policypack/src/bounded-cache";

describe("BoundedCache", () => {
    it("works each key out once, undefined answers included", () => {
        const cache = new BoundedCache<string, string | undefined>(10);
        let calls = 0;
        const compute = (k: string) => (calls++, k === "none" ? undefined : k.toUpperCase());
        expect(cache.get("a", compute)).toBe("A");
        expect(cache.get("a", compute)).toBe("A");
        expect(cache.get("none", compute)).toBeUndefined();
        expect(cache.get("none", compute)).toBeUndefined();
        expect(calls).toBe(2);
    });

    it("starts afresh once full, and keeps answering right", () => {
        const cache = new BoundedCache<number, number>(3);
        let calls = 0;
        const square = (n: number) => (calls++, n * n);
        for (const n of [1, 2, 3]) cache.get(n, square);
        expect(calls).toBe(3);
        expect(cache.get(4, square)).toBe(16); // full: forgets 1, 2 and 3
        expect(calls).toBe(4);
        expect(cache.get(1, square)).toBe(1);
        expect(calls).toBe(5);
        expect(cache.get(4, square)).toBe(16);
        expect(calls).toBe(5);
    });
});

describe("forgetMemos", () => {
    it("empties every BoundedCache and runs every registered forget, so the next read works its value out again", () => {
        const cache = new BoundedCache<string, number>(10);
        let calls = 0;
        let forgotten = 0;
        registerMemo(() => forgotten++);
        cache.get("a", () => ++calls);
        cache.get("a", () => ++calls);
        expect(calls).toBe(1);
        forgetMemos();
        expect(forgotten).toBe(1);
        expect(cache.get("a", () => ++calls)).toBe(2);
    });
});
