// --engine: mocks by default; pulumi only with a real CLI of the SDK's version, and a clear refusal
// without one. (The real-CLI runs themselves are in test/conformance/engine-option.test.ts.)
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";

const EXAMPLE = path.resolve(__dirname, "..", "..", "examples", "frankfurt-bucket");

describe("preview --engine", () => {
    it("refuses an engine it does not have", async () => {
        const r = await runCli(["preview", EXAMPLE, "--engine", "terraform"]);
        expect(r.code).toBe(2);
        expect(r.stderr.split("\n")[0]).toBe('ru-residency: --engine "terraform": expected mocks or pulumi');
    });

    it("says what it needs when no real CLI is there, and passes nothing", async () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-cli-"));
        const r = await runCli(["preview", EXAMPLE, "--engine", "pulumi"], { env: { PATH: path.dirname(process.execPath), RU_RESIDENCY_CACHE: empty, RU_RESIDENCY_PULUMI: "" } });
        expect(r.code).toBe(2);
        expect(r.stderr.trim()).toMatch(
            /^ru-residency: --engine pulumi needs the Pulumi CLI v3\.248\.0 \(on PATH, in \$RU_RESIDENCY_PULUMI, or built by npm run pulumi:cli in this package\); none was found$/,
        );
        fs.rmSync(empty, { recursive: true, force: true });
    });

    it("is mocks by default, and --engine mocks is the same", async () => {
        const a = await runCli(["preview", EXAMPLE]);
        const b = await runCli(["preview", EXAMPLE, "--engine", "mocks"]);
        expect(a.code).toBe(1);
        expect(b.code).toBe(1);
        expect(b.stdout).toBe(a.stdout);
    });
});
