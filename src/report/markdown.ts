// The data map as Markdown for a pull-request comment: a summary table first, details after.
import { countryName } from "../../policypack/src/countries";
import { TRANSFER_TAGS, type DataMap, type FlowEnd, type FlowEntry, type StoreEntry } from "./data-map";

function esc(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ").replace(/</g, "&lt;");
}

function where(l: { inRussia: string; country?: string }): string {
    if (l.inRussia === "yes") return "Russia (RU)";
    if (l.country) return countryName(l.country);
    return l.inRussia === "no" ? "outside Russia" : "unknown";
}

function firstLine(message: string): string {
    const lines = message.split("\n");
    return lines.length > 1 ? lines[1]! : lines[0]!;
}

function end(e: FlowEnd): string {
    return `${e.label} (${where({ inRussia: e.inRussia ?? "unknown", country: e.country })})`;
}

/** The evidence a declared transfer carries, as the auditor reads it. */
export function transferText(f: FlowEntry): string {
    if (!f.transfer) return "none tagged";
    return `notification ${f.transfer.notification ?? "(no identifier)"}, filed ${f.transfer.filed ?? "(no date)"}`;
}

function store(s: StoreEntry, flows: ReadonlyMap<string, FlowEntry>): string {
    const out = [`#### ${esc(s.type)} \`${esc(s.name)}\``, ""];
    out.push(`- **Holds:** ${s.categories.length ? s.categories.join(", ") : "personal data"}; subjects ${s.subjects.join(", ") || "-"} — Russian personal data: **${s.russianPersonalData}**`);
    out.push(`- **Classification:** ${esc(s.classification.categoriesFrom)}; subjects ${esc(s.classification.subjectsFrom)} (source: ${s.classification.categoriesSource}${s.classification.subjectsSource !== s.classification.categoriesSource ? ` / ${s.classification.subjectsSource}` : ""})`);
    out.push(`- **Location:** ${where(s.location)}${s.location.region ? `, ${esc(s.location.region)}` : ""} — ${esc(s.location.how)}`);
    for (const id of s.flowsOut) {
        const f = flows.get(id);
        if (f) out.push(`- **Flow out:** ${esc(f.kind)} via \`${esc(f.flowResource.name)}\` → ${esc(end(f.to))}`);
    }
    for (const id of s.flowsIn) {
        const f = flows.get(id);
        if (f) out.push(`- **Flow in:** ${esc(f.kind)} via \`${esc(f.flowResource.name)}\` from ${esc(end(f.from))}`);
    }
    if (s.exemption) out.push(`- **Exemption:** ${esc(s.exemption.reason)} (until ${s.exemption.expires}${s.exemption.expired ? ", EXPIRED" : ""}; ${s.exemption.policy})`);
    out.push(`- **Verdicts:** ${s.verdicts.length ? s.verdicts.map((v) => `${v.level} ${v.policy}`).join("; ") : "passes every policy"}`);
    out.push("");
    return out.join("\n");
}

export function renderMarkdown(map: DataMap): string {
    const s = map.summary;
    const status = s.blocked ? "🛑 Deployment blocked" : s.advisory > 0 ? "⚠️ Passes with warnings" : "✅ Passes";
    const out: string[] = [];
    out.push(`## ${status}: Russian personal data residency`, "");
    out.push(`Stack \`${esc(map.subject.project)}/${esc(map.subject.stack)}\` (${map.subject.mode} of \`${esc(map.subject.path)}\`), policy pack ${map.pack.name}@${map.pack.version}.`, "");
    out.push("| Resources | Stores of personal data | with Russian subjects | Flows leaving Russia | Mandatory | Advisory | Unclassified storage | Exemptions (≤ 30 days left) |");
    out.push("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    out.push(`| ${s.resources} | ${s.personalDataStores} | ${s.russianPersonalDataStores} | ${s.flowsLeavingRussia} | ${s.mandatory} | ${s.advisory} | ${s.unclassifiedStorage} | ${s.exemptions} (${s.exemptionsExpiringWithin30Days}) |`, "");
    if (map.violations.length > 0) {
        out.push("### Violations", "", "| Level | Policy | Resource | Finding |", "| --- | --- | --- | --- |");
        for (const v of map.violations) out.push(`| ${v.level} | \`${v.policy}\` | ${esc(v.type)} \`${esc(v.name)}\` | ${esc(firstLine(v.message))} |`);
        out.push("");
    }
    const expiring = map.exemptions.filter((e) => e.expiresWithin30Days || e.expired);
    if (expiring.length > 0) {
        out.push("### Exemptions that need attention", "");
        for (const e of expiring) out.push(`- \`${esc(e.resource)}\` (${e.policy}): ${e.expired ? `**expired on ${e.expires}** and no longer applies` : `**expires on ${e.expires}**`} — ${esc(e.reason)}`);
        out.push("");
    }
    out.push("### Data map", "");
    if (map.stores.length === 0) out.push("No resource holds classified personal data.", "");
    const flowsById = new Map(map.flows.map((f) => [f.id, f]));
    for (const st of map.stores) out.push(store(st, flowsById));
    if (map.flows.length > 0) {
        out.push("### Flows", "", `| Flow | Resource | From | To | Declared transfer (${TRANSFER_TAGS}) |`, "| --- | --- | --- | --- | --- |");
        for (const f of map.flows) out.push(`| ${esc(f.kind)} | \`${esc(f.flowResource.name)}\` | ${esc(end(f.from))} | ${esc(end(f.to))} | ${esc(transferText(f))} |`);
        out.push("");
    }
    if (map.unclassifiedStorage.length > 0) {
        out.push("### Storage without a user-data tag", "");
        for (const u of map.unclassifiedStorage) out.push(`- ${esc(u.type)} \`${esc(u.name)}\` (${esc(u.service)})`);
        out.push("");
    }
    if (map.exemptions.length > 0) {
        out.push("### Exemptions", "", "| Policy | Resource | Reason | Expires | Matches |", "| --- | --- | --- | --- | ---: |");
        for (const e of map.exemptions) out.push(`| ${e.policy} | \`${esc(e.resource)}\` | ${esc(e.reason)} | ${e.expires}${e.expired ? " (expired)" : e.expiresWithin30Days ? " (soon)" : ""} | ${e.matches.length} |`);
        out.push("");
    }
    if (map.violations.length > 0) {
        out.push("<details><summary>Full messages</summary>", "");
        for (const v of map.violations) out.push(`**[${v.level}] ${v.policy}** on ${esc(v.type)} \`${esc(v.name)}\``, "", "```", v.message, "```", "");
        out.push("</details>", "");
    }
    out.push(`> **Not legal advice.** ${esc(map.legal.notice.replace(/^Not legal advice\. /, ""))} Law file: \`${esc(map.legal.lawFile)}\`, reviewed ${map.legal.lawReviewed}.`, "");
    return out.join("\n");
}
