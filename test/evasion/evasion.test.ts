// The cheap ways around the guard, each on a resource that holds Russian citizens' personal data
// outside Russia, with the exact outcome expected of every policy. A case that is genuinely not
// classified is reported by the classification policy instead. Controls (the same trick on a
// resource that really is in Russia) make sure the defence does not simply block everything.
import { describe, expect, it } from "vitest";
import type { ResourceSpec } from "../helpers/harness";
import { CLASSIFICATION, LOCALIZATION, outcomes, runAll } from "../helpers/policies";

const BUCKET = "aws:s3/bucket:Bucket";
const FRANKFURT = { props: { region: "eu-central-1" } };
const YANDEX = { props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]) } };
const personalRu = { "user-data": "personal", "data-subjects": "RU" };

const M: [string, string] = [LOCALIZATION, "mandatory"];
const A: [string, string] = [CLASSIFICATION, "advisory"];

interface Case {
    name: string;
    resource: ResourceSpec;
    config?: Record<string, Record<string, unknown>>;
    stackTags?: Record<string, string>;
    expect: [string, string][];
    /** Fragments each violation's message must contain, by policy. */
    says?: Partial<Record<string, string[]>>;
    /** Fragments no message may contain. */
    never?: string[];
}

const bucket = (tags: unknown, provider: ResourceSpec["provider"] = FRANKFURT, extra: Record<string, unknown> = {}): ResourceSpec => ({
    type: BUCKET,
    name: "customers",
    props: { tags, ...extra },
    provider,
});

const viaEndpoint = (url: string): ResourceSpec => bucket(personalRu, { props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: url }]) } });

const tagKeys: Case[] = [
    { name: "key with surrounding spaces", resource: bucket({ " user-data ": "personal", " data-subjects\t": "RU" }), expect: [M] },
    { name: "key in upper case", resource: bucket({ "USER-DATA": "personal", "Data-Subjects": "RU" }), expect: [M] },
    { name: "key in label style", resource: bucket({ user_data: "personal", data_subjects: "ru" }), expect: [M] },
    {
        name: "Cyrillic а (U+0430) in user-data",
        resource: bucket({ "user-d\u0430ta": "personal", "data-subjects": "RU" }),
        expect: [M, A],
        says: { [LOCALIZATION]: ["U+0430 CYRILLIC SMALL LETTER A"], [CLASSIFICATION]: ['"\u0430" (U+0430 CYRILLIC SMALL LETTER A) read as "a"'] },
    },
    {
        name: "Cyrillic е (U+0435) in user-data",
        resource: bucket({ "us\u0435r-data": "personal", "data-subjects": "RU" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ["U+0435 CYRILLIC SMALL LETTER IE"] },
    },
    {
        name: "Cyrillic с (U+0441) in data-subjects",
        resource: bucket({ "user-data": "personal", "data-subje\u0441ts": "RU" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ["U+0441 CYRILLIC SMALL LETTER ES"] },
    },
    {
        name: "Cyrillic с in data-subjects does not hide a German-only declaration either (control: it is read, and allowed)",
        resource: bucket({ "user-data": "personal", "data-subje\u0441ts": "DE" }),
        expect: [A],
        says: { [CLASSIFICATION]: ["U+0441 CYRILLIC SMALL LETTER ES"] },
    },
    {
        name: "Greek α (U+03B1) in user-data",
        resource: bucket({ "user-d\u03b1ta": "personal", "data-subjects": "RU" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ["U+03B1 GREEK SMALL LETTER ALPHA"] },
    },
    {
        name: "fullwidth user-data",
        resource: bucket({ "\uff55\uff53\uff45\uff52\uff0d\uff44\uff41\uff54\uff41": "personal", "data-subjects": "RU" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ["U+FF55 compatibility form", 'read as "u"'] },
    },
    {
        name: "zero-width space inside user-data",
        resource: bucket({ "user\u200b-data": "personal", "data-subjects": "RU" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ["an invisible U+200B ZERO WIDTH SPACE"] },
    },
    {
        name: "zero-width joiner and BOM inside user-data",
        resource: bucket({ "\ufeffuser-\u200ddata": "personal", "data-subjects": "RU" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ["U+FEFF", "U+200D"] },
    },
    {
        name: "a look-alike the pack's list does not have (U+0251 LATIN SMALL LETTER ALPHA) is still read as the key",
        resource: bucket({ "user-d\u0251ta": "personal", "data-subjects": "RU" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ['"\u0251" (U+0251', 'read as "a"'] },
    },
];

const tagValues: Case[] = [
    {
        name: "реrsonal with Cyrillic р and е",
        resource: bucket({ "user-data": "\u0440\u0435rsonal", "data-subjects": "RU" }),
        expect: [M, A],
        says: { [LOCALIZATION]: ["U+0440 CYRILLIC SMALL LETTER ER"], [CLASSIFICATION]: ['"\u0440" (U+0440 CYRILLIC SMALL LETTER ER) read as "p"', "U+0435 CYRILLIC SMALL LETTER IE"] },
    },
    {
        name: "persоnal with Cyrillic о",
        resource: bucket({ "user-data": "pers\u043enal", "data-subjects": "RU" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ["U+043E CYRILLIC SMALL LETTER O"] },
    },
    {
        name: "nоne with Cyrillic о is not the word none",
        resource: bucket({ "user-data": "n\u043ene", "data-subjects": "RU" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ["U+043E CYRILLIC SMALL LETTER O"] },
    },
    {
        name: "subjects R U",
        resource: bucket({ "user-data": "personal", "data-subjects": "R U" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ['"r"', '"u"', "read as possibly including Russia"] },
    },
    { name: "subjects ru.", resource: bucket({ "user-data": "personal", "data-subjects": "ru." }), expect: [M] },
    { name: "subjects RUS (alpha-3)", resource: bucket({ "user-data": "personal", "data-subjects": "de,rus" }), expect: [M] },
    {
        name: "subjects Cyrillic РУ",
        resource: bucket({ "user-data": "personal", "data-subjects": "\u0420\u0423" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ["U+0420 CYRILLIC CAPITAL LETTER ER", 'read as "P"'] },
    },
    {
        name: "fullwidth ＲＵ",
        resource: bucket({ "user-data": "personal", "data-subjects": "\uff32\uff35" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ["U+FF32 compatibility form"] },
    },
    { name: "value in upper case with spaces", resource: bucket({ "user-data": "  PERSONAL ", "data-subjects": " Ru " }), expect: [M] },
    {
        name: "zero-width space inside personal",
        resource: bucket({ "user-data": "per\u200bsonal", "data-subjects": "RU" }),
        expect: [M, A],
        says: { [CLASSIFICATION]: ["an invisible U+200B ZERO WIDTH SPACE"] },
    },
    { name: "an empty user-data value", resource: bucket({ "user-data": "", "data-subjects": "RU" }), expect: [M, A], says: { [CLASSIFICATION]: ["is empty"] } },
    { name: "a number as the user-data value", resource: bucket({ "user-data": 1, "data-subjects": "RU" }), expect: [M, A], says: { [CLASSIFICATION]: ['"1"'] } },
    {
        name: "none next to personal under another spelling of the key: personal wins",
        resource: bucket({ "user-data": "none", "User Data": "personal", "data-subjects": "RU" }),
        expect: [M],
    },
    {
        name: "stack tag data-subjects DE does not override the resource's RU",
        resource: bucket(personalRu),
        stackTags: { "data-subjects": "DE" },
        expect: [M],
    },
];

const tagSources: Case[] = [
    { name: "classification only in tagsAll", resource: { type: BUCKET, name: "customers", props: { tagsAll: personalRu }, provider: FRANKFURT }, expect: [M], says: { [LOCALIZATION]: ["tagsAll"] } },
    {
        name: "classification only in the provider's defaultTags (JSON string)",
        resource: { type: BUCKET, name: "customers", props: {}, provider: { props: { region: "eu-central-1", defaultTags: JSON.stringify({ tags: personalRu }) } } },
        expect: [M],
        says: { [LOCALIZATION]: ["provider defaultTags.tags"] },
    },
    {
        name: "classification only in the provider's defaultTags (object)",
        resource: { type: BUCKET, name: "customers", props: {}, provider: { props: { region: "eu-central-1", defaultTags: { tags: personalRu } } } },
        expect: [M],
    },
    { name: "tag map given as a JSON string", resource: bucket(JSON.stringify(personalRu)), expect: [M] },
    {
        name: "tag map given as a list of key/value pairs",
        resource: bucket([
            { key: "user-data", value: "personal" },
            { Key: "data-subjects", Value: "RU" },
        ]),
        expect: [M],
    },
    { name: "tags in labels", resource: { type: BUCKET, name: "customers", props: { labels: personalRu }, provider: FRANKFURT }, expect: [M] },
    {
        name: "tag map that is not JSON: cannot be read, so it may hold the classification",
        resource: bucket("{user-data: personal"),
        expect: [M],
        says: { [LOCALIZATION]: ["cannot be read"] },
    },
    {
        name: "a resource tag none does not hide personal in tagsAll? (resource tags win, as AWS merges them)",
        resource: { type: BUCKET, name: "customers", props: { tags: { "user-data": "none" }, tagsAll: personalRu }, provider: FRANKFURT },
        expect: [],
    },
    {
        name: "an exemption written as a tag has no effect",
        resource: bucket({ ...personalRu, exemption: "ru-personal-data-localization", "pulumi-policy-exempt": "true" }),
        expect: [M],
    },
];

const endpoints: Case[] = [
    {
        name: "user-info before the real host",
        resource: viaEndpoint("https://storage.yandexcloud.net@s3.eu-central-1.amazonaws.com"),
        expect: [M],
        says: { [LOCALIZATION]: ['host "s3.eu-central-1.amazonaws.com"', "user-info"] },
    },
    {
        name: "user-info with a password: blocked and the password is not repeated",
        resource: viaEndpoint("https://storage.yandexcloud.net:hunter2pass@s3.eu-central-1.amazonaws.com"),
        expect: [M],
        never: ["hunter2pass"],
    },
    {
        name: "a look-alike host under another domain",
        resource: viaEndpoint("https://storage.yandexcloud.net.example.io"),
        expect: [M],
        says: { [LOCALIZATION]: ['"storage.yandexcloud.net.example.io", a host that is not in the pack\'s catalogue'] },
    },
    { name: "a look-alike host with a digit for a letter", resource: viaEndpoint("https://storage.yandexc1oud.net"), expect: [M] },
    {
        name: "an IDN host with a Cyrillic а (compared as punycode)",
        resource: viaEndpoint("https://storage.y\u0430ndexcloud.net"),
        expect: [M],
        says: { [LOCALIZATION]: ["xn--"] },
    },
    { name: "a punycode host written out", resource: viaEndpoint("https://storage.xn--yndexcloud-5ch.net"), expect: [M] },
    { name: "a trailing dot on an AWS host", resource: viaEndpoint("https://s3.eu-central-1.amazonaws.com."), expect: [M], says: { [LOCALIZATION]: ["Amazon Web Services"] } },
    { name: "control: a trailing dot on the Yandex host is still Yandex", resource: viaEndpoint("https://storage.yandexcloud.net."), expect: [] },
    { name: "an IPv4 address", resource: viaEndpoint("https://51.250.0.1"), expect: [M], says: { [LOCALIZATION]: ["an IP address"] } },
    { name: "an IPv4 address in hex", resource: viaEndpoint("http://0x33fa0001"), expect: [M], says: { [LOCALIZATION]: ['"51.250.0.1"', "an IP address"] } },
    { name: "an IPv6 address", resource: viaEndpoint("https://[2a02:6b8::1]:443"), expect: [M], says: { [LOCALIZATION]: ["an IP address"] } },
    { name: "a scheme-less AWS host", resource: viaEndpoint("s3.eu-central-1.amazonaws.com"), expect: [M] },
    { name: "control: a scheme-less Yandex host", resource: viaEndpoint("storage.yandexcloud.net"), expect: [] },
    { name: "http:// to AWS", resource: viaEndpoint("http://s3.eu-central-1.amazonaws.com"), expect: [M] },
    { name: "upper-case AWS host", resource: viaEndpoint("HTTPS://S3.EU-CENTRAL-1.AMAZONAWS.COM"), expect: [M] },
    {
        name: "a backslash that URL parsers read differently",
        resource: viaEndpoint("https://storage.yandexcloud.net\\@s3.eu-central-1.amazonaws.com"),
        expect: [M],
        says: { [LOCALIZATION]: ["URL parsers read differently"] },
    },
    {
        name: "a tab inside the host (stripped by one parser, refused by another)",
        resource: viaEndpoint("https://storage.yandex\tcloud.net"),
        expect: [M],
    },
    { name: "a percent-encoded host", resource: viaEndpoint("https://storage%2Eyandexcloud.net.example.io"), expect: [M] },
    { name: "garbage", resource: viaEndpoint("::::"), expect: [M], says: { [LOCALIZATION]: ["has no host the pack can read"] } },
    { name: "a file: URL", resource: viaEndpoint("file:///etc/passwd"), expect: [M] },
    {
        name: "two keys for the service that disagree (s3 Yandex, s3api AWS)",
        resource: bucket(personalRu, { props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net", s3api: "https://s3.amazonaws.com" }]) } }),
        expect: [M],
        says: { [LOCALIZATION]: ["disagree"] },
    },
    {
        name: "endpoint key in upper case still counts (control: Yandex)",
        resource: bucket(personalRu, { props: { region: "ru-central1", endpoints: JSON.stringify([{ S3: "https://storage.yandexcloud.net" }]) } }),
        expect: [],
    },
    {
        name: "endpoints given as invalid JSON",
        resource: bucket(personalRu, { props: { region: "ru-central1", endpoints: "[{s3: https://storage.yandexcloud.net}" } }),
        expect: [M],
        says: { [LOCALIZATION]: ["not JSON"] },
    },
    {
        name: "endpoint given as a number",
        resource: bucket(personalRu, { props: { region: "ru-central1", endpoints: JSON.stringify([{ s3: 42 }]) } }),
        expect: [M],
        says: { [LOCALIZATION]: ["not a string"] },
    },
];

const regions: Case[] = [
    { name: "provider region in upper case with spaces", resource: bucket(personalRu, { props: { region: "  EU-CENTRAL-1 " } }), expect: [M], says: { [LOCALIZATION]: ["Germany (DE)"] } },
    { name: "resource region in mixed case", resource: bucket(personalRu, { props: {} }, { region: "Eu-West-1" }), expect: [M], says: { [LOCALIZATION]: ["Ireland"] } },
    { name: "ru-central1 on plain AWS", resource: bucket(personalRu, { props: { region: "ru-central1" } }), expect: [M], says: { [LOCALIZATION]: ["not an AWS region"] } },
    { name: "a region with a Cyrillic look-alike", resource: bucket(personalRu, { props: { region: "ru-\u0441entral1" } }), expect: [M] },
    { name: "a region given as a number", resource: bucket(personalRu, { props: { region: 1 } }), expect: [M], says: { [LOCALIZATION]: ["not a string"] } },
    {
        name: "resource region contradicts the provider's Russian endpoint",
        resource: bucket(personalRu, YANDEX, { region: "eu-central-1" }),
        expect: [M],
        says: { [LOCALIZATION]: ["contradict"] },
    },
    {
        name: "resource region contradicts the provider's Russian endpoint, written in upper case with spaces",
        resource: bucket(personalRu, YANDEX, { region: " EU-CENTRAL-1 " }),
        expect: [M],
        says: { [LOCALIZATION]: ["contradict"] },
    },
    {
        name: "resource claims ru-central1 while the provider is in Frankfurt",
        resource: bucket(personalRu, FRANKFURT, { region: "ru-central1" }),
        expect: [M],
        says: { [LOCALIZATION]: ["not an AWS region"] },
    },
];

const exempt = (e: unknown, extra: Record<string, unknown> = {}) => ({ [LOCALIZATION]: { exemptions: [e], ...extra } });
const exemptions: Case[] = [
    {
        name: "exemption *",
        resource: bucket(personalRu),
        config: exempt({ resource: "*", reason: "later", expires: "2999-01-01" }),
        expect: [M],
        says: { [LOCALIZATION]: ["matches every resource"] },
    },
    ...["**", "?*", "*:*", "urn:*", "urn:pulumi:**", "{*,x}", "!(zz)"].map((glob): Case => ({
        name: `exemption ${glob}`,
        resource: bucket(personalRu),
        config: exempt({ resource: glob, reason: "later", expires: "2999-01-01" }),
        expect: [M],
        says: { [LOCALIZATION]: ["matches every resource"] },
    })),
    {
        name: "control: exemption * with allowBroadExemptions: true",
        resource: bucket(personalRu),
        config: exempt({ resource: "*", reason: "migration", expires: "2999-01-01" }, { allowBroadExemptions: true }),
        expect: [],
    },
    {
        name: "control: a narrow glob",
        resource: bucket(personalRu),
        config: exempt({ resource: "custom*", reason: "migration", expires: "2999-01-01" }),
        expect: [],
    },
    {
        name: "exemption without a reason",
        resource: bucket(personalRu),
        config: exempt({ resource: "customers", expires: "2999-01-01" }),
        expect: [M],
        says: { [LOCALIZATION]: ["exemptions[0].reason is required"] },
    },
    {
        name: "exemption with a blank reason",
        resource: bucket(personalRu),
        config: exempt({ resource: "customers", reason: "   ", expires: "2999-01-01" }),
        expect: [M],
        says: { [LOCALIZATION]: ["exemptions[0].reason is required"] },
    },
    {
        name: "exemption without an expiry",
        resource: bucket(personalRu),
        config: exempt({ resource: "customers", reason: "migration" }),
        expect: [M],
        says: { [LOCALIZATION]: ["exemptions[0].expires is required"] },
    },
    {
        name: "exemption with an impossible expiry date",
        resource: bucket(personalRu),
        config: exempt({ resource: "customers", reason: "migration", expires: "2999-02-30" }),
        expect: [M],
        says: { [LOCALIZATION]: ["real date"] },
    },
];

const suites: [string, Case[]][] = [
    ["tag keys", tagKeys],
    ["tag values", tagValues],
    ["tag sources", tagSources],
    ["endpoint URLs", endpoints],
    ["regions", regions],
    ["exemptions", exemptions],
];

for (const [suite, cases] of suites) {
    describe(`evasion: ${suite}`, () => {
        for (const c of cases) {
            it(c.name, async () => {
                const got = await runAll(c.resource, { config: c.config, stackTags: c.stackTags });
                expect(outcomes(got), got.map((v) => v.message).join("\n---\n")).toEqual(c.expect);
                for (const v of got) {
                    for (const fragment of c.says?.[v.policy] ?? []) expect(v.message).toContain(fragment);
                    for (const fragment of c.never ?? []) expect(v.message).not.toContain(fragment);
                }
            });
        }
    });
}
