// The ru-residency command as a user outside this repository gets it: `npm pack` of the root
// package, unpacked into a clean folder's node_modules with only its declared dependencies (and
// theirs) beside it, run through its `bin` on a program in that folder. No network: the
// dependencies are copied from this repository's node_modules, where npm would place them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "../helpers/cli";

interface Manifest {
    name: string;
    version: string;
    bin?: Record<string, string>;
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "installed-command-"));
const app = path.join(work, "app");
const installed = path.join(app, "node_modules", "ru-data-residency");

function packageDir(name: string, from: string): string | undefined {
    for (let dir = from; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, "node_modules", name);
        if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
        if (path.dirname(dir) === dir) return undefined;
    }
}

/** Copy the declared dependencies, recursively, flat where nothing conflicts and nested where it does. */
function installDeclared(manifestDir: string, resolveFrom: string): void {
    const top = path.join(app, "node_modules");
    const placed = new Map<string, string>();
    const visit = (manifest: Manifest, from: string, into: string) => {
        const deps = { ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies };
        for (const name of Object.keys(deps)) {
            const source = packageDir(name, from);
            if (!source) {
                if (manifest.optionalDependencies?.[name] || manifest.peerDependencies?.[name]) continue;
                throw new Error(`${manifest.name} depends on ${name}, which this repository did not install`);
            }
            const dep = JSON.parse(fs.readFileSync(path.join(source, "package.json"), "utf8")) as Manifest;
            const at = placed.get(name);
            if (at === dep.version) continue;
            const target = at === undefined ? path.join(top, name) : path.join(into, "node_modules", name);
            if (fs.existsSync(target)) continue;
            if (at === undefined) placed.set(name, dep.version);
            fs.cpSync(source, target, { recursive: true, dereference: true, filter: (src) => !src.slice(source.length).includes(`${path.sep}node_modules`) });
            visit(dep, source, target);
        }
    };
    visit(JSON.parse(fs.readFileSync(path.join(manifestDir, "package.json"), "utf8")) as Manifest, resolveFrom, manifestDir);
}

function runNode(script: string, args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
        child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
        child.on("exit", (code) => resolve({ code, stdout, stderr }));
    });
}

let manifest: Manifest;
beforeAll(() => {
    const out = execFileSync("npm", ["pack", ROOT, "--pack-destination", work, "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const tarball = path.join(work, (JSON.parse(out) as { filename: string }[])[0]!.filename);
    fs.mkdirSync(installed, { recursive: true });
    execFileSync("tar", ["xzf", tarball, "-C", installed, "--strip-components=1"]);
    installDeclared(installed, ROOT);
    manifest = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")) as Manifest;
    // A program of the user's own, next to the installed command.
    fs.cpSync(path.join(ROOT, "examples", "frankfurt-bucket"), path.join(app, "frankfurt-bucket"), { recursive: true });
}, 180_000);

afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
});

describe("the installed ru-residency command", () => {
    it("ships the compiled command and the compiled pack, and no sources or tests", () => {
        expect(fs.readdirSync(installed).sort()).toEqual(["README.md", "dist", "docs", "package.json", "policypack"]);
        expect(fs.readdirSync(path.join(installed, "policypack")).sort()).toEqual(["PulumiPolicy.yaml", "README.md", "bin", "data", "package.json"]);
        expect(fs.existsSync(path.join(installed, "dist", "src", "program", "esm-hooks.js"))).toBe(true);
        expect(fs.existsSync(path.join(installed, "test"))).toBe(false);
        expect(fs.readFileSync(path.join(installed, manifest.bin!["ru-residency"]!), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    });

    it("resolves the pack's and the command's dependencies inside the folder", () => {
        expect(require.resolve("@pulumi/policy", { paths: [path.join(installed, "policypack")] }).startsWith(app)).toBe(true);
        expect(require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [path.join(installed, "policypack")] }).startsWith(app)).toBe(true);
        expect(require.resolve("typescript", { paths: [installed] }).startsWith(app)).toBe(true);
    });

    it("prints its version and blocks the Frankfurt bucket exactly as the in-repo command does", async () => {
        const bin = path.join(installed, manifest.bin!["ru-residency"]!);
        const version = await runNode(bin, ["--version"], app);
        expect(version).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: "" });
        const res = await runNode(bin, ["preview", "frankfurt-bucket", "--json"], app);
        expect(res.stderr).toBe("");
        expect(res.code).toBe(1);
        const out = JSON.parse(res.stdout) as { violations: { urn: string; policy: string; level: string }[] };
        expect(out.violations.map((v) => [v.urn, v.policy, v.level])).toEqual([["urn:pulumi:dev::frankfurt-bucket::aws:s3/bucket:Bucket::customers", "ru-personal-data-localization", "mandatory"]]);
    });
});
