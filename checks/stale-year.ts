/**
 * stale-year: years that do not fit the evaluation year where the report speaks of its own year's basis:
 * a previous year's work plan, key projects or survey cited as this year's, budgets and final accounts two
 * or more years old. Comparisons (较上年, 比2022年末, 同比) are legitimate and not flagged.
 */
import type { Document } from "../src/model/document.ts";
import type { FindingDraft, Rule } from "./rule.ts";
import { clip, evidence } from "./util/evidence.ts";

interface StaleContext {
  /** What follows the year (within a few characters). */
  what: RegExp;
  /** How many years before the evaluation year make it stale. */
  minLag: number;
  label: string;
  /** Only in the report's own outline (headings, 目录 entries, title lines): the name of one of its parts. */
  outlineOnly?: boolean;
}

const CONTEXTS: StaleContext[] = [
  {
    what: /^度?(?:[^，。；、]{0,12}?)?(?:工作计划|工作要点|工作方案|绩效目标|年度目标)/,
    minLag: 1,
    label: "工作计划/目标",
  },
  { what: /^度?的?(?:重点项目|重点工作|重点任务)/, minLag: 1, label: "重点项目/工作" },
  { what: /^度?(?:[^，。；]{0,8}?)(?:满意度调查|问卷调查)/, minLag: 1, label: "满意度调查" },
  {
    what: /^度?(?:部门)?(?:预算|决算)(?:、|和|及)?(?:部门)?(?:决算|预算)?(?:、|和|及)?[^，。；]{0,30}?公开/,
    minLag: 2,
    label: "预决算公开",
  },
  {
    // A part of this very report (第二部分：某局YYYY年部门决算表) carries the report's own year.
    what: /^度?(?:部门|单位)?(?:决算|整体支出|项目支出)[^，。；]{0,12}?(?:表|情况说明|说明|公开|报告|自评)/,
    minLag: 1,
    label: "本报告组成部分的年度",
    outlineOnly: true,
  },
];

function isOutline(block: Document["blocks"][number]): boolean {
  return block.kind === "heading" || (block.kind === "paragraph" && block.role !== undefined);
}

/** A comparison marker just before the year makes it a legitimate reference to an earlier year. */
const COMPARISON_BEFORE = /(?:较|比|与|同比|对比|相比|上年|去年|自|从|截至|截止|于)\s*$/;

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
      if (COMPARISON_BEFORE.test(before)) continue;
      const after = block.text.slice(start + m[0].length, start + m[0].length + 60);
      const ctx = CONTEXTS.find((c) => lag >= c.minLag && (outline || !c.outlineOnly) && c.what.test(after));
      if (!ctx) continue;
      const end = start + m[0].length + (ctx.what.exec(after)?.[0].length ?? 0);
      out.push({
        message:
          `评价年度为${year}年（取自${source}），此处引用${y}年的${ctx.label}作为本年度的依据或内容，疑为沿用往年报告。`,
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
    docs: {
      summary:
        "Earlier years cited as the evaluation year's plan, key projects, survey or budget disclosure.",
      rationale:
        "Last year's report reused without revision is one of the commonest defects: the text still " +
        "scores last year's key projects or cites last year's work plan.",
      example: "2023年度报告中“制定了《××局2022年度工作计划》”“综合考察2022年重点项目的完成度”。",
    },
  },
  check: ({ doc, config }) => {
    const y = evaluationYear(doc, config.year);
    return y ? findStale(doc, y.year, y.source) : [];
  },
};
