// The flow table (policypack/data/flow-kinds.json): its shape against its JSON Schema, and each row
// against its primary source, the type's declaration in the installed @pulumi/aws SDK: the type
// exists, declares the properties the row reads, and has a tags property exactly when the row says.
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import data from "../../policypack/data/flow-kinds.json";
import schema from "../../policypack/data/flow-kinds.schema.json";
import { FLOW_EXTRACTORS, UNTAGGABLE_FLOW_TYPES } from "../../policypack/src/flows/flows";
import { GROUPS } from "../../policypack/src/flows/groups";
import { FLOW_KIND_ROWS } from "../../policypack/src/flows/table";
import { ROOT } from "../helpers/cli";

const SDK = path.join(ROOT, "node_modules", "@pulumi", "aws");
const sdkVersion = (JSON.parse(fs.readFileSync(path.join(SDK, "package.json"), "utf8")) as { version: string }).version;

/** The declaration file of an aws type token: aws:s3/bucketLogging:BucketLogging → s3/bucketLogging.d.ts. */
function declarationOf(type: string): string {
    const m = /^aws:([^/]+)\/([^:]+):/.exec(type);
    if (!m) throw new Error(`not an aws type token: ${type}`);
    return `${m[1]}/${m[2]}.d.ts`;
}

function declares(text: string, property: string): boolean {
    return new RegExp(`readonly ${property}\\??:`).test(text);
}

describe("data/flow-kinds.json", () => {
    it("matches its JSON Schema", () => {
        const ajv = new Ajv({ allErrors: true, strict: true });
        addFormats(ajv);
        const validate = ajv.compile(schema);
        expect(validate(data), JSON.stringify(validate.errors, null, 1)).toBe(true);
    });

    it("has one row a type, and every group it names exists", () => {
        const types = FLOW_KIND_ROWS.map((r) => r.type);
        expect(types.length).toBe(new Set(types).size);
        const named = FLOW_KIND_ROWS.flatMap((r) => [r.from, r.to]).flatMap((e) => (e.resolve === "reference" ? e.groups : []));
        expect(named.filter((g) => !Object.prototype.hasOwnProperty.call(GROUPS, g))).toEqual([]);
    });

    it("every row is a flow kind", () => {
        for (const r of FLOW_KIND_ROWS) expect(Object.prototype.hasOwnProperty.call(FLOW_EXTRACTORS, r.type), r.type).toBe(true);
    });

    for (const row of FLOW_KIND_ROWS) {
        it(`${row.type}: its source is the SDK's declaration of the type, which declares what the row reads`, () => {
            expect(row.source).toBe(`npm:@pulumi/aws@${sdkVersion}/${declarationOf(row.type)}`);
            const text = fs.readFileSync(path.join(SDK, declarationOf(row.type)), "utf8");
            const code = fs.readFileSync(path.join(SDK, declarationOf(row.type).replace(/\.d\.ts$/, ".js")), "utf8");
            expect(code, "the SDK file is that type's").toContain(`static __pulumiType = '${row.type}';`);
            for (const end of [row.from, row.to]) {
                if (end.resolve === "itself") continue;
                const top = end.property.split(/[.[]/, 1)[0]!;
                expect(declares(text, top), `${declarationOf(row.type)} declares no ${top}`).toBe(true);
            }
            expect(row.taggable, `taggable is ${row.taggable}, but ${declarationOf(row.type)} ${row.taggable ? "has no" : "has a"} tags property`).toBe(declares(text, "tags"));
        });
    }
});

describe("every flow kind", () => {
    for (const type of Object.keys(FLOW_EXTRACTORS)) {
        it(`${type}: is untaggable exactly when the SDK declares no tags for it`, () => {
            const text = fs.readFileSync(path.join(SDK, declarationOf(type)), "utf8");
            expect(UNTAGGABLE_FLOW_TYPES.has(type)).toBe(!declares(text, "tags"));
        });
    }
});
