// The README's first example is what a new user sees: it must show a blocked deployment, and
// the output printed in the README must be what the command prints.
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT, runCli } from "../helpers/cli";

const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

describe("README", () => {
    it("starts with npm ci and npm test as the set-up commands", () => {
        const setup = readme.slice(readme.indexOf("## Set up"), readme.indexOf("## First run"));
        expect(setup).toContain("npm ci ");
        expect(setup).toContain("npm test ");
    });

    it("shows, as its first example, the output of a blocked deployment exactly as the command prints it", async () => {
        const first = /```sh\nnpx ru-residency (preview [^\n]+)\n```/.exec(readme);
        expect(first?.[1]).toBe("preview examples/frankfurt-bucket");
        const start = readme.indexOf("```\nPolicies:") + 4;
        const printed = readme.slice(start, readme.indexOf("```", start)).trimEnd();
        const res = await runCli(first![1]!.split(" "));
        expect(res.code).toBe(1);
        expect(res.stdout.trimEnd()).toBe(printed);
        expect(printed).toContain("the deployment would be BLOCKED");
    });

    it("shows a refused config exactly as the command prints it", async () => {
        const block = /```\n\$ cat bad\.json\n(.+)\n\$ npx ru-residency (preview [^\n]+)\n([\s\S]*?)```/.exec(readme);
        expect(block).not.toBeNull();
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readme-"));
        try {
            fs.writeFileSync(path.join(dir, "bad.json"), block![1]!);
            const [command, program, ...rest] = block![2]!.split(" ");
            const res = await runCli([command!, path.join(ROOT, program!), ...rest], { cwd: dir });
            expect(res.code).toBe(2);
            expect(res.stdout).toBe("");
            expect(res.stderr).toBe(block![3]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
