/// <reference lib="dom" />
// The HTML report in a real browser (Debian's chromium, driven by playwright-core): no horizontal
// overflow at 800 px (about the width of paper) and 1,400 px, every diagram label inside its box,
// a label on every flow arrow, and a PDF print whose pages hold every finding, with no word past
// the margins. .ci/run installs chromium and poppler-utils; these tests fail, never skip, without
// them.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataMap } from "../../src/report/data-map";
import { hostileExport, staticSiteExport, syntheticExport, writeExport } from "../helpers/big-stacks";
import { runCli } from "../helpers/cli";

const CHROMIUM = "/usr/bin/chromium";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "html-browser-"));
let browser: Browser;

interface Case {
    /** What the report is of. */
    args: string[];
    /** Boxes and labelled arrows the diagram must draw. */
    boxes: number;
    arrows: number;
}

const CASES: Record<string, Case> = {
    "cross-border replication (program)": { args: ["examples/cross-border-replication"], boxes: 2, arrows: 1 },
    "a passing stack": { args: ["examples/yandex-bucket"], boxes: 1, arrows: 0 },
    "hostile names and long messages": { args: ["--file", path.join(tmp, "hostile.json")], boxes: 7, arrows: 3 },
    "a static site of 300 objects": { args: ["--file", path.join(tmp, "site.json")], boxes: 2, arrows: 0 },
    "5,000 resources": { args: ["--file", path.join(tmp, "big.json")], boxes: 2, arrows: 1 },
    // The map across stacks (3 boxes, 2 arrows), then each stack's own: archive 1 box, backup 1, shop 3 and 2 arrows.
    "an organisation of three stacks": { args: ["--file", path.join("test", "fixtures", "exports", "org")], boxes: 8, arrows: 4 },
};
const maps: Record<string, DataMap> = {};

beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium (apt-get install -y chromium); the browser tests need it and do not skip`);
    for (const tool of ["pdftotext", "pdfinfo"]) {
        try {
            execFileSync(tool, ["-v"], { stdio: "ignore" });
        } catch (e) {
            if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${tool} is missing: .ci/run installs poppler-utils; the print tests need it and do not skip`);
        }
    }
    writeExport("hostile.json", hostileExport(), tmp);
    writeExport("site.json", staticSiteExport(300), tmp);
    writeExport("big.json", syntheticExport(5_000), tmp);
    for (const [name, c] of Object.entries(CASES)) {
        const file = path.join(tmp, `${name.replace(/\W+/g, "-")}.html`);
        const html = await runCli(["report", ...c.args, "--format", "html", "--output", file], { timeoutMs: 240_000 });
        expect(html.code, html.stderr).not.toBe(2);
        const json = await runCli(["report", ...c.args, "--format", "json"], { timeoutMs: 240_000 });
        maps[name] = JSON.parse(json.stdout) as DataMap;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM });
}, 600_000);

afterAll(async () => {
    await browser?.close();
});

const fileOf = (name: string) => path.join(tmp, `${name.replace(/\W+/g, "-")}.html`);

interface Layout {
    scrollWidth: number;
    clientWidth: number;
    /** Elements whose right edge is past the window's. */
    wide: string[];
    boxes: number;
    arrows: number;
    unlabelledArrows: number;
    /** Labels not inside their box, with both boxes. */
    outside: string[];
    smallestBodyFontPx: number;
}

async function layout(name: string, width: number): Promise<Layout> {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    try {
        await page.goto(`file://${fileOf(name)}`);
        return await page.evaluate(() => {
            const de = document.documentElement;
            const wide: string[] = [];
            for (const el of Array.from(document.querySelectorAll("body *"))) {
                const r = el.getBoundingClientRect();
                if (r.width > 0 && r.right > de.clientWidth + 0.5) wide.push(`${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").trim()} right=${Math.round(r.right)}`);
            }
            const outside: string[] = [];
            let unlabelled = 0;
            const groups = Array.from(document.querySelectorAll("svg g.node, svg g.flow"));
            for (const g of groups) {
                const box = g.querySelector(":scope > rect")!.getBoundingClientRect();
                const texts = Array.from(g.querySelectorAll("text"));
                if (g.classList.contains("flow") && (texts.length === 0 || texts.every((t) => (t.textContent ?? "").trim() === ""))) unlabelled++;
                for (const t of texts) {
                    const r = t.getBoundingClientRect();
                    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
                        outside.push(`${t.textContent} [${Math.round(r.left)},${Math.round(r.right)}] not in [${Math.round(box.left)},${Math.round(box.right)}]`);
                }
            }
            let smallest = Infinity;
            for (const el of Array.from(document.querySelectorAll("body p, body pre, body td, body dd, body h3, body figcaption")))
                smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
            return {
                scrollWidth: de.scrollWidth,
                clientWidth: de.clientWidth,
                wide: wide.slice(0, 10),
                boxes: document.querySelectorAll("svg g.node").length,
                arrows: document.querySelectorAll("svg g.flow").length,
                unlabelledArrows: unlabelled,
                outside,
                smallestBodyFontPx: smallest,
            };
        });
    } finally {
        await page.close();
    }
}

describe("the HTML report on screen", () => {
    for (const [name, c] of Object.entries(CASES)) {
        for (const width of [800, 1400]) {
            it(`${name}, ${width} px: no horizontal overflow, every label in its box, every arrow labelled`, async () => {
                const l = await layout(name, width);
                expect(l.scrollWidth).toBe(l.clientWidth);
                expect(l.clientWidth).toBe(width);
                expect(l.wide).toEqual([]);
                expect(l.outside).toEqual([]);
                expect([l.boxes, l.arrows, l.unlabelledArrows]).toEqual([c.boxes, c.arrows, 0]);
                expect(l.smallestBodyFontPx).toBeGreaterThanOrEqual(12);
            }, 60_000);
        }
    }
});

interface PdfText {
    pages: number;
    /** Each page's words, in reading order. */
    words: { page: number; text: string; xMax: number }[];
    pageWidth: number;
}

async function print(name: string): Promise<PdfText> {
    const page = await browser.newPage();
    const pdf = path.join(tmp, `${name.replace(/\W+/g, "-")}.pdf`);
    try {
        await page.goto(`file://${fileOf(name)}`);
        await page.emulateMedia({ media: "print" });
        await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
    } finally {
        await page.close();
    }
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    const bbox = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
    const pageWidth = Number(/<page width="([\d.]+)"/.exec(bbox)![1]);
    const words: PdfText["words"] = [];
    bbox.split("<page ")
        .slice(1)
        .forEach((p, i) => {
            for (const m of p.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g))
                words.push({
                    page: i + 1,
                    xMax: Number(m[1]),
                    text: m[2]!
                        .replace(/&lt;/g, "<")
                        .replace(/&gt;/g, ">")
                        .replace(/&quot;/g, '"')
                        .replace(/&#39;|&apos;/g, "'")
                        .replace(/&amp;/g, "&"),
                });
        });
    return { pages, words, pageWidth };
}

/** Text compared without its white space: the print breaks lines where the screen does not. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("the HTML report printed to PDF (A4)", () => {
    it("a passing stack prints on one page, verdict first and the notice last", async () => {
        const pdf = await print("a passing stack");
        expect(pdf.pages).toBe(1);
        expect(pdf.words[0]!.text).toBe("Passes");
        expect(pdf.words.map((w) => w.text).join(" ")).toMatch(/Not legal advice\..*reviewed \d{4}-\d{2}-\d{2}\.$/);
    }, 120_000);

    it("an organisation: a page break before each stack, each stack's title first on its page", async () => {
        const pdf = await print("an organisation of three stacks");
        const firstWords = Array.from({ length: pdf.pages }, (_, i) => pdf.words.find((w) => w.page === i + 1)?.text);
        expect(firstWords[0]).toBe("Blocked");
        expect(firstWords.filter((w) => w?.endsWith("/prod:"))).toEqual(["archive/prod:", "backup/prod:", "shop/prod:"]);
        // A stack's title is never in the middle of a page: every one begins its page.
        const titles = pdf.words.map((w, i) => ({ ...w, first: i === 0 || pdf.words[i - 1]!.page !== w.page })).filter((w) => /^(archive|backup|shop)\/prod:$/.test(w.text));
        expect(titles.map((t) => [t.text, t.first])).toEqual([
            ["archive/prod:", true],
            ["backup/prod:", true],
            ["shop/prod:", true],
        ]);
        const text = squeeze(pdf.words.map((w) => w.text).join(""));
        for (const v of maps["an organisation of three stacks"]!.violations) expect(text).toContain(squeeze(v.message));
    }, 120_000);

    for (const name of ["cross-border replication (program)", "hostile names and long messages", "a static site of 300 objects"]) {
        it(`${name}: every finding's whole message is on the pages, and no word runs past the right margin`, async () => {
            const pdf = await print(name);
            const map = maps[name]!;
            expect(pdf.pages).toBeGreaterThan(1);
            const text = squeeze(pdf.words.map((w) => w.text).join(""));
            for (const v of map.violations) expect(text).toContain(squeeze(v.message));
            // 12 mm right margin on A4: 595.3 pt wide, text ends by 595.3 - 34.0 pt.
            const margin = (12 / 25.4) * 72;
            expect(pdf.words.filter((w) => w.xMax > pdf.pageWidth - margin + 0.5).map((w) => `${w.text} (page ${w.page}, x ${w.xMax})`)).toEqual([]);
            expect(pdf.words[0]!.text).toBe("Deployment");
        }, 240_000);
    }
});
