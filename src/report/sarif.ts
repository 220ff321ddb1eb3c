// The data map's violations as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
import * as path from "node:path";
import { createHash } from "node:crypto";
import type { Log, ReportingDescriptor, Result } from "sarif";
import type { DataMap } from "./data-map";
import type { ReportFormat } from "./format";
import { stackMaps } from "./organisation-map";

const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };
const DEFAULT_LEVEL: Record<string, ReportingDescriptor["defaultConfiguration"]> = {
    critical: { level: "error" },
    high: { level: "error" },
    medium: { level: "warning" },
    low: { level: "note" },
};

export interface SarifOptions {
    /** Results point at paths relative to this directory (the repository root). */
    baseDir: string;
    /** The file to point at when a resource has no source position (the stack export, or the stack config). */
    fallbackFile: string;
    toolVersion: string;
}

function relative(file: string, base: string): string {
    return path.relative(base, file).split(path.sep).join("/");
}

export function renderSarif(map: DataMap, options: SarifOptions): Log {
    const rules: ReportingDescriptor[] = map.policies.map((p) => ({
        id: p.name,
        name: p.name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
        shortDescription: { text: p.description },
        fullDescription: { text: p.description },
        help: { text: `${p.description}\n\n${p.remediationSteps}\n\nReference: ${p.url}`, markdown: `${p.description}\n\n${p.remediationSteps}\n\nReference: \`${p.url}\`` },
        defaultConfiguration: DEFAULT_LEVEL[p.severity] ?? { level: "warning" },
        properties: { tags: ["security", "data-residency", "152-FZ"], precision: "high", "security-severity": SECURITY_SEVERITY[p.severity] ?? "5.0" },
    }));
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const results: Result[] = map.violations.map((v) => {
        const file = v.source ? relative(v.source.file, options.baseDir) : relative(options.fallbackFile, options.baseDir);
        return {
            ruleId: v.policy,
            ruleIndex: ruleIndex.get(v.policy) ?? -1,
            level: v.level === "mandatory" ? "error" : "warning",
            message: { text: v.message },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: file, uriBaseId: "%SRCROOT%" },
                        region: v.source ? { startLine: Math.max(1, v.source.line), startColumn: Math.max(1, v.source.column) } : { startLine: 1 },
                    },
                    logicalLocations: [{ fullyQualifiedName: v.urn, name: v.name, kind: "resource" }],
                },
            ],
            partialFingerprints: { "ruResidencyFinding/v1": createHash("sha256").update(`${v.policy}\u0000${v.urn}`).digest("hex").slice(0, 32) },
            properties: { enforcementLevel: v.level, resourceType: v.type, urn: v.urn },
        };
    });
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: { driver: { name: "ru-residency", version: options.toolVersion, semanticVersion: options.toolVersion, rules } },
                automationDetails: { id: `ru-residency/${map.subject.project}/${map.subject.stack}/` },
                originalUriBaseIds: { "%SRCROOT%": { uri: `file://${options.baseDir.endsWith("/") ? options.baseDir : `${options.baseDir}/`}` } },
                results,
                properties: { notice: map.legal.notice, lawFile: map.legal.lawFile, lawReviewed: map.legal.lawReviewed },
            },
        ],
    };
}

export const SARIF_FORMAT: ReportFormat = {
    name: "sarif",
    fullReportExtensions: [],
    render: (input) => {
        const options = (fallbackFile: string): SarifOptions => ({ baseDir: input.baseDir, fallbackFile, toolVersion: input.toolVersion });
        const log = renderSarif(input.map, options(input.fallbackFiles[0]!));
        // An organisation: one run per stack, each pointing at its own export.
        const runs = input.map.stacks ? stackMaps(input.map).flatMap((m, i) => renderSarif(m, options(input.fallbackFiles[i]!)).runs) : log.runs;
        return `${JSON.stringify({ ...log, runs }, null, 2)}\n`;
    },
};
