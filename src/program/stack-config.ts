// A Pulumi project and one of its stacks, read from Pulumi.yaml and Pulumi.<stack>.yaml.
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";

export class InputError extends Error {}

export interface StackFiles {
    dir: string;
    project: string;
    stack: string;
    main: string;
    /** Config as the engine hands it to programs and default providers: "pkg:key" → string. */
    config: Record<string, string>;
    secretKeys: string[];
}

function readYaml(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new InputError(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    try {
        return yaml.load(text);
    } catch (e) {
        throw new InputError(`${file}: not valid YAML (${(e as Error).message.split("\n")[0]})`);
    }
}

/** Stacks that have a Pulumi.<stack>.yaml next to Pulumi.yaml. */
export function listStacks(dir: string): string[] {
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

export function readStackFiles(dirArg: string, stackArg?: string): StackFiles {
    const dir = path.resolve(dirArg);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InputError(`${dirArg}: no such program directory`);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (!projectFile) throw new InputError(`${dirArg}: no Pulumi.yaml, so it is not a Pulumi project`);
    const project = readYaml(projectFile) as { name?: unknown; runtime?: unknown; main?: unknown } | null;
    if (!project || typeof project.name !== "string") throw new InputError(`${projectFile}: has no project name`);
    const runtime = typeof project.runtime === "string" ? project.runtime : (project.runtime as { name?: string } | undefined)?.name;
    if (runtime !== "nodejs") throw new InputError(`${projectFile}: runtime is ${JSON.stringify(runtime)}; only nodejs programs can be run here`);

    const stacks = listStacks(dir);
    let stack = stackArg;
    if (!stack) {
        if (stacks.length === 1) stack = stacks[0]!;
        else if (stacks.length === 0) stack = "dev";
        else throw new InputError(`${dirArg}: several stacks (${stacks.join(", ")}); choose one with --stack`);
    } else if (stacks.length > 0 && !stacks.includes(stack)) {
        throw new InputError(`${dirArg}: no stack ${JSON.stringify(stack)} (there is no Pulumi.${stack}.yaml; stacks: ${stacks.join(", ")})`);
    }
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const stackFile = [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (stackFile) {
        const doc = readYaml(stackFile) as { config?: Record<string, unknown> } | null;
        for (const [rawKey, value] of Object.entries(doc?.config ?? {})) {
            // Keys without a namespace belong to the project, as the CLI reads them.
            const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
            if (value !== null && typeof value === "object" && !Array.isArray(value) && "secure" in (value as object)) {
                // Encrypted values cannot be read without the stack's secrets provider.
                config[key] = "[secret]";
                secretKeys.push(key);
            } else {
                config[key] = typeof value === "string" ? value : JSON.stringify(value);
            }
        }
    }
    const main = typeof project.main === "string" ? path.resolve(dir, project.main) : dir;
    return { dir, project: project.name, stack, main, config, secretKeys };
}
