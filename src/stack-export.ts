// Resources from a `pulumi stack export` file (deployment format version 3), described the way
// the engine describes them to analyzers.
import * as fs from "node:fs";
import type { EngineResource } from "./engine/runner";
import { SECRET_SIG, SECRET_SIG_KEY } from "./engine/protocol";
import { InputError } from "./program/stack-config";

interface ExportedResource {
    urn?: unknown;
    type?: unknown;
    custom?: unknown;
    inputs?: unknown;
    outputs?: unknown;
    parent?: unknown;
    provider?: unknown;
    dependencies?: unknown;
    propertyDependencies?: unknown;
    protect?: unknown;
    delete?: unknown;
}

export interface ExportedStack {
    project: string;
    stack: string;
    /** Inputs: what Analyze sees before a step. Resources pending deletion are left out. */
    resources: EngineResource[];
    /** The same resources with their outputs: what AnalyzeStack sees after the deployment. */
    stackResources: EngineResource[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Encrypted secrets (ciphertext only) cannot be read here; keep them secret, with a placeholder.
 * A value with no secret in it is returned as it is, not copied: a 50,000-resource export is then
 * held once, not three times.
 */
function readableSecrets(value: unknown): unknown {
    if (Array.isArray(value)) {
        let out: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
            const v = readableSecrets(value[i]);
            if (v !== value[i]) (out ??= value.slice())[i] = v;
        }
        return out ?? value;
    }
    if (!isObject(value)) return value;
    if (value[SECRET_SIG_KEY] === SECRET_SIG) {
        if ("plaintext" in value && typeof value.plaintext === "string") {
            let inner: unknown = value.plaintext;
            try {
                inner = JSON.parse(value.plaintext);
            } catch {
                /* plaintext that is not JSON is the value itself */
            }
            return { [SECRET_SIG_KEY]: SECRET_SIG, value: readableSecrets(inner) };
        }
        if ("value" in value) return { [SECRET_SIG_KEY]: SECRET_SIG, value: readableSecrets(value.value) };
        return { [SECRET_SIG_KEY]: SECRET_SIG, value: "[secret]" };
    }
    let out: Record<string, unknown> | undefined;
    for (const k in value) {
        if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
        const v = readableSecrets(value[k]);
        if (v !== value[k]) (out ??= { ...value })[k] = v;
    }
    return out ?? value;
}

function nameOf(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

export function readStackExport(file: string): ExportedStack {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new InputError(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    return parseStackExport(doc, file);
}

export function parseStackExport(doc: unknown, file = "the stack export"): ExportedStack {
    if (!isObject(doc)) throw new InputError(`${file}: not a stack export (expected a JSON object with "version" and "deployment")`);
    if (doc.version !== 3) throw new InputError(`${file}: deployment format version ${JSON.stringify(doc.version)} is not supported (expected 3, as written by pulumi stack export)`);
    const deployment = doc.deployment;
    if (!isObject(deployment)) throw new InputError(`${file}: has no "deployment" object`);
    const raw = deployment.resources ?? [];
    if (!Array.isArray(raw)) throw new InputError(`${file}: deployment.resources is not a list`);
    const entries = raw as ExportedResource[];
    const byUrn = new Map<string, ExportedResource>();
    entries.forEach((r, i) => {
        if (!isObject(r) || typeof r.urn !== "string" || typeof r.type !== "string") throw new InputError(`${file}: deployment.resources[${i}] has no urn or type`);
        byUrn.set(r.urn, r);
    });
    // Many resources share a provider: describe each one once.
    const providers = new Map<string, NonNullable<EngineResource["provider"]>>();
    const toEngine = (r: ExportedResource, props: unknown): EngineResource => {
        const urn = r.urn as string;
        let provider: EngineResource["provider"];
        if (typeof r.provider === "string" && r.provider) {
            const providerUrn = r.provider.split("::").slice(0, -1).join("::");
            provider = providers.get(providerUrn);
            if (!provider) {
                const p = byUrn.get(providerUrn);
                if (!p) throw new InputError(`${file}: ${urn} refers to provider ${providerUrn}, which is not in the export`);
                provider = { urn: providerUrn, type: p.type as string, name: nameOf(providerUrn), props: (readableSecrets(isObject(p.inputs) ? p.inputs : {}) as Record<string, unknown>) ?? {} };
                providers.set(providerUrn, provider);
            }
        }
        const propertyDependencies: Record<string, string[]> = {};
        if (isObject(r.propertyDependencies)) {
            for (const [k, v] of Object.entries(r.propertyDependencies)) if (Array.isArray(v)) propertyDependencies[k] = v.filter((u): u is string => typeof u === "string");
        }
        return {
            urn,
            type: r.type as string,
            name: nameOf(urn),
            custom: r.custom === true,
            props: (readableSecrets(isObject(props) ? props : {}) as Record<string, unknown>) ?? {},
            provider,
            parent: typeof r.parent === "string" && r.parent ? r.parent : undefined,
            dependencies: Array.isArray(r.dependencies) ? r.dependencies.filter((u): u is string => typeof u === "string") : [],
            propertyDependencies,
            protect: r.protect === true,
        };
    };
    const stackRes = entries.find((r) => r.type === "pulumi:pulumi:Stack");
    const stackUrn = (stackRes?.urn as string | undefined) ?? "";
    const [, stackName = "", project = ""] = /^urn:pulumi:([^:]*)::([^:]*)::/.exec(stackUrn) ?? /^urn:pulumi:([^:]*)::([^:]*)::/.exec((entries[0]?.urn as string) ?? "") ?? [];
    // `pulumi policy analyze` (deploy.AnalyzeSnapshot) skips resources marked `delete: true`: a
    // replaced resource's old copy, or one whose deletion failed, is no longer part of the
    // stack. They still count as providers of the resources that use them.
    const live = entries.filter((r) => r.delete !== true);
    return {
        project,
        stack: stackName,
        resources: live.map((r) => toEngine(r, r.inputs)),
        stackResources: live.map((r) => toEngine(r, r.outputs ?? r.inputs)),
    };
}
