// Issue class 5: the per-type index generated from the installed provider SDKs covers them, and the
// pack reads the tags it finds on a type's parts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classify } from "../../policypack/src/classify/classification";
import { storageTypes } from "../../policypack/src/classify/storage";
import { DEFAULT_SETTINGS } from "../../policypack/src/decide/config";
import { LOCALIZATION, outcomes, runAll } from "../helpers/policies";

const root = join(__dirname, "..", "..");
interface IndexFile {
    packages: { package: string; version: string; types: Record<string, { t?: string[]; l?: string[]; d?: string }> }[];
}
const typeIndex = JSON.parse(readFileSync(join(root, "policypack", "data", "type-index.json"), "utf8")) as IndexFile;
const PERSONAL_RU = { "user-data": "personal", "data-subjects": "RU" };

describe("policypack/data/type-index.json", () => {
    // Regenerating from the SDKs takes seconds and reads no code Stryker mutates: npm run mutate skips it.
    it.skipIf(process.env.RU_RESIDENCY_MUTATION_RUN === "1")(
        "is what policypack/scripts/generate-type-index.mjs generates from the installed provider SDKs (run it after changing them)",
        async () => {
            const { generate, PROVIDER_PACKAGES } = (await import(join(root, "policypack", "scripts", "generate-type-index.mjs"))) as {
                generate: () => IndexFile;
                PROVIDER_PACKAGES: string[];
            };
            const installed = PROVIDER_PACKAGES.filter((p) => existsSync(join(root, "node_modules", "@pulumi", p, "package.json")));
            const fresh = generate();
            const yandex = JSON.parse(readFileSync(join(root, "policypack", "data", "yandex-schema.json"), "utf8")) as { source: { version: string; commit: string; checked: string } };
            expect(fresh.packages.map((p) => `${p.package}@${p.version}`)).toEqual([
                ...installed.map((p) => `@pulumi/${p}@${(JSON.parse(readFileSync(join(root, "node_modules", "@pulumi", p, "package.json"), "utf8")) as { version: string }).version}`),
                `yandex-cloud/terraform-provider-yandex@${yandex.source.version} (${yandex.source.commit.slice(0, 7)}, checked ${yandex.source.checked})`,
            ]);
            expect(typeIndex.packages).toEqual(fresh.packages);
        },
        120_000,
    );

    it("covers every storage type of every indexed package, and marks it as holding data", () => {
        // Retired from the Yandex provider (no reference page at the indexed commit); still listed
        // for stacks on older bridged packages that have them.
        const retired = ["yandex:index/mdbElasticSearchCluster:MdbElasticSearchCluster", "yandex:index/mdbSqlServerCluster:MdbSqlServerCluster"];
        for (const p of typeIndex.packages) {
            const prefix = p.package.startsWith("@pulumi/") ? `${p.package.replace("@pulumi/", "")}:` : "yandex:";
            const declared = new Set(Object.keys(p.types));
            for (const t of storageTypes().filter((x) => x.startsWith(prefix))) {
                if (!declared.has(t)) continue; // a type of another version of the package
                expect(p.types[t]?.d, t).toBe("s");
            }
            // Every storage type the pack lists for this package exists in it (a renamed type would be a gap).
            const missing = storageTypes().filter((x) => x.startsWith(prefix) && !declared.has(x) && !retired.includes(x));
            expect(missing, `${p.package}@${p.version}`).toEqual([]);
        }
    });
});

describe("tags on a type's parts, from the index", () => {
    const instance = "aws:ec2/instance:Instance";
    const frankfurt = { props: { region: "eu-central-1" } };

    it.each([
        ["volumeTags", { volumeTags: PERSONAL_RU }],
        ["rootBlockDevice.tags", { rootBlockDevice: { volumeSize: 8, tags: PERSONAL_RU } }],
        ["ebsBlockDevices[].tags", { ebsBlockDevices: [{ deviceName: "/dev/sdb" }, { deviceName: "/dev/sdc", tags: PERSONAL_RU }] }],
    ])("an EC2 instance classified only through %s is classified, and blocked abroad", async (_path, props) => {
        const violations = await runAll({ type: instance, name: "db", props, provider: frankfurt });
        expect(outcomes(violations).filter(([p]) => p === LOCALIZATION)).toEqual([[LOCALIZATION, "mandatory"]]);
    });

    it("a part's tag adds to the resource's classification and never undoes it", () => {
        const c = (props: Record<string, unknown>, providerProps?: Record<string, unknown>) => classify({ type: instance, props, providerProps }, DEFAULT_SETTINGS).russianPersonalData;
        expect(c({ rootBlockDevice: { tags: { "user-data": "none" } } }, { defaultTags: JSON.stringify({ tags: PERSONAL_RU }) })).toBe("yes");
        expect(c({ tags: { "user-data": "none" }, volumeTags: { "user-data": "personal" } })).toBe("yes");
        expect(c({ tags: { "user-data": "none" }, volumeTags: { "user-data": "none" } })).toBe("no");
        expect(c({ tags: { "user-data": "none" } })).toBe("no");
    });

    it.each([
        ["gcp:sql/databaseInstance:DatabaseInstance", { region: "europe-west3", settings: { tier: "db-f1-micro", userLabels: { user_data: "personal", data_subjects: "ru" } } }, "settings.userLabels"],
        ["kubernetes:apps/v1:StatefulSet", { metadata: { name: "db" }, spec: { template: { metadata: { labels: { app: "db", "user-data": "personal" } } } } }, "spec.template.metadata.labels"],
        [
            "kubernetes:apps/v1:StatefulSet",
            { metadata: { name: "db" }, spec: { volumeClaimTemplates: [{ metadata: { name: "data", labels: { "user-data": "personal" } } }] } },
            "spec.volumeClaimTemplates[0].metadata.labels",
        ],
        ["openstack:blockstorage/volume:Volume", { size: 10, metadata: { "user-data": "personal", "data-subjects": "RU" } }, "metadata"],
    ])("%s is classified through %s (index path %s)", (type, props, origin) => {
        const c = classify({ type, props }, DEFAULT_SETTINGS);
        expect(c.russianPersonalData).toBe("yes");
        expect(c.categoriesFrom).toContain(origin);
    });
});
