/**
 * Figures and the relations between them, as src/extract finds them once for all checks.
 * Values are in the base unit (万元 → 元 × 10^4, 万人 → 人 × 10^4); `stated` keeps the number as written.
 */

/** 余/多/以上/超过 give a lower bound, 近/不到/以下 an upper bound, 约/左右 an approximation. */
export type Approx = "exact" | "about" | "atLeast" | "atMost";

export interface FigureLocation {
  block: number;
  /** For a figure inside a table cell. */
  table?: { index: number; row: number; col: number };
  /** Offsets into the block's (or cell's) text, [start, end). */
  start: number;
  end: number;
}

export interface Figure {
  /** Value in the base unit (stated × scale). */
  value: number;
  /** The number as written, after full-width digits and separators are normalised. */
  stated: number;
  /** Decimal places as written ("12.30" → 2): the precision the tolerance rules use. */
  decimals: number;
  /** Base unit: 元, 人, 人次, 户, 个, 件, 份, 张, 次, 场, %, 个百分点, 分, … ("" when none). */
  unit: string;
  /** Unit as written (万元, 万人次, …). */
  writtenUnit: string;
  /** 1, 10^4 (万), 10^8 (亿), 10^3 (千). */
  scale: number;
  approx: Approx;
  /** For "3-5人" and "3至5人". */
  range?: { low: number; high: number };
  /** The exact text of the number with its unit and approximation words, as in the document. */
  raw: string;
  /** The phrase this figure quantifies, e.g. 从县外调入事业单位人员 / 其中专业技术人才. */
  subject: string;
  /** The year the figure refers to, when the clause states one. */
  year?: number;
  /** The clause (between ，；。) holding the figure: an exact substring of the text. */
  quote: string;
  loc: FigureLocation;
  /** True for a count written in Chinese numerals (三个, 十二人). */
  chineseNumeral: boolean;
  /** The phrase before the number as written, before 其中/共/合计… are stripped (optional). */
  subjectRaw?: string;
  /** For a bare 万/亿 (1100万): true when `unit` was taken from a figure of the same sentence (optional). */
  unitInferred?: boolean;
  /** For a table cell: the row's label (the nearest text cell to its left) and its column header (optional). */
  rowLabel?: string;
  columnHeader?: string;
}

/** 合计/共/总 N，其中 A x、B y: parts that should add up to the whole. */
export interface PartWhole {
  kind: "part-whole";
  whole: Figure;
  parts: Figure[];
  /** False when the list ends in 等 or says 主要/部分/包括…在内: such a list cannot be summed. */
  complete: boolean;
  /**
   * Some of the whole's parts, exactly stated (a list with 等/主要/部分, a single 其中 part, a （含…）): not summable
   * to the whole, but their sum may not exceed it.
   */
  partial?: boolean;
  /** The list says it names every part: its own 合计 follows it (其中A 60万元、B 30万元，合计90万元). */
  closed?: boolean;
  /** 其中 / 包括 / 包含 / 含, or "implicit" for parts listed right after the whole without a marker. */
  marker: string;
  quote: string;
  loc: FigureLocation;
}

/** 较上年增长/减少 X%, or 增加 X 个百分点, with the figures it compares when the text gives them. */
export interface Change {
  kind: "change";
  direction: "up" | "down";
  rate: Figure;
  /** True for 个百分点 (difference of two rates), false for a relative change. */
  points: boolean;
  current?: Figure;
  previous?: Figure;
  /**
   * The amount of the change when the text gives it instead of the previous value ("本年收入1200万元，比上年
   * 增加200万元，增长20%": current 1200, increment 200, so the rate is 200 ÷ (1200 − 200)) (optional).
   */
  increment?: Figure;
  /**
   * Set when the text does not say which figure is the current one and the extractor chose it (the whole of
   * a 分别为/其中 list before the comparison, a figure of another subject): what was assumed, in Chinese
   * (optional). A recomputation that rests on it is never certain.
   */
  assumption?: string;
  /**
   * With `assumption`: other figures the text may mean as the current one (the list item right before the
   * comparison). A rate that follows from any of them is not reported (optional).
   */
  alternatives?: Figure[];
  quote: string;
  loc: FigureLocation;
}

/** 占…的X% (share), 完成目标任务数N的X% (completion), 执行率/结案率 X% with numerator and denominator. */
export interface Ratio {
  kind: "ratio";
  type: "share" | "completion" | "rate";
  rate: Figure;
  /** The rate's name when it has one (执行率, 结案率, 调解率). */
  name?: string;
  part?: Figure;
  whole?: Figure;
  /**
   * Other figures the text may mean as the whole (年初预算 beside 调整后预算 for 执行率): a rate that follows
   * from any of them is not reported (optional).
   */
  alternatives?: Figure[];
  /**
   * Set when the text does not name the whole and the extractor chose it (其中女职工20人，占40%: the whole is
   * the figure before 其中): what was assumed, in Chinese (optional). A recomputation on it is never certain.
   */
  assumption?: string;
  quote: string;
  loc: FigureLocation;
}

/** 得X分, 总评价分N分 实际得分M分, 扣X分. */
export interface ScoreClaim {
  kind: "score";
  score: Figure;
  weight?: Figure;
  /** What was scored (the indicator name or 部门决策 etc). */
  subject: string;
  /** True for 扣X分: `score` is the points deducted, not awarded (optional). */
  deduction?: boolean;
  quote: string;
  loc: FigureLocation;
}

export type Relation = PartWhole | Change | Ratio | ScoreClaim;

export interface Extraction {
  figures: Figure[];
  relations: Relation[];
}
