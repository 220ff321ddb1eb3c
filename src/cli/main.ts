#!/usr/bin/env node
// ru-residency: run the policy pack offline, the way `pulumi preview --policy-pack` would.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { AnalysisResult, analyzeResources, analyzeUpdate, DEFAULT_PACK_DIR } from "../analyze";
import { EngineResource, PackStartError } from "../engine/runner";
import { buildDataMap, DataMap } from "../report/data-map";
import { renderHtml } from "../report/html";
import { renderJunit } from "../report/junit";
import { renderMarkdown } from "../report/markdown";
import { renderSarif } from "../report/sarif";
import { runProgram } from "../program/run-program";
import { InputError } from "../program/stack-config";
import { readStackExport } from "../stack-export";
import { formatPreview, jsonResult, summaryLine } from "./format";

// The root package.json: two levels up from src/cli, three from the compiled dist/src/cli.
const TOOL_VERSION = (JSON.parse(fs.readFileSync(path.resolve(__dirname, __filename.endsWith(".ts") ? "../.." : "../../..", "package.json"), "utf8")) as { version: string }).version;

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage:
  ru-residency preview <program-dir> [--stack NAME] [--policy-pack-config FILE] [--stack-tag KEY=VALUE ...] [--update] [--json]
  ru-residency analyze --file <export.json> [--policy-pack-config FILE] [--stack-tag KEY=VALUE ...] [--json]
  ru-residency report (<program-dir> [--stack NAME] [--update] | --file <export.json>) [--policy-pack-config FILE]
                      --format markdown|json|sarif|junit|html [--output FILE]

preview   runs a Pulumi TypeScript program under the SDK's mocks (no cloud, no credentials) and
          analyses what it would deploy with the policy pack, as a preview: values that come
          from other resources are unknown. --update analyses it as an update instead.
analyze   analyses a \`pulumi stack export\` file (what is already deployed).
report    writes the data map (every store of personal data, how it was classified and
          located, the flows out of it, each policy's verdict, exemptions) for a review:
          Markdown for a pull-request comment, JSON (docs/schema/data-map-1.0.schema.json),
          SARIF 2.1.0 for code scanning, JUnit XML, or a self-contained HTML page.

Options:
  --policy-pack DIR          the policy pack (default: this package's policypack/)
  --policy-pack-config FILE  JSON config, as for pulumi --policy-pack-config
  --stack-tag KEY=VALUE      a stack tag (e.g. data-subjects=RU); repeatable
  --json                     print the result as JSON

Exit codes: 0 no mandatory violation, 1 the deployment would be blocked, 2 bad usage or input.`;

class UsageError extends Error {}

function stackTags(values: string[] | undefined): Record<string, string> {
    const tags: Record<string, string> = {};
    for (const v of values ?? []) {
        const i = v.indexOf("=");
        if (i <= 0) throw new UsageError(`--stack-tag ${JSON.stringify(v)}: expected KEY=VALUE`);
        tags[v.slice(0, i)] = v.slice(i + 1);
    }
    return tags;
}

/** Progress on stderr for a stack of more than a few hundred resources, only when stderr is a terminal. */
export function progress(enabled: boolean, write: (s: string) => void = (s) => process.stderr.write(s)): ((done: number, total: number) => void) | undefined {
    if (!enabled) return undefined;
    return (done, total) => {
        if (total < 300) return;
        write(`\ranalysing resources: ${done}/${total}`);
        if (done === total) write("\n");
    };
}

const REPORT_FORMATS = ["markdown", "json", "sarif", "junit", "html"];

interface Collected {
    resources: EngineResource[];
    stackResources?: EngineResource[];
    project: string;
    stack: string;
    organization?: string;
    dryRun: boolean;
    /** For an update: the program's registrations as an update makes them (after the preview). */
    update?: () => Promise<EngineResource[]>;
    subject: DataMap["subject"];
}

/** The resources to analyse: from a program run under mocks, or from a stack export. */
async function collect(command: string, values: { file?: string; stack?: string; update?: boolean }, positionals: string[]): Promise<Collected> {
    if (values.file) {
        if (command === "preview") throw new UsageError("preview runs a program; use analyze --file for a stack export");
        if (positionals.length > 0) throw new UsageError(`${command} takes a program directory or --file, not both`);
        const exported = readStackExport(values.file);
        return {
            resources: exported.resources,
            stackResources: exported.stackResources,
            project: exported.project,
            stack: exported.stack,
            dryRun: false,
            subject: { kind: "stack-export", path: values.file, project: exported.project, stack: exported.stack, mode: "analyze" },
        };
    }
    if (command === "analyze") throw new UsageError(positionals.length > 0 ? "analyze takes no program directory; use preview for a program" : "analyze needs --file <export.json>");
    if (positionals.length !== 1) throw new UsageError(`${command} takes one program directory${command === "report" ? " or --file <export.json>" : ""}`);
    const dir = positionals[0]!;
    const dryRun = !values.update;
    // An update is previewed first, as `pulumi up` does; the program runs again for the update.
    const captured = await runProgram(dir, { stack: values.stack, preview: true });
    return {
        resources: captured.resources,
        project: captured.project,
        stack: captured.stack,
        organization: captured.organization,
        dryRun,
        update: dryRun ? undefined : async () => (await runProgram(dir, { stack: values.stack, preview: false })).resources,
        subject: { kind: "program", path: dir, project: captured.project, stack: captured.stack, mode: dryRun ? "preview" : "update" },
    };
}

function renderReport(format: string, input: Collected, result: AnalysisResult, tags: Record<string, string>): string {
    const map = buildDataMap({ resources: input.resources, analysis: result, subject: input.subject, stackTags: tags });
    switch (format) {
        case "json":
            return `${JSON.stringify(map, null, 2)}\n`;
        case "markdown":
            return renderMarkdown(map);
        case "sarif": {
            const fallback = input.subject.kind === "stack-export" ? path.resolve(input.subject.path) : path.resolve(input.subject.path, `Pulumi.${input.stack}.yaml`);
            return `${JSON.stringify(renderSarif(map, { baseDir: process.cwd(), fallbackFile: fallback, toolVersion: TOOL_VERSION }), null, 2)}\n`;
        }
        case "junit":
            return renderJunit(map, input.resources);
        default:
            return renderHtml(map);
    }
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
    const [command, ...rest] = argv;
    if (!command) {
        process.stderr.write(`${USAGE}\n`);
        return EXIT_USAGE;
    }
    if (command === "--help" || command === "-h" || command === "help") {
        out(`${USAGE}\n`);
        return EXIT_OK;
    }
    let parsed;
    try {
        parsed = parseArgs({
            args: rest,
            allowPositionals: true,
            options: {
                stack: { type: "string" },
                file: { type: "string" },
                "policy-pack": { type: "string" },
                "policy-pack-config": { type: "string" },
                "stack-tag": { type: "string", multiple: true },
                update: { type: "boolean" },
                json: { type: "boolean" },
                format: { type: "string" },
                output: { type: "string", short: "o" },
            },
        });
    } catch (e) {
        process.stderr.write(`ru-residency: ${(e as Error).message}\n\n${USAGE}\n`);
        return EXIT_USAGE;
    }
    const { values, positionals } = parsed;
    const packDir = values["policy-pack"] ? path.resolve(values["policy-pack"]) : DEFAULT_PACK_DIR;
    const packLabel = path.relative(process.cwd(), packDir) || ".";
    try {
        const tags = stackTags(values["stack-tag"]);
        if (command !== "preview" && command !== "analyze" && command !== "report") throw new UsageError(`unknown command ${JSON.stringify(command)}`);
        const format = values.format;
        if (command === "report") {
            if (!format) throw new UsageError("report needs --format markdown|json|sarif|junit|html");
            if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format ${JSON.stringify(format)}: expected one of ${REPORT_FORMATS.join(", ")}`);
        } else if (format || values.output) {
            throw new UsageError("--format and --output are for the report command");
        }
        const input = await collect(command, values, positionals);
        const analysisOptions = {
            packDir,
            configFile: values["policy-pack-config"],
            project: input.project,
            stack: input.stack,
            organization: input.organization,
            stackTags: tags,
            onProgress: progress(process.stderr.isTTY === true),
        };
        let result: AnalysisResult;
        if (input.update) {
            const runUpdate = input.update;
            result = await analyzeUpdate({ resources: input.resources }, async () => {
                // The report describes what the update would deploy.
                input.resources = await runUpdate();
                return { resources: input.resources };
            }, analysisOptions);
        } else {
            result = await analyzeResources(input.resources, { ...analysisOptions, dryRun: input.dryRun, stackResources: input.stackResources });
        }
        if (command === "report") {
            const text = renderReport(format!, input, result, tags);
            if (values.output) {
                try {
                    fs.writeFileSync(values.output, text);
                } catch (e) {
                    throw new InputError(`${values.output}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
                }
                process.stderr.write(`ru-residency: wrote ${values.output} (${summaryLine(result)})\n`);
            } else {
                out(text.endsWith("\n") ? text : `${text}\n`);
            }
            return result.mandatory > 0 ? EXIT_BLOCKED : EXIT_OK;
        }
        const subject = { [input.subject.kind === "program" ? "program" : "file"]: input.subject.path, project: input.project, stack: input.stack, mode: input.subject.mode };
        out(`${values.json ? jsonResult(result, subject) : formatPreview(result, packLabel)}\n`);
        return result.mandatory > 0 ? EXIT_BLOCKED : EXIT_OK;
    } catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`ru-residency: ${e.message}\n\n${USAGE}\n`);
            return EXIT_USAGE;
        }
        if (e instanceof InputError || e instanceof PackStartError) {
            process.stderr.write(`ru-residency: ${e.message}\n`);
            return EXIT_USAGE;
        }
        process.stderr.write(`ru-residency: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
        return EXIT_USAGE;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}
