// Runs one Pulumi TypeScript/JavaScript program under the SDK's mocks (pulumi.runtime.setMocks,
// its documented unit-test mode) and records every resource registration the way the engine
// receives it and hands it to analyzers: type, name, URN, parent, provider reference, inputs in
// wire form (unknowns as the engine's sentinel, secrets in their envelope, resource references
// as the resource's ID or URN), dependencies and property dependencies.
// It runs in a child process (see run-program.ts): a program owns its process's Pulumi runtime.
import * as fs from "node:fs";
import * as path from "node:path";
import * as url from "node:url";
import { stepOne } from "../engine/provider-steps";
import type { EngineResource } from "../engine/runner";
import { answersDataSource, invokeAws } from "../provider/aws/data-sources";
import type { WireMap } from "../provider/aws/wire";
import type { StackFiles } from "./stack-config";
import { packageType, transpile, typeScriptSibling } from "./typescript";

// The module system itself (not its namespace object), whose resolver is patched below.
const Module = require("node:module") as object; // eslint-disable-line @typescript-eslint/no-require-imports

export interface CaptureRequest {
    files: StackFiles;
    preview: boolean;
    organization: string;
}

/** A component whose children its provider plugin creates: under mocks they do not exist. */
export interface RemoteComponent {
    urn: string;
    type: string;
    name: string;
    source?: EngineResource["source"];
}

export interface CapturedStack {
    project: string;
    stack: string;
    organization: string;
    /** The stack's config as the program saw it, with secret values replaced by "[secret]". */
    config: Record<string, string>;
    /** The config keys whose values are secret (their values above are placeholders). */
    secretKeys: string[];
    resources: EngineResource[];
    remoteComponents: RemoteComponent[];
}

/** The engine's wire sentinels (sdk/go/common/resource/plugin/rpc.go, sdk/nodejs/runtime/rpc.ts). */
import { UNKNOWN } from "ru-data-residency/pack";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

interface ProtoMessage {
    serializeBinary(): Uint8Array;
}
interface StructLike extends ProtoMessage {
    toJavaScript(): Record<string, unknown>;
}
interface CallbackRef {
    getToken(): string;
    getTarget(): string;
}
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getRemote?(): boolean;
    getProvider(): string;
    setProvider(v: string): void;
    getProvidersMap(): { forEach(cb: (v: string, k: string) => void): void; clear(): void; set(k: string, v: string): void };
    getVersion(): string;
    setVersion(v: string): void;
    getProtect(): boolean;
    setProtect(v: boolean): void;
    getObject(): StructLike | undefined;
    setObject(v: StructLike | undefined): void;
    getDependenciesList(): string[];
    setDependenciesList(v: string[]): void;
    getIgnorechangesList(): string[];
    setIgnorechangesList(v: string[]): void;
    getAdditionalsecretoutputsList(): string[];
    setAdditionalsecretoutputsList(v: string[]): void;
    getDeletebeforereplace(): boolean;
    setDeletebeforereplace(v: boolean): void;
    getRetainondelete?(): boolean;
    setRetainondelete?(v: boolean): void;
    getPropertydependenciesMap(): { forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void };
    getTransformsList?(): CallbackRef[];
    getSourceposition?(): { getUri(): string; getLine(): number; getColumn(): number } | undefined;
}
type Callback = (err: unknown, res?: unknown) => void;

interface MockMonitor {
    newUrn?(parent: string, type: string, name: string): string;
    registerResource(req: RegisterRequest, cb: Callback): Promise<void>;
    supportsFeature(req: { getId(): string }, cb: Callback): void;
    registerStackTransform?(req: CallbackRef, cb: Callback): void;
    registerStackInvokeTransform?(req: CallbackRef, cb: Callback): void;
    registerResourceHook?(req: unknown, cb: Callback): void;
    registerErrorHook?(req: unknown, cb: Callback): void;
    call?(req: { getTok(): string }, cb: Callback): void;
}

/** An error whose text reaches the program as the SDK reports a failed RPC (it reads `details`). */
export function rpcError(message: string): Error & { details: string } {
    return Object.assign(new Error(message), { details: message });
}

/**
 * Resolve TypeScript sources as Pulumi's Node language host does: `.ts` files compile on require
 * (ts-node, transpile only), `./acl.js` names `./acl.ts` when there is no such .js file, and
 * programs that are ES modules load through loader hooks. Source maps are kept so the SDK's source
 * positions (it reads them off stack traces) name lines of the .ts files.
 */
export function registerTypeScript(programDir: string, esm: boolean): void {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const maps = new Map<string, string>();
    (require("source-map-support") as { install(o: object): void }).install({
        environment: "node",
        retrieveSourceMap: (source: string) => {
            const file = source.startsWith("file://") ? url.fileURLToPath(source) : source;
            if (!/\.[mc]?tsx?$/.test(file)) return null;
            let map = maps.get(file);
            if (!map && fs.existsSync(file)) {
                // An ES module was compiled in the loader thread: compile it again, the same way.
                map = transpile(file, esm && !file.endsWith(".cts"), programDir).map;
                if (map) maps.set(file, map);
            }
            return map ? { url: file, map } : null;
        },
    });
    /* eslint-enable @typescript-eslint/no-require-imports */
    const ext = require.extensions as Record<string, (m: NodeJS.Module, file: string) => void>;
    ext[".ts"] =
        ext[".cts"] =
        ext[".tsx"] =
            (module, file) => {
                const out = transpile(file, false, programDir);
                if (out.map) maps.set(file, out.map);
                (module as unknown as { _compile(code: string, file: string): void })._compile(out.code, file);
            };
    const M = Module as unknown as { _resolveFilename(request: string, parent: { filename?: string } | undefined, ...rest: unknown[]): string };
    const resolveFilename = M._resolveFilename;
    M._resolveFilename = function (request, parent, ...rest) {
        try {
            return resolveFilename.call(this, request, parent, ...rest);
        } catch (e) {
            const from = parent?.filename;
            if (from && /^\.{1,2}\//.test(request) && /\.[mc]?tsx?$/.test(from)) {
                const sibling = typeScriptSibling(path.resolve(path.dirname(from), request));
                if (sibling) return sibling;
            }
            throw e;
        }
    };
    if (esm) {
        const register = (Module as unknown as { register?: (specifier: string, parentURL: string, options: object) => void }).register;
        if (!register) throw new Error(`this program is an ES module ("type": "module"), which needs Node.js 20.6 or later`);
        register("./esm-hooks.js", url.pathToFileURL(__filename).href, { data: { programDir } });
    }
}

/** Where the program declared a resource, as the SDK reports it (a file URI, 1-based line). */
function sourcePosition(request: RegisterRequest): EngineResource["source"] {
    const pos = request.getSourceposition?.();
    if (!pos || !pos.getUri()) return undefined;
    let file = pos.getUri();
    try {
        if (file.startsWith("file://")) file = url.fileURLToPath(file);
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

/**
 * A URN as the engine builds it: the parent's whole qualified type (its own type chain), a `$`,
 * then the resource's type; children of the stack carry only their own type
 * (sdk/go/common/resource/urn: New, pkg/resource/deploy).
 */
export function engineUrn(stack: string, project: string, parentUrn: string, type: string, name: string): string {
    let qualified = type;
    if (parentUrn) {
        const parentType = parentUrn.split("::")[2] ?? "";
        if (parentType && parentType !== ROOT_STACK_TYPE) qualified = `${parentType}$${type}`;
    }
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/**
 * A resource reference as the engine hands it to an analyzer, which marshals properties without
 * keeping resources (plugin.MarshalOptions KeepResources false): a custom resource becomes its ID
 * (unknown while it has none, as in a preview), a component its URN.
 */
export function withoutResourceReferences(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutResourceReferences);
    if (value === null || typeof value !== "object") return value;
    const obj = value as Record<string, unknown>;
    if (obj[SIG_KEY] === RESOURCE_SIG) {
        if ("id" in obj) return typeof obj.id === "string" && obj.id !== "" ? obj.id : UNKNOWN;
        return obj.urn;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = withoutResourceReferences(v);
    return out;
}

/**
 * The program's entry point as the language host finds it when Pulumi.yaml names none: the
 * package.json `exports` ("." entry: default, require or import), then its `main`, if the file
 * exists; otherwise the folder itself.
 */
function entryPoint(main: string): string {
    if (!fs.existsSync(main) || !fs.statSync(main).isDirectory()) return main;
    let pkg: { exports?: unknown; main?: unknown } = {};
    try {
        pkg = JSON.parse(fs.readFileSync(path.join(main, "package.json"), "utf8")) as typeof pkg;
    } catch {
        return main;
    }
    let entry: unknown;
    const exp = pkg.exports;
    if (typeof exp === "string") entry = exp;
    else if (exp && typeof exp === "object") {
        const dot = (exp as Record<string, unknown>)["."];
        if (typeof dot === "string") entry = dot;
        else if (dot && typeof dot === "object") {
            const d = dot as Record<string, unknown>;
            entry = d.default ?? d.require ?? d.import;
        }
    } else if (typeof pkg.main === "string") entry = pkg.main;
    if (typeof entry !== "string") return main;
    const file = path.join(main, entry);
    return fs.existsSync(file) ? file : main;
}

function firstLine(e: unknown): string {
    const err = e as { message?: unknown; details?: unknown } | undefined;
    let text = typeof err?.message === "string" && err.message.trim() ? err.message : typeof err?.details === "string" ? err.details : String(e);
    // The SDK wraps a failed registration in "... error: <cause>"; the program's own words come first.
    text = text.replace(/^Error:\s*/, "");
    return (
        text
            .split("\n")
            .find((l) => l.trim() !== "" && !/^\s+at /.test(l))
            ?.trim() ?? "the program threw an error with no message"
    );
}

export async function captureProgram(req: CaptureRequest): Promise<CapturedStack> {
    const { files, preview, organization } = req;
    // The program's own copy of @pulumi/pulumi is the one whose runtime must be mocked.
    let pulumiPath: string;
    try {
        pulumiPath = require.resolve("@pulumi/pulumi", { paths: [files.dir] });
    } catch {
        throw new Error(`Cannot find module '@pulumi/pulumi' from ${files.dir}: install the program's dependencies first (npm install)`);
    }
    const sdkDir = path.dirname(pulumiPath);
    /* eslint-disable @typescript-eslint/no-require-imports */
    const pulumi = require(pulumiPath) as typeof import("@pulumi/pulumi");
    const settings = require(path.join(sdkDir, "runtime", "settings.js")) as {
        getMonitor(): MockMonitor;
        waitForRPCs(): Promise<void>;
    };
    const stackModule = require(path.join(sdkDir, "runtime", "stack.js")) as { runInPulumiStack(init: () => Promise<unknown>): Promise<unknown> };
    type Msg = Record<string, (...a: unknown[]) => unknown>;
    const resourcePb = require(path.join(sdkDir, "proto", "resource_pb.js")) as {
        TransformResourceOptions: new () => Msg;
        TransformRequest: new () => Msg;
        TransformResponse: { deserializeBinary(b: Uint8Array): { getProperties(): StructLike | undefined; getOptions(): Record<string, () => unknown> | undefined } };
    };
    const callbackPb = require(path.join(sdkDir, "proto", "callback_pb.js")) as {
        CallbackInvokeRequest: new () => { setToken(t: string): void; setRequest(b: Uint8Array): void };
    };
    const callbackGrpc = require(path.join(sdkDir, "proto", "callback_grpc_pb.js")) as {
        CallbacksClient: new (target: string, creds: unknown) => { invoke(r: unknown, cb: (err: { details?: string } | null, res: { getResponse_asU8(): Uint8Array }) => void): void };
    };
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [sdkDir] })) as { credentials: { createInsecure(): unknown } };
    const log = require(path.join(sdkDir, "log", "index.js")) as { error(msg: string, ...rest: unknown[]): Promise<void> };
    /* eslint-enable @typescript-eslint/no-require-imports */

    // An error the program or the SDK logs fails a real deployment: keep the first one's words.
    const loggedErrors: string[] = [];
    const logError = log.error.bind(log);
    log.error = (msg: string, ...rest: unknown[]) => {
        loggedErrors.push(String(msg));
        return logError(msg, ...rest);
    };

    const stackUrn = engineUrn(files.stack, files.project, "", ROOT_STACK_TYPE, `${files.project}-${files.stack}`);
    const resources: EngineResource[] = [];
    const remoteComponents: RemoteComponent[] = [];
    const byUrn = new Map<string, EngineResource>();
    const pending: { resource: EngineResource; providerRef: string; version: string }[] = [];

    const defaultProviderConfig = (pkg: string): Record<string, unknown> => {
        const props: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(files.config)) if (k.startsWith(`${pkg}:`)) props[k.slice(pkg.length + 1)] = v;
        return props;
    };
    const unwrapSecrets = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(unwrapSecrets);
        if (v === null || typeof v !== "object") return v;
        const o = v as Record<string, unknown>;
        if (o[SIG_KEY] === SECRET_SIG) return unwrapSecrets(o.value);
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unwrapSecrets(x)]));
    };

    let registering: { urn: string; props: Record<string, unknown>; providerRef: string; version: string } | undefined;
    /** The configuration of the provider a registration names, as the engine would configure it. */
    const providerPropsFor = (type: string, providerRef: string, version: string): Record<string, unknown> => {
        if (providerRef) return byUrn.get(providerRef.split("::").slice(0, -1).join("::"))?.props ?? {};
        const pkg = type.split(":")[0]!;
        const props: Record<string, unknown> = { ...defaultProviderConfig(pkg) };
        if (version) props.version = version;
        return props;
    };

    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                const reg = registering;
                registering = undefined;
                // An aws resource gets what the provider's Check and Create give the engine: the
                // planned state in a preview (known where Check makes it known, like an autoname),
                // the created state in an update. The same emulation serves the real CLI in the
                // conformance suite (src/provider/aws), so outputs flow on as they do there.
                if (reg && reg.urn.endsWith(`::${args.name}`) && !args.type.startsWith("pulumi:providers:")) {
                    const step = stepOne({ type: args.type, urn: reg.urn, props: reg.props, providerProps: providerPropsFor(args.type, reg.providerRef, reg.version) }, { preview });
                    if (step) return { id: step.id || undefined, state: step.state };
                }
                return preview && !args.type.startsWith("pulumi:providers:")
                    ? // In a preview nothing exists yet: no id, and every output the program did not
                      // set is unknown (the SDK marks missing outputs unknown during a dry run).
                      { id: undefined, state: args.inputs }
                    : { id: `${args.name}-id`, state: { ...updateOutputs(args.type, args.name, args.inputs), ...args.inputs } };
            },
            // Data sources: answered as the provider would, from its configuration; one this
            // checker does not know fails the program with its name, instead of answering with
            // the program's own inputs as the SDK's mocks do.
            call: (args) => {
                const pkg = args.token.split(":")[0]!;
                let providerConfig = defaultProviderConfig(pkg);
                if (args.provider) {
                    const p = byUrn.get(args.provider.split("::").slice(0, -1).join("::"));
                    if (p) providerConfig = unwrapSecrets(p.props) as Record<string, unknown>;
                }
                let answer: Record<string, unknown> | undefined;
                try {
                    answer = pkg === "aws" && answersDataSource(args.token) ? invokeAws(args.token, args.inputs as WireMap, providerConfig as WireMap) : undefined;
                } catch (e) {
                    throw rpcError(`data source ${args.token}: ${(e as Error).message}`);
                }
                if (answer === undefined) {
                    throw rpcError(
                        `data source ${args.token} cannot be answered offline: ru-residency preview answers only the aws data sources it knows (getRegion, getAvailabilityZones and a few more). ` +
                            `Check this program with pulumi preview --policy-pack, where the provider answers it`,
                    );
                }
                return answer;
            },
        },
        files.project,
        files.stack,
        preview,
        organization,
    );
    pulumi.runtime.setAllConfig(files.config, files.secretKeys);

    const monitor = settings.getMonitor();
    // URNs as the engine makes them; the SDK then uses them for parents, dependencies and references.
    monitor.newUrn = (parent, type, name) => engineUrn(files.stack, files.project, parent, type, name);
    // Features as the engine supports them: everything the mock supports, with transforms applied
    // here as the engine applies them. Output values stay off, as in the SDK's mocks.
    monitor.supportsFeature = (r, cb) => {
        const id = r.getId();
        cb(null, { getHassupport: () => id !== "outputValues" });
    };
    // Outputs a component (the stack included) registers: what AnalyzeStack sees of it.
    const registeredOutputs = new Map<string, Record<string, unknown>>();
    const registerOutputs = (monitor as unknown as { registerResourceOutputs(req: { getUrn(): string; getOutputs(): StructLike | undefined }, cb: Callback): void }).registerResourceOutputs.bind(
        monitor,
    );
    (monitor as unknown as { registerResourceOutputs: typeof registerOutputs }).registerResourceOutputs = (req, cb) => {
        registeredOutputs.set(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
        registerOutputs(req, cb);
    };
    const stackTransforms: CallbackRef[] = [];
    const ownTransforms = new Map<string, CallbackRef[]>();
    const parents = new Map<string, string>();
    monitor.registerStackTransform = (r, cb) => {
        stackTransforms.push(r);
        cb(null, {});
    };
    monitor.registerStackInvokeTransform = (_r, cb) =>
        cb(rpcError("pulumi.runtime.registerInvokeTransform: invoke transforms are not applied offline; check this program with pulumi preview --policy-pack"));
    // Hooks run when the engine executes steps; they change nothing the pack is shown.
    monitor.registerResourceHook = (_r, cb) => cb(null, {});
    monitor.registerErrorHook = (_r, cb) => cb(null, {});
    monitor.call = (r, cb) => cb(rpcError(`method call ${r.getTok()} cannot be answered offline: its provider plugin does not run here; check this program with pulumi preview --policy-pack`));

    const clients = new Map<string, InstanceType<typeof callbackGrpc.CallbacksClient>>();
    /** Run one transform callback in the program's callback server, as the engine does over gRPC. */
    const runTransform = (ref: CallbackRef, request: ProtoMessage) =>
        new Promise<ReturnType<typeof resourcePb.TransformResponse.deserializeBinary>>((resolve, reject) => {
            let client = clients.get(ref.getTarget());
            if (!client) {
                client = new callbackGrpc.CallbacksClient(ref.getTarget(), grpc.credentials.createInsecure());
                clients.set(ref.getTarget(), client);
            }
            const call = new callbackPb.CallbackInvokeRequest();
            call.setToken(ref.getToken());
            call.setRequest(request.serializeBinary());
            client.invoke(call, (err, res) => (err ? reject(rpcError(err.details ?? String(err))) : resolve(resourcePb.TransformResponse.deserializeBinary(res.getResponse_asU8()))));
        });

    /** Apply the resource's own transforms, then its ancestors', then the stack's (source_eval.go). */
    const applyTransforms = async (request: RegisterRequest, urn: string): Promise<void> => {
        const parent = request.getParent();
        const own = request.getTransformsList?.() ?? [];
        if (own.length > 0) ownTransforms.set(urn, own);
        const all = [...own];
        for (let p = parent; p; p = parents.get(p) ?? "") all.push(...(ownTransforms.get(p) ?? []));
        all.push(...stackTransforms);
        for (const ref of all) {
            const opts = new resourcePb.TransformResourceOptions();
            opts.setProvider!(request.getProvider());
            opts.setProtect!(request.getProtect());
            opts.setVersion!(request.getVersion());
            opts.setDependsOnList!(request.getDependenciesList());
            opts.setIgnoreChangesList!(request.getIgnorechangesList());
            opts.setAdditionalSecretOutputsList!(request.getAdditionalsecretoutputsList());
            opts.setDeleteBeforeReplace!(request.getDeletebeforereplace());
            if (request.getRetainondelete) opts.setRetainOnDelete!(request.getRetainondelete());
            const providers = opts.getProvidersMap!() as { set(k: string, v: string): void };
            request.getProvidersMap().forEach((v, k) => providers.set(k, v));
            const t = new resourcePb.TransformRequest();
            t.setType!(request.getType());
            t.setName!(request.getName());
            t.setCustom!(request.getCustom());
            t.setParent!(parent);
            t.setProperties!(request.getObject());
            t.setOptions!(opts);
            const res = await runTransform(ref, t as unknown as ProtoMessage);
            request.setObject(res.getProperties());
            const o = res.getOptions();
            if (!o) continue;
            request.setProvider(o.getProvider!() as string);
            request.setProtect(o.getProtect!() as boolean);
            request.setVersion(o.getVersion!() as string);
            request.setDependenciesList(o.getDependsOnList!() as string[]);
            request.setIgnorechangesList(o.getIgnoreChangesList!() as string[]);
            request.setAdditionalsecretoutputsList(o.getAdditionalSecretOutputsList!() as string[]);
            request.setDeletebeforereplace(o.getDeleteBeforeReplace!() as boolean);
            if (request.setRetainondelete) request.setRetainondelete(o.getRetainOnDelete!() as boolean);
            const map = request.getProvidersMap();
            map.clear();
            (o.getProvidersMap!() as { forEach(cb: (v: string, k: string) => void): void }).forEach((v, k) => map.set(k, v));
        }
    };

    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = async (request: RegisterRequest, cb: Callback) => {
        const type = request.getType();
        const name = request.getName();
        const parent = request.getParent();
        const urn = engineUrn(files.stack, files.project, parent, type, name);
        if (parent) parents.set(urn, parent);
        try {
            await applyTransforms(request, urn);
        } catch (e) {
            cb(rpcError(`transform of ${urn} failed: ${firstLine(e)}`));
            return;
        }
        const propertyDependencies: Record<string, string[]> = {};
        request.getPropertydependenciesMap().forEach((v, k) => {
            propertyDependencies[k] = v.getUrnsList();
        });
        const resource: EngineResource = {
            urn,
            type,
            name,
            custom: request.getCustom(),
            props: withoutResourceReferences(request.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
            parent: type === ROOT_STACK_TYPE ? undefined : parent || stackUrn,
            dependencies: request.getDependenciesList(),
            propertyDependencies,
            protect: request.getProtect(),
            additionalSecretOutputs: request.getAdditionalsecretoutputsList(),
            source: sourcePosition(request),
        };
        // The engine records an explicit provider's version among its inputs, as it does a
        // default provider's (pkg/resource/deploy/providers: SetProviderVersion).
        if (type.startsWith("pulumi:providers:") && request.getVersion() && resource.props.version === undefined) resource.props.version = request.getVersion();
        resources.push(resource);
        byUrn.set(urn, resource);
        if (request.getRemote?.() && !resource.custom) remoteComponents.push({ urn, type, name, source: resource.source });
        if (resource.custom && !type.startsWith("pulumi:providers:")) pending.push({ resource, providerRef: request.getProvider(), version: request.getVersion() });
        // The mock's newResource runs synchronously inside register(): it reads this.
        registering = { urn, props: resource.props, providerRef: request.getProvider(), version: request.getVersion() };
        return register(request, cb);
    };

    // Load the program as the Node language host does (sdk/nodejs/cmd/run): inside the root stack
    // resource; an ES module by import, CommonJS by require; an exported function is called and
    // what it returns awaited.
    const esm = packageType(files.dir) === "module";
    registerTypeScript(files.dir, esm);
    await stackModule.runInPulumiStack(async () => {
        let exported: unknown;
        const entry = entryPoint(files.main);
        if (esm) {
            let main = entry;
            if (fs.statSync(main).isDirectory()) {
                const index = ["index.js", "index.mjs", "index.ts", "index.mts"].find((f) => fs.existsSync(path.join(main, f)));
                if (!index) throw new Error(`No entrypoint found in ${main}`);
                main = path.join(main, index);
            }
            // A real dynamic import: TypeScript would compile import() to require() here.
            const dynamicImport = new Function("u", "return import(u)") as (u: string) => Promise<Record<string, unknown>>;
            const mod = await dynamicImport(url.pathToFileURL(main).href);
            exported = mod;
            if (Object.getOwnPropertyDescriptor(mod, "default") !== undefined) {
                if (Object.keys(mod).length !== 1) throw new Error("expected entrypoint module to have either a default export or named exports but not both");
                exported = mod.default;
            }
        } else {
            exported = require(require.resolve(entry)); // eslint-disable-line @typescript-eslint/no-require-imports
            // `export default` compiled to CommonJS: run it as the program's body too.
            const d = (exported as { default?: unknown } | null)?.default;
            if (typeof exported !== "function" && typeof d === "function") exported = d;
        }
        return typeof exported === "function" ? await (exported as () => unknown)() : await exported;
    });
    await settings.waitForRPCs();
    // A registration that failed rejects a promise no one awaits; let such rejections surface
    // (the child's unhandledRejection handler reports them) before calling the run a success.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    if (loggedErrors.length > 0) throw new Error(loggedErrors[0]);

    // Default providers, as the engine makes them: one per package and version, configured from
    // the stack's "<package>:*" keys with the prefix removed (JSON-valued keys stay JSON strings,
    // secret keys stay secret).
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
            for (const [k, v] of Object.entries(defaultProviderConfig(pkg))) props[k] = files.secretKeys.includes(`${pkg}:${k}`) ? { [SIG_KEY]: SECRET_SIG, value: v } : v;
            if (version) props.version = version;
            const pname = defaultProviderName(version);
            const type = `pulumi:providers:${pkg}`;
            p = { urn: `urn:pulumi:${files.stack}::${files.project}::${type}::${pname}`, type, name: pname, custom: true, props, dependencies: [], propertyDependencies: {} };
            defaults.set(key, p);
        }
        resource.provider = { urn: p.urn, type: p.type, name: p.name, props: p.props };
    }
    // The stack first, then the default providers (the engine registers them before the resources
    // that use them), then everything in registration order.
    const stackIndex = resources.findIndex((r) => r.type === ROOT_STACK_TYPE);
    const [stackResource] =
        stackIndex >= 0
            ? resources.splice(stackIndex, 1)
            : [{ urn: stackUrn, type: ROOT_STACK_TYPE, name: `${files.project}-${files.stack}`, custom: false, props: {}, dependencies: [], propertyDependencies: {} }];
    for (const r of [stackResource!, ...resources]) {
        const outputs = registeredOutputs.get(r.urn);
        if (outputs && !r.custom) r.outputs = outputs;
    }
    const config: Record<string, string> = {};
    for (const [k, v] of Object.entries(files.config)) config[k] = files.secretKeys.includes(k) ? "[secret]" : v;
    return {
        project: files.project,
        stack: files.stack,
        organization,
        config,
        secretKeys: [...files.secretKeys],
        resources: [stackResource!, ...defaults.values(), ...resources],
        remoteComponents,
    };
}

// Child-process entry: read the request from argv, write the captured stack to the given file.
// Whatever the program throws, wherever it throws it, is reported as one line: its own message.
if (require.main === module) {
    const [requestFile, outFile] = process.argv.slice(2);
    const request = JSON.parse(fs.readFileSync(requestFile!, "utf8")) as CaptureRequest;
    fs.rmSync(requestFile!, { force: true }); // it may hold decrypted config
    const fail = (e: unknown) => {
        process.stderr.write(`\nprogram error: ${firstLine(e)}\n`);
        process.exit(3);
    };
    process.on("uncaughtException", fail);
    process.on("unhandledRejection", fail);
    process.chdir(request.files.dir);
    captureProgram(request).then((captured) => {
        fs.writeFileSync(outFile!, JSON.stringify(captured));
        process.exit(0);
    }, fail);
}
