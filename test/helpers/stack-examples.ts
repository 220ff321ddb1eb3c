// Turn a stack policy example into harness specs or engine resources, resolving names to URNs.
import type { StackExample } from "../../policypack/policies/example-types";
import type { EngineResource } from "../../src/engine/runner";
import { engineResource } from "./examples";
import { StackResourceSpec, urnOf } from "./harness";

export function exampleUrns(ex: StackExample, urn: (type: string, name: string) => string): Map<string, string> {
    return new Map(ex.resources.map((r) => [r.name, urn(r.type, r.name)]));
}

function mapNames(names: readonly string[] | undefined, urns: Map<string, string>): string[] {
    return (names ?? []).map((n) => {
        const u = urns.get(n);
        if (!u) throw new Error(`example refers to unknown resource ${n}`);
        return u;
    });
}

export function harnessSpecs(ex: StackExample): StackResourceSpec[] {
    const urns = exampleUrns(ex, (t, n) => urnOf(t, n));
    return ex.resources.map((r) => ({
        type: r.type,
        name: r.name,
        props: r.props,
        provider: r.provider === undefined ? {} : r.provider,
        dependencies: mapNames(r.dependencies, urns),
        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, v]) => [k, mapNames(v, urns)])),
    }));
}

export function engineResources(ex: StackExample): EngineResource[] {
    const urns = exampleUrns(ex, (t, n) => engineResource({ type: t, name: n }).urn);
    return ex.resources.map((r) => ({
        ...engineResource(r),
        dependencies: mapNames(r.dependencies, urns),
        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, v]) => [k, mapNames(v, urns)])),
    }));
}
