// The generated gRPC stubs that ship in @pulumi/pulumi, loaded from the same copy the policy pack
// uses, and the engine's wire conventions for property values.
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

/* eslint-disable @typescript-eslint/no-require-imports */
export const analyzerPb = require("@pulumi/pulumi/proto/analyzer_pb") as typeof import("@pulumi/pulumi/proto/analyzer_pb");
export const analyzerGrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb") as {
    AnalyzerClient: new (address: string, credentials: grpc.ChannelCredentials, options?: object) => AnalyzerStub;
};
export const engineGrpc = require("@pulumi/pulumi/proto/engine_grpc_pb") as { EngineService: grpc.ServiceDefinition };
export const enginePb = require("@pulumi/pulumi/proto/engine_pb") as typeof import("@pulumi/pulumi/proto/engine_pb");
export const emptyPb = require("google-protobuf/google/protobuf/empty_pb") as typeof import("google-protobuf/google/protobuf/empty_pb");

type Unary<Req, Res> = (request: Req, callback: (err: grpc.ServiceError | null, response: Res) => void) => grpc.ClientUnaryCall;
type pb = typeof import("@pulumi/pulumi/proto/analyzer_pb");
export interface AnalyzerStub extends grpc.Client {
    getAnalyzerInfo: Unary<InstanceType<typeof emptyPb.Empty>, InstanceType<pb["AnalyzerInfo"]>>;
    configure: Unary<InstanceType<pb["ConfigureAnalyzerRequest"]>, unknown>;
    configureStack: Unary<InstanceType<pb["AnalyzerStackConfigureRequest"]>, unknown>;
    analyze: Unary<InstanceType<pb["AnalyzeRequest"]>, InstanceType<pb["AnalyzeResponse"]>>;
    analyzeStack: Unary<InstanceType<pb["AnalyzeStackRequest"]>, InstanceType<pb["AnalyzeResponse"]>>;
    handshake: Unary<InstanceType<pb["AnalyzerHandshakeRequest"]>, unknown>;
    getPluginInfo: Unary<InstanceType<typeof emptyPb.Empty>, unknown>;
    remediate: Unary<InstanceType<pb["AnalyzeRequest"]>, unknown>;
    cancel: Unary<InstanceType<typeof emptyPb.Empty>, unknown>;
}

/** The engine's marker for a secret value: {sig: secret, value}. */
export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export function secretValue(value: unknown): Record<string, unknown> {
    return { [SECRET_SIG_KEY]: SECRET_SIG, value };
}

/** Plain JSON for a Struct: undefined dropped (as the engine drops it), non-finite numbers as null. */
export function plain(value: unknown, depth = 0): unknown {
    if (depth > 256) return null;
    if (value === undefined) return undefined;
    if (value === null || typeof value === "string" || typeof value === "boolean") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : null;
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : plain(v, depth + 1)));
    if (typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
            const p = plain(v, depth + 1);
            if (p !== undefined) out[k] = p;
        }
        return out;
    }
    return String(value);
}

export function toStruct(props: Record<string, unknown> | undefined): Struct {
    return Struct.fromJavaScript((plain(props ?? {}) ?? {}) as Record<string, never>);
}

export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];
export const SEVERITIES = ["", "low", "medium", "high", "critical"] as const;

export function levelToProto(level: EnforcementLevel): number {
    return ENFORCEMENT_LEVELS.indexOf(level);
}

export function levelFromProto(n: number): EnforcementLevel {
    return ENFORCEMENT_LEVELS[n] ?? "advisory";
}
