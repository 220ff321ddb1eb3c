// A stand-in for the Pulumi engine's side of the policy-pack protocol. It starts a pack the way
// the engine's policy analyzer plugin does (node <@pulumi/pulumi>/cmd/run-policy-pack
// <engine-address> <pack>, in the pack folder), serves the Engine service so the pack's logs
// arrive, and drives the Analyzer service over gRPC with the stubs shipped in @pulumi/pulumi.
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { PackConfig, PolicyDescription } from "./pack-config";
import { decodeAnalyzerInfo, decodeDiagnostics } from "./responses";
import { AnalyzerSession, configureRequest, StackConfiguration, stackConfigureRequest } from "./requests";
import { analyzerGrpc, analyzerPb, AnalyzerStub, emptyPb, engineGrpc, EnforcementLevel, toStruct } from "./protocol";

export interface ProviderReference {
    urn: string;
    type: string;
    name: string;
    props: Record<string, unknown>;
}

/** A resource as the engine describes it to analyzers. Props carry unknowns and secrets in wire form. */
export interface EngineResource {
    urn: string;
    type: string;
    name: string;
    /** false for component resources and the stack. */
    custom: boolean;
    props: Record<string, unknown>;
    /** A component's (or the stack's) registered outputs, which AnalyzeStack sees instead of props. */
    outputs?: Record<string, unknown>;
    provider?: ProviderReference;
    parent?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    protect?: boolean;
    additionalSecretOutputs?: string[];
    /** Where the program declared it (not sent to the pack; for reports). */
    source?: { file: string; line: number; column: number };
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    severity: string;
    /** The resource the diagnostic is about (Analyze: the analysed resource; AnalyzeStack: as reported). */
    urn: string;
}

export interface AnalyzerInfo {
    name: string;
    displayName: string;
    version: string;
    description: string;
    supportsConfig: boolean;
    policies: PolicyDescription[];
    initialConfig: PackConfig;
}

export interface EngineLog {
    severity: string;
    message: string;
    urn: string;
}

export interface StartOptions {
    /** Milliseconds to wait for the pack to print its port. */
    startTimeoutMs?: number;
    /** Environment for the pack process; defaults to this process's. */
    env?: NodeJS.ProcessEnv;
    /** Node executable; defaults to the one running this code. */
    node?: string;
}

export class PackStartError extends Error {
    constructor(
        message: string,
        readonly stderr: string,
    ) {
        super(stderr.trim() ? `${message}\n${stderr.trim().split("\n").slice(-20).join("\n")}` : message);
    }
}

function call<Req, Res>(fn: (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
        fn(req, (err, res) => (err ? reject(err) : resolve(res)));
    });
}

const LOG_SEVERITIES = ["debug", "info", "warning", "error"];

/** The Engine service the pack connects back to: it only needs Log and the root resource. */
async function startEngineServer(logs: EngineLog[]): Promise<{ server: grpc.Server; address: string }> {
    const server = new grpc.Server();
    let root = "";
    server.addService(engineGrpc.EngineService, {
        log: (c: grpc.ServerUnaryCall<{ getSeverity(): number; getMessage(): string; getUrn(): string }, unknown>, cb: grpc.sendUnaryData<unknown>) => {
            logs.push({ severity: LOG_SEVERITIES[c.request.getSeverity()] ?? "info", message: c.request.getMessage(), urn: c.request.getUrn() });
            cb(null, new emptyPb.Empty());
        },
        getRootResource: (_c: unknown, cb: grpc.sendUnaryData<unknown>) => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const enginePb = require("@pulumi/pulumi/proto/engine_pb");
            const res = new enginePb.GetRootResourceResponse();
            res.setUrn(root);
            cb(null, res);
        },
        setRootResource: (c: grpc.ServerUnaryCall<{ getUrn(): string }, unknown>, cb: grpc.sendUnaryData<unknown>) => {
            root = c.request.getUrn();
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const enginePb = require("@pulumi/pulumi/proto/engine_pb");
            cb(null, new enginePb.SetRootResourceResponse());
        },
        startDebugging: (_c: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, new emptyPb.Empty()),
    });
    const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
    return { server, address: `127.0.0.1:${port}` };
}

/** Where the engine finds the policy-pack host: @pulumi/pulumi as resolved from the pack folder. */
export function runPolicyPackScript(packDir: string): string {
    return require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
}

function providerProto(p: ProviderReference): InstanceType<typeof analyzerPb.AnalyzerProviderResource> {
    const out = new analyzerPb.AnalyzerProviderResource();
    out.setUrn(p.urn);
    out.setType(p.type);
    out.setName(p.name);
    out.setProperties(toStruct(withoutInternalKeys(p.props)));
    return out;
}

/** The Analyzer service's AnalyzeStack method, as the generated stub names it (analyzer_grpc_pb.js). */
const ANALYZE_STACK_METHOD = "/pulumirpc.Analyzer/AnalyzeStack";

/**
 * The AnalyzeStack request in wire form, built one resource at a time. AnalyzeStackRequest has a
 * single field, the repeated resources, and a repeated field's encoding is the concatenation of
 * its elements' encodings, so one-resource requests laid end to end are the whole request. Built
 * as one google-protobuf object graph, a 50,000-resource request held over a gigabyte; each
 * resource's objects are now garbage as soon as it is encoded.
 */
export function encodeAnalyzeStackRequest(resources: readonly EngineResource[]): Uint8Array {
    // Providers are reused by many resources: build each one's message once.
    const providers = new Map<string, InstanceType<typeof analyzerPb.AnalyzerProviderResource>>();
    const chunks: Uint8Array[] = [];
    const one = new analyzerPb.AnalyzeStackRequest();
    for (const r of resources) {
        const m = setResourceFields(new analyzerPb.AnalyzerResource(), r);
        if (r.provider) {
            let p = providers.get(r.provider.urn);
            if (!p) {
                p = providerProto(r.provider);
                providers.set(r.provider.urn, p);
            }
            m.setProvider(p);
        }
        if (r.parent) m.setParent(r.parent);
        m.setDependenciesList(r.dependencies);
        const deps = m.getPropertydependenciesMap();
        for (const [k, urns] of Object.entries(r.propertyDependencies)) {
            const d = new analyzerPb.AnalyzerPropertyDependencies();
            d.setUrnsList(urns);
            deps.set(k, d);
        }
        one.setResourcesList([m]);
        chunks.push(one.serializeBinary());
    }
    return Buffer.concat(chunks);
}

/** The fields an AnalyzeRequest and a stack's AnalyzerResource share, set from the resource. */
function setResourceFields<
    M extends {
        setType(v: string): unknown;
        setUrn(v: string): unknown;
        setName(v: string): unknown;
        setProperties(v: ReturnType<typeof toStruct>): unknown;
        setOptions(v: ReturnType<typeof optionsProto>): unknown;
    },
>(m: M, r: EngineResource, internal: "skip" | "keep" = "skip"): M {
    m.setType(r.type);
    m.setUrn(r.urn);
    m.setName(r.name);
    m.setProperties(toStruct(internal === "keep" ? r.props : withoutInternalKeys(r.props)));
    m.setOptions(optionsProto(r));
    return m;
}

/**
 * Keys the engine keeps for itself ("__defaults", "__internal", …) at the top level. It marshals
 * Analyze and AnalyzeStack properties, and providers' everywhere, with SkipInternalKeys, and
 * Remediate's without (sdk/go/common/resource/plugin/analyzer_plugin.go).
 */
export function withoutInternalKeys(props: Record<string, unknown>): Record<string, unknown> {
    // Only the top level: nested blocks keep theirs ("rules[0].__defaults" reaches Analyze).
    if (!Object.keys(props).some((k) => k.startsWith("__"))) return props;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) if (!k.startsWith("__")) out[k] = v;
    return out;
}

function optionsProto(r: EngineResource): InstanceType<typeof analyzerPb.AnalyzerResourceOptions> {
    const o = new analyzerPb.AnalyzerResourceOptions();
    o.setProtect(r.protect ?? false);
    o.setAdditionalsecretoutputsList(r.additionalSecretOutputs ?? []);
    if (r.parent) o.setParent(r.parent);
    o.setCustomtimeouts(new analyzerPb.AnalyzerResourceOptions.CustomTimeouts());
    return o;
}

/** A running policy pack and the engine side of its conversation. */
export class PackSession implements AnalyzerSession {
    readonly logs: EngineLog[] = [];
    private stderrText = "";

    private constructor(
        readonly packDir: string,
        private readonly child: ChildProcess,
        private readonly engine: grpc.Server,
        private readonly client: AnalyzerStub,
        readonly port: number,
        private readonly engineAddressValue: string,
    ) {}

    get stderr(): string {
        return this.stderrText;
    }

    /** Spawn the pack, wait (bounded) for its port, and connect. */
    static async start(packDir: string, options: StartOptions = {}): Promise<PackSession> {
        const dir = path.resolve(packDir);
        const logs: EngineLog[] = [];
        const { server, address } = await startEngineServer(logs);
        let script: string;
        try {
            script = runPolicyPackScript(dir);
        } catch {
            server.forceShutdown();
            throw new PackStartError(`cannot find @pulumi/pulumi/cmd/run-policy-pack from ${dir}; run npm ci first`, "");
        }
        const child = spawn(options.node ?? process.execPath, [script, address, dir], {
            cwd: dir,
            env: options.env ?? process.env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr!.setEncoding("utf8");
        child.stderr!.on("data", (d: string) => {
            stderr += d;
            if (stderr.length > 1_000_000) stderr = stderr.slice(-500_000);
        });
        const timeoutMs = options.startTimeoutMs ?? 30_000;
        let port: number;
        try {
            port = await new Promise<number>((resolve, reject) => {
                let out = "";
                const timer = setTimeout(() => reject(new PackStartError(`the policy pack in ${dir} printed no port within ${timeoutMs} ms`, stderr)), timeoutMs);
                child.stdout!.setEncoding("utf8");
                child.stdout!.on("data", (d: string) => {
                    out += d;
                    const line = /^\s*(\d+)\s*$/m.exec(out);
                    if (line) {
                        clearTimeout(timer);
                        resolve(Number(line[1]));
                    }
                });
                child.on("error", (e) => {
                    clearTimeout(timer);
                    reject(new PackStartError(`could not start the policy pack in ${dir}: ${e.message}`, stderr));
                });
                child.on("exit", (code, signal) => {
                    clearTimeout(timer);
                    reject(new PackStartError(`the policy pack in ${dir} exited (${signal ?? `code ${code}`}) before it printed a port`, stderr));
                });
            });
        } catch (e) {
            child.kill("SIGKILL");
            server.forceShutdown();
            throw e;
        }
        const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
        const session = new PackSession(dir, child, server, client, port, address);
        session.logs.push(...logs);
        session.stderrText = stderr;
        child.stderr!.on("data", (d: string) => {
            session.stderrText += d;
        });
        return session;
    }

    async getAnalyzerInfo(): Promise<AnalyzerInfo> {
        return decodeAnalyzerInfo(await call(this.client.getAnalyzerInfo.bind(this.client), new emptyPb.Empty()));
    }

    async configure(config: PackConfig): Promise<void> {
        await call(this.client.configure.bind(this.client), configureRequest(config));
    }

    async configureStack(stack: StackConfiguration): Promise<void> {
        await call(this.client.configureStack.bind(this.client), stackConfigureRequest(stack));
    }

    /**
     * The engine's first call to a policy pack (sdk/go/common/resource/plugin/analyzer_plugin.go,
     * NewPolicyAnalyzer). Packs that do not implement it (@pulumi/policy 1.21 does not) answer
     * UNIMPLEMENTED, which the engine, and so this, accepts.
     */
    async handshake(engineAddress: string): Promise<void> {
        const req = new analyzerPb.AnalyzerHandshakeRequest();
        req.setEngineAddress(engineAddress);
        req.setRootDirectory(this.packDir);
        req.setProgramDirectory(this.packDir);
        try {
            await call(this.client.handshake.bind(this.client), req);
        } catch (e) {
            if ((e as grpc.ServiceError).code !== grpc.status.UNIMPLEMENTED) throw e;
        }
    }

    async getPluginInfo(): Promise<void> {
        await call(this.client.getPluginInfo.bind(this.client), new emptyPb.Empty());
    }

    /**
     * The engine asks every pack for remediations before it analyses a resource
     * (pkg/resource/deploy/step_generator.go, "First pass: perform remediations"). Our pack has no
     * remediation policies; the call is made so that the pack sees what it sees under the engine.
     */
    async remediate(r: EngineResource): Promise<void> {
        const req = setResourceFields(new analyzerPb.AnalyzeRequest(), r, "keep");
        if (r.provider) req.setProvider(providerProto(r.provider));
        await call(this.client.remediate.bind(this.client), req);
    }

    /** The engine cancels each analyzer when the deployment ends. */
    async cancel(): Promise<void> {
        try {
            await call(this.client.cancel.bind(this.client), new emptyPb.Empty());
        } catch (e) {
            if ((e as grpc.ServiceError).code !== grpc.status.UNIMPLEMENTED) throw e;
        }
    }

    /** The address of the Engine service this session serves to the pack. */
    get engineAddress(): string {
        return this.engineAddressValue;
    }

    async analyze(r: EngineResource): Promise<Diagnostic[]> {
        const req = setResourceFields(new analyzerPb.AnalyzeRequest(), r);
        if (r.provider) req.setProvider(providerProto(r.provider));
        return decodeDiagnostics(await call(this.client.analyze.bind(this.client), req), r.urn);
    }

    async analyzeStack(resources: readonly EngineResource[]): Promise<Diagnostic[]> {
        return this.analyzeStackEncoded(encodeAnalyzeStackRequest(resources));
    }

    /** AnalyzeStack with a request already in wire form (encodeAnalyzeStackRequest). */
    async analyzeStackEncoded(request: Uint8Array): Promise<Diagnostic[]> {
        const response = await new Promise<InstanceType<typeof analyzerPb.AnalyzeResponse>>((resolve, reject) => {
            this.client.makeUnaryRequest(
                ANALYZE_STACK_METHOD,
                (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
                (buffer: Buffer) => analyzerPb.AnalyzeResponse.deserializeBinary(new Uint8Array(buffer)),
                request,
                (err, res) => (err || !res ? reject(err ?? new Error("AnalyzeStack returned no response")) : resolve(res)),
            );
        });
        return decodeDiagnostics(response, "");
    }

    /** The pack's stderr and engine logs so far, for error messages. */
    output(): string {
        return [this.stderrText.trim(), ...this.logs.map((l) => `${l.severity}: ${l.message}`)].filter(Boolean).join("\n");
    }

    /** Stop the pack as the engine does (it kills the plugin) and wait for it to exit. */
    async close(): Promise<void> {
        this.client.close();
        await new Promise<void>((resolve) => {
            if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
            const timer = setTimeout(() => {
                this.child.kill("SIGKILL");
            }, 5_000);
            this.child.once("exit", () => {
                clearTimeout(timer);
                resolve();
            });
            this.child.kill("SIGTERM");
        });
        this.engine.forceShutdown();
    }
}
