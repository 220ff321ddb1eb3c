// A Pulumi program run under the real CLI: copied project and stack files in a temporary working
// directory (the CLI writes the stack's encryption salt there), a stack in the file backend, and
// each command run in a child process with the engine's event log, whose policy events are the
// exact (URN, policy, level) triples the CLI saw.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliEnvironment } from "./environment";
import type { CliRunRequest, CliRunResult } from "./run-cli";
import { findingCodeOf } from "ru-data-residency/pack";

export interface PolicyEvent {
    urn: string;
    policy: string;
    level: string;
    /** The finding code on the message's last line (the engine passes on only the text), or null. */
    code: string | null;
    message: string;
    packName: string;
}

export interface CommandResult extends CliRunResult {
    /** The engine's events, in order, from --event-log. */
    events: Record<string, unknown>[];
    policyEvents: PolicyEvent[];
}

function runCliScript(): string {
    if (__filename.endsWith(".js")) return path.join(__dirname, "run-cli.js");
    return path.resolve(__dirname, "..", "..", "dist", "src", "pulumi-cli", "run-cli.js");
}

/** The program's main module, as the Node language host finds it: package.json main, else index. */
export function programMain(dir: string): string {
    let main = "";
    try {
        main = (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { main?: string }).main ?? "";
    } catch {
        /* no package.json: the directory itself */
    }
    const candidates = main ? [path.resolve(dir, main)] : [];
    candidates.push(path.join(dir, "index.ts"), path.join(dir, "index.js"));
    return candidates.find((c) => fs.existsSync(c)) ?? path.resolve(dir, main || "index.js");
}

async function runChild(req: CliRunRequest, work: string): Promise<CliRunResult> {
    const requestFile = path.join(work, `request-${process.hrtime.bigint()}.json`);
    const outFile = `${requestFile}.out`;
    fs.writeFileSync(requestFile, JSON.stringify(req));
    const stderr = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [runCliScript(), requestFile, outFile], { cwd: req.workDir, env: req.env, stdio: ["ignore", "ignore", "pipe"] });
        let err = "";
        child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
        child.on("error", reject);
        child.on("close", () => resolve(err));
    });
    if (!fs.existsSync(outFile)) throw new Error(`running pulumi ${req.args.join(" ")} failed: ${stderr.trim() || "no result"}`);
    const result = JSON.parse(fs.readFileSync(outFile, "utf8")) as CliRunResult;
    fs.rmSync(requestFile, { force: true });
    fs.rmSync(outFile, { force: true });
    return result;
}

function policyEventsOf(events: Record<string, unknown>[]): PolicyEvent[] {
    const out: PolicyEvent[] = [];
    for (const e of events) {
        const p = e.policyEvent as Record<string, unknown> | undefined;
        if (!p) continue;
        out.push({
            urn: String(p.resourceUrn ?? ""),
            policy: String(p.policyName ?? ""),
            level: String(p.enforcementLevel ?? ""),
            code: findingCodeOf(String(p.message ?? "")) ?? null,
            message: String(p.message ?? ""),
            packName: String(p.policyPackName ?? ""),
        });
    }
    return out;
}

/**
 * How the program is served to the CLI: a Node program in-process (the default), or a Python
 * program (`__main__.py` in its directory) by the Python SDK in `interpreter`'s environment.
 */
export type ProgramRuntime = { runtime: "nodejs" } | { runtime: "python"; interpreter: string };

export class CliProject {
    readonly workDir: string;
    readonly main: string;

    constructor(
        readonly env: CliEnvironment,
        readonly programDir: string,
        readonly stack: string,
        extraEnv: Record<string, string> = {},
        readonly program: ProgramRuntime = { runtime: "nodejs" },
    ) {
        this.workDir = fs.mkdtempSync(path.join(env.dir, "project-"));
        for (const f of fs.readdirSync(programDir)) {
            if (/^Pulumi(\..+)?\.ya?ml$/.test(f)) fs.copyFileSync(path.join(programDir, f), path.join(this.workDir, f));
        }
        this.main = program.runtime === "python" ? path.resolve(programDir) : programMain(programDir);
        // A backend of its own: two projects of the same name and stack never meet.
        const state = path.join(this.workDir, ".state");
        fs.mkdirSync(state);
        this.extraEnv = { PULUMI_BACKEND_URL: `file://${state}`, ...extraEnv };
    }

    private readonly extraEnv: Record<string, string>;

    /** Run `pulumi <args>`; the program runs for commands that need it. */
    async run(args: string[], options: { runsProgram?: boolean; env?: Record<string, string> } = {}): Promise<CommandResult> {
        const eventLog = path.join(this.workDir, `events-${process.hrtime.bigint()}.jsonl`);
        const withLog = options.runsProgram === false ? args : [...args, "--event-log", eventLog];
        const result = await runChild(
            {
                pulumi: this.env.pulumi,
                env: { ...this.env.env, ...this.extraEnv, ...options.env },
                workDir: this.workDir,
                main: options.runsProgram === false ? undefined : this.main,
                python: this.program.runtime === "python" ? this.program.interpreter : undefined,
                args: withLog,
            },
            this.env.dir,
        );
        let events: Record<string, unknown>[] = [];
        if (fs.existsSync(eventLog)) {
            events = fs
                .readFileSync(eventLog, "utf8")
                .split("\n")
                .filter((l) => l.trim())
                .map((l) => JSON.parse(l) as Record<string, unknown>);
        }
        return { ...result, events, policyEvents: policyEventsOf(events) };
    }

    init(): Promise<CommandResult> {
        return this.run(["stack", "init", this.stack, "--non-interactive"], { runsProgram: false });
    }

    private policyArgs(packs: string[], configs: string[]): string[] {
        return [...packs.flatMap((p) => ["--policy-pack", p]), ...configs.flatMap((c) => ["--policy-pack-config", c])];
    }

    preview(packs: string[], configs: string[] = []): Promise<CommandResult> {
        return this.run(["preview", "--non-interactive", "--stack", this.stack, ...this.policyArgs(packs, configs)]);
    }

    up(packs: string[], configs: string[] = []): Promise<CommandResult> {
        return this.run(["up", "--yes", "--non-interactive", "--stack", this.stack, ...this.policyArgs(packs, configs)]);
    }

    /** The stack's resources as `pulumi stack export` gives them. */
    async exported(): Promise<{ urn: string; type: string; delete?: boolean }[]> {
        const r = await this.run(["stack", "export", "--stack", this.stack], { runsProgram: false });
        if (r.code !== 0) throw new Error(`pulumi stack export failed: ${r.stderr.trim()}`);
        const d = JSON.parse(r.stdout) as { deployment?: { resources?: { urn: string; type: string; delete?: boolean }[] } };
        return d.deployment?.resources ?? [];
    }

    destroy(): Promise<CommandResult> {
        return this.run(["destroy", "--yes", "--non-interactive", "--stack", this.stack], { runsProgram: false });
    }
}
