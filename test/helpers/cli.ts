// Run the built ru-residency command as a user would, and capture what it prints.
import { spawn } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(ROOT, "dist", "src", "cli", "main.js");

export interface CliResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
        child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error(`ru-residency ${args.join(" ")} did not finish in time\n${stderr}`));
        }, options.timeoutMs ?? 120_000);
        child.on("exit", (code) => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr });
        });
    });
}
