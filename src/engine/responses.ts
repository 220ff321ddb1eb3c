// The pack's answers as the engine side decodes them, for both ways of receiving them: over gRPC
// (engine/runner.ts PackSession) and in this process (in-process.ts).
import type { PackConfig, PolicyDescription } from "./pack-config";
import { analyzerPb, levelFromProto, SEVERITIES } from "./protocol";
import type { AnalyzerInfo, Diagnostic } from "./runner";

/** An AnalyzeResponse, from our copy of the protobuf classes or from the pack's own. */
export interface ResponseLike {
    getDiagnosticsList(): {
        getPolicyname(): string;
        getPolicypackname(): string;
        getPolicypackversion(): string;
        getDescription(): string;
        getMessage(): string;
        getEnforcementlevel(): number;
        getSeverity(): number;
        getUrn(): string;
    }[];
}

/** A diagnostic with no URN is a stack policy's finding about no one resource: it is given `defaultUrn`. */
export function decodeDiagnostics(res: ResponseLike, defaultUrn: string): Diagnostic[] {
    return res.getDiagnosticsList().map((d) => ({
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: levelFromProto(d.getEnforcementlevel()),
        severity: SEVERITIES[d.getSeverity()] ?? "",
        urn: d.getUrn() || defaultUrn,
    }));
}

export function decodeAnalyzerInfo(info: InstanceType<typeof analyzerPb.AnalyzerInfo>): AnalyzerInfo {
    const initialConfig: PackConfig = {};
    for (const [k, v] of info.getInitialconfigMap().entries()) {
        initialConfig[k] = { enforcementLevel: levelFromProto(v.getEnforcementlevel()), properties: (v.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown> };
    }
    return {
        name: info.getName(),
        displayName: info.getDisplayname(),
        version: info.getVersion(),
        description: info.getDescription(),
        supportsConfig: info.getSupportsconfig(),
        policies: info.getPoliciesList().map(decodePolicy),
        initialConfig,
    };
}

function decodePolicy(p: InstanceType<typeof analyzerPb.PolicyInfo>): PolicyDescription {
    const schema = p.getConfigschema();
    const fw = p.getFramework();
    const type = p.getPolicyType();
    return {
        name: p.getName(),
        displayName: p.getDisplayname(),
        description: p.getDescription(),
        enforcementLevel: levelFromProto(p.getEnforcementlevel()),
        severity: SEVERITIES[p.getSeverity()] ?? "",
        policyType: type === 1 ? "resource" : type === 2 ? "stack" : "unknown",
        configSchema: schema ? { properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, Record<string, unknown>>, required: schema.getRequiredList() } : undefined,
        framework: fw ? { name: fw.getName(), version: fw.getVersion(), reference: fw.getReference(), specification: fw.getSpecification() } : undefined,
        tags: p.getTagsList(),
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
    };
}
