// Loaded into the policy pack's process with NODE_OPTIONS=--require (test/engine/sandbox.test.ts).
// It makes every network connection to a host other than loopback fail, and reports on stderr
// (lines starting with "SANDBOX ") each connection attempt, DNS lookup, file read and
// environment variable read made while the pack's own code (policypack/bin) is on the stack.
// The test reads those lines; the pack must cause none, apart from loading its own files.
"use strict";
const fs = require("node:fs");
const net = require("node:net");
const dns = require("node:dns");
const path = require("node:path");

const PACK_BIN = `${path.sep}policypack${path.sep}bin${path.sep}`;
let reporting = false;
function report(kind, detail) {
    if (reporting) return;
    reporting = true;
    try {
        process.stderr.write(`SANDBOX ${kind} ${JSON.stringify(String(detail)).slice(0, 300)}\n`);
    } finally {
        reporting = false;
    }
}
function fromPack() {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 200;
    const stack = new Error().stack || "";
    Error.stackTraceLimit = limit;
    return stack.includes(PACK_BIN);
}
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

// ---- network ----
function guardHost(host, what) {
    const h = String(host ?? "localhost").replace(/^\[|\]$/g, "");
    if (fromPack()) report("net", `${what} ${h}`);
    if (!LOOPBACK.test(h)) {
        report("net-blocked", `${what} ${h}`);
        throw new Error(`sandbox: no network (${what} ${h})`);
    }
}
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
    // net.connect() passes its normalized arguments as one array.
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (first && typeof first === "object") {
        // A Unix socket has a path and no port; an HTTP request's options carry a path too.
        if (!(first.port === undefined && first.path !== undefined)) guardHost(first.host, "connect");
    } else if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
        guardHost(typeof args[1] === "string" ? args[1] : "localhost", "connect");
    }
    return origConnect.apply(this, args);
};
for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]) {
    const orig = dns[name];
    dns[name] = function (host, ...rest) {
        guardHost(host, `dns.${name}`);
        return orig.call(this, host, ...rest);
    };
    const origP = dns.promises[name];
    if (origP) {
        dns.promises[name] = function (host, ...rest) {
            guardHost(host, `dns.promises.${name}`);
            return origP.call(this, host, ...rest);
        };
    }
}

// ---- files ----
for (const name of ["readFileSync", "readFile", "openSync", "open", "readdirSync", "readdir", "statSync", "stat", "existsSync", "accessSync", "access", "createReadStream"]) {
    const orig = fs[name];
    if (typeof orig !== "function") continue;
    fs[name] = function (p, ...rest) {
        if (fromPack()) report("file", typeof p === "number" ? `fd:${p}` : p);
        return orig.call(this, p, ...rest);
    };
}
for (const name of ["readFile", "open", "readdir", "stat", "access"]) {
    const orig = fs.promises[name];
    fs.promises[name] = function (p, ...rest) {
        if (fromPack()) report("file", p);
        return orig.call(this, p, ...rest);
    };
}

// ---- environment ----
const realEnv = process.env;
process.env = new Proxy(realEnv, {
    get(target, key, receiver) {
        if (typeof key === "string" && fromPack()) report("env", key);
        return Reflect.get(target, key, receiver);
    },
    has(target, key) {
        if (typeof key === "string" && fromPack()) report("env", key);
        return Reflect.has(target, key);
    },
    ownKeys(target) {
        if (fromPack()) report("env", "(all keys)");
        return Reflect.ownKeys(target);
    },
});
