// Installs the test resource providers into an isolated PULUMI_HOME, where the engine finds them
// without any network.
//
// The layout is the engine's plugin cache (pulumi/pulumi@dc7edd58bc13
// sdk/go/common/workspace/plugins.go): $PULUMI_HOME/plugins (GetPluginDir) holds one directory per
// plugin named <kind>-<name>-v<version> (PluginDescriptor.Dir) containing the executable
// pulumi-<kind>-<name> (PluginDescriptor.File). GetPluginsFromDir lists such directories and skips one
// that has a sibling "<dir>.partial" (an unfinished install), so none may exist; the "<dir>.lock" file
// only guards concurrent installs and is not needed to load a plugin. The Node SDK asks for
// aws 7.48.0 (the version of the installed @pulumi/aws), which SelectCompatiblePlugin matches.
import * as fs from "node:fs";
import * as path from "node:path";

export interface TestProvider {
    kind: "resource";
    name: string;
    version: string;
    /** Absolute path of the compiled plugin entry point. */
    script: string;
}

function repoRoot(from: string): string {
    let dir = from;
    for (;;) {
        if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "src", "provider"))) return dir;
        const up = path.dirname(dir);
        if (up === dir) throw new Error(`no repository root above ${from}`);
        dir = up;
    }
}

/** The compiled aws plugin: next to this file when it runs from dist/, else in dist/ of the repo. */
export function awsPluginScript(): string {
    const candidates = [path.join(__dirname, "aws", "plugin.js"), path.join(repoRoot(__dirname), "dist", "src", "provider", "aws", "plugin.js")];
    const found = candidates.find((c) => fs.existsSync(c));
    if (!found) throw new Error(`compiled plugin not found (run npm run build): ${candidates.join(", ")}`);
    return path.resolve(found);
}

export function testProviders(): TestProvider[] {
    return [{ kind: "resource", name: "aws", version: "7.48.0", script: awsPluginScript() }];
}

/** The directory and executable the engine will look for. */
export function pluginPaths(pulumiHome: string, p: Pick<TestProvider, "kind" | "name" | "version">): { dir: string; exe: string } {
    const dir = path.join(pulumiHome, "plugins", `${p.kind}-${p.name}-v${p.version}`);
    return { dir, exe: path.join(dir, `pulumi-${p.kind}-${p.name}`) };
}

function shellQuote(s: string): string {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Writes every test provider into `pulumiHome` (created if missing). Idempotent. */
export function installTestProviders(pulumiHome: string): void {
    for (const p of testProviders()) {
        const { dir, exe } = pluginPaths(pulumiHome, p);
        fs.mkdirSync(dir, { recursive: true });
        fs.rmSync(`${dir}.partial`, { force: true });
        const script = `#!/bin/sh\n# Test provider pulumi-${p.kind}-${p.name} v${p.version} (src/provider/install.ts).\nexec ${shellQuote(process.execPath)} ${shellQuote(p.script)} "$@"\n`;
        fs.writeFileSync(exe, script, { mode: 0o755 });
        fs.chmodSync(exe, 0o755);
    }
}
