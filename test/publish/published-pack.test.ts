// The pack as `pulumi policy publish` ships it: `npm pack` of policypack/, unpacked alone in a
// temporary folder with only its declared dependencies (and theirs), started as the engine
// starts it, gives the same verdicts as the in-repo pack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parsePackConfigFile, reconcilePackConfig } from "../../src/engine/pack-config";
import { Diagnostic, PackSession } from "../../src/engine/runner";
import { readStackExport } from "../../src/stack-export";
import { ROOT } from "../helpers/cli";

const PACK = path.join(ROOT, "policypack");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "published-pack-"));
const installed = path.join(work, "package");
let tarball = "";

interface Manifest {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
}

/** Where node would find a package from a folder (package.json may be hidden by an exports map). */
function packageDir(name: string, from: string): string | undefined {
    for (let dir = from; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, "node_modules", name);
        if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
        if (path.dirname(dir) === dir) return undefined;
    }
}

/**
 * Install a package's declared dependencies, and theirs, by copying the versions this repository
 * installed (no network): each lands where npm would put it when nothing conflicts (flat), or
 * nested under its dependent when another version already took the flat place. Nothing else is
 * there, so a require of an undeclared package fails as it would for a published pack.
 */
function installDeclared(dir: string): string[] {
    const copied: string[] = [];
    const placed = new Map<string, string>(); // name → version at the top level
    const visit = (manifest: Manifest, resolveFrom: string, into: string) => {
        const deps = { ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies };
        for (const name of Object.keys(deps)) {
            const source = packageDir(name, resolveFrom);
            if (!source) {
                if (manifest.optionalDependencies?.[name] || manifest.peerDependencies?.[name]) continue;
                throw new Error(`${manifest.name} depends on ${name}, which this repository did not install`);
            }
            const dep = JSON.parse(fs.readFileSync(path.join(source, "package.json"), "utf8")) as Manifest;
            const top = placed.get(name);
            if (top === dep.version) continue;
            const target = top === undefined ? path.join(dir, "node_modules", name) : path.join(into, "node_modules", name);
            if (fs.existsSync(target)) continue;
            if (top === undefined) placed.set(name, dep.version);
            fs.cpSync(source, target, { recursive: true, dereference: true, filter: (src) => !src.slice(source.length).includes(`${path.sep}node_modules`) });
            copied.push(`${name}@${dep.version}`);
            visit(dep, source, target);
        }
    };
    visit(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest, PACK, dir);
    return copied;
}

const exported = readStackExport(path.join(ROOT, "test", "fixtures", "exports", "shop-prod.json"));

async function verdicts(dir: string): Promise<{ name: string; version: string; policies: string[]; diags: Diagnostic[] }> {
    const session = await PackSession.start(dir);
    try {
        const info = await session.getAnalyzerInfo();
        // A glob exemption makes the pack load picomatch, a run-time dependency the tests must see.
        const given = parsePackConfigFile({ "ru-personal-data-localization": { exemptions: [{ resource: "legacy-*", reason: "migration", expires: "2099-01-01" }] } });
        await session.configure(reconcilePackConfig(info.policies, info.initialConfig, given));
        await session.configureStack({ stack: "prod", project: "shop", organization: "o", dryRun: false });
        const diags: Diagnostic[] = [];
        for (const r of exported.resources) if (r.type !== "pulumi:pulumi:Stack") diags.push(...(await session.analyze(r)));
        diags.push(...(await session.analyzeStack(exported.stackResources)));
        return { name: info.name, version: info.version, policies: info.policies.map((p) => p.name), diags };
    } finally {
        await session.close();
    }
}

beforeAll(() => {
    const out = execFileSync("npm", ["pack", PACK, "--pack-destination", work, "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    tarball = path.join(work, (JSON.parse(out) as { filename: string }[])[0]!.filename);
    execFileSync("tar", ["xzf", tarball, "-C", work]);
    installDeclared(installed);
}, 120_000);

afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
});

describe("the published pack", () => {
    it("ships the compiled pack, its data and its metadata, and no sources or tests", () => {
        const files = fs.readdirSync(installed).sort();
        expect(files).toEqual(["PulumiPolicy.yaml", "README.md", "bin", "data", "node_modules", "package.json"]);
        expect(fs.existsSync(path.join(installed, "bin", "index.js"))).toBe(true);
        expect(fs.existsSync(path.join(installed, "bin", "data", "locations.json"))).toBe(true);
        expect(fs.existsSync(path.join(installed, "index.ts"))).toBe(false);
    });

    it("resolves nothing from outside its folder", () => {
        const resolved = require.resolve("@pulumi/policy", { paths: [installed] });
        expect(resolved.startsWith(installed)).toBe(true);
    });

    it("starts as the engine starts it and answers exactly as the in-repo pack", async () => {
        const [published, local] = await Promise.all([verdicts(installed), verdicts(PACK)]);
        expect(published.name).toBe("ru-data-residency");
        expect(published.policies).toEqual(local.policies);
        expect(published.diags.length).toBeGreaterThan(0);
        expect(published.diags).toEqual(local.diags);
    });
});
