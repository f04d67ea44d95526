/**
 * The arithmetic checks on the sample report, with expectations computed by hand from its text
 * (/work/shared/seeds/xundian-hrss-2023-self-evaluation.txt). Relations are built by hand here, so these
 * tests hold whatever the extractor reaches; arith-e2e_test.ts goes through extract().
 */
import assert from "node:assert/strict";
import { readDocument } from "../../src/ingest/index.ts";
import type { Document } from "../../src/model/document.ts";
import { sumMismatch } from "../../checks/rules/sum-mismatch.ts";
import { percentageArithmetic } from "../../checks/rules/percentage-arithmetic.ts";
import { change, fig, partWhole, ratio, run } from "./arith_builder.ts";

const SAMPLE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);

async function sample(): Promise<Document> {
  return await readDocument(await Deno.readFile(SAMPLE), { file: "sample.docx" });
}

function blockWith(doc: Document, needle: string, nth = 0): number {
  const hits = doc.blocks.filter((b) => b.kind !== "table" && b.text.includes(needle));
  if (!hits[nth]) throw new Error(`no block with ${needle}`);
  return hits[nth].index;
}

Deno.test("sample: 处理劳动人事争议案件458件 vs 受理206件 + 案外调解291件 = 497 (amounts do add up)", async () => {
  const doc = await sample();
  const b = blockWith(doc, "处理各类劳动人事争议案件458件");
  // The amounts partition exactly (1008.51 + 801.12 = 1809.63万元), so the counts should too.
  const amounts = partWhole(doc, fig(doc, b, "1809.63万元"), [
    fig(doc, b, "1008.51万元"),
    fig(doc, b, "801.12万元"),
  ]);
  const counts = partWhole(doc, fig(doc, b, "458件"), [fig(doc, b, "206件"), fig(doc, b, "291件")]);
  const findings = run(sumMismatch, doc, [amounts, counts]);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.severity, "error");
  assert.equal(f.details.stated, 458);
  assert.equal(f.details.computed, 497);
  assert.equal(f.details.formula, "206 + 291 = 497");
  const block = doc.blocks[b];
  assert.ok(block.kind === "paragraph" && block.text.includes(f.evidence[0].quote));
});

Deno.test("sample: the staffing, post and fund sums that do add up give nothing", async () => {
  const doc = await sample();
  const staff = blockWith(doc, "实有人员编制46人");
  const posts = blockWith(doc, "聘任专业技术岗7210人");
  const funds = blockWith(doc, "2023年度“三公经费”支出2.79万元");
  const rels = [
    partWhole(doc, fig(doc, staff, "46人"), [fig(doc, staff, "15人"), fig(doc, staff, "31人")]),
    partWhole(doc, fig(doc, posts, "7210人"), ["2745人", "2664人", "1801人"].map((p) => fig(doc, posts, p))),
    partWhole(
      doc,
      fig(doc, posts, "316人"),
      ["1人", "25人", "132人", "151人", "7人"].map((p) => fig(doc, posts, p)),
    ),
    partWhole(doc, fig(doc, posts, "32人"), [fig(doc, posts, "27人"), fig(doc, posts, "5人", { nth: 1 })]),
    partWhole(doc, fig(doc, posts, "23人"), [fig(doc, posts, "19人"), fig(doc, posts, "4人")]),
    // 0 + 2.4 + 0.38 = 2.78 and 17.97 + 2.4 + 0.14 = 20.51: within the rounding of 2.4 (±0.05).
    partWhole(
      doc,
      fig(doc, funds, "2.79万元"),
      ["0万元", "2.4万元", "0.38万元"].map((p) => fig(doc, funds, p)),
    ),
    partWhole(
      doc,
      fig(doc, funds, "20.50万元"),
      ["17.97万元", "2.4万元", "0.14万元"].map((p, i) => fig(doc, funds, p, { nth: i === 1 ? 1 : 0 })),
    ),
  ];
  assert.deepEqual(run(sumMismatch, doc, rels), []);
});

Deno.test("sample: 资产 = 流动资产 + 固定资产 + 无形资产 and 净资产 = 资产 − 负债 hold", async () => {
  const doc = await sample();
  const b = blockWith(doc, "实有资产合计");
  const figures = [
    fig(doc, b, "13047176.25元", { subject: "2023年末单位实有资产合计" }),
    fig(doc, b, "1005448.91元", { subject: "流动资产" }),
    fig(doc, b, "12041727.34元", { subject: "固定资产" }),
    fig(doc, b, "0元", { subject: "无形资产" }),
    fig(doc, b, "5422.21元", { subject: "负债合计" }),
    fig(doc, b, "13041754.04元", { subject: "净资产合计" }),
  ];
  assert.deepEqual(run(sumMismatch, doc, [], figures), []);
  // The same paragraph with 净资产 misstated by 100元 would be an error: the identity is exact.
  const wrong = [...figures.slice(0, 5), { ...figures[5], stated: 13041854.04, value: 13041854.04 }];
  assert.equal(run(sumMismatch, doc, [], wrong)[0]?.severity, "error");
});

Deno.test("sample: growth rates and completion rates recompute (7.31%, 86.39%, 171.43%, 108.41%, 126.6%)", async () => {
  const doc = await sample();
  const budget = blockWith(doc, "较上年1757.02万元增加7.31%");
  const funds = blockWith(doc, "公务接待费增加171.43%");
  const targets = blockWith(doc, "占目标任务数1500万元的126.6%");
  const insured = blockWith(doc, "完成目标任务的38700人的108.41%");
  const jobs = blockWith(doc, "城镇新增就业969人");
  const rels = [
    change(doc, fig(doc, budget, "15.08%"), fig(doc, budget, "1401.15万元"), fig(doc, budget, "1217.55万元")),
    change(doc, fig(doc, budget, "6.12%"), fig(doc, budget, "1868.58万元"), fig(doc, budget, "1760.86万")),
    change(doc, fig(doc, budget, "7.31%"), fig(doc, budget, "1885.44万元"), fig(doc, budget, "1757.02万元")),
    change(doc, fig(doc, funds, "86.39%"), fig(doc, funds, "2.79万元"), fig(doc, funds, "20.50万元"), "down"),
    change(doc, fig(doc, funds, "171.43%"), fig(doc, funds, "0.38万元"), fig(doc, funds, "0.14万元")),
    ratio(doc, fig(doc, targets, "170 %"), fig(doc, targets, "1700万元"), fig(doc, targets, "1000万元")),
    ratio(doc, fig(doc, insured, "108.41%"), fig(doc, insured, "41956人"), fig(doc, insured, "38700人")),
    ratio(doc, fig(doc, insured, "100.03%"), fig(doc, insured, "29410人"), fig(doc, insured, "29400人")),
    ratio(doc, fig(doc, insured, "100.43%"), fig(doc, insured, "19584人"), fig(doc, insured, "19500人")),
    // 城镇新增就业969人，占目标任务的107.67%: no target figure, uncheckable.
    ratio(doc, fig(doc, jobs, "107.67%"), fig(doc, jobs, "969人")),
  ];
  assert.deepEqual(run(percentageArithmetic, doc, rels), []);
  // 1900 ÷ 1500 = 126.67%: 1900万元 and 1500万元 may be rounded, so 126.6% is within reach, but as written
  // it is 126.67% truncated: a rounding-level note, never a mismatch.
  const truncated = ratio(
    doc,
    fig(doc, targets, "126.6%"),
    fig(doc, targets, "1900万元"),
    fig(doc, targets, "1500万元"),
  );
  assert.deepEqual(run(percentageArithmetic, doc, [truncated]).map((f) => [f.messageId, f.severity]), [[
    "truncation",
    "info",
  ]]);
  // Near miss on the same sentence: had it said 7.41%, it would be an error.
  const bad = { ...rels[2], rate: { ...rels[2].rate, stated: 7.41, value: 7.41, raw: "7.41%" } };
  assert.equal(run(percentageArithmetic, doc, [bad])[0]?.severity, "error");
});

Deno.test("sample: the tables hold no 合计 row with figures (the indicator table's 合计 row is empty)", async () => {
  const doc = await sample();
  assert.ok(
    doc.blocks.some((b) => b.kind === "table" && b.grid.some((r) => r.some((c) => c.text.trim() === "合计"))),
  );
  assert.deepEqual(run(sumMismatch, doc, []), []);
});
