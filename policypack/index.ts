// The policy pack. The engine starts this file (bin/index.js) with the pack folder as the
// working directory; everything else is in policies/ (one file per policy) and src/ (classify →
// locate → decide).
import { PolicyPack } from "@pulumi/policy";
import { POLICIES } from "./policies/registry";

new PolicyPack("ru-data-residency", {
    description: 'Keeps Russian citizens\' personal data in Russia (152-FZ "On Personal Data", Art. 18 part 5).',
    displayName: "Russian personal data residency",
    policies: [...POLICIES],
});
