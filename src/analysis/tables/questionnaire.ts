/**
 * Questionnaire tables (问卷调查表): question number and text merged down over their option rows, a points
 * column (标准分值) and one or more count columns (问卷数 / 人数), then summary rows (问卷总分, 有效问卷份数,
 * 综合得分). Also reads 发放/收回/有效问卷 N 份 from the text just before the table.
 */
import type { Document, TableBlock } from "../../model/document.ts";
import { isBlank, parseCellNumber, squash } from "./cell-number.ts";
import { asciiDigits } from "../../extract/numbers.ts";
import type { CellValue } from "./indicator-table.ts";

export interface OptionRow {
  row: number;
  option: string;
  points?: CellValue;
  /** One per count column (undefined when the cell is empty or not a number). */
  counts: (CellValue | undefined)[];
}

export interface Question {
  /** Row and column of the question's (merged) cell. */
  row: number;
  col: number;
  text: string;
  options: OptionRow[];
}

export interface Summary {
  row: number;
  label: string;
  points?: CellValue;
  counts: (CellValue | undefined)[];
}

/** 发放 / 收回 / 有效 questionnaire counts stated in a paragraph. */
export interface StatedCount {
  kind: "issued" | "returned" | "valid";
  value: number;
  raw: string;
  block: number;
}

export interface Questionnaire {
  table: TableBlock;
  headerRow: number;
  questionCol: number;
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

const QUESTION = /问题|题目/;
const OPTION = /选项/;
const POINTS = /分值|分数/;
const COUNT = /问卷数|份数|人数|票数|选择数|次数|数量/;
const TOTAL = /^(?:问卷)?总分/;
const VALID = /有效(?:问卷)?(?:份数|数|问卷)/;
const AVERAGE = /综合得分|平均分|平均得分|综合评分/;

function numberAt(t: TableBlock, row: number, col: number): CellValue | undefined {
  const cell = t.grid[row][col];
  if (cell.anchorRow !== row) return undefined;
  const n = parseCellNumber(cell.text);
  return n ? { ...n, row, col: cell.anchorCol } : undefined;
}

export function parseQuestionnaire(t: TableBlock, doc?: Document): Questionnaire | undefined {
  const limit = Math.min(t.rowCount, 3);
  for (let h = 0; h < limit; h++) {
    const texts = t.grid[h].map((c) => squash(c.text));
    const questionCol = texts.findIndex((x) => QUESTION.test(x) && !OPTION.test(x));
    const optionCol = texts.findIndex((x) => OPTION.test(x));
    const pointsCol = texts.findIndex((x) => POINTS.test(x));
    const countCols = texts.flatMap((x, c) => COUNT.test(x) && c !== pointsCol ? [c] : []);
    if (questionCol < 0 || optionCol < 0 || pointsCol < 0 || countCols.length === 0) continue;
    const q: Questionnaire = {
      table: t,
      headerRow: h,
      questionCol,
      pointsCol,
      countCols,
      countHeaders: countCols.map((c) => texts[c]),
      questions: [],
      stated: doc ? statedCounts(doc, t) : [],
    };
    for (let r = h + 1; r < t.rowCount; r++) {
      const row = t.grid[r];
      const first = squash(row[0].text);
      const summary = (): Summary => ({
        row: r,
        label: row[0].text,
        points: numberAt(t, r, pointsCol),
        counts: countCols.map((c) => numberAt(t, r, c)),
      });
      if (row[0].anchorRow === r && TOTAL.test(first)) q.total = summary();
      else if (row[0].anchorRow === r && VALID.test(first)) q.valid = summary();
      else if (row[0].anchorRow === r && AVERAGE.test(first)) q.average = summary();
      else {
        const qc = row[questionCol];
        if (isBlank(qc.text) || isBlank(row[optionCol].text)) continue;
        let question = q.questions.find((x) => x.row === qc.anchorRow && x.col === qc.anchorCol);
        if (!question) {
          question = { row: qc.anchorRow, col: qc.anchorCol, text: qc.text, options: [] };
          q.questions.push(question);
        }
        question.options.push({
          row: r,
          option: row[optionCol].text,
          points: numberAt(t, r, pointsCol),
          counts: countCols.map((c) => numberAt(t, r, c)),
        });
      }
    }
    return q.questions.length > 0 ? q : undefined;
  }
  return undefined;
}

const STATED =
  /(发放|收回|回收|有效)(?:调查)?问卷(?:份数|数)?[\s\u3000]*[：:为共]?[\s\u3000]*([0-9０-９]+)[\s\u3000]*份/g;

/** 发放/收回/有效问卷 N 份 in the paragraphs of the table's section before it (nearest statement wins). */
function statedCounts(doc: Document, t: TableBlock): StatedCount[] {
  const out: StatedCount[] = [];
  for (let i = t.index - 1; i >= 0 && i >= t.index - 6; i--) {
    const b = doc.blocks[i];
    if (b.kind === "table") break;
    for (const m of b.text.matchAll(STATED)) {
      const kind = m[1] === "发放" ? "issued" : m[1] === "有效" ? "valid" : "returned";
      if (out.some((x) => x.kind === kind)) continue;
      out.push({ kind, value: Number(asciiDigits(m[2])), raw: m[0], block: i });
    }
    if (b.kind === "heading") break;
  }
  return out;
}
