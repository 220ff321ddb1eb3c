// The data map drawn as an SVG diagram: stores in Russia on the left, everything else on the
// right, and every flow an arrow through a labelled box in the gap between them. Labels are
// wrapped to their box's width and their width fixed with textLength, so none leaves its box in
// any font. A large map is drawn grouped (by location and type, then by location) so the picture
// stays one page; the tables of the report list every store and flow.
import { countryName } from "ru-data-residency/pack";
import type { FlowEnd } from "./data-map";
import { textWidth, wrap } from "./text-fit";

function h(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function where(inRussia: string, country?: string): string {
    if (inRussia === "yes") return "Russia (RU)";
    if (country) return countryName(country);
    return inRussia === "no" ? "outside Russia" : "location unknown";
}

/** What the diagram draws: its own small model, so a stack and an organisation draw the same way. */
export interface DiagramStore {
    key: string;
    /** In an organisation's map: the stack, shown under the name. */
    stack?: string;
    name: string;
    type: string;
    inRussia: string;
    country?: string;
}

export interface DiagramFlow {
    kind: string;
    via: string;
    from: FlowEnd;
    to: FlowEnd;
}

interface Node {
    key: string;
    title: string;
    subtitle: string;
    inRussia: string;
    count: number;
    left: boolean;
    titleLines: string[];
    subLines: string[];
    x: number;
    y: number;
    h: number;
}

interface Edge {
    from: string;
    to: string;
    kind: string;
    via: string;
    count: number;
    toInRussia: string;
}

const VIEW_W = 840;
const BOX_W = 280;
const LEFT_X = 16;
const RIGHT_X = VIEW_W - 16 - BOX_W;
const LABEL_W = 216;
const LABEL_X = (LEFT_X + BOX_W + RIGHT_X) / 2 - LABEL_W / 2;
const PAD = 10;
const TOP = 44;
const GAP = 12;
const TITLE = { size: 13, line: 16, bold: true, lines: 2 };
const SUB = { size: 11, line: 14, bold: false, lines: 2 };
const LABEL = { size: 11, line: 14 };
/** Rows of boxes, or of flow labels, one diagram may hold: about one printed page. */
export const MAX_ROWS = 14;

const shortType = (type: string) => type.split(":").slice(1).join(":") || type;

/** A line of text whose drawn width is fixed to its estimate, so it cannot leave its box. */
function line(text: string, x: number, y: number, size: number, bold: boolean, cls: string, max: number): string {
    const width = Math.min(max, textWidth(text, size, bold));
    return `<text x="${x}" y="${y}" class="${cls}" font-size="${size}"${width > 0 ? ` textLength="${width.toFixed(1)}" lengthAdjust="spacingAndGlyphs"` : ""}>${h(text)}</text>`;
}

interface Model {
    nodes: Map<string, Omit<Node, "titleLines" | "subLines" | "x" | "y" | "h" | "left">>;
    edges: Edge[];
}

type Grouping = "none" | "location and type" | "location";

function endKey(e: FlowEnd): string {
    return e.urn ?? `external:${e.label}`;
}

function model(stores: readonly DiagramStore[], flows: readonly DiagramFlow[], grouping: Grouping): Model {
    const nodes: Model["nodes"] = new Map();
    const groupOf = new Map<string, string>();
    const place = (key: string, name: string, type: string, inRussia: string, country?: string, stack?: string) => {
        if (groupOf.has(key)) return;
        const loc = where(inRussia, country);
        const gk = grouping === "none" ? key : grouping === "location and type" ? `${inRussia}|${country ?? ""}|${type}` : `${inRussia}|${country ?? ""}`;
        groupOf.set(key, gk);
        const n = nodes.get(gk);
        if (n) {
            n.count++;
            return;
        }
        const title = grouping === "none" ? name : grouping === "location and type" ? shortType(type) : loc;
        const subtitle = grouping === "none" ? `${stack ? `${stack} · ` : ""}${shortType(type)} · ${loc}` : grouping === "location and type" ? loc : "";
        nodes.set(gk, { key: gk, title, subtitle, inRussia, count: 1 });
    };
    for (const s of stores) place(s.key, s.name, s.type, s.inRussia, s.country, s.stack);
    const endType = (e: FlowEnd) => (e.urn ? (/^urn:pulumi:[^:]*::[^:]*::(?:.*\$)?([^:$]+:[^:]*:[^:]+)::/.exec(e.urn)?.[1] ?? "resource") : "outside this stack");
    for (const f of flows) {
        for (const e of [f.from, f.to]) place(endKey(e), e.label.replace(/^[^"]*"(.*)"$/, "$1"), endType(e), e.inRussia ?? "unknown", e.country, e.stack);
    }
    const edges = new Map<string, Edge>();
    for (const f of flows) {
        const from = groupOf.get(endKey(f.from))!;
        const to = groupOf.get(endKey(f.to))!;
        const k = `${from}\u0000${to}\u0000${f.kind}`;
        const e = edges.get(k);
        if (e) e.count++;
        else edges.set(k, { from, to, kind: f.kind, via: f.via, count: 1, toInRussia: f.to.inRussia ?? "unknown" });
    }
    return { nodes, edges: [...edges.values()] };
}

const rows = (m: Model) => {
    let left = 0;
    let right = 0;
    for (const n of m.nodes.values()) {
        if (n.inRussia === "yes") left++;
        else right++;
    }
    return Math.max(left, right, m.edges.length);
};

const colour = (r: string) => (r === "yes" ? "#1b7f3b" : r === "no" ? "#b3261e" : "#8a5a00");
const dash = (r: string) => (r === "unknown" ? ' stroke-dasharray="6 4"' : "");

export interface Diagram {
    svg: string;
    /** In words: what a box and an arrow stand for, and what was left out. */
    caption: string;
    grouping: Grouping;
    boxes: number;
    arrows: number;
}

export function diagram(stores: readonly DiagramStore[], flows: readonly DiagramFlow[], label: string): Diagram | undefined {
    if (stores.length === 0 && flows.length === 0) return undefined;
    let grouping: Grouping = "none";
    let m = model(stores, flows, grouping);
    for (const next of ["location and type", "location"] as const) {
        if (rows(m) <= MAX_ROWS) break;
        grouping = next;
        m = model(stores, flows, grouping);
    }
    // Still too many (many countries, or many kinds of flow): the largest, and a count of the rest.
    const byCount = <T extends { count: number }>(xs: T[]) => xs.sort((a, b) => b.count - a.count);
    const left = byCount([...m.nodes.values()].filter((n) => n.inRussia === "yes"));
    const right = byCount([...m.nodes.values()].filter((n) => n.inRussia !== "yes"));
    const shownNodes = new Set([...left.slice(0, MAX_ROWS), ...right.slice(0, MAX_ROWS)].map((n) => n.key));
    const edges = byCount(m.edges.filter((e) => shownNodes.has(e.from) && shownNodes.has(e.to))).slice(0, MAX_ROWS);
    const hiddenNodes = m.nodes.size - shownNodes.size;
    const hiddenEdges = m.edges.length - edges.length;

    const laid: Node[] = [];
    const column = (list: typeof left, x: number, isLeft: boolean) => {
        let y = TOP;
        for (const n of list.slice(0, MAX_ROWS)) {
            const title = n.count > 1 ? `${n.title} × ${n.count.toLocaleString("en-US")}` : n.title;
            const titleLines = wrap(title, BOX_W - 2 * PAD, TITLE.size, TITLE.bold, TITLE.lines);
            const subLines = n.subtitle ? wrap(n.subtitle, BOX_W - 2 * PAD, SUB.size, SUB.bold, SUB.lines) : [];
            const height = PAD + titleLines.length * TITLE.line + subLines.length * SUB.line + PAD - 2;
            laid.push({ ...n, title, titleLines, subLines, x, y, h: height, left: isLeft });
            y += height + GAP;
        }
        return y;
    };
    const leftBottom = column(left, LEFT_X, true);
    const rightBottom = column(right, RIGHT_X, false);
    const at = new Map(laid.map((n) => [n.key, n]));

    const parts: string[] = [];
    const arrows: string[] = [];
    let labelBottom = TOP - 8;
    const placed = edges.map((e) => ({ e, a: at.get(e.from)!, b: at.get(e.to)! })).sort((p, q) => p.a.y + p.b.y - (q.a.y + q.b.y));
    for (const { e, a, b } of placed) {
        const kind = e.count > 1 ? `${e.kind} × ${e.count.toLocaleString("en-US")}` : e.kind;
        const via = e.count > 1 ? `through ${e.count.toLocaleString("en-US")} resources` : `via ${e.via}`;
        const kindLines = wrap(kind, LABEL_W - 2 * 8, LABEL.size, true, 2);
        const viaLines = wrap(via, LABEL_W - 2 * 8, LABEL.size, false, 2);
        const lh = 6 + (kindLines.length + viaLines.length) * LABEL.line + 4;
        const ya = a.y + a.h / 2;
        const yb = b.y + b.h / 2;
        const ly = Math.max(labelBottom + 8, (ya + yb) / 2 - lh / 2);
        labelBottom = ly + lh;
        const ax = a.left ? a.x + BOX_W : a.x;
        const bx = b.left ? b.x + BOX_W : b.x;
        const inX = a.left ? LABEL_X : LABEL_X + LABEL_W;
        const outX = b.left ? LABEL_X : LABEL_X + LABEL_W;
        const same = inX === outX;
        const inY = ly + lh * (same ? 0.3 : 0.5);
        const outY = ly + lh * (same ? 0.7 : 0.5);
        const curve = (x1: number, y1: number, x2: number, y2: number) => {
            const mx = (x1 + x2) / 2;
            return `M${x1.toFixed(1)},${y1.toFixed(1)} C${mx.toFixed(1)},${y1.toFixed(1)} ${mx.toFixed(1)},${y2.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`;
        };
        const stroke = `stroke="${colour(e.toInRussia)}" stroke-width="2"${dash(e.toInRussia)} fill="none"`;
        const tx = LABEL_X + 8;
        const textLines = [
            ...kindLines.map((l, i) => line(l, tx, ly + 6 + (i + 1) * LABEL.line - 3, LABEL.size, true, "fk", LABEL_W - 16)),
            ...viaLines.map((l, i) => line(l, tx, ly + 6 + (kindLines.length + i + 1) * LABEL.line - 3, LABEL.size, false, "fv", LABEL_W - 16)),
        ];
        arrows.push(
            `<g class="flow"><title>${h(`${kind} ${via}: ${a.title} → ${b.title}`)}</title>` +
                `<path d="${curve(ax, ya, inX, inY)}" ${stroke}/><path d="${curve(outX, outY, bx, yb)}" ${stroke} marker-end="url(#arrow-${e.toInRussia === "yes" ? "yes" : e.toInRussia === "no" ? "no" : "unknown"})"/>` +
                `<rect class="label" x="${LABEL_X}" y="${ly.toFixed(1)}" width="${LABEL_W}" height="${lh}" rx="4" fill="#fff" stroke="${colour(e.toInRussia)}"${dash(e.toInRussia)}/>${textLines.join("")}</g>`,
        );
    }
    const height = Math.ceil(Math.max(leftBottom, rightBottom, labelBottom + GAP, TOP + 40) + 8);
    parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW_W} ${height}" role="img" aria-label="${h(label)}">`);
    parts.push(
        `<defs>${(["yes", "no", "unknown"] as const).map((r) => `<marker id="arrow-${r}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour(r)}"/></marker>`).join("")}</defs>`,
    );
    parts.push(`<text x="${LEFT_X}" y="26" class="col" font-size="14">In Russia</text><text x="${RIGHT_X}" y="26" class="col" font-size="14">Outside Russia, or not known</text>`);
    parts.push(...arrows);
    for (const n of laid) {
        const lines = [
            ...n.titleLines.map((l, i) => line(l, n.x + PAD, n.y + PAD + (i + 1) * TITLE.line - 4, TITLE.size, TITLE.bold, "t", BOX_W - 2 * PAD)),
            ...n.subLines.map((l, i) => line(l, n.x + PAD, n.y + PAD + n.titleLines.length * TITLE.line + (i + 1) * SUB.line - 3, SUB.size, SUB.bold, "s", BOX_W - 2 * PAD)),
        ];
        parts.push(
            `<g class="node"><title>${h(`${n.title}${n.subtitle ? ` (${n.subtitle})` : ""}`)}</title><rect x="${n.x}" y="${n.y}" width="${BOX_W}" height="${n.h}" rx="6" fill="#fff" stroke="${colour(n.inRussia)}" stroke-width="2"${dash(n.inRussia)}/>${lines.join("")}</g>`,
        );
    }
    parts.push("</svg>");

    const storesWord = `${stores.length.toLocaleString("en-US")} store${stores.length === 1 ? "" : "s"} of personal data`;
    const flowsWord = `${flows.length.toLocaleString("en-US")} flow${flows.length === 1 ? "" : "s"}`;
    const what =
        grouping === "none"
            ? `Each box is a store of personal data or an end of a flow; each arrow is a flow, labelled with its kind and the resource that makes it (${storesWord}, ${flowsWord}).`
            : `Too many for one picture (${storesWord}, ${flowsWord}): boxes group resources by ${grouping}, with their number, and each arrow carries the number of flows it stands for. The tables below list each one.`;
    const left_out =
        hiddenNodes + hiddenEdges > 0 ? ` Not drawn: ${hiddenNodes} smaller group${hiddenNodes === 1 ? "" : "s"} and ${hiddenEdges} smaller group${hiddenEdges === 1 ? "" : "s"} of flows.` : "";
    const legend = " Green: in Russia; red: outside Russia; amber and dashed: location not known.";
    return { svg: parts.join("\n"), caption: `${what}${left_out}${legend}`, grouping, boxes: laid.length, arrows: arrows.length };
}
