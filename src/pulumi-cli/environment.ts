// An isolated place to run the real `pulumi` CLI with no network, no cloud and no credentials:
// a fresh PULUMI_HOME holding only our offline test providers, a file backend in a temporary
// folder, passphrase secrets, and the policy-pack shim on PATH.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { installTestProviders } from "../provider/install";

export interface CliEnvironment {
    /** The `pulumi` binary. */
    readonly pulumi: string;
    /** The temporary folder everything lives in. */
    readonly dir: string;
    readonly home: string;
    readonly backend: string;
    readonly passphrase: string;
    /** The environment to run the CLI (and Automation API programs) with. */
    readonly env: Record<string, string>;
    dispose(): void;
}

/** Variables that would reach a cloud, a Pulumi service or the user's own Pulumi setup. */
const DROPPED_ENV = /^(AWS_|PULUMI_|YC_|GOOGLE_|ARM_|AZURE_|OS_|KUBECONFIG$)/;

/**
 * Without a language host for the pack's runtime, the engine starts a policy pack through the
 * analyzer plugin `pulumi-analyzer-policy-<runtime>`, run in the pack's folder with the engine's
 * address and "." (pulumi/pulumi sdk/go/common/resource/plugin/analyzer_plugin.go,
 * NewPolicyAnalyzer, at v3.248.0). This shim runs the pack the way that route and the Node
 * language host both end up running it: @pulumi/pulumi's cmd/run-policy-pack, resolved from the
 * pack's folder.
 */
const POLICY_SHIM = `#!/bin/sh
script="$(node -e 'process.stdout.write(require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [process.cwd()] }))')" || exit 1
exec node "$script" "$1" "$2"
`;

/** The version of @pulumi/pulumi this package runs, which the CLI it drives must match. */
export function sdkVersion(): string {
    return (JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string }).version;
}

export function makeCliEnvironment(pulumi: string, options: { keep?: boolean } = {}): CliEnvironment {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ru-residency-pulumi-"));
    const home = path.join(dir, "home");
    const state = path.join(dir, "state");
    const bin = path.join(dir, "bin");
    for (const d of [home, state, bin]) fs.mkdirSync(d, { recursive: true });
    installTestProviders(home);
    // Installed as a plugin rather than put on PATH, so the engine does not warn that it uses an
    // ambient plugin (sdk/go/common/workspace/plugins.go, getPluginInfoAndPath).
    const shimDir = path.join(home, "plugins", `analyzer-policy-nodejs-v${sdkVersion()}`);
    fs.mkdirSync(shimDir, { recursive: true });
    fs.writeFileSync(path.join(shimDir, "pulumi-analyzer-policy-nodejs"), POLICY_SHIM, { mode: 0o755 });
    const passphrase = "ru-residency-conformance";
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !DROPPED_ENV.test(k)) env[k] = v;
    Object.assign(env, {
        PATH: [bin, path.dirname(pulumi), path.dirname(process.execPath), process.env.PATH ?? ""].join(path.delimiter),
        PULUMI_HOME: home,
        PULUMI_BACKEND_URL: `file://${state}`,
        PULUMI_CONFIG_PASSPHRASE: passphrase,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
        PULUMI_SKIP_CONFIRMATIONS: "true",
        // --event-log, the engine's exact policy events, is registered only with debug commands on
        // (pkg/cmd/pulumi/operations/preview.go), as Automation API turns them on for onEvent.
        PULUMI_DEBUG_COMMANDS: "true",
        PULUMI_NO_COLOR: "true",
        NO_COLOR: "1",
    });
    return {
        pulumi,
        dir,
        home,
        backend: env.PULUMI_BACKEND_URL!,
        passphrase,
        env,
        dispose: () => {
            if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}
