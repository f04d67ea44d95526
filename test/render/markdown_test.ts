import assert from "node:assert/strict";
import { mdCell, mdEscape, renderMarkdown } from "../../src/render/markdown.ts";
import { emptyInput, errorResult, report, sampleInput } from "./fixtures.ts";

Deno.test("markdown: meta table with stated score/grade, summary by rule and severity", () => {
  const out = renderMarkdown(sampleInput());
  assert.match(out, /^# 绩效自评报告审核意见\n/);
  assert.match(out, /\| 单位 \| 某单位 \|\n\| 年度 \| 2023 \|/);
  assert.match(out, /\| 自评得分 \| 96 \|\n\| 自评等级 \| 优 \|/);
  assert.match(out, /\| `sum-mismatch` \| 合计不符 \| 1 \| 0 \| 0 \| 1 \| 2 \|/);
  assert.match(out, /\| `unlisted-rule` \| unlisted-rule \| 0 \| 1 \| 0 \| 0 \| 1 \|/);
  assert.match(out, /审核工具：jixiao-audit 0\.1\.0\n/, "a version number is not taken for a list marker");
});

Deno.test("markdown: each finding with location, blockquoted quote and stated vs computed", () => {
  const out = renderMarkdown(sampleInput());
  assert.match(
    out,
    /#### 1\. 【错误】合计不符（`sum-mismatch`）\n\n表1合计得分96与各项之和19不符。\n\n- 位置：一、部门概况 › （一）预算执行 › 表1 第4行第3列\n\n> 96\n\n- 陈述值：96\n- 计算值：19\n- 计算方式：9 \+ 10\n- 修改建议：请核对合计行。/,
  );
  assert.match(out, /【错误·已豁免】合计不符[\s\S]*- 豁免理由：口径不同，已与财政局确认/);
});

Deno.test('markdown: quotes with | < > & " and newlines are escaped and keep their line break', () => {
  const out = renderMarkdown(sampleInput());
  assert.ok(out.includes('> 得分\\|9&lt;b&gt;&amp;"分"\\\n> 第二行\n'), out);
  assert.ok(out.includes("引文含特殊字符 &lt;script&gt;alert(1)&lt;/script&gt;"));
  assert.ok(!out.includes("<script>"));
  assert.ok(out.includes("- 陈述值：a\\|b\n- 计算值：&lt;c&gt;"));
});

Deno.test("mdEscape: markup neutralised, plain text and figures untouched", () => {
  assert.equal(mdEscape("预算执行率98.5%，得分9分"), "预算执行率98.5%，得分9分");
  assert.equal(mdEscape("**粗体** _x_ [链接](u) `c`"), "\\*\\*粗体\\*\\* \\_x\\_ \\[链接\\](u) \\`c\\`");
  assert.equal(mdEscape("# 标题"), "\\# 标题");
  assert.equal(mdEscape("1. 第一"), "1\\. 第一");
  assert.equal(mdEscape("- 项"), "\\- 项");
  assert.equal(mdEscape("---"), "\\---");
  assert.equal(mdEscape("-3.5%"), "-3.5%", "a negative figure is not a list item");
  assert.equal(mdEscape("#1号"), "#1号");
  assert.equal(mdCell("a|b\nc"), "a\\|b<br>c");
});

Deno.test("markdown: no findings → 未发现问题; unreadable file → 无法审核 with the reason", () => {
  const out = renderMarkdown(emptyInput());
  assert.match(out, /\*\*未发现问题。\*\*/);
  assert.doesNotMatch(out, /### 问题明细/);
  const bad = renderMarkdown({ report: report([errorResult()]), documents: new Map(), rules: [] });
  assert.match(bad, /\*\*无法审核\*\*：文件 samples\/坏文件\.docx 不是有效的 \.docx 文件。/);
  assert.doesNotMatch(bad, /未发现问题/);
});
