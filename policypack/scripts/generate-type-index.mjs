// Regenerate policypack/data/type-index.json from the provider SDKs installed in node_modules/@pulumi:
// for each resource type, where its tags or labels live, where its location lives, and whether it
// holds data, read from the SDK's own type declarations (the resource's Args interface and the
// nested input types in types/input.d.ts). The Yandex provider has no SDK on the npm registry; its
// part comes from data/yandex-schema.json, which scripts/extract-yandex-schema.mjs extracts from the
// provider's own generated reference (repository, commit, version and date are in that file).
//
//   npm run build && node policypack/scripts/generate-type-index.mjs
//
// Per type (token → entry), only what differs from the default reading is written, so the file stays
// small: `t` tag paths beyond the ones the pack always reads (tags, labels, metadata.labels,
// metadata.annotations), `l` location paths beyond a lone top-level `region`, and `d` = "s" for a
// storage type (or a member of one), "n" for a type known to hold no data, omitted otherwise.
// Paths use "[]" for every element of a list or map: "ebsBlockDevices[].tags".
import { createRequire } from "node:module";
import { readdirSync, readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const require = createRequire(join(root, "package.json"));
const ts = require("typescript");
// The pack's own lists decide "holds data"; the compiled pack must be built first.
const { storageService, memberOf } = require(join(root, "policypack", "bin", "src", "classify", "storage.js"));
const { noDataType } = require(join(root, "policypack", "bin", "src", "decide", "localization.js"));

/** Provider packages the pack has a resolver for; any of them that is installed is indexed. */
export const PROVIDER_PACKAGES = ["aws", "gcp", "azure-native", "kubernetes", "openstack", "yandex", "alicloud", "oci", "digitalocean", "hcloud", "huaweicloud", "cloudru"];
const TAG_NAMES = new Set(["tags", "labels", "userLabels", "volumeTags", "resourceLabels", "annotations"]);
// OpenStack (and the VK Cloud and Selectel installations behind it) keeps key-value tags in
// `metadata`; elsewhere a `metadata` map is something else (S3 object user metadata).
const METADATA_IS_TAGS = new Set(["@pulumi/openstack"]);
// Tag maps under these segments select or describe other things (lifecycle and replication
// filters, Fargate selectors, framework scopes, endpoints' VPC resources, targets' task tags): they
// say nothing about the data this resource holds, so they are not its classification.
const NOT_CLASSIFICATION = /filter|rule|selector|scope|match|condition|split|target|authorizer|endpoint|discovery/i;
const LOCATION_NAMES = new Set(["region", "location", "zone", "zoneId", "zoneIds", "zones", "availabilityZone", "availabilityZones", "regionName", "locationId", "regionId"]);
const DEFAULT_TAG_PATHS = new Set(["tags", "labels", "metadata.labels", "metadata.annotations", "tagsAll", "effectiveLabels"]);
const MAX_DEPTH = 5;

function walkFiles(dir, out = []) {
    for (const name of readdirSync(dir)) {
        if (name === "node_modules" || name === "types") continue;
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walkFiles(p, out);
        else if (name.endsWith(".js")) out.push(p);
    }
    return out;
}

function parse(file) {
    return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
}

/** interface name (dotted by namespace: "ec2.InstanceRootBlockDevice") → its property signatures. */
function inputTypes(pkgDir) {
    const map = new Map();
    const file = join(pkgDir, "types", "input.d.ts");
    if (!existsSync(file)) return map;
    const visit = (node, prefix) => {
        if (ts.isModuleDeclaration(node) && node.body) {
            const name = prefix ? `${prefix}.${node.name.text}` : node.name.text;
            if (ts.isModuleBlock(node.body)) for (const s of node.body.statements) visit(s, name);
            else visit(node.body, name);
            return;
        }
        if (ts.isInterfaceDeclaration(node)) map.set(prefix ? `${prefix}.${node.name.text}` : node.name.text, node.members.filter(ts.isPropertySignature));
    };
    for (const s of parse(file).statements) visit(s, "");
    return map;
}

function unwrap(node) {
    if (!node) return node;
    if (ts.isParenthesizedTypeNode(node)) return unwrap(node.type);
    if (ts.isTypeReferenceNode(node)) {
        const name = node.typeName.getText();
        if (/^(pulumi\.)?(Input|Output)$/.test(name) && node.typeArguments?.length === 1) return unwrap(node.typeArguments[0]);
    }
    return node;
}

/** The shapes a declared type can take: "string", "map", "list:<shape>", "ref:<name>", "other". */
function shapes(node) {
    node = unwrap(node);
    if (!node) return [];
    if (ts.isUnionTypeNode(node)) return node.types.flatMap(shapes);
    if (node.kind === ts.SyntaxKind.UndefinedKeyword) return [];
    if (node.kind === ts.SyntaxKind.StringKeyword) return ["string"];
    if (ts.isArrayTypeNode(node)) return shapes(node.elementType).map((s) => `list:${s}`);
    if (ts.isTypeLiteralNode(node) && node.members.some(ts.isIndexSignatureDeclaration)) {
        const idx = node.members.find(ts.isIndexSignatureDeclaration);
        // {[key: string]: any} is how some SDKs (OpenStack) declare a map of strings.
        if (idx.type.kind === ts.SyntaxKind.AnyKeyword) return ["map"];
        return shapes(idx.type).map((s) => (s === "string" ? "map" : `mapof:${s}`));
    }
    if (ts.isTypeReferenceNode(node)) {
        const name = node.typeName.getText();
        if (name.startsWith("inputs.")) return [`ref:${name.slice("inputs.".length)}`];
        if (name === "Record" && node.typeArguments?.length === 2) return shapes(node.typeArguments[1]).map((s) => (s === "string" ? "map" : `mapof:${s}`));
        if (name === "Array" && node.typeArguments?.length === 1) return shapes(node.typeArguments[0]).map((s) => `list:${s}`);
    }
    return ["other"];
}

function propName(p) {
    return p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
}

function collect(members, types, prefix, depth, seen, out, metadataIsTags = false) {
    for (const p of members) {
        const name = propName(p);
        if (!name) continue;
        const path = prefix ? `${prefix}.${name}` : name;
        for (let shape of shapes(p.type)) {
            let suffix = "";
            while (shape.startsWith("list:") || shape.startsWith("mapof:")) {
                shape = shape.slice(shape.indexOf(":") + 1);
                suffix += "[]";
            }
            const full = `${path}${suffix}`;
            const tagName = TAG_NAMES.has(name) || (metadataIsTags && name === "metadata");
            if (tagName && shape === "map" && suffix === "" && !(prefix && NOT_CLASSIFICATION.test(prefix))) out.tags.add(full);
            if (LOCATION_NAMES.has(name) && shape === "string") out.locations.add(full);
            if (shape.startsWith("ref:") && depth < MAX_DEPTH) {
                const ref = shape.slice(4);
                if (seen.has(ref)) continue;
                const nested = types.get(ref);
                if (nested) collect(nested, types, full, depth + 1, new Set([...seen, ref]), out, metadataIsTags);
            }
        }
    }
}

function indexPackage(pkgDir) {
    const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
    const types = inputTypes(pkgDir);
    const entries = {};
    for (const js of walkFiles(pkgDir)) {
        const text = readFileSync(js, "utf8");
        const m = /static __pulumiType = '([^']+)'/.exec(text) ?? /\.__pulumiType = ["']([^"']+)["']/.exec(text);
        if (!m || !/extends pulumi\.CustomResource/.test(text)) continue;
        const token = m[1];
        const cls = /class (\w+) extends pulumi\.CustomResource/.exec(text)?.[1];
        const dts = js.replace(/\.js$/, ".d.ts");
        const out = { tags: new Set(), locations: new Set() };
        if (cls && existsSync(dts)) {
            const sf = parse(dts);
            const args = sf.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === `${cls}Args`);
            if (args) collect(args.members.filter(ts.isPropertySignature), types, "", 0, new Set(), out, METADATA_IS_TAGS.has(pkg.name));
        }
        const entry = {};
        const t = [...out.tags].filter((p) => !DEFAULT_TAG_PATHS.has(p)).sort();
        const l = [...out.locations].sort();
        if (t.length > 0) entry.t = t;
        if (!(l.length === 0 || (l.length === 1 && l[0] === "region"))) entry.l = l;
        if (storageService(token) !== undefined || memberOf(token) !== undefined) entry.d = "s";
        else if (noDataType(token) !== undefined) entry.d = "n";
        entries[token] = entry;
    }
    const sorted = {};
    for (const k of Object.keys(entries).sort()) sorted[k] = entries[k];
    return { package: pkg.name, version: pkg.version, types: sorted };
}

/** "mdb_postgresql_cluster_v2" → "yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2", as the Pulumi bridge names it. */
export function yandexToken(resource) {
    const camel = resource.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
    return `yandex:index/${camel}:${camel[0].toUpperCase()}${camel.slice(1)}`;
}

// No Pulumi SDK of the Yandex provider is on the npm registry, so its part of the index comes from
// the Terraform provider's own reference, extracted into data/yandex-schema.json (with the
// repository, commit and date) by scripts/extract-yandex-schema.mjs. Its block paths carry no "[]":
// a block may be one object, a list or a map of objects (locate/yandex.ts reads each shape).
function indexYandex() {
    const file = join(root, "policypack", "data", "yandex-schema.json");
    const schema = JSON.parse(readFileSync(file, "utf8"));
    const entries = {};
    for (const resource of Object.keys(schema.resources).sort()) {
        const r = schema.resources[resource];
        const token = yandexToken(resource);
        const entry = {};
        if (r.tags?.length > 0) entry.t = [...r.tags];
        if (r.location?.length > 0) entry.l = [...r.location];
        if (storageService(token) !== undefined || memberOf(token) !== undefined) entry.d = "s";
        else if (noDataType(token) !== undefined) entry.d = "n";
        entries[token] = entry;
    }
    const s = schema.source;
    return { package: "yandex-cloud/terraform-provider-yandex", version: `${s.version} (${s.commit.slice(0, 7)}, checked ${s.checked})`, types: entries };
}

export function generate() {
    const packages = [];
    for (const name of PROVIDER_PACKAGES) {
        const dir = join(root, "node_modules", "@pulumi", name);
        if (existsSync(join(dir, "package.json"))) packages.push(indexPackage(dir));
    }
    packages.push(indexYandex());
    return {
        $comment:
            "Generated by policypack/scripts/generate-type-index.mjs from the provider SDKs' own type declarations (each resource's Args interface and types/input.d.ts) and, for Yandex (no SDK on npm), from the provider's reference extracted into yandex-schema.json; do not edit. Per type: t = tag paths beyond tags, labels, metadata.labels and metadata.annotations; l = location paths beyond a lone region; d = s (holds data: a storage type or a member of one), n (holds none: no-data-types.json); no d = unknown, judged fail closed. Paths use [] for each element of a list or map.",
        packages,
    };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const index = generate();
    const target = join(root, "policypack", "data", "type-index.json");
    writeFileSync(
        target,
        JSON.stringify(index, null, 0)
            .replace(/\{"\$comment"/, '{\n"$comment"')
            .replace(/,"packages":\[/, ',\n"packages":[\n')
            .replace(/,"types":\{/g, ',"types":{\n')
            .replace(/\},"(aws|gcp|kubernetes|openstack|yandex|[a-z-]+):/g, (s) => s.replace('},"', '},\n"')) + "\n",
    );
    for (const p of index.packages) console.log(`${p.package}@${p.version}: ${Object.keys(p.types).length} resource types`);
    console.log(`→ ${target}`);
}
