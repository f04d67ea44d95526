/**
 * The three copy-paste rules on the sample report. Expectations come from reading
 * /work/shared/seeds/xundian-hrss-2023-self-evaluation.txt (line numbers of that file in comments).
 */
import assert from "node:assert/strict";
import { conflictingFigure } from "../../checks/rules/conflicting-figure.ts";
import { CONFLICTING_FIGURE_RULES } from "./conflicting-figure_family.ts";
import { duplicateParagraph } from "../../checks/rules/duplicate-paragraph.ts";
import { duplicateSentence } from "../../checks/rules/duplicate-sentence.ts";
import type { CheckContext } from "../../src/model/rule.ts";
import { extract } from "../../src/extract/index.ts";
import { readDocument } from "../../src/ingest/index.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";
import { checkContext } from "../../src/testing/context.ts";

const FILE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);

async function context(): Promise<CheckContext> {
  const doc = await readDocument(await Deno.readFile(FILE), {
    file: "xundian-hrss-2023-self-evaluation.docx",
  });
  return checkContext({ doc, extraction: extract(doc), config: DEFAULT_CONFIG });
}

const ctx = await context();
const textOf = (block: number) => {
  const b = ctx.doc.blocks[block];
  return b.kind === "table" ? "" : b.text;
};

Deno.test("sample: 32 vs 23, 27 vs 19 and 5 vs 4 in the pasted 人才回归 sentence are errors", () => {
  const fs = conflictingFigure.check(ctx);
  const pairs = fs.map((f) => (f.details.stated as string[]).join("/"));
  for (const want of ["32/23", "27/19", "5/4"]) {
    assert.ok(pairs.includes(want), `missing ${want} in ${pairs}`);
  }
  const f = fs.find((f) => (f.details.stated as string[]).join("/") === "32/23")!;
  assert.equal(f.severity, "error");
  assert.equal(f.evidence[0].quote, "从县外调入事业单位人员32人");
  assert.equal(f.evidence[1].quote, "从县外调入事业单位人员23人");
  // The passage sits in four paragraphs (lines 116, 137, 157, 240): 32 and 23 each four times.
  assert.deepEqual(f.details.occurrences, { "32": 4, "23": 4 });
  for (const e of f.evidence) assert.ok(textOf(e.block).includes(e.quote));
  // Nothing else in the sample is a same-wording conflict; subject-based ones must stay rare.
  const family = CONFLICTING_FIGURE_RULES.flatMap((rule) => rule.check(ctx));
  assert.ok(family.length <= 5, `${family.length} conflicting-figure findings`);
});

Deno.test("sample: the 人才招聘 passage repeated inside its paragraph is one duplicate-sentence finding", () => {
  const fs = duplicateSentence.check(ctx);
  const f = fs.find((f) => f.evidence[0].quote.startsWith("全面抓好我县2023年事业单位公开招聘"));
  assert.ok(f, "the 全面抓好…公开招聘 repeat is reported");
  assert.equal(f.details.scope, "paragraph");
  assert.equal(f.details.sentences, 2);
  assert.equal(f.details.differsOnlyInNumbers, true);
  assert.equal(f.details.occurrences, 4);
  const blocks = new Set(f.evidence.map((e) => e.block));
  assert.equal(blocks.size, 4);
  for (const e of f.evidence) assert.ok(textOf(e.block).includes(e.quote));
});

Deno.test("sample: '一是结合普法强基…' is one group of four copies, body copies across sections", () => {
  const fs = duplicateParagraph.check(ctx);
  // Lines 112 (1.坚持…。一是…), 133 (二、绩效目标), 155 (（1）坚持…。一是…), 236 (附件2).
  const f = fs.find((f) => f.evidence.some((e) => e.quote.startsWith("一是结合普法强基")));
  assert.ok(f);
  assert.equal(f.evidence.length, 4);
  assert.equal(f.severity, "warning");
  assert.deepEqual(f.evidence.map((e) => e.section.split(" › ")[0]), [
    "一、部门概况",
    "二、绩效目标",
    "四、评价结论和绩效分析",
    "附件2",
  ]);
  assert.ok(f.evidence[0].quote.startsWith("1.坚持优化服务"));
  assert.ok(f.evidence[2].quote.startsWith("（1）坚持优化服务"));
  assert.match(f.message, /绩效目标疑似根据完成结果倒推填写/);
  for (const e of f.evidence) assert.ok(textOf(e.block).includes(e.quote));
});

Deno.test("sample: 存在的问题 repeated in 附件2 is info (annex repeats body)", () => {
  const fs = duplicateParagraph.check(ctx);
  // Lines 182 (四、存在的问题) and 253 (附件2 › 四、存在的主要问题).
  const f = fs.find((f) => f.evidence[0].quote.startsWith("（一）就业形势严峻"));
  assert.ok(f);
  assert.equal(f.severity, "info");
  assert.equal(f.evidence.length, 2);
  assert.match(f.message, /附件摘要重复正文/);
  // '一是狠抓思想建设…' (lines 159, 243) is body-to-body but no target section: no 倒推 claim.
  const party = fs.find((f) => f.evidence.some((e) => e.quote.includes("一是狠抓思想建设")))!;
  assert.doesNotMatch(party.message, /倒推/);
});

Deno.test("sample: the duplicate and conflicting-figure rules run in a few milliseconds", () => {
  for (const rule of [duplicateParagraph, duplicateSentence, ...CONFLICTING_FIGURE_RULES]) rule.check(ctx);
  const runs = 10;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    // A fresh analysis each run: the rules' per-document memos (the aligned passages) are not reused.
    const fresh = checkContext({ doc: ctx.doc, extraction: ctx.extraction, config: DEFAULT_CONFIG });
    for (const rule of [duplicateParagraph, duplicateSentence, ...CONFLICTING_FIGURE_RULES]) {
      rule.check(fresh);
    }
  }
  const ms = (performance.now() - t0) / runs;
  // Loose bound (the machine is shared): catches a quadratic blow-up, not a few ms of noise.
  assert.ok(ms < 150, `${ms.toFixed(1)} ms`);
});
