// `analyze` and `report` on several stack exports (--file given more than once, or a folder):
// each stack analysed as pulumi policy analyze analyses it, flows into the other stacks resolved,
// then each stack's verdict and the organisation's.
import * as fs from "node:fs";
import * as path from "node:path";
import type { AnalysisOptions, AnalysisResult } from "../analyze";
import type { EngineResource } from "../engine/runner";
import { configWithDestinations, derivedDestinations, indexDestinations, policyProperties, rawConfig, CROSS_BORDER, readExports, tempDir, type StackExportFile } from "../organisation";
import { InputError } from "../program/stack-config";
import { buildDataMap, type DataMap } from "../report/data-map";
import { fullReportFormat } from "../report/full-report";
import { renderReport } from "../report/formats";
import type { MarkdownOptions } from "../report/markdown";
import { combineDataMaps } from "../report/organisation-map";
import { formatPreview, summaryJson, violationJson } from "./format";

export interface OrganisationOptions {
    command: "analyze" | "report";
    files: string[];
    /** What the user named: the folder, or the files. */
    given: string[];
    packDir: string;
    packLabel: string;
    configFile?: string;
    format?: string;
    output?: string;
    fullReport?: string;
    markdown: MarkdownOptions;
    json?: boolean;
    toolVersion: string;
    onProgress?: (done: number, total: number) => void;
    /** How a stack is analysed: in-process, or over gRPC (--engine grpc). */
    analyse: (resources: EngineResource[], options: AnalysisOptions) => Promise<AnalysisResult>;
    out: (s: string) => void;
    err: (s: string) => void;
}

export interface StackAnalysis {
    stack: StackExportFile;
    result: AnalysisResult;
    /** Destinations in other stacks added to its stackDestinations. */
    derived: number;
}

/** Analyse each stack, with the other stacks' resources as known destinations. */
export async function analyzeStacks(
    stacks: readonly StackExportFile[],
    options: Pick<OrganisationOptions, "packDir" | "configFile" | "onProgress" | "analyse">,
): Promise<{ analyses: StackAnalysis[]; index: ReturnType<typeof indexDestinations> }> {
    const raw = rawConfig(options.configFile);
    const index = indexDestinations(stacks, policyProperties(raw, CROSS_BORDER));
    const dir = tempDir();
    try {
        const analyses: StackAnalysis[] = [];
        for (const stack of stacks) {
            const derived = derivedDestinations(index, stack.key);
            const configFile = configWithDestinations(raw, derived, dir, stack.key);
            let result: AnalysisResult;
            try {
                result = await options.analyse(stack.resources, {
                    packDir: options.packDir,
                    configFile,
                    project: stack.project,
                    stack: stack.stack,
                    dryRun: true,
                    stackResources: stack.stackResources,
                    onProgress: options.onProgress,
                });
            } catch (e) {
                // Speak of the user's config file, not of the copy with the derived destinations.
                if (e instanceof InputError) throw new InputError(e.message.split(configFile).join(options.configFile ?? "the policy pack config"));
                throw e;
            }
            analyses.push({ stack, result, derived: Object.keys(derived).length });
        }
        return { analyses, index };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

const verdictWord = (r: AnalysisResult) => (r.mandatory > 0 ? "BLOCKED" : r.advisory > 0 ? "passes with warnings" : "passes");

/** Each stack's verdict, one line each, then the organisation's. */
export function organisationSummary(analyses: readonly StackAnalysis[]): string {
    const width = Math.min(60, Math.max(...analyses.map((a) => a.stack.key.length)));
    const lines = ["Stacks:"];
    for (const a of analyses) {
        const r = a.result;
        lines.push(
            `    ${a.stack.key.padEnd(width)}  ${verdictWord(r).padEnd(20)}  ${r.resourceCount} resource${r.resourceCount === 1 ? "" : "s"}: ${r.mandatory} mandatory, ${r.advisory} advisory  (${a.stack.file})`,
        );
    }
    const blocked = analyses.filter((a) => a.result.mandatory > 0).length;
    const resources = analyses.reduce((n, a) => n + a.result.resourceCount, 0);
    const mandatory = analyses.reduce((n, a) => n + a.result.mandatory, 0);
    const advisory = analyses.reduce((n, a) => n + a.result.advisory, 0);
    const verdict =
        blocked > 0
            ? `${blocked} of ${analyses.length} stacks would be BLOCKED`
            : advisory > 0
              ? `every stack would proceed, ${analyses.filter((a) => a.result.advisory > 0).length} with warnings`
              : "every stack would proceed";
    lines.push(
        "",
        `Organisation: ${analyses.length} stacks, ${resources} resources: ${mandatory} mandatory, ${advisory} advisory policy violation${mandatory + advisory === 1 ? "" : "s"}; ${verdict}.`,
    );
    return lines.join("\n");
}

export function organisationJson(analyses: readonly StackAnalysis[]): unknown {
    const blocked = analyses.filter((a) => a.result.mandatory > 0).length;
    return {
        files: analyses.map((a) => a.stack.file),
        stacks: analyses.map((a) => ({
            stack: a.stack.key,
            file: a.stack.file,
            project: a.stack.project,
            name: a.stack.stack,
            destinationsFromOtherStacks: a.derived,
            summary: summaryJson(a.result),
            violations: a.result.diagnostics.map(violationJson),
        })),
        organisation: {
            stacks: analyses.length,
            blockedStacks: blocked,
            resources: analyses.reduce((n, a) => n + a.result.resourceCount, 0),
            mandatory: analyses.reduce((n, a) => n + a.result.mandatory, 0),
            advisory: analyses.reduce((n, a) => n + a.result.advisory, 0),
            blocked: blocked > 0,
        },
    };
}

/** The organisation's data map, from each stack's own analysis. */
export function organisationMap(analyses: readonly StackAnalysis[], index: ReturnType<typeof indexDestinations>, given: readonly string[]): DataMap {
    const parts = analyses.map((a) => ({
        key: a.stack.key,
        map: buildDataMap({ resources: a.stack.resources, analysis: a.result, subject: { kind: "stack-export", path: a.stack.file, project: a.stack.project, stack: a.stack.stack, mode: "analyze" } }),
    }));
    return combineDataMaps(parts, index, given.join(", "));
}

function render(format: string, map: DataMap, analyses: readonly StackAnalysis[], options: OrganisationOptions, markdown: MarkdownOptions): string {
    return renderReport(format, {
        map,
        resources: analyses.map((a) => a.stack.resources),
        fallbackFiles: analyses.map((a) => path.resolve(a.stack.file)),
        markdown,
        toolVersion: options.toolVersion,
        baseDir: process.cwd(),
    });
}

function write(file: string, text: string): void {
    try {
        fs.writeFileSync(file, text);
    } catch (e) {
        throw new InputError(`${file}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
}

/** Run analyze or report on the stacks; the exit code is 1 when any stack would be blocked. */
export async function runOrganisation(options: OrganisationOptions): Promise<number> {
    const stacks = readExports(options.files);
    const { analyses, index } = await analyzeStacks(stacks, options);
    const blocked = analyses.some((a) => a.result.mandatory > 0);
    const code = blocked ? 1 : 0;
    if (options.command === "analyze") {
        if (options.json) options.out(`${JSON.stringify(organisationJson(analyses), null, 2)}\n`);
        else {
            const blocks = analyses.map((a) => `Stack ${a.stack.key} (${a.stack.file}):\n${formatPreview(a.result, options.packLabel)}`);
            options.out(`${blocks.join("\n\n")}\n\n${organisationSummary(analyses)}\n`);
        }
        return code;
    }
    const map = organisationMap(analyses, index, options.given);
    const text = render(options.format!, map, analyses, options, options.markdown);
    if (options.fullReport) {
        write(options.fullReport, render(fullReportFormat(options.fullReport)!, map, analyses, options, { budget: Infinity }));
        options.err(`ru-residency: wrote ${options.fullReport} (the full report)\n`);
    }
    if (options.output) {
        write(options.output, text);
        const line = organisationSummary(analyses).split("\n").pop()!;
        options.err(`ru-residency: wrote ${options.output} (${line})\n`);
    } else options.out(text.endsWith("\n") ? text : `${text}\n`);
    return code;
}
