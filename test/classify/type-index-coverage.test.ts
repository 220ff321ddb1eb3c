// The type index must decide every store an indexed provider package declares: a type whose name
// looks like a store (policypack/data/reviewed-types.json's pattern) is a storage type, a type known
// to hold no data, or reviewed and judged fail closed. A provider release that adds a store fails
// here until one of the three lists decides it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memberOf, storageService } from "../../policypack/src/classify/storage";
import { noDataType } from "../../policypack/src/decide/localization";

const root = join(__dirname, "..", "..");
const read = <T>(p: string): T => JSON.parse(readFileSync(join(root, p), "utf8")) as T;
interface IndexFile {
    packages: { package: string; version: string; types: Record<string, { d?: string }> }[];
}
interface Reviewed {
    pattern: string;
    exclude: string;
    types: { type: string; holds: string; source: string }[];
}
const index = read<IndexFile>("policypack/data/type-index.json");
const reviewed = read<Reviewed>("policypack/data/reviewed-types.json");
const looksLikeStore = new RegExp(reviewed.pattern);
const notAStore = new RegExp(reviewed.exclude);
const reviewedTypes = new Set(reviewed.types.map((t) => t.type));

function storeLike(type: string): boolean {
    const name = type.slice(type.lastIndexOf(":") + 1);
    return looksLikeStore.test(name) && !notAStore.test(name);
}

/** Store-like types of one indexed package that no list decides. */
function undecided(types: Record<string, { d?: string }>): string[] {
    return Object.keys(types).filter((t) => storeLike(t) && types[t]?.d === undefined && !reviewedTypes.has(t));
}

describe("every store-like type of every indexed provider package is decided", () => {
    it.each(index.packages.map((p) => [`${p.package}@${p.version}`, p] as const))("%s", (_name, p) => {
        expect(undecided(p.types)).toEqual([]);
    });

    it("the check fails on a store the lists do not know (a new type in a provider release)", () => {
        expect(undecided({ "aws:newstore/bucket:Bucket": {}, "aws:newstore/bucketPolicy:BucketPolicy": {}, "aws:s3/bucket:Bucket": { d: "s" } })).toEqual(["aws:newstore/bucket:Bucket"]);
    });

    it("the index's d agrees with the pack's lists, so deciding a type in a list decides it in the index", () => {
        for (const p of index.packages) {
            for (const [t, e] of Object.entries(p.types)) {
                const expected = storageService(t) !== undefined || memberOf(t) !== undefined ? "s" : noDataType(t) !== undefined ? "n" : undefined;
                if (e.d !== expected) expect([t, e.d]).toEqual([t, expected]);
            }
        }
    });

    it("a reviewed type is in an indexed package, is in neither other list, and says what it holds and where that was read", () => {
        const all = new Set(index.packages.flatMap((p) => Object.keys(p.types)));
        for (const r of reviewed.types) {
            expect(all.has(r.type), r.type).toBe(true);
            expect(storageService(r.type) ?? memberOf(r.type) ?? noDataType(r.type), r.type).toBeUndefined();
            expect(r.holds.length, r.type).toBeGreaterThan(5);
            expect(r.source, r.type).toMatch(/^(npm:@pulumi\/[a-z-]+@[\d.]+\/|https:\/\/github\.com\/yandex-cloud\/terraform-provider-yandex\/blob\/[0-9a-f]{40}\/)/);
        }
    });
});
