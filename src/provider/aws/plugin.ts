// pulumi-resource-aws v7.48.0 for tests: a resource-provider plugin the real engine loads and drives
// over Pulumi's provider gRPC protocol, answering from the pure rules in check.ts, state.ts,
// config.ts and data-sources.ts. Started as the engine starts every plugin (`<binary> [flags]
// <engine address>`), it serves ResourceProvider on 127.0.0.1 and prints its port on stdout.
//
// What the real provider answers, and what this one answers (pulumi/pulumi-terraform-bridge@59de6c661
// pkg/pf/tfbridge/main.go MainWithMuxer serves pulumi-aws through pkg/x/muxer/muxer.go):
//   Handshake     muxer embeds UnimplementedResourceProviderServer: UNIMPLEMENTED, and the engine
//                 falls back to Configure (pulumi/pulumi@dc7edd58bc13 provider_plugin.go handshake);
//   GetPluginInfo the provider version, 7.48.0;
//   GetSchema     the embedded schema (here a minimal one), for schema version 0 only;
//   CheckConfig   see config.ts; DiffConfig compares old and new inputs (configDiffer), never
//                 replacing (pulumi-aws marks no config key ForcesProviderReplace);
//   Configure     the AND of both servers' answers: SDKv2 (tfbridge/provider.go) answers
//                 supportsPreview and supportsAutonamingConfiguration; PF
//                 (pkg/pf/internal/plugin/provider_server.go) adds acceptResources but not
//                 acceptSecrets. So: acceptSecrets false, acceptResources false, acceptOutputs
//                 false, supportsPreview true, supportsAutonamingConfiguration true;
//   Check, Create, Update  check.ts / state.ts; Read returns the state it is given; Delete nothing;
//   Diff          a plain property comparison (the real one asks Terraform);
//   Invoke        data-sources.ts; Cancel and Attach succeed; GetMapping answers empty;
//   GetMappings, Parameterize, Construct, Call, List  UNIMPLEMENTED, as the muxer answers them.
// The server keeps only the provider configuration Configure gave it, as the real provider does;
// resource state lives in the requests the engine sends.
import * as fs from "node:fs";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { checkResource, resourceFacts, autonameRule, AutonamingMode, DEFAULTS_KEY } from "./check";
import { checkProviderConfig, decodeProviderConfig } from "./config";
import { invokeAws } from "./data-sources";
import { createState, updateState } from "./state";
import { deepEqual, stripSecrets, Wire, WireMap } from "./wire";

/* eslint-disable @typescript-eslint/no-require-imports */
const providerPb = require("@pulumi/pulumi/proto/provider_pb") as typeof import("@pulumi/pulumi/proto/provider_pb");
const providerGrpc = require("@pulumi/pulumi/proto/provider_grpc_pb") as { ResourceProviderService: grpc.ServiceDefinition };
const pluginPb = require("@pulumi/pulumi/proto/plugin_pb") as typeof import("@pulumi/pulumi/proto/plugin_pb");
const emptyPb = require("google-protobuf/google/protobuf/empty_pb") as typeof import("google-protobuf/google/protobuf/empty_pb");

export const VERSION = "7.48.0";

type Pb = typeof providerPb;
type Req<K extends keyof Pb> = InstanceType<Extract<Pb[K], abstract new (...args: never) => unknown>>;

function fromStruct(s: Struct | undefined): WireMap {
    return (s?.toJavaScript() ?? {}) as WireMap;
}

function plain(v: unknown): unknown {
    if (v === undefined) return undefined;
    if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : plain(x)));
    if (v && typeof v === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = plain(x);
        return out;
    }
    return v;
}

function toStruct(m: WireMap): Struct {
    return Struct.fromJavaScript(plain(m) as Record<string, never>);
}

function fail(code: grpc.status, message: string): grpc.ServiceError {
    return Object.assign(new Error(message), { code, details: message, metadata: new grpc.Metadata() }) as grpc.ServiceError;
}

const MODES: AutonamingMode[] = ["propose", "enforce", "disable"];

/** The plugin's single piece of state: the provider configuration from Configure. */
interface ProviderState {
    config: WireMap;
    configured: boolean;
}

type Handler<Q, R> = (call: grpc.ServerUnaryCall<Q, R>, cb: grpc.sendUnaryData<R>) => void;

function unary<Q, R>(fn: (req: Q) => R | Promise<R>): Handler<Q, R> {
    return (call, cb) => {
        Promise.resolve()
            .then(() => fn(call.request))
            .then(
                (res) => cb(null, res),
                (err: unknown) => cb((err as grpc.ServiceError)?.code !== undefined ? (err as grpc.ServiceError) : fail(grpc.status.UNKNOWN, err instanceof Error ? err.message : String(err))),
            );
    };
}

function diffKeys(olds: WireMap, news: WireMap, ignore: string[]): string[] {
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    keys.delete(DEFAULTS_KEY);
    return [...keys].filter((k) => !ignore.includes(k) && !deepEqual(stripSecrets(olds[k] ?? null), stripSecrets(news[k] ?? null))).sort();
}

export function makeProviderImplementation(state: ProviderState = { config: {}, configured: false }): grpc.UntypedServiceImplementation {
    const env = process.env;
    return {
        handshake: (_c: unknown, cb: grpc.sendUnaryData<unknown>) => cb(fail(grpc.status.UNIMPLEMENTED, "method Handshake not implemented")),
        getPluginInfo: unary(() => new pluginPb.PluginInfo().setVersion(VERSION)),
        getSchema: unary((req: Req<"GetSchemaRequest">) => {
            if (req.getVersion() !== 0) throw new Error(`Expected schema version 0, got ${req.getVersion()}`);
            return new providerPb.GetSchemaResponse().setSchema(JSON.stringify({ name: "aws", version: VERSION }));
        }),
        checkConfig: unary((req: Req<"CheckRequest">) => {
            const { inputs, failures } = checkProviderConfig(fromStruct(req.getNews()));
            const res = new providerPb.CheckResponse().setInputs(toStruct(inputs));
            res.setFailuresList(failures.map((f) => new providerPb.CheckFailure().setProperty(f.property).setReason(f.reason)));
            return res;
        }),
        diffConfig: unary((req: Req<"DiffRequest">) => {
            const olds = decodeProviderConfig(fromStruct(req.getOldInputs() ?? req.getOlds()));
            const news = decodeProviderConfig(fromStruct(req.getNews()));
            return diffResponse(diffKeys(olds, news, req.getIgnorechangesList()), olds, news, []);
        }),
        configure: unary((req: Req<"ConfigureRequest">) => {
            state.config = decodeProviderConfig(fromStruct(req.getArgs()));
            state.configured = true;
            return new providerPb.ConfigureResponse().setAcceptsecrets(false).setSupportspreview(true).setAcceptresources(false).setAcceptoutputs(false).setSupportsAutonamingConfiguration(true);
        }),
        check: unary((req: Req<"CheckRequest">) => {
            const type = req.getType() || typeOfUrn(req.getUrn());
            const auto = req.getAutonaming();
            const { inputs, failures } = checkResource({
                type,
                urn: req.getUrn(),
                olds: req.hasOlds() ? fromStruct(req.getOlds()) : null,
                news: fromStruct(req.getNews()),
                config: state.config,
                randomSeed: req.getRandomseed_asU8(),
                autonaming: auto ? { proposedName: auto.getProposedName(), mode: MODES[auto.getMode()] ?? "propose" } : undefined,
            });
            const res = new providerPb.CheckResponse().setInputs(toStruct(inputs));
            res.setFailuresList(failures.map((f) => new providerPb.CheckFailure().setProperty(f.property).setReason(f.reason)));
            return res;
        }),
        diff: unary((req: Req<"DiffRequest">) => {
            const type = req.getType() || typeOfUrn(req.getUrn());
            const olds = fromStruct(req.getOldInputs() ?? req.getOlds());
            const news = fromStruct(req.getNews());
            const replaceKeys = ["region", autonameRule(type)?.prop].filter((k): k is string => !!k && !!resourceFacts(type));
            return diffResponse(diffKeys(olds, news, req.getIgnorechangesList()), olds, news, replaceKeys);
        }),
        create: unary((req: Req<"CreateRequest">) => {
            const type = req.getType() || typeOfUrn(req.getUrn());
            const { id, properties } = createState({ type, urn: req.getUrn(), inputs: fromStruct(req.getProperties()), config: state.config, preview: req.getPreview(), env });
            return new providerPb.CreateResponse().setId(id).setProperties(toStruct(properties));
        }),
        read: unary((req: Req<"ReadRequest">) => {
            const props = fromStruct(req.getProperties());
            const res = new providerPb.ReadResponse().setId(req.getId()).setProperties(toStruct(Object.keys(props).length ? props : { id: req.getId() }));
            if (req.hasInputs()) res.setInputs(req.getInputs());
            return res;
        }),
        update: unary((req: Req<"UpdateRequest">) => {
            const type = req.getType() || typeOfUrn(req.getUrn());
            const properties = updateState({
                type,
                urn: req.getUrn(),
                id: req.getId(),
                olds: fromStruct(req.getOlds()),
                news: fromStruct(req.getNews()),
                config: state.config,
                preview: req.getPreview(),
                env,
            });
            return new providerPb.UpdateResponse().setProperties(toStruct(properties));
        }),
        delete: unary(() => new emptyPb.Empty()),
        invoke: unary((req: Req<"InvokeRequest">) => {
            const ret = invokeAws(req.getTok(), fromStruct(req.getArgs()), state.config);
            return new providerPb.InvokeResponse().setReturn(toStruct(ret));
        }),
        cancel: unary(() => new emptyPb.Empty()),
        attach: unary(() => new emptyPb.Empty()),
        getMapping: unary(() => new providerPb.GetMappingResponse()),
    };
}

/** With RU_RESIDENCY_PROVIDER_LOG=<file>, appends one JSON line per call (method, request, answer)
 * so that tests can see what the engine asked. */
function withCallLog(impl: grpc.UntypedServiceImplementation, file: string | undefined): grpc.UntypedServiceImplementation {
    if (!file) return impl;
    const out: grpc.UntypedServiceImplementation = {};
    for (const [method, handler] of Object.entries(impl)) {
        out[method] = ((call: grpc.ServerUnaryCall<{ toObject(): unknown }, { toObject(): unknown }>, cb: grpc.sendUnaryData<{ toObject(): unknown }>) => {
            const request = call.request?.toObject?.();
            (handler as Handler<{ toObject(): unknown }, { toObject(): unknown }>)(call, (err, res) => {
                const line = { method, request, response: err ? { error: (err as { details?: string }).details ?? String(err) } : res?.toObject?.() };
                fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
                cb(err, res);
            });
        }) as grpc.handleUnaryCall<unknown, unknown>;
    }
    return out;
}

function typeOfUrn(urn: string): string {
    // urn:pulumi:<stack>::<project>::<qualified type>::<name>; the type is the last $-segment.
    const parts = urn.split("::");
    const qualified = parts[2] ?? "";
    return qualified.split("$").pop() ?? "";
}

function diffResponse(diffs: string[], olds: WireMap, news: WireMap, replaceKeys: string[]): InstanceType<Pb["DiffResponse"]> {
    const res = new providerPb.DiffResponse();
    res.setChanges(diffs.length ? providerPb.DiffResponse.DiffChanges.DIFF_SOME : providerPb.DiffResponse.DiffChanges.DIFF_NONE);
    res.setDiffsList(diffs);
    const replaces = diffs.filter((k) => replaceKeys.includes(k));
    res.setReplacesList(replaces);
    res.setHasdetaileddiff(true);
    const detailed = res.getDetaileddiffMap();
    const K = providerPb.PropertyDiff.Kind;
    for (const k of diffs) {
        const replace = replaces.includes(k);
        const kind = !(k in olds) ? (replace ? K.ADD_REPLACE : K.ADD) : !(k in news) ? (replace ? K.DELETE_REPLACE : K.DELETE) : replace ? K.UPDATE_REPLACE : K.UPDATE;
        detailed.set(k, new providerPb.PropertyDiff().setKind(kind).setInputdiff(true));
    }
    return res;
}

/** Starts the server on 127.0.0.1 and resolves with its port. */
export async function serve(port = 0): Promise<{ server: grpc.Server; port: number }> {
    const server = new grpc.Server();
    server.addService(providerGrpc.ResourceProviderService, withCallLog(makeProviderImplementation(), process.env.RU_RESIDENCY_PROVIDER_LOG));
    const bound = await new Promise<number>((resolve, reject) => server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
    return { server, port: bound };
}

export type { Wire };

if (require.main === module) {
    serve()
        .then(({ server, port }) => {
            process.stdout.write(`${port}\n`);
            const stop = () => server.tryShutdown(() => process.exit(0));
            process.on("SIGINT", stop);
            process.on("SIGTERM", stop);
        })
        .catch((err: unknown) => {
            process.stderr.write(`pulumi-resource-aws: ${err instanceof Error ? err.message : String(err)}\n`);
            process.exit(1);
        });
}
