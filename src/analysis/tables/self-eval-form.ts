/**
 * The parts of a 项目支出绩效自评表 around its indicator tree: the 预算执行 rows above the indicator header
 * (年初预算数 / 全年预算数 / 全年执行数 / 执行率 / 分值 / 得分) and, per indicator, the 年度指标值 / 实际完成值 /
 * 偏差原因 columns. Only reading here; rules judge (checks/rules/score-rule/self-eval.ts).
 */
import type { TableBlock } from "../../model/document.ts";
import { findNumbers, type NumberToken } from "../../extract/numbers.ts";
import { type CellNumber, isBlank, parseCellNumber, squash } from "./cell-number.ts";

/** A figure in a cell, with its position. */
export interface CellFigure extends CellNumber {
  row: number;
  col: number;
}

/** A money amount in a cell: the stated number and its scale to 元 (1 when the cell and column give none). */
export interface Amount extends CellFigure {
  scale: number;
  /** The scale comes from the cell ("2.31亿元") or its column/caption, not a default. */
  scaleKnown: boolean;
}

export interface BudgetRow {
  row: number;
  /** The row's label cell (年度资金总额 / 其中：财政拨款 …). */
  label: { text: string; row: number; col: number; weights: CellFigure[] };
  /** The header row the columns were read from. */
  headerRow: number;
  /** 年初预算数, when the table has it beside a 全年预算数. */
  planned?: Amount;
  /** The execution rate's denominator: 全年预算数 / 调整后预算数, else the one 预算数 column. */
  budget?: Amount;
  executed?: Amount;
  /** The stated rate, in percent. */
  rate?: CellFigure;
  weight?: CellFigure;
  score?: CellFigure;
  /** The scoring rule the header states ("得分（20分*执行率）"): the cell and its text. */
  statedRule?: { quote: string; row: number; col: number };
}

const EXECUTED = /执行数|实际支出|支出数|完成数/;
const RATE = /执行率|完成率/;
const PLANNED = /年初/;
const FULL_YEAR = /全年|调整后|调整/;
const BUDGET = /预算数|预算金额|预算安排|预算资金|下达数|下达金额|下达资金/;
/** 到位数 beside 下达数 (a transfer's 区域自评表): 执行率's denominator is unclear where the two differ. */
const RECEIVED = /到位数|到位金额|到位资金/;
const WEIGHT = /^(?:分值|权重|满分|标准分值?)/;
const SCORE = /^(?:自评)?得分/;
/** "(20分)" in a label or header. */
const NOTE = /[（(][\s\u3000]*([0-9０-９]+(?:[.．][0-9０-９]+)?)[\s\u3000]*分[\s\u3000]*[)）]/g;
/** "(20分*执行率)" / "（分值×执行率）": the score rule the template states. */
const RULE =
  /[（(][\s\u3000]*(?:([0-9０-９]+(?:[.．][0-9０-９]+)?)[\s\u3000]*分|分值)[\s\u3000]*[*×xX＊][\s\u3000]*(?:预算)?执行率[\s\u3000]*[)）]/;

function figureAt(t: TableBlock, row: number, col: number): CellFigure | undefined {
  const cell = t.grid[row][col];
  if (cell.anchorRow !== row || cell.anchorCol !== col) return undefined;
  const n = parseCellNumber(cell.text);
  return n ? { ...n, row, col } : undefined;
}

/** One plain number token in a cell (money with or without its unit, a percentage …). */
export function cellToken(text: string): NumberToken | undefined {
  const found = findNumbers(text.replace(/[\s\u3000]+/g, ""));
  if (found.length !== 1) return undefined;
  const n = found[0];
  if (n.approx !== "exact" || n.range || n.chineseNumeral) return undefined;
  return n;
}

function amountAt(t: TableBlock, row: number, col: number): Amount | undefined {
  const cell = t.grid[row][col];
  if (cell.anchorRow !== row || cell.anchorCol !== col) return undefined;
  const n = cellToken(cell.text);
  if (!n || !/^[0-9０-９.．,，]+$/.test(n.raw.slice(0, n.raw.length - n.writtenUnit.length))) {
    return undefined;
  }
  const own = n.writtenUnit !== "" && n.unit === "元";
  if (n.writtenUnit !== "" && !own) return undefined;
  const colScale = t.columns?.[col]?.scale ?? t.unit?.scale;
  return {
    value: n.stated,
    decimals: n.decimals,
    raw: n.raw,
    row,
    col,
    scale: own ? n.scale : colScale ?? 1,
    scaleKnown: own || colScale !== undefined,
  };
}

function rateAt(t: TableBlock, row: number, col: number): CellFigure | undefined {
  const cell = t.grid[row][col];
  if (cell.anchorRow !== row || cell.anchorCol !== col) return undefined;
  const n = cellToken(cell.text);
  if (!n) return undefined;
  if (n.unit === "%") return { value: n.stated, decimals: n.decimals, raw: n.raw, row, col };
  // A bare number under a rate header is a percentage; 0.95 could be a fraction: left unread.
  if (n.writtenUnit === "" && n.stated > 1.5) {
    return { value: n.stated, decimals: n.decimals, raw: n.raw, row, col };
  }
  return undefined;
}

interface BudgetColumns {
  headerRow: number;
  planned?: number;
  budget?: number;
  executed?: number;
  rate?: number;
  weight?: number;
  score?: number;
  received?: number;
}

function budgetColumns(t: TableBlock, r: number): BudgetColumns | undefined {
  const texts = t.grid[r].map((c) => squash(c.text));
  const cols: BudgetColumns = { headerRow: r };
  const budgets: number[] = [];
  texts.forEach((x, c) => {
    if (x === "" || (c > 0 && t.grid[r][c].anchorCol !== c)) return;
    if (SCORE.test(x)) cols.score ??= c; // before 执行率: "得分（分值×执行率）"
    else if (RATE.test(x)) cols.rate ??= c;
    else if (EXECUTED.test(x)) cols.executed ??= c;
    else if (BUDGET.test(x)) budgets.push(c);
    else if (WEIGHT.test(x)) cols.weight ??= c;
    else if (RECEIVED.test(x)) cols.received ??= c;
  });
  if (cols.executed === undefined && cols.rate === undefined) return undefined;
  if (cols.score === undefined && cols.rate === undefined) return undefined;
  const planned = budgets.filter((c) => PLANNED.test(texts[c]));
  const full = budgets.filter((c) => !PLANNED.test(texts[c]));
  if (full.length > 1 || planned.length > 1) return undefined;
  cols.budget = full[0] ?? planned[0];
  if (full.length === 1 && planned.length === 1) cols.planned = planned[0];
  if (
    cols.budget !== undefined && full.length === 1 && !FULL_YEAR.test(texts[cols.budget]) && planned.length
  ) {
    return undefined; // 年初预算数 beside a 预算数 that is not said to be the full year's: ambiguous
  }
  return cols;
}

function notesIn(text: string, row: number, col: number): CellFigure[] {
  const out: CellFigure[] = [];
  for (const m of text.matchAll(NOTE)) {
    const n = parseCellNumber(m[1]);
    if (n) out.push({ ...n, raw: m[0], row, col });
  }
  return out;
}

/**
 * The 预算执行 rows above the indicator header: a header row naming 执行数 or 执行率 and 得分, then the rows
 * with figures under it, up to the indicator header. The weight is the 分值 column, else the one weight the
 * header row declares ("预算执行情况（20分）", "得分（20分*执行率）").
 */
export function budgetRows(t: TableBlock, indicatorHeader: number): BudgetRow[] {
  for (let h = 0; h < indicatorHeader - 1; h++) {
    const cols = budgetColumns(t, h);
    if (!cols) continue;
    let statedRule: BudgetRow["statedRule"];
    const notes: CellFigure[] = [];
    for (const [c, cell] of t.grid[h].entries()) {
      if (cell.anchorCol !== c) continue;
      const m = RULE.exec(cell.text);
      if (m) {
        statedRule ??= { quote: m[0], row: cell.anchorRow, col: c };
        if (m[1]) {
          const n = parseCellNumber(m[1]);
          if (n) notes.push({ ...n, raw: m[1], row: cell.anchorRow, col: c });
        }
      }
      notes.push(...notesIn(cell.text, cell.anchorRow, c));
    }
    const out: BudgetRow[] = [];
    for (let r = h + 1; r < indicatorHeader; r++) {
      const row = t.grid[r];
      if (budgetColumns(t, r)) break;
      const isLabel = (c: (typeof row)[number], k: number) =>
        c.anchorCol === k && !isBlank(c.text) && !parseCellNumber(c.text) && !cellToken(c.text);
      // The row's own label (年度资金总额), not the 项目资金 cell merged down beside it.
      const own = row.findIndex((c, k) => c.anchorRow === r && isLabel(c, k));
      const labelCol = own >= 0 ? own : row.findIndex(isLabel);
      if (labelCol < 0) continue;
      const b: BudgetRow = {
        row: r,
        label: {
          text: row[labelCol].text,
          row: row[labelCol].anchorRow,
          col: labelCol,
          weights: notesIn(row[labelCol].text, row[labelCol].anchorRow, labelCol),
        },
        headerRow: h,
      };
      if (cols.planned !== undefined) b.planned = amountAt(t, r, cols.planned);
      if (cols.budget !== undefined) b.budget = amountAt(t, r, cols.budget);
      if (
        b.budget && cols.received !== undefined && amountAt(t, r, cols.received)?.value !== b.budget.value
      ) {
        b.budget = undefined;
      }
      if (cols.executed !== undefined) b.executed = amountAt(t, r, cols.executed);
      if (cols.rate !== undefined) b.rate = rateAt(t, r, cols.rate);
      if (cols.score !== undefined) b.score = figureAt(t, r, cols.score);
      if (cols.weight !== undefined) b.weight = figureAt(t, r, cols.weight);
      else {
        const values = new Set(notes.map((n) => n.value));
        if (values.size === 1) b.weight = notes[0];
      }
      if (statedRule) b.statedRule = statedRule;
      if (b.budget || b.executed || b.rate || b.score) out.push(b);
    }
    if (out.length > 0) return out;
  }
  return [];
}

// ── Targets and results per indicator ───────────────────────────────────────────────────────────────────

export interface TargetColumns {
  target: number;
  actual: number;
  /** 偏差原因 / 未完成原因 column, when there is one. */
  deviation?: number;
}

const TARGET_HEADER = /^(?:年度|年初|全年)?(?:绩效)?(?:指标值|目标值)(?:[（(][A-Za-z][)）])?$/;
const ACTUAL_HEADER = /^(?:全年)?(?:实际)?完成(?:值|数|情况)(?:[（(][A-Za-z][)）])?$|^实际(?:完成)?值$/;
const DEVIATION_HEADER = /偏差|未完成原因|原因分析/;

export function targetColumns(t: TableBlock, headerRow: number): TargetColumns | undefined {
  const texts = t.grid[headerRow].map((c) => squash(c.text));
  const target = texts.findIndex((x) => TARGET_HEADER.test(x));
  const actual = texts.findIndex((x) => ACTUAL_HEADER.test(x));
  if (target < 0 || actual < 0 || target === actual) return undefined;
  const deviation = texts.findIndex((x) => DEVIATION_HEADER.test(x));
  return deviation >= 0 ? { target, actual, deviation } : { target, actual };
}

/** "at-least": ≥ / 以上; "at-most": ≤ / 以内; "bare": a number alone (its direction is the indicator's). */
export type Direction = "at-least" | "at-most" | "bare";

export interface Target {
  direction: Direction;
  /** A strict comparison (> / 高于 / 低于). */
  strict: boolean;
  /** In the token's base unit. */
  value: number;
  unit: string;
  raw: string;
}

const AT_LEAST_BEFORE = /^(?:≥|>=|＞=|≧|不低于|不少于|大于等于|大于或等于|至少|达到|达)/;
const STRICT_MORE_BEFORE = /^(?:>|＞|大于|高于|超过|多于)/;
const AT_MOST_BEFORE = /^(?:≤|<=|＜=|≦|不高于|不超过|不大于|不多于|小于等于|小于或等于|控制在|最多)/;
const STRICT_LESS_BEFORE = /^(?:<|＜|小于|低于|少于)/;
const AT_LEAST_AFTER = /(?:及以上|以上|或以上)$/;
const AT_MOST_AFTER = /(?:及以内|以内|之内|内|及以下|以下)$/;

/** A numeric target; undefined for qualitative ones (达标, 良好, 有效改善) and anything not one number. */
export function parseTarget(text: string): Target | undefined {
  let s = squash(text).replace(/^[=＝]/, "");
  if (!/[0-9０-９]/.test(s)) return undefined;
  let direction: Direction = "bare";
  let strict = false;
  const before: [RegExp, Direction, boolean][] = [
    [AT_LEAST_BEFORE, "at-least", false],
    [STRICT_MORE_BEFORE, "at-least", true],
    [AT_MOST_BEFORE, "at-most", false],
    [STRICT_LESS_BEFORE, "at-most", true],
  ];
  for (const [re, d, st] of before) {
    const m = re.exec(s);
    if (m) {
      [direction, strict, s] = [d, st, s.slice(m[0].length)];
      break;
    }
  }
  const after = AT_LEAST_AFTER.exec(s) ?? AT_MOST_AFTER.exec(s);
  if (after) {
    const d: Direction = AT_LEAST_AFTER.test(after[0]) ? "at-least" : "at-most";
    if (direction !== "bare" && direction !== d) return undefined;
    direction = d;
    s = s.slice(0, s.length - after[0].length);
  }
  const n = cellToken(s);
  if (!n || n.start !== 0 || n.end !== s.length) return undefined;
  return { direction, strict, value: n.value, unit: n.unit, raw: text.trim() };
}

/** A numeric result ("20148人", "95%"); undefined for qualitative or approximate ones. */
export function parseActual(text: string): { value: number; unit: string } | undefined {
  const s = squash(text);
  const n = cellToken(s);
  if (!n || n.start !== 0 || n.end !== s.length) return undefined;
  return { value: n.value, unit: n.unit };
}
