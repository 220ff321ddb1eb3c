// Printing results the way `pulumi preview` prints policy violations.
import type { AnalysisResult, ResourceDiagnostic } from "../analyze";

function indent(text: string, prefix: string): string {
    return text
        .split("\n")
        .map((l) => (l ? prefix + l : l))
        .join("\n");
}

export function formatPreview(result: AnalysisResult, packLabel: string): string {
    const lines: string[] = [];
    const { pack, diagnostics } = result;
    lines.push("Policies:");
    const icon = result.mandatory > 0 ? "❌" : result.advisory > 0 ? "⚠️ " : "✅";
    lines.push(`    ${icon} ${pack.name}@v${pack.version} (local: ${packLabel})`);
    const order: ResourceDiagnostic["enforcementLevel"][] = ["mandatory", "advisory"];
    for (const level of order) {
        for (const d of diagnostics.filter((x) => x.enforcementLevel === level)) {
            const where = d.resourceType ? `  (${d.resourceType}: ${d.resourceName})` : "";
            lines.push(`        - [${level}]  ${d.policyName}${where}`);
            lines.push(indent(d.message, "          "));
        }
    }
    lines.push("");
    lines.push(summaryLine(result));
    return lines.join("\n");
}

export function summaryLine(result: AnalysisResult): string {
    const verdict =
        result.mandatory > 0
            ? "the deployment would be BLOCKED"
            : result.advisory > 0
              ? "the deployment would proceed with warnings"
              : "the deployment would proceed";
    return `Analysed ${result.resourceCount} resource${result.resourceCount === 1 ? "" : "s"}: ${result.mandatory} mandatory, ${result.advisory} advisory policy violation${result.mandatory + result.advisory === 1 ? "" : "s"}; ${verdict}.`;
}

export function jsonResult(result: AnalysisResult, extra: Record<string, unknown>): string {
    return JSON.stringify(
        {
            ...extra,
            pack: { name: result.pack.name, version: result.pack.version },
            summary: { resources: result.resourceCount, mandatory: result.mandatory, advisory: result.advisory, blocked: result.mandatory > 0 },
            violations: result.diagnostics.map((d) => ({
                policy: d.policyName,
                level: d.enforcementLevel,
                severity: d.severity,
                urn: d.urn,
                type: d.resourceType,
                name: d.resourceName,
                message: d.message,
            })),
        },
        null,
        2,
    );
}
