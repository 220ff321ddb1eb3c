// Build stacks for the flow tests directly as the pure functions see them.
import { endpointKeysFor } from "../../policypack/src/locate/aws";
import { readSettings, Settings } from "../../policypack/src/decide/config";
import { decideCrossBorder, StackFinding } from "../../policypack/src/decide/cross-border";
import type { StackResource } from "../../policypack/src/flows/stack";

import { UNKNOWN } from "../../policypack/src/values";
export { UNKNOWN };
export const PERSONAL_RU = { "user-data": "personal", "data-subjects": "RU" };

export type Place = "ru" | "abroad" | "unknown";

/**
 * A provider placed in Russia through endpointCountries (every service key of the types given), in
 * Frankfurt, or one whose endpoints and region are unknown (preview). A provider with only its
 * region unknown and no endpoints is AWS, hence abroad, not unknown (issue class 2).
 */
export function provider(place: Place, types: readonly string[] = []): StackResource["provider"] {
    if (place === "abroad") return { type: "pulumi:providers:aws", name: "frankfurt", urn: "urn:pulumi:t::t::pulumi:providers:aws::frankfurt", props: { region: "eu-central-1" } };
    if (place === "unknown") return { type: "pulumi:providers:aws", name: "later", urn: "urn:pulumi:t::t::pulumi:providers:aws::later", props: { region: UNKNOWN, endpoints: UNKNOWN } };
    const endpoints: Record<string, string> = {};
    for (const t of types) for (const k of endpointKeysFor(t)) endpoints[k] = "https://cloud.example.ru";
    return { type: "pulumi:providers:aws", name: "ru", urn: "urn:pulumi:t::t::pulumi:providers:aws::ru", props: { region: "ru-central1", endpoints: JSON.stringify([endpoints]) } };
}

export function urn(type: string, name: string): string {
    return `urn:pulumi:t::t::${type}::${name}`;
}

export interface Spec {
    type: string;
    name: string;
    props?: Record<string, unknown>;
    place?: Place;
    deps?: Record<string, string[] | undefined>;
}

/** Resources from specs; deps name resources by name (or by a URN, for one not in the stack); the "ru" provider serves every type in the stack. */
export function stack(specs: readonly Spec[]): StackResource[] {
    const types = [...new Set(specs.map((s) => s.type))];
    const providers = new Map<Place, StackResource["provider"]>((["ru", "abroad", "unknown"] as const).map((p) => [p, provider(p, types)]));
    const byName = new Map(specs.map((s) => [s.name, urn(s.type, s.name)]));
    return specs.map((s) => {
        const propertyDependencies: Record<string, string[]> = {};
        for (const [k, names] of Object.entries(s.deps ?? {})) if (names) propertyDependencies[k] = names.map((n) => byName.get(n) ?? n);
        return {
            type: s.type,
            name: s.name,
            urn: urn(s.type, s.name),
            props: s.props ?? {},
            provider: providers.get(s.place ?? "ru"),
            dependencies: Object.values(propertyDependencies).flat(),
            propertyDependencies,
        };
    });
}

export function settings(config: Record<string, unknown> = {}): Settings {
    const read = readSettings({ endpointCountries: { "*.example.ru": "RU" }, ...config }, "2026-01-01");
    if (read.errors.length > 0) throw new Error(read.errors.join("; "));
    return read.settings;
}

export function decide(specs: readonly Spec[], config: Record<string, unknown> = {}): StackFinding[] {
    return decideCrossBorder({ resources: stack(specs) }, settings(config));
}

/** [urn, downgrade] of each finding, sorted, for exact comparisons. */
export function outcome(findings: readonly StackFinding[]): [string, boolean][] {
    return findings.map((f): [string, boolean] => [f.urn, f.downgrade]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
