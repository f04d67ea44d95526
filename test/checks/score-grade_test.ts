import { checkContext } from "../../src/testing/context.ts";
import assert from "node:assert/strict";
import { makeDoc, table } from "../helpers/doc.ts";
import { scoreGrade } from "../../checks/rules/score-grade.ts";
import { Config, DEFAULT_CONFIG } from "../../src/model/config.ts";
import { runRule } from "./run.ts";

function run(texts: string[], config = DEFAULT_CONFIG) {
  return scoreGrade.check(
    checkContext({ doc: makeDoc(texts), extraction: { figures: [], relations: [] }, config }),
  );
}

Deno.test("score-grade: 90 is 优, 96 is 优秀, 85 is 良好, 60 is 合格: no finding", () => {
  assert.deepEqual(run(["综合得分90分，评价等级为优。"]), []);
  assert.deepEqual(run(["本次绩效考核得分96分，部门整体支出绩效为“优秀”。"]), []);
  assert.deepEqual(run(["总分85分，等级：良好。"]), []);
  assert.deepEqual(run(["得分６０分，综合评定为合格。"]), []);
});

Deno.test("score-grade: 89.9 stated 优 under the default bands is a warning stating them", () => {
  const fs = runRule(scoreGrade, makeDoc(["综合得分89.9分，评价等级为“优”。"]));
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "warning");
  assert.equal(fs[0].certainty, "assumption");
  assert.deepEqual(fs[0].details, {
    score: 89.9,
    statedGrade: "优",
    expectedGrade: "良",
    bands: DEFAULT_CONFIG.gradeBands,
    assumption: "报告未写明等级标准，按“优”不低于90分判断；如本地标准不同，以本地标准为准",
  });
  assert.equal(fs[0].evidence[0].quote, "综合得分89.9分");
  assert.ok("综合得分89.9分，评价等级为“优”。".includes(fs[0].evidence[1].quote));
});

Deno.test("score-grade: the report's own floor for the grade makes it an error; another band's floor does not", () => {
  const full = (texts: string[]) => runRule(scoreGrade, makeDoc(texts));
  const stated = full(["90分（含）以上为优。", "综合得分89.9分，评价等级为“优”。"]);
  assert.deepEqual(stated.map((f) => [f.severity, f.certainty]), [["error", "certain"]]);
  // Near miss: only 良's floor is stated, and the question is 优's floor.
  const other = full(["80分（含）以上为良。", "综合得分89.9分，评价等级为“优”。"]);
  assert.deepEqual(other.map((f) => [f.severity, f.certainty]), [["warning", "assumption"]]);
});

Deno.test("score-grade: 59 stated 中 and 79 stated 良 are errors", () => {
  assert.equal(run(["得分59分，评价结果为中。"]).length, 1);
  assert.equal(run(["自评得分79分，评定等级为良。"]).length, 1);
});

Deno.test("score-grade: adjectives and words containing grade characters are not grades", () => {
  assert.deepEqual(run(["部门绩效良好，得分70分。"]), []);
  assert.deepEqual(run(["得分70分，评价结果中发现的问题已整改。"]), []);
  assert.deepEqual(run(["得分70分，绩效为优化营商环境提供了保障。"]), []);
});

Deno.test("score-grade: bands come from the configuration", () => {
  const config = Config.parse({ gradeBands: { excellent: 95, good: 85, pass: 60 } });
  assert.equal(run(["得分92分，评价等级为优。"], config).length, 1);
  assert.deepEqual(run(["得分92分，评价等级为良。"], config), []);
});

Deno.test("score-grade: without a score in the text, the table's total is used, as a warning", () => {
  const doc = makeDoc([
    "经评价，评价等级为优。",
    table([["一级指标", "分值", "得分"], ["A决策（100分）", "100", "85"], ["合计", "100", "85"]]),
  ]);
  const fs = scoreGrade.check(
    checkContext({ doc, extraction: { figures: [], relations: [] }, config: DEFAULT_CONFIG }),
  );
  assert.equal(fs.length, 1);
  assert.equal(fs[0].certainty, "assumption");
  assert.equal(fs[0].evidence[1].table?.row, 2);
});

Deno.test("score-grade: 较差 is the lowest band of the 优秀/良好/中等/较差 scale", () => {
  assert.deepEqual(run(["综合得分56分，评价等级为“较差”。"]), []);
  const fs = run(["经综合评价，本单位整体支出绩效自评得分76分，评价等级为“较差”。"]);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].details.expectedGrade, "中");
  // Near miss: 较差 as an adjective (no copula or quote after the keyword) is no grade.
  assert.deepEqual(run(["得分76分，项目绩效较差的原因是资金到位晚。"]), []);
  // Near miss: a grade naming other items through 等次/等级 + 的 (评价结果为较差等次的单位) is no grade of this one.
  assert.deepEqual(run(["本项目自评得分92分，评价结果为较差等次的单位须限期整改。"]), []);
  assert.deepEqual(run(["本项目自评得分92分，评价等级为良好等级的项目共3个。"]), []);
  assert.equal(run(["本项目自评得分92分，评价结果为较差等次。"]).length, 1);
});
