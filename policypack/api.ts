// What the pack offers the ru-residency command (src/), and the only way in: the command imports
// "ru-data-residency/pack", which is this file compiled into policypack/bin, so the pack is
// compiled once and the command reads the very facts the policies decided on. Everything under
// policypack/ ships in the pack; nothing under src/ does. Adding an export here widens what the
// command may depend on: keep it to what a report, the docs or an organisation run needs.

// The policies, their names, and their allowed and disallowed examples.
export { CLASSIFICATION, CROSS_BORDER, isStackPolicy, LOCALIZATION, POLICIES, type Policy } from "./policies/registry";
export type { PolicyExample, PolicyExamples, StackExample, StackPolicyExamples } from "./policies/example-types";
export { classificationExamples } from "./policies/user-data-classification.examples";
export { crossBorderExamples } from "./policies/ru-personal-data-cross-border-transfer.examples";
export { localizationExamples } from "./policies/ru-personal-data-localization.examples";

// The one analysis of a stack that the policies and every report read.
export { analyseStack } from "./src/decide/stack-analysis";
export type { StackResource } from "./src/flows/stack";
export type { Endpoint } from "./src/flows/flows";
export { type FlowOutcome, transferEvidence, TRANSFER_DATE_TAG, TRANSFER_TAG } from "./src/decide/cross-border";
export { holdsNoData } from "./src/decide/localization";
export { type Exemption, findExemption } from "./src/decide/exemptions";

// The stable code of each kind of finding, and how a message carries it.
export { FINDING_CODES, type FindingCode, type FindingCodeEntry, findingAnchor, findingCodeEntry, findingCodeOf, findingUrl, FINDINGS_DOC } from "./src/decide/finding-codes";

// Settings, read and checked as the policies read them.
export { differingSharedSettings, readSettings, type Settings, type StackDestination, todayUtc } from "./src/decide/config";

// Classification and location, in the policies' words.
export { type Classification, describeCategories, describeSubjects } from "./src/classify/classification";
export { storageService } from "./src/classify/storage";
export { locate, type Location } from "./src/locate";
export { arnName, looksLikeArn, parseArn } from "./src/flows/arn";
export { countryName } from "./src/countries";

// The law as the pack states it, and how values are written and unknowns spelt.
export { LAW, LAW_FILE, NOTICE, type Provision, statusWords } from "./src/law";
export { quote, UNKNOWN } from "./src/values";
