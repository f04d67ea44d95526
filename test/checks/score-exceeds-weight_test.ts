import { checkContext } from "../../src/testing/context.ts";
import assert from "node:assert/strict";
import { makeDoc, table } from "../helpers/doc.ts";
import { scoreExceedsWeight } from "../../checks/rules/score-exceeds-weight.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";
import type { Document } from "../../src/model/document.ts";
import type { Extraction } from "../../src/model/figure.ts";
import { claim } from "./score-fixtures.ts";

const HEADER = ["一级指标", "二级指标", "三级指标", "指标分值", "得分"];

function doc(rows: string[][], text = "正文"): Document {
  return makeDoc([text, table([HEADER, ...rows], [{ row: 1, col: 0, rowspan: rows.length }])]);
}

function run(d: Document, extraction: Extraction = { figures: [], relations: [] }) {
  return scoreExceedsWeight.check(checkContext({ doc: d, extraction, config: DEFAULT_CONFIG }));
}

Deno.test("score-exceeds-weight: scores at or below the weight (and 分 suffixes, full-width) are fine", () => {
  const d = doc([
    ["A决策（6分）", "A1目标（3分）", "A11规划（3分）", "3分", "３"],
    ["A决策（6分）", "A2投入（3分）", "A21预算（3分）", "3", "2.5"],
  ]);
  assert.deepEqual(run(d), []);
});

Deno.test("score-exceeds-weight: a score above the weight column is an error", () => {
  const d = doc([
    ["A决策（6分）", "A1目标（3分）", "A11规划（3分）", "3", "3.5"],
    ["A决策（6分）", "A2投入（3分）", "A21预算（3分）", "3", "3"],
  ]);
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, undefined);
  assert.deepEqual(fs[0].evidence[0].table, { index: 0, row: 1, col: 4 });
  assert.equal(fs[0].evidence[0].quote, "3.5");
});

Deno.test("score-exceeds-weight: above the label's weight but within the column is a warning", () => {
  const d = doc([["A决策（10分）", "A1目标（10分）", "A11满意度（5分）", "10", "10"]]);
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "warning");
  assert.match(fs[0].message, /名称中标注的5分/);
});

Deno.test("score-exceeds-weight: narrative 得X分 above its own 总评价分, and above the table by name", () => {
  const text = "部门职能总评价分10分，实际得分11分。部门效果总评价分4分，实际得分4分。";
  const d = doc([
    ["A决策（6分）", "A1部门效果（3分）", "A11规划（3分）", "3", "3"],
    ["A决策（6分）", "A2投入（3分）", "A21预算（3分）", "3", "3"],
  ], text);
  const fs = run(d, {
    figures: [],
    relations: [
      claim(d, 0, "部门职能总评价分10分，实际得分11分", "部门职能", "11分", "10分"),
      claim(d, 0, "部门效果总评价分4分，实际得分4分", "部门效果", "4分", "4分"),
    ],
  });
  assert.equal(fs.length, 2);
  assert.equal(fs[0].messageId, "text");
  assert.equal(fs[0].severity, undefined);
  assert.equal(fs[1].messageId, "text-vs-table");
  assert.equal(fs[1].severity, "warning");
  assert.deepEqual(fs[1].details.tableWeights, [3]);
});
