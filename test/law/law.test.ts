// The law file (policypack/data/law.json) is the only place the pack's legal statements come from.
// These tests fail when a message, a doc or a report cites an article the file does not have,
// when an entry lacks its source or review date, and when docs/law.md is stale.
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { LAW, LAW_FILE, NOTICE, provision, reading } from "../../policypack/src/law";
import { crossBorderPolicy } from "../../policypack/policies/ru-personal-data-cross-border-transfer";
import { crossBorderExamples } from "../../policypack/policies/ru-personal-data-cross-border-transfer.examples";
import { localizationPolicy } from "../../policypack/policies/ru-personal-data-localization";
import { localizationExamples } from "../../policypack/policies/ru-personal-data-localization.examples";
import { classificationPolicy } from "../../policypack/policies/user-data-classification";
import { classificationExamples } from "../../policypack/policies/user-data-classification.examples";
import { LAW_DOC, renderLawDoc } from "../../src/docs/law-doc";
import { runResourcePolicy, runStackPolicy } from "../helpers/harness";
import { harnessSpecs } from "../helpers/stack-examples";

const ROOT = path.resolve(__dirname, "..", "..");
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const ACTS: Record<string, string> = { "152-FZ": "152-FZ", "Code of Administrative Offences": "Code of Administrative Offences", "Criminal Code": "Criminal Code" };

/** Every article a text cites ("152-FZ Art. 18(5)", "Art. 12 part 3", "Criminal Code Art. 272.1"), with what the law file lacks. */
export function uncitedArticles(text: string): string[] {
    const bad: string[] = [];
    const re = /(?:(152-FZ|Code of Administrative Offences|Criminal Code)\s+)?Art(?:icle|\.)\s*(\d+(?:\.\d+)?)(?:\((\d+(?:\.\d+)?)\)|\s+part\s+(\d+(?:\.\d+)?))?/g;
    for (const m of text.matchAll(re)) {
        const act = m[1] ? ACTS[m[1]] : undefined;
        const article = m[2]!;
        const part = m[3] ?? m[4];
        const candidates = LAW.provisions.filter((p) => p.article === article && (!act || p.act === act));
        const ok = part === undefined ? candidates.length > 0 : candidates.some((p) => partCovers(p.part, part));
        if (!ok) bad.push(m[0]);
    }
    return bad;
}

function partCovers(part: string | null | undefined, wanted: string): boolean {
    if (!part) return false;
    if (part === wanted) return true;
    const range = /^(\d+)-(\d+)$/.exec(part);
    return range !== null && Number(wanted) >= Number(range[1]) && Number(wanted) <= Number(range[2]);
}

async function allMessages(): Promise<string[]> {
    const out: string[] = [];
    for (const [policy, examples] of [
        [localizationPolicy, localizationExamples],
        [classificationPolicy, classificationExamples],
    ] as const) {
        for (const ex of [...examples.allowed, ...examples.disallowed]) {
            for (const v of await runResourcePolicy(policy, ex.resource, { config: ex.config, stackTags: ex.stackTags })) out.push(v.message);
        }
    }
    for (const ex of [...crossBorderExamples.allowed, ...crossBorderExamples.disallowed]) {
        for (const v of await runStackPolicy(crossBorderPolicy, harnessSpecs(ex), { config: ex.config, stackTags: ex.stackTags })) out.push(v.message);
    }
    for (const p of [localizationPolicy, classificationPolicy, crossBorderPolicy]) {
        out.push(p.description, p.remediationSteps ?? "", JSON.stringify(p.framework), JSON.stringify(p.configSchema));
    }
    return out;
}

function docs(): [string, string][] {
    const files = [
        "README.md",
        "policypack/README.md",
        ...fs
            .readdirSync(path.join(ROOT, "docs"))
            .filter((f) => f.endsWith(".md"))
            .map((f) => `docs/${f}`),
    ];
    return files.filter((f) => fs.existsSync(path.join(ROOT, f))).map((f) => [f, fs.readFileSync(path.join(ROOT, f), "utf8")]);
}

describe("the citation check", () => {
    it("finds articles the law file has, and flags those it has not", () => {
        expect(uncitedArticles("152-FZ Art. 18(5), Art. 6(1) points 2, 3, 4 and 8, Art. 12 part 3, Art. 13.1, Criminal Code Art. 272.1, Code of Administrative Offences Art. 13.11 part 12")).toEqual(
            [],
        );
        expect(uncitedArticles("152-FZ Art. 99 and 152-FZ Art. 18(7) and Criminal Code Art. 18 and Art. 14")).toEqual(["152-FZ Art. 99", "152-FZ Art. 18(7)", "Criminal Code Art. 18", "Art. 14"]);
    });
});

describe("messages, docs and reports cite only articles in the law file", () => {
    it("every policy message of every example, and every policy's metadata", async () => {
        const messages = await allMessages();
        expect(messages.length).toBeGreaterThan(40);
        const bad = messages.flatMap((m) => uncitedArticles(m).map((c) => `${c} in: ${m.slice(0, 120)}`));
        expect(bad).toEqual([]);
    }, 60_000);
    it("every doc", () => {
        for (const [file, text] of docs()) expect(uncitedArticles(text), file).toEqual([]);
    });
    it("the law file's own texts, and the notice every report carries", () => {
        expect(uncitedArticles(JSON.stringify(LAW))).toEqual([]);
        expect(uncitedArticles(NOTICE)).toEqual([]);
    });
});

describe("the law file", () => {
    it("gives every rule its citation, wording, version date, sources and review date", () => {
        const ids = new Set<string>();
        for (const p of LAW.provisions) {
            expect(ids.has(p.id), p.id).toBe(false);
            ids.add(p.id);
            expect(p.cite.length, p.id).toBeGreaterThan(0);
            expect(p.english.length, p.id).toBeGreaterThan(20);
            expect(p.version.length, p.id).toBeGreaterThan(0);
            expect(p.versionDate.length, p.id).toBeGreaterThan(0);
            expect(p.reviewed, p.id).toMatch(ISO);
            expect(["official", "secondary", "unconfirmed"], p.id).toContain(p.status);
            if (p.status !== "official") expect(p.statusReason.length, p.id).toBeGreaterThan(20);
            expect(p.sources.length, p.id).toBeGreaterThan(0);
            for (const s of p.sources) expect(LAW.sources[s], `${p.id} → ${s}`).toBeDefined();
            for (const u of p.usedBy) expect(["ru-personal-data-localization", "ru-personal-data-cross-border-transfer", "user-data-classification"]).toContain(u);
        }
        for (const [id, s] of Object.entries(LAW.sources)) {
            expect(s.retrieved, id).toMatch(ISO);
            expect(s.read.length, id).toBeGreaterThan(20);
        }
        for (const r of LAW.readings) {
            expect(r.reviewed, r.id).toMatch(ISO);
            for (const c of r.cites) expect(ids.has(c), `${r.id} → ${c}`).toBe(true);
            for (const s of r.sources) expect(LAW.sources[s], `${r.id} → ${s}`).toBeDefined();
        }
        expect(LAW.reviewed).toMatch(ISO);
    });
    it("states the 2025 prohibition of Art. 18(5), not the pre-2025 duty, with the excepted points", () => {
        const rule = provision("152fz-18-5");
        expect(rule.version).toBe("as amended by 23-FZ of 2025-02-28");
        expect(rule.versionDate).toBe("2025-07-01");
        expect(rule.english).toContain("using databases located outside Russia is not permitted, save the cases in 152-FZ Art. 6(1) points 2, 3, 4 and 8");
        expect(provision("152fz-6-1-exceptions").points).toEqual(["2", "3", "4", "8"]);
        expect(provision("152fz-6-1-3.1").english).toContain("is not among the cases Art. 18(5) excepts");
    });
    it("records the reported 2026 change to Art. 12 as unconfirmed", () => {
        expect(provision("bill-951518-8").status).toBe("unconfirmed");
        expect(LAW.officialSources.pravo!.reached).toBe(false);
    });
    it("is the source of docs/law.md (run `npm run docs` after changing it)", () => {
        expect(fs.readFileSync(LAW_DOC, "utf8")).toBe(renderLawDoc());
        expect(renderLawDoc()).toContain(`generated from \`${LAW_FILE}\` (reviewed ${LAW.reviewed})`);
    });
});

describe("a law entry the code names but the file lacks", () => {
    it("reads as a visible bug report in the message, never as law", () => {
        expect(provision("no-such-entry")).toEqual({
            id: "no-such-entry",
            cite: "(law file entry no-such-entry is missing)",
            act: "",
            article: null,
            title: "no-such-entry",
            version: "",
            versionDate: "",
            english: "The pack's law file has no entry no-such-entry; please report this as a bug.",
            plain: "",
            sources: [],
            status: "unconfirmed",
            statusReason: "missing entry",
            reviewed: "",
            usedBy: [],
        });
        expect(reading("no-such-reading")).toEqual({
            id: "no-such-reading",
            title: "no-such-reading",
            text: "(law file reading no-such-reading is missing)",
            why: "",
            cites: [],
            sources: [],
            whatThePackDoes: "",
            reviewed: "",
        });
    });
});
