/**
 * Indicator tables (评价指标体系 / 评分表) parsed into a tree: 一级 → 二级 → 三级 by the merged label columns.
 * Groups are keyed by code + name (weight annotations removed), so a label the grid restarts further down
 * ("A3资源配置（13分）" twice) is one node that was declared twice. Each data row is a leaf.
 */
import type { TableBlock } from "../../model/document.ts";
import { type CellNumber, isBlank, parseCellNumber, squash } from "./cell-number.ts";
import { asciiDigits } from "../../extract/numbers.ts";
import { show, total } from "./compare.ts";
import { INDICATOR_TOTAL_LABELS, startsWithOne, SUBTOTAL_LABELS } from "../vocab.ts";
import { type BudgetRow, budgetRows } from "./self-eval-form.ts";

/** A number read from a cell, with where it sits. */
export interface CellValue extends CellNumber {
  row: number;
  col: number;
}

/** One label as written in one (anchor) cell. */
export interface LabelOccurrence {
  text: string;
  row: number;
  col: number;
  /** Weights the label declares: "（12分）" / "(12分)"; several when the label repeats the annotation. */
  weights: CellValue[];
}

export interface Leaf {
  row: number;
  label: LabelOccurrence;
  code?: string;
  name: string;
  /** The weight column (分值/权重). */
  weight?: CellValue;
  /** The score column (得分). */
  score?: CellValue;
  parent?: IndicatorNode;
  /**
   * "budget" for the 预算执行 row of a 项目支出绩效自评表 (above the indicator header, with its own 分值/得分
   * columns): a top-level item of the total that has no indicator label.
   */
  kind?: "budget";
}

export interface IndicatorNode {
  key: string;
  level: number;
  code?: string;
  name: string;
  occurrences: LabelOccurrence[];
  children: IndicatorNode[];
  leaves: Leaf[];
  parent?: IndicatorNode;
}

export interface TotalRow {
  row: number;
  /** The label cell that marks the row (合计 / 总分 / a bare "100分"). */
  label: LabelOccurrence;
  /** A number written in a label column ("100分"): a stated total weight. */
  labelNumber?: CellValue;
  weight?: CellValue;
  score?: CellValue;
}

/**
 * A 小计 row and the group it closes. `grouping` says how the group was found: "named" when the subtotal's own
 * row names it (a merged or continued group label, or "投入小计"), "block" when the leaves since the previous
 * subtotal are exactly one top-level group, "position" when they are merely the rows since the previous
 * subtotal (or, for subtotals written above their group, until the next one) — an assumption.
 */
export interface SubtotalRow {
  row: number;
  label: LabelOccurrence;
  weight?: CellValue;
  score?: CellValue;
  node?: IndicatorNode;
  leaves: Leaf[];
  grouping: "named" | "block" | "position";
}

export interface IndicatorTable {
  table: TableBlock;
  headerRow: number;
  labelCols: number[];
  weightCol: number;
  scoreCol?: number;
  roots: IndicatorNode[];
  /** Every scored item in row order, the 自评表's 预算执行 row (kind "budget") included. */
  leaves: Leaf[];
  totals: TotalRow[];
  subtotals: SubtotalRow[];
  /** The 自评表's 预算执行 rows above the indicator header (src/analysis/tables/self-eval-form.ts). */
  budget: BudgetRow[];
  /** Rows repeating the indicator header further down (after a page break), skipped. */
  repeatedHeaders: number[];
}

const LABEL_HEADER = /^(?:[一二三四1-4]级)?指标(?:名称)?$|^[一二三四]级$/;
const WEIGHT_HEADER = /^(?:指标)?(?:分值|权重|满分|标准分值?|分数)(?:[（(]分[)）])?$/;
const SCORE_HEADER = /^(?:自评|评价|实际|考核)?得分(?:[（(]分[)）])?$|^评分$/;
const TOTAL_LABEL = startsWithOne(INDICATOR_TOTAL_LABELS);
const SUBTOTAL_LABEL = startsWithOne(SUBTOTAL_LABELS);
const WEIGHT_NOTE = /[（(][\s\u3000]*([0-9０-９]+(?:[.．][0-9０-９]+)?)[\s\u3000]*分[\s\u3000]*[)）]/g;
/** How far down a table its indicator header may start (a 自评表 has ~10 rows of project data above it). */
const HEADER_SCAN_ROWS = 40;
const SUBTOTAL_SUFFIX = /^(.{1,16}?)(?:指标)?(?:得分)?小计$/;
const CODE = /^([A-Za-zＡ-Ｚ]\d+(?:[.．]\d+)*|[A-Za-zＡ-Ｚ](?=[\u4e00-\u9fff]))/;

export function labelWeights(text: string, row: number, col: number): CellValue[] {
  const out: CellValue[] = [];
  for (const m of text.matchAll(WEIGHT_NOTE)) {
    const n = parseCellNumber(m[1]);
    if (n) out.push({ ...n, raw: m[0], row, col });
  }
  return out;
}

/** Code and name of a label: "A1部门目标（12分）" → A1 / 部门目标. */
export function parseLabel(text: string): { code?: string; name: string } {
  const s = squash(text.replace(WEIGHT_NOTE, ""));
  const m = CODE.exec(asciiDigits(s));
  if (!m) return { name: s };
  return { code: m[1].toUpperCase(), name: s.slice(m[1].length) };
}

/**
 * The indicator header row: the first row with an indicator-label header (一级指标 …) and a weight header
 * (分值/权重). Any row qualifies, so that a 自评表's 项目名称/预算执行 rows, a caption or a multi-row header
 * above it do not hide it; rows below it repeating it are skipped by the parser.
 */
function findHeader(t: TableBlock) {
  const limit = Math.min(t.rowCount, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    if (t.rows?.[r] === "repeated-header") continue;
    const texts = t.grid[r].map((c) => squash(c.text));
    const labelCols = texts.flatMap((x, c) => LABEL_HEADER.test(x) ? [c] : []);
    const weightCol = texts.findIndex((x) => WEIGHT_HEADER.test(x));
    const scoreCol = texts.findIndex((x) => SCORE_HEADER.test(x));
    if (labelCols.length > 0 && weightCol >= 0) {
      return { headerRow: r, labelCols, weightCol, scoreCol: scoreCol >= 0 ? scoreCol : undefined };
    }
  }
  return undefined;
}

function numberAt(t: TableBlock, row: number, col: number | undefined): CellValue | undefined {
  if (col === undefined) return undefined;
  const cell = t.grid[row][col];
  if (cell.anchorRow !== row) return undefined; // merged down from a row above: not this row's value
  const n = parseCellNumber(cell.text);
  return n ? { ...n, row: cell.anchorRow, col: cell.anchorCol } : undefined;
}

function occurrence(t: TableBlock, row: number, col: number): LabelOccurrence {
  const cell = t.grid[row][col];
  return {
    text: cell.text,
    row: cell.anchorRow,
    col: cell.anchorCol,
    weights: labelWeights(cell.text, cell.anchorRow, cell.anchorCol),
  };
}

/** A row's texts, squashed, for recognising a header repeated further down. */
function rowKey(row: TableBlock["grid"][number]): string {
  return row.map((c) => squash(c.text)).join("|");
}

/** The node a group label cell at (row, col) stands for, among the nodes created so far. */
function nodeAt(nodes: Iterable<IndicatorNode>, row: number, col: number): IndicatorNode | undefined {
  for (const n of nodes) if (n.occurrences.some((o) => o.row === row && o.col === col)) return n;
  return undefined;
}

interface PendingSubtotal {
  row: number;
  label: LabelOccurrence;
  weight?: CellValue;
  score?: CellValue;
  named?: IndicatorNode;
  /** Number of (non-budget) leaves read before this row. */
  at: number;
}

export function parseIndicatorTable(t: TableBlock): IndicatorTable | undefined {
  const header = findHeader(t);
  if (!header) return undefined;
  const { headerRow, labelCols, weightCol, scoreCol } = header;
  const roots: IndicatorNode[] = [];
  const leaves: Leaf[] = [];
  const totals: TotalRow[] = [];
  const pending: PendingSubtotal[] = [];
  const repeatedHeaders: number[] = [];
  const byKey = new Map<string, IndicatorNode>();
  /** Fill-down for tables written without merges: the group last seen in each label column. */
  const lastGroup = new Map<number, IndicatorNode>();
  const headerKey = rowKey(t.grid[headerRow]);

  for (let r = headerRow + 1; r < t.rowCount; r++) {
    const row = t.grid[r];
    const kind = t.rows?.[r];
    if (kind === "repeated-header" || kind === "caption" || rowKey(row) === headerKey) {
      repeatedHeaders.push(r);
      continue;
    }
    const own = labelCols.filter((c) =>
      row[c].anchorRow === r && row[c].anchorCol === c && !isBlank(row[c].text)
    );
    const ownTexts = own.map((c) => squash(row[c].text));
    // A second header row ("一级指标|二级指标|三级指标" under a spanning "指标"): no item.
    if (ownTexts.length > 0 && ownTexts.every((x) => LABEL_HEADER.test(x))) continue;
    const weight = numberAt(t, r, weightCol);
    const score = numberAt(t, r, scoreCol);
    const subAt = own.findIndex((_, i) =>
      SUBTOTAL_LABEL.test(ownTexts[i]) || SUBTOTAL_SUFFIX.test(ownTexts[i])
    );
    if (subAt >= 0 || kind === "subtotal") {
      const col = subAt >= 0 ? own[subAt] : (own[0] ?? labelCols[0]);
      pending.push({
        row: r,
        label: occurrence(t, r, col),
        weight,
        score,
        named: subtotalGroup(t, r, col, labelCols, byKey.values(), roots, subAt >= 0 ? ownTexts[subAt] : ""),
        at: leaves.length,
      });
      continue;
    }
    const totalAt = own.find((c, i) =>
      TOTAL_LABEL.test(ownTexts[i]) || parseCellNumber(row[c].text) !== undefined
    ) ?? leadingTotalLabel(row, r, labelCols);
    if (totalAt !== undefined || (kind === "total" && own.length > 0)) {
      const at = totalAt ?? own[0];
      const label = occurrence(t, r, at);
      const n = parseCellNumber(row[at].text);
      totals.push({
        row: r,
        label,
        labelNumber: n ? { ...n, row: r, col: at } : undefined,
        weight,
        score,
      });
      continue;
    }
    // The leaf is the deepest non-blank label column; the columns before it are its groups.
    const filled = labelCols.filter((c) => !isBlank(row[c].text));
    if (filled.length === 0) continue;
    const leafCol = filled[filled.length - 1];
    const leafCell = row[leafCol];
    if (weight === undefined && score === undefined && leafCell.anchorRow !== r) continue;
    // Below the 合计 row, a row without weight or score (评价等级 | 优, 备注 …) is no item of the total.
    if (weight === undefined && score === undefined && totals.length > 0) continue;
    let parent: IndicatorNode | undefined;
    const seen = new Set<string>();
    for (const c of labelCols) {
      if (c >= leafCol) break;
      const cell = row[c];
      if (cell.anchorRow === leafCell.anchorRow && cell.anchorCol === leafCell.anchorCol) break;
      let node: IndicatorNode | undefined;
      if (isBlank(cell.text)) {
        node = lastGroup.get(c);
        if (!node || node.parent !== parent) continue;
      } else {
        const anchor = `${cell.anchorRow}:${cell.anchorCol}`;
        if (seen.has(anchor)) continue; // one cell spanning several label columns
        seen.add(anchor);
        const { code, name } = parseLabel(cell.text);
        const key = `${parent?.key ?? ""}/${code ?? ""}${name}`;
        node = byKey.get(key);
        if (!node) {
          node = {
            key,
            level: (parent?.level ?? 0) + 1,
            code,
            name,
            occurrences: [],
            children: [],
            leaves: [],
            parent,
          };
          byKey.set(key, node);
          (parent ? parent.children : roots).push(node);
        }
        if (!node.occurrences.some((o) => o.row === cell.anchorRow && o.col === cell.anchorCol)) {
          node.occurrences.push(occurrence(t, r, c));
        }
      }
      lastGroup.set(c, node);
      parent = node;
    }
    const label = occurrence(t, r, leafCol);
    const { code, name } = parseLabel(leafCell.text);
    const leaf: Leaf = { row: r, label, code, name, weight, score, parent };
    leaves.push(leaf);
    if (parent) parent.leaves.push(leaf);
  }
  if (leaves.length === 0) return undefined;
  const subtotals = resolveSubtotals(pending, leaves);
  const budget = budgetRows(t, headerRow);
  const budgetLeaves = budgetItems(budget);
  return {
    table: t,
    headerRow,
    labelCols,
    weightCol,
    scoreCol,
    roots,
    leaves: [...budgetLeaves, ...leaves],
    totals,
    subtotals,
    budget,
    repeatedHeaders,
  };
}

/**
 * A 合计/总分 label written left of the label columns (in a 自评表's 绩效指标 column), or spanning into them
 * from there: the column of its anchor cell, when it starts this row.
 */
function leadingTotalLabel(
  row: TableBlock["grid"][number],
  r: number,
  labelCols: number[],
): number | undefined {
  for (let c = 0; c <= labelCols[labelCols.length - 1]; c++) {
    const cell = row[c];
    if (cell.anchorRow !== r || cell.anchorCol >= labelCols[0] && cell.anchorCol === c) continue;
    if (TOTAL_LABEL.test(squash(cell.text))) return cell.anchorCol;
  }
  return undefined;
}

/**
 * The group a 小计 row names itself: a group label merged down into it or continued into it (a blank cell
 * with continuesFrom) left of the 小计 cell, or a label "投入小计" naming a top-level group.
 */
function subtotalGroup(
  t: TableBlock,
  r: number,
  subCol: number,
  labelCols: number[],
  nodes: Iterable<IndicatorNode>,
  roots: IndicatorNode[],
  subText: string,
): IndicatorNode | undefined {
  const all = [...nodes];
  let found: IndicatorNode | undefined;
  for (const c of labelCols) {
    if (c >= subCol) break;
    const cell = t.grid[r][c];
    let n: IndicatorNode | undefined;
    if (cell.anchorRow < r) n = nodeAt(all, cell.anchorRow, cell.anchorCol);
    else if (isBlank(cell.text) && cell.continuesFrom !== undefined) n = nodeAt(all, cell.continuesFrom, c);
    else if (!isBlank(cell.text)) return undefined; // a label of its own beside 小计: not understood
    if (n) found = n;
  }
  if (found) return found;
  const m = SUBTOTAL_SUFFIX.exec(subText);
  if (m && !SUBTOTAL_LABEL.test(subText)) {
    const { code, name } = parseLabel(m[1]);
    const hits = roots.filter((n) => n.name === name || (code !== undefined && n.code === code));
    if (hits.length === 1) return hits[0];
  }
  return undefined;
}

const sameLeaves = (a: Leaf[], b: Leaf[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The group of every 小计 row (see SubtotalRow). */
function resolveSubtotals(pending: PendingSubtotal[], leaves: Leaf[]): SubtotalRow[] {
  // Subtotals written above their group: the first one comes before any item.
  const onTop = pending.length > 0 && pending[0].at === 0 && !pending[0].named;
  return pending.map((p, i) => {
    const base = { row: p.row, label: p.label, weight: p.weight, score: p.score };
    if (p.named) return { ...base, node: p.named, leaves: leavesUnder(p.named), grouping: "named" as const };
    const span = onTop
      ? leaves.slice(p.at, pending[i + 1]?.at ?? leaves.length)
      : leaves.slice(i > 0 ? pending[i - 1].at : 0, p.at);
    // The highest group whose items are exactly the span (a 一级 with one 二级 names the 一级).
    let node: IndicatorNode | undefined;
    for (let n = span[0]?.parent; n; n = n.parent) if (sameLeaves(leavesUnder(n), span)) node = n;
    return node
      ? { ...base, node, leaves: span, grouping: "block" as const }
      : { ...base, leaves: span, grouping: "position" as const };
  });
}

/** The 预算执行 rows that carry a score, as items of the total (one: the first that is not a 其中 part). */
function budgetItems(budget: BudgetRow[]): Leaf[] {
  const scored = budget.filter((b) => b.score !== undefined && !/^其中/.test(squash(b.label.text)));
  return scored.slice(0, 1).map((b): Leaf => ({
    row: b.row,
    label: b.label,
    name: parseLabel(b.label.text).name,
    weight: b.weight,
    score: b.score,
    kind: "budget",
  }));
}

/** Every leaf under a node, in row order. */
export function leavesUnder(node: IndicatorNode): Leaf[] {
  return [...node.leaves, ...node.children.flatMap(leavesUnder)].sort((a, b) => a.row - b.row);
}

/** Every node of the tree, depth first. */
export function allNodes(roots: IndicatorNode[]): IndicatorNode[] {
  return roots.flatMap((n) => [n, ...allNodes(n.children)]);
}

/** The distinct weights a node's labels declare (by value). */
export function declaredWeights(node: IndicatorNode): CellValue[] {
  const out: CellValue[] = [];
  for (const o of node.occurrences) {
    for (const w of o.weights) if (!out.some((x) => x.value === w.value)) out.push(w);
  }
  return out;
}

/** A leaf's weights: the column, then what its label declares (distinct values). */
export function leafWeights(leaf: Leaf): CellValue[] {
  const out: CellValue[] = leaf.weight ? [leaf.weight] : [];
  for (const w of leaf.label.weights) if (!out.some((x) => x.value === w.value)) out.push(w);
  return out;
}

/** A leaf's one weight: the weight column, else a single label annotation. */
export function leafWeight(leaf: Leaf): CellValue | undefined {
  return leaf.weight ?? (leaf.label.weights.length === 1 ? leaf.label.weights[0] : undefined);
}

/** A node's label as written (first occurrence), squashed. */
export function nodeLabel(node: IndicatorNode): string {
  return squash(node.occurrences[0]?.text ?? node.name);
}

/**
 * The effective weight(s) of an indicator: for a leaf, its column and label annotations; for a group, the
 * weights its labels declare, else the sum of its leaves' weights (one value, when every leaf has one).
 * `declared` are the cells actually written for it (empty when the weight is a sum).
 */
export function effectiveWeights(
  named: { kind: "node"; node: IndicatorNode } | { kind: "leaf"; leaf: Leaf },
): { weights: CellValue[]; declared: CellValue[]; name: string } {
  if (named.kind === "leaf") {
    const ws = leafWeights(named.leaf);
    return { weights: ws, declared: ws, name: squash(named.leaf.label.text) };
  }
  const declared = declaredWeights(named.node);
  const name = nodeLabel(named.node);
  if (declared.length > 0) return { weights: declared, declared, name };
  const lw = leavesUnder(named.node).map(leafWeight);
  if (lw.length === 0 || lw.some((w) => w === undefined)) return { weights: [], declared, name };
  const sum = total(lw as CellValue[]);
  return { weights: [{ ...(lw[0] as CellValue), value: sum, raw: show(sum) }], declared, name };
}
