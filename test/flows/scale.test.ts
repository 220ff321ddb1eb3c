// A 20,000-resource stack with 2,000 flows: the analysis completes and gets every flow right. No
// timing assertions here (the benchmark measures speed); the index makes each lookup a map access.
import { describe, expect, it } from "vitest";
import { crossBorderPolicy } from "../../policypack/policies/ru-personal-data-cross-border-transfer";
import { runStackPolicy, StackResourceSpec, urnOf, UNKNOWN } from "../helpers/harness";
import { decide, PERSONAL_RU, Spec, urn } from "./helpers";

const S3 = "aws:s3/bucket:Bucket";
const REPL = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const FLOWS = 2_000;
const TOTAL = 20_000;

function fixture(): Spec[] {
    const specs: Spec[] = [];
    for (let i = 0; i < FLOWS; i++) {
        const abroad = i % 2 === 1;
        specs.push({ type: S3, name: `src-${i}`, props: { bucket: `src-${i}`, arn: `arn:aws:s3:::src-${i}`, tags: PERSONAL_RU } });
        specs.push({ type: S3, name: `dst-${i}`, props: { bucket: `dst-${i}`, arn: UNKNOWN }, place: abroad ? "abroad" : "ru" });
        // Half name the destination by ARN, half only through the property dependency (preview).
        const byArn = i % 4 < 2;
        specs.push({
            type: REPL,
            name: `repl-${i}`,
            props: { bucket: `src-${i}`, rules: [{ destination: { bucket: byArn ? `arn:aws:s3:::dst-${i}` : UNKNOWN } }] },
            deps: byArn ? {} : { rules: [`dst-${i}`], bucket: [`src-${i}`] },
        });
    }
    for (let i = specs.length; i < TOTAL; i++) {
        specs.push(
            i % 2 === 0
                ? { type: S3, name: `filler-${i}`, props: { bucket: `filler-${i}`, tags: { "user-data": "none" } }, place: "abroad" }
                : { type: "aws:dynamodb/table:Table", name: `filler-${i}`, props: { name: `filler-${i}` } },
        );
    }
    return specs;
}

describe("scale", () => {
    it(`analyses ${TOTAL} resources with ${FLOWS} flows and reports exactly the flows abroad`, () => {
        const specs = fixture();
        expect(specs.length).toBe(TOTAL);
        const found = decide(specs);
        const urns = new Set(found.map((f) => f.urn));
        expect(found.length).toBe(FLOWS); // a flow finding and a store finding for each of the 1,000 abroad
        for (let i = 0; i < FLOWS; i++) {
            expect(urns.has(urn(REPL, `repl-${i}`))).toBe(i % 2 === 1);
            expect(urns.has(urn(S3, `dst-${i}`))).toBe(i % 2 === 1);
        }
        expect(found.every((f) => !f.downgrade)).toBe(true);
    });

    it("runs the same stack through the policy as @pulumi/policy's server would", async () => {
        const specs = fixture();
        const byName = new Map(specs.map((s) => [s.name, urnOf(s.type, s.name)]));
        const harness: StackResourceSpec[] = specs.map((s) => ({
            type: s.type,
            name: s.name,
            props: s.props,
            provider:
                s.place === "abroad"
                    ? { name: "frankfurt", props: { region: "eu-central-1" } }
                    : { name: "ru", props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) } },
            propertyDependencies: Object.fromEntries(Object.entries(s.deps ?? {}).map(([k, v]) => [k, (v ?? []).map((n) => byName.get(n)!)])),
        }));
        const violations = await runStackPolicy(crossBorderPolicy, harness);
        expect(violations.length).toBe(FLOWS);
        expect(violations.every((v) => v.level === "mandatory" && v.policy === crossBorderPolicy.name)).toBe(true);
        expect(violations.filter((v) => v.urn === urnOf(REPL, "repl-1"))).toHaveLength(1);
    });
});
