import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { extract } from "../../src/extract/index.ts";
import { h, makeDoc, table } from "../helpers/doc.ts";
import type { Figure } from "../../src/model/figure.ts";

const figs = (...specs: Parameters<typeof makeDoc>[0]) => extract(makeDoc(specs)).figures;
const byRaw = (fs: Figure[], raw: string) => {
  const f = fs.find((x) => x.raw === raw);
  ok(f, `no figure ${raw} in ${fs.map((x) => x.raw).join(" ")}`);
  return f;
};

Deno.test("subjects of the sample's sentences", () => {
  const fs = figs("抓好人才回归工作，从县外调入事业单位人员32人，其中，专业技术人才27人、管理人才5人。");
  deepStrictEqual(fs.map((f) => [f.raw, f.subject]), [
    ["32人", "从县外调入事业单位人员"],
    ["27人", "专业技术人才"],
    ["5人", "管理人才"],
  ]);
  strictEqual(byRaw(fs, "27人").subjectRaw, "专业技术人才");
  strictEqual(byRaw(fs, "32人").quote, "从县外调入事业单位人员32人");
});

Deno.test("subjects: parenthetical 含, a year, 为, a figure before its noun, a second figure of a clause", () => {
  const fs = figs(
    "寻甸县人社局2023年末实有人员编制46人。其中：行政编制15人，事业编制31人（含参公管理事业编制5人）；" +
      "全县城乡居民基本养老保险参保人数为33.75万人，共为1208名农民工追讨工资1908.658万元，大学生创业补贴2人6万元。",
  );
  strictEqual(byRaw(fs, "46人").year, 2023);
  ok(byRaw(fs, "46人").subject.endsWith("实有人员编制"));
  strictEqual(byRaw(fs, "15人").subject, "行政编制");
  strictEqual(byRaw(fs, "31人").subject, "事业编制");
  strictEqual(byRaw(fs, "5人").subject, "参公管理事业编制");
  strictEqual(byRaw(fs, "33.75万人").subject, "全县城乡居民基本养老保险参保人数");
  strictEqual(byRaw(fs, "1208名").subject, "农民工追讨工资");
  strictEqual(byRaw(fs, "6万元").subject, "大学生创业补贴");
  strictEqual(byRaw(fs, "6万元").value, 60000);
});

Deno.test("locations: offsets into the block text, quote is an exact substring", () => {
  const text = "2023年，城镇新增就业969人，占目标任务的107.67%；组织大学（青年）就业见习123人。";
  const fs = figs(h(1, "一、概况"), text);
  for (const f of fs) {
    strictEqual(f.loc.block, 1);
    strictEqual(text.slice(f.loc.start, f.loc.end), f.raw);
    ok(text.includes(f.quote));
  }
  strictEqual(byRaw(fs, "969人").year, 2023);
  strictEqual(byRaw(fs, "969人").subject, "城镇新增就业");
  strictEqual(byRaw(fs, "123人").subject, "组织大学（青年）就业见习");
});

Deno.test("a bare 万 takes the unit of the sentence's 万元 figures", () => {
  const fs = figs("2023年本年收入1868.58万元，较上年收入1760.86万增加6.12%。招商引资到位资金1100万。");
  const prev = byRaw(fs, "1760.86万");
  deepStrictEqual([prev.unit, prev.unitInferred, prev.value], ["元", true, 17608600]);
  // No other figure in its sentence: the unit stays unknown.
  strictEqual(byRaw(fs, "1100万").unit, "");
});

Deno.test("table cells: row label and column header, anchors only", () => {
  const fs = figs(
    table([
      ["一级指标", "三级指标", "指标分值", "得分"],
      ["A部门决策（35分）", "A11部门中长期规划目标的明确性与合理性（2分）", "2", "1.5"],
      ["", "合计", "100", "96"],
    ]),
  );
  const score = fs.find((f) => f.loc.table?.row === 1 && f.loc.table.col === 3)!;
  strictEqual(score.stated, 1.5);
  strictEqual(score.columnHeader, "得分");
  strictEqual(score.rowLabel, "A11部门中长期规划目标的明确性与合理性（2分）");
  strictEqual(score.subject, "A11部门中长期规划目标的明确性与合理性（2分） 得分");
  deepStrictEqual(score.loc, { block: 0, table: { index: 0, row: 1, col: 3 }, start: 0, end: 3 });
  // A weight written inside a label keeps its own in-text subject.
  const weight = fs.find((f) => f.raw === "2分")!;
  strictEqual(weight.subject, "A11部门中长期规划目标的明确性与合理性");
  strictEqual(fs.find((f) => f.loc.table?.row === 2 && f.loc.table.col === 3)!.rowLabel, "合计");
});

Deno.test("merged cells are read once, at their anchor", () => {
  const doc = makeDoc([
    table([["项目", "金额"], ["合计5人", "10万元"], ["", "3万元"]], [{ row: 1, col: 0, rowspan: 2 }]),
  ]);
  const fs = extract(doc).figures;
  strictEqual(fs.filter((f) => f.raw === "5人").length, 1);
});
