// The per-type index generated from the provider SDKs' own declarations (data/type-index.json,
// policypack/scripts/generate-type-index.mjs): where a type's tags live beyond the paths the pack
// always reads, where its location lives, and whether it holds data.
import typeIndexData from "../../data/type-index.json";

interface Entry {
    t?: string[];
    l?: string[];
    d?: string;
}

interface IndexFile {
    packages: { package: string; version: string; types: Record<string, Entry> }[];
}
// Read through unknown: the file is generated data, and its literal type is thousands of keys wide.
const typeIndex = typeIndexData as unknown as IndexFile;
const entries = new Map<string, Entry>();
for (const p of typeIndex.packages) for (const [token, e] of Object.entries(p.types)) entries.set(token, e);

const NONE: readonly string[] = Object.freeze([]);

/** Tag paths of the type beyond tags, labels and metadata.labels/annotations ("volumeTags", "ebsBlockDevices[].tags"). */
export function extraTagPaths(type: string | undefined): readonly string[] {
    if (type === undefined) return NONE;
    return entries.get(type)?.t ?? NONE;
}

/** The index entry for a type, or undefined for a type no installed SDK declared when the index was generated. */
export function indexEntry(type: string): Entry | undefined {
    return entries.get(type);
}

/** The packages and versions the index was generated from. */
export function indexedPackages(): { package: string; version: string }[] {
    return typeIndex.packages.map((p) => ({ package: p.package, version: p.version }));
}
