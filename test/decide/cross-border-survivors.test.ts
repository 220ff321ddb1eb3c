// The cross-border policy's words for what it refuses and what it reports, pinned exactly: why a
// cross-border-transfer value is not a notification identifier, and the finding lines for
// destinations, sources and declared transfers the other suites do not reach.
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyseCrossBorder, decideCrossBorder, notificationIdProblem, StackFinding } from "../../policypack/src/decide/cross-border";
import { decide, PERSONAL_RU, Place, settings, Spec, stack, UNKNOWN, urn } from "../flows/helpers";

const PLACEHOLDER = "a placeholder, not the identifier of a notification";
const TEMPLATE = "a template left unfilled, not the identifier of a notification";
const NO_DIGIT = "not an identifier: it has no digit";
const SHORT = "too short to identify a notification";
const REPEATS = "not an identifier: it repeats one character";
const LONG = "longer than any identifier (100 characters)";

describe("why a cross-border-transfer value is not a notification identifier", () => {
    it.each([
        ["TBD", PLACEHOLDER],
        ["N/A.", PLACEHOLDER],
        ["T.B.D", PLACEHOLDER],
        ["-", PLACEHOLDER],
        ["?", PLACEHOLDER],
        ["(2026)", TEMPLATE],
        ["[2026]", TEMPLATE],
        ["{2026}", TEMPLATE],
        ["CBT-${ID}-1", TEMPLATE],
        ["CBT-{{id}}-1", TEMPLATE],
        ["CBT <id> 1", TEMPLATE],
        ["abc", NO_DIGIT],
        ["1", SHORT],
        ["A-1", SHORT],
        ["Т1", SHORT],
        ["00000", REPEATS],
        ["1 1 1", REPEATS],
        [`CBT-${"1".repeat(97)}`, LONG],
    ])("%s: %s", (value, why) => {
        expect(notificationIdProblem(value)).toBe(why);
    });

    it.each(["CBT(2026)", "(2026)-CBT", "A12", "ТП1", "1112", ` CBT-${"1".repeat(96)} `, "CBT-1"])("%s may be an identifier", (value) => {
        expect(notificationIdProblem(value)).toBeUndefined();
    });
});

/** Each finding as [resource name, code, downgrade, advisory, its lines without the law's text (Rule, Reading, Cross-border transfer), which other suites pin]. */
function view(findings: readonly StackFinding[]) {
    return findings.map((f) => [
        f.urn.split("::").pop(),
        f.code,
        f.downgrade,
        "advisory" in f ? f.advisory : "none",
        ...f.message.split("\n").filter((l) => !/^(Rule|Reading|Cross-border transfer): /.test(l)),
    ]);
}

const S3 = "aws:s3/bucket:Bucket";
const REPL = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const EVIDENCE = { "cross-border-transfer": "CBT-2025-1", "cross-border-transfer-date": "2025-12-01" };
const source = (place: Place, tags: Record<string, string> = { ...PERSONAL_RU, ...EVIDENCE }, name = "src"): Spec => ({
    type: S3,
    name,
    props: { bucket: name, arn: `arn:aws:s3:::${name}`, tags },
    place,
});
const destination = (place: Place = "abroad", tags?: Record<string, string>): Spec => ({ type: S3, name: "dst", props: { bucket: "dst", arn: "arn:aws:s3:::dst", ...(tags ? { tags } : {}) }, place });
const replication = (status = "Enabled", from = "src", name = "repl"): Spec => ({ type: REPL, name, props: { bucket: from, rules: [{ status, destination: { bucket: "arn:aws:s3:::dst" } }] } });

const SRC = 'aws:s3/bucket:Bucket "src"';
const DST = 'aws:s3/bucket:Bucket "dst"';
const FLOW = 'aws:s3/bucketReplicationConfig:BucketReplicationConfig "repl"';
const FOUND = `found because bucket "src" matches the name of ${SRC}`;
const SOURCE_LINE = `Source: ${SRC} (user data personal (tag "user-data" in tags); data subjects' citizenship RU (tag "data-subjects" in tags)); ${FOUND}.`;
const DESTINATION_LINE = `Destination: ${DST}, found because rules[0].destination.bucket "arn:aws:s3:::dst" matches the ARN of ${DST}.`;
const FRANKFURT = 'the provider\'s region is "eu-central-1" (AWS Frankfurt, Germany (DE)) and the provider has no custom endpoint for "s3", so the data goes to AWS';
const NOT_KNOWN_YET = "the provider's endpoints are not known yet";
const FORBID = "Transfers: forbid (the default): no copy of Russian citizens' personal data may leave Russia.";
const FIX_FORBID =
    "Fix: Send the S3 replication to a destination in Russia, or remove it; or, if your lawyers allow a foreign copy of a primary database in Russia, switch to transfers: declared and tag the flow with cross-border-transfer = <identifier of the cross-border notification> and cross-border-transfer-date = <date it was filed, YYYY-MM-DD>; or, while you migrate, add a time-limited exemption (resource, reason, expires) for this resource to this policy's exemptions.";
const FIX_DECLARED =
    "Fix: Send the S3 replication to a destination in Russia, or remove it; or meet the missing conditions above for a declared transfer; or, while you migrate, add a time-limited exemption (resource, reason, expires) for this resource to this policy's exemptions.";
const FIX_UNKNOWN =
    "Fix: Make the destination known before deployment (a literal or stack config instead of another resource's output, or a destination in this stack), add it to destinationLocations / endpointCountries if you know where it is, or run with onUnknown: warn while you do.";
const CLASSIFIED_BY = (flows: string) => `Classification: from the data flow (${flows}), whatever the store's own tags say; the localization policy sees one resource at a time and cannot see this.`;
const STORE_FIX = "Fix: stop the flow into it (see the finding on the flow resource), or move the store to Russia.";
const receivedAbroad = (downgrade = false) => [
    "dst",
    "RU152-XB-006",
    downgrade,
    "none",
    `${DST}, which holds Russian citizens' personal data because it receives them from ${SRC} through ${FLOW}, is not in Russia.`,
    CLASSIFIED_BY(FLOW),
    `Location: ${FRANKFURT}.`,
    STORE_FIX,
];
const declaredOnly = (...missing: string[]) => `Not a declared transfer (transfers: declared): ${missing.join("; ")}.`;

describe("cross-border findings under transfers: declared", () => {
    it("a source that is not in Russia: the flow, the store it fills, and the source itself, a database abroad of its own", () => {
        expect(view(decide([source("abroad"), destination(), replication()], { transfers: "declared", adequateCountries: ["DE"] }))).toEqual([
            [
                "repl",
                "RU152-XB-005",
                false,
                "none",
                `${FLOW} sends Russian citizens' personal data out of Russia (S3 replication): to ${DST} in Germany (DE).`,
                SOURCE_LINE,
                DESTINATION_LINE,
                `Destination location: ${FRANKFURT}.`,
                declaredOnly(`the source ${SRC} is not shown to be in Russia (${FRANKFURT}); a declared transfer must copy from a primary store in Russia`),
                FIX_DECLARED,
            ],
            receivedAbroad(),
            [
                "src",
                "RU152-XB-008",
                false,
                "none",
                `${SRC} holds personal data of Russian citizens but is not in Russia.`,
                'Found: user data personal (tag "user-data" in tags); data subjects\' citizenship RU (tag "data-subjects" in tags).',
                `Location: ${FRANKFURT}.`,
                "Fix: Move the resource to a location in Russia, for example a provider with endpoints [{ s3: \"https://storage.yandexcloud.net\" }] (Yandex Cloud Object Storage (S3-compatible)); or, if it holds no personal data of Russian citizens (wherever they live), say so with the data-subjects tag, which lists the data subjects' citizenships; or, while you migrate, add a time-limited exemption (resource, reason, expires) to this policy's exemptions in the policy pack config.",
                "Transfers: declared: a store outside Russia that holds Russian citizens' personal data is allowed only as the destination of a declared transfer from a primary store in Russia; no allowed declared transfer from a store in Russia reaches it, so it is a database outside Russia of its own.",
            ],
        ]);
    });

    it("a source whose location is not known yet", () => {
        const flow = view(decide([source("unknown"), destination(), replication()], { transfers: "declared", adequateCountries: ["DE"] }))[0]!;
        expect(flow.slice(0, 4)).toEqual(["repl", "RU152-XB-005", false, "none"]);
        expect(flow.at(-2)).toBe(declaredOnly(`the source ${SRC} is not shown to be in Russia (${NOT_KNOWN_YET}); a declared transfer must copy from a primary store in Russia`));
    });

    it("a destination abroad in no country the pack can name: its adequacy cannot be checked", () => {
        const resources = stack([source("ru"), destination(), replication()]);
        resources[1] = { ...resources[1]!, provider: { type: "pulumi:providers:aws", name: "noregion", urn: "urn:pulumi:t::t::pulumi:providers:aws::noregion", props: {} } };
        const got = view(decideCrossBorder({ resources }, settings({ transfers: "declared", adequateCountries: ["DE"] })));
        expect(got.map((f) => f.slice(0, 4))).toEqual([
            ["repl", "RU152-XB-005", false, "none"],
            ["dst", "RU152-XB-006", false, "none"],
        ]);
        expect(got[0]![4]).toBe(`${FLOW} sends Russian citizens' personal data out of Russia (S3 replication): to ${DST} in a country outside Russia the pack cannot name.`);
        expect(got[0]!.at(-2)).toBe(declaredOnly("the destination's country is not known, so its adequacy cannot be checked"));
    });

    it("every condition met, into a store with no tags: nothing to report", () => {
        expect(decide([source("ru"), destination(), replication()], { transfers: "declared", adequateCountries: ["DE"] })).toEqual([]);
    });

    it("a store abroad tagged as holding the data, with no flow into it: a database abroad of its own, under declared only", () => {
        expect(view(decide([destination("abroad", PERSONAL_RU)], { transfers: "declared" })).map((f) => [f[0], f[1], f.at(-1)])).toEqual([
            [
                "dst",
                "RU152-XB-008",
                "Transfers: declared: a store outside Russia that holds Russian citizens' personal data is allowed only as the destination of a declared transfer from a primary store in Russia; no allowed declared transfer from a store in Russia reaches it, so it is a database outside Russia of its own.",
            ],
        ]);
        expect(decide([destination("abroad", PERSONAL_RU)])).toEqual([]);
    });
});

describe("cross-border findings under transfers: forbid", () => {
    it("a disabled rule to a store abroad: advisory, and the store it would fill is not reported", () => {
        expect(view(decide([source("ru"), destination(), replication("Disabled")]))).toEqual([
            [
                "repl",
                "RU152-XB-004",
                false,
                true,
                `${FLOW} would send Russian citizens' personal data (S3 replication) to ${DST} in Germany (DE) if it were enabled: rules[0].status is "Disabled", so the rule replicates nothing while it stays disabled. Advisory: enabling it would be blocked.`,
                SOURCE_LINE,
                DESTINATION_LINE,
                `Destination location: ${FRANKFURT}.`,
                FORBID,
                FIX_FORBID,
            ],
        ]);
    });

    it("a disabled rule to a store whose location is not known yet", () => {
        const got = view(decide([source("ru"), destination("unknown"), replication("Disabled")]));
        expect(got.map((f) => [...f.slice(0, 5), f.at(-1)])).toEqual([
            [
                "repl",
                "RU152-XB-004",
                true,
                true,
                `${FLOW} would send Russian citizens' personal data (S3 replication) to ${DST}, whose location cannot be decided, if it were enabled: rules[0].status is "Disabled", so the rule replicates nothing while it stays disabled. Advisory: enabling it would be blocked.`,
                FIX_UNKNOWN,
            ],
        ]);
    });

    it("a source whose subjects are not known yet: may be personal data, and the store it fills may hold them", () => {
        const got = view(decide([source("ru", { "user-data": "personal", "data-subjects": UNKNOWN }), destination(), replication()]));
        expect(got.map((f) => f.slice(0, 5))).toEqual([
            ["repl", "RU152-XB-003", true, "none", `${FLOW} sends data that may be Russian citizens' personal data out of Russia (S3 replication): to ${DST} in Germany (DE).`],
            [
                "dst",
                "RU152-XB-006",
                true,
                "none",
                `${DST}, which may hold Russian citizens' personal data because it receives data from ${SRC} through ${FLOW}, whose classification is not known, is not in Russia.`,
            ],
        ]);
        expect(got[0]![5]).toMatch(/; whether it holds Russian citizens' personal data cannot be decided: the value of tag "data-subjects" in tags is not known yet\.$/);
    });

    it("a bucket that replicates itself: the store it fills receives the data from it, not 'through' it", () => {
        const self: Spec = {
            ...source("ru", PERSONAL_RU),
            props: { ...source("ru", PERSONAL_RU).props, replicationConfiguration: { role: "r", rules: [{ destination: { bucket: "arn:aws:s3:::dst" } }] } },
        };
        const got = view(decide([self, destination()]));
        expect(got.map((f) => f.slice(0, 5))).toEqual([
            ["src", "RU152-XB-001", false, "none", `${SRC} sends Russian citizens' personal data out of Russia (S3 replication (inline replicationConfiguration)): to ${DST} in Germany (DE).`],
            ["dst", "RU152-XB-006", false, "none", `${DST}, which holds Russian citizens' personal data because it receives them from ${SRC}, is not in Russia.`],
        ]);
    });

    it("six flows into one store abroad: five named, and how many more", () => {
        const n = [1, 2, 3, 4, 5, 6];
        const got = view(decide([...n.map((i) => source("ru", PERSONAL_RU, `s${i}`)), destination(), ...n.map((i) => replication("Enabled", `s${i}`, `r${i}`))]));
        expect(got.map((f) => [f[0], f[1]])).toEqual([...n.map((i) => [`r${i}`, "RU152-XB-001"]), ["dst", "RU152-XB-006"]]);
        const flow = (i: number) => `aws:s3/bucketReplicationConfig:BucketReplicationConfig "r${i}"`;
        expect(got.at(-1)!.slice(4)).toEqual([
            `${DST}, which holds Russian citizens' personal data because it receives them from aws:s3/bucket:Bucket "s1" through ${flow(1)}, is not in Russia.`,
            CLASSIFIED_BY(`${[1, 2, 3, 4, 5].map(flow).join("; ")}; and 1 more`),
            `Location: ${FRANKFURT}.`,
            STORE_FIX,
        ]);
        expect(view(decide([...n.slice(0, 5).map((i) => source("ru", PERSONAL_RU, `s${i}`)), destination(), ...n.slice(0, 5).map((i) => replication("Enabled", `s${i}`, `r${i}`))])).at(-1)![5]).toBe(
            CLASSIFIED_BY([1, 2, 3, 4, 5].map(flow).join("; ")),
        );
    });

    it("the stack's tags count for every resource that has none of its own", () => {
        const specs = [source("ru", { "user-data": "personal" }), destination(), replication()];
        const run = (subjects: string) => decideCrossBorder({ resources: stack(specs), stackTags: new Map([["data-subjects", subjects]]) }, settings()).map((f) => [f.urn.split("::").pop(), f.code]);
        expect(run("RU")).toEqual([
            ["repl", "RU152-XB-001"],
            ["dst", "RU152-XB-006"],
        ]);
        expect(run("KZ")).toEqual([]);
    });
});

describe("cross-border findings when the pack cannot see or cannot compute", () => {
    const specs = (flowProps: Record<string, unknown>, flowPlace: Place = "ru"): Spec[] => [source("ru", PERSONAL_RU), destination(), { type: REPL, name: "repl", props: flowProps, place: flowPlace }];

    it("a flow resource with no planned state in a preview: neither end can be identified", () => {
        const how =
            'the engine gave no planned state for aws:s3/bucketReplicationConfig:BucketReplicationConfig "repl" in this preview (it does not ask a provider whose configuration is not known yet), so the pack cannot see what it copies or where';
        expect(view(decide(specs({}, "unknown")))).toEqual([
            [
                "repl",
                "RU152-XB-002",
                true,
                "none",
                `${FLOW} sends data that may be Russian citizens' personal data (a copy the pack cannot see) to a destination the pack cannot identify (destination), and where that is cannot be decided.`,
                `Source: a source the pack cannot identify: ${how}.`,
                "Destination: a destination the pack cannot identify (destination).",
                `Destination location: ${how}.`,
                FORBID,
                FIX_UNKNOWN,
            ],
        ]);
    });

    it("an extractor that fails: blocks, with the first 200 characters of the error", () => {
        const failing = {
            get bucket(): string {
                throw new Error(`${"e".repeat(200)}TAIL`);
            },
        };
        expect(decide(specs(failing))).toEqual([
            {
                urn: urn(REPL, "repl"),
                code: "RU152-XB-009",
                downgrade: false,
                message: `${FLOW}: the policy could not read the data flows it creates (${"e".repeat(200)}) and blocks rather than guess. Please report this as a bug.`,
            },
        ]);
    });

    it("a destination the pack fails to locate: where it is cannot be decided, and the flow and the store say why", () => {
        for (const [thrown, why] of [
            [new Error("boom"), "boom"],
            ["a string", "a string"],
        ] as const) {
            const resources = stack([source("ru", PERSONAL_RU), destination(), replication()]);
            const provider = resources[1]!.provider!;
            resources[1] = {
                ...resources[1]!,
                provider: {
                    ...provider,
                    props: {
                        get region(): string {
                            throw thrown;
                        },
                    },
                },
            };
            const got = view(decideCrossBorder({ resources }, settings()));
            expect(got.map((f) => f.slice(0, 4))).toEqual([
                ["repl", "RU152-XB-002", true, "none"],
                ["dst", "RU152-XB-007", true, "none"],
            ]);
            expect(got[0]![4]).toBe(`${FLOW} sends Russian citizens' personal data (S3 replication) to ${DST}, and where that is cannot be decided.`);
            expect(got[0]![7]).toBe(`Destination location: the pack failed to locate it (${why}).`);
            expect(got[0]!.at(-1)).toBe(FIX_UNKNOWN);
            expect(got[1]!.slice(4)).toEqual([
                `${DST}, which holds Russian citizens' personal data because it receives them from ${SRC} through ${FLOW}; where it is cannot be decided.`,
                CLASSIFIED_BY(FLOW),
                `Location: the pack failed to locate it (${why}).`,
                STORE_FIX,
            ]);
        }
    });
});

describe("the evidence of a declared transfer, as read from the tags", () => {
    const ON = `the source ${SRC} (aws:s3/bucketReplicationConfig:BucketReplicationConfig cannot carry tags)`;
    const DECLARED = { transfers: "declared", adequateCountries: ["DE"] };
    const notDeclared = (findings: readonly StackFinding[]) => findings.map((f) => f.message.split("\n").find((l) => l.startsWith("Not a declared transfer")));

    afterEach(() => {
        vi.useRealTimers();
    });

    it("values are read trimmed: a padded placeholder is quoted as the placeholder, a padded date is a date", () => {
        expect(notDeclared(decide([source("ru", { ...PERSONAL_RU, "cross-border-transfer": " TBD ", "cross-border-transfer-date": " 2025-12-01 " }), destination(), replication()], DECLARED))).toEqual(
            [
                declaredOnly(
                    `the tag "cross-border-transfer" on ${ON} is "TBD", a placeholder, not the identifier of a notification; its value must be the identifier Roskomnadzor's Personal Data Portal gives the filed cross-border notification (152-FZ Art. 12(3))`,
                ),
                undefined,
            ],
        );
        expect(decide([source("ru", { ...PERSONAL_RU, "cross-border-transfer": " CBT-2025-1 ", "cross-border-transfer-date": " 2025-12-01 " }), destination(), replication()], DECLARED)).toEqual([]);
    });

    it("a flow resource that carries tags carries the evidence itself", () => {
        const self: Spec = {
            ...source("ru", PERSONAL_RU),
            props: { ...source("ru", PERSONAL_RU).props, replicationConfiguration: { role: "r", rules: [{ destination: { bucket: "arn:aws:s3:::dst" } }] } },
        };
        expect(notDeclared(decide([self, destination()], DECLARED))).toEqual([
            declaredOnly(
                `${SRC} has no tag "cross-border-transfer" with the identifier of the cross-border notification to Roskomnadzor (152-FZ Art. 12(3); an operator-register number under 152-FZ Art. 22 is a different filing)`,
                `${SRC} has no tag "cross-border-transfer-date" with the date (YYYY-MM-DD) the cross-border notification was filed`,
            ),
            undefined,
        ]);
    });

    it("tags the provider adds that are not known yet: the evidence is not known yet, and says where it would come from", () => {
        const resources = stack([source("ru", PERSONAL_RU), destination(), replication()]);
        const provider = resources[0]!.provider!;
        resources[0] = { ...resources[0]!, provider: { ...provider, props: { ...(provider.props as Record<string, unknown>), defaultTags: UNKNOWN } } };
        expect(notDeclared(decideCrossBorder({ resources }, settings(DECLARED)))).toEqual([
            declaredOnly(
                `the tag "cross-border-transfer" on ${ON} is not known yet (provider defaultTags.tags)`,
                `the tag "cross-border-transfer-date" on ${ON} is not known yet (provider defaultTags.tags)`,
            ),
            undefined,
        ]);
    });

    it("settings read for no particular day: dates are compared with today's, UTC", () => {
        vi.useFakeTimers({ toFake: ["Date"] });
        vi.setSystemTime(new Date("2026-06-15T12:00:00Z"));
        const undated = (config: Record<string, unknown>) => ({ ...settings(config), today: undefined });
        const run = (date: string, config: Record<string, unknown>) =>
            notDeclared(
                decideCrossBorder(
                    { resources: stack([source("ru", { ...PERSONAL_RU, "cross-border-transfer": "CBT-1", "cross-border-transfer-date": date }), destination(), replication()]) },
                    undated(config),
                ),
            );
        expect(run("2026-06-16", DECLARED)).toEqual([
            declaredOnly(`the tag "cross-border-transfer-date" on ${ON} is "2026-06-16", after today (2026-06-15); the notification must be filed before the transfer starts`),
            undefined,
        ]);
        expect(run("2026-06-15", DECLARED)).toEqual([]);
        expect(run("2026-06-14", { transfers: "declared", allowNonAdequate: true })).toEqual([
            declaredOnly(
                "the cross-border notification was filed on 2026-06-14, 1 calendar day ago; a transfer to a country not shown to be adequate must wait out Roskomnadzor's review period (152-FZ Art. 12: 10 working days), which the pack counts as 30 calendar days (policypack/data/law.json reading-review-period)",
            ),
            undefined,
        ]);
        expect(run("2026-05-16", { transfers: "declared", allowNonAdequate: true })).toEqual([]);
    });
});

describe("what became of each flow, as the reports read it", () => {
    const outcomes = (specs: Spec[], config: Record<string, unknown> = {}) =>
        analyseCrossBorder({ resources: stack(specs) }, settings(config)).flows.map((f) => [f.flow.flow.name, f.outcome, f.fromLocation?.inRussia ?? "none", f.toLocation.inRussia]);

    it("one outcome per flow, in the order of the checks", () => {
        expect(outcomes([source("ru", { "user-data": "personal", "data-subjects": "KZ" }), destination(), replication()])).toEqual([["repl", "no-personal-data", "yes", "no"]]);
        expect(outcomes([source("ru"), destination(), replication()], { exemptions: [{ resource: "repl", reason: "Migration, ticket DATA-42", expires: "2030-01-01" }] })).toEqual([
            ["repl", "exempt", "yes", "no"],
        ]);
        expect(outcomes([source("ru"), destination("ru"), replication()])).toEqual([["repl", "stays-in-russia", "yes", "yes"]]);
        expect(outcomes([source("ru"), destination(), replication()], { transfers: "declared", adequateCountries: ["DE"] })).toEqual([["repl", "declared-transfer", "yes", "no"]]);
        expect(outcomes([source("ru"), destination(), replication()])).toEqual([["repl", "reported", "yes", "no"]]);
    });

    it("a flow whose source cannot be identified has no source location", () => {
        expect(outcomes([source("ru", PERSONAL_RU), destination(), { type: REPL, name: "repl", props: {}, place: "unknown" }])).toEqual([["repl", "reported", "none", "unknown"]]);
    });

    it("the analysis carries what each store holds and the stack it read", () => {
        const a = analyseCrossBorder({ resources: stack([source("ru"), destination(), replication()]) }, settings());
        expect([...a.holdings.keys()].sort()).toEqual([urn(S3, "dst"), urn(S3, "src")]);
        expect(a.index.resources.map((r) => r.name)).toEqual(["src", "dst", "repl"]);
        expect(a.findings).toEqual(decide([source("ru"), destination(), replication()]));
    });
});

describe("the store a reported flow fills", () => {
    it("is left to the localization policy when its own tags say it holds the data", () => {
        expect(decide([source("ru", PERSONAL_RU), destination("abroad", PERSONAL_RU), replication()]).map((f) => [f.urn.split("::").pop(), f.code])).toEqual([["repl", "RU152-XB-001"]]);
    });

    it("is not reported when it is exempt, and is when only the flow is", () => {
        const exempt = (resource: string) => ({ exemptions: [{ resource, reason: "Migration, ticket DATA-42", expires: "2030-01-01" }] });
        expect(decide([source("ru", PERSONAL_RU), destination(), replication()], exempt("dst")).map((f) => [f.urn.split("::").pop(), f.code])).toEqual([["repl", "RU152-XB-001"]]);
        expect(decide([source("ru", PERSONAL_RU), destination(), replication()], exempt("repl"))).toEqual([]);
    });

    it("under transfers: declared, a store whose location is not known is not judged as a store abroad", () => {
        expect(decide([destination("unknown", PERSONAL_RU)], { transfers: "declared" })).toEqual([]);
    });
});

describe("a declared transfer that is switched off", () => {
    it("does not make lawful the store abroad it would fill", () => {
        const specs = (status: string) => [source("ru"), destination("abroad", PERSONAL_RU), replication(status)];
        const config = { transfers: "declared", adequateCountries: ["DE"] };
        expect(decide(specs("Enabled"), config)).toEqual([]);
        expect(decide(specs("Disabled"), config).map((f) => [f.urn.split("::").pop(), f.code, f.downgrade, f.message.split("\n").at(-1)])).toEqual([
            [
                "dst",
                "RU152-XB-008",
                false,
                "Transfers: declared: a store outside Russia that holds Russian citizens' personal data is allowed only as the destination of a declared transfer from a primary store in Russia; no allowed declared transfer from a store in Russia reaches it, so it is a database outside Russia of its own.",
            ],
        ]);
    });
});

describe("odd corners", () => {
    it("an expired exemption that matches everything, with allowBroadExemptions: both findings say it ran out", () => {
        const config = { allowBroadExemptions: true, exemptions: [{ resource: "*", reason: "Migration, ticket DATA-42", expires: "2020-01-31" }] };
        const note = 'Exemption exemptions[0] for "*" expired on 2020-01-31 and no longer applies (reason given: "Migration, ticket DATA-42").';
        expect(decide([source("ru", PERSONAL_RU), destination(), replication()], config).map((f) => [f.code, f.message.split("\n").includes(note)])).toEqual([
            ["RU152-XB-001", true],
            ["RU152-XB-006", true],
        ]);
    });

    it("under transfers: declared, a store abroad that is itself the reported flow resource is reported once", () => {
        const self: Spec = {
            ...source("abroad", PERSONAL_RU),
            props: { ...source("abroad", PERSONAL_RU).props, replicationConfiguration: { role: "r", rules: [{ destination: { bucket: "arn:aws:s3:::dst" } }] } },
        };
        expect(decide([self, destination()], { transfers: "declared", adequateCountries: ["DE"] }).map((f) => [f.urn.split("::").pop(), f.code])).toEqual([
            ["src", "RU152-XB-005"],
            ["dst", "RU152-XB-006"],
        ]);
    });

    it("a destination the pack cannot identify is located as unknown, with the reason as its one unknown", () => {
        const [flow] = analyseCrossBorder({ resources: stack([source("ru", PERSONAL_RU), destination(), { type: REPL, name: "repl", props: {}, place: "unknown" }]) }, settings()).flows;
        const how =
            'the engine gave no planned state for aws:s3/bucketReplicationConfig:BucketReplicationConfig "repl" in this preview (it does not ask a provider whose configuration is not known yet), so the pack cannot see what it copies or where';
        expect(flow!.toLocation).toEqual({ inRussia: "unknown", how, unknowns: [how] });
    });
});
