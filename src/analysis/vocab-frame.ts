/**
 * The weight frame of a 项目支出绩效自评表, as data (re-exported by vocab.ts): 总分 = 预算执行 + 年度绩效目标,
 * and 年度绩效目标 = the 一级指标 categories. Labels carry their weights as "（10分）"; another province's
 * template is a change here. Read by src/analysis/frame.ts.
 */

/** The role a weight-annotated label plays in the frame. */
export type FrameRole = "total" | "budget" | "block" | "category";

/** Labels of each role, as they end (spaces removed); the longest match wins. */
export const FRAME_LABELS: Readonly<Record<FrameRole, readonly string[]>> = {
  total: ["总分", "合计", "满分", "总计"],
  budget: ["预算执行", "预算执行率", "预算执行情况", "资金执行", "资金执行率", "资金执行情况"],
  block: ["年度绩效目标", "绩效目标", "绩效指标", "年度绩效指标"],
  category: ["产出指标", "效益指标", "满意度指标", "成本指标"],
};

/** Words a weight annotation may open with: 产出指标（分值50分）, 预算执行（权重10分）. */
export const ANNOTATION_WORDS: readonly string[] = ["分值", "权重", "满分", "标准分"];

/** Words after a label that name the same part (年度绩效目标完成情况（90分）, 产出指标完成情况（50分）). */
export const FRAME_LABEL_SUFFIXES: readonly string[] = ["完成情况", "实现情况"];

/**
 * The category that older templates (before 成本指标 became a 一级指标) list as a 二级指标 under 产出指标:
 * when annotated, the frame is read both ways and reported only when inconsistent under both.
 */
export const NESTABLE_CATEGORY = "成本指标";
/** The categories a complete frame of the older template has (成本指标 inside 产出指标). */
export const OLDER_CATEGORIES: readonly string[] = ["产出指标", "效益指标", "满意度指标"];

/**
 * Words before a category label that make it a 二级指标 of the same name (社会效益指标, 服务对象满意度指标,
 * 经济成本指标), not the category.
 */
export const SUB_CATEGORY_QUALIFIERS: readonly string[] = [
  "社会",
  "经济",
  "生态",
  "环境",
  "服务对象",
  "对象",
  "公众",
  "群众",
  "受益",
  "可持续",
];

/**
 * Labels ending in these are the 一级/二级 indicators of an evaluation's own indicator system (决策, 过程,
 * 产出, 效益; 项目管理, 资金投入 …), where 绩效目标 and 预算执行率 are small items, not parts of the 自评表
 * frame: a frame with such a label is not read as one.
 */
export const EVALUATION_FRAME_LABELS: readonly string[] = ["决策", "过程", "投入", "管理", "立项"];

/** A unit or note in brackets between a label and its weight: 预算执行情况（万元）（10分）. */
export const LABEL_TRAILING_NOTE = /[（(][^（()）0-9０-９]{1,6}[)）]$/;
