// Extract the Yandex provider's resource schemas into policypack/data/yandex-schema.json: no Pulumi
// SDK of the Yandex provider is on the npm registry, so the index reads the Terraform provider's own
// generated reference (docs/resources/<name>.md, one nested list of arguments per resource) and its
// resource catalogue (catalog.yaml: category, plugin framework or SDKv2) from a git checkout.
//
//   node policypack/scripts/extract-yandex-schema.mjs <git dir of yandex-cloud/terraform-provider-yandex> [commit]
//
// Only facts are kept: per resource, its category, its argument paths that name a zone, region or
// location, and its nested label maps. Paths are camelCase (as Pulumi names inputs) and dotted; a
// nested block may arrive as one object, a list of objects or a map of name → object (the *V2
// database clusters' hosts), so block segments carry no "[]"; a list of strings ends in "[]".
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "data", "yandex-schema.json");

const LOCATION_LEAVES = new Set(["zone", "zone_id", "zones", "zone_ids", "region_id", "location_id", "region"]);
// Regions and zones under these blocks are another system's (an S3 connector's target, a transfer
// endpoint's source database), not where this resource keeps its data.
const FOREIGN = /connector|s3|endpoint|source|target|aws|mirror/;

const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

function git(dir, ...args) {
    return execFileSync("git", ["--git-dir", dir, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
}

function catalogue(text) {
    const out = {};
    let current;
    for (const line of text.split("\n")) {
        const name = /^ {2}([a-z0-9_]+):\s*$/.exec(line);
        if (name) {
            current = out[name[1]] = {};
            continue;
        }
        const field = /^ {4}(Category|Type):\s*"?([^"]*)"?\s*$/.exec(line);
        if (field && current) current[field[1] === "Category" ? "category" : "kind"] = field[2];
    }
    return out;
}

/** The arguments of one resource page: [{ depth, name, type }]. */
function argumentsOf(md) {
    const start = md.indexOf("## Arguments & Attributes Reference");
    if (start < 0) return [];
    const body = md.slice(start).split("\n## ")[0];
    const out = [];
    for (const line of body.split("\n")) {
        const m = /^( *)- `([a-z0-9_]+)`\s*(.*)$/.exec(line);
        if (!m) continue;
        const rest = m[3];
        const type = rest.includes("[Block]") ? "block" : (/\(([A-Z][A-Za-z ]*)\)/.exec(rest.replace(/\(\*\*Required\*\*\)|\(\*Read-Only\*\)/g, ""))?.[1] ?? "");
        out.push({ depth: m[1].length / 2, name: m[2], type });
    }
    return out;
}

function schemaOf(md, name) {
    // A DNS zone's `zone` is a domain name and a record set's `zone_id` a DNS zone: no place.
    const dns = name.startsWith("dns_");
    const stack = [];
    const location = new Set();
    const tags = new Set();
    for (const a of argumentsOf(md)) {
        stack.length = a.depth;
        const parents = stack.map((p) => p.name);
        stack.push(a);
        // No read-only filter: the reference marks optional, computed inputs such as a file
        // system's zone "Read-Only", and reading a path a stack never sets costs nothing.
        const path = [...parents, a.name].map(camel).join(".");
        if (FOREIGN.test(parents.join(".")) || dns) continue;
        const listOfStrings = /^(List|Set) Of String$/.test(a.type);
        if (LOCATION_LEAVES.has(a.name) && (a.type === "String" || listOfStrings)) location.add(listOfStrings ? `${path}[]` : path);
        // ydb location.region.id and the like: an id inside a region or zone block.
        if (a.name === "id" && a.type === "String" && ["region", "zone"].includes(parents.at(-1) ?? "")) location.add(path);
        if (a.name === "labels" && a.type === "Map Of String" && parents.length > 0) tags.add(path);
    }
    return { location: [...location].sort(), tags: [...tags].sort() };
}

const [dir, commit = "HEAD"] = process.argv.slice(2);
if (!dir) {
    console.error("usage: extract-yandex-schema.mjs <git dir> [commit]");
    process.exit(2);
}
const sha = git(dir, "rev-parse", commit).trim();
const version = git(dir, "describe", "--tags", sha).trim();
const committed = git(dir, "show", "-s", "--format=%cs", sha).trim();
const cat = catalogue(git(dir, "show", `${sha}:catalog.yaml`));
const resources = {};
for (const file of git(dir, "ls-tree", "--name-only", sha, "docs/resources/")
    .split("\n")
    .filter((f) => f.endsWith(".md"))) {
    const name = file.slice("docs/resources/".length, -3);
    const { location, tags } = schemaOf(git(dir, "show", `${sha}:${file}`), name);
    const entry = {};
    if (cat[name]?.category) entry.category = cat[name].category;
    if (cat[name]?.kind) entry.kind = cat[name].kind;
    if (location.length > 0) entry.location = location;
    if (tags.length > 0) entry.tags = tags;
    resources[name] = entry;
}
const out = {
    $comment:
        "Facts read from the Yandex provider's generated reference (docs/resources/*.md) and catalog.yaml by policypack/scripts/extract-yandex-schema.mjs: per Terraform resource, its category, kind (fw = plugin framework, sdk = SDKv2), argument paths (camelCase, as Pulumi names inputs) naming a zone, region or location, and nested label maps. Block segments may be one object, a list or a map of objects; a list of strings ends in [].",
    source: { repository: "github.com/yandex-cloud/terraform-provider-yandex", commit: sha, version, committed, checked: new Date().toISOString().slice(0, 10) },
    resources,
};
writeFileSync(target, JSON.stringify(out, null, 1) + "\n");
console.log(`${Object.keys(resources).length} resources from ${version} (${sha.slice(0, 7)}) → ${target}`);
