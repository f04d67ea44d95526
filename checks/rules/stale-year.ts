/**
 * stale-year: years that do not fit the evaluation year where the report speaks of its own year's basis:
 * a previous year's work plan, key projects or survey cited as this year's, budgets and final accounts two
 * or more years old. Comparisons (较上年, 比2022年末, 同比) are legitimate and not flagged.
 */
import type { Document } from "../../src/model/document.ts";
import type { FindingDraft, Rule } from "../../src/model/rule.ts";
import { clip, evidence } from "../../src/analysis/evidence.ts";
import { COMPARISON_BEFORE_YEAR, STALE_YEAR_CONTEXTS } from "../../src/analysis/vocab.ts";
import { h } from "../../src/testing/doc-spec.ts";

function isOutline(block: Document["blocks"][number]): boolean {
  return block.kind === "heading" || (block.kind === "paragraph" && block.role !== undefined);
}

function evaluationYear(doc: Document, configYear?: number): { year: number; source: string } | undefined {
  if (doc.meta.year) return { year: doc.meta.year, source: "文档标题或评价时段" };
  if (configYear) return { year: configYear, source: "配置文件" };
  return undefined;
}

function findStale(doc: Document, year: number, source: string): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const block of doc.blocks) {
    if (block.kind === "table") continue;
    const outline = isOutline(block);
    for (const m of block.text.matchAll(/(?<![0-9０-９])(20[0-9]{2})\s*年/g)) {
      const y = Number(m[1]);
      const lag = year - y;
      if (lag < 1) continue;
      const start = m.index!;
      const before = block.text.slice(Math.max(0, start - 6), start);
      if (COMPARISON_BEFORE_YEAR.test(before)) continue;
      const after = block.text.slice(start + m[0].length, start + m[0].length + 60);
      const ctx = STALE_YEAR_CONTEXTS.find((c) =>
        lag >= c.minLag && (outline || !c.outlineOnly) && c.what.test(after)
      );
      if (!ctx) continue;
      const end = start + m[0].length + (ctx.what.exec(after)?.[0].length ?? 0);
      out.push({
        message:
          `评价年度为${year}年（取自${source}），此处引用${y}年的${ctx.label}作为本年度的依据或内容，疑为沿用往年报告。`,
        messageId: "stale-year",
        hint: `核实此处是否应为${year}年的材料；若确为往年材料，请说明原因。`,
        evidence: [evidence(doc, block.index, clip(block.text, start, end, 40))],
        details: { evaluationYear: year, statedYear: y, context: ctx.label, assumption: `评价年度${year}年` },
      });
    }
  }
  return out;
}

export const staleYear: Rule = {
  meta: {
    id: "stale-year",
    severity: "warning",
    title: "年份不符",
    messages: { "stale-year": { description: "引用往年材料作为本年度依据", certainty: "assumption" } },
    docs: {
      summary:
        "Earlier years cited as the evaluation year's plan, key projects, survey or budget disclosure.",
      rationale:
        "Last year's report reused without revision is one of the commonest defects: the text still " +
        "scores last year's key projects or cites last year's work plan.",
      examples: [
        {
          title: "2023年度报告引用2022年度工作计划",
          kind: "invalid",
          messageId: "stale-year",
          config: { year: 2023 },
          doc: [
            h(1, "一、基本情况"),
            "年初制定了《2022年度工作计划》并逐项落实。",
          ],
        },
        {
          title: "与上年比较不算沿用",
          kind: "valid",
          config: { year: 2023 },
          doc: [
            h(1, "一、基本情况"),
            "支出较2022年度工作计划安排增长5%。",
          ],
        },
      ],
    },
  },
  check: ({ doc, config }) => {
    const y = evaluationYear(doc, config.year);
    return y ? findStale(doc, y.year, y.source) : [];
  },
};
