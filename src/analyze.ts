// Analyse a stack's resources with a policy pack, through the engine-protocol runner, the way
// `pulumi preview --policy-pack` does: Analyze each resource, then AnalyzeStack once.
import * as fs from "node:fs";
import * as path from "node:path";
import { configureError, engineValidationErrors, goQuote, ignoredConfig, PackConfig, PackConfigError, readPackConfigDocument, reconcilePackConfig } from "./engine/pack-config";
import type { PolicyDescription } from "./engine/pack-config";
import { AnalyzerInfo, Diagnostic, EngineResource, PackSession } from "./engine/runner";
import type { AnalyzerSession, StackConfiguration } from "./engine/requests";
import { InputError } from "./program/stack-config";
import { differingSharedSettings } from "ru-data-residency/pack";

/** Analyze calls in flight at once (the engine, too, analyses steps in parallel). */
const ANALYZE_CONCURRENCY = 16;

export const DEFAULT_PACK_DIR = path.resolve(__dirname, "..", "..", "policypack");

export interface AnalysisOptions {
    packDir?: string;
    configFile?: string;
    project: string;
    stack: string;
    organization?: string;
    dryRun: boolean;
    stackTags?: Record<string, string>;
    /** The stack's configuration as the engine passes it to ConfigureStack (secrets decrypted). */
    stackConfig?: Record<string, string>;
    stackConfigSecretKeys?: string[];
    /** Resources as AnalyzeStack should see them (outputs); defaults to the Analyze ones. */
    stackResources?: EngineResource[];
    onProgress?: (done: number, total: number) => void;
    /** Where warnings about the config go (default: stderr, prefixed "ru-residency: warning: "). */
    onWarning?: (message: string) => void;
}

export interface ResourceDiagnostic extends Diagnostic {
    resourceType: string;
    resourceName: string;
}

export interface AnalysisResult {
    pack: { name: string; version: string; dir: string };
    /** The stack resource's URN, to which the engine attributes a stack policy's violation about no resource of the stack. */
    stackUrn?: string;
    policies: PolicyDescription[];
    config: PackConfig;
    diagnostics: ResourceDiagnostic[];
    resourceCount: number;
    /** An update that stopped at this resource's mandatory violation (the engine's bail). */
    stoppedAt?: string;
    /** `up` as the CLI runs it: the phase whose verdict this is. */
    phase?: "preview" | "update";
    mandatory: number;
    advisory: number;
}

/** What a bad config file gets: our one-line reason, then each error exactly as `pulumi preview` prints it. */
function refused(file: string | undefined, cliErrors: readonly string[]): InputError {
    return new InputError(`${file ?? "the policy pack config"}: invalid policy pack config:\n${cliErrors.map((e) => `error: ${e}`).join("\n")}`);
}

export interface PackConfigInput {
    config: PackConfig;
    environments: string[];
}

/** Read a --policy-pack-config file; the errors of the CLI's parsePolicyPackConfig are refused as it words them. */
export function readPackConfigFile(file: string | undefined): PackConfigInput {
    if (!file) return { config: {}, environments: [] };
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new InputError(`${file}: cannot read the policy pack config (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    // "Gracefully allow empty content."
    if (text.trim() === "") return { config: {}, environments: [] };
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (e) {
        throw new InputError(`${file}: the policy pack config is not valid JSON (${(e as Error).message})`);
    }
    try {
        return readPackConfigDocument(json);
    } catch (e) {
        if (e instanceof PackConfigError) throw refused(file, e.errors);
        throw e;
    }
}

/** Warnings already printed: `--update` checks the one config twice, for its preview and for its update. */
const printedWarnings = new Set<string>();
function warnOnce(message: string): void {
    if (printedWarnings.has(message)) return;
    printedWarnings.add(message);
    process.stderr.write(`ru-residency: warning: ${message}\n`);
}

/**
 * Reconcile the file's config with the pack's policies as pkg/engine/update.go does for a local
 * pack, and refuse what the CLI refuses, with its words: ESC environments (a DIY backend cannot
 * resolve them, and neither can we offline), validation errors (all of them, sorted, then
 * "validating policy config"), then an entry Configure cannot send. What it accepts but no policy
 * reads (an unknown policy or property) is accepted too, with a warning the CLI does not give.
 * The pack's own checks (real dates, country codes, broad globs) are left to the pack, which
 * reports them at Analyze time as violations, as under the CLI.
 */
export function checkPackConfig(
    info: { name: string; version: string; supportsConfig: boolean; policies: PolicyDescription[]; initialConfig: PackConfig },
    given: PackConfigInput,
    options: Pick<AnalysisOptions, "configFile" | "onWarning">,
    packDir: string,
): PackConfig {
    const packPath = path.relative(process.cwd(), packDir) || ".";
    if (given.environments.length > 0) {
        throw refused(options.configFile, [`policy pack at ${goQuote(packPath)} specifies ESC environments but the current backend does not support them`]);
    }
    if (!info.supportsConfig) {
        if (options.configFile) throw refused(options.configFile, [`policy pack ${goQuote(info.name)} at ${goQuote(packPath)} does not support config`]);
        return {};
    }
    const warn = options.onWarning ?? warnOnce;
    for (const w of ignoredConfig(info.policies, given.config)) warn(`${options.configFile ?? "the policy pack config"}: ${w}`);
    let config: PackConfig;
    try {
        config = reconcilePackConfig(info.policies, info.initialConfig, given.config);
    } catch (e) {
        if (e instanceof PackConfigError) throw refused(options.configFile, engineValidationErrors(info, e.errors));
        throw e;
    }
    const takes = Object.fromEntries(info.policies.map((p) => [p.name, Object.keys(p.configSchema?.properties ?? {})]));
    const configs = Object.fromEntries(Object.entries(config).map(([k, c]) => [k, c.properties]));
    for (const w of differingSharedSettings(configs, takes)) warn(`${options.configFile ?? "the policy pack config"}: ${w}`);
    const notConfigurable = configureError(config);
    if (notConfigurable) throw refused(options.configFile, [`configuring policy pack ${goQuote(info.name)} at ${goQuote(packPath)}: ${notConfigurable}`]);
    return config;
}

export async function analyzeResources(resources: EngineResource[], options: AnalysisOptions): Promise<AnalysisResult> {
    const given = readPackConfigFile(options.configFile);
    const packDir = options.packDir ?? DEFAULT_PACK_DIR;
    const session = await PackSession.start(packDir);
    try {
        // The engine's order (sdk/go/common/resource/plugin/analyzer_plugin.go NewPolicyAnalyzer,
        // then pkg/engine/update.go loadPolicyPlugins): handshake, the stack's configuration,
        // plugin and analyzer info, then the pack's configuration.
        await session.handshake(session.engineAddress);
        await session.configureStack(stackConfigurationOf(options));
        await session.getPluginInfo();
        const info = await session.getAnalyzerInfo();
        const config = checkPackConfig(info, given, options, packDir);
        await session.configure(config);
        // The engine analyses resources as their steps run, many at once.
        const found = await analyseEach(session, resources, options, { concurrency: ANALYZE_CONCURRENCY, progressEvery: 100 });
        await session.cancel();
        return analysisResult(resources, found, info, config, options, packDir);
    } finally {
        await session.close();
    }
}

/** What the engine tells the pack about the stack (ConfigureStack), from the analysis options. */
export function stackConfigurationOf(options: AnalysisOptions): StackConfiguration {
    return {
        stack: options.stack,
        project: options.project,
        organization: options.organization ?? "organization",
        dryRun: options.dryRun,
        tags: options.stackTags,
        config: options.stackConfig,
        configSecretKeys: options.stackConfigSecretKeys,
    };
}

interface Found {
    diagnostics: Diagnostic[];
    stoppedAt?: string;
}

/**
 * Remediate and Analyze for every resource the engine steps (the stack resource included), then
 * AnalyzeStack, with at most `concurrency` calls in flight and the results in resource order.
 */
export async function analyseEach(
    session: AnalyzerSession,
    resources: readonly EngineResource[],
    options: Pick<AnalysisOptions, "dryRun" | "stackResources" | "onProgress">,
    schedule: { concurrency: number; progressEvery: number },
): Promise<Found> {
    const perResource: Diagnostic[][] = new Array(resources.length);
    let next = 0;
    let done = 0;
    // In an update (not a preview) a mandatory violation makes the resource invalid and the
    // engine bails before stepping it (pkg/resource/deploy/analyze_snapshot.go analyzeResource,
    // step_generator.go "resource %s is invalid"): nothing after it is analysed, and the stack
    // policies never run. Resources are then taken one at a time, so the stop is exact.
    let stoppedAt: string | undefined;
    const bail = !options.dryRun;
    const worker = async () => {
        while (next < resources.length && !stoppedAt) {
            const i = next++;
            await session.remediate(resources[i]!);
            perResource[i] = await session.analyze(resources[i]!);
            if (bail && perResource[i]!.some((d) => d.enforcementLevel === "mandatory")) stoppedAt ??= resources[i]!.urn;
            done++;
            if (options.onProgress && (done % schedule.progressEvery === 0 || done === resources.length)) options.onProgress(done, resources.length);
        }
    };
    await Promise.all(Array.from({ length: bail ? 1 : Math.max(1, Math.min(schedule.concurrency, resources.length)) }, worker));
    const diagnostics: Diagnostic[] = [];
    for (const d of perResource) if (d) diagnostics.push(...d);
    if (!stoppedAt) diagnostics.push(...(await session.analyzeStack(options.stackResources ?? resources)));
    return { diagnostics, stoppedAt };
}

/** The analysis as every output reads it: each diagnostic with its resource's type and name, in an order that does not vary between runs. */
export function analysisResult(
    resources: readonly EngineResource[],
    found: Found,
    info: Pick<AnalyzerInfo, "name" | "version" | "policies">,
    config: PackConfig,
    options: Pick<AnalysisOptions, "stack" | "project">,
    packDir: string,
): AnalysisResult {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    // Registration order varies between runs of a program; reports must not.
    const levelRank = (l: string) => (l === "mandatory" ? 0 : l === "advisory" ? 1 : 2);
    const withNames: ResourceDiagnostic[] = found.diagnostics
        .map((d) => {
            const r = byUrn.get(d.urn);
            return { ...d, resourceType: r?.type ?? "", resourceName: r?.name ?? "" };
        })
        .sort((a, b) => levelRank(a.enforcementLevel) - levelRank(b.enforcementLevel) || a.urn.localeCompare(b.urn) || a.policyName.localeCompare(b.policyName));
    return {
        pack: { name: info.name, version: info.version, dir: packDir },
        stackUrn: `urn:pulumi:${options.stack}::${options.project}::pulumi:pulumi:Stack::${options.project}-${options.stack}`,
        policies: info.policies,
        config,
        diagnostics: withNames,
        resourceCount: resources.filter((r) => r.type !== "pulumi:pulumi:Stack").length,
        stoppedAt: found.stoppedAt,
        mandatory: withNames.filter((d) => d.enforcementLevel === "mandatory").length,
        advisory: withNames.filter((d) => d.enforcementLevel === "advisory").length,
    };
}

/**
 * `pulumi up` as the CLI runs it (pkg/backend/apply.go, PreviewThenPromptThenExecute): a preview
 * first, which stops the update when any mandatory violation is found; then the update, which
 * the engine stops at the first resource with a mandatory violation and which runs the stack
 * policies only on the resources as they exist after it.
 */
export async function analyzeUpdate(
    preview: { resources: EngineResource[]; stackResources?: EngineResource[] },
    update: () => Promise<{ resources: EngineResource[]; stackResources?: EngineResource[] }>,
    options: Omit<AnalysisOptions, "dryRun" | "stackResources">,
): Promise<AnalysisResult> {
    const previewed = await analyzeResources(preview.resources, { ...options, dryRun: true, stackResources: preview.stackResources });
    if (previewed.mandatory > 0) return { ...previewed, phase: "preview" };
    const updated = await update();
    const result = await analyzeResources(updated.resources, { ...options, dryRun: false, stackResources: updated.stackResources });
    return { ...result, phase: "update" };
}
