import type { StackValidationPolicy } from "@pulumi/policy";
import { configSchema, RESIDENCY_PROPERTIES } from "../src/decide/config";
import { decideCrossBorder } from "../src/decide/cross-border";
import { FRAMEWORK_152FZ, policyUrl } from "./metadata";
import { stackValidation } from "./glue";

export const name = "ru-personal-data-cross-border-transfer";
const description = "Copies of Russian citizens' personal data (replicas, backups, snapshot copies, exports, streams, logs) must stay in Russia (152-FZ Art. 18(5), Art. 12).";

export const crossBorderPolicy: StackValidationPolicy = {
    name,
    displayName: "Copies of Russian citizens' personal data stay in Russia",
    description,
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: { ...FRAMEWORK_152FZ, specification: "Art. 18 part 5 (localization) and Art. 12 (cross-border transfer)" },
    tags: ["data-residency", "personal-data", "russia", "152-fz", "cross-border-transfer"],
    remediationSteps: [
        "1. Read the message: it names the flow resource, the source store (and why it holds Russian citizens' personal data), the destination and where it is, and how each was found.",
        "2. Point the replica, backup copy, snapshot copy, export or stream at a destination in Russia, or remove it.",
        "3. If your lawyers accept a foreign copy of a primary database in Russia (the pack's default reading is that a copy abroad is a database abroad), set transfers: declared and tag the flow resource with cross-border-transfer = <identifier of the cross-border notification to Roskomnadzor, 152-FZ Art. 12(3); not the Art. 22 register number> and cross-border-transfer-date = <the date it was filed, YYYY-MM-DD>. Send it only to a country your lawyer has checked against Roskomnadzor's list and put in adequateCountries, or set allowNonAdequate: true and wait 30 calendar days after filing (the pack's stand-in for the 10-working-day review).",
        "4. If a destination outside the stack cannot be located (an S3 bucket ARN has no region), add it to destinationLocations.",
        "5. For a migration window only, add an exemption with resource (the flow resource), reason and expires to this policy's config.",
    ].join("\n"),
    url: policyUrl(name),
    configSchema: configSchema([...RESIDENCY_PROPERTIES, "transfers", "allowNonAdequate", "adequateCountries", "destinationLocations", "stackDestinations"]),
    validateStack: stackValidation(description, decideCrossBorder),
};
