#!/usr/bin/env node
// ru-residency: run the policy pack offline, the way `pulumi preview --policy-pack` would.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { AnalysisOptions, AnalysisResult, analyzeResources, analyzeUpdate, DEFAULT_PACK_DIR } from "../analyze";
import { analyzeResourcesInProcess } from "../in-process";
import { stepResources } from "../engine/provider-steps";
import { previewWithRealEngine } from "./real-engine";
import { EngineResource, PackStartError } from "../engine/runner";
import { buildDataMap, DataMap } from "../report/data-map";
import { fullReportFormat, fullReportPointer, linkTarget } from "../report/full-report";
import { REPORT_FORMAT_NAMES, REPORT_FORMATS, renderReport as renderFormat } from "../report/formats";
import type { MarkdownOptions } from "../report/markdown";
import { runProgram } from "../program/run-program";
import { InputError } from "../program/stack-config";
import { readStackExport } from "../stack-export";
import { exportFiles } from "../organisation";
import { runOrganisation } from "./organisation-command";
import { formatPreview, jsonResult, summaryLine } from "./format";

// The root package.json: two levels up from src/cli, three from the compiled dist/src/cli.
const TOOL_VERSION = (JSON.parse(fs.readFileSync(path.resolve(__dirname, __filename.endsWith(".ts") ? "../.." : "../../..", "package.json"), "utf8")) as { version: string }).version;

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_USAGE = 2;

const COMMAND_USAGE: Record<string, string> = {
    preview: `  ru-residency preview <program-dir> [--stack NAME] [--policy-pack-config FILE] [--stack-tag KEY=VALUE ...] [--update] [--json] [--engine mocks|pulumi]`,
    analyze: `  ru-residency analyze --file <export.json|folder> [--file ...] [--policy-pack-config FILE] [--json] [--engine in-process|grpc]`,
    report: `  ru-residency report (<program-dir> [--stack NAME] [--update] [--stack-tag KEY=VALUE ...] | --file <export.json|folder> [--file ...]) [--policy-pack-config FILE]
                      --format markdown|json|sarif|junit|html [--output FILE] [--full-report FILE] [--full-report-url URL] [--engine in-process|grpc]`,
};

const COMMAND_HELP: Record<string, string> = {
    preview: `runs a Pulumi TypeScript or JavaScript program under the SDK's mocks (no cloud, no
credentials) and analyses what it would deploy with the policy pack, as a preview:
values that come from other resources are unknown. --update analyses it as an update
instead. --engine pulumi runs the real Pulumi CLI instead of the mocks, still offline (test
providers, a temporary file backend, no credentials), when a CLI of the SDK's version is there.`,
    analyze: `analyses a \`pulumi stack export\` file (what is already deployed), as \`pulumi policy
analyze\` does: resources pending deletion are left out, and no stack tags are sent. Several
--file, or a folder of exports, are analysed as one organisation: a flow into another stack
given is resolved there by ARN or name; each stack's verdict, then the organisation's. The pack
runs in this process through @pulumi/policy's own server code; --engine grpc starts it as the
engine does and analyses over the Analyzer gRPC protocol instead (the same findings, slower).`,
    report: `writes the data map (every store of personal data, how it was classified and located,
the flows out of it, each policy's verdict, exemptions) for a review: Markdown for a
pull-request comment, JSON (docs/schema/data-map-1.3.schema.json), SARIF 2.1.0 for
code scanning, JUnit XML, or a self-contained HTML page. The Markdown fits a GitHub
comment (under 65,536 characters): --full-report FILE (.html, .json or .md) also writes the
complete report from the same analysis, and the comment names it, or --full-report-url.`,
};

const OPTIONS_HELP = `Options:
  --policy-pack DIR          the policy pack (default: this package's policypack/)
  --policy-pack-config FILE  JSON config, as for pulumi --policy-pack-config
  --stack-tag KEY=VALUE      a stack tag (e.g. data-subjects=RU); repeatable; programs only
  --json                     print the result as JSON
  -h, --help                 this help;  --version  the version of ru-residency

Environment: PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE decrypts the secrets of a
stack that uses the passphrase secrets provider, as the Pulumi CLI does.

Exit codes: 0 no mandatory violation, 1 the deployment would be blocked, 2 bad usage or input.`;

const USAGE = `Usage:
${Object.values(COMMAND_USAGE).join("\n")}
  ru-residency --version

${Object.entries(COMMAND_HELP)
    .map(([c, h]) => `${c.padEnd(9)} ${h.split("\n").join("\n          ")}`)
    .join("\n")}

${OPTIONS_HELP}`;

function commandUsage(command: string): string {
    return `Usage:\n${COMMAND_USAGE[command]}\n\n${COMMAND_HELP[command]}\n\n${OPTIONS_HELP}`;
}

/** The options each command takes; parsing is per command, so none is silently ignored. */
const COMMON_OPTIONS = {
    "policy-pack": { type: "string" },
    "policy-pack-config": { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
} as const;
const COMMAND_OPTIONS = {
    preview: { ...COMMON_OPTIONS, stack: { type: "string" }, "stack-tag": { type: "string", multiple: true }, update: { type: "boolean" }, engine: { type: "string" } },
    analyze: { ...COMMON_OPTIONS, file: { type: "string", multiple: true }, engine: { type: "string" } },
    report: {
        ...COMMON_OPTIONS,
        file: { type: "string", multiple: true },
        stack: { type: "string" },
        "stack-tag": { type: "string", multiple: true },
        update: { type: "boolean" },
        format: { type: "string" },
        output: { type: "string", short: "o" },
        "full-report": { type: "string" },
        "full-report-url": { type: "string" },
        engine: { type: "string" },
    },
} as const;
type Command = keyof typeof COMMAND_OPTIONS;
const OPTION_OWNER: Record<string, string> = {
    "stack-tag": "programs (preview, report <program-dir>): pulumi policy analyze sends a stack export's resources with no stack tags",
    format: "the report command",
    output: "the report command",
    "full-report": "report --format markdown",
    "full-report-url": "report --format markdown",
    file: "analyze and report",
    stack: "preview and report",
    update: "preview and report",
};

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

interface Collected {
    warnings: string[];
    resources: EngineResource[];
    stackResources?: EngineResource[];
    project: string;
    stack: string;
    organization?: string;
    dryRun: boolean;
    /** For an update: the program's registrations as an update makes them (after the preview). */
    update?: () => Promise<{ resources: EngineResource[]; stackResources: EngineResource[] }>;
    /** The stack's config, as the engine sends it to ConfigureStack (secrets as placeholders). */
    stackConfig?: Record<string, string>;
    stackConfigSecretKeys?: string[];
    subject: DataMap["subject"];
}

/** The resources to analyse: from a program run under mocks, or from a stack export. */
/** What Analyze and AnalyzeStack see once the engine has stepped the registrations. */
function steppedFor(registered: EngineResource[], preview: boolean): { resources: EngineResource[]; stackResources: EngineResource[] } {
    const { analyze, stack } = stepResources(registered, { preview });
    return { resources: analyze, stackResources: stack };
}

async function collect(command: string, values: { file?: string; stack?: string; update?: boolean; "stack-tag"?: string[] }, positionals: string[]): Promise<Collected> {
    if (values.file) {
        if (positionals.length > 0) throw new UsageError(`${command} takes a program directory or --file, not both`);
        if (values.stack || values.update) throw new UsageError(`--${values.stack ? "stack" : "update"} is for a program directory, not --file`);
        // `pulumi policy analyze` configures no stack: the pack sees no stack tags.
        if (values["stack-tag"]?.length) throw new UsageError("--stack-tag is for programs: pulumi policy analyze sends a stack export's resources with no stack tags, and so does --file");
        const exported = readStackExport(values.file);
        return {
            warnings: [],
            resources: exported.resources,
            stackResources: exported.stackResources,
            project: exported.project,
            stack: exported.stack,
            // `pulumi policy analyze` (deploy.AnalyzeSnapshot) analyses every resource with
            // dryRun=true: a mandatory violation is reported and the next resource is still
            // analysed, then the stack policies run. An update's bail would hide all but the first.
            dryRun: true,
            subject: { kind: "stack-export", path: values.file, project: exported.project, stack: exported.stack, mode: "analyze" },
        };
    }
    if (command === "analyze") throw new UsageError(positionals.length > 0 ? "analyze takes no program directory; use preview for a program" : "analyze needs --file <export.json>");
    if (positionals.length !== 1) throw new UsageError(`${command} takes one program directory${command === "report" ? " or --file <export.json>" : ""}`);
    const dir = positionals[0]!;
    const dryRun = !values.update;
    // An update is previewed first, as `pulumi up` does; the program runs again for the update.
    const captured = await runProgram(dir, { stack: values.stack, preview: true });
    if (captured.remoteComponents.length > 0) {
        // Their children exist only inside their provider plugin: what they deploy is not seen, so
        // nothing about them can be passed.
        const [first, ...more] = captured.remoteComponents;
        const pkg = first!.type.split(":")[0];
        throw new InputError(
            `${dir}: cannot check inside the remote component ${first!.type} "${first!.name}"${more.length ? ` and ${more.length} more (${more.map((c) => `${c.type} "${c.name}"`).join(", ")})` : ""}: ` +
                `its resources are created by the ${pkg} provider plugin, which does not run offline, so they are not seen and the deployment is not passed. ` +
                `Check this program with pulumi preview --policy-pack, where the engine shows the pack every resource the component creates`,
        );
    }
    return {
        warnings: captured.warnings,
        ...steppedFor(captured.resources, true),
        stackConfig: captured.config,
        stackConfigSecretKeys: captured.secretKeys,
        project: captured.project,
        stack: captured.stack,
        organization: captured.organization,
        dryRun,
        update: dryRun ? undefined : async () => steppedFor((await runProgram(dir, { stack: values.stack, preview: false })).resources, false),
        subject: { kind: "program", path: dir, project: captured.project, stack: captured.stack, mode: dryRun ? "preview" : "update" },
    };
}

function renderReport(format: string, input: Collected, map: DataMap, markdown: MarkdownOptions = {}): string {
    const fallback = input.subject.kind === "stack-export" ? path.resolve(input.subject.path) : path.resolve(input.subject.path, `Pulumi.${input.stack}.yaml`);
    return renderFormat(format, { map, resources: [input.resources], fallbackFiles: [fallback], markdown, toolVersion: TOOL_VERSION, baseDir: process.cwd() });
}

/** The main extension of each format a --full-report file may have, in words. */
function fullReportExtensions(): string {
    const exts = REPORT_FORMATS.flatMap((f) => f.fullReportExtensions.slice(0, 1)).sort();
    return `${exts.slice(0, -1).join(", ")} or ${exts[exts.length - 1]}`;
}

function writeReport(file: string, text: string): void {
    try {
        fs.writeFileSync(file, text);
    } catch (e) {
        throw new InputError(`${file}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
}

/** --full-report and --full-report-url are for the Markdown comment, and say where its full report is. */
function checkFullReport(format: string, file: string | undefined, url: string | undefined): void {
    if ((file || url) && format !== "markdown") throw new UsageError(`--full-report${file ? "" : "-url"} is for --format markdown: it names the full report in the comment`);
    if (file && !fullReportFormat(file)) throw new UsageError(`--full-report ${JSON.stringify(file)}: name a ${fullReportExtensions()} file; its extension sets its format`);
    if (url && !linkTarget(url)) throw new UsageError(`--full-report-url ${JSON.stringify(url)}: expected an http or https URL`);
}

function isCommand(c: string): c is Command {
    return Object.prototype.hasOwnProperty.call(COMMAND_OPTIONS, c);
}

/** A parse error in our own words: Node's parseArgs messages are written for programmers. */
function parseError(command: Command, e: unknown): string {
    const err = e as { code?: string; message?: string };
    const option = /'(-{1,2}[^' ]+)/.exec(err.message ?? "")?.[1] ?? "";
    const bare = option.replace(/^-+/, "");
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
        return OPTION_OWNER[bare] ? `${command}: ${option} is for ${OPTION_OWNER[bare]}` : `${command}: unknown option ${option}`;
    }
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
        const o = (COMMAND_OPTIONS[command] as Record<string, { type: string }>)[bare];
        return o?.type === "boolean" ? `${command}: ${option} takes no value` : `${command}: ${option} needs a value`;
    }
    return `${command}: cannot read the command line`;
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
    const [command, ...rest] = argv;
    if (!command) {
        process.stderr.write(`${USAGE}\n`);
        return EXIT_USAGE;
    }
    if (command === "--help" || command === "-h" || command === "help") {
        const topic = rest[0];
        out(`${topic && isCommand(topic) ? commandUsage(topic) : USAGE}\n`);
        return EXIT_OK;
    }
    if (command === "--version" || command === "-v" || command === "version") {
        out(`${TOOL_VERSION}\n`);
        return EXIT_OK;
    }
    if (!isCommand(command)) {
        process.stderr.write(`ru-residency: unknown command ${JSON.stringify(command)}\n\n${USAGE}\n`);
        return EXIT_USAGE;
    }
    let parsed;
    try {
        parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: COMMAND_OPTIONS[command] });
    } catch (e) {
        process.stderr.write(`ru-residency: ${parseError(command, e)}\n\n${commandUsage(command)}\n`);
        return EXIT_USAGE;
    }
    const values = parsed.values as { [k: string]: string | boolean | string[] | undefined } & {
        file?: string[];
        stack?: string;
        update?: boolean;
        json?: boolean;
        help?: boolean;
        format?: string;
        output?: string;
        "policy-pack"?: string;
        "policy-pack-config"?: string;
        "stack-tag"?: string[];
        engine?: string;
        "full-report"?: string;
        "full-report-url"?: string;
    };
    const { positionals } = parsed;
    if (values.help) {
        out(`${commandUsage(command)}\n`);
        return EXIT_OK;
    }
    const packDir = values["policy-pack"] ? path.resolve(values["policy-pack"]) : DEFAULT_PACK_DIR;
    const packLabel = path.relative(process.cwd(), packDir) || ".";
    // preview: the SDK's mocks or the real CLI. analyze and report --file: the pack in this
    // process (@pulumi/policy's own server code) or over the engine's gRPC protocol.
    const engines = command === "preview" ? ["mocks", "pulumi"] : ["in-process", "grpc"];
    const engine = typeof values.engine === "string" ? values.engine : engines[0]!;
    if (!engines.includes(engine)) {
        process.stderr.write(`ru-residency: --engine ${JSON.stringify(engine)}: expected ${engines.join(" or ")}\n\n${commandUsage(command)}\n`);
        return EXIT_USAGE;
    }
    if (command === "report" && values.engine === "in-process" && !values.file?.length) {
        process.stderr.write(`ru-residency: --engine in-process is for --file: a program runs under the engine protocol\n\n${commandUsage(command)}\n`);
        return EXIT_USAGE;
    }
    const analyse = engine === "grpc" ? analyzeResources : (resources: EngineResource[], options: AnalysisOptions) => analyzeResourcesInProcess(resources, { ...options, packDir });
    if (engine === "pulumi") {
        try {
            if (positionals.length !== 1) throw new UsageError("preview takes one program directory");
            if (values["stack-tag"]?.length) throw new UsageError("--stack-tag is not available with --engine pulumi: set stack tags on the stack");
            const r = await previewWithRealEngine(positionals[0]!, { stack: values.stack, packDir, configFile: values["policy-pack-config"], update: values.update === true });
            if (values.json) out(`${JSON.stringify({ engine: "pulumi", exitCode: r.code, mandatory: r.mandatory, advisory: r.advisory, violations: r.policyEvents }, null, 2)}\n`);
            else out(r.stdout.endsWith("\n") ? r.stdout : `${r.stdout}\n`);
            if (r.mandatory > 0) return EXIT_BLOCKED;
            if (r.code !== 0) {
                process.stderr.write(`ru-residency: pulumi exited with code ${r.code} without a mandatory policy violation; see its output above\n`);
                return EXIT_USAGE;
            }
            return EXIT_OK;
        } catch (e) {
            if (e instanceof UsageError) {
                process.stderr.write(`ru-residency: ${e.message}\n\n${commandUsage(command)}\n`);
                return EXIT_USAGE;
            }
            process.stderr.write(`ru-residency: ${(e as Error)?.message ?? String(e)}\n`);
            return EXIT_USAGE;
        }
    }
    try {
        const tags = stackTags(values["stack-tag"]);
        const format = values.format;
        if (command === "report") {
            if (!format) throw new UsageError(`report needs --format ${REPORT_FORMAT_NAMES.join("|")}`);
            if (!REPORT_FORMAT_NAMES.includes(format)) throw new UsageError(`--format ${JSON.stringify(format)}: expected one of ${REPORT_FORMAT_NAMES.join(", ")}`);
            checkFullReport(format, values["full-report"], values["full-report-url"]);
        }
        // Several exports, or a folder of them: one organisation (src/cli/organisation-command.ts).
        let file: string | undefined;
        if (values.file?.length) {
            if (positionals.length > 0) throw new UsageError(`${command} takes a program directory or --file, not both`);
            const files = exportFiles(values.file);
            if (files.length > 1) {
                if (values.stack || values.update) throw new UsageError(`--${values.stack ? "stack" : "update"} is for a program directory, not --file`);
                if (values["stack-tag"]?.length) throw new UsageError("--stack-tag is for programs: pulumi policy analyze sends a stack export's resources with no stack tags, and so does --file");
                return await runOrganisation({
                    command: command as "analyze" | "report",
                    files,
                    given: values.file,
                    packDir,
                    packLabel,
                    configFile: values["policy-pack-config"],
                    format,
                    output: values.output,
                    fullReport: values["full-report"],
                    markdown: { fullReport: fullReportPointer({ file: values["full-report"], url: values["full-report-url"], env: process.env }) },
                    json: values.json,
                    toolVersion: TOOL_VERSION,
                    onProgress: progress(process.stderr.isTTY === true),
                    analyse,
                    out,
                    err: (s) => process.stderr.write(s),
                });
            }
            file = files[0];
        }
        const input = await collect(command, { ...values, file }, positionals);
        for (const w of input.warnings) process.stderr.write(`ru-residency: warning: ${w}\n`);
        const analysisOptions = {
            packDir,
            configFile: values["policy-pack-config"],
            project: input.project,
            stack: input.stack,
            organization: input.organization,
            stackTags: tags,
            stackConfig: input.stackConfig,
            stackConfigSecretKeys: input.stackConfigSecretKeys,
            onProgress: progress(process.stderr.isTTY === true),
        };
        let result: AnalysisResult;
        if (input.update) {
            const runUpdate = input.update;
            result = await analyzeUpdate(
                { resources: input.resources, stackResources: input.stackResources },
                async () => {
                    // The report describes what the update would deploy.
                    const updated = await runUpdate();
                    input.resources = updated.resources;
                    input.stackResources = updated.stackResources;
                    return updated;
                },
                analysisOptions,
            );
        } else {
            // A stack export runs in-process unless --engine grpc; a program under the engine protocol.
            const run = input.subject.kind === "stack-export" ? analyse : analyzeResources;
            result = await run(input.resources, { ...analysisOptions, dryRun: input.dryRun, stackResources: input.stackResources });
        }
        if (command === "report") {
            const fullFile = values["full-report"];
            const map = buildDataMap({ resources: input.resources, analysis: result, subject: input.subject, stackTags: tags });
            const text = renderReport(format!, input, map, { fullReport: fullReportPointer({ file: fullFile, url: values["full-report-url"], env: process.env }) });
            if (fullFile) {
                // The complete report, from the same analysis, where the comment says it is.
                writeReport(fullFile, renderReport(fullReportFormat(fullFile)!, input, map, { budget: Infinity }));
                process.stderr.write(`ru-residency: wrote ${fullFile} (the full report)\n`);
            }
            if (values.output) {
                writeReport(values.output, text);
                process.stderr.write(`ru-residency: wrote ${values.output} (${summaryLine(result)})\n`);
            } else {
                out(text.endsWith("\n") ? text : `${text}\n`);
            }
            return result.mandatory > 0 ? EXIT_BLOCKED : EXIT_OK;
        }
        const subject: Record<string, unknown> = { [input.subject.kind === "program" ? "program" : "file"]: input.subject.path, project: input.project, stack: input.stack, mode: input.subject.mode };
        if (input.warnings.length > 0) subject.warnings = input.warnings;
        out(`${values.json ? jsonResult(result, subject) : formatPreview(result, packLabel)}\n`);
        return result.mandatory > 0 ? EXIT_BLOCKED : EXIT_OK;
    } catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`ru-residency: ${e.message}\n\n${commandUsage(command)}\n`);
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
