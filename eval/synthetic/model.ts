/**
 * The report model: what the generator builds first (consistent by construction), what defect operators
 * mutate, and what render.ts turns into a .docx. Figures that the checks look at are recorded as facts
 * pointing at the paragraph and the exact snippet that states them.
 */
import type { KeyItem, KeyNegative } from "../key.ts";

export type HeadingStyle = "word" | "bold" | "plain";
export type MergeMode = "merged" | "blank";
export type QuestShape = "grouped-blank" | "grouped-merged" | "option-columns" | "sentence" | "none";
export type UnitKind = "dept" | "town" | "street" | "school" | "hospital";
export type ReportKind = "zhengti" | "xiangmu" | "pingjia";
export type MoneyStyle = "wan" | "yuan" | "yi";

export interface Layout {
  unitKind: UnitKind;
  reportKind: ReportKind;
  heading: HeadingStyle;
  toc: boolean;
  /** Headings of level 2 listed in the TOC too. */
  tocDeep: boolean;
  titleLines: 1 | 2;
  table: MergeMode;
  subtotals: boolean;
  tableInAnnex: boolean;
  quest: QuestShape;
  money: MoneyStyle;
  fullWidth: boolean;
}

export interface Heading {
  kind: "heading";
  id: string;
  level: 1 | 2;
  num: string;
  title: string;
}

export interface Para {
  kind: "para";
  id: string;
  text: string;
  align?: "center";
  bold?: boolean;
  /** Written with full-width digits. */
  fullWidth?: boolean;
}

export interface TocBlock {
  kind: "toc";
  id: string;
  /** Entry texts, in order, with their level; filled from the headings. */
  entries: { level: 1 | 2; text: string; heading: string }[];
}

/** 三级 leaf of an indicator tree. */
export interface Leaf {
  name: string;
  weight: number;
  score: number;
  /** Project tables: 年度指标值 and 实际完成值. */
  target?: string;
  actual?: string;
}

export interface Level2 {
  name: string;
  leaves: Leaf[];
  /** Stated subtotals, when the table shows them (equal to the sums in a clean report). */
  statedWeight?: number;
  statedScore?: number;
}

export interface Level1 {
  name: string;
  children: Level2[];
  statedWeight?: number;
  statedScore?: number;
}

export interface ScoreTree {
  l1: Level1[];
  statedTotalWeight: number;
  statedTotalScore: number;
}

/** 部门整体 indicator table: 一级/二级/三级, 分值, 得分. */
export interface ScoreTableBlock {
  kind: "score-table";
  id: string;
  tree: ScoreTree;
  mode: MergeMode;
  subtotals: boolean;
}

/** 项目支出绩效自评表. */
export interface ProjectTableBlock {
  kind: "project-table";
  id: string;
  project: string;
  owner: string;
  implementer: string;
  budget: string;
  executed: string;
  rate: string;
  budgetWeight: number;
  budgetScore: number;
  /** One 一级 per 产出/效益/满意度; 二级 below; leaves with target/actual. */
  tree: ScoreTree;
  mode: MergeMode;
}

export interface Question {
  text: string;
  options: { label: string; count: number }[];
}

export interface QuestTableBlock {
  kind: "quest-table";
  id: string;
  valid: number;
  questions: Question[];
  shape: "grouped-blank" | "grouped-merged" | "option-columns";
}

/** A plain grid (evaluation team, budget table): no figure checked. */
export interface GridBlock {
  kind: "grid";
  id: string;
  rows: string[][];
}

export type Block =
  | Heading
  | Para
  | TocBlock
  | ScoreTableBlock
  | ProjectTableBlock
  | QuestTableBlock
  | GridBlock;

/** A fact: a statement in paragraph `block` whose exact text `snippet` the checks should verify. */
interface FactBase {
  block: string;
  snippet: string;
  /** Set once an operator has mutated it. */
  used?: boolean;
}

/** 合计 = Σ parts (其中/包括/分别为). Values in the unit's integer scale. */
export interface SumFact extends FactBase {
  total: number;
  parts: number[];
  /** How each value is written (for keys). */
  totalText: string;
  partTexts: string[];
  /** How a value is written (for a changed part). */
  show: (v: number) => string;
  /** The snippet with other part values. */
  render: (parts: number[]) => string;
}

/** pct = num / den (share, completion, 执行率) or growth from den to num. */
export interface PctFact extends FactBase {
  kind: "share" | "growth" | "exec";
  num: number;
  den: number;
  /** Stated percentage without the % sign. */
  pct: string;
  /** The snippet with another stated percentage. */
  render: (pct: string) => string;
}

/** The same quantity stated in two places: `snippet` (first) and `second` in block `secondBlock`. */
export interface RepeatFact extends FactBase {
  label: string;
  value: string;
  secondBlock: string;
  second: string;
  /** Rewrites a snippet with another value. */
  withValue: (snippet: string, value: string) => string;
  altValue: string;
}

/** 开展了N项活动：A、B、C. */
export interface CountFact extends FactBase {
  stated: string;
  items: string[];
  /** Snippet with another stated number. */
  withCount: (n: number) => { snippet: string; stated: string };
}

/** 总分X分，评价等级为"良". */
export interface GradeFact extends FactBase {
  total: number;
  grade: string;
  words: readonly string[];
}

/** A place where the report names its own year's basis (plan, targets). */
export interface YearSlot extends FactBase {
  year: number;
}

/** A place where the report names its own unit (author, data source, subject). */
export interface EntitySlot extends FactBase {
  unit: string;
}

/** Questionnaire answers written in a sentence. */
export interface QuestSentence extends FactBase {
  valid: number;
  counts: number[];
  labels: string[];
}

export interface Facts {
  sums: SumFact[];
  pcts: PctFact[];
  repeats: RepeatFact[];
  counts: CountFact[];
  grades: GradeFact[];
  years: YearSlot[];
  entities: EntitySlot[];
  questSentences: QuestSentence[];
}

export interface ReportModel {
  layout: Layout;
  year: number;
  unit: string;
  unitShort: string;
  title: string;
  county: string;
  /** Another county's same unit, and another department of this county (for the entity operator). */
  foreign: { sameKind: string; otherDept: string };
  blocks: Block[];
  facts: Facts;
}

export interface Mutation {
  model: ReportModel;
  items: KeyItem[];
}

export type { KeyItem, KeyNegative };
