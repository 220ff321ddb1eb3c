// A recording proxy in front of a real policy pack. Loaded by @pulumi/pulumi's
// cmd/run-policy-pack, as any Node.js pack is, it starts the pack named by
// RU_RESIDENCY_SPY_TARGET the same way, forwards every Analyzer call to it unchanged, and appends
// each request, in a plain-JSON form, to the JSON-lines file RU_RESIDENCY_SPY_LOG. The engine
// (the real CLI, or our stand-in) cannot tell it from the pack behind it.
"use strict";
const fs = require("fs");
const { spawn } = require("child_process");
const grpc = require("@grpc/grpc-js");
const analyzerGrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");

const target = process.env.RU_RESIDENCY_SPY_TARGET;
const logFile = process.env.RU_RESIDENCY_SPY_LOG;
if (!target || !logFile) {
    console.error("spy pack: set RU_RESIDENCY_SPY_TARGET and RU_RESIDENCY_SPY_LOG");
    process.exit(1);
}
// run-policy-pack consumes its own argv (<engine-address> <pack>) before it loads a pack; the
// engine address is still on the process's command line.
const cmdline = fs.readFileSync("/proc/self/cmdline", "utf8").split("\0");
const engine = cmdline[2];

/** A protobuf message as plain JSON: Struct and Value fields as the JavaScript they encode. */
function plain(msg) {
    if (msg === null || msg === undefined) return msg;
    if (typeof msg.toJavaScript === "function") return msg.toJavaScript();
    if (typeof msg.toObject !== "function") return msg;
    const out = {};
    const proto = Object.getPrototypeOf(msg);
    for (const name of Object.getOwnPropertyNames(proto)) {
        if (!/^get[A-Z]/.test(name) || name === "getExtension" || name === "getJsPbMessageId") continue;
        const field = name.slice(3, 4).toLowerCase() + name.slice(4);
        if (field.endsWith("AsU8") || field.endsWith("AsB64")) continue;
        let v;
        try {
            v = msg[name]();
        } catch {
            continue;
        }
        if (v && typeof v.toArray === "function" && typeof v.forEach === "function" && typeof v.getLength === "function") {
            const m = {};
            v.forEach((value, key) => (m[key] = plain(value)));
            v = m;
        } else if (Array.isArray(v)) {
            v = v.map(plain);
        } else if (v && typeof v === "object") {
            v = plain(v);
        }
        const has = "has" + name.slice(3);
        if (typeof msg[has] === "function" && !msg[has]()) continue;
        out[field] = v;
    }
    return out;
}

function record(method, request) {
    fs.appendFileSync(logFile, JSON.stringify({ method, request: plain(request) }) + "\n");
}

function startTarget() {
    const script = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [target] });
    const child = spawn(process.execPath, [script, engine, target], { cwd: target, stdio: ["ignore", "pipe", "inherit"], env: process.env });
    process.on("exit", () => child.kill("SIGKILL"));
    for (const s of ["SIGTERM", "SIGINT"]) process.on(s, () => process.exit(0));
    return new Promise((resolve, reject) => {
        let out = "";
        child.stdout.setEncoding("utf8");
        child.stdout.on("data", (d) => {
            out += d;
            const m = /^\s*(\d+)\s*$/m.exec(out);
            if (m) resolve(Number(m[1]));
        });
        child.on("exit", (code) => reject(new Error(`the pack behind the spy exited with ${code}`)));
    });
}

async function main() {
    const port = await startTarget();
    const service = analyzerGrpc.AnalyzerService;
    const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
        "grpc.max_receive_message_length": 400 * 1024 * 1024,
        "grpc.max_send_message_length": 400 * 1024 * 1024,
    });
    const handlers = {};
    for (const [name, def] of Object.entries(service)) {
        handlers[name] = (call, callback) => {
            record(def.path.split("/").pop(), call.request);
            client.makeUnaryRequest(def.path, def.requestSerialize, def.responseDeserialize, call.request, call.metadata, {}, callback);
        };
    }
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
    server.addService(service, handlers);
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => {
        if (err) throw err;
        console.log(p);
    });
}

main().catch((e) => {
    console.error(`spy pack: ${e.message}`);
    process.exit(1);
});
