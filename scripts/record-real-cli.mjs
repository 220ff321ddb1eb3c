// Re-record what the real pulumi CLI prints for the pack, after the pack's words changed on
// purpose: each test/fixtures/real-cli/preview/*.json that has violations (the label-* ones pin
// only how the pack's path is shortened, and have none), and the cases of
// test/fixtures/real-cli/config-refusal.json that the pack, not the CLI, decides (cliOutcome
// "blocked"). The CLI's own refusals do not depend on the pack's words and are left as recorded.
//
//   npm run build && RU_RESIDENCY_PULUMI=$(bash test/conformance/cli/pulumi-cli.sh) node scripts/record-real-cli.mjs
//
// Then read the diff: only what the pack's change should change may have changed.
import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { makeCliEnvironment } = require(path.join(ROOT, "dist/src/pulumi-cli/environment.js"));
const { CliProject } = require(path.join(ROOT, "dist/src/pulumi-cli/project.js"));

const pulumi = process.env.RU_RESIDENCY_PULUMI;
if (!pulumi || !fs.existsSync(pulumi)) throw new Error("set RU_RESIDENCY_PULUMI to the real pulumi CLI (bash test/conformance/cli/pulumi-cli.sh prints it)");
const PACK = path.join(ROOT, "policypack");
const today = new Date().toISOString().slice(0, 10);

/** The Policies section of a preview's output, through its closing blank line (as test/conformance/parity.test.ts reads it). */
function policiesSection(stdout) {
    const start = stdout.indexOf("Policies:\n");
    if (start < 0) return undefined;
    const rest = stdout.slice(start);
    const end = rest.search(/\n(Diagnostics|Outputs|Resources):\n/);
    return end < 0 ? rest : rest.slice(0, end + 1);
}

const env = makeCliEnvironment(pulumi);
try {
    const dir = path.join(ROOT, "test", "fixtures", "real-cli", "preview");
    for (const f of fs
        .readdirSync(dir)
        .filter((x) => x.endsWith(".json"))
        .sort()) {
        const file = path.join(dir, f);
        const r = JSON.parse(fs.readFileSync(file, "utf8"));
        if (r.violations.length === 0) continue;
        const project = new CliProject(env, path.join(ROOT, r.program), "dev");
        const init = await project.init();
        if (init.code !== 0) throw new Error(`${f}: stack init failed: ${init.stderr}`);
        let config = /--policy-pack-config (\S+)/.exec(r.command)?.[1];
        if (r.policyPackConfig !== undefined) {
            config = path.join(env.dir, `config-${f}`);
            fs.writeFileSync(config, JSON.stringify(r.policyPackConfig));
        }
        const res = await project.preview([PACK], config ? [path.resolve(ROOT, config)] : []);
        const section = policiesSection(res.stdout);
        if (!section) throw new Error(`${f}: no Policies section in\n${res.stdout}\n${res.stderr}`);
        const violations = res.events
            .map((e) => e.policyEvent)
            .filter(Boolean)
            .map((p) => ({
                resourceUrn: p.resourceUrn,
                policyName: p.policyName,
                policyPackName: p.policyPackName,
                policyPackVersion: p.policyPackVersion,
                enforcementLevel: p.enforcementLevel,
                severity: p.severity,
                message: p.message,
            }));
        Object.assign(r, { recorded: today, packArgument: PACK, exitCode: res.code, policiesSection: section, violations });
        fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
        process.stdout.write(`recorded ${f}: exit ${res.code}, ${violations.length} violations\n`);
    }

    const refusalFile = path.join(ROOT, "test", "fixtures", "real-cli", "config-refusal.json");
    const refusals = JSON.parse(fs.readFileSync(refusalFile, "utf8"));
    const program = path.join(ROOT, "test", "fixtures", "programs", "component");
    for (const c of refusals.cases.filter((x) => x.cliOutcome === "blocked")) {
        const project = new CliProject(env, program, "dev");
        const init = await project.init();
        if (init.code !== 0) throw new Error(`${c.name}: stack init failed: ${init.stderr}`);
        const pack = path.join(ROOT, c.pack);
        const config = path.join(env.dir, `config-${c.name}.json`);
        fs.writeFileSync(config, c.configText ?? JSON.stringify(c.config));
        const res = await project.preview([pack], [config]);
        const section = policiesSection(res.stdout);
        if (!section) throw new Error(`${c.name}: no Policies section in\n${res.stdout}\n${res.stderr}`);
        if (res.code !== c.cliExitCode) throw new Error(`${c.name}: exit ${res.code}, recorded ${c.cliExitCode}: the CLI's decision changed, not only the pack's words`);
        c.cliPoliciesSection = section.split(pack).join("<pack>");
        process.stdout.write(`recorded config-refusal ${c.name}\n`);
    }
    refusals.recorded = today;
    fs.writeFileSync(refusalFile, `${JSON.stringify(refusals, null, 2)}\n`);
} finally {
    env.dispose();
}
