// Finds or builds the real CLI once for the whole suite, and the virtualenv with the Python SDKs
// that the Python programs run on. There is no skipping: without either the suite fails, loudly,
// here.
import { execFileSync } from "node:child_process";
import * as path from "node:path";

function found(script: string, what: string, fix: string): string {
    try {
        return execFileSync("bash", [path.resolve(__dirname, script)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
    } catch (e) {
        throw new Error(`the conformance suite needs ${what} and none could be found or made (${(e as Error).message}); run ${fix}`);
    }
}

export default function setup(): void {
    process.env.RU_RESIDENCY_PULUMI ||= found(path.join("cli", "pulumi-cli.sh"), "the real pulumi CLI", "npm run pulumi:cli");
    process.env.RU_RESIDENCY_PYTHON ||= found(path.join("python", "python-venv.sh"), "a Python virtualenv with the pulumi SDKs", "npm run pulumi:python");
}
