// What a reader of each flow kind's findings sees, word for word: the flow, its source and how it
// was found, the destination and how it was located, the level. One case per flow kind
// (flow-kind-cases.ts, destination abroad and not locatable) and each branch of a kind that the
// table does not reach (flow-edge-cases.ts), in committed file snapshots under
// test/snapshots/flows/. The law's lines (Rule, Reading, Transfers, Cross-border transfer) are the
// same in every finding and are snapshotted with the policy examples, so they are left out here.
// Update on purpose with `npx vitest run test/flows/flow-messages.test.ts -u`, then read the diff.
import { describe, expect, it } from "vitest";
import type { StackFinding } from "../../policypack/src/decide/cross-border";
import { edgeCases } from "./flow-edge-cases";
import { cases } from "./flow-kind-cases";
import { decide, outcome } from "./helpers";

const LAW_LINES = /^(Rule|Reading|Transfers|Cross-border transfer): /;

function slug(name: string): string {
    return name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
}

function render(title: string, findings: readonly StackFinding[]): string {
    const head = `## ${title}\n`;
    if (findings.length === 0) return `${head}\n(no findings)\n`;
    const blocks = findings.map((f) => {
        const level = f.advisory ? "advisory" : f.downgrade ? "mandatory, advisory under onUnknown: warn" : "mandatory";
        const lines = f.message.split("\n").filter((l) => !LAW_LINES.test(l));
        return `### ${f.code} ${level} ${f.urn}\n${lines.join("\n")}\n`;
    });
    return `${head}\n${blocks.sort().join("\n")}`;
}

describe("each flow kind's findings, word for word", () => {
    it.each(cases)("$kind", async (c) => {
        const parts = [`# ${c.kind}\n`, render("destination abroad", decide(c.specs("abroad"))), render("destination not locatable", decide(c.specs("unknown")))];
        await expect(parts.join("\n")).toMatchFileSnapshot(`../snapshots/flows/kinds/${slug(c.kind)}.md`);
    });
});

describe("each flow kind's other branches: verdicts, levels and words", () => {
    it.each(edgeCases)("$name", async (c) => {
        const found = decide(c.specs, c.config);
        await expect(`# ${c.name}\n\n${render("findings", found)}`).toMatchFileSnapshot(`../snapshots/flows/edges/${slug(c.name)}.md`);
        expect(outcome(found)).toEqual(c.expected);
    });
});
