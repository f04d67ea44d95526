import assert from "node:assert/strict";
import { scoreFrame } from "../../checks/rules/score-frame.ts";
import { scoreWeightTree } from "../../checks/rules/score-weight-tree.ts";
import { labelBefore } from "../../src/analysis/frame.ts";
import { h, makeDoc, table, toc } from "../helpers/doc.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { runRule } from "./run.ts";

/** A 自评表 flattened into one paragraph, as a .doc converted through PDF gives it (spaces inside words). */
const FLAT_OVER =
  "2023年度项目支出绩效自评表 项目名称 乡村道路养护 主管部门 县交通运输局 预算执行 情况(万元) (10 分) " +
  "预算数 (A) 执行数(B) 执行率(B/A) 得分 (10 分*执行率) 300 300 100% 10 一级指标 二级指标 三级指标 " +
  "年初目标值 (A) 实际完成值 (B) 得分 养护里程 120公里 126公里 10 年度 绩效 目标 (90 分) 产出指标 (70 分) " +
  "数量指标 质量指标 效益指标 (30 分) 社会效益 指标 总分 30 100";

/** A 自评表 without a 分值 column: the indicator-table reader does not parse it; its labels carry the weights. */
const UNPARSED_TABLE = table([
  ["项目名称", "村级活动场所维修", "", "", ""],
  ["预算执行情况（万元）（10分）", "预算数", "执行数", "执行率", "得分（10分*执行率）"],
  ["年度资金总额", "80", "76", "95%", "9.5"],
  ["年度绩效目标（90分）", "一级指标", "二级指标", "三级指标", "得分"],
  ["", "产出指标（60分）", "数量指标", "维修场所数", "30"],
  ["", "效益指标（30分）", "社会效益指标", "群众活动条件改善", "30"],
  ["", "满意度指标（10分）", "服务对象满意度指标", "群众满意度", "10"],
  ["总分", "", "", "", "99.5"],
]);

Deno.test("score-frame: the flattened frame gives its parts, sums and total in the details", () => {
  const f = runRule(scoreFrame, makeDoc([FLAT_OVER]));
  assert.equal(f.length, 1);
  const d = f[0].details;
  assert.deepEqual(d.parts, [
    { role: "budget", label: "预算执行情况", weight: 10 },
    { role: "block", label: "年度绩效目标", weight: 90 },
    { role: "category", label: "产出指标", weight: 70 },
    { role: "category", label: "效益指标", weight: 30 },
  ]);
  assert.deepEqual([d.categorySum, d.block, d.budget, d.itemSum, d.total, d.totalStated], [
    100,
    90,
    10,
    110,
    100,
    false,
  ]);
  assert.match(String(d.assumption), /年度绩效目标的分值由产出、效益、满意度、成本/);
  assert.match(String(d.assumption), /满分100分/);
  assert.deepEqual(f[0].evidence.map((e) => e.quote), [
    "年度 绩效 目标 (90 分)",
    "产出指标 (70 分)",
    "效益指标 (30 分)",
    "预算执行 情况(万元) (10 分)",
  ]);
});

Deno.test("score-frame: labels are read with spaces, unit notes and full-width forms; sub-categories are not", () => {
  assert.deepEqual(labelBefore("数量指标 年度 绩效 目标 ")?.term, "年度绩效目标");
  assert.deepEqual(labelBefore("□ 预算执行 情况(万元) ")?.role, "budget");
  assert.deepEqual(labelBefore("质量指标 效益指标")?.term, "效益指标");
  assert.equal(labelBefore("社会效益指标"), undefined);
  assert.equal(labelBefore("服务对象满意度 指标"), undefined);
  assert.equal(labelBefore("三级指标 得分"), undefined);
  assert.equal(labelBefore("资金管理")?.role, "foreign");
});

Deno.test("score-frame: a parsed indicator table is left to the table rules (no double finding)", () => {
  const doc = makeDoc([
    table([
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标（60分）", "数量指标", "完成户数", "30", "30"],
      ["", "质量指标", "验收合格率", "20", "20"],
      ["效益指标（40分）", "社会效益指标", "群众出行改善", "40", "38"],
      ["合计", "", "", "100", "98"],
    ]),
    "年度绩效目标（80分）：产出指标（60分），效益指标（40分）。",
  ]);
  assert.deepEqual(runRule(scoreFrame, doc), []);
  assert.ok(runRule(scoreWeightTree, doc).some((f) => f.messageId === "children-vs-parent"));
});

ruleTester(scoreFrame, {
  valid: [
    {
      name: "consistent flattened frame 10+90, 50+30+10=90",
      doc: [
        "项目支出绩效自评表 预算执行 情况(万元) (10 分) 预算数 执行数 执行率 得分 (10 分*执行率) 50 50 100% 10 " +
        "年度 绩效 目标 (90 分) 产出指标 (50 分) 数量指标 效益指标 (30 分) 满意度指标 (10 分) 总分 100",
      ],
    },
    {
      name: "成本指标 not annotated, the rest below the block: unchecked",
      doc: ["预算执行情况（10分） 年度绩效目标（90分） 产出指标（40分） 效益指标（30分） 满意度指标（10分）"],
    },
    {
      name: "only some categories annotated, below the block",
      doc: ["预算执行情况（20分） 年度绩效目标（80分） 产出指标（40分） 数量指标 质量指标"],
    },
    {
      name: "full-width digits and brackets, spaces inside labels, consistent",
      doc: [
        "预算 执行 情况（２０分） 年度 绩效 目标（８０ 分） 产出 指标（５０分） 效益 指标（２０分） 满意度指标（１０分）",
      ],
    },
    {
      name: "a scoring formula (20分*执行率) is not a weight annotation",
      doc: ["预算执行 (20分*执行率) 年度绩效目标 (90分) 产出指标 (50分) 效益指标 (30分) 满意度指标 (10分)"],
    },
    {
      name: "a 得分（20分） column header is no frame label",
      doc: ["预算执行情况 得分（10分） 年度绩效目标（80分） 产出指标（50分） 效益指标（30分）"],
    },
    {
      name: "二级指标 named like a category (社会效益指标, 服务对象满意度指标) are not categories",
      doc: [
        "年度绩效目标（90分） 产出指标（50分） 效益指标（30分） 社会效益指标（30分） 满意度指标（10分） " +
        "服务对象满意度指标（10分）",
      ],
    },
    {
      name: "older template: 成本指标 inside 产出指标",
      doc: [
        "年度绩效目标（90分） 产出指标（50分） 数量指标 成本指标（10分） 效益指标（30分） 满意度指标（10分）",
      ],
    },
    {
      name: "decimal weights that add up",
      doc: ["年度绩效目标（80分） 产出指标（49.5分） 效益指标（30.5分）"],
    },
    {
      name: "rounded decimal weights: 33.3+33.3+13.3 is 80 within the last digit",
      doc: ["年度绩效目标（80分） 产出指标（33.3分） 效益指标（33.3分） 满意度指标（13.3分）"],
    },
    {
      name: "an evaluation's own indicator system (决策/过程): 绩效目标 and 预算执行率 are small items there",
      doc: [
        "决策（20分） 绩效目标（4分） 过程（20分） 预算执行率（5分） 产出指标（30分） 效益指标（30分）",
      ],
    },
    {
      name: "a heading and its paragraph restating the same weight",
      doc: [
        h(1, "一、预算执行情况（10分）"),
        "全年预算50万元，执行50万元。",
        h(1, "二、年度绩效目标完成情况（90分）"),
        h(2, "（一）产出指标（50分）"),
        "产出指标（50分）：完成维修12处。",
        h(2, "（二）效益指标（40分）"),
      ],
    },
    {
      name: "table of contents lines are not read",
      doc: [toc("一、预算执行情况（10分）……1"), toc("二、年度绩效目标（80分）……2"), "正文。"],
    },
    {
      name: "two consistent 自评表 one after the other",
      doc: [
        "预算执行情况（10分） 年度绩效目标（90分） 产出指标（50分） 效益指标（30分） 满意度指标（10分）",
        "预算执行情况（20分） 年度绩效目标（80分） 产出指标（40分） 效益指标（30分） 满意度指标（10分）",
      ],
    },
    {
      name: "table with merged layout parsed by the indicator reader",
      doc: [table([
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["产出指标（60分）", "数量指标", "完成户数", "30", "30"],
        ["效益指标（40分）", "社会效益指标", "群众出行改善", "40", "38"],
        ["合计", "", "", "100", "98"],
      ])],
    },
  ],
  invalid: [
    {
      name: "flattened paragraph: categories over their block, and the whole frame's sum",
      doc: [FLAT_OVER],
      errors: [{
        messageId: "categories-vs-block",
        severity: "warning",
        certainty: "assumption",
        message:
          "产出指标70分+效益指标30分=100分，超过年度绩效目标的90分；加上预算执行情况10分，各项分值合计110分，" +
          "而预算执行情况与年度绩效目标合计为100分",
      }],
    },
    {
      name: "table cells in a layout the indicator reader does not parse",
      doc: [UNPARSED_TABLE],
      errors: [{ messageId: "categories-vs-block", message: "=100分，超过年度绩效目标的90分" }],
    },
    {
      name: "table cells: a label and its weight in neighbouring cells of a row",
      doc: [table([
        ["预算执行情况", "（20分）", "预算数", "执行数", "得分"],
        ["年度绩效目标", "（80分）", "产出指标", "（50分）", "50"],
        ["", "", "效益指标", "（40分）", "40"],
      ])],
      errors: [{
        messageId: "categories-vs-block",
        message: "产出指标50分+效益指标40分=90分，超过年度绩效目标的80分",
      }],
    },
    {
      name: "one cell per line: a label and its weight in consecutive paragraphs",
      doc: [
        "预算执行情况(万元)",
        "(10分)",
        "预算数(A)",
        "年度绩效目标",
        "(80分)",
        "一级指标",
        "产出指标(50分)",
      ],
      errors: [{
        messageId: "block-vs-total",
        message: "预算执行情况10分+年度绩效目标80分=90分，与满分100分",
      }],
    },
    {
      name: "full-width digits and brackets, spaces inside labels",
      doc: ["年度 绩效 目标（８０分） 产出 指标（６０分） 效益 指标（３０ 分）"],
      errors: [{
        messageId: "categories-vs-block",
        message: "产出指标60分+效益指标30分=90分，超过年度绩效目标的80分",
      }],
    },
    {
      name: "annotations opening with 分值/权重/满分",
      doc: ["年度绩效目标（满分90分） 产出指标（分值60分） 效益指标（权重：40分）"],
      errors: [{
        messageId: "categories-vs-block",
        message: "产出指标60分+效益指标40分=100分，超过年度绩效目标的90分",
      }],
    },
    {
      name: "no block weight: 预算执行 and the categories over 100",
      doc: ["预算执行率（20分） 产出指标（50分） 效益指标（30分） 满意度指标（10分）"],
      errors: [{ messageId: "parts-vs-total", message: "=110分，超过满分100分" }],
    },
    {
      name: "stated total",
      doc: ["总分（100分） 预算执行情况（10分） 年度绩效目标（80分） 产出指标（50分） 效益指标（30分）"],
      errors: [{ messageId: "block-vs-total", message: "与总分100分不符" }],
    },
    {
      name: "every category annotated and below the block",
      doc: ["年度绩效目标（90分） 产出指标（40分） 效益指标（30分） 满意度指标（10分） 成本指标（5分）"],
      errors: [{ messageId: "categories-vs-block", message: "=85分，少于年度绩效目标的90分" }],
    },
    {
      name: "a heading and its paragraph restating a weight stay one frame",
      doc: [
        h(1, "一、预算执行情况（10分）"),
        h(1, "二、年度绩效目标完成情况（90分）"),
        h(2, "（一）产出指标（50分）"),
        "产出指标（50分）：完成维修12处。",
        h(2, "（二）效益指标（50分）"),
      ],
      errors: [{ messageId: "categories-vs-block", message: "=100分，超过年度绩效目标的90分" }],
    },
    {
      name: "the second of two 自评表 is inconsistent",
      doc: [
        "预算执行情况（10分） 年度绩效目标（90分） 产出指标（50分） 效益指标（30分） 满意度指标（10分）",
        "预算执行情况（20分） 年度绩效目标（80分） 产出指标（50分） 效益指标（30分） 满意度指标（10分）",
      ],
      errors: [{ messageId: "categories-vs-block", message: "=90分，超过年度绩效目标的80分" }],
    },
  ],
});
