// The data map as one self-contained HTML page (no script, no network): the verdict, a diagram
// of stores and flows, every finding, store, flow and exemption. Laid out to fit any window from
// 800 px (about the width of paper) up, long messages and names wrapping instead of overflowing,
// and to print on A4 with a page break before each stack.
import type { ReportFormat } from "./format";
import { TRANSFER_TAGS, type DataMap, type StoreEntry } from "./data-map";
import { diagram, where } from "./diagram";
import { transferText } from "./markdown";
import { stackMaps } from "./organisation-map";

function h(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const n = (x: number) => x.toLocaleString("en-US");

function statusOf(s: DataMap["summary"]): { text: string; cls: string } {
    return s.blocked ? { text: "Deployment blocked", cls: "status-blocked" } : s.advisory > 0 ? { text: "Passes with warnings", cls: "status-warn" } : { text: "Passes", cls: "status-ok" };
}

function verdicts(st: StoreEntry): string {
    if (st.analysed === false) return "not analysed: the update stopped at an earlier resource's mandatory violation, as the engine does";
    return st.verdicts.length ? st.verdicts.map((v) => `<span class="${v.level}">${v.level}</span> ${h(v.policy)}`).join("<br>") : "passes every policy";
}

function stats(s: DataMap["summary"]): string {
    const cells: [string, string][] = [
        ["Resources", n(s.resources)],
        ["Stores of personal data", n(s.personalDataStores)],
        ["with Russian subjects", n(s.russianPersonalDataStores)],
        ["Flows leaving Russia", n(s.flowsLeavingRussia)],
        ["Mandatory", n(s.mandatory)],
        ["Advisory", n(s.advisory)],
        ["Unclassified storage", n(s.unclassifiedStorage)],
        ["Exemptions (≤ 30 days left)", `${n(s.exemptions)} (${n(s.exemptionsExpiringWithin30Days)})`],
    ];
    return `<dl class="stats">${cells.map(([k, v]) => `<div><dt>${h(k)}</dt><dd>${v}</dd></div>`).join("")}</dl>`;
}

function table(head: string[], widths: string[], rows: string[][]): string {
    return `<table><colgroup>${widths.map((w) => `<col style="width:${w}">`).join("")}</colgroup><thead><tr>${head.map((c) => `<th>${c}</th>`).join("")}</tr></thead><tbody>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n")}\n</tbody></table>`;
}

/** A stack's map, or an organisation's, as the diagram draws it. */
function picture(map: DataMap, label: string) {
    return diagram(
        map.stores.map((s) => ({ key: s.urn, name: s.name, type: s.type, inRussia: s.location.inRussia, country: s.location.country, stack: map.stacks ? s.stack : undefined })),
        map.flows.map((f) => ({ kind: f.kind, via: f.flowResource.name, from: f.from, to: f.to })),
        label,
    );
}

function figure(pic: ReturnType<typeof picture>): string {
    return pic ? `<figure class="map">${pic.svg}<figcaption>${h(pic.caption)}</figcaption></figure>` : "<p>No store of personal data and no flow: nothing to draw.</p>";
}

/** One stack's part of the report: its map, findings, stores, flows and exemptions. `top` is its headings' level. */
function stackSection(map: DataMap, top = 2): string {
    const H = `h${top}`;
    const H3 = `h${top + 1}`;
    const pic = picture(map, `Stores of personal data in ${map.subject.project}/${map.subject.stack} and the flows between them`);
    const findings = map.violations
        .map(
            (
                v,
            ) => `<article class="finding finding-${v.level}"><${H3}><span class="${v.level}">${v.level}</span>${v.code ? ` <code class="finding-code">${h(v.code)}</code>` : ""} <code>${h(v.policy)}</code> on ${h(v.type || "the stack")} <code>${h(v.name)}</code></${H3}>
<pre>${h(v.message)}</pre></article>`,
        )
        .join("\n");
    const stores = map.stores
        .map(
            (st) => `<section class="store"><${H3}>${h(st.type)} <code>${h(st.name)}</code></${H3}>
<dl><dt>Holds</dt><dd>${h(st.categories.join(", ") || "personal data")}; subjects ${h(st.subjects.join(", ") || "-")} (Russian personal data: ${st.russianPersonalData})</dd>
<dt>Classification</dt><dd>${h(st.classification.categoriesFrom)}; subjects ${h(st.classification.subjectsFrom)} <span class="tag">${h(st.classification.categoriesSource)}</span></dd>
<dt>Location</dt><dd><strong>${h(where(st.location.inRussia, st.location.country))}</strong> — ${h(st.location.how)}</dd>
${st.exemption ? `<dt>Exemption</dt><dd>${h(st.exemption.reason)} (until ${h(st.exemption.expires)}${st.exemption.expired ? ", expired" : ""})</dd>` : ""}
<dt>Verdicts</dt><dd>${verdicts(st)}</dd></dl></section>`,
        )
        .join("\n");
    const end = (e: { label: string; inRussia?: string; country?: string }) => h(`${e.label} (${where(e.inRussia ?? "unknown", e.country)})`);
    return `<${H} class="part">Map of stores and flows</${H}>
${figure(pic)}
<${H} class="part">Findings (${n(map.violations.length)})</${H}>
${findings || "<p>None.</p>"}
<${H} class="part">Stores of personal data (${n(map.stores.length)})</${H}>
${stores || "<p>No resource holds classified personal data.</p>"}
<${H} class="part">Flows (${n(map.flows.length)})</${H}>
${
    map.flows.length
        ? table(
              ["Flow", "Resource", "From", "To", `Declared transfer (${h(TRANSFER_TAGS)})`],
              ["14%", "18%", "24%", "24%", "20%"],
              map.flows.map((f) => [h(f.kind), `<code>${h(f.flowResource.name)}</code>`, end(f.from), end(f.to), h(transferText(f))]),
          )
        : "<p>None.</p>"
}
<${H} class="part">Storage without a user-data tag (${n(map.unclassifiedStorage.length)})</${H}>
${map.unclassifiedStorage.length ? `<ul>${map.unclassifiedStorage.map((u) => `<li>${h(u.type)} <code>${h(u.name)}</code> (${h(u.service)})</li>`).join("")}</ul>` : "<p>None.</p>"}
<${H} class="part">Exemptions (${n(map.exemptions.length)})</${H}>
${
    map.exemptions.length
        ? table(
              ["Policy", "Resource", "Reason", "Expires", "Matches"],
              ["22%", "22%", "32%", "14%", "10%"],
              map.exemptions.map((e) => [
                  h(e.policy),
                  `<code>${h(e.resource)}</code>`,
                  h(e.reason),
                  `${h(e.expires)}${e.expired ? ' <span class="mandatory">expired</span>' : e.expiresWithin30Days ? ' <span class="advisory">expires within 30 days</span>' : ""}`,
                  String(e.matches.length),
              ]),
          )
        : "<p>None.</p>"
}`;
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1f;max-width:72rem;margin:1.5em auto;padding:0 1em;overflow-wrap:anywhere}
h1{font-size:1.6em;margin:0 0 .2em} h2{font-size:1.25em;margin:1.6em 0 .5em;border-bottom:1px solid #ddd;padding-bottom:.15em} h3,h4{font-size:1em;margin:.2em 0}
h2.stack-title{font-size:1.45em;border-bottom:2px solid #888} h3.part{font-size:1.15em;margin:1.4em 0 .4em;border-bottom:1px solid #ddd}
.status-blocked{color:#b3261e} .status-warn{color:#8a5a00} .status-ok{color:#1b7f3b}
code{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.92em;overflow-wrap:anywhere;word-break:break-word}
pre{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.85em;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word;background:#f7f7f7;padding:.6em;border-radius:4px;margin:.3em 0 0;max-width:100%}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.6em 0} th,td{border:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:break-word}
th{background:#f3f3f3}
dl{display:grid;grid-template-columns:minmax(6em,9em) minmax(0,1fr);gap:.2em .8em;margin:.4em 0} dt{font-weight:600} dd{margin:0;min-width:0}
dl.stats{grid-template-columns:repeat(auto-fit,minmax(8.5em,1fr));gap:.5em} dl.stats div{border:1px solid #ccc;border-radius:4px;padding:.35em .5em} dl.stats dt{font-weight:400;font-size:.85em;color:#444} dl.stats dd{font-size:1.3em;font-weight:600}
.mandatory{color:#b3261e;font-weight:600} .advisory{color:#8a5a00;font-weight:600} .tag{background:#eef;border-radius:3px;padding:0 .3em;font-size:.85em}
article.finding{border-left:4px solid #ccc;padding:.2em 0 .2em .7em;margin:.8em 0} article.finding-mandatory{border-left-color:#b3261e} article.finding-advisory{border-left-color:#8a5a00} article.finding h3{font-weight:400}
figure.map{margin:.5em 0} figure.map svg{display:block;width:100%;height:auto} figcaption{font-size:.88em;color:#444;margin-top:.3em}
svg text{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;fill:#1d1d1f} svg text.col{font-weight:700} svg text.t,svg text.fk{font-weight:700} svg text.s,svg text.fv{fill:#444}
section.store{border-top:1px solid #ddd;padding-top:.4em;margin-top:.6em}
.notice{border-top:2px solid #888;margin-top:2em;padding-top:.6em;font-size:.92em}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{max-width:none;margin:0;padding:0;font-size:10pt;line-height:1.35}
  h2{margin:1em 0 .4em} .notice{margin-top:1.2em}
  .stack+.stack{break-before:page}
  h1,h2,h3{break-after:avoid}
  article.finding,section.store,tr,figure.map,dl.stats{break-inside:avoid}
  thead{display:table-header-group}
  pre{background:none;border:1px solid #ccc}
  a{color:inherit}
}`;

function subjectLine(map: DataMap): string {
    const s = map.summary;
    return `Russian personal data residency for stack <code>${h(map.subject.project)}/${h(map.subject.stack)}</code> (${h(map.subject.mode)} of <code>${h(map.subject.path)}</code>), policy pack ${h(map.pack.name)}@${h(map.pack.version)}, ${h(map.generatedAt)}.${s.stoppedAt ? ` The update stopped at <code>${h(s.stoppedAt)}</code>, as the engine stops at the first resource with a mandatory violation: resources after it were not analysed.` : ""}`;
}

/** The first section of an organisation's report: each stack's verdict, then the organisation's, and the map across stacks. */
function overview(map: DataMap): { title: string; html: string } {
    const stacks = map.stacks!;
    const blocked = stacks.filter((x) => x.summary.blocked).length;
    const warn = stacks.filter((x) => !x.summary.blocked && x.summary.advisory > 0).length;
    const title = blocked > 0 ? `Blocked in ${blocked} of ${stacks.length} stacks` : warn > 0 ? `${stacks.length} stacks pass, ${warn} with warnings` : `All ${stacks.length} stacks pass`;
    const cls = blocked > 0 ? "status-blocked" : warn > 0 ? "status-warn" : "status-ok";
    const rows = stacks.map((x) => {
        const st = statusOf(x.summary);
        return [`<code>${h(x.stack)}</code>`, `<span class="${st.cls}">${h(st.text)}</span>`, n(x.summary.resources), n(x.summary.mandatory), n(x.summary.advisory), `<code>${h(x.path)}</code>`];
    });
    const cross = map.flows.filter((f) => f.to.stack && f.stack && f.to.stack !== f.stack).length;
    const html = `<section class="stack overview">
<h1 class="${cls}">${h(title)}</h1>
<p>Russian personal data residency across ${n(stacks.length)} stacks (${h(map.subject.mode)} of <code>${h(map.subject.path)}</code>), policy pack ${h(map.pack.name)}@${h(map.pack.version)}, ${h(map.generatedAt)}. Each stack's verdict first, then the organisation's.</p>
<h2>Stacks</h2>
${table(["Stack", "Verdict", "Resources", "Mandatory", "Advisory", "Export"], ["24%", "22%", "12%", "12%", "11%", "19%"], rows)}
<h2>The organisation</h2>
${stats(map.summary)}
<p>${n(cross)} flow${cross === 1 ? "" : "s"} from one stack into another, resolved by ARN or name.</p>
<h2>Map across stacks</h2>
${figure(picture(map, `Stores of personal data in ${stacks.length} stacks and the flows between them`))}
</section>`;
    return { title, html };
}

export function renderHtml(map: DataMap): string {
    const org = map.stacks && map.stacks.length > 1;
    const head = (title: string) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${h(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}
</style></head><body>
`;
    const notice = `<p class="notice"><strong>Not legal advice.</strong> ${h(map.legal.notice.replace(/^Not legal advice\. /, ""))} Law file: <code>${h(map.legal.lawFile)}</code>, reviewed ${h(map.legal.lawReviewed)}.</p>
</body></html>
`;
    if (!org) {
        const status = statusOf(map.summary);
        return `${head(`${status.text}: ${map.subject.project}/${map.subject.stack}`)}<section class="stack">
<h1 class="${status.cls}">${h(status.text)}</h1>
<p>${subjectLine(map)}</p>
${stats(map.summary)}
${stackSection(map)}
</section>
${notice}`;
    }
    const o = overview(map);
    // Each stack on its own pages when printed (.stack + .stack breaks before).
    const sections = stackMaps(map).map((m) => {
        const status = statusOf(m.summary);
        return `<section class="stack">
<h2 class="stack-title ${status.cls}">${h(`${m.subject.project}/${m.subject.stack}`)}: ${h(status.text)}</h2>
<p>${subjectLine(m)}</p>
${stats(m.summary)}
${stackSection(m, 3)}
</section>`;
    });
    return `${head(`${o.title}: Russian personal data residency`)}${o.html}
${sections.join("\n")}
${notice}`;
}

export const HTML_FORMAT: ReportFormat = {
    name: "html",
    fullReportExtensions: [".html", ".htm"],
    render: ({ map }) => renderHtml(map),
};
