// Runs a policy in-process the way @pulumi/policy's server does for an Analyze call: the props
// travel through a protobuf Struct, are deserialised by @pulumi/policy's own deserializer
// (secrets unwrapped, unknown sentinels kept) and wrapped in its unknownCheckingProxy, and
// violations are collected with the server's rules (string → description + message at the
// policy's level; object → its own level; UnknownValueError → the advisory "can't run" warning).
import type { ResourceValidationPolicy, StackValidationPolicy, PolicyResource } from "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { findingCodeOf } from "../../policypack/src/decide/finding-codes";

/* eslint-disable @typescript-eslint/no-require-imports */
const { deserializeProperties } = require("@pulumi/policy/deserialize") as {
    deserializeProperties: (s: Struct, proxySecrets: boolean) => Record<string, unknown>;
};
const { unknownCheckingProxy, UnknownValueError } = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy: <T>(v: T) => T;
    UnknownValueError: new (...a: unknown[]) => Error;
};

export { UNKNOWN } from "../../policypack/src/values";

/** The engine's secret envelope, as it arrives in an Analyze request. */
export function secret(value: unknown): Record<string, unknown> {
    return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value };
}

export type Level = "mandatory" | "advisory";

export interface Violation {
    policy: string;
    level: Level;
    /** The finding code on the message's last line (undefined for a message the pack did not write). */
    code?: string;
    message: string;
    urn?: string;
}

export interface ProviderSpec {
    type?: string;
    name?: string;
    urn?: string;
    props?: Record<string, unknown>;
}

export interface ResourceSpec {
    type: string;
    name?: string;
    urn?: string;
    props?: Record<string, unknown>;
    /** Omit for a component resource; `{}` for a default provider with no config. */
    provider?: ProviderSpec | null;
}

export interface RunOptions {
    config?: Record<string, unknown>;
    stackTags?: Record<string, string>;
}

function toStruct(value: Record<string, unknown>): Struct {
    // Struct cannot carry undefined; the engine drops such properties too.
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(value)) as Record<string, never>);
}

function wire(props: Record<string, unknown> | undefined): Record<string, unknown> {
    return unknownCheckingProxy(deserializeProperties(toStruct(props ?? {}), false));
}

export function urnOf(type: string, name: string, stack = "test", project = "test"): string {
    return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

function providerOf(spec: ResourceSpec): { type: string; name: string; urn: string; props: Record<string, unknown> } | undefined {
    if (spec.provider === null) return undefined;
    const pkg = spec.type.split(":")[0] ?? "aws";
    const p = spec.provider ?? {};
    const type = p.type ?? `pulumi:providers:${pkg}`;
    const name = p.name ?? `default_${pkg.replace(/-/g, "_")}`;
    return { type, name, urn: p.urn ?? urnOf(type, name), props: wire(p.props) };
}

function levelOf(policy: { name: string; enforcementLevel?: string }, config: RunOptions["config"]): string {
    const c = config?.enforcementLevel;
    return typeof c === "string" ? c : (policy.enforcementLevel ?? "advisory");
}

function collector(policy: { name: string; description: string }, level: string, out: Violation[]) {
    return (message: unknown, urn?: string): void => {
        if (typeof message === "object" && message !== null) {
            const m = message as { message?: string; enforcementLevel?: Level; urn?: string };
            const text = m.message ?? policy.description;
            out.push({ policy: policy.name, level: m.enforcementLevel ?? (level as Level), code: findingCodeOf(text), message: text, urn: m.urn });
        } else {
            const text = message ? `${policy.description}\n${String(message)}` : policy.description;
            out.push({ policy: policy.name, level: level as Level, code: findingCodeOf(text), message: text, urn });
        }
    };
}

function configOf(config: RunOptions["config"]): Record<string, unknown> {
    const { enforcementLevel: _ignored, ...rest } = config ?? {};
    return rest;
}

export async function runResourcePolicy(policy: ResourceValidationPolicy, spec: ResourceSpec, options: RunOptions = {}): Promise<Violation[]> {
    const level = levelOf(policy, options.config);
    if (level === "disabled" || !policy.validateResource) return [];
    const out: Violation[] = [];
    const report = collector(policy, level === "remediate" ? "mandatory" : level, out);
    const name = spec.name ?? "res";
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    for (const validate of validations) {
        const props = wire(spec.props);
        const provider = providerOf(spec);
        const args = {
            type: spec.type,
            props,
            urn: spec.urn ?? urnOf(spec.type, name),
            name,
            opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
            stackTags: new Map(Object.entries(options.stackTags ?? {})),
            isType: () => false,
            asType: () => undefined,
            getConfig: () => configOf(options.config),
            notApplicable: (reason?: string): never => {
                throw new NotApplicable(reason);
            },
            ...(provider ? { provider } : {}),
        };
        try {
            await validate(args as never, report as never);
        } catch (e) {
            if (e instanceof UnknownValueError) {
                out.push({ policy: policy.name, level: "advisory", message: `can't run policy '${policy.name}' during preview: ${e.message}` });
            } else if (!(e instanceof NotApplicable)) {
                throw e;
            }
        }
    }
    return out;
}

export interface StackResourceSpec extends ResourceSpec {
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export async function runStackPolicy(policy: StackValidationPolicy, specs: StackResourceSpec[], options: RunOptions = {}): Promise<Violation[]> {
    const level = levelOf(policy, options.config);
    if (level === "disabled") return [];
    const out: Violation[] = [];
    const report = collector(policy, level === "remediate" ? "mandatory" : level, out);
    const resources: PolicyResource[] = specs.map((spec) => {
        const name = spec.name ?? "res";
        const provider = providerOf(spec);
        return {
            type: spec.type,
            name,
            urn: spec.urn ?? urnOf(spec.type, name),
            props: wire(spec.props),
            opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
            dependencies: [],
            propertyDependencies: {},
            isType: () => false,
            asType: () => undefined,
            ...(provider ? { provider } : {}),
        } as unknown as PolicyResource;
    });
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    specs.forEach((spec, i) => {
        const r = resources[i] as unknown as { parent?: PolicyResource; dependencies: PolicyResource[]; propertyDependencies: Record<string, PolicyResource[]> };
        if (spec.parent && byUrn.has(spec.parent)) r.parent = byUrn.get(spec.parent);
        r.dependencies = (spec.dependencies ?? []).map((u) => byUrn.get(u)).filter((x): x is PolicyResource => x !== undefined);
        for (const [k, urns] of Object.entries(spec.propertyDependencies ?? {})) {
            r.propertyDependencies[k] = urns.map((u) => byUrn.get(u)).filter((x): x is PolicyResource => x !== undefined);
        }
    });
    try {
        await policy.validateStack(
            {
                resources,
                getConfig: () => configOf(options.config),
                stackTags: new Map(Object.entries(options.stackTags ?? {})),
                notApplicable: (reason?: string): never => {
                    throw new NotApplicable(reason);
                },
            } as never,
            report as never,
        );
    } catch (e) {
        if (e instanceof UnknownValueError) {
            out.push({ policy: policy.name, level: "advisory", message: `can't run policy '${policy.name}' during preview: ${e.message}` });
        } else if (!(e instanceof NotApplicable)) {
            throw e;
        }
    }
    return out;
}

class NotApplicable extends Error {
    constructor(reason?: string) {
        super(reason ?? "not applicable");
    }
}
