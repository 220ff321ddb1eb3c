// Compiling a program's TypeScript as Pulumi's Node language host does (ts-node, transpile
// only): the program's own tsconfig.json options where it has one, CommonJS output for a
// CommonJS package and ES modules for a package of "type": "module", with source maps so the
// SDK's source positions name lines of the .ts files. Shared by the CommonJS require hook and
// the ES module loader hooks (esm-hooks.ts).
import * as fs from "node:fs";
import * as path from "node:path";

type TS = typeof import("typescript");
let tsModule: TS | undefined;
function ts(): TS {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    tsModule ??= require("typescript") as TS;
    return tsModule;
}

let ownOptions: { dir: string; options: import("typescript").CompilerOptions } | undefined;

/**
 * The compiler options of the program's tsconfig.json, as the language host reads it: the file
 * in the program's folder only (PULUMI_NODEJS_TSCONFIG_PATH if set), none when there is none.
 */
function projectOptions(programDir: string): import("typescript").CompilerOptions {
    if (ownOptions?.dir === programDir) return ownOptions.options;
    const t = ts();
    const config = path.resolve(programDir, process.env.PULUMI_NODEJS_TSCONFIG_PATH ?? "tsconfig.json");
    let options: import("typescript").CompilerOptions = {};
    if (fs.existsSync(config)) {
        const read = t.readConfigFile(config, (f) => fs.readFileSync(f, "utf8"));
        if (!read.error) options = t.parseJsonConfigFileContent(read.config, t.sys, path.dirname(config)).options;
    }
    ownOptions = { dir: programDir, options };
    return options;
}

export interface Transpiled {
    code: string;
    map?: string;
}

/** Transpile one TypeScript file to CommonJS or to an ES module. */
export function transpile(file: string, esm: boolean, programDir: string): Transpiled {
    const t = ts();
    const own = projectOptions(programDir);
    const out = t.transpileModule(fs.readFileSync(file, "utf8"), {
        fileName: file,
        compilerOptions: {
            target: esm ? t.ScriptTarget.ES2022 : t.ScriptTarget.ES2020,
            esModuleInterop: true,
            ...own,
            module: esm ? t.ModuleKind.ESNext : t.ModuleKind.CommonJS,
            sourceMap: true,
            inlineSourceMap: false,
            inlineSources: false,
            declaration: false,
            emitDeclarationOnly: false,
            noEmit: false,
        },
    });
    return { code: out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, ""), map: out.sourceMapText };
}

/** The nearest package.json's "type" at or above a folder. */
export function packageType(dir: string): string | undefined {
    for (let d = dir; ; d = path.dirname(d)) {
        const f = path.join(d, "package.json");
        if (fs.existsSync(f)) {
            try {
                const t = (JSON.parse(fs.readFileSync(f, "utf8")) as { type?: unknown }).type;
                return typeof t === "string" ? t : undefined;
            } catch {
                return undefined;
            }
        }
        if (path.dirname(d) === d) return undefined;
    }
}

/**
 * TypeScript's module resolution for ES-module style specifiers: `./acl.js` in a .ts file names
 * `./acl.ts` (and .mjs → .mts, .cjs → .cts), as `moduleResolution: nodenext` and ts-node read it.
 */
export function typeScriptSibling(file: string): string | undefined {
    const m = /\.(m|c)?js$/.exec(file);
    if (!m) return undefined;
    const base = file.slice(0, -m[0].length);
    const candidates = m[1] === "m" ? [".mts"] : m[1] === "c" ? [".cts"] : [".ts", ".tsx"];
    return candidates.map((e) => base + e).find((f) => fs.existsSync(f));
}
