// The compiled pack over the real Analyzer protocol, in a bare environment (PATH and an empty
// HOME, no proxies, no cloud credentials) with a preload that blocks every non-loopback
// connection and reports what the pack's code touches. The pack must decide exactly as it does
// in a full environment, make no network call, read no environment variable and no file
// outside its folder while deciding, and never put a secret in a message, a log line or stderr.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { crossBorderExamples } from "../../policypack/policies/ru-personal-data-cross-border-transfer.examples";
import { localizationExamples } from "../../policypack/policies/ru-personal-data-localization.examples";
import { classificationExamples } from "../../policypack/policies/user-data-classification.examples";
import type { StackExample } from "../../policypack/policies/example-types";
import { parsePackConfigFile, reconcilePackConfig } from "../../src/engine/pack-config";
import { secretValue } from "../../src/engine/protocol";
import { AnalyzerInfo, Diagnostic, EngineResource, PackSession } from "../../src/engine/runner";
import { engineResource } from "../helpers/examples";

const PACK = path.resolve(__dirname, "../../policypack");
const PRELOAD = path.resolve(__dirname, "sandbox-preload.cjs");
const CANARY = "zqcanary7d1f0c9e4b2a86d3f5e1c0b9";

let normal: PackSession;
let sandboxed: PackSession;
let info: AnalyzerInfo;
let home: string;

beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "ru-residency-empty-home-"));
    normal = await PackSession.start(PACK);
    sandboxed = await PackSession.start(PACK, {
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, NODE_OPTIONS: `--require ${PRELOAD}` },
    });
    info = await normal.getAnalyzerInfo();
});
afterAll(async () => {
    await normal?.close();
    await sandboxed?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
});

/** Each resource example of each resource policy, with its config, as (config, stack, resource). */
function resourceCases() {
    const out: { title: string; config: Record<string, unknown>; stackTags?: Record<string, string>; resource: EngineResource; dryRun: boolean }[] = [];
    const suites: [string, typeof localizationExamples][] = [
        ["ru-personal-data-localization", localizationExamples],
        ["user-data-classification", classificationExamples],
    ];
    for (const [policy, examples] of suites) {
        for (const ex of [...examples.allowed, ...examples.disallowed]) {
            if (ex.schemaRejects) continue;
            out.push({ title: `${policy}: ${ex.title}`, config: ex.config ? { [policy]: ex.config } : {}, stackTags: ex.stackTags, resource: engineResource(ex.resource), dryRun: true });
        }
    }
    return out;
}

function stackResources(ex: StackExample): EngineResource[] {
    const urn = (name: string) => engineResource({ ...ex.resources.find((r) => r.name === name)!, name }).urn;
    return ex.resources.map((r) => ({
        ...engineResource(r),
        dependencies: (r.dependencies ?? []).map(urn),
        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, names]) => [k, names.map(urn)])),
    }));
}

async function configureFor(session: PackSession, config: Record<string, unknown>, stackTags: Record<string, string> | undefined, dryRun: boolean) {
    await session.configure(reconcilePackConfig(info.policies, info.initialConfig, parsePackConfigFile(config)));
    await session.configureStack({ stack: "dev", project: "examples", organization: "acme", dryRun, tags: stackTags });
}

/** Every example through one session: the diagnostics, in order. */
async function runExamples(session: PackSession): Promise<Diagnostic[][]> {
    const results: Diagnostic[][] = [];
    for (const c of resourceCases()) {
        await configureFor(session, c.config, c.stackTags, c.dryRun);
        results.push(await session.analyze(c.resource));
    }
    for (const ex of [...crossBorderExamples.allowed, ...crossBorderExamples.disallowed]) {
        await configureFor(session, ex.config ? { "ru-personal-data-cross-border-transfer": ex.config } : {}, ex.stackTags, true);
        results.push(await session.analyzeStack(stackResources(ex)));
    }
    return results;
}

function sandboxLines(text: string): string[] {
    return text.split("\n").filter((l) => l.startsWith("SANDBOX "));
}

describe("a bare, network-less environment", () => {
    it("gives exactly the same decisions as a full environment, with no network, env or outside file access while deciding", async () => {
        const startup = sandboxLines(sandboxed.stderr);
        // The preload is loaded: it saw the pack read its own files.
        expect(startup.some((l) => l.startsWith("SANDBOX file ") && l.includes(path.join("policypack", "bin")))).toBe(true);
        const before = sandboxed.stderr.length;
        const expected = await runExamples(normal);
        const got = await runExamples(sandboxed);
        expect(got).toEqual(expected);
        expect(expected.flat().length).toBeGreaterThan(10);
        // Give the last stderr chunk time to arrive.
        await new Promise((r) => setTimeout(r, 200));
        const during = sandboxLines(sandboxed.stderr.slice(before));
        expect(during).toEqual([]);
        // While loading, the pack reads its own files and its dependencies, and nothing else.
        for (const line of startup) {
            expect(line, line).toMatch(/^SANDBOX (file|net) /);
            if (line.startsWith("SANDBOX net ")) expect(line).toMatch(/127\.0\.0\.1|localhost|::1/);
            if (line.startsWith("SANDBOX file ")) expect(line.includes(PACK) || line.includes(`${path.sep}node_modules${path.sep}`), line).toBe(true);
        }
        expect(sandboxed.stderr).not.toContain("SANDBOX net-blocked");
    });

    it("the preload really blocks the network (so the check above means something)", async () => {
        const { spawnSync } = await import("node:child_process");
        const attempts = [
            ["require('net').connect(443, '192.0.2.1').on('error', () => {})", "connect 192.0.2.1"],
            ["require('https').get('https://192.0.2.1/x').on('error', () => {})", "connect 192.0.2.1"],
            ["require('dns').lookup('example.com', () => {})", "dns.lookup example.com"],
        ];
        for (const [script, blocked] of attempts) {
            const r = spawnSync(process.execPath, ["-e", script!], { env: { PATH: process.env.PATH ?? "", HOME: home, NODE_OPTIONS: `--require ${PRELOAD}` }, encoding: "utf8", timeout: 10_000 });
            expect(r.stderr).toContain(`sandbox: no network (${blocked})`);
        }
        // And it sees environment and file reads made by code in a policypack/bin folder.
        const bin = path.join(home, "probe", "policypack", "bin");
        fs.mkdirSync(bin, { recursive: true });
        fs.writeFileSync(path.join(bin, "probe.js"), "process.env.AWS_ENDPOINT_URL_S3; require('fs').existsSync('/etc/hostname');\n");
        const r = spawnSync(process.execPath, [path.join(bin, "probe.js")], {
            env: { PATH: process.env.PATH ?? "", HOME: home, NODE_OPTIONS: `--require ${PRELOAD}` },
            encoding: "utf8",
            timeout: 10_000,
        });
        expect(sandboxLines(r.stderr)).toEqual(expect.arrayContaining(['SANDBOX env "AWS_ENDPOINT_URL_S3"', 'SANDBOX file "/etc/hostname"']));
    });
});

// ---- Secrets over the real protocol ------------------------------------------------------

const long = (word: string) => `${word} ${CANARY} ${"q".repeat(80)}`;
const canaryResources: EngineResource[] = [
    engineResource({
        type: "aws:s3/bucket:Bucket",
        name: "customers",
        props: {
            tags: secretValue({ "user-data": long("personal"), "data-subjects": secretValue(long("RU")), owner: secretValue(CANARY) }),
            tagsAll: { "us\u0435r-data": long("pii"), note: CANARY.repeat(3) },
            password: secretValue(CANARY),
            serverSideEncryptionConfiguration: { rule: { kmsMasterKeyId: secretValue(CANARY) } },
        },
        provider: {
            props: {
                region: "eu-central-1",
                accessKey: CANARY,
                secretKey: secretValue(CANARY),
                token: secretValue(CANARY),
                endpoints: JSON.stringify([{ s3: `https://AKIA:${CANARY}@s3.eu-central-1.amazonaws.com`, dynamodb: `https://u:${CANARY}@bad host` }]),
                defaultTags: JSON.stringify({ tags: { "data-subjects": long("RU") } }),
            },
        },
    }),
    engineResource({
        type: "aws:dynamodb/table:Table",
        name: "sessions",
        props: { tags: { "user-data": long("\u0440\u0435rsonal") } },
        provider: { props: { region: secretValue("eu-west-1"), endpoints: JSON.stringify([{ dynamodb: `https://u:${CANARY}@bad host` }]) } },
    }),
    engineResource({
        type: "acme:storage:Bucket",
        name: "vault",
        props: { tags: { "user-data": long("personal") }, apiKey: secretValue(CANARY) },
        provider: { props: { token: secretValue(CANARY) } },
    }),
];

describe("secrets over the real protocol", () => {
    it("no canary in any diagnostic, engine log line or stderr, and the resources are still decided", async () => {
        for (const session of [normal, sandboxed]) {
            await configureFor(session, {}, { "data-subjects": long("RU") }, true);
            const diags: Diagnostic[] = [];
            for (const r of canaryResources) diags.push(...(await session.analyze(r)));
            diags.push(...(await session.analyzeStack(canaryResources)));
            expect(diags.filter((d) => d.policyName === "ru-personal-data-localization").map((d) => [d.urn.split("::").pop(), d.enforcementLevel])).toEqual([
                ["customers", "mandatory"],
                ["sessions", "mandatory"],
                ["vault", "mandatory"],
            ]);
            const text = [...diags.map((d) => `${d.message}\n${d.description}`), ...session.logs.map((l) => l.message), session.stderr].join("\n");
            expect(text).not.toContain(CANARY);
            expect(text).not.toContain("q".repeat(64));
        }
    });
});

// ---- Limits over the real protocol (completion only; the benchmark measures time) ---------

describe("limits over the real protocol", () => {
    it("megabyte-sized properties and thousands of tags are decided", async () => {
        await configureFor(sandboxed, {}, undefined, false);
        const mb = "m".repeat(1 << 20);
        const tags: Record<string, string> = { "user-data": "personal", "data-subjects": "RU" };
        for (let i = 0; i < 5_000; i++) tags[`tag-${i}`] = `value-${i}`;
        const big = engineResource({ type: "aws:s3/bucket:Bucket", name: "big", props: { policy: mb, tags: { ...tags, blob: mb } }, provider: { props: { region: "eu-central-1" } } });
        const many = engineResource({
            type: "aws:s3/bucket:Bucket",
            name: "many",
            props: { tags, tagsAll: tags },
            provider: { props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) } },
        });
        const d1 = await sandboxed.analyze(big);
        const d2 = await sandboxed.analyze(many);
        expect(d1.map((d) => [d.policyName, d.enforcementLevel])).toEqual([["ru-personal-data-localization", "mandatory"]]);
        expect(d2).toEqual([]);
        const stack = await sandboxed.analyzeStack([big, many]);
        expect(stack).toEqual([]);
    });
});
