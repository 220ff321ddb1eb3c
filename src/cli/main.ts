#!/usr/bin/env node
// ru-residency: run the policy pack offline, the way `pulumi preview --policy-pack` would.
import * as path from "node:path";
import { parseArgs } from "node:util";
import { AnalysisResult, analyzeResources, DEFAULT_PACK_DIR } from "../analyze";
import { PackStartError } from "../engine/runner";
import { runProgram } from "../program/run-program";
import { InputError } from "../program/stack-config";
import { readStackExport } from "../stack-export";
import { formatPreview, jsonResult } from "./format";

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage:
  ru-residency preview <program-dir> [--stack NAME] [--policy-pack-config FILE] [--stack-tag KEY=VALUE ...] [--update] [--json]
  ru-residency analyze --file <export.json> [--policy-pack-config FILE] [--stack-tag KEY=VALUE ...] [--json]

preview   runs a Pulumi TypeScript program under the SDK's mocks (no cloud, no credentials) and
          analyses what it would deploy with the policy pack, as a preview: values that come
          from other resources are unknown. --update analyses it as an update instead.
analyze   analyses a \`pulumi stack export\` file (what is already deployed).

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

function progress(enabled: boolean): ((done: number, total: number) => void) | undefined {
    if (!enabled) return undefined;
    return (done, total) => {
        if (total < 300) return;
        process.stderr.write(`\ranalysing resources: ${done}/${total}`);
        if (done === total) process.stderr.write("\n");
    };
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
        let result: AnalysisResult;
        let subject: Record<string, unknown>;
        const tags = stackTags(values["stack-tag"]);
        if (command === "preview") {
            if (positionals.length !== 1) throw new UsageError("preview takes one program directory");
            if (values.file) throw new UsageError("preview runs a program; use analyze --file for a stack export");
            const dir = positionals[0]!;
            const dryRun = !values.update;
            const captured = await runProgram(dir, { stack: values.stack, preview: dryRun });
            result = await analyzeResources(captured.resources, {
                packDir,
                configFile: values["policy-pack-config"],
                project: captured.project,
                stack: captured.stack,
                organization: captured.organization,
                dryRun,
                stackTags: tags,
                onProgress: progress(process.stderr.isTTY === true),
            });
            subject = { program: dir, project: captured.project, stack: captured.stack, mode: dryRun ? "preview" : "update" };
        } else if (command === "analyze") {
            if (!values.file) throw new UsageError("analyze needs --file <export.json>");
            if (positionals.length > 0) throw new UsageError("analyze takes no program directory; use preview for a program");
            const exported = readStackExport(values.file);
            result = await analyzeResources(exported.resources, {
                packDir,
                configFile: values["policy-pack-config"],
                project: exported.project,
                stack: exported.stack,
                dryRun: false,
                stackTags: tags,
                stackResources: exported.stackResources,
                onProgress: progress(process.stderr.isTTY === true),
            });
            subject = { file: values.file, project: exported.project, stack: exported.stack, mode: "analyze" };
        } else {
            throw new UsageError(`unknown command ${JSON.stringify(command)}`);
        }
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
