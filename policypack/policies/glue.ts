// The thin edge between @pulumi/policy and the pack's pure decisions. Everything a policy does
// at run time passes through here, so this is where "never throw" is enforced.
import type { ReportViolation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import type { StackFinding, StackInput } from "../src/decide/cross-border";
import { withoutProviderComputedUnknowns } from "../src/flows/planned-state";
import type { StackResource } from "../src/flows/stack";
import { ReadSettings, readSettingsCached, Settings, todayUtc } from "../src/decide/config";
import { FindingCode, findingLine } from "../src/decide/finding-codes";
import type { Finding, ResourceInput } from "../src/decide/localization";
import { unwrapProxy } from "../src/values";

/** The resource as the pack's pure functions see it: plain values, unknowns as sentinels. */
export function resourceInput(args: ResourceValidationArgs): ResourceInput {
    const provider = args.provider ? { type: args.provider.type, name: args.provider.name, urn: args.provider.urn, props: unwrapProxy(args.provider.props) } : undefined;
    return { type: args.type, name: args.name, urn: args.urn, props: unwrapProxy(args.props), provider, stackTags: args.stackTags };
}

type ViolationObject = { message: string; enforcementLevel: "advisory"; urn?: string };

/**
 * Report a finding. A finding that rests only on unknown values becomes advisory under
 * onUnknown: warn, and one marked advisory (a copy that is switched off) always is; everything else keeps the level the policy runs at (mandatory by default, or
 * whatever the pack config set), so the pack never raises a level above the user's choice.
 */
export function reportFinding(report: ReportViolation, description: string, finding: Finding, settings: Settings, urn?: string): void {
    const message = withCode(finding.message, finding.code);
    if (finding.advisory || (finding.downgrade && settings.onUnknown === "warn")) {
        const violation: ViolationObject = { message: `${description}\n${message}`, enforcementLevel: "advisory", urn };
        // @pulumi/policy accepts a violation object at run time (server.js makeReportViolationFun);
        // its type declaration only lists the string form.
        (report as unknown as (v: ViolationObject) => void)(violation);
    } else {
        report(message, urn);
    }
}

/** A violation message: the engine passes on only its text, so the code goes on its last line. */
export function withCode(message: string, code: FindingCode): string {
    return `${message}\n${findingLine(code)}`;
}

// The same words from the resource and the stack policies, so users see one message per problem.
function invalidConfigMessage(read: ReadSettings): string {
    // Only exemptions wrong: the exemption code, whose page says what an exemption needs.
    const code = read.exemptionErrors.length === read.errors.length ? "RU152-CFG-002" : "RU152-CFG-001";
    return withCode(
        `The policy pack config for this policy is invalid, so the policy cannot decide and blocks: ${read.errors.join("; ")}.\nFix: correct the config file given with --policy-pack-config.`,
        code,
    );
}

function unreadableInputMessage(e: unknown): string {
    return withCode(`The policy could not read its input (${describeError(e)}) and blocks rather than guess. Please report this as a bug.`, "RU152-PACK-001");
}

export function describeError(e: unknown): string {
    const text = e instanceof Error ? e.message : String(e);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Build a validateResource from a pure decision. Bad config and internal errors become
 * violations at the policy's level: the pack fails closed and says why, and never throws into
 * the engine (which would turn every preview in the organisation into an error).
 */
export function resourceValidation(description: string, decide: (input: ResourceInput, settings: Settings) => Finding[]): (args: ResourceValidationArgs, report: ReportViolation) => void {
    return (args, report) => {
        let input: ResourceInput;
        let settings: Settings;
        try {
            const read = readSettingsCached(args.getConfig(), todayUtc());
            input = resourceInput(args);
            if (read.errors.length > 0) {
                if (input.type.startsWith("pulumi:")) return;
                report(invalidConfigMessage(read));
                return;
            }
            settings = read.settings;
        } catch (e) {
            report(unreadableInputMessage(e));
            return;
        }
        try {
            for (const finding of decide(input, settings)) reportFinding(report, description, finding, settings);
        } catch (e) {
            report(
                withCode(
                    `${input.type} ${JSON.stringify(input.name)}: the policy failed while deciding (${describeError(e)}) and blocks rather than guess. Please report this as a bug.`,
                    "RU152-PACK-002",
                ),
            );
        }
    };
}

/** The stack as the pack's pure functions see it: plain values, dependencies as URNs. */
export function stackInput(args: StackValidationArgs): StackInput {
    const resources: StackResource[] = [];
    for (const r of args.resources) {
        const provider = r.provider ? { type: r.provider.type, name: r.provider.name, urn: r.provider.urn, props: unwrapProxy(r.provider.props) } : undefined;
        const propertyDependencies: Record<string, string[]> = {};
        for (const [k, deps] of Object.entries(r.propertyDependencies ?? {})) propertyDependencies[k] = (deps ?? []).map((d) => d.urn);
        resources.push({
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: withoutProviderComputedUnknowns(unwrapProxy(r.props), propertyDependencies),
            provider,
            parent: r.parent?.urn,
            dependencies: (r.dependencies ?? []).map((d) => d.urn),
            propertyDependencies,
            stackTags: args.stackTags,
        });
    }
    return { resources, stackTags: args.stackTags };
}

/**
 * Build a validateStack from a pure decision, with the same rules as resourceValidation: bad
 * config and internal errors become violations at the policy's level, never exceptions. Each
 * finding is reported against the URN it names.
 */
export function stackValidation(description: string, decide: (input: StackInput, settings: Settings) => StackFinding[]): (args: StackValidationArgs, report: ReportViolation) => void {
    return (args, report) => {
        let input: StackInput;
        let settings: Settings;
        try {
            const read = readSettingsCached(args.getConfig(), todayUtc());
            if (read.errors.length > 0) {
                report(invalidConfigMessage(read));
                return;
            }
            settings = read.settings;
            input = stackInput(args);
        } catch (e) {
            report(unreadableInputMessage(e));
            return;
        }
        try {
            for (const finding of decide(input, settings)) reportFinding(report, description, finding, settings, finding.urn);
        } catch (e) {
            report(withCode(`The policy failed while deciding for the stack (${describeError(e)}) and blocks rather than guess. Please report this as a bug.`, "RU152-PACK-002"));
        }
    };
}
