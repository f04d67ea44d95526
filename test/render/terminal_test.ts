import assert from "node:assert/strict";
import { renderTerminal } from "../../src/render/terminal.ts";
import { truncate } from "../../src/render/common.ts";
import { emptyInput, errorResult, report, sampleInput } from "./fixtures.ts";

Deno.test("terminal: grouped by severity then section, with rule, place, message, quote and summary", () => {
  const out = renderTerminal(sampleInput());
  assert.ok(!out.includes("\x1b["), "no colour unless asked");
  const err = out.indexOf("错误（1）"), warn = out.indexOf("警告（2）"), info = out.indexOf("提示（1）");
  const sup = out.indexOf("已豁免（1）");
  assert.ok(err > 0 && err < warn && warn < info && info < sup, out);
  assert.match(out, /合计不符（sum-mismatch） · 表1 第4行第3列：表1合计得分96与各项之和19不符。/);
  assert.match(out, /\n {8}修改建议：请核对合计行。\n/, "the hint, under the finding");
  assert.match(out, /陈述值 96；计算值 19；算式 9 \+ 10/);
  assert.match(
    out,
    /重复段落（duplicate-paragraph） · 第1段“本单位共有在职人员32人…”：/,
    "places as Word shows them",
  );
  // the second evidence of a finding names its own location
  assert.match(out, /「本单位共有在职人员32人」（二、存在的问题 › 第1段“本单位共有在职人员32人…”）/);
  // unknown rule falls back to its id; newline in a quote is shown as ⏎, not a line break
  assert.match(out, /unlisted-rule（unlisted-rule）/);
  assert.ok(out.includes(`「得分|9<b>&"分" ⏎ 第二行」`), out);
  assert.match(out, /已豁免：口径不同，已与财政局确认/);
  assert.match(out, /合计：错误 1，警告 2，提示 1，已豁免 1（1 个文件）\n$/);
});

Deno.test("terminal: colour codes only when color is true", () => {
  const out = renderTerminal({ ...sampleInput(), color: true });
  assert.ok(out.includes("\x1b[31;1m错误（1）\x1b[0m"), out);
});

Deno.test("terminal: no findings says 未发现问题; an unreadable file says why", () => {
  const out = renderTerminal(emptyInput());
  assert.match(out, /未发现问题/);
  assert.match(out, /合计：错误 0，警告 0，提示 0，已豁免 0/);
  const bad = renderTerminal({ report: report([errorResult()]), documents: new Map(), rules: [] });
  assert.match(bad, /无法审核：文件 samples\/坏文件.docx 不是有效的 .docx 文件。/);
  assert.match(bad, /1 个无法读取/);
  assert.doesNotMatch(bad, /未发现问题/);
});

Deno.test("truncate: short text kept, long text cut in the middle by code points", () => {
  assert.equal(truncate("短句"), "短句");
  const long = "甲".repeat(40) + "乙".repeat(40);
  const t = truncate(long, 21);
  assert.equal([...t].length, 21);
  assert.ok(t.startsWith("甲") && t.endsWith("乙") && t.includes("…"));
  assert.equal(truncate("a\n  b"), "a ⏎ b");
  // surrogate pairs are not split
  assert.equal([...truncate("𠀀".repeat(30), 11)].length, 11);
});

Deno.test("terminal: many quotes are capped with a count; same-section quotes name only their place", () => {
  const input = sampleInput();
  const f = input.report.documents[0].findings[0];
  f.evidence = Array.from(
    { length: 8 },
    (_, i) => ({ quote: `引文${i}`, section: "一、部门概况", block: i }),
  );
  f.details = { stated: ["32", "23"] };
  const out = renderTerminal(input);
  assert.match(out, /「引文1」（(第\d+段|标题)“[^”]+”）/);
  assert.match(out, /「引文4」（[^）›]+）\n {8}……另有 3 处引文/);
  assert.doesNotMatch(out, /引文5/);
  assert.match(out, /陈述值 32、23/);
});
