// Every current Yandex resource that holds data is located by the fields the provider's own
// reference gives for it (data/type-index.json, from data/yandex-schema.json), in every shape a
// block can take: one object, a list of objects, or a map of name → object (the *V2 clusters'
// hosts), under its name or the plural the Pulumi bridge gives a repeated block.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { settings, UNKNOWN, view } from "./helpers";

import typeIndex from "../../policypack/data/type-index.json";

interface Entry {
    l?: string[];
    d?: string;
}
const yandex = (typeIndex as unknown as { packages: { package: string; types: Record<string, Entry> }[] }).packages.find((p) => p.package === "yandex-cloud/terraform-provider-yandex");
if (!yandex) throw new Error("the type index has no Yandex part");

// Object Storage and Message Queue are placed by their endpoints (test/locate/yandex.test.ts).
const byEndpoint = (type: string) => /^yandex:index\/(storage[A-Z]|messageQueue:)/.test(type);
const families = Object.entries(yandex.types)
    .filter(([type, e]) => e.d === "s" && (e.l?.length ?? 0) > 0 && !byEndpoint(type))
    .flatMap(([type, e]) => e.l!.map((path) => [type, path] as const));

const s = settings();
const RU_ZONES = ["ru-central1-a", "ru-central1-b", "ru-central1-d"];
const isRegionField = (path: string) => /(region|location)(Id)?(\.id)?(\[\])?$/i.test(path);

/** A value for a path's leaf: a zone or a region id, by what the field names. */
const placeOf = (path: string, abroad: boolean) => (isRegionField(path) ? (abroad ? "kz1" : "ru-central1") : abroad ? "kz1-a" : RU_ZONES[path.length % RU_ZONES.length]!);

type Shape = "object" | "list" | "map";
const shapeArb = (segment: string): fc.Arbitrary<Shape> => (/^hosts?$/.test(segment) ? fc.constantFrom<Shape>("object", "list", "map") : fc.constantFrom<Shape>("object", "list"));

/** Build props that put `leaves` (one per element) at `path`, each block in the shape drawn for it. */
function build(path: string, shapes: Shape[], plural: boolean[], leaves: unknown[]): Record<string, unknown> {
    const segments = path.split(".");
    const go = (i: number, leaf: unknown): unknown => {
        const seg = segments[i]!;
        if (i === segments.length - 1) return { [seg.replace(/\[\]$/, "")]: seg.endsWith("[]") ? [leaf] : leaf };
        return { [plural[i] && !seg.endsWith("s") ? `${seg}s` : seg]: wrap(shapes[i]!, go(i + 1, leaf)) };
    };
    // Spread the leaves over the outermost block's elements; inner blocks hold one each.
    const first = segments[0]!;
    if (segments.length === 1) return go(0, leaves[0]) as Record<string, unknown>;
    const inner = leaves.map((leaf) => go(1, leaf) as Record<string, unknown>);
    const key = plural[0] && !first.endsWith("s") ? `${first}s` : first;
    const shape = shapes[0]!;
    const outer = shape === "map" ? Object.fromEntries(inner.map((v, i) => [`h${i}`, v])) : shape === "list" ? inner : inner[0];
    return { [key]: outer };
}

function wrap(shape: Shape, value: unknown): unknown {
    if (shape === "map") return { only: value };
    if (shape === "list") return [value];
    return value;
}

const sample = fc
    .constantFrom(...families)
    .chain(([type, path]) => {
        const segments = path.split(".");
        return fc.record({
            type: fc.constant(type),
            path: fc.constant(path),
            shapes: fc.tuple(...segments.map((seg) => shapeArb(seg))),
            plural: fc.tuple(...segments.map(() => fc.boolean())),
            count: fc.integer({ min: 1, max: 3 }),
        });
    })
    .map((r) => ({ ...r, shapes: r.shapes as Shape[], plural: r.plural as boolean[] }));

// A single object keeps one leaf only; lists and maps keep them all.
const leavesFor = (r: { path: string; shapes: Shape[]; count: number }, make: (i: number) => unknown): unknown[] => {
    const n = r.path.includes(".") && r.shapes[0] !== "object" ? r.count : 1;
    return Array.from({ length: n }, (_, i) => make(i));
};

describe("Yandex data-holding resources are located by their reference's location fields", () => {
    it("covers every data-holding Yandex type the reference gives a location field", () => {
        const types = new Set(families.map(([t]) => t));
        // The *V2 and current database clusters, YDB, disks and the rest: counted so a lost family shows.
        for (const t of [
            "MdbPostgresqlClusterV2",
            "MdbMysqlClusterV2",
            "MdbRedisClusterV2",
            "MdbClickhouseClusterV2",
            "MdbGreenplumClusterV2",
            "MdbShardedPostgresqlCluster",
            "MdbOpensearchCluster",
            "MdbKafkaCluster",
            "MdbMongodbCluster",
            "YdbDatabaseDedicated",
            "YdbDatabaseServerless",
            "ComputeDisk",
            "ComputeFilesystem",
        ]) {
            expect(
                [...types].some((x) => x.endsWith(`:${t}`)),
                t,
            ).toBe(true);
        }
        expect(types.size).toBeGreaterThanOrEqual(20);
    });

    it("every place in Russia: in Russia", () => {
        fc.assert(
            fc.property(sample, (r) => {
                const props = build(
                    r.path,
                    r.shapes,
                    r.plural,
                    leavesFor(r, () => placeOf(r.path, false)),
                );
                const l = locate(view(r.type, props, {}), s);
                expect([r.type, l.inRussia, l.country], l.how).toEqual([r.type, "yes", "RU"]);
            }),
            { seed: 14, numRuns: 300 },
        );
    });

    it("one place in Kazakhstan: not in Russia, and the message names it", () => {
        fc.assert(
            fc.property(sample, fc.nat(), (r, pick) => {
                const leaves = leavesFor(r, () => placeOf(r.path, false));
                const at = pick % leaves.length;
                leaves[at] = placeOf(r.path, true);
                const l = locate(view(r.type, build(r.path, r.shapes, r.plural, leaves), {}), s);
                expect([l.inRussia, l.country]).toEqual(["no", "KZ"]);
                expect(l.how).toContain(`"${leaves[at] as string}"`);
            }),
            { seed: 14, numRuns: 300 },
        );
    });

    it("a field that is set but is not a string: unknown, said once, naming the field and why", () => {
        fc.assert(
            fc.property(sample, fc.constantFrom<unknown>(7, true, { id: "ru-central1-a" }), (r, bad) => {
                const leaves = leavesFor(r, () => placeOf(r.path, false));
                leaves[leaves.length - 1] = bad;
                const l = locate(view(r.type, build(r.path, r.shapes, r.plural, leaves), {}), s);
                expect(l.inRussia).toBe("unknown");
                const leaf = r.path.split(".").at(-1)!.replace(/\[\]$/, "");
                expect(l.how).toMatch(new RegExp(`^the pack cannot read the resource's \\S*${leaf}(\\[\\d+\\])? \\((a number|a boolean|an object), not a string\\)$`));
                expect(l.how.split("cannot read").length).toBe(2);
            }),
            { seed: 14, numRuns: 300 },
        );
    });

    it("a field not known yet (preview): unknown, naming the field", () => {
        fc.assert(
            fc.property(sample, (r) => {
                const leaves = leavesFor(r, () => placeOf(r.path, false));
                leaves[0] = UNKNOWN;
                const l = locate(view(r.type, build(r.path, r.shapes, r.plural, leaves), {}), s);
                expect(l.inRussia).toBe("unknown");
                expect(l.how).toMatch(/is not known yet$/);
            }),
            { seed: 14, numRuns: 200 },
        );
    });
});
