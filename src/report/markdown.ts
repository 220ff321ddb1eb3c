// The data map as Markdown for a pull-request comment. GitHub refuses a comment longer than
// 65,536 characters, so the comment is built to a budget: the verdict, the blocked resources and
// the top findings first, everything else folded in <details> blocks, and whatever does not fit
// is counted and left to the full report, which the comment names. With an unlimited budget the
// same renderer writes the full report.
import { countryName, findingCodeEntry, quote } from "ru-data-residency/pack";
import type { ReportFormat } from "./format";
import { TRANSFER_TAGS, type DataMap, type FlowEnd, type FlowEntry, type StoreEntry } from "./data-map";

/** GitHub's limit on a comment's body, in characters. */
export const COMMENT_LIMIT = 65_536;
/**
 * The comment's budget, in UTF-8 bytes. A string has at least as many UTF-8 bytes as it has
 * UTF-16 code units or code points, so the comment is under the limit however characters are
 * counted, with room left for the marker a comment action adds.
 */
export const COMMENT_BUDGET = 60_000;

export interface MarkdownOptions {
    /** UTF-8 bytes the report may take: COMMENT_BUDGET by default, Infinity for the full report. */
    budget?: number;
    /** Where the full report is, as Markdown (a file name in code, or a link): named at the top and wherever something is left out. */
    fullReport?: string;
}

export function byteLength(text: string): number {
    return Buffer.byteLength(text, "utf8");
}

/** At most `max` code points, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
    if (text.length <= max) return text;
    const points = Array.from(text);
    return points.length <= max ? text : `${points.slice(0, max - 1).join("")}…`;
}

// Characters a reader cannot see, or that reorder what they see: control characters, bidi
// controls and zero-width characters. A report shows them as \uXXXX, so a name is read as it is.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** One line, with the characters a reader cannot see written out. */
export function visible(text: string): string {
    return text.replace(/\r?\n|\r/g, " ").replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Plain text for a table cell or a paragraph: one line, no HTML, no table break. */
function esc(text: string): string {
    return visible(text)
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/\|/g, "\\|")
        .replace(/([\\`*_[\]])/g, "\\$1");
}

/** An inline code span that holds any text: a fence longer than the text's own backtick runs, one line, `|` escaped for tables. */
function code(text: string, max = 120): string {
    if (text === "") return "(no name)";
    const t = clip(visible(text), max);
    const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
    const fence = "`".repeat(longest + 1);
    const pad = t.startsWith("`") || t.endsWith("`") || t.startsWith(" ") ? " " : "";
    return `${fence}${pad}${t.replace(/\|/g, "\\|")}${pad}${fence}`;
}

/** A fenced block that holds any text: a fence longer than any backtick run in it. */
function block(text: string): string[] {
    const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
    const fence = "`".repeat(longest + 1);
    return [`${fence}text`, text, fence];
}

/** A message as a block: long lines and long messages are cut, and say so. */
function messageBlock(message: string, full: boolean): string[] {
    if (full) return block(message);
    const lines = message.split("\n").map((l) => clip(l, 700));
    let text = lines.join("\n");
    if (text.length > 3_000) text = `${clip(text, 3_000)}\n[cut here: the full report has the whole message]`;
    return block(text);
}

function where(l: { inRussia: string; country?: string }): string {
    if (l.inRussia === "yes") return "Russia (RU)";
    if (l.country) return countryName(l.country);
    return l.inRussia === "no" ? "outside Russia" : "unknown";
}

/** The finding itself: the line after the policy's description. */
function findingLine(message: string): string {
    const lines = message.split("\n");
    return lines.length > 1 ? lines[1]! : lines[0]!;
}

/** A finding code, as it is written in the message; the code is checked against the registry before it is trusted as text. */
function codeLink(findingCode: string): string {
    return findingCodeEntry(findingCode) ? `\`${findingCode}\`` : code(findingCode, 40);
}

/** A resource as a reader finds it: type and name, and in an organisation's report its stack first. */
function resource(type: string, name: string, stack?: string): string {
    const where = stack ? `${code(stack, 80)} › ` : "";
    return type ? `${where}${esc(clip(type, 100))} ${code(name)}` : `${where}the stack`;
}

function end(e: FlowEnd): string {
    return `${clip(e.label, 160)} (${where({ inRussia: e.inRussia ?? "unknown", country: e.country })})`;
}

/** The evidence a declared transfer carries, as the auditor reads it. */
export function transferText(f: FlowEntry): string {
    if (!f.transfer) return "none tagged";
    return `notification ${f.transfer.notification ?? "(no identifier)"}, filed ${f.transfer.filed ?? "(no date)"}`;
}

function storeItem(s: StoreEntry, flows: ReadonlyMap<string, FlowEntry>): string {
    const out = [`#### ${resource(s.type, s.name, s.stack)}`, ""];
    out.push(
        `- **Holds:** ${esc(clip(s.categories.length ? s.categories.join(", ") : "personal data", 200))}; subjects ${esc(clip(s.subjects.join(", ") || "-", 200))} — Russian personal data: **${s.russianPersonalData}**`,
    );
    out.push(
        `- **Classification:** ${esc(clip(s.classification.categoriesFrom, 400))}; subjects ${esc(clip(s.classification.subjectsFrom, 400))} (source: ${s.classification.categoriesSource}${s.classification.subjectsSource !== s.classification.categoriesSource ? ` / ${s.classification.subjectsSource}` : ""})`,
    );
    out.push(`- **Location:** ${where(s.location)}${s.location.region ? `, ${esc(clip(s.location.region, 100))}` : ""} — ${esc(clip(s.location.how, 600))}`);
    for (const id of s.flowsOut) {
        const f = flows.get(id);
        if (f) out.push(`- **Flow out:** ${esc(clip(f.kind, 100))} via ${code(f.flowResource.name)} → ${esc(end(f.to))}`);
    }
    for (const id of s.flowsIn) {
        const f = flows.get(id);
        if (f) out.push(`- **Flow in:** ${esc(clip(f.kind, 100))} via ${code(f.flowResource.name)} from ${esc(end(f.from))}`);
    }
    if (s.exemption) out.push(`- **Exemption:** ${esc(clip(s.exemption.reason, 400))} (until ${s.exemption.expires}${s.exemption.expired ? ", EXPIRED" : ""}; ${s.exemption.policy})`);
    out.push(`- **Verdicts:** ${verdictText(s)}`);
    out.push("");
    return out.join("\n");
}

/** A store as one table row, for the comment: the details are in the full report. */
function storeRow(s: StoreEntry): string {
    const source =
        s.classification.categoriesSource === s.classification.subjectsSource ? s.classification.categoriesSource : `${s.classification.categoriesSource} / ${s.classification.subjectsSource}`;
    const place = `${where(s.location)}${s.location.region ? `, ${clip(s.location.region, 60)}` : ""}`;
    return `| ${resource(s.type, s.name, s.stack)} | ${esc(clip(s.categories.join(", ") || "personal data", 120))} | ${esc(clip(s.subjects.join(", ") || "-", 80))} | ${source} | ${esc(place)} | ${s.flowsOut.length} / ${s.flowsIn.length} | ${esc(verdictText(s))} |`;
}

function verdictText(s: StoreEntry): string {
    if (s.analysed === false) return "not analysed: the update stopped at an earlier resource's mandatory violation, as the engine does";
    return s.verdicts.length ? s.verdicts.map((v) => `${v.level} ${v.policy}`).join("; ") : "passes every policy";
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

type Violation = DataMap["violations"][number];

/** Findings of one kind (one finding code) at one level, counted once. */
interface FindingGroup {
    level: string;
    policy: string;
    code: string | null;
    /** What the group is: the code's title, or, for a message without a code, its finding line with the resources named in it replaced by "‹resource›". */
    shape: string;
    violations: Violation[];
}

// A resource as messages name it: its type token, then its quoted name.
const LABEL = /[A-Za-z0-9_.-]+:[A-Za-z0-9_./-]*:[A-Za-z0-9_.-]+ "[^"\n]*"/g;

/** The finding line without the resource's own name in front, when it starts with it. */
function ownFinding(v: Violation): string {
    const line = findingLine(v.message);
    const own = v.type ? `${v.type} ${quote(v.name)} ` : "";
    if (!own || !line.startsWith(own)) return line;
    const rest = line.slice(own.length);
    return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function groupFindings(violations: readonly Violation[]): FindingGroup[] {
    const groups = new Map<string, FindingGroup>();
    for (const v of violations) {
        const title = v.code ? findingCodeEntry(v.code)?.title : undefined;
        let shape = title ?? "";
        if (title === undefined) {
            const line = findingLine(v.message);
            const own = v.type ? `${v.type} ${quote(v.name)}` : "";
            shape = (own ? line.split(own).join("‹resource›") : line).replace(LABEL, "‹resource›");
        }
        const key = `${v.level}\u0000${v.policy}\u0000${v.code ?? ""}\u0000${shape}`;
        const g = groups.get(key) ?? { level: v.level, policy: v.policy, code: v.code, shape, violations: [] };
        g.violations.push(v);
        groups.set(key, g);
    }
    const rank = (l: string) => (l === "mandatory" ? 0 : 1);
    return [...groups.values()].sort((a, b) => rank(a.level) - rank(b.level) || b.violations.length - a.violations.length || a.policy.localeCompare(b.policy) || a.shape.localeCompare(b.shape));
}

/** A titled part of the report and its items, each a string of one or more lines. */
interface Part {
    head: string[];
    items: string[];
    tail: string[];
    /** What stands in for the items left out: a sentence counting them. */
    more: (left: number) => string;
    /** Folded parts are wrapped in <details> with this summary. */
    fold?: string;
}

const joinedSize = (lines: readonly string[]) => lines.reduce((n, l) => n + byteLength(l) + 1, 0);

/** The lines of a part within `budget` bytes: its head, the items that fit, a count of the rest. */
function fit(part: Part, budget: number): string[] {
    const head = part.fold ? [`<details><summary>${part.fold}</summary>`, "", ...part.head] : part.head;
    const tail = part.fold ? [...part.tail, "</details>", ""] : part.tail;
    const all = [...head, ...part.items, ...tail];
    if (joinedSize(all) <= budget) return all;
    const reserve = joinedSize(head) + joinedSize(tail) + byteLength(part.more(part.items.length)) + 3;
    if (reserve > budget) {
        const line = part.more(part.items.length);
        return byteLength(line) + 2 <= budget ? [line, ""] : [];
    }
    const out = [...head];
    let left = budget - reserve;
    let shown = 0;
    for (const item of part.items) {
        const size = byteLength(item) + 1;
        if (size > left) break;
        out.push(item);
        left -= size;
        shown++;
    }
    // A blank line first: a line right after a table is one more row of it.
    out.push("", part.more(part.items.length - shown), "", ...tail);
    return out;
}

/** The size of a part rendered whole. */
function wholeSize(part: Part): number {
    return joinedSize(fit(part, Infinity));
}

/** Share `budget` among parts: each small part whole, the large ones an equal share of the rest. */
function share(parts: readonly Part[], budget: number): number[] {
    const sizes = parts.map(wholeSize);
    const order = sizes.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
    const out = new Array<number>(parts.length).fill(0);
    let left = budget;
    order.forEach(([size, i], k) => {
        const even = Math.floor(left / (order.length - k));
        out[i] = Math.min(size, even);
        left -= out[i]!;
    });
    return out;
}

export function renderMarkdown(map: DataMap, options: MarkdownOptions = {}): string {
    const budget = options.budget ?? COMMENT_BUDGET;
    const full = budget === Infinity;
    const pointer = options.fullReport ? `the full report (${clip(options.fullReport, 600)})` : "the full report";
    const elsewhere = (n: number, what: string, whats = `${what}s`) => (n > 0 ? `_… and ${n.toLocaleString("en-US")} more ${n === 1 ? what : whats}, in ${pointer}._` : "");
    const s = map.summary;
    const stacks = map.stacks && map.stacks.length > 1 ? map.stacks : undefined;
    const blockedStacks = stacks?.filter((x) => x.summary.blocked).length ?? 0;
    const warnStacks = stacks?.filter((x) => !x.summary.blocked && x.summary.advisory > 0).length ?? 0;
    const status = stacks
        ? blockedStacks > 0
            ? `🛑 Blocked in ${blockedStacks} of ${stacks.length} stacks`
            : warnStacks > 0
              ? `⚠️ ${stacks.length} stacks pass, ${warnStacks} with warnings`
              : `✅ All ${stacks.length} stacks pass`
        : s.blocked
          ? "🛑 Deployment blocked"
          : s.advisory > 0
            ? "⚠️ Passes with warnings"
            : "✅ Passes";
    const flowsById = new Map(map.flows.map((f) => [f.id, f]));

    const mandatory = map.violations.filter((v) => v.level === "mandatory");
    const blockedUrns = [...new Set(mandatory.map((v) => v.urn))];
    const storesByUrn = new Map(map.stores.map((st) => [st.urn, st]));

    // The head: verdict, subject, one sentence of outcome, the summary table, where the rest is.
    const head: string[] = [`## ${status}: Russian personal data residency`, ""];
    if (stacks)
        head.push(
            `${stacks.length} stacks (${map.subject.mode} of ${code(map.subject.path, 300)}), policy pack ${esc(map.pack.name)}@${esc(map.pack.version)}. Each stack's verdict first, then the organisation's.`,
            "",
        );
    else
        head.push(
            `Stack ${code(`${map.subject.project}/${map.subject.stack}`, 200)} (${map.subject.mode} of ${code(map.subject.path, 300)}), policy pack ${esc(map.pack.name)}@${esc(map.pack.version)}.`,
            "",
        );
    const stackPart: Part | undefined = stacks && {
        head: ["| Stack | Verdict | Resources | Mandatory | Advisory | Export |", "| --- | --- | ---: | ---: | ---: | --- |"],
        items: stacks.map(
            (x) =>
                `| ${code(x.stack, 120)} | ${x.summary.blocked ? "🛑 blocked" : x.summary.advisory > 0 ? "⚠️ passes with warnings" : "✅ passes"} | ${x.summary.resources} | ${x.summary.mandatory} | ${x.summary.advisory} | ${code(x.path, 160)} |`,
        ),
        tail: [""],
        more: (n) => elsewhere(n, "stack"),
    };
    const headTop = head.splice(0, head.length);
    if (stacks) head.push("**The organisation:**", "");
    head.push("| Resources | Stores of personal data | with Russian subjects | Flows leaving Russia | Mandatory | Advisory | Unclassified storage | Exemptions (≤ 30 days left) |");
    head.push("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    head.push(
        `| ${s.resources} | ${s.personalDataStores} | ${s.russianPersonalDataStores} | ${s.flowsLeavingRussia} | ${s.mandatory} | ${s.advisory} | ${s.unclassifiedStorage} | ${s.exemptions} (${s.exemptionsExpiringWithin30Days}) |`,
        "",
    );
    const outcome = s.blocked
        ? `**${plural(blockedUrns.length, "resource")} ${blockedUrns.length === 1 ? "blocks" : "block"} ${stacks ? `the deployment of ${plural(blockedStacks, "stack")}` : "the deployment"}** (${plural(s.mandatory, "mandatory finding")})${s.advisory ? `, and ${plural(s.advisory, "advisory finding")} ${s.advisory === 1 ? "asks" : "ask"} for attention` : ""}.`
        : s.advisory > 0
          ? `Nothing blocks ${stacks ? "any stack's deployment" : "the deployment"}; ${plural(s.advisory, "advisory finding")} ${s.advisory === 1 ? "asks" : "ask"} for attention.`
          : "No policy finding.";
    const stopped = s.stoppedAt ? ` The update stopped at ${code(s.stoppedAt, 300)}, as the engine stops at the first resource with a mandatory violation: resources after it were not analysed.` : "";
    const fullAt = options.fullReport ? `the full report is ${clip(options.fullReport, 600)}` : "the full report, with every message, is what `--format html` or `--full-report FILE` writes";
    head.push(`${outcome}${stopped}${full ? "" : ` Details are folded below; ${fullAt}.`}`, "");

    const notice = [`> **Not legal advice.** ${esc(map.legal.notice.replace(/^Not legal advice\. /, ""))} Law file: ${code(map.legal.lawFile)}, reviewed ${map.legal.lawReviewed}.`, ""];

    // First, unfolded: the blocked resources, the top findings, exemptions that need attention.
    const blocked: Part = {
        head: ["### Blocked resources", "", "| Resource | Location | Mandatory policies | Code | Finding |", "| --- | --- | --- | --- | --- |"],
        items: blockedUrns.map((urn) => {
            const vs = mandatory.filter((v) => v.urn === urn);
            const st = storesByUrn.get(urn);
            return `| ${resource(vs[0]!.type, vs[0]!.name, vs[0]!.stack)} | ${st ? where(st.location) : "-"} | ${vs.map((v) => code(v.policy)).join(", ")} | ${vs[0]!.code ? codeLink(vs[0]!.code) : "-"} | ${esc(clip(ownFinding(vs[0]!), 300))} |`;
        }),
        tail: [""],
        more: (n) => elsewhere(n, "blocked resource"),
    };
    const groups = groupFindings(map.violations);
    const findingItem = (g: FindingGroup, i: number) => {
        const names = g.violations
            .slice(0, 3)
            .map((v) => resource(v.type, v.name, v.stack))
            .join(", ");
        const rest = g.violations.length > 3 ? ` and ${(g.violations.length - 3).toLocaleString("en-US")} more` : "";
        return [
            `**${i + 1}. ${g.level}** ${g.code ? `${codeLink(g.code)} ` : ""}${code(g.policy)} on ${plural(g.violations.length, "resource")}: ${esc(clip(g.shape, 400))}`,
            `On ${names}${rest}. The message for ${resource(g.violations[0]!.type, g.violations[0]!.name, g.violations[0]!.stack)}:`,
            "",
            ...messageBlock(g.violations[0]!.message, full),
            "",
        ].join("\n");
    };
    const topCount = full ? groups.length : 5;
    const top: Part = {
        head: ["### Top findings", ""],
        items: groups.slice(0, topCount).map((g, i) => findingItem(g, i)),
        tail: groups.length > topCount ? [`_${plural(groups.length - topCount, "other kind")} of finding, folded below._`, ""] : [],
        more: (n) => elsewhere(n, "top finding"),
    };
    const expiring = map.exemptions.filter((e) => e.expiresWithin30Days || e.expired);
    const attention: Part = {
        head: ["### Exemptions that need attention", ""],
        items: expiring.map(
            (e) => `- ${code(e.resource)} (${e.policy}): ${e.expired ? `**expired on ${e.expires}** and no longer applies` : `**expires on ${e.expires}**`} — ${esc(clip(e.reason, 400))}`,
        ),
        tail: [""],
        more: (n) => elsewhere(n, "exemption"),
    };

    // Then folded: every finding, the data map, flows, unclassified storage, exemptions, messages.
    const folded = (
        [
            {
                fold: `All findings (${map.violations.length})`,
                head: map.violations.length ? ["| Level | Code | Policy | Resource | Finding |", "| --- | --- | --- | --- | --- |"] : ["No policy finding."],
                items: map.violations.map((v) => `| ${v.level} | ${v.code ? codeLink(v.code) : "-"} | ${code(v.policy)} | ${resource(v.type, v.name, v.stack)} | ${esc(clip(ownFinding(v), 400))} |`),
                tail: [""],
                more: (n) => elsewhere(n, "finding"),
            },
            full
                ? {
                      fold: `Data map: ${plural(map.stores.length, "store")} of personal data`,
                      head: map.stores.length === 0 ? ["No resource holds classified personal data.", ""] : [],
                      items: map.stores.map((st) => storeItem(st, flowsById)),
                      tail: [],
                      more: (n) => elsewhere(n, "store"),
                  }
                : {
                      fold: `Data map: ${plural(map.stores.length, "store")} of personal data`,
                      head:
                          map.stores.length === 0
                              ? ["No resource holds classified personal data.", ""]
                              : ["| Store | Holds | Subjects | Classified by | Location | Flows out / in | Verdicts |", "| --- | --- | --- | --- | --- | ---: | --- |"],
                      items: map.stores.map((st) => storeRow(st)),
                      tail: [""],
                      more: (n) => elsewhere(n, "store"),
                  },
            {
                fold: `Flows (${map.flows.length})`,
                head: map.flows.length ? [`| Flow | Resource | From | To | Declared transfer (${TRANSFER_TAGS}) |`, "| --- | --- | --- | --- | --- |"] : ["No flow of data between resources."],
                items: map.flows.map(
                    (f) =>
                        `| ${esc(clip(f.kind, 100))} | ${f.stack ? `${code(f.stack, 80)} › ` : ""}${code(f.flowResource.name)} | ${esc(end(f.from))} | ${esc(end(f.to))} | ${esc(clip(transferText(f), 300))} |`,
                ),
                tail: [""],
                more: (n) => elsewhere(n, "flow"),
            },
            {
                fold: `Storage without a user-data tag (${map.unclassifiedStorage.length})`,
                head: map.unclassifiedStorage.length ? [] : ["None."],
                items: map.unclassifiedStorage.map((u) => `- ${resource(u.type, u.name, u.stack)} (${esc(clip(u.service, 100))})`),
                tail: [""],
                more: (n) => elsewhere(n, "resource"),
            },
            {
                fold: `Exemptions (${map.exemptions.length})`,
                head: map.exemptions.length ? ["| Policy | Resource | Reason | Expires | Matches |", "| --- | --- | --- | --- | ---: |"] : ["None."],
                items: map.exemptions.map(
                    (e) =>
                        `| ${e.policy} | ${code(e.resource)} | ${esc(clip(e.reason, 400))} | ${e.expires}${e.expired ? " (expired)" : e.expiresWithin30Days ? " (soon)" : ""} | ${e.matches.length} |`,
                ),
                tail: [""],
                more: (n) => elsewhere(n, "exemption"),
            },
            full
                ? {
                      fold: "Full messages",
                      head: [],
                      items: map.violations.map((v) =>
                          [`**[${v.level}] ${v.policy}**${v.code ? ` ${codeLink(v.code)}` : ""} on ${resource(v.type, v.name, v.stack)}`, "", ...messageBlock(v.message, full), ""].join("\n"),
                      ),
                      tail: [],
                      more: (n) => elsewhere(n, "message"),
                  }
                : {
                      // The comment shows one message for each kind of finding; the top ones are above.
                      fold: `Other kinds of finding (${groups.length - topCount})`,
                      head: [],
                      items: groups.slice(topCount).map((g) => findingItem(g, topCount + groups.indexOf(g))),
                      tail: [],
                      more: (n) => elsewhere(n, "kind of finding", "kinds of finding"),
                  },
        ] as Part[]
    ).filter((p) => !(p.fold === "Full messages" && map.violations.length === 0) && !(p.fold?.startsWith("Other kinds") && groups.length <= topCount));

    const out: string[] = [...headTop];
    let left = budget - joinedSize(headTop) - joinedSize(head) - joinedSize(notice);
    if (stackPart) {
        const lines = fit(stackPart, full ? Infinity : Math.min(10_000, left));
        out.push(...lines);
        left -= joinedSize(lines);
    }
    out.push(...head);
    const unfolded: [Part, number][] = [
        [blocked, 12_000],
        [top, 20_000],
        [attention, 4_000],
    ];
    for (const [part, cap] of unfolded) {
        if (part.items.length === 0) continue;
        const lines = fit(part, full ? Infinity : Math.min(cap, left));
        out.push(...lines);
        left -= joinedSize(lines);
    }
    const shares = full ? folded.map(() => Infinity) : share(folded, left);
    folded.forEach((part, i) => out.push(...fit(part, shares[i]!)));
    out.push(...notice);
    return out.join("\n");
}

export const MARKDOWN_FORMAT: ReportFormat = {
    name: "markdown",
    fullReportExtensions: [".md", ".markdown"],
    render: ({ map, markdown }) => renderMarkdown(map, markdown),
};
