// A Pulumi project and one of its stacks, read from Pulumi.yaml and Pulumi.<stack>.yaml the way
// the Pulumi CLI reads them: stack config over project config, passphrase secrets decrypted when
// the passphrase is given.
import * as crypto from "node:crypto";
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
    /** What the program will not see as a real deployment would, said once on stderr. */
    warnings: string[];
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

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Stacks that have a Pulumi.<stack>.yaml in the stack config folder. */
export function listStacks(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** A config key as the CLI parses it: one without a namespace belongs to the project. */
function configKey(project: string, raw: string): string {
    return raw.includes(":") ? raw : `${project}:${raw}`;
}

/** A config value as the engine passes it on: strings as they are, anything else as JSON. */
function configString(value: unknown): string {
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    // The CLI is Go: encoding/json writes object keys sorted.
    return JSON.stringify(sortedKeys(value));
}

function sortedKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortedKeys);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
        Object.keys(value as Record<string, unknown>)
            .sort()
            .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
    );
}

/**
 * Decrypts values of a stack that uses the passphrase secrets provider, as the CLI does
 * (pkg/secrets/passphrase, sdk/go/common/resource/config/crypt.go): the key is PBKDF2-SHA256 of
 * the passphrase with the salt of the stack's `encryptionsalt` (v1:<salt>:<check>), 1,000,000
 * iterations, 32 bytes; each value is v1:<nonce>:<AES-256-GCM ciphertext and tag>, base64. The
 * check value decrypts to "pulumi" only with the right passphrase.
 */
export class PassphraseDecrypter {
    private constructor(private readonly key: Buffer) {}

    static fromState(passphrase: string, state: string, where: string): PassphraseDecrypter {
        const parts = state.split(":");
        if (parts.length < 3 || parts[0] !== "v1") throw new InputError(`${where}: encryptionsalt is not a passphrase secrets state (expected v1:<salt>:<check>)`);
        const salt = Buffer.from(parts[1]!, "base64");
        const d = new PassphraseDecrypter(crypto.pbkdf2Sync(passphrase, salt, 1_000_000, 32, "sha256"));
        let check: string | undefined;
        try {
            check = d.decrypt(parts.slice(2).join(":"));
        } catch {
            check = undefined;
        }
        if (check !== "pulumi") throw new InputError(`${where}: incorrect passphrase (from PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE)`);
        return d;
    }

    decrypt(value: string): string {
        const parts = value.split(":");
        if (parts.length !== 3 || parts[0] !== "v1") throw new Error("not a v1 ciphertext");
        const nonce = Buffer.from(parts[1]!, "base64");
        const sealed = Buffer.from(parts[2]!, "base64");
        if (nonce.length !== 12 || sealed.length < 16) throw new Error("bad ciphertext");
        const decipher = crypto.createDecipheriv("aes-256-gcm", this.key, nonce);
        decipher.setAuthTag(sealed.subarray(sealed.length - 16));
        return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString("utf8");
    }
}

/** The passphrase as the CLI reads it: PULUMI_CONFIG_PASSPHRASE (even empty), else the file's trimmed text. */
function passphrase(env: NodeJS.ProcessEnv): string | undefined {
    if (env.PULUMI_CONFIG_PASSPHRASE !== undefined) return env.PULUMI_CONFIG_PASSPHRASE;
    const file = env.PULUMI_CONFIG_PASSPHRASE_FILE;
    if (!file) return undefined;
    try {
        return fs.readFileSync(path.resolve(file), "utf8").trim();
    } catch (e) {
        throw new InputError(`PULUMI_CONFIG_PASSPHRASE_FILE: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
}

const isSecure = (v: unknown): v is { secure: unknown } => isObject(v) && Object.keys(v).length === 1 && "secure" in v;
const hasSecure = (v: unknown): boolean => isSecure(v) || (Array.isArray(v) ? v.some(hasSecure) : isObject(v) && Object.values(v).some(hasSecure));

export function readStackFiles(dirArg: string, stackArg?: string, env: NodeJS.ProcessEnv = process.env): StackFiles {
    const dir = path.resolve(dirArg);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InputError(`${dirArg}: no such program directory`);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (!projectFile) throw new InputError(`${dirArg}: no Pulumi.yaml, so it is not a Pulumi project`);
    const project = readYaml(projectFile) as { name?: unknown; runtime?: unknown; main?: unknown; config?: unknown; stackConfigDir?: unknown } | null;
    if (!project || typeof project.name !== "string") throw new InputError(`${projectFile}: has no project name`);
    const projectName = project.name;
    const runtime = typeof project.runtime === "string" ? project.runtime : (project.runtime as { name?: string } | undefined)?.name;
    if (runtime !== "nodejs") throw new InputError(`${projectFile}: runtime is ${JSON.stringify(runtime)}; only nodejs programs can be run here`);
    // `config: <folder>` is the old spelling of stackConfigDir.
    const stackDirSetting = typeof project.stackConfigDir === "string" ? project.stackConfigDir : typeof project.config === "string" ? project.config : undefined;
    const stackDir = stackDirSetting ? path.resolve(dir, stackDirSetting) : dir;

    const stacks = listStacks(stackDir);
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
    const warnings: string[] = [];
    const stackFile = [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`].map((f) => path.join(stackDir, f)).find((f) => fs.existsSync(f));
    const stackLabel = stackFile ? path.basename(stackFile) : `Pulumi.${stack}.yaml`;
    if (stackFile) {
        const doc = readYaml(stackFile) as { config?: unknown; environment?: unknown; encryptionsalt?: unknown; secretsprovider?: unknown } | null;
        if (doc?.config !== undefined && doc.config !== null && !isObject(doc.config)) throw new InputError(`${stackFile}: config is not a map of keys to values`);
        const entries = Object.entries((doc?.config as Record<string, unknown> | undefined) ?? {});

        // Secrets: decrypted as the CLI does where the stack uses a passphrase and one is given.
        let decrypter: PassphraseDecrypter | undefined;
        let undecryptable: string | undefined;
        const secureKeys = entries.filter(([, v]) => hasSecure(v)).map(([k]) => configKey(projectName, k));
        if (secureKeys.length > 0) {
            const provider = typeof doc?.secretsprovider === "string" ? doc.secretsprovider : undefined;
            const salt = typeof doc?.encryptionsalt === "string" ? doc.encryptionsalt : undefined;
            if (salt && (!provider || provider === "passphrase")) {
                const phrase = passphrase(env);
                if (phrase !== undefined) decrypter = PassphraseDecrypter.fromState(phrase, salt, stackFile);
                else undecryptable = "set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE to decrypt them";
            } else {
                undecryptable = `they are encrypted by ${provider ? `the secrets provider ${provider.split("://")[0]}://` : "Pulumi Cloud"}, which cannot be reached offline`;
            }
            if (undecryptable) warnings.push(`${stackLabel}: the secret config values ${secureKeys.join(", ")} are not decrypted (${undecryptable}); the program sees the placeholder "[secret]"`);
        }
        const reveal = (v: unknown, key: string): unknown => {
            if (isSecure(v)) {
                if (!decrypter || typeof v.secure !== "string") return "[secret]";
                try {
                    return decrypter.decrypt(v.secure);
                } catch {
                    throw new InputError(`${stackFile}: the secret value of ${key} cannot be decrypted with this passphrase`);
                }
            }
            if (Array.isArray(v)) return v.map((x) => reveal(x, key));
            if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, reveal(x, key)]));
            return v;
        };
        for (const [rawKey, value] of entries) {
            const key = configKey(projectName, rawKey);
            if (hasSecure(value)) secretKeys.push(key);
            config[key] = configString(reveal(value, key));
        }

        // Pulumi ESC environments: their values never reach this checker.
        const envs = doc?.environment;
        const names = Array.isArray(envs) ? envs : isObject(envs) && Array.isArray(envs.imports) ? envs.imports : envs ? [envs] : [];
        if (names.length > 0) {
            const list = names.map((n) => (typeof n === "string" ? n : JSON.stringify(n))).join(", ");
            warnings.push(
                `${stackLabel}: the Pulumi ESC environment${names.length === 1 ? "" : "s"} ${list} ${names.length === 1 ? "is" : "are"} not read offline, so the config ${names.length === 1 ? "it provides" : "they provide"} is not seen; set those keys in ${stackLabel} to check them`,
            );
        }
    }

    // Project config (Pulumi.yaml `config:`), applied where the stack sets nothing, as the CLI
    // applies it (sdk/go/common/workspace: RewriteShorthandConfigValues, mergeConfig): a plain
    // value is a default for a project key and a value for another namespace's key; a declared
    // project key with neither and no stack value is an error.
    if (isObject(project.config)) {
        const missing: string[] = [];
        for (const rawKey of Object.keys(project.config).sort()) {
            const decl = project.config[rawKey];
            const key = configKey(projectName, rawKey);
            const ownNamespace = key.startsWith(`${projectName}:`);
            let value: unknown;
            let has = false;
            if (typeof decl === "string" || typeof decl === "number" || typeof decl === "boolean" || Array.isArray(decl)) {
                value = decl;
                has = true;
            } else if (isObject(decl)) {
                const unknownFields = Object.keys(decl).filter((f) => !["type", "description", "items", "default", "value", "secret"].includes(f));
                if (unknownFields.length > 0)
                    throw new InputError(
                        `${projectFile}: config ${rawKey} has ${unknownFields.map((f) => JSON.stringify(f)).join(", ")}: a project config entry is a value or a declaration with type, description, default or value`,
                    );
                if (decl.value !== undefined && decl.value !== null) {
                    value = decl.value;
                    has = true;
                }
                if (decl.default !== undefined && decl.default !== null) {
                    value = decl.default;
                    has = true;
                }
            } else if (decl === null || decl === undefined) {
                continue;
            }
            if (key in config) continue;
            if (has) config[key] = configString(value);
            else if (ownNamespace) missing.push(rawKey);
        }
        if (missing.length > 0) {
            throw new InputError(
                `${dirArg}: stack '${stack}' is missing configuration value${missing.length === 1 ? "" : "s"} ${missing.join(", ")} that ${path.basename(projectFile)} declares; set ${missing.length === 1 ? "it" : "them"} in ${stackLabel}`,
            );
        }
    }
    const main = typeof project.main === "string" ? path.resolve(dir, project.main) : dir;
    return { dir, project: projectName, stack, main, config, secretKeys, warnings };
}
