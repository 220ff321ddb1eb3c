// Printing results the way `pulumi preview` (v3.248.0) prints policy violations: the "Policies:"
// section of pkg/backend/display/progress.go (printPolicies), each violation rendered by
// renderDiffPolicyViolationEvent (pkg/backend/display/diff.go), then our own summary line.
import * as path from "node:path";
import type { AnalysisResult, ResourceDiagnostic } from "../analyze";
import { findingCodeOf } from "ru-data-residency/pack";

/** The stack part, project, qualified type and name of a URN (sdk/go/common/resource/urn/urn.go). */
function urnParts(urn: string): { type: string; name: string } {
    const rest = urn.startsWith("urn:pulumi:") ? urn.slice("urn:pulumi:".length) : urn;
    const parts = rest.split("::");
    const qualifiedType = parts[2] ?? "";
    return { type: qualifiedType.slice(qualifiedType.lastIndexOf("$") + 1), name: parts.slice(3).join("::") };
}

/** Go's string order (cmp.Compare): the bytes of the UTF-8 encodings. */
function goCompare(a: string, b: string): number {
    return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

const ENFORCEMENT_RANK: Record<string, number> = { remediate: 0, mandatory: 1, advisory: 2, disabled: 3 };
const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, "": 4 };

/** pkg/engine/update.go abbreviateFilePath: cleaned, and past 75 characters the first two and last two parts around "...". */
export function abbreviateFilePath(p: string): string {
    let cleaned = path.posix.normalize(p);
    if (cleaned.length > 1 && cleaned.endsWith("/")) cleaned = cleaned.slice(0, -1);
    if (cleaned.length <= 75) return cleaned;
    let separator = "/";
    let dirs = cleaned.split(separator);
    if (dirs.length === 1) {
        separator = "\\";
        dirs = cleaned.split(separator);
    }
    if (dirs.length > 4) dirs = [...dirs.slice(0, 2), "...", ...dirs.slice(-2)];
    return dirs.join(separator);
}

interface Shown {
    level: string;
    severity: string;
    policyName: string;
    urn: string;
    message: string;
}

/**
 * What the engine shows for a diagnostic: remediate counts as mandatory once it is reported, and
 * a violation about no resource of the stack (an AnalyzeStack one without a URN) is the stack's.
 */
function shown(d: ResourceDiagnostic, stackUrn: string | undefined): Shown {
    const level = d.enforcementLevel === "remediate" ? "mandatory" : d.enforcementLevel;
    const urn = d.resourceType ? d.urn : (stackUrn ?? d.urn);
    return { level, severity: d.severity, policyName: d.policyName, urn, message: d.message };
}

export function formatPreview(result: AnalysisResult, packLabel: string): string {
    const lines: string[] = [];
    const { pack } = result;
    const violations = result.diagnostics
        .map((d) => shown(d, result.stackUrn))
        // Enforcement level, severity, policy name, then URN; stable, so one resource's several
        // violations of one policy keep the order the pack reported them in.
        .sort(
            (a, b) =>
                (ENFORCEMENT_RANK[a.level] ?? 99) - (ENFORCEMENT_RANK[b.level] ?? 99) ||
                (SEVERITY_RANK[a.severity] ?? 99) - (SEVERITY_RANK[b.severity] ?? 99) ||
                goCompare(a.policyName, b.policyName) ||
                goCompare(a.urn, b.urn),
        );
    lines.push("Policies:");
    const icon = violations.some((v) => v.level === "mandatory") ? "❌" : violations.length > 0 ? "⚠️" : "✅";
    lines.push(`    ${icon} ${pack.name}@v${pack.version} (local: ${abbreviateFilePath(packLabel)})`);
    for (const v of violations) {
        const severity = v.severity ? ` [severity: ${v.severity}]` : "";
        const { type, name } = urnParts(v.urn);
        lines.push(`        - [${v.level}]${severity}  ${v.policyName}  (${type}: ${name})`);
        // Every line of the message, empty ones included, gets the sub-item indent.
        for (const l of v.message.split("\n")) lines.push(`          ${l}`);
    }
    lines.push("");
    lines.push(summaryLine(result));
    return lines.join("\n");
}

export function summaryLine(result: AnalysisResult): string {
    const verdict = result.mandatory > 0 ? "the deployment would be BLOCKED" : result.advisory > 0 ? "the deployment would proceed with warnings" : "the deployment would proceed";
    return `Analysed ${result.resourceCount} resource${result.resourceCount === 1 ? "" : "s"}: ${result.mandatory} mandatory, ${result.advisory} advisory policy violation${result.mandatory + result.advisory === 1 ? "" : "s"}; ${verdict}.`;
}

/** One run's counts as the JSON output gives them, for one stack and for each stack of an organisation. */
export function summaryJson(result: AnalysisResult): { resources: number; mandatory: number; advisory: number; blocked: boolean } {
    return { resources: result.resourceCount, mandatory: result.mandatory, advisory: result.advisory, blocked: result.mandatory > 0 };
}

/** One violation as the JSON output gives it. */
export function violationJson(d: AnalysisResult["diagnostics"][number]): Record<string, unknown> {
    return {
        policy: d.policyName,
        level: d.enforcementLevel,
        severity: d.severity,
        code: findingCodeOf(d.message) ?? null,
        urn: d.urn,
        type: d.resourceType,
        name: d.resourceName,
        message: d.message,
    };
}

export function jsonResult(result: AnalysisResult, extra: Record<string, unknown>): string {
    return JSON.stringify(
        {
            ...extra,
            pack: { name: result.pack.name, version: result.pack.version },
            summary: summaryJson(result),
            violations: result.diagnostics.map(violationJson),
        },
        null,
        2,
    );
}
