import { checkContext } from "../../src/testing/context.ts";
import assert from "node:assert/strict";
import { duplicateParagraph } from "../../checks/rules/duplicate-paragraph.ts";
import type { FindingDraft } from "../../src/model/rule.ts";
import { type Config, DEFAULT_CONFIG } from "../../src/model/config.ts";
import type { Document } from "../../src/model/document.ts";
import { h, makeDoc, table } from "../helpers/doc.ts";

function run(doc: Document, config: Partial<Config> = {}): FindingDraft[] {
  return duplicateParagraph.check(checkContext({
    doc,
    extraction: { figures: [], relations: [] },
    config: { ...DEFAULT_CONFIG, ...config },
  }));
}

/** Every quote is an exact substring of the text it points to. */
function assertQuotes(doc: Document, findings: FindingDraft[]) {
  for (const f of findings) {
    for (const e of f.evidence) {
      const b = doc.blocks[e.block];
      const text = b.kind === "table" ? b.grid[e.table!.row][e.table!.col].text : b.text;
      assert.ok(text.includes(e.quote), `quote not in block ${e.block}: ${e.quote}`);
      assert.ok(Array.from(e.quote).length <= 80);
    }
  }
}

const P1 =
  "组织开展农村劳动力转移就业专项行动，走访慰问转移就业人员1726人，召开座谈会175场次，发放宣传资料25080份，" +
  "对接人力资源服务中介10次，开展招聘活动26场次，有效促进了农村劳动力稳定就业。";
const P2 = "持续推进机关事业单位养老保险制度改革，按时足额发放离退休人员养老待遇，做好待遇资格认证工作，" +
  "全年未发生冒领、错发等问题，基金运行总体平稳安全。";

Deno.test("exact copy across top-level sections, ignoring whitespace, punctuation and full width", () => {
  const copy = P1.replace(/，/g, ",").replace("1726", "１７２６").replace("。", " 。 ");
  const doc = makeDoc([h(1, "一、部门概况"), P1, P2, h(1, "二、主要经验做法"), copy]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "warning");
  assert.deepEqual(fs[0].evidence.map((e) => e.block), [1, 4]);
  assert.deepEqual(fs[0].evidence.map((e) => e.section), ["一、部门概况", "二、主要经验做法"]);
  assert.equal(fs[0].details.copies, 2);
  assert.equal(fs[0].details.exact, true);
  assert.match(fs[0].message, /正文不同部分之间重复/);
  assertQuotes(doc, fs);
});

Deno.test("all copies of one text are one finding", () => {
  const doc = makeDoc([h(1, "一、甲"), P1, h(1, "二、乙"), P1, h(1, "三、丙"), P2, P1]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  assert.deepEqual(fs[0].evidence.map((e) => e.block), [1, 3, 6]);
});

Deno.test("a numbered run-in heading before the body does not hide the copy", () => {
  const doc = makeDoc([
    h(1, "一、部门概况"),
    `1.坚持优化服务、稳中求进，就业形势持续向好。${P1}`,
    h(1, "二、绩效目标"),
    P1,
    h(1, "四、评价结论和绩效分析"),
    `（1）坚持优化服务、稳中求进，就业形势持续向好。${P1}`,
  ]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  assert.deepEqual(fs[0].evidence.map((e) => e.block), [1, 3, 5]);
  assert.equal(fs[0].details.exact, true);
  assert.ok(fs[0].evidence[0].quote.startsWith("1.坚持"));
  assertQuotes(doc, fs);
});

Deno.test("targets copied from the work summary are called out", () => {
  const doc = makeDoc([h(1, "一、部门概况"), h(2, "（三）部门工作完成情况"), P2, h(1, "二、绩效目标"), P2]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "warning");
  assert.match(fs[0].message, /绩效目标疑似根据完成结果倒推填写/);
  assert.equal(fs[0].evidence[0].section, "一、部门概况 › （三）部门工作完成情况");
});

Deno.test("an annex repeating the body is info", () => {
  const doc = makeDoc([h(1, "一、部门概况"), P1, h(1, "附件1 成本效益分析"), P1]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "info");
  assert.match(fs[0].message, /附件摘要重复正文/);
  assert.equal(fs[0].messageId, "annex-repeats-body");
});

Deno.test("an annex introduced by a plain 附件N label paragraph is recognised", () => {
  const doc = makeDoc([h(1, "一、部门概况"), P1, "附件2", h(1, "一、重点任务完成情况"), P1]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "info");
});

Deno.test("near copy above the threshold is flagged, below it is not", () => {
  const near = P1.replace("有效促进了", "切实推动了");
  const doc = makeDoc([h(1, "一、甲"), P1, h(1, "二、乙"), near]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  const sim = fs[0].details.similarity as number;
  assert.ok(sim >= 0.85 && sim < 1, `similarity ${sim}`);
  assert.equal(fs[0].details.exact, false);
  assert.match(fs[0].message, /相似度/);
  assert.equal(run(doc, { nearDuplicateThreshold: 0.99 }).length, 0);
});

Deno.test("different paragraphs sharing stock phrases are not flagged", () => {
  const other = "组织开展农村劳动力转移就业技能培训，围绕市场需求开设电工、焊工、家政服务等培训班，" +
    "全年培训农村劳动力，培训合格率和就业率均有提升，群众满意度较高。";
  assert.equal(run(makeDoc([h(1, "一、甲"), P1, h(1, "二、乙"), other])).length, 0);
});

Deno.test("short paragraphs, titles and table-of-contents lines are not compared", () => {
  const short = "全面完成年度目标任务，成效明显。";
  const doc = makeDoc([h(1, "一、甲"), short, h(1, "二、乙"), short]);
  assert.equal(run(doc).length, 0);
  const toc = makeDoc([P1, h(1, "一、甲"), P1]);
  (toc.blocks[0] as { role?: string }).role = "toc";
  assert.equal(run(toc).length, 0);
});

Deno.test("a long table cell repeating a paragraph counts", () => {
  const doc = makeDoc([h(1, "一、甲"), P2, h(1, "二、乙"), table([["项目", "说明"], ["养老保险", P2]])]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  assert.deepEqual(fs[0].evidence[1].table, { index: 0, row: 1, col: 1 });
  assertQuotes(doc, fs);
});

Deno.test("duplicate-paragraph: a note under each table (注：/数据来源：) repeats legitimately; 注重… does not", () => {
  const underTables = (line: string) =>
    run(makeDoc([
      h(1, "一、资金情况"),
      table([["项目", "金额"], ["中央资金", "100"]]),
      line,
      h(1, "二、支出情况"),
      table([["项目", "金额"], ["中央资金", "90"]]),
      line,
    ]));
  assert.equal(
    underTables("注：以上数据来源于某县财政局国库集中支付系统，统计口径为全年实际支出数。").length,
    0,
  );
  assert.equal(
    underTables("数据来源：某县财政局国库集中支付系统，统计口径为全年实际支出数，单位为万元。").length,
    0,
  );
  assert.equal(
    underTables("注1：以上数据来源于某县财政局国库集中支付系统，统计口径为全年实际支出数。").length,
    0,
  );
  assert.equal(
    underTables("注重项目资金监管，严格执行资金管理办法，确保专款专用，切实提高资金使用效益。").length,
    1,
  );
});
