// collectBlocks and withIndexPaths, answer by answer: a block as one object, a list or a map of
// name → block, under its name or its plural, and the exact words for what cannot be read.
import { describe, expect, it } from "vitest";
import { collectBlocks, indexLocationPaths, withIndexPaths } from "../../policypack/src/locate/index-paths";
import { UNKNOWN } from "../../policypack/src/values";

const SQL = "gcp:sql/databaseInstance:DatabaseInstance";
const at = (root: unknown, paths: string[]) => collectBlocks(root, paths, "the resource's");
const values = (...found: [string, string][]) => ({ values: found.map(([what, value]) => ({ what, value })), unknown: [], invalid: [] });
const none = { values: [], unknown: [], invalid: [] };

describe("withIndexPaths", () => {
    it("adds the index's paths after the resolver's own, each once, minus the excluded", () => {
        expect(indexLocationPaths(SQL)).toEqual(["pointInTimeRestoreContext.region", "region", "settings.backupConfiguration.location", "settings.locationPreference.zone"]);
        expect(withIndexPaths(SQL, ["region"])).toEqual(["region", "pointInTimeRestoreContext.region", "settings.backupConfiguration.location", "settings.locationPreference.zone"]);
        expect(withIndexPaths(SQL, ["region"], (p) => p.includes("zone"))).toEqual(["region", "pointInTimeRestoreContext.region", "settings.backupConfiguration.location"]);
        expect(withIndexPaths("nope:x:Y", ["a"])).toEqual(["a"]);
    });
});

describe("collectBlocks", () => {
    it("reads a block as a list, one object, its plural, or a map of name → block", () => {
        expect(at({ hosts: [{ zone: "a" }, { zone: "b" }] }, ["hosts.zone"])).toEqual(values(["the resource's hosts[0].zone", "a"], ["the resource's hosts[1].zone", "b"]));
        expect(at({ host: { zone: "a" } }, ["host.zone"])).toEqual(values(["the resource's host.zone", "a"]));
        expect(at({ hosts: { zone: "a" } }, ["host.zone"])).toEqual(values(["the resource's hosts.zone", "a"]));
        expect(at({ a: { zone: "v" }, as: { zone: "w" } }, ["a.zone"])).toEqual(values(["the resource's a.zone", "v"]));
        expect(at({ a: { b: null, bs: { c: "v" } } }, ["a.b.c"])).toEqual(values(["the resource's a.bs.c", "v"]));
        expect(at({ a: { b: { c: "x" } } }, ["a.b.c"])).toEqual(values(["the resource's a.b.c", "x"]));
        expect(at({ hosts: { h1: { zone: "a" }, h2: { zone: UNKNOWN } } }, ["hosts.zone"])).toEqual({
            values: [{ what: 'the resource\'s hosts["h1"].zone', value: "a" }],
            unknown: ['the resource\'s hosts["h2"].zone'],
            invalid: [],
        });
        expect(at({ a: { x: { b: { c: "v" } } } }, ["a.b.c"])).toEqual(values(['the resource\'s a["x"].b.c', "v"]));
        expect(at({ a: { x: { zone: "v" } } }, ["a.zone"])).toEqual(values(['the resource\'s a["x"].zone', "v"]));
    });

    it("reads a map of blocks one level down only, and only when every entry is a block", () => {
        expect(at({ a: { x: { y: { zone: "v" } } } }, ["a.zone"])).toEqual(none);
        expect(at({ a: { x: { zone: "v" }, y: 3 } }, ["a.zone"])).toEqual(none);
        expect(at({ a: [{ x: { zone: "v" } }] }, ["a.zone"])).toEqual(none);
        expect(at({ a: { h: { zone: "v" } } }, ["zone"])).toEqual(none);
        expect(at({ a: {} }, ["a.b"])).toEqual(none);
    });

    it("reads a map with entries not known yet as a map: each such entry is a place not known yet, the others are read", () => {
        // The leak this pins: one unknown host used to make the map unreadable as a map, so a host in Kazakhstan beside it was never read.
        expect(at({ hosts: { a: UNKNOWN, kz: { zone: "kz1-a" } } }, ["hosts.zone"])).toEqual({
            values: [{ what: 'the resource\'s hosts["kz"].zone', value: "kz1-a" }],
            unknown: ['the resource\'s hosts["a"]'],
            invalid: [],
        });
        // Every entry unknown, and no path finds anything inside: each entry is unknown.
        expect(at({ hosts: { a: UNKNOWN, b: UNKNOWN } }, ["hosts.zone", "hosts.zoneId"])).toEqual({ values: [], unknown: ['the resource\'s hosts["a"]', 'the resource\'s hosts["b"]'], invalid: [] });
        // One block whose zone is not known yet is one block: its zone speaks for it, under a sibling path too.
        expect(at({ hosts: { zone: UNKNOWN } }, ["hosts.zone", "hosts.zoneId"])).toEqual({ values: [], unknown: ["the resource's hosts.zone"], invalid: [] });
        expect(at({ hosts: { zone: "ru-central1-a" } }, ["hosts.zoneId", "hosts.zone"])).toEqual(values(["the resource's hosts.zone", "ru-central1-a"]));
        // An unknown value beside blocks none of which has the field: one block that lacks it (a regional master beside its unknown security groups).
        expect(at({ master: { regional: { region: "ru-central1" }, securityGroupIds: UNKNOWN } }, ["master.zonal.zone", "master.regional.region"])).toEqual(
            values(["the resource's master.regional.region", "ru-central1"]),
        );
        // A known value that is no block beside one that has the field: one block (the provider would refuse a map with a number in it).
        expect(at({ hosts: { a: { zone: "kz1-a" }, n: 3 } }, ["hosts.zone"])).toEqual(none);
    });

    it("reads a list of strings, element by element", () => {
        expect(at({ config: { zones: ["a", UNKNOWN, 3, null] } }, ["config.zones[]"])).toEqual({
            values: [{ what: "the resource's config.zones[0]", value: "a" }],
            unknown: ["the resource's config.zones[1]"],
            invalid: ["the resource's config.zones[2] (a number, not a string)"],
        });
        expect(at({ zones: UNKNOWN }, ["zones[]"])).toEqual({ values: [], unknown: ["the resource's zones"], invalid: [] });
        expect(at({ zones: null }, ["zones[]"])).toEqual(none);
    });

    it("says what a value is when it has the wrong shape", () => {
        const invalid = (why: string) => ({ values: [], unknown: [], invalid: [why] });
        expect(at({ config: { zones: "a" } }, ["config.zones[]"])).toEqual(invalid("the resource's config.zones (a string, not a list of strings)"));
        expect(at({ zones: 5 }, ["zones[]"])).toEqual(invalid("the resource's zones (a number, not a list of strings)"));
        expect(at({ zones: {} }, ["zones[]"])).toEqual(invalid("the resource's zones (an object, not a list of strings)"));
        expect(at({ config: 5 }, ["config.zone"])).toEqual(invalid("the resource's config (a number, neither an object, a list nor a map)"));
        expect(at({ config: { zone: 5 } }, ["config.zone"])).toEqual(invalid("the resource's config.zone (a number, not a string)"));
        expect(at("str", ["a.b"])).toEqual(invalid("the resource's (a string, neither an object, a list nor a map)"));
    });

    it("says which places are not known yet, each once", () => {
        expect(at({ config: UNKNOWN }, ["config.zone"])).toEqual({ values: [], unknown: ["the resource's config"], invalid: [] });
        expect(at({ config: { zone: UNKNOWN } }, ["config.zone"])).toEqual({ values: [], unknown: ["the resource's config.zone"], invalid: [] });
        expect(at({ zone: UNKNOWN }, ["zone", "zone"])).toEqual({ values: [], unknown: ["the resource's zone"], invalid: [] });
        expect(at({ a: { b: UNKNOWN, bs: { c: "v" } } }, ["a.b.c"])).toEqual({ values: [], unknown: ["the resource's a.b"], invalid: [] });
        expect(at({ a: [UNKNOWN, { b: "x" }] }, ["a.b"])).toEqual({ values: [{ what: "the resource's a[1].b", value: "x" }], unknown: ["the resource's a[0]"], invalid: [] });
    });

    it("keeps each place once, skips empty paths and empty strings", () => {
        expect(at({ zone: "a" }, ["zone", "zone"])).toEqual(values(["the resource's zone", "a"]));
        expect(at({ host: { zone: "a" }, hosts: [{ zone: "a" }] }, ["host.zone", "hosts.zone"])).toEqual(values(["the resource's host.zone", "a"], ["the resource's hosts[0].zone", "a"]));
        expect(at({ config: { zone: "" } }, ["config.zone", "", ".", "config..zone"])).toEqual(none);
        expect(at({ zone: "a" }, ["", "zone"])).toEqual(values(["the resource's zone", "a"]));
    });
});
