// Finds or builds the real CLI once for the whole suite. There is no skipping: without a CLI the
// suite fails, loudly, here.
import { execFileSync } from "node:child_process";
import * as path from "node:path";

export default function setup(): void {
    if (process.env.RU_RESIDENCY_PULUMI) return;
    const script = path.resolve(__dirname, "cli", "pulumi-cli.sh");
    let found: string;
    try {
        found = execFileSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
    } catch (e) {
        throw new Error(`the conformance suite needs the real pulumi CLI and none could be found or built (${(e as Error).message}); run npm run pulumi:cli`);
    }
    process.env.RU_RESIDENCY_PULUMI = found;
}
