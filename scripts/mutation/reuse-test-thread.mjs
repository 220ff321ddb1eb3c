// Loaded into StrykerJS's test-runner processes only (testRunnerNodeArgs in stryker.config.mjs).
//
// Why: Stryker's vitest runner calls `vitest.start()` once per mutant, and vitest 4 ends every
// run by terminating its worker thread. Each mutant therefore paid for a new thread that loads
// @pulumi/policy and @pulumi/pulumi again (which load typescript and @npmcli/arborist): about
// 0.9 s of a mutant's 1.2 s, on 5,000 mutants. Vitest's own worker code keeps its module runner
// and evaluated modules at module level so that a thread can serve several runs; only the
// thread's termination throws them away.
//
// What: a finished run's thread is parked instead of terminated, and the next run's worker takes
// it: the thread re-imports vitest's worker entry (a fresh copy of its message handler, the same
// module runner), so packages and unchanged source stay loaded while each run's test files are
// evaluated afresh, as vitest does for every run. The pack's memos are forgotten before each test
// file (test/helpers/fresh-modules.ts), and mutants are switched at run time by Stryker's
// schemata, so a loaded module serves every mutant.
//
// Limits: it patches vitest 4.1's ThreadsPoolWorker; on any other vitest it does nothing and says
// so, and runs are as slow as before. A thread is retired after MAX_RUNS_PER_THREAD runs, so that
// what test files leave behind cannot pile up over a whole run.
import { createRequire } from "node:module";
import { MessageChannel, Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { ThreadsPoolWorker } from "vitest/node";

const SUPPORTED_VITEST = /^4\.1\./;
const MAX_RUNS_PER_THREAD = 250;
// A parked thread nobody takes within this time is ended: it would keep the process alive after
// vitest closes (a worker's stdio port stays referenced), and a mutant run follows the last in ms.
const PARKED_IDLE_MS = 2_000;
const ENTRY = fileURLToPath(new URL("./reusable-thread-entry.mjs", import.meta.url));
const vitestVersion = createRequire(import.meta.url)("vitest/package.json").version;

/** Threads whose run has ended, ready for the next run: { thread, control, runs }. */
const parked = [];

function reinit(slot) {
    return new Promise((resolve, reject) => {
        const onMessage = (message) => {
            if (message?.type !== "ready") return;
            slot.control.off("message", onMessage);
            if (message.error) reject(new Error(`reusing a test thread failed: ${message.error}`));
            else resolve();
        };
        slot.control.on("message", onMessage);
        slot.control.postMessage({ type: "reinit" });
    });
}

if (!SUPPORTED_VITEST.test(vitestVersion) || typeof ThreadsPoolWorker?.prototype?.start !== "function") {
    console.warn(`[mutation] vitest ${vitestVersion} is not 4.1: each mutant starts a new test thread (slower, same results).`);
} else {
    const proto = ThreadsPoolWorker.prototype;
    proto.start = async function start() {
        if (!this._thread) {
            const slot = parked.pop();
            if (slot) {
                clearTimeout(slot.idle);
                slot.thread.off("exit", slot.forget);
                await reinit(slot);
                this._slot = slot;
            } else {
                const { port1, port2 } = new MessageChannel();
                const thread = new Worker(ENTRY, {
                    env: this.env,
                    execArgv: this.execArgv,
                    stdout: true,
                    stderr: true,
                    workerData: { entry: this.entrypoint, control: port2 },
                    transferList: [port2],
                });
                this._slot = { thread, control: port1, runs: 0 };
            }
            this._slot.runs++;
            this._thread = this._slot.thread;
        }
        this.stdout.setMaxListeners(1 + this.stdout.getMaxListeners());
        this._thread.stdout.pipe(this.stdout);
        this.stderr.setMaxListeners(1 + this.stderr.getMaxListeners());
        this._thread.stderr.pipe(this.stderr);
    };
    proto.stop = async function stop() {
        const slot = this._slot;
        const thread = this.thread;
        thread.stdout.unpipe(this.stdout);
        this.stdout.setMaxListeners(this.stdout.getMaxListeners() - 1);
        thread.stderr.unpipe(this.stderr);
        this.stderr.setMaxListeners(this.stderr.getMaxListeners() - 1);
        // The pool runner's listeners on the thread; a terminated thread would have dropped them.
        for (const event of ["message", "error", "exit", "messageerror"]) thread.removeAllListeners(event);
        this._thread = undefined;
        this._slot = undefined;
        if (slot && slot.runs < MAX_RUNS_PER_THREAD) {
            slot.control.unref();
            // A parked thread that ends of itself must not be handed out: reinit would wait forever.
            slot.forget = () => {
                clearTimeout(slot.idle);
                const at = parked.indexOf(slot);
                if (at !== -1) parked.splice(at, 1);
            };
            thread.once("exit", slot.forget);
            slot.idle = setTimeout(() => {
                slot.forget();
                void thread.terminate();
            }, PARKED_IDLE_MS);
            parked.push(slot);
        } else {
            await thread.terminate();
        }
    };
}
