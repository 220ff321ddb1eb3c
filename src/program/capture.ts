// Runs one Pulumi TypeScript/JavaScript program under the SDK's mocks (pulumi.runtime.setMocks,
// its documented unit-test mode) and records every resource registration the way the engine
// receives it: type, name, parent, provider reference, inputs in wire form (unknowns as the
// engine's sentinel, secrets in their envelope), dependencies and property dependencies.
// It runs in a child process (see run-program.ts): a program owns its process's Pulumi runtime.
import * as fs from "node:fs";
import * as path from "node:path";
import type { EngineResource } from "../engine/runner";
import type { StackFiles } from "./stack-config";

export interface CaptureRequest {
    files: StackFiles;
    preview: boolean;
    organization: string;
}

export interface CapturedStack {
    project: string;
    stack: string;
    organization: string;
    config: Record<string, string>;
    resources: EngineResource[];
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProvider(): string;
    getVersion(): string;
    getProtect(): boolean;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void };
    getSourceposition?(): { getUri(): string; getLine(): number; getColumn(): number } | undefined;
}

/**
 * Compile TypeScript on require, the way ts-node's transpile-only mode does, keeping source maps
 * so the SDK's source positions (it reads them off stack traces) name lines of the .ts file.
 */
export function registerTypeScript(): void {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const ts = require("typescript") as typeof import("typescript");
    const sourceMaps = new Map<string, string>();
    (require("source-map-support") as { install(o: object): void }).install({
        environment: "node",
        retrieveSourceMap: (source: string) => {
            const map = sourceMaps.get(source.startsWith("file://") ? new URL(source).pathname : source);
            return map ? { url: source, map } : null;
        },
    });
    /* eslint-enable @typescript-eslint/no-require-imports */
    const ext = require.extensions as Record<string, (m: NodeJS.Module, file: string) => void>;
    ext[".ts"] = (module, file) => {
        const out = ts.transpileModule(fs.readFileSync(file, "utf8"), {
            fileName: file,
            compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, sourceMap: true },
        });
        if (out.sourceMapText) sourceMaps.set(file, out.sourceMapText);
        (module as unknown as { _compile(code: string, file: string): void })._compile(out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, ""), file);
    };
}

/** Where the program declared a resource, as the SDK reports it (a file URI, 1-based line). */
function sourcePosition(request: RegisterRequest): EngineResource["source"] {
    const pos = request.getSourceposition?.();
    if (!pos || !pos.getUri()) return undefined;
    let file = pos.getUri();
    try {
        if (file.startsWith("file://")) file = new URL(file).pathname;
    } catch {
        /* keep the URI as it is */
    }
    return { file, line: pos.getLine(), column: pos.getColumn() };
}

/**
 * In an update, the resources a program references already exist and their outputs are known.
 * A mock cannot know them all; it fills the ones programs pass on to other resources most (the
 * ARN, and a bucket's name), in the shapes AWS gives them. Anything else the program did not set
 * stays undefined, as a provider that returned nothing for it would leave it.
 */
function updateOutputs(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const m = /^aws:([^/]+)\/([^:]+):/.exec(type);
    if (!m) return {};
    const [, module, resource] = m;
    if (type === "aws:s3/bucket:Bucket" || type === "aws:s3/bucketV2:BucketV2") {
        const bucket = typeof inputs.bucket === "string" ? inputs.bucket : name;
        return { bucket, arn: `arn:aws:s3:::${bucket}` };
    }
    // The region is left out rather than guessed: the resource's own resolver places it.
    return { arn: `arn:aws:${module}:${typeof inputs.region === "string" ? inputs.region : ""}:123456789012:${resource!.toLowerCase()}/${name}` };
}

function defaultProviderName(version: string): string {
    return version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
}

export async function captureProgram(req: CaptureRequest): Promise<CapturedStack> {
    const { files, preview, organization } = req;
    // The program's own copy of @pulumi/pulumi is the one whose runtime must be mocked.
    const pulumiPath = require.resolve("@pulumi/pulumi", { paths: [files.dir] });
    /* eslint-disable @typescript-eslint/no-require-imports */
    const pulumi = require(pulumiPath) as typeof import("@pulumi/pulumi");
    const settings = require(path.join(path.dirname(pulumiPath), "runtime", "settings.js")) as {
        getMonitor(): { registerResource(req: RegisterRequest, cb: unknown): Promise<void> };
        waitForRPCs(): Promise<void>;
    };
    /* eslint-enable @typescript-eslint/no-require-imports */

    const stackUrn = `urn:pulumi:${files.stack}::${files.project}::pulumi:pulumi:Stack::${files.project}-${files.stack}`;
    const resources: EngineResource[] = [
        { urn: stackUrn, type: "pulumi:pulumi:Stack", name: `${files.project}-${files.stack}`, custom: false, props: {}, dependencies: [], propertyDependencies: {} },
    ];
    const byUrn = new Map<string, EngineResource>();
    const pending: { resource: EngineResource; providerRef: string; version: string }[] = [];

    await pulumi.runtime.setMocks(
        {
            newResource: (args) =>
                preview && !args.type.startsWith("pulumi:providers:")
                    ? // In a preview nothing exists yet: no id, and every output the program did not
                      // set is unknown (the SDK marks missing outputs unknown during a dry run).
                      { id: undefined, state: args.inputs }
                    : { id: `${args.name}-id`, state: { ...updateOutputs(args.type, args.name, args.inputs), ...args.inputs } },
            call: (args) => args.inputs,
        },
        files.project,
        files.stack,
        preview,
        organization,
    );
    pulumi.runtime.setAllConfig(files.config, files.secretKeys);

    const monitor = settings.getMonitor();
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = async (request: RegisterRequest, cb: unknown) => {
        const type = request.getType();
        const name = request.getName();
        const parent = request.getParent();
        let qualified = type;
        if (parent) qualified = `${parent.split("::")[2]!.split("$").pop()}$${type}`;
        const urn = `urn:pulumi:${files.stack}::${files.project}::${qualified}::${name}`;
        const propertyDependencies: Record<string, string[]> = {};
        request.getPropertydependenciesMap().forEach((v, k) => {
            propertyDependencies[k] = v.getUrnsList();
        });
        const resource: EngineResource = {
            urn,
            type,
            name,
            custom: request.getCustom(),
            props: request.getObject()?.toJavaScript() ?? {},
            parent: parent || stackUrn,
            dependencies: request.getDependenciesList(),
            propertyDependencies,
            protect: request.getProtect(),
            source: sourcePosition(request),
        };
        resources.push(resource);
        byUrn.set(urn, resource);
        if (resource.custom && !type.startsWith("pulumi:providers:")) pending.push({ resource, providerRef: request.getProvider(), version: request.getVersion() });
        return register(request, cb);
    };

    // Load the program as `pulumi up` would: its main module (index.ts or package.json main).
    registerTypeScript();
    const mainPath = require.resolve(files.main);
    const program = require(mainPath) as unknown; // eslint-disable-line @typescript-eslint/no-require-imports
    if (program && typeof (program as { default?: unknown }).default === "function") {
        await (program as { default: () => unknown }).default();
    }
    await settings.waitForRPCs();

    // Default providers, as the engine makes them: one per package and version, configured from
    // the stack's "<package>:*" keys with the prefix removed (JSON-valued keys stay JSON strings).
    const defaults = new Map<string, EngineResource>();
    for (const { resource, providerRef, version } of pending) {
        if (providerRef) {
            const providerUrn = providerRef.split("::").slice(0, -1).join("::");
            const p = byUrn.get(providerUrn);
            if (p) resource.provider = { urn: p.urn, type: p.type, name: p.name, props: p.props };
            continue;
        }
        const pkg = resource.type.split(":")[0]!;
        const key = `${pkg}@${version}`;
        let p = defaults.get(key);
        if (!p) {
            const props: Record<string, unknown> = {};
            for (const [k, v] of Object.entries(files.config)) if (k.startsWith(`${pkg}:`)) props[k.slice(pkg.length + 1)] = v;
            if (version) props.version = version;
            const pname = defaultProviderName(version);
            const type = `pulumi:providers:${pkg}`;
            p = { urn: `urn:pulumi:${files.stack}::${files.project}::${type}::${pname}`, type, name: pname, custom: true, props, dependencies: [], propertyDependencies: {} };
            defaults.set(key, p);
        }
        resource.provider = { urn: p.urn, type: p.type, name: p.name, props: p.props };
    }
    // The engine registers default providers before the resources that use them.
    resources.splice(1, 0, ...defaults.values());
    return { project: files.project, stack: files.stack, organization, config: files.config, resources };
}

// Child-process entry: read the request from argv, write the captured stack to the given file.
if (require.main === module) {
    const [requestFile, outFile] = process.argv.slice(2);
    const request = JSON.parse(fs.readFileSync(requestFile!, "utf8")) as CaptureRequest;
    process.chdir(request.files.dir);
    captureProgram(request).then(
        (captured) => {
            fs.writeFileSync(outFile!, JSON.stringify(captured));
            process.exit(0);
        },
        (e: unknown) => {
            const err = e as Error;
            process.stderr.write(`program error: ${err?.message ?? String(e)}\n`);
            process.exit(3);
        },
    );
}
