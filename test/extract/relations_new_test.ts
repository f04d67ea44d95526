/** Weight-and-score wording, the 的N分 typo, implicit part-wholes and sub-breakdowns that must stay open. */
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { extract } from "../../src/extract/index.ts";
import { makeDoc } from "../helpers/doc.ts";
import type { PartWhole, Relation, ScoreClaim } from "../../src/model/figure.ts";

const rels = (...texts: string[]) => extract(makeDoc(texts)).relations;
const pw = (...t: string[]) => rels(...t).filter((r): r is PartWhole => r.kind === "part-whole");
const sc = (...t: string[]) => rels(...t).filter((r): r is ScoreClaim => r.kind === "score");
const brief = (c: ScoreClaim) => [c.subject, c.weight?.raw, c.score.raw];
const sum = (r: Relation & { kind: "part-whole" }) => `${r.whole.raw}=${r.parts.map((p) => p.raw).join("+")}`;

Deno.test("score: 应得分N分，实得分M分 / 分值为N分，得M分 are one claim with a weight", () => {
  deepStrictEqual(sc("预算管理应得分7分，实得分3分。").map(brief), [["预算管理", "7分", "3分"]]);
  deepStrictEqual(sc("资源配置分值为13分，实际得分12.5分。").map(brief), [["资源配置", "13分", "12.5分"]]);
  deepStrictEqual(sc("财务管理标准分6分，得分6分。").map(brief), [["财务管理", "6分", "6分"]]);
});

Deno.test("score: two 评价得分 phrases stay two claims (ambiguous), the second takes the first's subject", () => {
  deepStrictEqual(sc("预算管理评价得分7分，评价得分3分。").map(brief), [
    ["预算管理", undefined, "7分"],
    ["预算管理", undefined, "3分"],
  ]);
  // Near miss: two subjects, two claims, no weight.
  deepStrictEqual(sc("部门决策评价得分11分，部门管理评价得分17分。").map(brief), [
    ["部门决策", undefined, "11分"],
    ["部门管理", undefined, "17分"],
  ]);
  // A deduction before a bare 得分 is not a subject to inherit (the clause text stays the subject).
  deepStrictEqual(sc("人员偏少，扣0.5分，得分1.5分。").map(brief)[1], ["扣0.5分", undefined, "1.5分"]);
});

Deno.test("score: 的N分 (typo for 得N分) is a score in a scoring text only", () => {
  const claims = sc("已编制绩效目标申报表，目标具有一致性，的3分；重点工作计划明确，得2分。");
  deepStrictEqual(claims.map(brief), [["目标具有一致性", undefined, "3分"], [
    "重点工作计划明确",
    undefined,
    "2分",
  ]]);
  strictEqual(claims[0].quote, "的3分");
  // Full-width digits.
  deepStrictEqual(sc("目标明确，的３分；计划明确，得２分。").map((c) => c.score.value), [3, 2]);
  // No other score in the text: 的3分 alone is not read as a claim.
  deepStrictEqual(sc("目标具有一致性，的3分。"), []);
  // Near misses: 其中的3分 does not start with 的; 的3分钟 is a duration.
  deepStrictEqual(sc("共5项，其中的3分，得2分。").map((c) => c.score.raw), ["2分"]);
  deepStrictEqual(sc("培训时长，的3分钟；考核合格，得2分。").map((c) => c.score.raw), ["2分"]);
});

Deno.test("part-whole: implicit list of 管理X级 after the whole, complete, marker implicit", () => {
  const rs = pw(
    "事业单位管理岗聘任316人，管理六级1人，管理七级25人，管理八级132人，管理九级151人，管理十级7人。",
  );
  deepStrictEqual(rs.map(sum), ["316人=1人+25人+132人+151人+7人"]);
  strictEqual(rs[0].marker, "implicit");
  strictEqual(rs[0].complete, true);
  // A wrong total is still a complete relation: sum-mismatch is to report it.
  deepStrictEqual(pw("管理岗聘任300人，管理六级1人，管理七级25人。").map(sum), ["300人=1人+25人"]);
});

Deno.test("part-whole: no implicit list without a shared stem, exact integers, or the sentence end", () => {
  // Siblings with no common stem.
  deepStrictEqual(pw("共有学校50所，小学30所，初中15所，高中5所。"), []);
  // Same name each time: years, not parts.
  deepStrictEqual(pw("2023年招聘100人，2022年招聘80人，2021年招聘90人。"), []);
  // A rounded part (25.5人), an approximate part (25余人), another unit (25人次).
  deepStrictEqual(pw("管理岗聘任316人，管理六级1人，管理七级25.5人，管理八级132人。"), []);
  deepStrictEqual(pw("管理岗聘任316人，管理六级1人，管理七级25余人，管理八级132人。"), []);
  deepStrictEqual(pw("管理岗聘任316人，管理六级1人，管理七级25人次，管理八级132人。"), []);
  // The list goes on with another stem: it may be partial.
  deepStrictEqual(pw("管理岗聘任316人，管理六级1人，管理七级25人，工勤岗10人。"), []);
  // The whole's name does not hold the stem.
  deepStrictEqual(pw("共招聘316人，管理六级1人，管理七级25人。"), []);
  // Marked lists keep their own reading (其中), with no implicit duplicate.
  deepStrictEqual(pw("管理岗聘任26人，其中管理六级1人，管理七级25人。").map((r) => r.marker), ["其中"]);
});

Deno.test("part-whole: 受理/案外调解 with sub-breakdowns in between stays incomplete", () => {
  const text =
    "处理各类劳动人事争议案件458件，共涉及金额1809.63万元。其中，受理206件，涉案金额1008.51万元，" +
    "结案率100%，以裁决结案171件，以调解结案45件（包含通过宣传法律法规和调解后双方和解撤诉19件），" +
    "不属于受案范围12件；案外调解291件，涉及金额801.12万元，总调解率为73%，结案率、调解率均达到目标要求。";
  const rs = pw(text);
  const main = rs.find((r) => r.whole.raw === "458件");
  ok(main);
  strictEqual(main.complete, false);
  ok(!rs.some((r) => r.complete && r.whole.unit === "件"), rs.filter((r) => r.complete).map(sum).join());
});
