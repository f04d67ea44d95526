/**
 * count-mismatch on the phrasings of the genre, through the whole pipeline (all rules): N个/N项/N类/N方面
 * followed by 、 or ；-lists, 一是…二是…, （1）…, numbered paragraphs, 分别为, a list in the next sentence,
 * names before the count; counts of events (5次) against kinds listed are no claim; lists ending in 等.
 */
import { type DocSpec, h, table } from "../../src/testing/doc-spec.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { type Consistent, type Defective, phrasingTests } from "../helpers/phrasings.ts";
import { countMismatch } from "../../checks/rules/count-mismatch.ts";

const P = (text: string): DocSpec[] => [h(1, "一、部门概况"), text];
const META = { year: 2023, unit: "青山县农业农村局" };

const CONSISTENT: Consistent[] = [
  { name: "count same", doc: P("本年度开展了三项活动：法治讲座、送戏下乡、广场咨询。") },
  { name: "count ；", doc: P("采取了3项措施：建立台账；按月对账；公开公示。") },
  {
    name: "count 一是",
    doc: P("主要做了四个方面工作：一是建立制度；二是加强监管；三是强化培训；四是公开公示。"),
  },
  {
    name: "count next lines",
    doc: [h(1, "一、部门概况"), "主要开展了以下3项工作：", "1.建立台账。", "2.按月对账。", "3.公开公示。"],
  },
  { name: "count （1）", doc: P("设置绩效指标4个：（1）产出数量；（2）产出质量；（3）时效；（4）成本。") },
  { name: "count events", doc: P("全年开展督查5次，涉及资金拨付、项目进度、资产管理三个方面。") },
  { name: "count 5次 with kinds", doc: P("全年召开会议5次，包括党组会、办公会、专题会。") },
  { name: "count 分别为", doc: P("共设置4项一级指标，分别为决策、过程、产出、效益。") },
  { name: "count preceding", doc: P("服务范围覆盖东坪、西岭和南湾3个社区。") },
  {
    name: "count next sentence",
    doc: [h(1, "一、部门概况"), "本项目涉及3个乡镇。分别是东坪镇、西岭镇、南湾镇。"],
  },
  { name: "count 等", doc: P("下设综合股、财务股等6个股室。") },
  { name: "count 方面", doc: P("从决策、过程、产出、效益4个方面进行评价。") },
  { name: "count 个百分点", doc: P("执行率提高3个百分点，主要有两方面原因：一是加快拨付；二是强化督导。") },
  {
    name: "count in table rows",
    doc: [
      h(1, "一、部门概况"),
      "本项目设置3项产出指标，详见下表。",
      table([["指标", "目标值"], ["培训人数", "100人"], ["培训期数", "5期"], ["合格率", "95%"]]),
    ],
  },
  { name: "count 5次 3 kinds", doc: P("全年开展5次督查，分别为资金督查、进度督查、质量督查。") },
  {
    name: "count then next sentence 包括 unrelated",
    doc: [h(1, "一、部门概况"), "本项目涉及3个乡镇。包括完善基础设施、提升服务水平。"],
  },
  { name: "count 类 colon", doc: P("共设置3类指标：产出指标、效益指标、满意度指标。") },
  { name: "count 一是 comma", doc: P("主要涉及两个方面：一是资金管理，二是项目实施。") },
  { name: "count in name events", doc: P("全年开展“三送”活动5次。") },
  { name: "count 分别为 和", doc: P("聘请第三方机构2家，分别为甲公司和乙公司。") },
  { name: "count 期 no list", doc: P("全年共举办培训班3期，培训学员150人。") },
  { name: "count parens", doc: P("建立了3项制度（资金管理制度、项目验收制度、档案管理制度）。") },
  { name: "count no list", doc: P("本项目包含5个子项目，详见附表。") },
  { name: "count full-width", doc: P("完成３项任务：整治河道、修复堤防、清理垃圾。") },
  { name: "count 两大 和", doc: P("实施两大工程：饮水工程和道路工程。") },
  { name: "count found fixed", doc: P("检查了4个乡镇，发现问题3个，已整改3个。") },
  {
    name: "count heading paragraphs",
    doc: [h(1, "一、部门概况"), "主要存在以下2个问题：", "（一）资金拨付滞后。", "（二）绩效目标不够细化。"],
  },
];

const DEFECTIVE: Defective[] = [
  {
    name: "count 、 fewer",
    doc: P("本年度开展了四项活动：法治讲座、送戏下乡、广场咨询。"),
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count ；",
    doc: P("采取了4项措施：建立台账；按月对账；公开公示。"),
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count 一是",
    doc: P("主要做了五个方面工作：一是建立制度；二是加强监管；三是强化培训；四是公开公示。"),
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count next lines",
    doc: [h(1, "一、部门概况"), "主要开展了以下4项工作：", "1.建立台账。", "2.按月对账。", "3.公开公示。"],
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count （1）",
    doc: P("设置绩效指标5个：（1）产出数量；（2）产出质量；（3）时效；（4）成本。"),
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count 分别为",
    doc: P("共设置3项一级指标，分别为决策、过程、产出、效益。"),
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count preceding",
    doc: P("服务范围覆盖东坪、西岭和南湾4个社区。"),
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count next sentence",
    doc: [h(1, "一、部门概况"), "本项目涉及4个乡镇。分别是东坪镇、西岭镇、南湾镇。"],
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count 方面",
    doc: P("从决策、过程、产出、效益5个方面进行评价。"),
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count 类 colon",
    doc: P("共设置3类指标：产出指标、效益指标。"),
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count parens",
    doc: P("建立了4项制度（资金管理制度、项目验收制度、档案管理制度）。"),
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count full-width",
    doc: P("完成３项任务：整治河道、修复堤防。"),
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count 三大 four",
    doc: P("实施三大工程：饮水工程、道路工程、电网工程、通信工程。"),
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count heading paragraphs",
    doc: [h(1, "一、部门概况"), "主要存在以下3个问题：", "（一）资金拨付滞后。", "（二）绩效目标不够细化。"],
    finding: "count-mismatch:count",
    severity: "warning",
  },
  {
    name: "count 等 exceeds",
    doc: P("下设综合股、财务股、法规股、审批股等3个股室。"),
    finding: "count-mismatch:etc-exceeds",
    severity: "warning",
  },
];

phrasingTests(CONSISTENT, DEFECTIVE, META);

// ── The rule alone ─────────────────────────────────────────────────────────────────────────────────────────

ruleTester(countMismatch, {
  valid: [
    {
      name: "the list in the next sentence agrees",
      doc: ["本项目涉及3个乡镇。分别是东坪镇、西岭镇、南湾镇。"],
    },
    {
      name: "near-miss: the next sentence opens with 包括, no list of the count",
      doc: ["本项目涉及3个乡镇。包括完善基础设施、提升服务水平。"],
    },
    {
      name: "events (5次) against kinds listed: no claim",
      doc: ["全年开展5次督查，分别为资金督查、进度督查、质量督查。"],
    },
  ],
  invalid: [
    {
      name: "the list in the next sentence: a warning stating the inferred extent",
      doc: ["本项目涉及4个乡镇。分别是东坪镇、西岭镇、南湾镇。"],
      errors: [{ messageId: "count", severity: "warning", certainty: "assumption", message: "列举了3项" }],
    },
    {
      name: "full-width count with a colon list",
      doc: ["完成３项任务：整治河道、修复堤防。"],
      errors: [{ messageId: "count", severity: "warning", message: "列举了2项" }],
    },
  ],
});
