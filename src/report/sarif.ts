// The data map's violations as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
import * as path from "node:path";
import { createHash } from "node:crypto";
import type { Log, ReportingDescriptor, Result } from "sarif";
import type { DataMap } from "./data-map";
import type { ReportFormat } from "./format";
import { stackMaps } from "./organisation-map";
import { FINDING_CODES, type FindingCodeEntry, findingUrl, LAW, LAW_FILE } from "ru-data-residency/pack";

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

/** A rule name in SARIF's PascalCase: RU152-LOC-001 → Ru152Loc001. */
function ruleName(id: string): string {
    return id.toLowerCase().replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
}

function lawReferences(entry: FindingCodeEntry): string[] {
    return entry.law.map((id) => {
        const p = LAW.provisions.find((x) => x.id === id);
        if (p) return `${p.cite} (${LAW_FILE} ${id})`;
        const r = LAW.readings.find((x) => x.id === id);
        return r ? `the pack's reading "${r.title}" (${LAW_FILE} ${id})` : `${LAW_FILE} ${id}`;
    });
}

/**
 * The rules are the finding codes (one rule per kind of finding, as code scanning groups alerts
 * by rule), each naming the policies that report it; a result keeps its policy in its properties.
 */
function rulesFor(map: DataMap): ReportingDescriptor[] {
    const severity = new Map(map.policies.map((p) => [p.name, p.severity]));
    const rank = (s: string | undefined) => Object.keys(SECURITY_SEVERITY).indexOf(s ?? "");
    return FINDING_CODES.map((entry) => {
        // The most severe of its policies' severities, among the policies of this run.
        const sev = entry.policies
            .map((p) => severity.get(p))
            .filter((s): s is string => s !== undefined)
            .sort((a, b) => rank(a) - rank(b))[0];
        const refs = lawReferences(entry);
        const url = findingUrl(entry.code);
        const references = refs.length ? `\n\nLaw: ${refs.join("; ")}.` : "";
        return {
            id: entry.code,
            name: ruleName(entry.code),
            shortDescription: { text: entry.title },
            fullDescription: { text: entry.rationale },
            help: { text: `${entry.fix}${references}\n\nReference: ${url}`, markdown: `${entry.fix}${references}\n\nReference: \`${url}\`` },
            defaultConfiguration: sev ? (DEFAULT_LEVEL[sev] ?? { level: "warning" }) : { level: "warning" },
            properties: {
                tags: ["security", "data-residency", "152-FZ"],
                precision: "high",
                "security-severity": SECURITY_SEVERITY[sev ?? ""] ?? "5.0",
                policies: [...entry.policies],
                law: [...entry.law],
            },
        };
    });
}

export function renderSarif(map: DataMap, options: SarifOptions): Log {
    const rules = rulesFor(map);
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const results: Result[] = map.violations.map((v) => {
        const file = v.source ? relative(v.source.file, options.baseDir) : relative(options.fallbackFile, options.baseDir);
        // A message without a code (the engine's own) has no rule of ours: its policy names it.
        const index = v.code ? ruleIndex.get(v.code) : undefined;
        return {
            ruleId: index !== undefined ? v.code! : v.policy,
            ...(index !== undefined ? { ruleIndex: index } : {}),
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
            partialFingerprints: {
                "ruResidencyFinding/v1": createHash("sha256")
                    .update(`${v.policy}\u0000${v.code ?? ""}\u0000${v.urn}`)
                    .digest("hex")
                    .slice(0, 32),
            },
            properties: { policy: v.policy, enforcementLevel: v.level, resourceType: v.type, urn: v.urn },
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
