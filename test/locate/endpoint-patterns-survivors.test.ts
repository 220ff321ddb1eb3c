// Which endpointCountries patterns would place in Russia what the pack knows to be abroad or
// public, with the exact reason the config check gives.
import { describe, expect, it } from "vitest";
import { isPublicSuffix, weakeningRussianPattern } from "../../policypack/src/locate/endpoint-patterns";

const PSL = "(https://publicsuffix.org/list/public_suffix_list.dat, version 20230209.2326 (Debian package publicsuffix 20230209.2326-1)) under which anyone can register a host, wherever that host is";
const KZ = "which the pack's catalogue lists as Yandex Cloud Object Storage (S3-compatible), Kazakhstan region (Kazakhstan (KZ))";
const AWS = "which the pack's catalogue lists as Amazon Web Services All AWS services, partitions aws and aws-us-gov (Amazon Web Services, which has no region in Russia)";

describe("isPublicSuffix", () => {
    it.each([
        ["com", true],
        ["zzzz", true],
        ["co.uk", true],
        ["github.io", true],
        ["x.kawasaki.jp", true],
        ["city.kawasaki.jp", false],
        ["kawasaki.jp", false],
        ["example.com", false],
        ["x.github.io", false],
        ["x.zzzz", false],
    ])("%s → %s", (domain, want) => {
        expect(isPublicSuffix(domain)).toBe(want);
    });
});

describe("weakeningRussianPattern", () => {
    it.each(["", "*", "*.", " . ", "*.*"])("%j covers every host", (p) => {
        expect(weakeningRussianPattern(p)).toBe("every host");
    });

    it.each([
        ["*.com", `every host under "com", a public suffix ${PSL}`],
        ["*.рф", `every host under "xn--p1ai", a public suffix ${PSL}`],
        ["*.s3.amazonaws.com", `every host under "s3.amazonaws.com", a public suffix ${PSL}`],
        ["github.io", `the host "github.io", a public suffix ${PSL}`],
        ["storage.yandexcloud.net", `the host "storage.yandexcloud.net", a public suffix ${PSL}`],
        ["storage.yandexcloud.kz", `the host "storage.yandexcloud.kz", ${KZ}`],
        ["*.yandexcloud.kz", `the host "storage.yandexcloud.kz", ${KZ}`],
        ["*.storage.yandexcloud.kz", `the host "storage.yandexcloud.kz", ${KZ}`],
        ["x.storage.yandexcloud.kz", `hosts under "storage.yandexcloud.kz", ${KZ}`],
        ["*.x.storage.yandexcloud.kz", `hosts under "storage.yandexcloud.kz", ${KZ}`],
        ["*.amazonaws.com", `the host "amazonaws.com", ${AWS}`],
        ["S3.Amazonaws.COM.", `hosts under "amazonaws.com", ${AWS}`],
        ["*.infra.mail.ru", 'the host "kz.infra.mail.ru", which the pack\'s catalogue lists as VK Cloud Keystone identity, Kazakhstan region (Kazakhstan (KZ))'],
    ])("%s would place in Russia %s", (p, why) => {
        expect(weakeningRussianPattern(p)).toBe(why);
    });

    it.each(["example.com", "*.example.com", "x.kz.infra.mail.ru", "*.хранилище.рф", "s3.cloud.ru"])("%s weakens nothing the pack knows", (p) => {
        expect(weakeningRussianPattern(p)).toBeUndefined();
    });
});
