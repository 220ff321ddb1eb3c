// The law as the pack states it, from data/law.json: every legal sentence in a message, a
// generated doc, a report or a policy's framework comes from here, with its citation, its source
// status and the date it was reviewed. Nothing here throws: a missing entry is a programming
// error that test/law reports, and at run time it degrades to a sentence that says so.
import data from "../data/law.json";

export type LawStatus = "official" | "secondary" | "unconfirmed";

export interface LawSource {
    url: string;
    kind: string;
    retrieved: string;
    read: string;
}

export interface Provision {
    id: string;
    /** How messages and docs cite it, e.g. "152-FZ Art. 18(5)". */
    cite: string;
    act: string;
    article: string | null;
    part?: string | null;
    points?: string[];
    title: string;
    version: string;
    versionDate: string;
    validUntil?: string;
    wordingRu?: string;
    english: string;
    /** A clause short enough for a message. */
    short?: string;
    plain: string;
    sources: string[];
    status: LawStatus;
    statusReason: string;
    reviewed: string;
    usedBy: string[];
}

export interface Reading {
    id: string;
    title: string;
    text: string;
    why: string;
    cites: string[];
    sources: string[];
    whatThePackDoes: string;
    reviewed: string;
}

export interface OfficialSource {
    name: string;
    url: string;
    reached: boolean;
    why: string;
}

export interface LawData {
    reviewed: string;
    asOf: string;
    notice: string;
    officialSources: Record<string, OfficialSource>;
    sources: Record<string, LawSource>;
    provisions: Provision[];
    readings: Reading[];
    leftToPeople: string[];
}

export const LAW = data as unknown as LawData;
export const LAW_FILE = "policypack/data/law.json";

const provisions = new Map(LAW.provisions.map((p) => [p.id, p]));
const readings = new Map(LAW.readings.map((r) => [r.id, r]));

function missing(id: string): Provision {
    return {
        id,
        cite: `(law file entry ${id} is missing)`,
        act: "",
        article: null,
        title: id,
        version: "",
        versionDate: "",
        english: `The pack's law file has no entry ${id}; please report this as a bug.`,
        plain: "",
        sources: [],
        status: "unconfirmed",
        statusReason: "missing entry",
        reviewed: "",
        usedBy: [],
    };
}

export function provision(id: string): Provision {
    return provisions.get(id) ?? missing(id);
}

export function reading(id: string): Reading {
    return readings.get(id) ?? { id, title: id, text: `(law file reading ${id} is missing)`, why: "", cites: [], sources: [], whatThePackDoes: "", reviewed: "" };
}

export function hasProvision(id: string): boolean {
    return provisions.has(id);
}

const STATUS_WORDS: Record<LawStatus, string> = {
    official: "checked against the official text",
    secondary: "from secondary sources; the official text was not reached",
    unconfirmed: "reported but not confirmed",
};

export function statusWords(status: LawStatus): string {
    return STATUS_WORDS[status] ?? STATUS_WORDS.unconfirmed;
}

/** "[policypack/data/law.json 152fz-18-5, reviewed 2026-12-01; from secondary sources, ...]" */
export function lawRef(id: string): string {
    const p = provision(id);
    return `[${LAW_FILE} ${p.id}, reviewed ${p.reviewed}; ${statusWords(p.status)}]`;
}

/** "152-FZ Art. 18(5) (as amended by 23-FZ of 2025-02-28, in force 2025-07-01): <english> [ref]" */
export function ruleSentence(id: string): string {
    const p = provision(id);
    return `${p.cite} (${p.version}, in force ${p.versionDate}): ${p.english} ${lawRef(id)}`;
}

/** "The pack's reading (not the law's words; lawyers contest it): <text>. [ref]" */
export function readingSentence(id: string): string {
    const r = reading(id);
    return `The pack's own reading, not the law's words: ${r.text}. [${LAW_FILE} ${r.id}, reviewed ${r.reviewed}]`;
}

export const NOTICE: string = LAW.notice;

/** The policies' compliance framework version: the law as the file states it, and when it was reviewed. */
export function frameworkVersion(): string {
    const p = provision("152fz-18-5");
    return `${p.version} (in force ${p.versionDate}); law file reviewed ${LAW.reviewed}`;
}
