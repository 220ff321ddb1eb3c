import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configSchema, RESIDENCY_PROPERTIES } from "../src/decide/config";
import { decideLocalization } from "../src/decide/localization";
import { FRAMEWORK_152FZ, policyUrl } from "./metadata";
import { resourceValidation } from "./glue";

export const name = "ru-personal-data-localization";
const description = "Russian citizens' personal data must not be stored using databases outside Russia (152-FZ Art. 18(5)).";

export const localizationPolicy: ResourceValidationPolicy = {
    name,
    displayName: "Russian citizens' personal data stays in Russia",
    description,
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: { ...FRAMEWORK_152FZ, specification: "Art. 18 part 5 (localization of Russian citizens' personal data)" },
    tags: ["data-residency", "personal-data", "russia", "152-fz"],
    remediationSteps: [
        "1. Read the message: it names the classification (which tag, where it was found) and the location (which region or endpoint, and from where).",
        "2. If the resource holds personal data of Russian citizens (wherever they live), move it to Russia: for @pulumi/aws, use a provider whose endpoint for the service is a Russian cloud (Yandex Cloud, VK Cloud, Selectel, Cloud.ru).",
        "3. If it holds no Russian citizens' data, set the data-subjects tag to the citizenships it does hold (never RU); data-subjects means citizenship, not residence.",
        "4. If a value is unknown during preview, make it known (a literal or stack config), or map the endpoint or provider in endpointCountries / providerLocations.",
        "5. For a migration window, or while a lawyer confirms that an exception of 152-FZ Art. 6(1) points 2, 3, 4 or 8 applies, add an exemption with resource, reason and expires to this policy's config.",
    ].join("\n"),
    url: policyUrl(name),
    configSchema: configSchema([...RESIDENCY_PROPERTIES, "transfers"]),
    validateResource: resourceValidation(description, (input, settings) => {
        const finding = decideLocalization(input, settings);
        return finding ? [finding] : [];
    }),
};
