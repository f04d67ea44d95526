/**
 * Coverage of the figure claims of a document: how many the arithmetic checks could recompute (a complete
 * list with its total, a rate with both its inputs, a change with both periods, a 合计/小计 row with its
 * body rows) and how many they could not — a list ending in 等 or saying 主要/部分, a rate or a change whose
 * inputs the text does not give, a total with no visible parts. A reviewer reads it next to the findings:
 * "no sum finding" means little when most sums could not be checked.
 */
import type { Document, TableBlock } from "../model/document.ts";
import type { Extraction, Figure, PartWhole, Ratio } from "../model/figure.ts";
import { isRateUnit } from "../extract/numbers.ts";

/** What kind of claim: a sum (part-whole), a rate (share, completion, 执行率), a change, a table total row. */
export type ClaimKind = "sum" | "rate" | "change" | "table-total";

/** Why a claim could not be checked. */
export type UncheckedReason =
  | "list-etc" // the list ends in 等
  | "list-incomplete" // 主要/部分/在内, or a single part
  | "approximate" // an input or the total is 约/余/近 or a range
  | "rate-without-inputs" // a rate whose numerator or denominator the text does not give
  | "change-without-inputs" // a growth rate without both periods' figures
  | "total-without-parts"; // a 合计/共计 figure or total row with no parts to add up

export interface Coverage {
  checked: number;
  unchecked: number;
  byKind: Partial<Record<ClaimKind, { checked: number; unchecked: number }>>;
  /** Unchecked claims by reason. */
  reasons: Partial<Record<UncheckedReason, number>>;
}

const ETC = /等(?:等)?(?=[，,。；;、）)]|$)/;
/** A figure named as a total in prose (合计100万元, 共计12人, 总额…) is a claim about parts. */
const TOTAL_NAME = /合计|共计|总计|总额|总数|总共|一共/;
const TOTAL_ROW = /^(?:合计|总计|小计|总合计)/;

export function coverage(doc: Document, extraction: Extraction): Coverage {
  const cov: Coverage = { checked: 0, unchecked: 0, byKind: {}, reasons: {} };
  const count = (kind: ClaimKind, reason?: UncheckedReason) => {
    const k = cov.byKind[kind] ??= { checked: 0, unchecked: 0 };
    if (reason) {
      k.unchecked++;
      cov.unchecked++;
      cov.reasons[reason] = (cov.reasons[reason] ?? 0) + 1;
    } else {
      k.checked++;
      cov.checked++;
    }
  };

  const wholes = new Set<Figure>();
  for (const rel of extraction.relations) {
    if (rel.kind === "part-whole") {
      if (wholes.has(rel.whole)) continue;
      wholes.add(rel.whole);
      count("sum", sumReason(rel));
    } else if (rel.kind === "ratio") {
      if (rel.rate.unit !== "%") continue;
      count("rate", ratioReason(rel));
    } else if (rel.kind === "change") {
      const ok = rel.current && rel.previous;
      count("change", ok ? approxReason([rel.current!, rel.previous!]) : "change-without-inputs");
    }
  }
  // Prose totals no relation breaks down (a total restated beside its checked list counts once).
  const key = (f: Figure) => `${f.loc.block}:${f.stated}:${f.scale}:${f.unit}`;
  const wholeKeys = new Set([...wholes].map(key));
  for (const f of extraction.figures) {
    if (f.loc.table || wholeKeys.has(key(f)) || isRateUnit(f.unit)) continue;
    if (TOTAL_NAME.test(f.subjectRaw ?? f.subject)) count("sum", "total-without-parts");
  }
  for (const b of doc.blocks) if (b.kind === "table") tableTotals(b, count);
  return cov;
}

function sumReason(rel: PartWhole): UncheckedReason | undefined {
  if (!rel.complete) return ETC.test(rel.quote) ? "list-etc" : "list-incomplete";
  return approxReason([rel.whole, ...rel.parts]);
}

function ratioReason(rel: Ratio): UncheckedReason | undefined {
  if (!rel.part || !rel.whole) return "rate-without-inputs";
  return approxReason([rel.rate, rel.part, rel.whole]);
}

function approxReason(figs: Figure[]): UncheckedReason | undefined {
  return figs.some((f) => f.approx === "about" || f.range) ? "approximate" : undefined;
}

/** 合计/小计 rows: checked when the group they close has at least two body rows. */
function tableTotals(t: TableBlock, count: (kind: ClaimKind, reason?: UncheckedReason) => void): void {
  const kinds = t.rows;
  let body = 0;
  let subtotals = 0;
  for (let r = t.headerRows; r < t.rowCount; r++) {
    const kind = kinds?.[r] ?? (TOTAL_ROW.test(labelOf(t, r)) ? "total" : "body");
    if (kind === "body") body++;
    else if (kind === "subtotal" || kind === "total") {
      const parts = kind === "total" && body === 0 ? subtotals : body;
      count("table-total", parts >= 2 ? undefined : "total-without-parts");
      if (kind === "subtotal") subtotals++;
      else subtotals = 0;
      body = 0;
    }
  }
}

function labelOf(t: TableBlock, row: number): string {
  for (const cell of t.grid[row] ?? []) {
    const text = cell.text.replace(/\s+/g, "");
    if (text) return text;
  }
  return "";
}
