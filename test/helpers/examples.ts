// Turn a policy example into what the engine would send for it.
import type { ExampleResource } from "../../policypack/policies/example-types";
import type { EngineResource } from "../../src/engine/runner";
import { UNKNOWN } from "../../policypack/src/values";

export function engineResource(r: ExampleResource, stack = "dev", project = "examples"): EngineResource {
    const name = r.name ?? "res";
    const urn = `urn:pulumi:${stack}::${project}::${r.type}::${name}`;
    const pkg = r.type.split(":")[0] ?? "aws";
    let provider: EngineResource["provider"];
    if (r.provider !== null) {
        const p = r.provider ?? {};
        const type = p.type ?? `pulumi:providers:${pkg}`;
        const pname = p.name ?? `default_${pkg}`;
        provider = { urn: `urn:pulumi:${stack}::${project}::${type}::${pname}`, type, name: pname, props: p.props ?? {} };
    }
    return { urn, type: r.type, name, custom: r.provider !== null, props: r.props ?? {}, provider, dependencies: [], propertyDependencies: {} };
}

/** True if the example carries an unknown value, which only a preview can have. */
export function hasUnknown(value: unknown): boolean {
    return JSON.stringify(value ?? null).includes(UNKNOWN);
}
