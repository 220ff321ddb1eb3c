// The engine's requests to a policy pack that carry our inputs, built once for both ways of
// delivering them: over gRPC (engine/runner.ts PackSession) and in this process (in-process.ts).
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { PackConfig } from "./pack-config";
import type { Diagnostic, EngineResource } from "./runner";
import { analyzerPb, levelToProto } from "./protocol";

/** What the engine tells a pack about the stack before anything else (ConfigureStack). */
export interface StackConfiguration {
    stack: string;
    project: string;
    organization: string;
    dryRun: boolean;
    tags?: Record<string, string>;
    /** The stack's configuration, secrets decrypted, as the engine passes it. */
    config?: Record<string, string>;
    configSecretKeys?: string[];
}

export function stackConfigureRequest(stack: StackConfiguration): InstanceType<typeof analyzerPb.AnalyzerStackConfigureRequest> {
    const req = new analyzerPb.AnalyzerStackConfigureRequest();
    req.setStack(stack.stack);
    req.setProject(stack.project);
    req.setOrganization(stack.organization);
    req.setDryRun(stack.dryRun);
    for (const [k, v] of Object.entries(stack.tags ?? {})) req.getTagsMap().set(k, v);
    for (const [k, v] of Object.entries(stack.config ?? {})) req.getConfigMap().set(k, v);
    req.setConfigSecretKeysList(stack.configSecretKeys ?? []);
    return req;
}

/** The pack's configuration as the engine sends it (Configure): a policy with no level is advisory. */
export function configureRequest(config: PackConfig): InstanceType<typeof analyzerPb.ConfigureAnalyzerRequest> {
    const req = new analyzerPb.ConfigureAnalyzerRequest();
    for (const [name, c] of Object.entries(config)) {
        const pc = new analyzerPb.PolicyConfig();
        pc.setEnforcementlevel(levelToProto(c.enforcementLevel || "advisory"));
        pc.setProperties(Struct.fromJavaScript(c.properties as Record<string, never>));
        req.getPolicyconfigMap().set(name, pc);
    }
    return req;
}

/** The calls an analysis makes of a pack, over gRPC (PackSession) or in this process (InProcessSession). */
export interface AnalyzerSession {
    configureStack(stack: StackConfiguration): Promise<void>;
    configure(config: PackConfig): Promise<void>;
    remediate(r: EngineResource): Promise<void>;
    analyze(r: EngineResource): Promise<Diagnostic[]>;
    analyzeStack(resources: readonly EngineResource[]): Promise<Diagnostic[]>;
}
