// The data map as one self-contained HTML page: a diagram of stores and flows (inline SVG, no
// script, no network) and the details, laid out to read well on screen and on paper.
import { countryName } from "../../policypack/src/countries";
import { TRANSFER_TAGS, type DataMap, type FlowEnd } from "./data-map";
import { transferText } from "./markdown";

function h(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function where(inRussia: string, country?: string): string {
    if (inRussia === "yes") return "Russia (RU)";
    if (country) return countryName(country);
    return inRussia === "no" ? "outside Russia" : "location unknown";
}

interface Node {
    key: string;
    title: string;
    subtitle: string;
    inRussia: string;
    x: number;
    y: number;
}

const W = 300;
const H = 46;
const GAP = 18;
const COLS = { yes: 20, other: 520 };

function diagram(map: DataMap): string {
    const nodes = new Map<string, Node>();
    const column = { yes: 0, other: 0 };
    const add = (key: string, title: string, subtitle: string, inRussia: string) => {
        if (nodes.has(key)) return;
        const side = inRussia === "yes" ? "yes" : "other";
        nodes.set(key, { key, title, subtitle, inRussia, x: COLS[side], y: 50 + column[side]++ * (H + GAP) });
    };
    for (const s of map.stores) add(s.urn, s.name, `${s.type.split(":").slice(1).join(":")} · ${where(s.location.inRussia, s.location.country)}`, s.location.inRussia);
    const endKey = (e: FlowEnd) => e.urn ?? `external:${e.label}`;
    for (const f of map.flows) {
        for (const e of [f.from, f.to]) add(endKey(e), e.label.replace(/^[^"]*"(.*)"$/, "$1"), where(e.inRussia ?? "unknown", e.country), e.inRussia ?? "unknown");
    }
    const rows = Math.max(column.yes, column.other, 1);
    const height = 70 + rows * (H + GAP);
    const colour = (r: string) => (r === "yes" ? "#1b7f3b" : r === "no" ? "#b3261e" : "#a36b00");
    const parts: string[] = [];
    parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 840 ${height}" width="100%" role="img" aria-label="Stores of personal data and the flows between them">`);
    parts.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>');
    parts.push(`<text x="${COLS.yes}" y="28" class="col">In Russia</text><text x="${COLS.other}" y="28" class="col">Outside Russia, or not known</text>`);
    for (const f of map.flows) {
        const a = nodes.get(endKey(f.from));
        const b = nodes.get(endKey(f.to));
        if (!a || !b) continue;
        const x1 = a.x + W;
        const y1 = a.y + H / 2;
        const x2 = b.x === a.x ? b.x + W : b.x;
        const y2 = b.y + H / 2;
        const bend = b.x === a.x ? 60 : 0;
        parts.push(`<path d="M${x1},${y1} C${x1 + 80 + bend},${y1} ${x2 - 80 + (b.x === a.x ? 140 : 0)},${y2} ${x2},${y2}" fill="none" stroke="${colour(f.to.inRussia ?? "unknown")}" stroke-width="2" marker-end="url(#arrow)"><title>${h(`${f.kind} via ${f.flowResource.name}`)}</title></path>`);
    }
    for (const n of nodes.values()) {
        parts.push(`<g><rect x="${n.x}" y="${n.y}" width="${W}" height="${H}" rx="6" fill="#fff" stroke="${colour(n.inRussia)}" stroke-width="2"/>`);
        parts.push(`<text x="${n.x + 10}" y="${n.y + 19}" class="t">${h(n.title.slice(0, 40))}</text><text x="${n.x + 10}" y="${n.y + 36}" class="s">${h(n.subtitle.slice(0, 52))}</text></g>`);
    }
    parts.push("</svg>");
    return parts.join("\n");
}

export function renderHtml(map: DataMap): string {
    const s = map.summary;
    const status = s.blocked ? "Deployment blocked" : s.advisory > 0 ? "Passes with warnings" : "Passes";
    const rows = (cells: string[][]) => cells.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n");
    const stores = map.stores
        .map(
            (st) => `<section class="store"><h3>${h(st.type)} <code>${h(st.name)}</code></h3>
<dl><dt>Holds</dt><dd>${h(st.categories.join(", ") || "personal data")}; subjects ${h(st.subjects.join(", ") || "-")} (Russian personal data: ${st.russianPersonalData})</dd>
<dt>Classification</dt><dd>${h(st.classification.categoriesFrom)}; subjects ${h(st.classification.subjectsFrom)} <span class="tag">${h(st.classification.categoriesSource)}</span></dd>
<dt>Location</dt><dd><strong>${h(where(st.location.inRussia, st.location.country))}</strong> — ${h(st.location.how)}</dd>
${st.exemption ? `<dt>Exemption</dt><dd>${h(st.exemption.reason)} (until ${h(st.exemption.expires)}${st.exemption.expired ? ", expired" : ""})</dd>` : ""}
<dt>Verdicts</dt><dd>${st.analysed === false ? "not analysed: the update stopped at an earlier resource's mandatory violation, as the engine does" : st.verdicts.length ? st.verdicts.map((v) => `<span class="${v.level}">${v.level}</span> ${h(v.policy)}`).join("<br>") : "passes every policy"}</dd></dl></section>`,
        )
        .join("\n");
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${h(`${status}: ${map.subject.project}/${map.subject.stack}`)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;max-width:1000px;margin:2em auto;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em} .status-blocked{color:#b3261e} .status-warn{color:#a36b00} .status-ok{color:#1b7f3b}
table{border-collapse:collapse;width:100%;margin:1em 0} th,td{border:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3} code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}
dl{display:grid;grid-template-columns:9em 1fr;gap:.2em .8em;margin:.4em 0} dt{font-weight:600} dd{margin:0}
.mandatory{color:#b3261e;font-weight:600} .advisory{color:#a36b00;font-weight:600} .tag{background:#eef;border-radius:3px;padding:0 .3em;font-size:.85em}
svg text.col{font-weight:700;font-size:14px} svg text.t{font-size:13px;font-weight:600} svg text.s{font-size:11px;fill:#555}
section.store{border-top:1px solid #ddd;padding-top:.4em} .notice{border-top:2px solid #888;margin-top:2em;padding-top:.6em;font-size:.92em} pre{white-space:pre-wrap;background:#f7f7f7;padding:.6em;border-radius:4px}
@media print{body{margin:0;max-width:none;font-size:11pt} section,table,svg,pre{break-inside:avoid} a{color:inherit}}
</style></head><body>
<h1 class="${s.blocked ? "status-blocked" : s.advisory > 0 ? "status-warn" : "status-ok"}">${h(status)}</h1>
<p>Russian personal data residency for stack <code>${h(map.subject.project)}/${h(map.subject.stack)}</code> (${h(map.subject.mode)} of <code>${h(map.subject.path)}</code>), policy pack ${h(map.pack.name)}@${h(map.pack.version)}, ${h(map.generatedAt)}.</p>
<table><tr><th>Resources</th><th>Stores of personal data</th><th>with Russian subjects</th><th>Flows leaving Russia</th><th>Mandatory</th><th>Advisory</th><th>Unclassified storage</th><th>Exemptions (≤ 30 days left)</th></tr>
<tr><td>${s.resources}</td><td>${s.personalDataStores}</td><td>${s.russianPersonalDataStores}</td><td>${s.flowsLeavingRussia}</td><td>${s.mandatory}</td><td>${s.advisory}</td><td>${s.unclassifiedStorage}</td><td>${s.exemptions} (${s.exemptionsExpiringWithin30Days})</td></tr></table>
<h2>Map of stores and flows</h2>
${diagram(map)}
<h2>Violations</h2>
${map.violations.length ? `<table><tr><th>Level</th><th>Policy</th><th>Resource</th><th>Message</th></tr>${rows(map.violations.map((v) => [`<span class="${v.level}">${v.level}</span>`, h(v.policy), `${h(v.type)} <code>${h(v.name)}</code>`, `<pre>${h(v.message)}</pre>`]))}</table>` : "<p>None.</p>"}
<h2>Stores of personal data</h2>
${stores || "<p>No resource holds classified personal data.</p>"}
<h2>Flows</h2>
${map.flows.length ? `<table><tr><th>Flow</th><th>Resource</th><th>From</th><th>To</th><th>Declared transfer (${h(TRANSFER_TAGS)})</th></tr>${rows(map.flows.map((f) => [h(f.kind), `<code>${h(f.flowResource.name)}</code>`, h(`${f.from.label} (${where(f.from.inRussia ?? "unknown", f.from.country)})`), h(`${f.to.label} (${where(f.to.inRussia ?? "unknown", f.to.country)})`), h(transferText(f))]))}</table>` : "<p>None.</p>"}
<h2>Storage without a user-data tag</h2>
${map.unclassifiedStorage.length ? `<ul>${map.unclassifiedStorage.map((u) => `<li>${h(u.type)} <code>${h(u.name)}</code> (${h(u.service)})</li>`).join("")}</ul>` : "<p>None.</p>"}
<h2>Exemptions</h2>
${map.exemptions.length ? `<table><tr><th>Policy</th><th>Resource</th><th>Reason</th><th>Expires</th><th>Matches</th></tr>${rows(map.exemptions.map((e) => [h(e.policy), `<code>${h(e.resource)}</code>`, h(e.reason), `${h(e.expires)}${e.expired ? ' <span class="mandatory">expired</span>' : e.expiresWithin30Days ? ' <span class="advisory">expires within 30 days</span>' : ""}`, String(e.matches.length)]))}</table>` : "<p>None.</p>"}
<p class="notice"><strong>Not legal advice.</strong> ${h(map.legal.notice.replace(/^Not legal advice\. /, ""))} Law file: <code>${h(map.legal.lawFile)}</code>, reviewed ${h(map.legal.lawReviewed)}.</p>
</body></html>
`;
}
