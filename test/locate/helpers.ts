// Building the resource views the location resolvers see.
import type { LocationSettings, ResourceView } from "../../policypack/src/locate";
import { DEFAULT_LOCATION_SETTINGS } from "../../policypack/src/locate";

import { UNKNOWN } from "../../policypack/src/values";
export { UNKNOWN };

export function view(type: string, props: Record<string, unknown> = {}, providerProps: Record<string, unknown> = {}, providerName?: string): ResourceView {
    const pkg = type.split(":")[0]!;
    const name = providerName ?? `default_${pkg}`;
    return {
        type,
        name: "res",
        urn: `urn:pulumi:dev::proj::${type}::res`,
        props,
        provider: { type: `pulumi:providers:${pkg}`, name, urn: `urn:pulumi:dev::proj::pulumi:providers:${pkg}::${name}`, props: providerProps },
    };
}

export function settings(overrides: Partial<LocationSettings> = {}): LocationSettings {
    return { ...DEFAULT_LOCATION_SETTINGS, ...overrides };
}
