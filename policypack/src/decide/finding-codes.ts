// Every kind of finding the pack's policies report, once, each with a stable code. A code is an
// identifier users put in tickets, suppressions and dashboards: once published it is never
// renumbered or reused for another kind of finding; a kind that goes away keeps its number,
// retired. The real Pulumi engine hands only the message text to the CLI and to reports, so every
// violation message ends with the line `findingLine` writes and `findingCodeOf` reads back.

/** The policies, by name (the policies import this file, so it cannot import them). */
const LOCALIZATION = "ru-personal-data-localization";
const CROSS_BORDER = "ru-personal-data-cross-border-transfer";
const CLASSIFICATION = "user-data-classification";
const EVERY_POLICY = [LOCALIZATION, CLASSIFICATION, CROSS_BORDER] as const;

export interface FindingCodeEntry {
    /** RU152-<area>-<number>: LOC localization, XB cross-border, CLS classification, CFG config, PACK the pack itself. */
    code: string;
    /** The policies that report it. */
    policies: readonly string[];
    title: string;
    /** Why it is a finding, for a platform engineer and their lawyer. */
    rationale: string;
    fix: string;
    /** Ids of provisions and readings in policypack/data/law.json. */
    law: readonly string[];
    /** Set for a finding that only a bug in the pack produces: no example can show it. */
    packBug?: true;
    /** Set for a kind of finding the pack no longer reports: the code stays, never reused. */
    retired?: true;
}

export const FINDING_CODES = [
    {
        code: "RU152-LOC-001",
        policies: [LOCALIZATION],
        title: "Russian citizens' personal data stored outside Russia",
        rationale:
            "The resource is tagged (or defaulted) as holding personal data of Russian citizens, and the pack located it outside Russia. 152-FZ Art. 18(5) requires the databases that record, store and update Russian citizens' personal data to be in Russia; the pack never softens this finding, not even under onUnknown: warn, because nothing about it is unknown.",
        fix: "Move the resource to a region or endpoint in Russia; or, if it holds no personal data of Russian citizens, say so with the data-subjects tag; or, while you migrate, add a time-limited exemption to this policy's config.",
        law: ["152fz-18-5", "koap-13.11-8-9"],
    },
    {
        code: "RU152-LOC-002",
        policies: [LOCALIZATION],
        title: "Resource outside Russia whose data cannot be classified",
        rationale:
            "The resource is outside Russia, and whether it holds Russian citizens' personal data cannot be decided (a tag whose value is not known yet, or no data-subjects tag and no default). The pack fails closed: a resource that may hold such data is judged as if it does, until someone says what it holds.",
        fix: "Make the user-data and data-subjects tags known before deployment (literals or stack config), set defaultSubjects, or run with onUnknown: warn while you do.",
        law: ["152fz-18-5", "reading-unknown-blocks"],
    },
    {
        code: "RU152-LOC-003",
        policies: [LOCALIZATION],
        title: "Russian citizens' personal data in a place that cannot be determined",
        rationale:
            "The resource holds personal data of Russian citizens, and where it is cannot be decided (a region or endpoint that is not known yet, or one the pack cannot place). The pack fails closed: a store it cannot show to be in Russia is treated as one that is not.",
        fix: "Make the region or endpoint known before deployment, map the endpoint or provider in endpointCountries / providerLocations if you know where it is, or run with onUnknown: warn while you do.",
        law: ["152fz-18-5", "reading-unknown-blocks"],
    },
    {
        code: "RU152-LOC-004",
        policies: [LOCALIZATION],
        title: "Neither the data nor the place of a resource can be determined",
        rationale:
            "Whether the resource holds Russian citizens' personal data cannot be decided, and neither can where it is. The pack fails closed on both: it may be a database of Russian citizens' personal data outside Russia.",
        fix: "Make the tags and the region or endpoint known before deployment, or run with onUnknown: warn while you do.",
        law: ["152fz-18-5", "reading-unknown-blocks"],
    },
    {
        code: "RU152-LOC-005",
        policies: [LOCALIZATION],
        title: "Store outside Russia left to the cross-border policy (transfers: declared)",
        rationale:
            "Under transfers: declared, a store outside Russia may lawfully be the destination of a declared cross-border transfer from a primary store in Russia, which only the cross-border policy, seeing the whole stack, can establish. The localization policy therefore leaves it to that policy and says so, as an advisory: each policy sees only its own config, so if the cross-border policy is left at transfers: forbid, no policy blocks this store.",
        fix: "Configure ru-personal-data-cross-border-transfer with transfers: declared too (ru-residency warns when the two differ).",
        law: ["152fz-18-5", "152fz-12-3"],
    },
    {
        code: "RU152-XB-001",
        policies: [CROSS_BORDER],
        title: "Copy of Russian citizens' personal data sent outside Russia",
        rationale:
            "A replica, backup copy, snapshot copy, export, stream or log sends personal data of Russian citizens from a store to a destination outside Russia. The pack reads a copy abroad as a database abroad (152-FZ Art. 18(5)); under transfers: forbid, the default, no copy may leave Russia.",
        fix: "Send the copy to a destination in Russia, or remove it; or, if your lawyers allow a foreign copy of a primary database in Russia, switch to transfers: declared and tag the flow with the cross-border notification; or add a time-limited exemption.",
        law: ["152fz-18-5", "reading-copy-abroad"],
    },
    {
        code: "RU152-XB-002",
        policies: [CROSS_BORDER],
        title: "Copy of Russian citizens' personal data to a destination that cannot be located",
        rationale:
            "A flow copies data that are (or may be) Russian citizens' personal data to a destination whose location cannot be decided (an ARN without a region, a value not known yet, a destination the pack cannot identify). The pack fails closed: a copy it cannot show stays in Russia is treated as one that leaves.",
        fix: "Make the destination known before deployment, add it to destinationLocations / endpointCountries if you know where it is, or run with onUnknown: warn while you do.",
        law: ["152fz-18-5", "reading-copy-abroad", "reading-unknown-blocks"],
    },
    {
        code: "RU152-XB-003",
        policies: [CROSS_BORDER],
        title: "Copy outside Russia from a store whose data cannot be classified",
        rationale:
            "A flow copies data to a destination outside Russia from a store whose classification cannot be decided, so the copy may be of Russian citizens' personal data. The pack fails closed until the source says what it holds.",
        fix: "Make the source store's user-data and data-subjects tags known, or send the copy to a destination in Russia, or run with onUnknown: warn while you do.",
        law: ["152fz-18-5", "reading-copy-abroad", "reading-unknown-blocks"],
    },
    {
        code: "RU152-XB-004",
        policies: [CROSS_BORDER],
        title: "Disabled copy that would send Russian citizens' personal data outside Russia",
        rationale:
            "A copy (a replication rule, an export) is switched off today, so it sends nothing, but enabling it would send Russian citizens' personal data to a destination outside Russia (or to one that cannot be located). Always advisory: it warns before someone flips the switch.",
        fix: "Point the disabled copy at a destination in Russia, or remove it.",
        law: ["152fz-18-5", "reading-copy-abroad"],
    },
    {
        code: "RU152-XB-005",
        policies: [CROSS_BORDER],
        title: "Copy outside Russia that is not an allowed declared transfer",
        rationale:
            "Under transfers: declared, a copy of Russian citizens' personal data may leave Russia only as a declared cross-border transfer: from a primary store in Russia, notified to Roskomnadzor before the first transfer (152-FZ Art. 12(3)) with the notification's identifier and filing date tagged, to an adequate country, or, with allowNonAdequate, after Roskomnadzor's review period. The message lists the conditions this copy misses.",
        fix: "Meet the missing conditions listed in the message (tags cross-border-transfer and cross-border-transfer-date, a source in Russia, an adequate country or allowNonAdequate and the review period), or send the copy to a destination in Russia.",
        law: ["152fz-18-5", "152fz-12-3", "152fz-12-5", "152fz-12-2", "152fz-12-review", "reading-review-period", "reading-adequacy-unconfirmed"],
    },
    {
        code: "RU152-XB-006",
        policies: [CROSS_BORDER],
        title: "Store outside Russia that receives Russian citizens' personal data through a flow",
        rationale:
            "The store's own tags may say nothing, but a reported flow brings Russian citizens' personal data (or data that may be) into it, so it is a database of such data outside Russia. The localization policy sees one resource at a time and cannot see this; the cross-border policy reports it.",
        fix: "Stop the flow into it (see the finding on the flow resource), or move the store to Russia.",
        law: ["152fz-18-5", "reading-copy-abroad"],
    },
    {
        code: "RU152-XB-007",
        policies: [CROSS_BORDER],
        title: "Store in a place that cannot be determined, receiving Russian citizens' personal data through a flow",
        rationale:
            "A reported flow brings Russian citizens' personal data (or data that may be) into a store whose location cannot be decided. The pack fails closed: a store it cannot show to be in Russia is treated as one that is not.",
        fix: "Make the store's region or endpoint known, stop the flow into it, or move the store to Russia.",
        law: ["152fz-18-5", "reading-copy-abroad", "reading-unknown-blocks"],
    },
    {
        code: "RU152-XB-008",
        policies: [CROSS_BORDER],
        title: "Store outside Russia not reached by an allowed declared transfer (transfers: declared)",
        rationale:
            "Under transfers: declared, a store outside Russia that holds Russian citizens' personal data is lawful only as the destination of an allowed declared transfer from a primary store in Russia. This one is reached by none (it is a database outside Russia of its own), or a flow into it is not an allowed declared transfer.",
        fix: "Feed the store only through an allowed declared transfer from a store in Russia, or move it to Russia.",
        law: ["152fz-18-5", "152fz-12-3"],
    },
    {
        code: "RU152-XB-009",
        policies: [CROSS_BORDER],
        title: "The data flows a resource creates could not be read",
        rationale: "The cross-border policy failed to read the copies a resource creates. Rather than guess that they stay in Russia, it blocks. This is a bug in the pack.",
        fix: "Report it as a bug, with the resource type and the error in the message.",
        law: ["reading-unknown-blocks"],
        packBug: true,
    },
    {
        code: "RU152-CLS-001",
        policies: [CLASSIFICATION],
        title: "Storage without a user-data tag",
        rationale:
            "A storage resource carries no user-data tag (on itself, from its provider's defaultTags or from the stack), so nobody has said whether it holds user data. Without it the pack cannot tell a bucket of customer records from one of build artifacts.",
        fix: "Add the user-data tag with the categories it holds (personal, special, biometric, public, depersonalized, or anonymous, none), and for data about people the data-subjects tag with their citizenships.",
        law: ["152fz-18-5", "152fz-10", "152fz-11"],
    },
    {
        code: "RU152-CLS-002",
        policies: [CLASSIFICATION],
        title: "A user-data category the pack does not know",
        rationale: "The user-data tag has a word that is not one of the pack's categories, so the pack cannot tell what the resource holds and reads it as personal data (fail closed).",
        fix: "Use only personal, special, biometric, public, depersonalized, anonymous or none.",
        law: ["152fz-10", "152fz-10.1", "152fz-11", "152fz-13.1"],
    },
    {
        code: "RU152-CLS-003",
        policies: [CLASSIFICATION],
        title: "An empty user-data tag",
        rationale: "The user-data tag is present but empty, so it says nothing; the pack reads the resource as holding personal data (fail closed).",
        fix: "List the categories the resource holds.",
        law: ["152fz-10", "152fz-11"],
    },
    {
        code: "RU152-CLS-004",
        policies: [CLASSIFICATION],
        title: "A data subject that is not a country code",
        rationale:
            "The data-subjects value (a tag, the stack tag or defaultSubjects) has an entry that is not an ISO 3166-1 country code, so the pack cannot rule out Russian citizens and reads it as possibly including them (fail closed).",
        fix: "Use ISO 3166-1 alpha-2 or alpha-3 codes (RU, KZ, DEU), or * for every country.",
        law: ["reading-subjects-citizenship"],
    },
    {
        code: "RU152-CLS-005",
        policies: [CLASSIFICATION],
        title: "A tag value too long to read",
        rationale:
            "A user-data or data-subjects value is longer than the pack quotes and has words it does not know, so it is read as personal data of possibly Russian citizens. The value is not shown.",
        fix: "Shorten the tag to the category words and country codes.",
        law: ["reading-subjects-citizenship"],
    },
    {
        code: "RU152-CLS-006",
        policies: [CLASSIFICATION],
        title: "Look-alike or invisible characters in a tag",
        rationale:
            "A tag key or value contains characters that look like ASCII but are not (Cyrillic letters, full-width forms, zero-width spaces). The pack reads it as meant, and says so, because such a tag is easily misread by people and by other tools.",
        fix: "Retype the tag in plain ASCII.",
        law: [],
    },
    {
        code: "RU152-CFG-001",
        policies: EVERY_POLICY,
        title: "Invalid policy pack config",
        rationale:
            "The policy's config (from --policy-pack-config) has a value the pack cannot use. A policy that cannot trust its config cannot decide, so it blocks and lists every problem, rather than run with settings nobody chose.",
        fix: "Correct the config file given with --policy-pack-config; the message names each property.",
        law: ["reading-unknown-blocks"],
    },
    {
        code: "RU152-CFG-002",
        policies: EVERY_POLICY,
        title: "Invalid exemption in the policy pack config",
        rationale:
            "An exemption turns a policy off for a resource, so it must name the resource, say why, and expire on a real date; and a glob that matches every resource would turn the policy off without naming anything. The policy refuses the config and blocks.",
        fix: "Give each exemption resource, reason and expires (YYYY-MM-DD); name the resources instead of matching all of them, or set allowBroadExemptions to true.",
        law: ["152fz-6-1-exceptions"],
    },
    {
        code: "RU152-PACK-001",
        policies: EVERY_POLICY,
        title: "The policy could not read its input",
        rationale: "The engine gave the policy a resource or config it could not read. Rather than guess, it blocks. This is a bug in the pack.",
        fix: "Report it as a bug, with the error in the message.",
        law: ["reading-unknown-blocks"],
        packBug: true,
    },
    {
        code: "RU152-PACK-002",
        policies: EVERY_POLICY,
        title: "The policy failed while deciding",
        rationale: "The policy failed while it decided on a resource or the stack. Rather than guess, it blocks. This is a bug in the pack.",
        fix: "Report it as a bug, with the resource type and the error in the message.",
        law: ["reading-unknown-blocks"],
        packBug: true,
    },
] as const satisfies readonly FindingCodeEntry[];

export type FindingCode = (typeof FINDING_CODES)[number]["code"];

const BY_CODE: ReadonlyMap<string, FindingCodeEntry> = new Map(FINDING_CODES.map((e) => [e.code, e]));

export function findingCodeEntry(code: string): FindingCodeEntry | undefined {
    return BY_CODE.get(code);
}

/** The generated page of every code (src/docs/findings-doc.ts), relative to the repository root. */
export const FINDINGS_DOC = "docs/findings.md";

/** A code's section in docs/findings.md: its own anchor, the code in lower case. */
export function findingAnchor(code: string): string {
    return code.toLowerCase();
}

export function findingUrl(code: string): string {
    return `${FINDINGS_DOC}#${findingAnchor(code)}`;
}

/** The last line of every violation message. */
export function findingLine(code: FindingCode): string {
    return `Finding: ${code}, see ${findingUrl(code)}`;
}

const FINDING_LINE = /(?:^|\n)Finding: (RU152-[A-Z]+-\d{3}), see \S+$/;

/** The code a violation message carries on its last line, or undefined (a message the pack did not write). */
export function findingCodeOf(message: string): string | undefined {
    return FINDING_LINE.exec(message.trimEnd())?.[1];
}
