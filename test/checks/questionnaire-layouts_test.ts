/**
 * questionnaire-tally on the layouts reviewers meet: questions written once over blank continuation rows,
 * merged question cells, one row per question with option columns, and tallies written in a sentence.
 * Table shapes (row kinds, columns, continuation cells) come from the ingest's own tableShape, as a real
 * .docx gets them.
 */
import { ruleTester } from "../helpers/rule-tester.ts";
import { questionnaireTally } from "../../checks/rules/questionnaire-tally.ts";
import { type DocSpec, makeDoc, table } from "../../src/testing/doc-spec.ts";
import type { Document } from "../../src/model/document.ts";
import { tableShape } from "../../src/ingest/table-shape.ts";

/** A spec document with the ingest's table shapes applied (row kinds, columns, continuation cells). */
function shaped(specs: DocSpec[]): Document {
  const doc = makeDoc(specs);
  for (const b of doc.blocks) {
    if (b.kind !== "table") continue;
    const s = tableShape(b.grid, b.headerRows);
    b.rows = s.rowKinds;
    b.columns = s.columns;
    for (const [r, c, from] of s.continued) b.grid[r][c].continuesFrom = from;
  }
  return doc;
}

const INTRO = "本次共发放问卷60份，收回问卷58份，有效问卷50份。";

/** Questions written once, options below them with blank question cells (not merged). */
function blankRows(
  q1: number[],
  q2: number[],
  opts: { pct?: string[]; intro?: string; q2Text?: string } = {},
) {
  const head = ["序号", "调查问题", "选项", "人数", ...(opts.pct ? ["占比"] : [])];
  const labels = ["满意", "基本满意", "不满意"];
  const rows: string[][] = [head];
  let k = 0;
  [q1, q2].forEach((counts, i) =>
    counts.forEach((n, j) =>
      rows.push([
        j === 0 ? String(i + 1) : "",
        j === 0 ? (i === 0 ? "您对窗口服务是否满意" : opts.q2Text ?? "您对办理时限是否满意") : "",
        labels[j],
        String(n),
        ...(opts.pct ? [opts.pct[k++]] : []),
      ])
    )
  );
  return shaped([opts.intro ?? INTRO, table(rows)]);
}

/** The same with the question cells merged down over their options. */
function mergedRows(q1: number[], q2: number[]) {
  const labels = ["很满意", "较满意", "一般", "不满意"];
  const rows: string[][] = [["题号", "题目", "答案", "票数"]];
  [q1, q2].forEach((counts, i) =>
    counts.forEach((n, j) =>
      rows.push([String(i + 1), i === 0 ? "对村道养护的评价" : "对路灯维修的评价", labels[j], String(n)])
    )
  );
  const merges = [0, 1].flatMap((i) => [
    { row: 1 + i * 4, col: 0, rowspan: 4 },
    { row: 1 + i * 4, col: 1, rowspan: 4 },
  ]);
  return shaped(["问卷回收后，有效问卷共42份。", table(rows, merges)]);
}

/** One row per question, an option column each, and a last column (合计 or 有效问卷数). */
function optionColumns(rows: number[][], last = "合计", intro = "有效问卷80份。") {
  return shaped([
    intro,
    table([
      ["序号", "调查内容", "非常满意", "满意", "一般", "不满意", last],
      ...rows.map((r, i) => [String(i + 1), `调查事项${"甲乙丙"[i]}`, ...r.map(String)]),
    ]),
  ]);
}

/** Option columns under a two-row header: each option spans 人数 and 占比. */
function twoRowHeader(counts: number[], shares: string[]) {
  const opts = ["非常满意", "满意", "不满意"];
  const rows = [
    ["调查内容", ...opts.flatMap((o) => [o, o])],
    ["调查内容", ...opts.flatMap(() => ["人数", "占比"])],
    ["服务态度", ...counts.flatMap((n, i) => [String(n), shares[i]])],
  ];
  const merges = [
    { row: 0, col: 0, rowspan: 2 },
    ...opts.map((_, i) => ({ row: 0, col: 1 + 2 * i, colspan: 2 })),
  ];
  return shaped(["样本量为120份。", table(rows, merges, 2)]);
}

/** Shares in option columns without a percent sign: "（%）" in the header makes them shares, not counts. */
function shareColumns() {
  return shaped([
    "有效问卷50份。",
    table([["调查内容", "非常满意（%）", "满意（%）", "不满意（%）"], ["服务态度", "60", "30", "10"], [
      "办事效率",
      "70",
      "20",
      "10",
    ]]),
  ]);
}

/** A scored questionnaire (标准分值) written with blank continuation rows, then 问卷总分 and 有效问卷份数. */
function scored(total: string) {
  return shaped([table([
    ["标题序号", "问题内容", "选项内容", "标准分值", "问卷数"],
    ["1", "服务是否及时？", "A.及时", "10", "18"],
    ["", "", "B.较及时", "5", "2"],
    ["", "", "C.不及时", "0", "0"],
    ["2", "办事是否便利？", "A.便利", "10", "15"],
    ["", "", "B.一般", "5", "4"],
    ["", "", "C.不便利", "0", "1"],
    ["问卷总分", "", "", "20", total],
    ["有效问卷份数", "", "", "", "20"],
  ])]);
}

ruleTester(questionnaireTally, {
  valid: [
    { name: "blank continuation rows that add up", doc: blankRows([30, 15, 5], [40, 8, 2]) },
    {
      name: "shares that follow from count ÷ valid",
      doc: blankRows([30, 15, 5], [40, 8, 2], { pct: ["60%", "30%", "10%", "80%", "16%", "4%"] }),
    },
    { name: "merged question cells that add up", doc: mergedRows([20, 12, 8, 2], [30, 10, 2, 0]) },
    { name: "option columns with a 合计 column that adds up", doc: optionColumns([[40, 30, 8, 2, 80]]) },
    {
      name: "option columns with the valid-count column",
      doc: optionColumns([[40, 30, 8, 2, 80], [50, 20, 10, 0, 80]], "有效问卷数"),
    },
    {
      name: "a two-row header: counts and shares of each option",
      doc: twoRowHeader([80, 30, 10], ["66.67%", "25%", "8.33%"]),
    },
    { name: "near miss: option columns of shares are not counts", doc: shareColumns() },
    // Before blank continuation rows were read, only each question's first option was summed (18 + 15), giving a wrong 问卷总分.
    { name: "a scored questionnaire on blank rows: 问卷总分 from every option", doc: scored("360") },
    {
      name: "a tally in the text within the valid questionnaires",
      doc: ["发放问卷200份，回收有效问卷186份，其中非常满意120份、满意50份、不满意16份。"],
    },
    {
      name: "near miss: a multiple-choice question may exceed the valid count",
      doc: blankRows([30, 15, 5], [40, 30, 12], { q2Text: "您了解政策的渠道（可多选）" }),
    },
    {
      name: "near miss: a breakdown after 其中 is not another option",
      doc: ["回收有效问卷186份。满意170份，其中非常满意120份、比较满意50份；不满意16份。"],
    },
    {
      name: "near miss: two questions' tallies in one sentence",
      doc: ["有效问卷100份，对服务态度非常满意70份、满意30份，对办事效率非常满意60份、满意40份。"],
    },
    {
      name: "near miss: options named without counts of questionnaires",
      doc: ["有效问卷100份，满意度为96%，其中非常满意的占60%、满意的占36%。"],
    },
  ],
  invalid: [
    {
      name: "blank continuation rows: the third option of question 2 is counted",
      doc: blankRows([30, 15, 5], [40, 8, 9]),
      errors: [{
        messageId: "answers-vs-valid",
        certainty: "certain",
        severity: "error",
        message: "40+8+9=57",
      }],
    },
    {
      name: "merged question cells: 20+12+8+5 > 42",
      doc: mergedRows([20, 12, 8, 5], [30, 10, 2, 0]),
      errors: [{ messageId: "answers-vs-valid", severity: "error", message: "超过有效问卷42份" }],
    },
    {
      name: "option columns: the options exceed the valid-count column",
      doc: optionColumns([[40, 30, 8, 2, 80], [50, 25, 10, 0, 80]], "有效问卷数"),
      errors: [{ messageId: "answers-vs-valid", severity: "error", message: "50+25+10+0=85" }],
    },
    {
      name: "option columns: a 合计 column holding the valid count, exceeded",
      doc: optionColumns([[40, 33, 8, 2, 80]]),
      errors: [{ messageId: "answers-vs-valid", severity: "error", message: "表中合计80份" }],
    },
    {
      name: "option columns: a 合计 that is not the sum of its options",
      doc: optionColumns([[40, 30, 8, 2, 79]], "合计", "问卷情况见下表。"),
      errors: [{ messageId: "question-total", severity: "error", message: "40+30+8+2=80" }],
    },
    {
      name: "a tally in the text above the valid questionnaires",
      doc: ["发放问卷200份，回收有效问卷186份，其中非常满意120份、满意50份、不满意20份。"],
      errors: [{ messageId: "answers-vs-valid", severity: "error", message: "120+50+20=190" }],
    },
    {
      name: "a tally written as 选择“…”的N份, the valid count in the paragraph before",
      doc: [
        "评价期间共发放调查问卷90份，收回88份，其中有效问卷85份。",
        "就“您对项目效果是否满意”，选择“满意”的60份、选择“较满意”的20份、选择“不满意”的9份。",
      ],
      errors: [{ messageId: "answers-vs-valid", severity: "error", message: "60+20+9=89" }],
    },
    {
      name: "two surveys with different valid counts: a warning stating the assumption",
      doc: [
        "群众问卷有效问卷85份，企业问卷有效问卷40份。",
        "群众中非常满意60份、满意20份、不满意9份。",
      ],
      errors: [{ messageId: "answers-vs-valid", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "a share one unit off in its last digit is rounding-level information",
      doc: blankRows([30, 15, 5], [40, 8, 2], { pct: ["60%", "30%", "10%", "80%", "17%", "4%"] }),
      errors: [{ messageId: "answer-share", severity: "info", certainty: "rounding", message: "表中为17%" }],
    },
    {
      name: "a share that does not follow from its count is a warning",
      doc: blankRows([30, 15, 5], [40, 8, 2], { pct: ["60%", "30%", "10%", "70%", "16%", "4%"] }),
      errors: [{ messageId: "answer-share", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "a two-row header: options above the sample size",
      doc: twoRowHeader([80, 35, 10], ["66.67%", "29.17%", "8.33%"]),
      errors: [{ messageId: "answers-vs-valid", severity: "error", message: "80+35+10=125" }],
    },
    {
      name: "a scored questionnaire on blank rows: 问卷总分 recomputed from every option",
      doc: scored("330"),
      errors: [{ messageId: "total-vs-recomputed", severity: "error", message: "应为360分" }],
    },
    {
      name: "fewer answers than valid questionnaires on blank rows: a warning",
      doc: blankRows([30, 15, 5], [40, 8, 1]),
      errors: [{ messageId: "answers-vs-valid", severity: "warning", certainty: "assumption" }],
    },
  ],
});

ruleTester(questionnaireTally, {
  valid: [
    {
      name: "the valid count written before its noun (在N份有效问卷中)",
      doc: ["在200份有效问卷中，非常满意的有120人，满意的有50人，不满意的有20人。"],
    },
    {
      name: "a tally within the questionnaires returned",
      doc: ["共收回问卷300份，其中满意280份、基本满意15份、不满意5份。"],
    },
    {
      name: "near miss: 有效率 and 回收率 are no counts",
      doc: ["回收率99%，有效率95%，问卷中非常满意120份、满意50份、不满意20份。"],
    },
  ],
  invalid: [
    {
      name: "the valid count written before its noun, exceeded",
      doc: ["在180份有效问卷中，非常满意的有120人，满意的有50人，不满意的有20人。"],
      errors: [{ messageId: "answers-vs-valid", severity: "error", message: "超过有效问卷180份" }],
    },
    {
      name: "no valid count stated: the tally exceeds the questionnaires returned",
      doc: ["共收回问卷300份，其中满意280份、基本满意15份、不满意9份。"],
      errors: [{ messageId: "answers-vs-valid", severity: "error", message: "超过收回问卷300份" }],
    },
    {
      name: "a table read against the questionnaires returned: over is certain",
      doc: shaped([
        "收回问卷30份。",
        table([["序号", "问题", "选项", "人数"], ["1", "窗口服务", "满意", "25"], ["", "", "不满意", "6"]]),
      ]),
      errors: [{ messageId: "answers-vs-valid", severity: "error", message: "超过收回问卷30份" }],
    },
  ],
});
