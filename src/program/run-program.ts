// Run a Pulumi program in a child process under mocks and collect what it would register.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CapturedStack, CaptureRequest } from "./capture";
import { InputError, readStackFiles } from "./stack-config";

export interface RunProgramOptions {
    stack?: string;
    preview: boolean;
    organization?: string;
    timeoutMs?: number;
    /** The environment for reading the stack (passphrase) and running the program; defaults to this process's. */
    env?: NodeJS.ProcessEnv;
}

/** The compiled capture entry point (tests import this module from source, next to no .js). */
function captureScript(): string {
    if (__filename.endsWith(".js")) return path.join(__dirname, "capture.js");
    return path.resolve(__dirname, "..", "..", "dist", "src", "program", "capture.js");
}

export interface RanProgram extends CapturedStack {
    /** What the program could not see as a real deployment would (ESC environments, secrets). */
    warnings: string[];
}

export async function runProgram(dir: string, options: RunProgramOptions): Promise<RanProgram> {
    const env = options.env ?? process.env;
    const files = readStackFiles(dir, options.stack, env);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "ru-residency-"));
    const requestFile = path.join(work, "request.json");
    const outFile = path.join(work, "stack.json");
    const request: CaptureRequest = { files, preview: options.preview, organization: options.organization ?? "organization" };
    // The request may hold decrypted config: only this user may read it, and the child removes it.
    fs.writeFileSync(requestFile, JSON.stringify(request), { mode: 0o600 });
    const timeoutMs = options.timeoutMs ?? 120_000;
    try {
        const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
            const child = spawn(process.execPath, [captureScript(), requestFile, outFile], {
                cwd: files.dir,
                stdio: ["ignore", "ignore", "pipe"],
                env: { ...env, PULUMI_NODEJS_STACK: files.stack, PULUMI_NODEJS_PROJECT: files.project },
            });
            let err = "";
            child.stderr.setEncoding("utf8");
            child.stderr.on("data", (d: string) => {
                if (err.length < 100_000) err += d;
            });
            const timer = setTimeout(() => {
                child.kill("SIGKILL");
                reject(new InputError(`${dir}: the program did not finish within ${timeoutMs / 1000} s`));
            }, timeoutMs);
            child.on("error", (e) => {
                clearTimeout(timer);
                reject(e);
            });
            child.on("exit", (c) => {
                clearTimeout(timer);
                resolve({ code: c, stderr: err });
            });
        });
        if (code !== 0 || !fs.existsSync(outFile)) {
            // The child reports what the program threw as one line; anything else (a crash of
            // Node itself) is summed up by its first line that is not a stack frame.
            const lines = stderr.split("\n");
            const reported = lines
                .filter((l) => l.startsWith("program error: "))
                .pop()
                ?.slice("program error: ".length);
            const other = lines.find((l) => l.trim() !== "" && !/^\s+at /.test(l) && !/^node:internal/.test(l))?.trim();
            throw new InputError(`${dir}: the program failed: ${reported || other || `exit code ${code}`}`);
        }
        return { ...(JSON.parse(fs.readFileSync(outFile, "utf8")) as CapturedStack), warnings: files.warnings };
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}
