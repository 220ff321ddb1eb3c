import type { StackValidationPolicy } from "@pulumi/policy";
import { configSchema, RESIDENCY_PROPERTIES } from "../src/decide/config";
import { decideCrossBorder } from "../src/decide/cross-border";
import { FRAMEWORK_152FZ, policyUrl } from "./metadata";
import { stackValidation } from "./glue";

export const name = "ru-personal-data-cross-border-transfer";
const description = "Copies of Russian users' personal data (replicas, backups, snapshot copies, exports, streams, logs) must stay in Russia (152-FZ Art. 18(5), Art. 12).";

export const crossBorderPolicy: StackValidationPolicy = {
    name,
    displayName: "Copies of Russian users' personal data stay in Russia",
    description,
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: { ...FRAMEWORK_152FZ, specification: "Art. 18 part 5 (localization) and Art. 12 (cross-border transfer)" },
    tags: ["data-residency", "personal-data", "russia", "152-fz", "cross-border-transfer"],
    remediationSteps: [
        "1. Read the message: it names the flow resource, the source store (and why it holds Russian users' personal data), the destination and where it is, and how each was found.",
        "2. Point the replica, backup copy, snapshot copy, export or stream at a destination in Russia, or remove it.",
        "3. If your lawyers accept a foreign copy of a primary database in Russia, set transfers: declared, tag the flow resource with cross-border-transfer = <Roskomnadzor notification number>, and send it only to an adequate country (or set allowNonAdequate: true).",
        "4. If a destination outside the stack cannot be located (an S3 bucket ARN has no region), add it to destinationLocations.",
        "5. For a migration window only, add an exemption with resource (the flow resource), reason and expires to this policy's config.",
    ].join("\n"),
    url: policyUrl(name),
    configSchema: configSchema([
        ...RESIDENCY_PROPERTIES,
        "transfers",
        "allowNonAdequate",
        "adequateCountries",
        "destinationLocations",
    ]),
    validateStack: stackValidation(description, decideCrossBorder),
};
