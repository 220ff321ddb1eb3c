import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configSchema, RESIDENCY_PROPERTIES } from "../src/decide/config";
import { decideLocalization } from "../src/decide/localization";
import { FRAMEWORK_152FZ, policyUrl } from "./metadata";
import { resourceValidation } from "./glue";

export const name = "ru-personal-data-localization";
const description = "Russian users' personal data must be stored in Russia (152-FZ Art. 18(5)).";

export const localizationPolicy: ResourceValidationPolicy = {
    name,
    displayName: "Russian users' personal data stays in Russia",
    description,
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: { ...FRAMEWORK_152FZ, specification: "Art. 18 part 5 (localization of Russian citizens' personal data)" },
    tags: ["data-residency", "personal-data", "russia", "152-fz"],
    remediationSteps: [
        "1. Read the message: it names the classification (which tag, where it was found) and the location (which region or endpoint, and from where).",
        "2. If the resource holds Russian users' personal data, move it to Russia: for @pulumi/aws, use a provider whose endpoint for the service is a Russian cloud (Yandex Cloud, VK Cloud, Selectel, Cloud.ru).",
        "3. If it holds no Russian users' data, set the data-subjects tag to the countries it does hold (never RU).",
        "4. If a value is unknown during preview, make it known (a literal or stack config), or map the endpoint or provider in endpointCountries / providerLocations.",
        "5. For a migration window only, add an exemption with resource, reason and expires to this policy's config.",
    ].join("\n"),
    url: policyUrl(name),
    configSchema: configSchema(RESIDENCY_PROPERTIES),
    validateResource: resourceValidation(description, (input, settings) => {
        const finding = decideLocalization(input, settings);
        return finding ? [finding] : [];
    }),
};
