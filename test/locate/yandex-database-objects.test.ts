// YDB tables, topics, changefeeds and indexes are written to the database their connection string
// names, whatever endpoint the provider uses: the string decides when it is known.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { regionEntries } from "../../policypack/src/locate/catalogue";
import { settings, UNKNOWN, view } from "./helpers";

const table = "yandex:index/ydbTable:YdbTable";
const topic = "yandex:index/ydbTopic:YdbTopic";
const changefeed = "yandex:index/ydbTableChangefeed:YdbTableChangefeed";
const index = "yandex:index/ydbTableIndex:YdbTableIndex";
const s = settings();
const ru = "grpcs://ydb.serverless.yandexcloud.net:2135/?database=/ru-central1/b1gexample/etnexample";
const kz = "grpcs://ydb.serverless.yandexcloud.kz:2135/?database=/kz1/b1gexample/etnexample";

describe("yandex: a YDB object is where the database its connection string names is", () => {
    it("a table in a ru-central1 database is in Russia, by the database path", () => {
        const l = locate(view(table, { connectionString: ru }), s);
        expect(l).toMatchObject({ inRussia: "yes", country: "RU", region: "ru-central1" });
        expect(l.how).toContain("the database path in the resource's connectionString");
    });

    it("a topic in a kz1 database is in Kazakhstan, even when its provider uses the Russian endpoint", () => {
        const l = locate(view(topic, { databaseEndpoint: kz }, { endpoint: "api.cloud.yandex.net:443" }), s);
        expect(l).toMatchObject({ inRussia: "no", country: "KZ", region: "kz1" });
        expect(l.how).toContain("the database path in the resource's databaseEndpoint");
    });

    it("reads the database path from the URL path as well as from ?database=", () => {
        const l = locate(view(index, { connectionString: "grpcs://ydb.serverless.yandexcloud.net:2135/kz1/b1gexample/etnexample" }), s);
        expect(l).toMatchObject({ inRussia: "no", country: "KZ" });
    });

    it("a connection string that is not a URL is unknown, and the message names the field", () => {
        const l = locate(view(table, { connectionString: "ydb-prod" }), s);
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toBe('the resource\'s connectionString "ydb-prod" cannot be read (it is not a URL), so the pack cannot tell which database the data is written to');
    });

    it("a connection string that is not a string is unknown", () => {
        const l = locate(view(changefeed, { connectionString: 42 }), s);
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toContain("connectionString is not a string");
    });

    it("a database path in a region the pack does not know, on a host it does not know, is unknown", () => {
        const l = locate(view(table, { connectionString: "grpcs://ydb.example.org:2135/?database=/xx-north1/b1g/etn" }), s);
        expect(l.inRussia).toBe("unknown");
    });

    it("a connection string not known yet (another resource's output) leaves the table to its provider, as any API resource", () => {
        const l = locate(view(table, { connectionString: UNKNOWN }), s);
        expect(l.inRussia).toBe("yes");
        expect(l.how).toContain("documented default endpoint");
        const abroad = locate(view(table, { connectionString: UNKNOWN }, { endpoint: "api.yandexcloud.kz:443" }), s);
        expect(abroad).toMatchObject({ inRussia: "no", country: "KZ" });
    });

    it("a changefeed given tableId, with no connection string, is placed by its provider", () => {
        const l = locate(view(changefeed, { tableId: "grpcs://x" }, { endpoint: "api.yandexcloud.kz:443" }), s);
        expect(l).toMatchObject({ inRussia: "no", country: "KZ" });
    });

    it("for every Yandex region in the catalogue, the database path decides the country", () => {
        const regions = regionEntries("yandex");
        expect(regions.length).toBeGreaterThan(1);
        fc.assert(
            fc.property(fc.constantFrom(...regions), fc.constantFrom(table, topic, changefeed, index), fc.boolean(), (region, type, asQuery) => {
                const url = asQuery ? `grpcs://h.example:2135/?database=/${region.id}/f/d` : `grpcs://h.example:2135/${region.id}/f/d`;
                const key = type === topic ? "databaseEndpoint" : "connectionString";
                const l = locate(view(type, { [key]: url }), s);
                expect(l.region).toBe(region.id);
                if (region.status === "verified" && region.country === "RU") expect(l.inRussia).toBe("yes");
                else expect(l.inRussia).not.toBe("yes");
            }),
        );
    });
});
