// The shape of a policy's allowed and disallowed examples. They are the policy's documentation
// (docs/policies.md) and its tests (test/policies/examples.test.ts) at once.
import type { FindingCode } from "../src/decide/finding-codes";

export interface ExampleResource {
    type: string;
    name?: string;
    props?: Record<string, unknown>;
    /** The provider's inputs as the engine sends them; null for a component resource. */
    provider?: { type?: string; name?: string; props?: Record<string, unknown> } | null;
}

export interface PolicyExample {
    title: string;
    resource: ExampleResource;
    /** This policy's config, as in a --policy-pack-config file. */
    config?: Record<string, unknown>;
    stackTags?: Record<string, string>;
    /**
     * Set when the config breaks the policy's JSON schema: the Pulumi CLI then refuses to run at
     * all, with an error containing this fragment, before the pack sees a resource.
     */
    schemaRejects?: string;
    /** The outcome: no violation, or one of this kind (its finding code) at this level whose message contains these fragments. */
    expect: { level: "none" } | { level: "mandatory" | "advisory"; code: FindingCode; messageIncludes: string[] };
}

export interface PolicyExamples {
    allowed: PolicyExample[];
    disallowed: PolicyExample[];
}

/** The engine's placeholder for a value that is not known during preview. */
import { UNKNOWN } from "../src/values";
export { UNKNOWN };

export const YANDEX_S3_PROVIDER = {
    type: "pulumi:providers:aws",
    name: "yandex",
    props: {
        region: "ru-central1",
        endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]),
        skipCredentialsValidation: "true",
        skipRegionValidation: "true",
        skipRequestingAccountId: "true",
    },
};

export const FRANKFURT_PROVIDER = { props: { region: "eu-central-1" } };

/** A resource in a stack example; dependencies name other resources of the example by name. */
export interface StackExampleResource extends ExampleResource {
    name: string;
    dependencies?: string[];
    /** Top-level property → names of the resources its value came from. */
    propertyDependencies?: Record<string, string[]>;
}

/** An example for a stack policy: a whole (small) stack and the exact violations it gets. */
export interface StackExample {
    title: string;
    resources: StackExampleResource[];
    config?: Record<string, unknown>;
    stackTags?: Record<string, string>;
    /** Every violation, in any order: the resource (by name) it is reported against, its finding code, its level and message fragments. */
    expect: { resource: string; level: "mandatory" | "advisory"; code: FindingCode; messageIncludes: string[] }[];
}

export interface StackPolicyExamples {
    allowed: StackExample[];
    disallowed: StackExample[];
}
