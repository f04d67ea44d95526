import { checkContext } from "../../src/testing/context.ts";
import assert from "node:assert/strict";
import { makeDoc, table } from "../helpers/doc.ts";
import { questionnaireTally } from "../../checks/rules/questionnaire-tally.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";

const HEADER = ["标题序号", "问题内容", "选项内容", "标准分值", "问卷数"];

/** Two questions × 3 options, counts as given, then 问卷总分 / 有效问卷份数 / 问卷综合得分. */
function questionnaire(counts: number[], total: string, valid: string, average: string, intro?: string) {
  const rows = [
    HEADER,
    ["1", "服务态度是否满意？", "A.满意", "10", String(counts[0])],
    ["1", "服务态度是否满意？", "B.基本满意", "5", String(counts[1])],
    ["1", "服务态度是否满意？", "C.不满意", "0", String(counts[2])],
    ["2", "办事是否方便？", "A.方便", "10", String(counts[3])],
    ["2", "办事是否方便？", "B.一般", "5", String(counts[4])],
    ["2", "办事是否方便？", "C.不方便", "0", String(counts[5])],
    ["问卷总分", "问卷总分", "　", "20", total],
    ["有效问卷份数", "有效问卷份数", "　", "　", valid],
    ["问卷综合得分", "问卷综合得分", "　", "　", average],
  ];
  const merges = [
    { row: 1, col: 0, rowspan: 3 },
    { row: 1, col: 1, rowspan: 3 },
    { row: 4, col: 0, rowspan: 3 },
    { row: 4, col: 1, rowspan: 3 },
    { row: 7, col: 0, colspan: 2 },
    { row: 8, col: 0, colspan: 2 },
    { row: 9, col: 0, colspan: 2 },
  ];
  const doc = makeDoc([...(intro ? [intro] : []), table(rows, merges)]);
  return questionnaireTally.check(checkContext({
    doc,
    extraction: { figures: [], relations: [] },
    config: DEFAULT_CONFIG,
  }));
}

Deno.test("questionnaire-tally: a consistent questionnaire gives no finding", () => {
  // Q1: 9×10 + 1×5 = 95; Q2: 10×10 = 100; total 195; 195 / 10 = 19.5
  assert.deepEqual(
    questionnaire([9, 1, 0, 10, 0, 0], "195", "10", "19.5", "发放问卷：10份 收回问卷：10份 有效问卷：10份"),
    [],
  );
});

Deno.test("questionnaire-tally: answers above the valid count, a wrong total and average", () => {
  // Q2 has 10 + 1 = 11 answers for 10 valid questionnaires; recomputed total 90+5+100+5 = 200, stated 195.
  const fs = questionnaire([9, 1, 0, 10, 1, 0], "195", "10", "19.5");
  const kinds = fs.map((f) => f.messageId);
  assert.deepEqual(kinds, ["answers-vs-valid", "total-vs-recomputed"]);
  assert.equal(fs[0].severity, undefined);
  assert.match(fs[0].message, /第2题/);
  assert.equal(fs[1].details.computed, 200);
  assert.equal(fs[1].evidence[0].quote, "195");
});

Deno.test("questionnaire-tally: fewer answers than valid questionnaires is a warning stating the assumption", () => {
  const fs = questionnaire([9, 0, 0, 10, 0, 0], "190", "10", "19");
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "warning");
  assert.ok(fs[0].details.assumption);
});

Deno.test("questionnaire-tally: the average is compared with total ÷ valid by the rounding rules", () => {
  // 195 / 10 = 19.5: "19.5" and "19.50" match, "19.6" is a rounding-level slip, "20.5" a mismatch
  assert.deepEqual(questionnaire([9, 1, 0, 10, 0, 0], "195", "10", "19.50"), []);
  const slip = questionnaire([9, 1, 0, 10, 0, 0], "195", "10", "19.6");
  assert.equal(slip.length, 1);
  assert.equal(slip[0].severity, "warning");
  const bad = questionnaire([9, 1, 0, 10, 0, 0], "195", "10", "20.5");
  assert.equal(bad.length, 1);
  assert.equal(bad[0].messageId, "average");
  assert.equal(bad[0].severity, undefined);
});

Deno.test("questionnaire-tally: an average stated as a percentage of full marks is accepted", () => {
  // 195 / (10 × 20) × 100 = 97.5
  assert.deepEqual(questionnaire([9, 1, 0, 10, 0, 0], "195", "10", "97.5"), []);
});

Deno.test("questionnaire-tally: the valid count in the text against the table, and 有效 > 收回", () => {
  const fs = questionnaire(
    [9, 1, 0, 10, 0, 0],
    "195",
    "10",
    "19.5",
    "发放问卷：10份，收回问卷：９份，有效问卷：11份",
  );
  const kinds = fs.map((f) => f.messageId).sort();
  // 有效 11 > 收回 9 (收回 9 ≤ 发放 10 is fine); the text says 11 valid, the table 10.
  assert.deepEqual(kinds, ["stated-counts", "valid-text-vs-table"]);
});
