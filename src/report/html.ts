// The data map as one self-contained HTML page (no script, no network): the verdict, a diagram
// of stores and flows, every finding, store, flow and exemption. Laid out to fit any window from
// 800 px (about the width of paper) up, long messages and names wrapping instead of overflowing,
// and to print on A4 with a page break before each stack.
import { TRANSFER_TAGS, type DataMap, type StoreEntry } from "./data-map";
import { diagram, where } from "./diagram";
import { transferText } from "./markdown";

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

/** One stack's part of the report: its map, findings, stores, flows and exemptions. */
function stackSection(map: DataMap): string {
    const pic = diagram(
        map.stores.map((s) => ({ key: s.urn, name: s.name, type: s.type, inRussia: s.location.inRussia, country: s.location.country })),
        map.flows.map((f) => ({ kind: f.kind, via: f.flowResource.name, from: f.from, to: f.to })),
        `Stores of personal data in ${map.subject.project}/${map.subject.stack} and the flows between them`,
    );
    const findings = map.violations
        .map(
            (v) => `<article class="finding finding-${v.level}"><h3><span class="${v.level}">${v.level}</span> <code>${h(v.policy)}</code> on ${h(v.type || "the stack")} <code>${h(v.name)}</code></h3>
<pre>${h(v.message)}</pre></article>`,
        )
        .join("\n");
    const stores = map.stores
        .map(
            (st) => `<section class="store"><h3>${h(st.type)} <code>${h(st.name)}</code></h3>
<dl><dt>Holds</dt><dd>${h(st.categories.join(", ") || "personal data")}; subjects ${h(st.subjects.join(", ") || "-")} (Russian personal data: ${st.russianPersonalData})</dd>
<dt>Classification</dt><dd>${h(st.classification.categoriesFrom)}; subjects ${h(st.classification.subjectsFrom)} <span class="tag">${h(st.classification.categoriesSource)}</span></dd>
<dt>Location</dt><dd><strong>${h(where(st.location.inRussia, st.location.country))}</strong> — ${h(st.location.how)}</dd>
${st.exemption ? `<dt>Exemption</dt><dd>${h(st.exemption.reason)} (until ${h(st.exemption.expires)}${st.exemption.expired ? ", expired" : ""})</dd>` : ""}
<dt>Verdicts</dt><dd>${verdicts(st)}</dd></dl></section>`,
        )
        .join("\n");
    const end = (e: { label: string; inRussia?: string; country?: string }) => h(`${e.label} (${where(e.inRussia ?? "unknown", e.country)})`);
    return `<h2>Map of stores and flows</h2>
${pic ? `<figure class="map">${pic.svg}<figcaption>${h(pic.caption)}</figcaption></figure>` : "<p>No store of personal data and no flow: nothing to draw.</p>"}
<h2>Findings (${n(map.violations.length)})</h2>
${findings || "<p>None.</p>"}
<h2>Stores of personal data (${n(map.stores.length)})</h2>
${stores || "<p>No resource holds classified personal data.</p>"}
<h2>Flows (${n(map.flows.length)})</h2>
${map.flows.length ? table(["Flow", "Resource", "From", "To", `Declared transfer (${h(TRANSFER_TAGS)})`], ["14%", "18%", "24%", "24%", "20%"], map.flows.map((f) => [h(f.kind), `<code>${h(f.flowResource.name)}</code>`, end(f.from), end(f.to), h(transferText(f))])) : "<p>None.</p>"}
<h2>Storage without a user-data tag (${n(map.unclassifiedStorage.length)})</h2>
${map.unclassifiedStorage.length ? `<ul>${map.unclassifiedStorage.map((u) => `<li>${h(u.type)} <code>${h(u.name)}</code> (${h(u.service)})</li>`).join("")}</ul>` : "<p>None.</p>"}
<h2>Exemptions (${n(map.exemptions.length)})</h2>
${map.exemptions.length ? table(["Policy", "Resource", "Reason", "Expires", "Matches"], ["22%", "22%", "32%", "14%", "10%"], map.exemptions.map((e) => [h(e.policy), `<code>${h(e.resource)}</code>`, h(e.reason), `${h(e.expires)}${e.expired ? ' <span class="mandatory">expired</span>' : e.expiresWithin30Days ? ' <span class="advisory">expires within 30 days</span>' : ""}`, String(e.matches.length)])) : "<p>None.</p>"}`;
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1f;max-width:72rem;margin:1.5em auto;padding:0 1em;overflow-wrap:anywhere}
h1{font-size:1.6em;margin:0 0 .2em} h2{font-size:1.25em;margin:1.6em 0 .5em;border-bottom:1px solid #ddd;padding-bottom:.15em} h3{font-size:1em;margin:.2em 0}
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

export function renderHtml(map: DataMap): string {
    const s = map.summary;
    const status = statusOf(s);
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${h(`${status.text}: ${map.subject.project}/${map.subject.stack}`)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}
</style></head><body>
<section class="stack">
<h1 class="${status.cls}">${h(status.text)}</h1>
<p>Russian personal data residency for stack <code>${h(map.subject.project)}/${h(map.subject.stack)}</code> (${h(map.subject.mode)} of <code>${h(map.subject.path)}</code>), policy pack ${h(map.pack.name)}@${h(map.pack.version)}, ${h(map.generatedAt)}.${s.stoppedAt ? ` The update stopped at <code>${h(s.stoppedAt)}</code>, as the engine stops at the first resource with a mandatory violation: resources after it were not analysed.` : ""}</p>
${stats(s)}
${stackSection(map)}
</section>
<p class="notice"><strong>Not legal advice.</strong> ${h(map.legal.notice.replace(/^Not legal advice\. /, ""))} Law file: <code>${h(map.legal.lawFile)}</code>, reviewed ${h(map.legal.lawReviewed)}.</p>
</body></html>
`;
}
