// A database, topic or table inside a Yandex managed cluster carries no labels of its own (the
// provider's reference gives it none): it is a member of its cluster, which holds the classification.
import { describe, expect, it } from "vitest";
import memberTypes from "../../policypack/data/member-types.json";
import { CLASSIFICATION, outcomes, runAll } from "../helpers/policies";

const yandexMembers = memberTypes.types.filter((t) => t.type.startsWith("yandex:index/mdb"));
const provider = { type: "pulumi:providers:yandex", name: "default", props: { zone: "ru-central1-a" } };

describe("members of Yandex managed clusters", () => {
    it("are the current databases and topics of every cluster family", () => {
        expect(yandexMembers.map((t) => t.type.split("/")[1]!.split(":")[0]).sort()).toEqual([
            "mdbClickhouseDatabase",
            "mdbKafkaTopic",
            "mdbMongodbDatabase",
            "mdbMysqlDatabase",
            "mdbMysqlDatabaseV2",
            "mdbPostgresqlDatabase",
            "mdbShardedPostgresqlDatabase",
        ]);
    });

    it.each(yandexMembers.map((t) => [t.type] as const))("%s is not asked for a label of its own", async (type) => {
        expect(outcomes(await runAll({ type, name: "db", props: { clusterId: "c9q0000000000000000", name: "app" }, provider }))).toEqual([]);
    });

    it("its cluster still is", async () => {
        const v = await runAll({ type: "yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2", name: "pg", props: { hosts: { a: { zone: "ru-central1-a" } } }, provider });
        expect(outcomes(v)).toEqual([[CLASSIFICATION, "advisory"]]);
    });
});
