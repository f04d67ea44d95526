/**
 * Questionnaire tables (问卷调查表), recognised by their headers (src/analysis/vocab-questionnaire.ts), in the
 * two shapes reviewers meet:
 *
 * - option rows: a question column, an option column, one or more count columns (人数 / 问卷数) and maybe a
 *   share (占比) and a points column (标准分值). A question's rows are grouped by its cell, whether merged
 *   down over the option rows, written once with blank continuation cells below it (`Cell.continuesFrom`,
 *   or any blank question cell under a question), or repeated on every row. A 合计/小计 row inside a group
 *   is the question's stated total; summary rows (问卷总分, 有效问卷份数, 综合得分) close the table.
 * - option columns: one row per question, one column per answer option (非常满意 / 满意 / 一般 / 不满意 …),
 *   and maybe a 合计 or 有效问卷 column.
 *
 * Also reads 发放/收回/有效问卷 N 份 from the text just before the table.
 */
import type { Document, TableBlock } from "../../model/document.ts";
import { isBlank, parseCellNumber, squash } from "./cell-number.ts";
import { asciiDigits } from "../../extract/numbers.ts";
import type { CellValue } from "./indicator-table.ts";
import {
  ANSWER_OPTIONS,
  ANSWER_TOTAL_LABEL,
  COUNT_HEADER,
  MULTI_CHOICE,
  OPTION_HEADER,
  PERCENT_HEADER,
  POINTS_HEADER,
  QUESTION_HEADER,
  QUESTIONNAIRE_AVERAGE,
  QUESTIONNAIRE_TOTAL_SCORE,
  VALID_LABEL,
} from "../vocab.ts";
import { type StatedCount, statedCountsInText } from "./questionnaire-text.ts";

export type { StatedCount };

/** A share as written in a cell (67.36% / 67.36 in a 占比 column), in percent. */
export interface PctValue {
  value: number;
  decimals: number;
  raw: string;
  row: number;
  col: number;
}

export interface OptionRow {
  /** Row of the option (in the option-columns shape, the question's row). */
  row: number;
  /** Cell naming the option (its row/col), for evidence. */
  labelRow: number;
  labelCol: number;
  option: string;
  points?: CellValue;
  /** One per count column (undefined when the cell is empty or not a number). */
  counts: (CellValue | undefined)[];
  /** One per count column: the share stated beside the count. */
  pcts: (PctValue | undefined)[];
}

export interface Question {
  /** Row and column of the question's cell (the anchor of a merged cell, the first of a group). */
  row: number;
  col: number;
  text: string;
  options: OptionRow[];
  /** The question (or the table's header) allows several answers (多选). */
  multi: boolean;
  /** Per count column: a stated total of its answers (a 合计 row in the group, or a 合计 column). */
  total?: (CellValue | undefined)[];
  /** Per count column: the number who answered it (a 有效问卷 / 答题人数 column or row of its own). */
  valid?: (CellValue | undefined)[];
}

export interface Summary {
  row: number;
  label: string;
  points?: CellValue;
  counts: (CellValue | undefined)[];
}

export interface Questionnaire {
  table: TableBlock;
  shape: "option-rows" | "option-columns";
  headerRow: number;
  /** -1 when the table is one question without a question column. */
  questionCol: number;
  /** -1 when there is none. */
  pointsCol: number;
  countCols: number[];
  countHeaders: string[];
  questions: Question[];
  total?: Summary;
  valid?: Summary;
  average?: Summary;
  /** Counts stated in the text before the table. */
  stated: StatedCount[];
}

function numberAt(t: TableBlock, row: number, col: number): CellValue | undefined {
  if (col < 0) return undefined;
  const cell = t.grid[row][col];
  if (cell.anchorRow !== row) return undefined;
  const n = parseCellNumber(cell.text);
  return n ? { ...n, row, col: cell.anchorCol } : undefined;
}

const PCT_CELL = /^[\s\u3000]*([0-9０-９]+(?:[.．][0-9０-９]+)?)[\s\u3000]*([%％])?[\s\u3000]*$/;

/** A share in a cell: "67.36%", or a bare number in a percentage column ("67.36", "0.6736"). */
function pctAt(t: TableBlock, row: number, col: number): PctValue | undefined {
  if (col < 0) return undefined;
  const cell = t.grid[row][col];
  if (cell.anchorRow !== row) return undefined;
  const m = PCT_CELL.exec(cell.text);
  if (!m) return undefined;
  const raw = m[1];
  const ascii = asciiDigits(raw).replace("．", ".");
  const decimals = /\.(\d+)/.exec(ascii)?.[1].length ?? 0;
  let value = Number(ascii);
  let d = decimals;
  // A bare fraction (0.6736) in a share column is a ratio.
  if (!m[2] && value <= 1 && decimals >= 2) {
    value *= 100;
    d = Math.max(0, decimals - 2);
  }
  return { value, decimals: d, raw, row, col: cell.anchorCol };
}

/** Option label without its letter or number marker and trailing unit: "A.非常满意（人）" → "非常满意". */
function optionWord(text: string): string | undefined {
  const s = squash(text)
    .replace(/^(?:[A-Za-zＡ-Ｚａ-ｚ][.．、:：]?|[①-⑩]|[（(][0-9一二三四五六七八九十][）)]|[0-9]+[.．、])/, "")
    .replace(/[（(][^（）()]*[）)]$/, "")
    .replace(/(?:人数|票数|份数|问卷数|人|份|票)$/, "");
  return (ANSWER_OPTIONS as readonly string[]).includes(s) ? s : undefined;
}

/** Header text of column c for the header row h: the column's header path when known, else the cell. */
function headerText(t: TableBlock, h: number, c: number): string {
  const path = t.columns?.[c]?.path;
  if (path && path.length > 0 && h === Math.max(0, t.headerRows - 1)) return squash(path.join(""));
  return squash(t.grid[h][c].text);
}

function headerParts(t: TableBlock, h: number, c: number): string[] {
  const path = t.columns?.[c]?.path;
  if (path && path.length > 0 && h === Math.max(0, t.headerRows - 1)) return path.map(squash);
  return [squash(t.grid[h][c].text)];
}

const SKIP_ROW = new Set(["caption", "header", "repeated-header"]);

export function parseQuestionnaire(t: TableBlock, doc?: Document): Questionnaire | undefined {
  if (t.rowCount < 2) return undefined;
  const limit = Math.min(t.rowCount - 1, Math.max(3, t.headerRows));
  // The innermost header row first when the column paths are known (a two-row header reads best there).
  const order = Array.from({ length: limit }, (_, h) => h);
  if (t.columns && t.headerRows > 1 && t.headerRows - 1 < limit) {
    order.splice(t.headerRows - 1, 1);
    order.unshift(t.headerRows - 1);
  }
  for (const h of order) {
    const q = optionRows(t, h) ?? optionColumns(t, h);
    if (q) {
      q.stated = doc ? statedCounts(doc, t) : [];
      return q;
    }
  }
  return undefined;
}

/** The question shape: question, option and count columns. */
function optionRows(t: TableBlock, h: number): Questionnaire | undefined {
  const texts = t.grid[h].map((_, c) => headerText(t, h, c));
  const distinct = (c: number) => c === 0 || t.grid[h][c].anchorCol === c;
  const pointsCol = texts.findIndex((x, c) => distinct(c) && POINTS_HEADER.test(x) && !COUNT_HEADER.test(x));
  const optionCol = texts.findIndex((x, c) => distinct(c) && OPTION_HEADER.test(x) && !COUNT_HEADER.test(x));
  if (optionCol < 0) return undefined;
  const questionCol = texts.findIndex((x, c) =>
    distinct(c) && c !== optionCol && QUESTION_HEADER.test(x) && !OPTION_HEADER.test(x)
  );
  const countCols: number[] = [];
  const pctCols: number[] = [];
  texts.forEach((x, c) => {
    if (!distinct(c) || c === optionCol || c === questionCol || c === pointsCol) return;
    if (PERCENT_HEADER.test(x) || t.columns?.[c]?.unit === "%") pctCols.push(c);
    else if (COUNT_HEADER.test(x)) countCols.push(c);
  });
  if (countCols.length === 0) return undefined;
  // The share column of each count column: the first share column right of it, before the next count.
  const pctOf = countCols.map((c, j) =>
    pctCols.find((p) => p > c && (j + 1 >= countCols.length || p < countCols[j + 1])) ??
      (countCols.length === 1 && pctCols.length === 1 ? pctCols[0] : -1)
  );
  const headerMulti = texts.some((x) => MULTI_CHOICE.test(x));
  const q: Questionnaire = {
    table: t,
    shape: "option-rows",
    headerRow: h,
    questionCol,
    pointsCol,
    countCols,
    countHeaders: countCols.map((c) => texts[c]),
    questions: [],
    stated: [],
  };
  let current: Question | undefined;
  for (let r = h + 1; r < t.rowCount; r++) {
    if (SKIP_ROW.has(t.rows?.[r] ?? "body")) continue;
    const row = t.grid[r];
    // A summary row's label is its own, left of the options (问卷总分 / 有效问卷份数 / 综合得分).
    const lead = row.slice(0, optionCol).find((c) => c.anchorRow === r && !isBlank(c.text));
    const first = lead ? squash(lead.text) : "";
    const summary = (): Summary => ({
      row: r,
      label: first,
      points: numberAt(t, r, pointsCol),
      counts: countCols.map((c) => numberAt(t, r, c)),
    });
    if (first.length > 0 && first.length <= 12) {
      if (QUESTIONNAIRE_TOTAL_SCORE.test(first)) {
        q.total = summary();
        continue;
      }
      if (VALID_LABEL.test(first)) {
        q.valid = summary();
        continue;
      }
      if (QUESTIONNAIRE_AVERAGE.test(first)) {
        q.average = summary();
        continue;
      }
    }
    const optionCell = row[optionCol];
    const optionText = squash(optionCell.text);
    // Which question the row belongs to: the merged cell's anchor, the row a blank continuation cell points
    // to, the question above for any other blank cell, or the question whose text it repeats.
    let key: number | undefined;
    let own = false;
    if (questionCol >= 0) {
      const qc = row[questionCol];
      if (qc.anchorRow !== r) key = qc.anchorRow;
      else if (qc.continuesFrom !== undefined) key = qc.continuesFrom;
      else if (isBlank(qc.text)) key = current?.row;
      else if (current && squash(qc.text) === squash(current.text)) key = current.row;
      else {
        key = r;
        own = true;
      }
    } else {
      key = h + 1;
      own = current === undefined;
    }
    const inGroup = current !== undefined && key === current.row && !own;
    // A 合计/小计 or 有效问卷 row inside a question's group: that question's stated total or respondents.
    const optionIsOwn = optionCell.anchorRow === r && optionCell.anchorCol === optionCol;
    // A 合计 row right below a question's options, labelled left of the option column (or merged across
    // it): that question's stated total, when every question before it closed with one too (so it is no
    // grand total of several questions).
    if (
      current && !current.total && ANSWER_TOTAL_LABEL.test(first) && (isBlank(optionText) || !optionIsOwn) &&
      current.options[current.options.length - 1]?.row === r - 1 && q.questions.every((x) =>
        x === current || x.total
      )
    ) {
      current.total = countCols.map((c) => numberAt(t, r, c));
      continue;
    }
    if (ANSWER_TOTAL_LABEL.test(optionText) || VALID_LABEL.test(optionText)) {
      if (inGroup && optionIsOwn) {
        const values = countCols.map((c) => numberAt(t, r, c));
        if (VALID_LABEL.test(optionText)) current!.valid = values;
        else current!.total = values;
      }
      continue;
    }
    if (!own && !inGroup && questionCol >= 0) continue;
    if (ANSWER_TOTAL_LABEL.test(first) || t.rows?.[r] === "total" && !inGroup) continue;
    if (isBlank(optionText) || !optionIsOwn) continue;
    if (questionCol < 0 && !optionWord(optionText)) return undefined;
    if (own) {
      const qc = questionCol >= 0 ? row[questionCol] : undefined;
      const text = qc ? qc.text : "";
      current = {
        row: qc ? qc.anchorRow : r,
        col: qc ? qc.anchorCol : optionCol,
        text,
        options: [],
        multi: headerMulti || MULTI_CHOICE.test(text),
      };
      q.questions.push(current);
    }
    current!.options.push({
      row: r,
      labelRow: r,
      labelCol: optionCol,
      option: optionCell.text,
      points: numberAt(t, r, pointsCol),
      counts: countCols.map((c) => numberAt(t, r, c)),
      pcts: pctOf.map((c) => pctAt(t, r, c)),
    });
  }
  return q.questions.some((x) => x.options.length > 0) ? q : undefined;
}

/** The option-columns shape: one row per question, answer options as columns. */
function optionColumns(t: TableBlock, h: number): Questionnaire | undefined {
  const cols = t.grid[h].map((_, c) => ({ c, parts: headerParts(t, h, c) }))
    .filter(({ c }) => c === 0 || t.grid[h][c].anchorCol === c || (t.columns?.[c]?.path.length ?? 0) > 1);
  const optionCols: { c: number; option: string; pct: boolean }[] = [];
  let totalCol = -1, validCol = -1;
  for (const { c, parts } of cols) {
    const option = parts.map(optionWord).find((x) => x !== undefined);
    const pct = parts.some((p) => PERCENT_HEADER.test(p)) || t.columns?.[c]?.unit === "%";
    const prev = optionCols[optionCols.length - 1];
    if (option) optionCols.push({ c, option, pct });
    // A bare 占比 column right after an option's count column (非常满意 | 占比 | 满意 | 占比): that option's share.
    else if (pct && prev && !prev.pct && cols[cols.findIndex((x) => x.c === c) - 1]?.c === prev.c) {
      optionCols.push({ c, option: prev.option, pct });
    } else if (!pct && parts.some((p) => ANSWER_TOTAL_LABEL.test(p))) totalCol = c;
    else if (!pct && parts.some((p) => VALID_LABEL.test(p))) validCol = c;
  }
  const countOptions = optionCols.filter((o) => !o.pct);
  if (new Set(countOptions.map((o) => o.option)).size < 2) return undefined;
  if (new Set(countOptions.map((o) => o.option)).size !== countOptions.length) return undefined;
  const firstOption = Math.min(...countOptions.map((o) => o.c));
  const questionCol = (() => {
    const byHeader = cols.find(({ c, parts }) =>
      c < firstOption && parts.some((p) => QUESTION_HEADER.test(p))
    );
    if (byHeader) return byHeader.c;
    // Else the last text column before the options.
    for (let c = firstOption - 1; c >= 0; c--) if (!t.columns?.[c]?.numeric) return c;
    return -1;
  })();
  if (questionCol < 0) return undefined;
  const headerMulti = cols.some(({ parts }) => parts.some((p) => MULTI_CHOICE.test(p)));
  const start = Math.max(h + 1, t.headerRows);
  const q: Questionnaire = {
    table: t,
    shape: "option-columns",
    headerRow: h,
    questionCol,
    pointsCol: -1,
    countCols: [countOptions[0].c],
    countHeaders: [""],
    questions: [],
    stated: [],
  };
  for (let r = start; r < t.rowCount; r++) {
    const kind = t.rows?.[r] ?? "body";
    if (kind !== "body") continue;
    const qc = t.grid[r][questionCol];
    const text = qc.anchorRow !== r ? "" : qc.text;
    const label = squash(text);
    if (!label || ANSWER_TOTAL_LABEL.test(label) || VALID_LABEL.test(label)) continue;
    const options: OptionRow[] = countOptions.map((o) => {
      const pctCol = optionCols.find((p) => p.pct && p.option === o.option)?.c ?? -1;
      return {
        row: r,
        labelRow: h,
        labelCol: o.c,
        option: o.option,
        counts: [numberAt(t, r, o.c)],
        pcts: [pctAt(t, r, pctCol)],
      };
    });
    if (options.every((o) => !o.counts[0])) continue;
    q.questions.push({
      row: r,
      col: questionCol,
      text,
      options,
      multi: headerMulti || MULTI_CHOICE.test(text),
      ...(totalCol >= 0 ? { total: [numberAt(t, r, totalCol)] } : {}),
      ...(validCol >= 0 ? { valid: [numberAt(t, r, validCol)] } : {}),
    });
  }
  return q.questions.length > 0 ? q : undefined;
}

/** 发放/收回/有效问卷 N 份 in the paragraphs just before the table (nearest statement of each kind wins). */
function statedCounts(doc: Document, t: TableBlock): StatedCount[] {
  const out: StatedCount[] = [];
  for (let i = t.index - 1; i >= 0 && i >= t.index - 6; i--) {
    const b = doc.blocks[i];
    if (b.kind === "table") break;
    const found = statedCountsInText(b.text, i).reverse();
    for (const s of found) {
      if (out.some((x) => x.kind === s.kind)) continue;
      out.push(s);
    }
    if (b.kind === "heading") break;
  }
  return out;
}
