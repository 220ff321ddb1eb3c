import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configSchema } from "../src/decide/config";
import { decideClassification } from "../src/decide/classification-check";
import { FRAMEWORK_152FZ, policyUrl } from "./metadata";
import { resourceValidation } from "./glue";

export const name = "user-data-classification";
const description = "Storage resources must declare the user data they hold with a user-data tag, in a form the pack can read.";

export const classificationPolicy: ResourceValidationPolicy = {
    name,
    displayName: "Storage declares its user data",
    description,
    enforcementLevel: "advisory",
    severity: "medium",
    framework: { ...FRAMEWORK_152FZ, specification: "Art. 18 part 5, Art. 10, Art. 10.1, Art. 11 (categories of personal data)" },
    tags: ["data-classification", "personal-data", "tagging"],
    remediationSteps: [
        "1. Tag every storage resource with user-data: the categories it holds (personal, special, biometric, public, depersonalized), or none / anonymous.",
        "2. Tag data about people with data-subjects: the citizenships of the people whose data it holds, as ISO 3166-1 codes (RU for citizens of Russia wherever they live, KZ) or * for every country; a stack tag data-subjects sets it for the whole stack.",
        "3. A provider's defaultTags apply to every resource of that provider, which is the easiest way to classify a whole stack.",
        "4. Retype any tag the message says contains look-alike or invisible characters.",
    ].join("\n"),
    url: policyUrl(name),
    configSchema: configSchema(["categoriesTagKey", "subjectsTagKey", "defaultSubjects"]),
    validateResource: resourceValidation(description, decideClassification),
};
