// Module loader hooks (node:module register) for programs that are ES modules, as Pulumi's Node
// language host runs them with ts-node/esm: .ts/.mts files are transpiled to ES modules, and a
// `./x.js` specifier that has no .js file resolves to its TypeScript source.
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transpile, typeScriptSibling } from "./typescript";

interface HookData {
    programDir: string;
}
let programDir = process.cwd();

export function initialize(data: HookData | undefined): void {
    if (data?.programDir) programDir = data.programDir;
}

type Resolved = { url: string; format?: string | null; shortCircuit?: boolean };
type NextResolve = (specifier: string, context: { parentURL?: string }) => Promise<Resolved>;

export async function resolve(specifier: string, context: { parentURL?: string }, nextResolve: NextResolve): Promise<Resolved> {
    try {
        return await nextResolve(specifier, context);
    } catch (e) {
        const parent = context.parentURL;
        if ((e as { code?: string }).code !== "ERR_MODULE_NOT_FOUND" || !parent?.startsWith("file:") || !/^\.{1,2}\//.test(specifier)) throw e;
        const sibling = typeScriptSibling(path.resolve(path.dirname(fileURLToPath(parent)), specifier));
        if (!sibling) throw e;
        return { url: pathToFileURL(sibling).href, shortCircuit: true };
    }
}

type Loaded = { format: string; source?: string | Buffer | null; shortCircuit?: boolean };
type NextLoad = (url: string, context: { format?: string | null }) => Promise<Loaded>;

export async function load(url: string, context: { format?: string | null }, nextLoad: NextLoad): Promise<Loaded> {
    if (url.startsWith("file:") && /\.m?tsx?$/.test(new URL(url).pathname)) {
        const file = fileURLToPath(url);
        // The source map stays here: the program runner, which maps stack traces in the main
        // thread, transpiles the same file the same way when it needs one.
        return { format: "module", source: transpile(file, true, programDir).code, shortCircuit: true };
    }
    return nextLoad(url, context);
}
