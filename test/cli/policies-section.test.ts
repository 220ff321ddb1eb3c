// The Policies section against the real CLI: test/fixtures/real-cli/preview/*.json hold what
// pulumi v3.248.0 printed for each example (with the AWS test provider) and the violations it
// printed them from (its streamed engine events). Given the same violations, in any order of
// resources, formatPreview must print the very same section, and ru-residency preview, which
// analyses each program itself, must print it too.
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import type { AnalysisResult, ResourceDiagnostic } from "../../src/analyze";
import { formatPreview } from "../../src/cli/format";
import { ROOT, runCli } from "../helpers/cli";

interface Recorded {
    cli: { version: string };
    command: string;
    program: string;
    packArgument: string;
    policyPackConfig?: unknown;
    exitCode: number;
    policiesSection: string;
    violations: { resourceUrn: string; policyName: string; policyPackName: string; policyPackVersion: string; enforcementLevel: string; severity: string; message: string }[];
}

const dir = path.join(ROOT, "test", "fixtures", "real-cli", "preview");
const recorded = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ""), ...(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Recorded) }));

const STACK_TYPE = "pulumi:pulumi:Stack";

function result(r: Recorded, violations: Recorded["violations"]): AnalysisResult {
    const diagnostics: ResourceDiagnostic[] = violations.map((v) => {
        // A stack policy's violation about no resource reaches us without a URN; the engine gives it the stack's.
        const stackLevel = v.resourceUrn.includes(`::${STACK_TYPE}::`);
        return {
            policyName: v.policyName,
            policyPackName: v.policyPackName,
            policyPackVersion: v.policyPackVersion,
            description: "",
            // The engine's event carries the message with one newline added (pkg/engine/events.go).
            message: v.message.replace(/\n$/, ""),
            enforcementLevel: v.enforcementLevel as ResourceDiagnostic["enforcementLevel"],
            severity: v.severity,
            urn: stackLevel ? "" : v.resourceUrn,
            resourceType: stackLevel ? "" : "recorded",
            resourceName: stackLevel ? "" : "recorded",
        };
    });
    const stackUrn = violations.find((v) => v.resourceUrn.includes(`::${STACK_TYPE}::`))?.resourceUrn;
    return { pack: { name: "ru-data-residency", version: "0.1.0", dir: "" }, stackUrn, policies: [], config: {}, diagnostics, resourceCount: 0, mandatory: 0, advisory: 0 };
}

/** The section without our summary line: the CLI's ends with its blank line. */
const section = (printed: string) => `${printed.slice(0, printed.lastIndexOf("\n"))}\n`;

/** Resources in reverse order; one resource's violations of one policy stay in the order they were reported. */
function reversedByResource(violations: Recorded["violations"]): Recorded["violations"] {
    const key = (v: Recorded["violations"][number]) => `${v.policyName}\u0000${v.resourceUrn}`;
    return [...new Set(violations.map(key))].reverse().flatMap((k) => violations.filter((v) => key(v) === k));
}

describe(`the Policies section as pulumi ${recorded[0]?.cli.version} prints it`, () => {
    it("has recordings of the examples with one, several and no violations, advisory only, and long and relative pack paths", () => {
        expect(recorded.map((r) => r.name)).toEqual(
            expect.arrayContaining([
                "frankfurt-bucket",
                "cross-border-replication",
                "default-tags",
                "untagged",
                "yandex-dynamodb",
                "component-semantic-config",
                "label-long-pack-path",
                "label-relative-pack",
            ]),
        );
    });

    for (const r of recorded) {
        it(`${r.name}: the same violations give the same section`, () => {
            expect(section(formatPreview(result(r, r.violations), r.packArgument))).toBe(r.policiesSection);
            expect(section(formatPreview(result(r, reversedByResource(r.violations)), r.packArgument))).toBe(r.policiesSection);
        });
    }
});

describe("ru-residency preview prints, for every recorded example, the very section pulumi printed", () => {
    for (const r of recorded.filter((x) => x.program.startsWith("examples/"))) {
        it.concurrent(r.name, async () => {
            const config = /--policy-pack-config (\S+)/.exec(r.command)?.[1];
            const res = await runCli(["preview", r.program, ...(config ? ["--policy-pack-config", config] : [])]);
            expect(res.code).toBe(r.exitCode);
            expect(section(res.stdout.trimEnd())).toBe(r.policiesSection.split(`(local: ${r.packArgument})`).join("(local: policypack)"));
        });
    }
});
