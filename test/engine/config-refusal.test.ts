// A bad --policy-pack-config is refused exactly as pulumi v3.248.0 refuses it, and what the CLI
// accepts is accepted. The CLI's own outputs, recorded on the real CLI, are the data in
// test/fixtures/real-cli/config-refusal.json: every case here is checked against them, in
// process (one pack session per pack), and a sample end to end through the ru-residency command.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkPackConfig, readPackConfigFile } from "../../src/analyze";
import { TRANSLATED_KEYWORDS } from "../../src/engine/pack-config";
import { AnalyzerInfo, PackSession } from "../../src/engine/runner";
import { InputError } from "../../src/program/stack-config";
import { ROOT, runCli } from "../helpers/cli";

interface Case {
    name: string;
    config?: unknown;
    configText?: string;
    pack: string;
    cliExitCode: number;
    cliOutcome: "refused" | "accepted" | "blocked";
    cliErrorLines: string[];
    cliPoliciesSection?: string;
}

const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, "test", "fixtures", "real-cli", "config-refusal.json"), "utf8")) as { cli: { version: string }; cases: Case[] };
const PROGRAM = "test/fixtures/programs/component";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "config-refusal-"));

function configFile(c: Case): string {
    const file = path.join(dir, `${c.name}.json`);
    fs.writeFileSync(file, c.configText ?? JSON.stringify(c.config));
    return file;
}

/** The CLI's lines with the pack path as ru-residency names it (relative to the working directory, the repository here). */
const cliLines = (c: Case) => c.cliErrorLines.map((l) => l.split("<pack>").join(c.pack));

const POLICIES = '"ru-personal-data-localization", "user-data-classification", "ru-personal-data-cross-border-transfer"';
const LOCALIZATION_PROPERTIES =
    '"allowBroadExemptions", "categoriesTagKey", "clusterLocations", "defaultSubjects", "endpointCountries", "exemptions", "onUnknown", "providerDefaults", "providerLocations", "subjectsTagKey", "transfers"';
/** The warnings the CLI does not give: config it accepts but no policy reads. */
const WARNINGS: Record<string, string[]> = {
    "unknown-policy": [`"no-such-policy" is not a policy of this pack (it has ${POLICIES}); pulumi ignores it`],
    "unknown-policy-props": [`"no-such-policy" is not a policy of this pack (it has ${POLICIES}); pulumi ignores it`],
    "unknown-policy-level-and-props": [`"no-such-policy" is not a policy of this pack (it has ${POLICIES}); pulumi ignores it`],
    "unknown-property": [`"noSuchProp" is not a config property of ru-personal-data-localization (it has ${LOCALIZATION_PROPERTIES}); pulumi ignores it`],
    "all-props": [`"all" sets every policy's enforcement level and nothing else; pulumi ignores its property "onUnknown"`],
    "all-level-and-props": [`"all" sets every policy's enforcement level and nothing else; pulumi ignores its property "onUnknown"`],
    // Copies of a shared setting that differ: the CLI accepts them, ru-residency says so.
    semantic: [
        `defaultSubjects differs between policies (ru-personal-data-localization and ru-personal-data-cross-border-transfer: ["*"]; user-data-classification: ["XX"]); each policy reads only its own copy, so the policies decide on different facts. Set the same value on every policy that takes it.`,
        `endpointCountries differs between policies (ru-personal-data-localization: {}; ru-personal-data-cross-border-transfer: {"a":"ZZ"}); each policy reads only its own copy, so the policies decide on different facts. Set the same value on every policy that takes it.`,
    ],
};

/** Where we knowingly differ: JSON syntax errors keep JavaScript's message, which says where (README). */
const OWN_MESSAGE: Record<string, (file: string) => string> = {
    "root-invalid-json": (file) => `${file}: the policy pack config is not valid JSON (Unexpected token '}', "{"a": }" is not valid JSON)`,
};

/**
 * We do not check "format" (ajv's format checkers are not gojsonschema's, and no schema of the
 * pack uses one), so the probe pack's two format errors are the only CLI lines we do not print.
 */
const expectedLines = (c: Case) => cliLines(c).filter((l) => c.name !== "probe-strings" || !l.includes("Does not match format"));

const sessions = new Map<string, { session: PackSession; info: AnalyzerInfo }>();

beforeAll(async () => {
    for (const pack of new Set(fixture.cases.map((c) => c.pack))) {
        const session = await PackSession.start(path.join(ROOT, pack));
        sessions.set(pack, { session, info: await session.getAnalyzerInfo() });
    }
});

afterAll(async () => {
    for (const { session } of sessions.values()) await session.close();
    fs.rmSync(dir, { recursive: true, force: true });
});

describe(`the config refusals recorded on pulumi ${fixture.cli.version}`, () => {
    it("cover every kind of error the pack's schemas can produce, and more", () => {
        const refused = fixture.cases.filter((c) => c.cliOutcome === "refused").flatMap((c) => c.cliErrorLines);
        for (const wording of [
            "Invalid type. Expected: ",
            " must be one of the following: ",
            " is required",
            "Additional property ",
            "String length must be greater than or equal to ",
            "Does not match pattern '",
            "Must be greater than or equal to ",
            "Must be less than ",
            "array items[",
            "parsing enforcement level for ",
            "is not a valid value; must be a string or object",
            "json: cannot unmarshal ",
            "specifies ESC environments",
            'invalid enforcement level ""',
        ]) {
            expect(
                refused.some((l) => l.includes(wording)),
                wording,
            ).toBe(true);
        }
        expect(fixture.cases.length).toBeGreaterThanOrEqual(70);
    });

    it("the pack's schemas use only keywords whose errors we word as gojsonschema does", () => {
        const used = new Set<string>();
        const walk = (schema: Record<string, unknown>) => {
            for (const [k, v] of Object.entries(schema)) {
                used.add(k);
                if (k === "properties" || k === "patternProperties") for (const sub of Object.values(v as Record<string, Record<string, unknown>>)) walk(sub);
                else if ((k === "items" || k === "additionalProperties") && v && typeof v === "object") walk(v as Record<string, unknown>);
            }
        };
        const { info } = sessions.get("policypack")!;
        for (const p of info.policies) if (p.configSchema) walk({ type: "object", properties: p.configSchema.properties, required: p.configSchema.required });
        const annotations = ["default", "description", "title", "examples"];
        expect([...used].filter((k) => !annotations.includes(k) && !(TRANSLATED_KEYWORDS as readonly string[]).includes(k))).toEqual([]);
    });

    for (const c of fixture.cases) {
        it(`${c.name}: ${c.cliOutcome === "refused" ? "refused with the CLI's lines (ru-residency exits 2)" : `accepted, as by the CLI (exit ${c.cliExitCode})`}`, () => {
            const { info } = sessions.get(c.pack)!;
            const file = configFile(c);
            const warnings: string[] = [];
            let refusal: string | undefined;
            try {
                checkPackConfig(info, readPackConfigFile(file), { configFile: file, onWarning: (w) => warnings.push(w) }, path.join(ROOT, c.pack));
            } catch (e) {
                expect(e).toBeInstanceOf(InputError); // printed after "ru-residency: ", exit code 2
                refusal = (e as Error).message;
            }
            if (c.cliOutcome === "refused") {
                const own = OWN_MESSAGE[c.name];
                expect(refusal).toBe(own ? own(file) : [`${file}: invalid policy pack config:`, ...expectedLines(c)].join("\n"));
            } else {
                expect(refusal).toBeUndefined();
            }
            expect(warnings).toEqual((WARNINGS[c.name] ?? []).map((w) => `${file}: ${w}`));
        });
    }
});

describe("ru-residency refuses and accepts config as pulumi does, end to end", () => {
    const byName = new Map(fixture.cases.map((c) => [c.name, c]));
    const run = (c: Case) => runCli(["preview", PROGRAM, "--policy-pack-config", configFile(c), ...(c.pack === "policypack" ? [] : ["--policy-pack", c.pack])]);

    for (const name of ["enum", "required-and-type", "multi-policy", "level-string", "value-nested-map", "root-array", "environments", "all-props", "probe-arrays"]) {
        it.concurrent(`${name}: exit 2, our one-line reason, then exactly the CLI's error lines`, async () => {
            const c = byName.get(name)!;
            const res = await run(c);
            expect(res.code).toBe(2);
            expect(res.stdout).toBe("");
            const file = path.join(dir, `${c.name}.json`);
            const warnings = (WARNINGS[name] ?? []).map((w) => `ru-residency: warning: ${file}: ${w}\n`).join("");
            expect(res.stderr).toBe(`${warnings}ru-residency: ${file}: invalid policy pack config:\n${cliLines(c).join("\n")}\n`);
        });
    }

    it.concurrent("root-invalid-json: exit 2 with JavaScript's message, which says where (the CLI prints Go's)", async () => {
        const c = byName.get("root-invalid-json")!;
        const res = await run(c);
        expect(res.code).toBe(2);
        expect(res.stderr).toBe(`ru-residency: ${OWN_MESSAGE["root-invalid-json"]!(path.join(dir, `${c.name}.json`))}\n`);
    });

    it.concurrent("unknown-property: accepted (exit 0) as by the CLI, with a warning the CLI does not give", async () => {
        const c = byName.get("unknown-property")!;
        const res = await run(c);
        expect(res.code).toBe(0);
        expect(res.stderr).toBe(`ru-residency: warning: ${path.join(dir, `${c.name}.json`)}: ${WARNINGS["unknown-property"]![0]}\n`);
        expect(res.stdout).toBe(`${c.cliPoliciesSection!.split("<pack>").join("policypack")}Analysed 1 resource: 0 mandatory, 0 advisory policy violations; the deployment would proceed.\n`);
    });

    it.concurrent("unknown-property under --update (a preview, then the update): warned once", async () => {
        const c = byName.get("unknown-property")!;
        const res = await runCli(["preview", PROGRAM, "--update", "--policy-pack-config", configFile(c)]);
        expect(res.code).toBe(0);
        expect(res.stderr).toBe(`ru-residency: warning: ${path.join(dir, `${c.name}.json`)}: ${WARNINGS["unknown-property"]![0]}\n`);
    });

    it.concurrent("semantic: what only the pack can check is reported by the pack at its policies' levels (exit 1), with the CLI's very Policies section", async () => {
        const c = byName.get("semantic")!;
        const res = await run(c);
        expect(res.code).toBe(1);
        expect(res.stderr).toBe(WARNINGS.semantic!.map((w) => `ru-residency: warning: ${path.join(dir, `${c.name}.json`)}: ${w}\n`).join(""));
        expect(res.stdout).toBe(`${c.cliPoliciesSection!.split("<pack>").join("policypack")}Analysed 1 resource: 2 mandatory, 1 advisory policy violations; the deployment would be BLOCKED.\n`);
    });
});
