/**
 * Hand-built figures and relations for unit tests of the arithmetic checks, located in makeDoc blocks, so
 * the checks can be tested without the extractor.
 */
import type { Document } from "../../src/model/document.ts";
import type {
  Approx,
  Change,
  Extraction,
  Figure,
  PartWhole,
  Ratio,
  Relation,
} from "../../src/model/figure.ts";
import type { Finding } from "../../src/model/finding.ts";
import type { Rule } from "../../src/model/rule.ts";
import { runChecks } from "../../src/audit.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";

const FULL_WIDTH = /[０-９．]/g;

function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function approxOf(raw: string): Approx {
  if (/余|多|以上|超过/.test(raw)) return "atLeast";
  if (/近|不到|以下/.test(raw)) return "atMost";
  if (/约|左右/.test(raw)) return "about";
  return "exact";
}

export interface FigOptions {
  subject?: string;
  /** Which occurrence of `raw` in the text (0-based). */
  nth?: number;
  /** For a figure inside a table cell. */
  cell?: [number, number];
}

/** A figure for `raw` ("1900万元", "80余家", "12.6%", "１２０人") as found in block `block` of `doc`. */
export function fig(doc: Document, block: number, raw: string, opts: FigOptions = {}): Figure {
  const b = doc.blocks[block];
  const text = b.kind === "table" ? b.grid[opts.cell![0]][opts.cell![1]].text : b.text;
  let start = -1;
  for (let i = 0; i <= (opts.nth ?? 0); i++) start = text.indexOf(raw, start + 1);
  if (start < 0) throw new Error(`"${raw}" not in block ${block}`);
  const end = start + raw.length;
  const norm = halfWidth(raw).replace(/,/g, "");
  const num = /-?\d+(\.\d+)?/.exec(norm)!;
  const stated = Number(num[0]);
  const decimals = num[1] ? num[1].length - 1 : 0;
  const rest = norm.slice(num.index + num[0].length).replace(/余|多|以上|超过|左右|以下|不到/g, "").trim();
  const scale = rest.startsWith("亿") ? 1e8 : rest.startsWith("万") ? 1e4 : 1;
  const unit = rest.replace(/^[万亿]/, "").replace("％", "%");
  let qs = start, qe = end;
  while (qs > 0 && !/[，；。]/.test(text[qs - 1])) qs--;
  while (qe < text.length && !/[，；。]/.test(text[qe])) qe++;
  return {
    value: stated * scale,
    stated,
    decimals,
    unit,
    writtenUnit: rest.replace("％", "%"),
    scale,
    approx: approxOf(raw),
    raw,
    subject: opts.subject ?? "",
    quote: text.slice(qs, qe),
    loc: {
      block,
      start,
      end,
      ...(opts.cell
        ? { table: { index: (b as { tableIndex: number }).tableIndex, row: opts.cell[0], col: opts.cell[1] } }
        : {}),
    },
    chineseNumeral: false,
  };
}

function sentenceOf(doc: Document, f: Figure): { quote: string; loc: Figure["loc"] } {
  const b = doc.blocks[f.loc.block];
  const text = b.kind === "table" ? "" : b.text;
  let s = f.loc.start, e = f.loc.end;
  while (s > 0 && !/[。]/.test(text[s - 1])) s--;
  while (e < text.length && !/[。]/.test(text[e])) e++;
  return { quote: text.slice(s, e) || f.quote, loc: { ...f.loc, start: s, end: e } };
}

export function ratio(doc: Document, rate: Figure, part?: Figure, whole?: Figure, name?: string): Ratio {
  return {
    kind: "ratio",
    type: name ? "rate" : "completion",
    rate,
    part,
    whole,
    name,
    ...sentenceOf(doc, rate),
  };
}

export function change(
  doc: Document,
  rate: Figure,
  current: Figure | undefined,
  previous: Figure | undefined,
  direction: "up" | "down" = "up",
  points = false,
): Change {
  return { kind: "change", direction, rate, points, current, previous, ...sentenceOf(doc, rate) };
}

export function partWhole(doc: Document, whole: Figure, parts: Figure[], complete = true): PartWhole {
  return { kind: "part-whole", whole, parts, complete, marker: "其中", ...sentenceOf(doc, whole) };
}

export function run(rule: Rule, doc: Document, relations: Relation[], figures: Figure[] = []): Finding[] {
  const all = new Set(figures);
  for (const r of relations) {
    const figs = r.kind === "part-whole"
      ? [r.whole, ...r.parts]
      : r.kind === "score"
      ? [r.score]
      : [r.rate, ...(r.kind === "change" ? [r.current, r.previous] : [r.part, r.whole])];
    for (const f of figs) if (f) all.add(f);
  }
  const extraction: Extraction = { figures: [...all], relations };
  return runChecks(doc, extraction, DEFAULT_CONFIG, [rule]);
}
