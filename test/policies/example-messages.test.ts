// Every policy example's complete violation text (Found / Location / Rule / Fix), word for word, in
// committed file snapshots under test/snapshots/policies/. A change of wording shows up as a diff of
// those files in review; examples.test.ts checks verdicts and fragments, this checks every word.
// Update on purpose with `npx vitest run test/policies/example-messages.test.ts -u`, then read the diff.
import { describe, expect, it } from "vitest";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { crossBorderPolicy } from "../../policypack/policies/ru-personal-data-cross-border-transfer";
import { crossBorderExamples } from "../../policypack/policies/ru-personal-data-cross-border-transfer.examples";
import { localizationPolicy } from "../../policypack/policies/ru-personal-data-localization";
import { localizationExamples } from "../../policypack/policies/ru-personal-data-localization.examples";
import { classificationPolicy } from "../../policypack/policies/user-data-classification";
import { classificationExamples } from "../../policypack/policies/user-data-classification.examples";
import type { PolicyExample, PolicyExamples, StackExample } from "../../policypack/policies/example-types";
import { runResourcePolicy, runStackPolicy, Violation } from "../helpers/harness";
import { harnessSpecs } from "../helpers/stack-examples";

/** One example's findings as a reader sees them: each violation's policy, level, resource and full message. */
function render(title: string, kind: "allowed" | "disallowed", violations: readonly Violation[]): string {
    const head = `## ${kind}: ${title}\n`;
    if (violations.length === 0) return `${head}\n(no violations)\n`;
    // The stack policy reports in the order it walks the graph; sort so the file reads the same each run.
    const blocks = violations.map((v) => `### ${v.level} ${v.policy}${v.urn ? ` ${v.urn}` : ""}\n${v.message}\n`).sort();
    return `${head}\n${blocks.join("\n")}`;
}

function snapshotPath(policy: string): string {
    return `../snapshots/policies/${policy}.md`;
}

const resourceCases: [ResourceValidationPolicy, PolicyExamples][] = [
    [localizationPolicy, localizationExamples],
    [classificationPolicy, classificationExamples],
];

describe("every policy example's messages, word for word", () => {
    for (const [policy, examples] of resourceCases) {
        it(policy.name, async () => {
            const parts: string[] = [`# ${policy.name}: every example's findings\n`];
            const run = (ex: PolicyExample) => runResourcePolicy(policy, ex.resource, { config: ex.config, stackTags: ex.stackTags });
            for (const ex of examples.allowed) parts.push(render(ex.title, "allowed", await run(ex)));
            for (const ex of examples.disallowed) parts.push(render(ex.title, "disallowed", await run(ex)));
            await expect(parts.join("\n")).toMatchFileSnapshot(snapshotPath(policy.name));
        });
    }

    it(crossBorderPolicy.name, async () => {
        const parts: string[] = [`# ${crossBorderPolicy.name}: every example's findings\n`];
        const run = (ex: StackExample) => runStackPolicy(crossBorderPolicy, harnessSpecs(ex), { config: ex.config, stackTags: ex.stackTags });
        for (const ex of crossBorderExamples.allowed) parts.push(render(ex.title, "allowed", await run(ex)));
        for (const ex of crossBorderExamples.disallowed) parts.push(render(ex.title, "disallowed", await run(ex)));
        await expect(parts.join("\n")).toMatchFileSnapshot(snapshotPath(crossBorderPolicy.name));
    });
});
