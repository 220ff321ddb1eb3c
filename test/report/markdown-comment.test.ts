// The Markdown report as a pull-request comment: under GitHub's 65,536-character limit on any
// stack, verdict first, blocked resources and top findings next, the rest folded, and it says
// where the full report is. Property-tested on generated data maps (any size, any names), and
// run on generated stacks of 300 objects and 5,000 resources through the command.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import type { DataMap, FlowEntry, StoreEntry } from "../../src/report/data-map";
import { byteLength, clip, COMMENT_BUDGET, COMMENT_LIMIT, renderMarkdown } from "../../src/report/markdown";
import { fullReportPointer } from "../../src/report/full-report";
import { LAW, NOTICE } from "../../policypack/src/law";
import { FINDING_CODES, findingLine } from "../../policypack/src/decide/finding-codes";
import { FUZZ_SEED } from "../fuzz/arbitraries";
import { staticSiteExport, syntheticExport, writeExport } from "../helpers/big-stacks";
import { runCli } from "../helpers/cli";

const md = new MarkdownIt({ html: true });
const POLICIES = ["ru-personal-data-localization", "user-data-classification", "ru-personal-data-cross-border-transfer"];

/** Text that tries to break out of its cell, span or block. */
const nasty = fc.oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,30}$/) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
    {
        weight: 1,
        arbitrary: fc.constantFrom(
            "a|b",
            "`x`",
            "```",
            "<details>",
            "</details>",
            "*bold*",
            "_x_",
            "[link](http://x)",
            "@acme/security",
            "line\nbreak",
            "клиенты-данные",
            "😀".repeat(40),
            "\\|",
            "<!--",
            "#1",
        ),
    },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 200, maxLength: 3000 }) },
);

const types = fc.constantFrom(
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketObjectv2:BucketObjectv2",
    "aws:rds/instance:Instance",
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    "yandex:index/storageBucket:StorageBucket",
    "x".repeat(300),
);

interface Res {
    type: string;
    name: string;
    urn: string;
}

const resources = (max: number) =>
    fc.uniqueArray(
        fc.record({ type: types, name: nasty }).map((r) => ({ ...r, urn: `urn:pulumi:prod::shop::${r.type}::${r.name}` })),
        { maxLength: max, selector: (r) => r.urn, size: "max" },
    );

/** A message as the policies write it: the policy's description, then the finding, then its lines. */
function message(policy: string, r: Res, shape: string, extra: string[]): string {
    return [`The description of ${policy}.`, `${r.type} "${r.name}" ${shape}`, ...extra].join("\n");
}

const dataMap = fc
    .record({
        res: resources(400),
        shapes: fc.array(fc.oneof(fc.constantFrom("holds personal data of Russian citizens but is not in Russia.", 'is S3 storage and has no "user-data" tag.'), nasty), {
            minLength: 1,
            maxLength: 8,
        }),
        extra: fc.array(nasty, { maxLength: 6 }),
        picks: fc.array(
            fc.record({ r: fc.nat(), p: fc.nat(2), level: fc.constantFrom("mandatory", "advisory"), shape: fc.nat(), code: fc.nat(FINDING_CODES.length), copies: fc.integer({ min: 1, max: 8 }) }),
            {
                maxLength: 250,
                size: "max",
            },
        ),
        stores: fc.array(fc.record({ r: fc.nat(), country: fc.constantFrom("RU", "DE", undefined), how: nasty }), { maxLength: 400, size: "max" }),
        flows: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), kind: nasty }), { maxLength: 200, size: "max" }),
        exemptions: fc.array(fc.record({ resource: nasty, reason: nasty, expired: fc.boolean(), soon: fc.boolean() }), { maxLength: 40 }),
        unclassified: fc.array(fc.nat(), { maxLength: 200, size: "max" }),
        project: nasty,
        stack: nasty,
        path: nasty,
        // An organisation's map half the time: up to 400 stacks, each entry in one of them.
        org: fc.option(fc.array(fc.record({ name: nasty, mandatory: fc.nat(50), advisory: fc.nat(50) }), { minLength: 2, maxLength: 400, size: "max" }), { freq: 2 }),
    })
    .map((g): DataMap => {
        const at = (i: number) => g.res[i % Math.max(1, g.res.length)];
        const violations: DataMap["violations"] = [];
        if (g.res.length > 0) {
            for (const p of g.picks) {
                for (let c = 0; c < p.copies; c++) {
                    const r = at(p.r + c)!;
                    const policy = POLICIES[p.p]!;
                    // One index past the registry: a message without a code (the engine's own).
                    const findingCode = FINDING_CODES[p.code]?.code ?? null;
                    const text = message(policy, r, g.shapes[p.shape % g.shapes.length]!, g.extra);
                    violations.push({
                        policy,
                        level: p.level as "mandatory" | "advisory",
                        severity: "critical",
                        code: findingCode,
                        message: findingCode ? `${text}\n${findingLine(findingCode)}` : text,
                        urn: r.urn,
                        type: r.type,
                        name: r.name,
                    });
                }
            }
        }
        const flows: FlowEntry[] = g.res.length
            ? g.flows.map((f, i) => ({
                  id: `flow-${i + 1}`,
                  decision: "reported" as const,
                  kind: f.kind,
                  flowResource: { urn: at(f.from)!.urn, type: at(f.from)!.type, name: at(f.from)!.name },
                  from: { urn: at(f.from)!.urn, label: `${at(f.from)!.type} "${at(f.from)!.name}"`, inRussia: "yes", country: "RU", how: "x" },
                  to: { label: `${at(f.to)!.type} "${at(f.to)!.name}"`, inRussia: "no", country: "DE", how: "y" },
              }))
            : [];
        const seen = new Set<string>();
        const stores: StoreEntry[] = [];
        for (const s of g.res.length ? g.stores : []) {
            const r = at(s.r)!;
            if (seen.has(r.urn)) continue;
            seen.add(r.urn);
            stores.push({
                urn: r.urn,
                type: r.type,
                name: r.name,
                personal: "yes",
                russianPersonalData: "yes",
                categories: ["personal"],
                subjects: ["RU"],
                classification: { categoriesSource: "own tags", subjectsSource: "own tags", categoriesFrom: s.how, subjectsFrom: s.how, unknowns: [] },
                location: { inRussia: s.country === "RU" ? "yes" : s.country ? "no" : "unknown", country: s.country, how: s.how },
                flowsOut: [],
                flowsIn: [],
                verdicts: violations.filter((v) => v.urn === r.urn).map((v) => ({ policy: v.policy, level: v.level, severity: v.severity, code: v.code, message: v.message })),
            });
        }
        const mandatory = violations.filter((v) => v.level === "mandatory").length;
        const advisory = violations.length - mandatory;
        const stacks = g.org?.map((x, i) => {
            const key = `${x.name}/${i}`;
            return {
                stack: key,
                project: x.name,
                name: String(i),
                path: `${x.name}.json`,
                kind: "stack-export" as const,
                mode: "analyze" as const,
                verdict: x.mandatory ? ("blocked" as const) : x.advisory ? ("passes with warnings" as const) : ("passes" as const),
                summary: {
                    resources: 1,
                    personalDataStores: 0,
                    russianPersonalDataStores: 0,
                    flows: 0,
                    flowsLeavingRussia: 0,
                    mandatory: x.mandatory,
                    advisory: x.advisory,
                    blocked: x.mandatory > 0,
                    unclassifiedStorage: 0,
                    exemptions: 0,
                    exemptionsExpiringWithin30Days: 0,
                },
            };
        });
        if (stacks) {
            // A resource is in one stack: by the order its URN first appears.
            const stackOf = new Map(g.res.map((r, i) => [r.urn, stacks[i % stacks.length]!.stack]));
            for (const v of violations) v.stack = stackOf.get(v.urn);
            for (const st of stores) st.stack = stackOf.get(st.urn);
        }
        return {
            ...(stacks ? { stacks } : {}),
            schemaVersion: "1.3",
            generatedAt: "2026-12-01T00:00:00.000Z",
            legal: { notice: NOTICE, lawFile: "policypack/data/law.json", lawReviewed: LAW.reviewed },
            pack: { name: "ru-data-residency", version: "0.1.0" },
            subject: { kind: "stack-export", path: g.path, project: g.project, stack: g.stack, mode: "analyze" },
            summary: {
                resources: g.res.length,
                personalDataStores: stores.length,
                russianPersonalDataStores: stores.length,
                flows: flows.length,
                flowsLeavingRussia: flows.length,
                mandatory,
                advisory,
                blocked: mandatory > 0,
                unclassifiedStorage: g.unclassified.length,
                exemptions: g.exemptions.length,
                exemptionsExpiringWithin30Days: g.exemptions.filter((e) => e.soon && !e.expired).length,
            },
            policies: [],
            stores,
            flows,
            unclassifiedStorage: g.res.length ? g.unclassified.map((i) => ({ ...at(i)!, service: "S3" })) : [],
            exemptions: g.exemptions.map((e) => ({
                policy: POLICIES[0]!,
                resource: e.resource,
                reason: e.reason,
                expires: "2026-12-10",
                expired: e.expired,
                expiresWithin30Days: e.soon && !e.expired,
                matches: [],
            })),
            violations,
        };
    });

/** A name as the report must show it: on one line, every invisible or reordering character written as \uXXXX. */
const shown = (name: string) =>
    name
        .replace(/\r?\n|\r/g, " ")
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

const decode = (html: string) =>
    html
        .replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, "&");

/** The first table after the heading, as rows of cell texts. */
function tableAfter(html: string, heading: string): string[][] {
    const at = html.indexOf(heading.startsWith("<") ? heading : `<h3>${heading}</h3>`);
    if (at < 0) return [];
    const table = /<table>[\s\S]*?<\/table>/.exec(html.slice(at))?.[0] ?? "";
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
    return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => decode(c[1]!)));
}

/** The number in a "… and N more <what>" line, 0 when there is none. */
function more(text: string, what: string): number {
    const m = new RegExp(`… and ([\\d,]+) more ${what}`).exec(text);
    return m ? Number(m[1]!.replace(/,/g, "")) : 0;
}

function status(map: DataMap): string {
    const stacks = map.stacks;
    if (stacks) {
        const blocked = stacks.filter((x) => x.summary.blocked).length;
        const warn = stacks.filter((x) => !x.summary.blocked && x.summary.advisory > 0).length;
        return blocked ? `🛑 Blocked in ${blocked} of ${stacks.length} stacks` : warn ? `⚠️ ${stacks.length} stacks pass, ${warn} with warnings` : `✅ All ${stacks.length} stacks pass`;
    }
    return map.summary.blocked ? "🛑 Deployment blocked" : map.summary.advisory > 0 ? "⚠️ Passes with warnings" : "✅ Passes";
}

/** What every comment must be, whatever the stack. */
function checkComment(map: DataMap, text: string): void {
    expect(byteLength(text)).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(text.length).toBeLessThan(COMMENT_LIMIT);
    const lines = text.split("\n");
    expect(lines[0]).toBe(`## ${status(map)}: Russian personal data residency`);
    const html = md.render(text);
    // In an organisation's report each stack's verdict comes first: listed, or counted.
    if (map.stacks) {
        const stackSection = text.slice(0, text.indexOf("**The organisation:**"));
        const listed = tableAfter(md.render(stackSection), "<table>");
        expect(listed.length + more(stackSection, "stack")).toBe(map.stacks.length);
        listed.forEach((row, i) => expect(row[0]).toBe(clip(shown(map.stacks![i]!.stack), 120)));
    }
    // The organisation's (or the stack's) summary table says what the summary says.
    const s = map.summary;
    const first = /<table>[\s\S]*?<\/table>/.exec(map.stacks ? md.render(text.slice(text.indexOf("**The organisation:**"))) : html)![0];
    expect([...first.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1])).toEqual(
        [
            s.resources,
            s.personalDataStores,
            s.russianPersonalDataStores,
            s.flowsLeavingRussia,
            s.mandatory,
            s.advisory,
            s.unclassifiedStorage,
            `${s.exemptions} (${s.exemptionsExpiringWithin30Days})`,
        ].map(String),
    );
    // Every blocked resource is listed, or counted as left out: exactly, once each.
    const blocked = [...new Set(map.violations.filter((v) => v.level === "mandatory").map((v) => v.urn))];
    const rows = tableAfter(html, "Blocked resources");
    const blockedSection = text.slice(text.indexOf("### Blocked resources"), text.indexOf("### Top findings"));
    if (blocked.length === 0) expect(text).not.toContain("### Blocked resources");
    else expect(rows.length + more(blockedSection, "blocked resource")).toBe(blocked.length);
    const byUrn = new Map(map.violations.map((v) => [v.urn, v]));
    rows.forEach((row, i) => {
        // Nothing in a name escapes its cell or its code span.
        const v = byUrn.get(blocked[i]!)!;
        expect(row).toHaveLength(5);
        // The code cell: the first mandatory finding's code, or "-" for a message without one.
        const first = map.violations.find((x) => x.urn === blocked[i] && x.level === "mandatory")!;
        expect(row[3]).toBe(first.code ?? "-");
        const stack = v.stack ? `${clip(shown(v.stack), 80)} › ` : "";
        expect(row[0]).toBe(`${stack}${clip(v.type, 100)} ${v.name === "" ? "(no name)" : clip(shown(v.name), 120)}`);
    });
    // Every finding, in the folded table or counted after it.
    const allSection = text.slice(text.indexOf("<details><summary>All findings"), text.indexOf("<details><summary>Data map"));
    const all = tableAfter(md.render(allSection), `<summary>All findings (${map.violations.length})</summary>`);
    expect(all.length + more(allSection, "finding")).toBe(map.violations.length);
    if (map.violations.length === 0) expect(allSection).toContain("No policy finding.");
    // Folded blocks open and close in pairs, each around what it names.
    const opened = (html.match(/<details><summary>/g) ?? []).length;
    expect((html.match(/<\/details>/g) ?? []).length).toBe(opened);
    expect(opened).toBeGreaterThanOrEqual(5);
    // The verdict comes first, the notice last.
    expect(text.trimEnd().split("\n").pop()).toMatch(/^> \*\*Not legal advice\.\*\* /);
    if (map.violations.length > 0) expect(text.indexOf("### Top findings")).toBeGreaterThan(0);
    expect(html).not.toMatch(/<(script|img|iframe|a href="javascript)/i);
}

describe("the Markdown comment on generated data maps", () => {
    it("stays under the limit, leads with the verdict, and lists or counts every blocked resource", () => {
        let over = 0;
        fc.assert(
            fc.property(dataMap, (map) => {
                const text = renderMarkdown(map);
                checkComment(map, text);
                if (byteLength(renderMarkdown(map, { budget: Infinity })) > COMMENT_LIMIT) over++;
            }),
            { seed: FUZZ_SEED, numRuns: 150, endOnFailure: true },
        );
        // The generated maps are large enough that most of them must be folded and cut.
        expect(over).toBeGreaterThan(75);
    }, 240_000);

    it("with no budget is the full report: every message, whole", () => {
        fc.assert(
            fc.property(dataMap, (map) => {
                const full = renderMarkdown(map, { budget: Infinity });
                for (const v of map.violations) expect(full).toContain(v.message);
                expect(full).not.toContain("… and ");
            }),
            { seed: FUZZ_SEED, numRuns: 40, endOnFailure: true },
        );
    }, 240_000);
});

describe("where the full report is", () => {
    it("names the file, the URL, and the CI run that wrote it", () => {
        expect(fullReportPointer({})).toBeUndefined();
        expect(fullReportPointer({ file: "residency.html" })).toBe("`residency.html`");
        expect(fullReportPointer({ file: "residency.html", url: "https://ci.example/artifacts/1 (a)" })).toBe("`residency.html` ([open it](https://ci.example/artifacts/1%20%28a%29))");
        expect(fullReportPointer({ url: "javascript:alert(1)" })).toBeUndefined();
        const github = { GITHUB_ACTIONS: "true", GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/infra", GITHUB_RUN_ID: "42" };
        expect(fullReportPointer({ file: "residency.html", env: github })).toBe("`residency.html`, written by [this workflow run](https://github.com/acme/infra/actions/runs/42)");
        expect(fullReportPointer({ file: "r.md", env: { GITLAB_CI: "true", CI_JOB_URL: "https://gitlab.example/acme/infra/-/jobs/7" } })).toBe(
            "`r.md`, written by [this CI job](https://gitlab.example/acme/infra/-/jobs/7)",
        );
    });
});

describe("ru-residency report --format markdown on large stacks", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "md-comment-"));
    const site = writeExport("site.json", staticSiteExport(300), tmp);
    const big = writeExport("big.json", syntheticExport(5_000), tmp);
    // The command's environment without a CI's variables, so the words do not depend on where the tests run.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|GITLAB_|CI_JOB_URL)/.test(k)));
    const out: Record<string, { code: number | null; stdout: string; stderr: string }> = {};

    beforeAll(async () => {
        const jobs: [string, string[]][] = [
            ["site", ["report", "--file", site, "--format", "markdown", "--full-report", path.join(tmp, "site-full.md")]],
            ["site-json", ["report", "--file", site, "--format", "json"]],
            [
                "big",
                [
                    "report",
                    "--file",
                    big,
                    "--format",
                    "markdown",
                    "--output",
                    path.join(tmp, "big.md"),
                    "--full-report",
                    path.join(tmp, "big-full.html"),
                    "--full-report-url",
                    "https://ci.example/run/9/artifacts",
                ],
            ],
        ];
        for (const [k, args] of jobs) out[k] = await runCli(args, { env, timeoutMs: 240_000 });
    }, 400_000);

    it("a static site of 300 objects: every object blocked, one kind of finding, under the limit", () => {
        const r = out.site!;
        expect(r.code).toBe(1);
        const map = JSON.parse(out["site-json"]!.stdout) as DataMap;
        expect(map.summary).toMatchObject({ resources: 302, mandatory: 301, advisory: 0, blocked: true });
        checkComment(map, r.stdout);
        const lines = r.stdout.split("\n");
        expect(lines[8]).toBe(`**301 resources block the deployment** (301 mandatory findings). Details are folded below; the full report is \`${path.join(tmp, "site-full.md")}\`.`);
        expect(r.stdout).toContain("**1. mandatory** `RU152-LOC-001` `ru-personal-data-localization` on 301 resources: Russian citizens' personal data stored outside Russia");
        // The full report has all 301 messages, whole.
        const full = fs.readFileSync(path.join(tmp, "site-full.md"), "utf8");
        for (const v of map.violations) expect(full).toContain(v.message);
        expect(full.length).toBeGreaterThan(COMMENT_LIMIT);
        expect(r.stderr).toBe(`ru-residency: wrote ${path.join(tmp, "site-full.md")} (the full report)\n`);
    });

    it("5,000 resources: the comment names the full report and its URL, which the same run wrote", () => {
        const r = out.big!;
        expect(r.code).toBe(1);
        const text = fs.readFileSync(path.join(tmp, "big.md"), "utf8");
        expect(byteLength(text)).toBeLessThanOrEqual(COMMENT_BUDGET);
        expect(text.split("\n")[8]).toBe(
            `**516 resources block the deployment** (516 mandatory findings). Details are folded below; the full report is \`${path.join(tmp, "big-full.html")}\` ([open it](https://ci.example/run/9/artifacts)).`,
        );
        // Every blocked resource is listed, or counted in the line that says where the rest are.
        const rows = tableAfter(md.render(text), "Blocked resources").length;
        expect(rows).toBeGreaterThan(20);
        expect(text).toContain(`\n\n_… and ${516 - rows} more blocked resources, in the full report (\`${path.join(tmp, "big-full.html")}\` ([open it](https://ci.example/run/9/artifacts)))._\n`);
        const html = fs.readFileSync(path.join(tmp, "big-full.html"), "utf8");
        expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
        expect((html.match(/<span class="mandatory">mandatory<\/span>/g) ?? []).length).toBeGreaterThanOrEqual(516);
    });

    it("the largest fixture, 50,000 resources: under the limit, every blocked resource listed or counted", async () => {
        const file = writeExport("50k.json", syntheticExport(50_000), tmp);
        const r = await runCli(["report", "--file", file, "--format", "markdown"], { env, timeoutMs: 120_000 });
        expect(r.code).toBe(1);
        expect(byteLength(r.stdout)).toBeLessThanOrEqual(COMMENT_BUDGET);
        expect(r.stdout.length).toBeLessThan(COMMENT_LIMIT);
        expect(r.stdout.split("\n")[0]).toBe("## 🛑 Deployment blocked: Russian personal data residency");
        const rows = tableAfter(md.render(r.stdout), "Blocked resources").length;
        expect(r.stdout).toContain(`\n\n_… and ${(5_172 - rows).toLocaleString("en-US")} more blocked resources, in the full report._\n`);
        expect(r.stdout).toContain("<details><summary>All findings (5172)</summary>");
    }, 180_000);

    it("refuses --full-report where it means nothing", async () => {
        const wrongFormat = await runCli(["report", "--file", site, "--format", "json", "--full-report", "x.html"], { env });
        expect(wrongFormat.code).toBe(2);
        expect(wrongFormat.stderr.split("\n")[0]).toBe("ru-residency: --full-report is for --format markdown: it names the full report in the comment");
        const badExt = await runCli(["report", "--file", site, "--format", "markdown", "--full-report", "x.pdf"], { env });
        expect(badExt.stderr.split("\n")[0]).toBe('ru-residency: --full-report "x.pdf": name a .html, .json or .md file; its extension sets its format');
        const badUrl = await runCli(["report", "--file", site, "--format", "markdown", "--full-report-url", "file:///etc/passwd"], { env });
        expect(badUrl.stderr.split("\n")[0]).toBe('ru-residency: --full-report-url "file:///etc/passwd": expected an http or https URL');
        const onAnalyze = await runCli(["analyze", "--file", site, "--full-report", "x.md"], { env });
        expect(onAnalyze.code).toBe(2);
        expect(onAnalyze.stderr.split("\n")[0]).toBe("ru-residency: analyze: --full-report is for report --format markdown");
    });
});
