// The "Policies:" section as pulumi v3.248.0 prints it (pkg/backend/display/progress.go
// printPolicies, diff.go renderDiffPolicyViolationEvent), rule by rule. The same rules checked
// against the real CLI's output are in policies-section.test.ts.
import { describe, expect, it } from "vitest";
import type { AnalysisResult, ResourceDiagnostic } from "../../src/analyze";
import { abbreviateFilePath, formatPreview } from "../../src/cli/format";

const STACK = "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev";

function diag(policyName: string, urn: string, enforcementLevel: ResourceDiagnostic["enforcementLevel"], severity: string, message: string, known = true): ResourceDiagnostic {
    return {
        policyName,
        policyPackName: "ru-data-residency",
        policyPackVersion: "0.1.0",
        description: "",
        message,
        enforcementLevel,
        severity,
        urn,
        resourceType: known ? "t" : "",
        resourceName: known ? "n" : "",
    };
}

function result(diagnostics: ResourceDiagnostic[]): AnalysisResult {
    const mandatory = diagnostics.filter((d) => d.enforcementLevel === "mandatory").length;
    const advisory = diagnostics.filter((d) => d.enforcementLevel === "advisory").length;
    return { pack: { name: "ru-data-residency", version: "0.1.0", dir: "" }, stackUrn: STACK, policies: [], config: {}, diagnostics, resourceCount: 3, mandatory, advisory };
}

const urn = (type: string, name: string) => `urn:pulumi:dev::shop::${type}::${name}`;

describe("the Policies section", () => {
    it("sorts by enforcement level, severity, policy name and URN (bytes, not locale), keeping a resource's violations of one policy in report order", () => {
        const out = formatPreview(
            result([
                diag("b-policy", urn("aws:s3/bucket:Bucket", "b"), "advisory", "low", "advisory low"),
                diag("z-policy", urn("aws:s3/bucket:Bucket", "b"), "mandatory", "", "no severity"),
                diag("a-policy", urn("aws:s3/bucket:Bucket", "b"), "mandatory", "high", "high"),
                diag("Z-policy", urn("aws:s3/bucket:Bucket", "b"), "mandatory", "critical", "capital Z first"),
                diag("a-policy", urn("aws:s3/bucket:Bucket", "B"), "mandatory", "critical", "B before a"),
                diag("a-policy", urn("aws:s3/bucket:Bucket", "a"), "mandatory", "critical", "first of two"),
                diag("a-policy", urn("aws:s3/bucket:Bucket", "a"), "mandatory", "critical", "second of two"),
                diag("a-policy", urn("aws:s3/bucket:Bucket", "a"), "remediate", "medium", "remediate shows as mandatory"),
            ]),
            "policypack",
        );
        expect(out).toBe(
            [
                "Policies:",
                "    ❌ ru-data-residency@v0.1.0 (local: policypack)",
                "        - [mandatory] [severity: critical]  Z-policy  (aws:s3/bucket:Bucket: b)",
                "          capital Z first",
                "        - [mandatory] [severity: critical]  a-policy  (aws:s3/bucket:Bucket: B)",
                "          B before a",
                "        - [mandatory] [severity: critical]  a-policy  (aws:s3/bucket:Bucket: a)",
                "          first of two",
                "        - [mandatory] [severity: critical]  a-policy  (aws:s3/bucket:Bucket: a)",
                "          second of two",
                "        - [mandatory] [severity: high]  a-policy  (aws:s3/bucket:Bucket: b)",
                "          high",
                "        - [mandatory] [severity: medium]  a-policy  (aws:s3/bucket:Bucket: a)",
                "          remediate shows as mandatory",
                "        - [mandatory]  z-policy  (aws:s3/bucket:Bucket: b)",
                "          no severity",
                "        - [advisory] [severity: low]  b-policy  (aws:s3/bucket:Bucket: b)",
                "          advisory low",
                "",
                "Analysed 3 resources: 6 mandatory, 1 advisory policy violations; the deployment would be BLOCKED.",
            ].join("\n"),
        );
    });

    it("indents every line of a message, empty ones and a trailing newline's too", () => {
        const out = formatPreview(result([diag("p", urn("aws:s3/bucket:Bucket", "b"), "advisory", "medium", "one\n\nthree\n")]), "policypack").split("\n");
        expect(out.slice(2, 7)).toEqual(["        - [advisory] [severity: medium]  p  (aws:s3/bucket:Bucket: b)", "          one", "          ", "          three", "          "]);
    });

    it("marks a pack with only advisory violations ⚠️ and one with none ✅, with one space after the mark", () => {
        expect(formatPreview(result([diag("p", urn("t:m:T", "x"), "advisory", "", "m")]), "policypack").split("\n")[1]).toBe("    ⚠️ ru-data-residency@v0.1.0 (local: policypack)");
        expect(formatPreview(result([]), "policypack")).toBe(
            "Policies:\n    ✅ ru-data-residency@v0.1.0 (local: policypack)\n\nAnalysed 3 resources: 0 mandatory, 0 advisory policy violations; the deployment would proceed.",
        );
    });

    it("names a resource by its URN's last type and its name, and gives the stack a violation that names no resource of it", () => {
        const out = formatPreview(
            result([
                diag("p", "urn:pulumi:dev::shop::acme:storage:Archive$aws:s3/bucket:Bucket::archive-objects", "mandatory", "critical", "nested"),
                diag("p", "urn:pulumi:dev::shop::my:index:C::odd::name", "mandatory", "critical", "a name with ::"),
                diag("p", "", "mandatory", "critical", "stack-level", false),
            ]),
            "policypack",
        ).split("\n");
        expect(out.filter((l) => l.startsWith("        - "))).toEqual([
            "        - [mandatory] [severity: critical]  p  (aws:s3/bucket:Bucket: archive-objects)",
            "        - [mandatory] [severity: critical]  p  (my:index:C: odd::name)",
            "        - [mandatory] [severity: critical]  p  (pulumi:pulumi:Stack: shop-dev)",
        ]);
    });

    it("shortens the pack's path as the engine does (abbreviateFilePath)", () => {
        expect(abbreviateFilePath("policypack/")).toBe("policypack");
        expect(abbreviateFilePath("./policypack")).toBe("policypack");
        expect(abbreviateFilePath("/tmp/parity/a-rather-long-directory-name-for-testing/another-long-directory-name-here/and-one-more-level/policypack")).toBe(
            "/tmp/.../and-one-more-level/policypack",
        );
        expect(abbreviateFilePath("../../../work/wt-parity/policypack")).toBe("../../../work/wt-parity/policypack");
    });
});
