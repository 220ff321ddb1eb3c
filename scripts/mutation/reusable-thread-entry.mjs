// The entry of a test thread that serves several vitest runs (see reuse-test-thread.mjs).
// Vitest's worker entry registers its message handler when it is evaluated, and removes it when a
// run is torn down; importing it again under a new query string registers a fresh handler, while
// everything it imports (the module runner, the evaluated modules) is the same, already loaded.
import { pathToFileURL } from "node:url";
import { workerData } from "node:worker_threads";

const { entry, control } = workerData;
const entryUrl = pathToFileURL(entry).href;
let runs = 0;

async function startRun() {
    runs++;
    await import(runs === 1 ? entryUrl : `${entryUrl}?run=${runs}`);
}

control.on("message", (message) => {
    if (message?.type !== "reinit") return;
    control.ref();
    startRun().then(
        () => control.postMessage({ type: "ready" }),
        (error) => control.postMessage({ type: "ready", error: String(error?.stack ?? error) }),
    );
});
await startRun();
