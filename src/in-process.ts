// The policy pack evaluated in this process, through @pulumi/policy's own server code: the pack's
// main module is loaded as the engine's policy host loads it, and the Analyzer service that
// @pulumi/policy's serve() registers with gRPC is taken as it is, without a port. Requests are the
// engine's protobuf messages and go to those same handlers (configureStack, configure, analyze,
// analyzeStack), which deserialise the properties with @pulumi/policy's deserializer, wrap them in
// its unknown-checking proxy, run the policies and answer with AnalyzeResponse messages. What is
// left out is only the transport: 50,000 gRPC round trips and a second process.
import * as path from "node:path";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { StringValue } from "google-protobuf/google/protobuf/wrappers_pb";
import type { AnalysisOptions, AnalysisResult } from "./analyze";
import { analyseEach, analysisResult, checkPackConfig, readPackConfigFile, stackConfigurationOf } from "./analyze";
import { PackConfig } from "./engine/pack-config";
import { analyzerPb, emptyPb, plain } from "./engine/protocol";
import { AnalyzerInfo, Diagnostic, EngineResource, PackStartError, withoutInternalKeys } from "./engine/runner";
import { decodeAnalyzerInfo, decodeDiagnostics, ResponseLike } from "./engine/responses";
import { AnalyzerSession, configureRequest, StackConfiguration, stackConfigureRequest } from "./engine/requests";

type Callback = (err: unknown, res: unknown) => void;
type Handler = (call: { request: unknown }, callback: Callback) => unknown;
interface Service {
    analyze: Handler;
    analyzeStack: Handler;
    remediate: Handler;
    getAnalyzerInfo: Handler;
    configure: Handler;
    configureStack: Handler;
}

/** The pack's own copies of the protobuf classes its server deserialises requests with. */
interface PackProtos {
    analyzer: typeof analyzerPb;
    empty: typeof emptyPb;
}

export interface LoadedPack {
    dir: string;
    service: Service;
    protos: PackProtos;
    /** Whether any policy remediates: the engine then asks for remediations first. */
    remediates: boolean;
}

/* eslint-disable @typescript-eslint/no-require-imports */

/**
 * Load the pack as the policy host does (its main module, in its folder), and take the service
 * its serve() registers. Each load is fresh, as each engine run starts a fresh pack process: the
 * pack's modules and @pulumi/policy's (which keeps the served pack, its config and stack tags in
 * module state) are loaded anew.
 */
export function loadPack(packDir: string): LoadedPack {
    const dir = path.resolve(packDir);
    let main: string;
    try {
        main = require.resolve(dir);
    } catch (e) {
        throw new PackStartError(`${dir}: not a policy pack that can be loaded (${(e as Error).message.split("\n")[0]})`, "");
    }
    let serverPath: string;
    try {
        serverPath = require.resolve("@pulumi/policy/server.js", { paths: [path.dirname(main)] });
    } catch {
        throw new PackStartError(`${dir}: the pack does not use @pulumi/policy, so it cannot be evaluated in-process; use --engine grpc`, "");
    }
    const policyDir = path.dirname(serverPath);
    for (const k of Object.keys(require.cache)) if (k.startsWith(`${policyDir}${path.sep}`) || k.startsWith(`${dir}${path.sep}`)) delete require.cache[k];
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [policyDir] })) as { Server: { prototype: Record<string, unknown> } };
    const server = require(serverPath) as { serve: (...args: unknown[]) => unknown };
    const proto = grpc.Server.prototype;
    const saved = { addService: proto.addService, bindAsync: proto.bindAsync, serve: server.serve };
    let service: Service | undefined;
    let policies: { remediateResource?: unknown }[] = [];
    proto.addService = function (_definition: unknown, implementation: Service) {
        service = implementation;
    };
    // No port: nothing is printed and nothing listens.
    proto.bindAsync = function () {};
    server.serve = (...args: unknown[]) => {
        policies = ((args[3] as { policies?: typeof policies } | undefined)?.policies ?? []) as typeof policies;
        return saved.serve(...args);
    };
    const cwd = process.cwd();
    try {
        // PolicyPack reads the pack's version from package.json in the working directory.
        process.chdir(dir);
        require(main);
    } catch (e) {
        throw new PackStartError(`${dir}: the policy pack failed to load: ${(e as Error).message}`, "");
    } finally {
        process.chdir(cwd);
        proto.addService = saved.addService;
        proto.bindAsync = saved.bindAsync;
        server.serve = saved.serve;
    }
    if (!service) throw new PackStartError(`${dir}: the policy pack registered no Analyzer service`, "");
    const protos: PackProtos = {
        analyzer: require(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [policyDir] })),
        empty: require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [policyDir] })),
    };
    return { dir, service, protos, remediates: policies.some((p) => p.remediateResource !== undefined) };
}

/** Call one of the service's handlers as grpc-js would, with the request as it would arrive. */
function invoke<T>(handler: Handler, request: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        try {
            const r = handler({ request }, (err, res) => (err ? reject(err) : resolve(res as T)));
            if (r && typeof (r as Promise<unknown>).catch === "function") (r as Promise<unknown>).catch(reject);
        } catch (e) {
            reject(e);
        }
    });
}

/** A small message of ours as the pack's server receives it: through its bytes, into the pack's own class. */
function deliver<M extends { serializeBinary(): Uint8Array }>(message: M, cls: { deserializeBinary(b: Uint8Array): unknown }): unknown {
    return cls.deserializeBinary(message.serializeBinary());
}

// ---- requests as the pack's server receives them ---------------------------------------------
//
// Over gRPC a request is built by src/engine/runner.ts as google-protobuf messages, sent as bytes
// and decoded by the pack's server into messages again; the handlers then read them through their
// getters, and a Struct's properties through toJavaScript(). Building and decoding those messages
// for 50,000 resources was most of the in-process time. The handlers here get views with the same
// getters, returning what the decoded messages would: the same strings (a string that is not
// well-formed UTF-16 is passed through google-protobuf's own encoder and decoder, which drop or
// keep lone surrogates in their own way), and properties as Struct.toJavaScript() returns them
// (runner's plain(), then keys in the order a protobuf map gives them). test/differential/ holds
// both paths to the same findings.

const LONE_SURROGATE = /[\ud800-\udfff]/;
/** String.prototype.isWellFormed (Node.js 20): no lone surrogate. */
const wellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** A string as the pack's server decodes it from the wire. */
function wireString(s: string): string {
    if (!LONE_SURROGATE.test(s) || wellFormed(s)) return s;
    const v = new StringValue();
    v.setValue(s);
    return StringValue.deserializeBinary(v.serializeBinary()).getValue();
}

class IllFormed extends Error {}

/** Struct.fromJavaScript(v).toJavaScript(), for a value plain() returned; IllFormed when a string is not well-formed. */
function structValue(v: unknown): unknown {
    if (typeof v === "string") {
        if (LONE_SURROGATE.test(v) && !wellFormed(v)) throw new IllFormed();
        return v;
    }
    if (v === null || typeof v === "number" || typeof v === "boolean") return v;
    if (Array.isArray(v)) return v.map(structValue);
    const keys: string[] = [];
    // Struct.fromJavaScript reads the object with for...in; a protobuf map iterates its keys sorted.
    for (const k in v as Record<string, unknown>) keys.push(k);
    keys.sort();
    const out: Record<string, unknown> = {};
    for (const k of keys) {
        if (LONE_SURROGATE.test(k) && !wellFormed(k)) throw new IllFormed();
        out[k] = structValue((v as Record<string, unknown>)[k]);
    }
    return out;
}

/** A Struct of these properties as the server decodes it: each toJavaScript() a fresh object, as a Struct's is. */
function structView(props: Record<string, unknown>): { toJavaScript(): Record<string, unknown> } {
    const p = plain(props ?? {}) ?? {};
    let bytes: Uint8Array | undefined;
    return {
        toJavaScript() {
            if (!bytes) {
                try {
                    return structValue(p) as Record<string, unknown>;
                } catch (e) {
                    if (!(e instanceof IllFormed)) throw e;
                    // Exactly what the wire makes of such strings: google-protobuf's own round trip.
                    bytes = Struct.fromJavaScript(p as Record<string, never>).serializeBinary();
                }
            }
            return Struct.deserializeBinary(bytes).toJavaScript() as Record<string, unknown>;
        },
    };
}

const NO_TIMEOUTS = { getCreate: () => 0, getUpdate: () => 0, getDelete: () => 0 };

/** AnalyzerResourceOptions as runner.ts sets them: protect, additional secret outputs, parent, empty timeouts. */
function optionsView(r: EngineResource) {
    const parent = r.parent ? wireString(r.parent) : "";
    const secrets = (r.additionalSecretOutputs ?? []).map(wireString);
    return {
        getProtect: () => r.protect ?? false,
        getIgnorechangesList: () => [] as string[],
        getAliasesList: () => [] as string[],
        getCustomtimeouts: () => NO_TIMEOUTS,
        getAdditionalsecretoutputsList: () => secrets,
        getDeletebeforereplacedefined: () => false,
        getDeletebeforereplace: () => false,
        getParent: () => parent,
    };
}

/** Each provider's view built once: many resources share one provider reference. */
class ProviderViews {
    private readonly cache = new WeakMap<object, object>();
    get(p: NonNullable<EngineResource["provider"]>): object {
        let v = this.cache.get(p);
        if (!v) {
            const urn = wireString(p.urn);
            const type = wireString(p.type);
            const name = wireString(p.name);
            const props = structView(withoutInternalKeys(p.props));
            v = { getUrn: () => urn, getType: () => type, getName: () => name, getProperties: () => props };
            this.cache.set(p, v);
        }
        return v;
    }
}

/** An AnalyzeRequest (Analyze and Remediate), as runner.ts builds it. */
function analyzeRequest(r: EngineResource, providers: ProviderViews, internal: "skip" | "keep" = "skip") {
    const type = wireString(r.type);
    const urn = wireString(r.urn);
    const name = wireString(r.name);
    const props = structView(internal === "keep" ? r.props : withoutInternalKeys(r.props));
    const options = optionsView(r);
    const provider = r.provider ? providers.get(r.provider) : undefined;
    return { getType: () => type, getUrn: () => urn, getName: () => name, getProperties: () => props, getOptions: () => options, getProvider: () => provider };
}

/** One AnalyzerResource of an AnalyzeStackRequest, as runner.ts builds it. */
function stackResource(r: EngineResource, providers: ProviderViews) {
    const base = analyzeRequest(r, providers);
    const parent = r.parent ? wireString(r.parent) : "";
    const dependencies = r.dependencies.map(wireString);
    // A protobuf map gives its entries sorted by key.
    const propertyDependencies = Object.entries(r.propertyDependencies)
        .map(([k, urns]) => [wireString(k), { getUrnsList: () => urns.map(wireString) }] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { ...base, getParent: () => parent, getDependenciesList: () => dependencies, getPropertydependenciesMap: () => ({ entries: () => propertyDependencies[Symbol.iterator]() }) };
}

/**
 * The diagnostics of a response as the engine side decodes them. Only a string that is not
 * well-formed can come out of the wire changed (google-protobuf's encoder drops a lone high
 * surrogate before another character): such a response goes through its bytes, as over gRPC.
 */
function diagnosticsOf(response: ResponseLike & { serializeBinary(): Uint8Array }, defaultUrn: string): Diagnostic[] {
    const illFormed = response
        .getDiagnosticsList()
        .some((d) => [d.getPolicyname(), d.getPolicypackname(), d.getPolicypackversion(), d.getDescription(), d.getMessage(), d.getUrn()].some((t) => LONE_SURROGATE.test(t) && !wellFormed(t)));
    const res: ResponseLike = illFormed ? analyzerPb.AnalyzeResponse.deserializeBinary(response.serializeBinary()) : response;
    return decodeDiagnostics(res, defaultUrn);
}

/**
 * The pack in this process, driven as PackSession (src/engine/runner.ts) drives it over gRPC:
 * the same calls, with the same messages, answered by @pulumi/policy's own handlers.
 */
export class InProcessSession implements AnalyzerSession {
    private readonly providers = new ProviderViews();

    private constructor(readonly pack: LoadedPack) {}

    static start(packDir: string): InProcessSession {
        return new InProcessSession(loadPack(packDir));
    }

    async configureStack(stack: StackConfiguration): Promise<void> {
        await invoke(this.pack.service.configureStack, deliver(stackConfigureRequest(stack), this.pack.protos.analyzer.AnalyzerStackConfigureRequest));
    }

    async getAnalyzerInfo(): Promise<AnalyzerInfo> {
        // Through the bytes: the answer is an instance of the pack's own copy of the protobuf classes.
        const answer = await invoke<{ serializeBinary(): Uint8Array }>(this.pack.service.getAnalyzerInfo, new this.pack.protos.empty.Empty());
        return decodeAnalyzerInfo(analyzerPb.AnalyzerInfo.deserializeBinary(answer.serializeBinary()));
    }

    async configure(config: PackConfig): Promise<void> {
        await invoke(this.pack.service.configure, deliver(configureRequest(config), this.pack.protos.analyzer.ConfigureAnalyzerRequest));
    }

    /** The engine asks for remediations first; only when a policy remediates (the answer is not used, as on the gRPC path). */
    async remediate(r: EngineResource): Promise<void> {
        if (!this.pack.remediates) return;
        await invoke(this.pack.service.remediate, analyzeRequest(r, this.providers, "keep"));
    }

    async analyze(r: EngineResource): Promise<Diagnostic[]> {
        const res = await invoke<ResponseLike & { serializeBinary(): Uint8Array }>(this.pack.service.analyze, analyzeRequest(r, this.providers));
        return diagnosticsOf(res, r.urn);
    }

    async analyzeStack(resources: readonly EngineResource[]): Promise<Diagnostic[]> {
        const list = resources.map((r) => stackResource(r, this.providers));
        const res = await invoke<ResponseLike & { serializeBinary(): Uint8Array }>(this.pack.service.analyzeStack, { getResourcesList: () => list });
        return diagnosticsOf(res, "");
    }
}

/**
 * analyzeResources (src/analyze.ts) in this process: the same calls in the same order
 * (ConfigureStack, GetAnalyzerInfo, Configure, then Remediate when a policy remediates, Analyze
 * for every resource, AnalyzeStack), the same config handling, the same result. Analyze runs one
 * resource at a time, in order; an update stops at the first mandatory violation, as there.
 */
export async function analyzeResourcesInProcess(resources: EngineResource[], options: AnalysisOptions & { packDir: string }): Promise<AnalysisResult> {
    const given = readPackConfigFile(options.configFile);
    const session = InProcessSession.start(options.packDir);
    await session.configureStack(stackConfigurationOf(options));
    const info = await session.getAnalyzerInfo();
    // The same reconciliation, refusals and warnings as the gRPC path, in the CLI's words.
    const config = checkPackConfig(info, given, options, options.packDir);
    await session.configure(config);
    const found = await analyseEach(session, resources, options, { concurrency: 1, progressEvery: 1000 });
    return analysisResult(resources, found, info, config, options, options.packDir);
}
