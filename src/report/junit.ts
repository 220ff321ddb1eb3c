// The policies' verdicts as JUnit XML: one test suite per policy, one test case per (policy,
// resource). A mandatory violation is a failure; an advisory one passes with the warning in
// system-out, so CI dashboards count blocking findings only.
import type { DataMap } from "./data-map";
import type { ReportFormat } from "./format";
import { stackMaps } from "./organisation-map";

function xml(text: string): string {
    return text
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;");
}

export interface JunitResource {
    urn: string;
    type: string;
    name: string;
}

/** One test suite per policy for one stack's map; `suffix` follows each suite's name (an organisation's stack). */
function suitesOf(map: DataMap, resources: readonly JunitResource[], suffix = ""): { suites: string[]; total: number; failures: number } {
    // The engine's own resources (stack, providers) hold no data: no policy here applies to them.
    const analysed = resources.filter((r) => !r.type.startsWith("pulumi:"));
    // An update that stopped at a mandatory violation never analysed the resources after it:
    // those cases are skipped, not passed.
    const stopIndex = map.summary.stoppedAt ? resources.findIndex((r) => r.urn === map.summary.stoppedAt) : -1;
    const notAnalysed = new Set(stopIndex >= 0 ? resources.slice(stopIndex + 1).map((r) => r.urn) : []);
    const skippedMessage = `not analysed: the update stopped at ${map.summary.stoppedAt ?? ""}, as the engine stops at the first resource with a mandatory violation`;
    const suites: string[] = [];
    let total = 0;
    let failures = 0;
    // One pass over the violations, so a large stack is not policies × resources × violations.
    const byCase = new Map<string, DataMap["violations"]>();
    for (const v of map.violations) {
        const key = `${v.policy}\u0000${v.urn}`;
        const list = byCase.get(key);
        if (list) list.push(v);
        else byCase.set(key, [v]);
    }
    for (const p of map.policies) {
        if (p.enforcementLevel === "disabled") continue;
        const cases: string[] = [];
        let suiteFailures = 0;
        let suiteSkipped = 0;
        for (const r of analysed) {
            const found = byCase.get(`${p.name}\u0000${r.urn}`) ?? [];
            const attrs = `name="${xml(`${r.type}::${r.name}`)}" classname="${xml(p.name)}" time="0"`;
            const mandatory = found.filter((v) => v.level === "mandatory");
            const advisory = found.filter((v) => v.level === "advisory");
            if (found.length === 0 && notAnalysed.has(r.urn)) {
                suiteSkipped++;
                cases.push(`    <testcase ${attrs}>\n      <skipped message="${xml(skippedMessage)}"/>\n    </testcase>`);
                continue;
            }
            if (found.length === 0) {
                cases.push(`    <testcase ${attrs}/>`);
                continue;
            }
            const body: string[] = [];
            if (mandatory.length > 0) {
                suiteFailures++;
                const first = mandatory[0]!;
                // The failure's one line: the finding code, then the finding (the line after the policy's description).
                const line = first.message.split("\n")[1] ?? first.message;
                body.push(`      <failure message="${xml(first.code ? `${first.code}: ${line}` : line)}" type="mandatory">${xml(mandatory.map((v) => v.message).join("\n\n"))}</failure>`);
            }
            if (advisory.length > 0) body.push(`      <system-out>${xml(advisory.map((v) => `advisory: ${v.message}`).join("\n\n"))}</system-out>`);
            cases.push(`    <testcase ${attrs}>\n${body.join("\n")}\n    </testcase>`);
        }
        total += cases.length;
        failures += suiteFailures;
        suites.push(
            `  <testsuite name="${xml(`${p.name}${suffix}`)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}" time="0" timestamp="${map.generatedAt.slice(0, 19)}">\n` +
                `    <properties>\n      <property name="severity" value="${xml(p.severity)}"/>\n      <property name="enforcementLevel" value="${xml(p.enforcementLevel)}"/>\n` +
                `      <property name="notice" value="${xml(map.legal.notice)}"/>\n      <property name="lawFile" value="${xml(map.legal.lawFile)} (reviewed ${xml(map.legal.lawReviewed)})"/>\n    </properties>\n` +
                `${cases.join("\n")}\n  </testsuite>`,
        );
    }
    return { suites, total, failures };
}

function document(name: string, parts: readonly { suites: string[]; total: number; failures: number }[]): string {
    const total = parts.reduce((n, p) => n + p.total, 0);
    const failures = parts.reduce((n, p) => n + p.failures, 0);
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${xml(name)}" tests="${total}" failures="${failures}" errors="0" time="0">`,
        ...parts.flatMap((p) => p.suites),
        "</testsuites>",
        "",
    ].join("\n");
}

export function renderJunit(map: DataMap, resources: readonly JunitResource[]): string {
    return document(`${map.pack.name}@${map.pack.version} ${map.subject.project}/${map.subject.stack}`, [suitesOf(map, resources)]);
}

/** An organisation: one test suite per (policy, stack), named "policy (project/stack)". */
export function renderJunitOrganisation(pack: DataMap["pack"], stacks: readonly { map: DataMap; resources: readonly JunitResource[] }[]): string {
    return document(
        `${pack.name}@${pack.version} ${stacks.length} stacks`,
        stacks.map((s) => suitesOf(s.map, s.resources, ` (${s.map.subject.project}/${s.map.subject.stack})`)),
    );
}

export const JUNIT_FORMAT: ReportFormat = {
    name: "junit",
    fullReportExtensions: [],
    render: ({ map, resources }) =>
        map.stacks
            ? renderJunitOrganisation(
                  map.pack,
                  stackMaps(map).map((m, i) => ({ map: m, resources: resources[i]! })),
              )
            : renderJunit(map, resources[0]!),
};
