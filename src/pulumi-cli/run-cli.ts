// Runs one command of the real `pulumi` CLI on a Pulumi program, exactly as a user types it,
// except that the program runs in this process: we serve the LanguageRuntime the CLI talks to
// (@pulumi/pulumi's own Automation API language server) and pass its address with --client, the
// way Automation API inline programs do. This needs no pulumi-language-nodejs, which the module
// proxy here cannot serve. The CLI, the engine, the providers' Check/Create and the policy packs
// all run as in `pulumi preview`. A Python program is served the same way by the Python SDK's own
// Automation API language server, in a Python process (python_program_server.py), which needs no
// pulumi-language-python either.
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import * as grpc from "@grpc/grpc-js";
import { registerTypeScript } from "../program/capture";

export interface CliRunRequest {
    pulumi: string;
    env: Record<string, string>;
    /** Where Pulumi.yaml and Pulumi.<stack>.yaml are (the CLI's working directory). */
    workDir: string;
    /** The program's main module (for a Python program, its directory); omit for commands that do not run the program. */
    main?: string;
    /**
     * Serve `main` as a Python program with this interpreter, whose environment has the pulumi
     * Python SDK (and the program's packages); without it `main` is a Node program run here.
     */
    python?: string;
    /** The CLI's arguments, e.g. ["preview", "--stack", "dev", "--policy-pack", "…"]. */
    args: string[];
    timeoutMs?: number;
}

export interface CliRunResult {
    code: number;
    stdout: string;
    stderr: string;
    /** Wall time of the `pulumi` process, from its spawn to its exit, in ms. */
    wallMs: number;
}

function loadProgram(main: string): () => Promise<Record<string, unknown> | void> {
    return async () => {
        // A fresh evaluation for every run: resources are registered as the module loads.
        const root = path.dirname(main) + path.sep;
        for (const k of Object.keys(require.cache)) if (k.startsWith(root) && !k.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[k];
        const exported = require(main) as unknown; // eslint-disable-line @typescript-eslint/no-require-imports
        // As the Node language host does: a function export is the program, its result the outputs.
        const value = typeof exported === "function" ? await (exported as () => unknown)() : exported;
        if (value && typeof value === "object") {
            const outputs: Record<string, unknown> = {};
            for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (k !== "__esModule" && typeof v !== "function") outputs[k] = v;
            return outputs;
        }
        return undefined;
    };
}

/** python_program_server.py, which tsc does not copy to dist/: found in src/ of the repository. */
export function pythonServerScript(): string {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, "src", "pulumi-cli", "python_program_server.py");
        if (fs.existsSync(candidate)) return candidate;
        if (path.dirname(dir) === dir) throw new Error(`python_program_server.py not found above ${__dirname}`);
    }
}

interface PythonServer {
    port: number;
    /** Closes its stdin, which stops it, and waits for it to exit; its stderr if it failed. */
    stop(): Promise<string>;
}

/** Starts the Python program server for `dir` and waits for the port it prints. */
async function startPythonServer(python: string, dir: string, env: Record<string, string>): Promise<PythonServer> {
    const child: ChildProcess = spawn(python, [pythonServerScript(), dir], {
        cwd: dir,
        env: { ...env, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" },
        stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const exited = new Promise<number>((resolve) => child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
    const port = await new Promise<number>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error(`the Python program server printed no port within 60 s: ${stderr.trim()}`));
        }, 60_000);
        child.on("error", (e) => {
            clearTimeout(timer);
            reject(new Error(`cannot start ${python}: ${e.message}`));
        });
        child.stdout!.setEncoding("utf8").on("data", (d: string) => {
            out += d;
            const line = /^(\d+)\n/.exec(out);
            if (line) {
                clearTimeout(timer);
                resolve(Number(line[1]));
            }
        });
        void exited.then((code) => {
            clearTimeout(timer);
            reject(new Error(`the Python program server exited (${code}) before it printed its port: ${stderr.trim()}`));
        });
    });
    return {
        port,
        stop: async () => {
            child.stdin!.end();
            const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
            const code = await exited;
            clearTimeout(timer);
            return code === 0 ? "" : `the Python program server exited with ${code}: ${stderr.trim()}`;
        },
    };
}

export async function runCli(req: CliRunRequest): Promise<CliRunResult> {
    const args = [...req.args];
    let server: grpc.Server | undefined;
    let python: PythonServer | undefined;
    let onExit: ((hasError: boolean) => void) | undefined;
    if (req.main && req.python) {
        python = await startPythonServer(req.python, path.resolve(req.main), req.env);
        args.push(`--client=127.0.0.1:${python.port}`, "--exec-kind", "auto.inline");
    } else if (req.main) {
        // CommonJS loading (require) only: the conformance programs are CommonJS.
        registerTypeScript(path.dirname(path.resolve(req.main)), false);
        /* eslint-disable @typescript-eslint/no-require-imports */
        const { LanguageServer } = require("@pulumi/pulumi/automation/server") as { LanguageServer: new (p: unknown) => { onPulumiExit(e: boolean): void } };
        const langGrpc = require("@pulumi/pulumi/proto/language_grpc_pb") as { LanguageRuntimeService: grpc.ServiceDefinition };
        /* eslint-enable @typescript-eslint/no-require-imports */
        const languageServer = new LanguageServer(loadProgram(path.resolve(req.main)));
        server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
        server.addService(langGrpc.LanguageRuntimeService, languageServer as unknown as grpc.UntypedServiceImplementation);
        const port = await new Promise<number>((resolve, reject) => server!.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
        args.push(`--client=127.0.0.1:${port}`, "--exec-kind", "auto.inline");
        onExit = (hasError) => languageServer.onPulumiExit(hasError);
    }
    try {
        const result = await new Promise<CliRunResult>((resolve, reject) => {
            const started = performance.now();
            const child = spawn(req.pulumi, args, { cwd: req.workDir, env: req.env, stdio: ["ignore", "pipe", "pipe"] });
            let stdout = "";
            let stderr = "";
            child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
            child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
            const timer = setTimeout(() => child.kill("SIGKILL"), req.timeoutMs ?? 300_000);
            child.on("error", (e) => {
                clearTimeout(timer);
                reject(e);
            });
            child.on("close", (code, signal) => {
                clearTimeout(timer);
                resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, wallMs: performance.now() - started });
            });
        }).then((r) => {
            try {
                onExit?.(r.code !== 0);
            } catch {
                /* leaked promises after a failed run are the program's, not ours */
            }
            return r;
        });
        const failed = await python?.stop();
        python = undefined;
        return failed ? { ...result, stderr: `${result.stderr}${failed}\n` } : result;
    } finally {
        server?.forceShutdown();
        await python?.stop();
    }
}

// Child-process entry: a program owns its process's Pulumi runtime, so each command runs in its own.
if (require.main === module) {
    const [requestFile, outFile] = process.argv.slice(2);
    const request = JSON.parse(fs.readFileSync(requestFile!, "utf8")) as CliRunRequest;
    runCli(request).then(
        (r) => {
            fs.writeFileSync(outFile!, JSON.stringify(r));
            process.exit(0);
        },
        (e: unknown) => {
            process.stderr.write(`run-cli: ${(e as Error)?.message ?? String(e)}\n`);
            process.exit(3);
        },
    );
}
