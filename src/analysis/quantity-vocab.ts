/**
 * Vocabulary of quantity subjects, as data: which words around a figure's subject do not change the
 * quantity it names (stop words), which name its time frame, and which phrasings name one quantity
 * (synonyms). Used by quantity-key.ts; another province's wording is a change here.
 *
 * Words that DO change the quantity (在编/在职/退休/编制, 预算/执行/决算, 计划/实际/完成/目标/指标值, 调整后 …)
 * are deliberately absent from the stop lists: they stay in the key, so 编制 247人 and 在职 230人 are
 * different quantities.
 */

/**
 * Leading words that do not change what is counted: totals and running totals (共/累计/合计), "as held"
 * (实有/现有), the whole area (全县… is added by the caller), verbs of carrying out (开展/举办/组织), the
 * project or unit as topic (项目/本单位), coverage verbs (覆盖). Longest first is not required: the
 * stripper tries every word at each step.
 */
export const SUBJECT_STOP_LEAD: readonly string[] = [
  "其中",
  "共计",
  "共有",
  "共",
  "合计",
  "总计",
  "累计",
  "实有",
  "现有",
  "目前",
  "截至目前",
  "截止目前",
  "截至",
  "截止到",
  "截止",
  "已经",
  "已",
  "开展",
  "举办",
];

/**
 * Leading topic words (the project, the unit, a coverage verb) stripped only when what remains is one of
 * SUBJECT_SYNONYMS: 项目惠及群众 is 受益群众, but 项目支出 is not 支出.
 */
export const SUBJECT_TOPIC_LEAD: readonly string[] = [
  "项目",
  "本项目",
  "该项目",
  "本单位",
  "我单位",
  "本部门",
  "我部门",
  "覆盖",
  "组织",
];

/** Trailing words that do not change what is counted (人数 of 受益人数, linking 为/达/共计, 约). */
export const SUBJECT_STOP_TAIL: readonly string[] = [
  "人数",
  "总数",
  "数量",
  "数",
  "达到",
  "达",
  "为",
  "是",
  "共计",
  "共有",
  "共",
  "累计",
  "约",
  "合计",
];

/**
 * Time frames a subject or its sentence may name, by the frame they mean. Figures with different frames are
 * different quantities (年初预算 vs 全年预算, 上年 vs 本年); a figure without a frame is compared with one
 * frame only when the document uses a single frame for that subject. 全年/本年/年末 are one frame: a year's
 * total is its state at the year's end.
 */
export const TIME_FRAMES: Readonly<Record<string, readonly string[]>> = {
  start: ["年初", "期初", "年初预算时"],
  end: ["年末", "年底", "期末", "全年度", "全年", "本年度", "本年", "当年", "年内"],
  previous: ["上年末", "上年底", "上年度", "上年", "去年", "上一年", "同期"],
  q1: ["一季度", "第一季度", "1季度"],
  q2: ["二季度", "第二季度", "2季度"],
  q3: ["三季度", "第三季度", "3季度"],
  q4: ["四季度", "第四季度", "4季度"],
  h1: ["上半年"],
  h2: ["下半年"],
  q1to3: ["前三季度", "1-3季度", "1至3季度"],
};

/**
 * Phrasings of one quantity, by canonical subject (compared after the stop words are stripped). A subject
 * listed here names its quantity even when short (培训 with 人次).
 */
export const SUBJECT_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  受益群众: [
    "受益群众",
    "受益人口",
    "受益人员",
    "受益对象",
    "受益",
    "惠及群众",
    "惠及人口",
    "惠及",
    "覆盖群众",
    "覆盖人口",
  ],
  培训: ["培训", "参训", "参加培训", "培训人员", "参训人员", "培训学员", "参训学员", "培训干部职工"],
  在职人员: ["在职人员", "在职职工", "在职干部职工", "在职干部", "在职", "在职在岗人员"],
  在编人员: ["在编人员", "在编职工", "在编干部职工", "在编"],
  退休人员: ["退休人员", "退休职工", "退休干部职工", "退休"],
};

/**
 * A figure whose subject is only stop words (开展培训12期，累计1200人次: the subject of 1200人次 is 累计)
 * takes its subject from the clause before, once these counters of events are dropped with their number.
 */
export const EVENT_COUNTERS: readonly string[] = ["期", "次", "场", "批", "班", "轮", "个班次", "班次"];

/**
 * Verbs of handing money over. 「X万元已全部拨付」 states the amount handed over as X; 「已拨付Y万元」 with the
 * same verb and Y < X contradicts it unless the two speak of different funds.
 */
export const TRANSFER_VERBS: readonly string[] = ["拨付", "到位", "支付", "兑付", "发放", "下达", "支出"];
