/** Every figure of a document: paragraphs, headings and table cells, with subject, year, clause and location. */
import type { Document, TableBlock } from "../model/document.ts";
import type { Figure, FigureLocation } from "../model/figure.ts";
import { findNumbers, type NumberToken } from "./numbers.ts";
import { normalizeSubject, phraseAfter, phraseBefore, yearIn } from "./subject.ts";
import { clauseAround, sentenceAround } from "../analysis/segment.ts";

/** Measure words: "N名/个/家 + noun" puts the noun after the number. */
const MEASURE = new Set(["个", "名", "家", "户", "项", "所", "条", "件", "份", "张", "台", "辆", "套", "批"]);

const OPEN_PAREN = /[（(]/;
const NOUN_START = /[\u3400-\u9fff“"]/;

/** Where a text sits: a block, or a cell of a table block. */
export type TextPlace = Omit<FigureLocation, "start" | "end">;

/** The figures of one text (a paragraph, a heading or a cell), in order. */
export function figuresOfText(text: string, place: TextPlace, toks = findNumbers(text)): Figure[] {
  const figs: Figure[] = [];
  toks.forEach((tok, i) => {
    const clause = clauseAround(text, tok.start, tok.end);
    const ceiling = Math.min(clause.end, toks[i + 1]?.start ?? text.length);
    const prev = figs.at(-1);
    const prevInClause = prev && prev.loc.end > clause.start ? prev : undefined;
    const floor = Math.max(clause.start, prevInClause?.loc.end ?? 0);
    let phrase = phraseBefore(text, floor, tok.start);
    // 合理性（2分）: a figure alone in parentheses quantifies what precedes them.
    if (
      !normalizeSubject(text.slice(phrase.start, phrase.end)) &&
      OPEN_PAREN.test(text.charAt(phrase.start - 1))
    ) {
      phrase = phraseBefore(text, floor, phrase.start - 1);
    }
    const subjectRaw = text.slice(phrase.start, phrase.end);
    let subject = normalizeSubject(subjectRaw);
    // 1208名农民工, 4个建设项目: after a measure word the noun follows.
    if (MEASURE.has(tok.writtenUnit) && NOUN_START.test(text.charAt(tok.end))) {
      subject = phraseAfter(text, tok.end, ceiling) || subject;
    }
    // 补贴18人9万元: the second figure quantifies the same thing.
    if (!subject) subject = prevInClause?.subject ?? phraseAfter(text, tok.end, ceiling);
    const fig: Figure = {
      value: tok.value,
      stated: tok.stated,
      decimals: tok.decimals,
      unit: tok.unit,
      writtenUnit: tok.writtenUnit,
      scale: tok.scale,
      approx: tok.approx,
      raw: tok.raw,
      subject,
      subjectRaw,
      quote: text.slice(clause.start, clause.end),
      loc: { ...place, start: tok.start, end: tok.end },
      chineseNumeral: tok.chineseNumeral,
    };
    if (tok.range) fig.range = tok.range;
    const year = yearIn(text, clause, tok.start, sentenceAround(text, tok.start, tok.end));
    if (year !== undefined) fig.year = year;
    figs.push(fig);
  });
  inferBareUnits(text, figs);
  return figs;
}

/**
 * 较上年收入1760.86万: a bare 万/亿 takes the unit of the sentence's figures written with the same scale
 * (1868.58万元), when they all agree.
 */
function inferBareUnits(text: string, figs: Figure[]): void {
  for (const f of figs) {
    if (f.unit !== "" || f.writtenUnit === "") continue;
    const s = sentenceAround(text, f.loc.start, f.loc.end);
    const units = new Set(
      figs.filter((g) =>
        g !== f && g.unit !== "" && g.loc.start >= s.start && g.loc.end <= s.end &&
        g.writtenUnit.startsWith(f.writtenUnit)
      ).map((g) => g.unit),
    );
    if (units.size === 1) {
      f.unit = [...units][0];
      f.unitInferred = true;
    }
  }
}

/**
 * A bare number in a column whose header (or the table's caption) states the unit — 金额（万元） over 12.5 —
 * takes that unit and scale (src/ingest/table-shape.ts); marked unitInferred.
 */
function applyColumnUnit(f: Figure, unit: string, scale = 1): void {
  if (f.unit !== "" || f.writtenUnit !== "") return;
  f.unit = scale !== 1 || unit.endsWith("元") ? "元" : unit;
  f.scale = scale;
  f.value = f.stated * scale;
  f.unitInferred = true;
}

/** A cell with text that is more than its figures (a label, not a value). */
function isLabelCell(text: string, toks: NumberToken[]): boolean {
  let rest = text;
  for (const tok of toks) rest = rest.replace(tok.raw, "");
  return rest.replace(/[\s　]/g, "").length >= 2;
}

function tableFigures(block: TableBlock): Figure[] {
  const out: Figure[] = [];
  const { grid, headerRows } = block;
  // A slot of a merged cell holds its anchor's text: its numbers are the anchor's (read once).
  const toks: NumberToken[][][] = [];
  grid.forEach((row, r) => {
    toks.push([]);
    row.forEach((c, k) => {
      const anchor = c.anchorRow !== r || c.anchorCol !== k ? toks[c.anchorRow]?.[c.anchorCol] : undefined;
      toks[r].push(anchor ?? (c.text ? findNumbers(c.text) : []));
    });
  });
  const label = grid.map((row, r) => row.map((c, k) => isLabelCell(c.text, toks[r][k])));
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      const cell = grid[r][c];
      if (cell.anchorRow !== r || cell.anchorCol !== c || !cell.text) continue;
      const place = { block: block.index, table: { index: block.tableIndex, row: r, col: c } };
      const figs = figuresOfText(cell.text, place, toks[r][c]);
      if (!figs.length) continue;
      // The row's label: the last label of the leading text cells (一级/二级/三级指标), or, for a cell among
      // them, the nearest label to its left.
      let lead = 0;
      while (lead < grid[r].length && (label[r][lead] || !grid[r][lead].text.trim())) lead++;
      let rowLabel: string | undefined;
      for (let k = Math.min(c, lead) - 1; k >= 0 && r >= headerRows; k--) {
        if (label[r][k]) {
          rowLabel = grid[r][k].text.replace(/\s+/g, "");
          break;
        }
      }
      const headers: string[] = [];
      for (let h = 0; h < Math.min(headerRows, r); h++) {
        const t = grid[h][c].text.replace(/\s+/g, "");
        if (t && !headers.includes(t)) headers.push(t);
      }
      const columnHeader = headers.join(" ") || undefined;
      const column = r >= headerRows ? block.columns?.[c] : undefined;
      for (const f of figs) {
        if (column?.unit) applyColumnUnit(f, column.unit, column.scale);
        if (rowLabel) f.rowLabel = rowLabel;
        if (columnHeader) f.columnHeader = columnHeader;
        if (!normalizeSubject(f.subjectRaw ?? "")) {
          f.subject = [rowLabel, columnHeader].filter(Boolean).join(" ") || f.subject;
        }
        out.push(f);
      }
    }
  }
  return out;
}

/** All figures of a document, in block order (cells row by row). */
export function figuresOfDocument(doc: Document): Figure[] {
  const out: Figure[] = [];
  for (const b of doc.blocks) {
    // One push per figure: spreading a large table's figures into push() overflows the call stack.
    const figs = b.kind === "table" ? tableFigures(b) : figuresOfText(b.text, { block: b.index });
    for (const f of figs) out.push(f);
  }
  return out;
}
