// Regenerate policypack/data/public-suffixes.json from a copy of the Public Suffix List
// (https://publicsuffix.org/list/public_suffix_list.dat).
//
//   node policypack/scripts/generate-public-suffixes.mjs [path-to-list] [version]
//
// Default path: /usr/share/publicsuffix/public_suffix_list.dat (Debian package "publicsuffix").
// The pack uses the list for one thing: refusing an endpointCountries pattern that maps a public
// suffix (a domain under which anyone can register a host, such as *.com or *.herokuapp.com) to
// Russia. Rules are kept as the list writes them ("*.ck", "!www.ck"), in ASCII (punycode).
import { readFileSync, writeFileSync } from "node:fs";
import { domainToASCII } from "node:url";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const path = process.argv[2] ?? "/usr/share/publicsuffix/public_suffix_list.dat";
const version = process.argv[3] ?? "20230209.2326 (Debian package publicsuffix 20230209.2326-1)";
const text = readFileSync(path, "utf8");
const rules = [];
let section = "icann";
let icann = 0;
for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.includes("===BEGIN PRIVATE DOMAINS===")) section = "private";
    if (line === "" || line.startsWith("//")) continue;
    const rule = line.split(/\s/)[0];
    const prefix = rule.startsWith("!") ? "!" : rule.startsWith("*.") ? "*." : "";
    const rest = rule.slice(prefix.length);
    const ascii = domainToASCII(rest);
    if (!ascii) continue;
    rules.push(prefix + ascii);
    if (section === "icann") icann++;
}
const out = {
    $comment:
        "The Public Suffix List as rules (exact, *.wildcard, !exception), ICANN and private sections. Used only to refuse endpointCountries patterns that map a public suffix to Russia. Regenerate with policypack/scripts/generate-public-suffixes.mjs.",
    source: "https://publicsuffix.org/list/public_suffix_list.dat",
    version,
    retrieved: "2026-12-01",
    license: "MPL-2.0",
    icannRules: icann,
    rules,
};
const target = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "public-suffixes.json");
writeFileSync(target, JSON.stringify(out) + "\n");
console.log(`${rules.length} rules (${icann} ICANN) → ${target}`);
