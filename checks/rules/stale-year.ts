/**
 * stale-year: years that do not fit the evaluation year where the report speaks of its own year's basis:
 * a previous year's work plan, programme (《2022年某项目实施方案》), key projects or survey cited as this
 * year's, in prose and in table cells (a 数据来源 cell reading 2022年问卷调查), budgets and final accounts two
 * or more years old, and last year's year-end head-count in a sentence about this year. Comparisons
 * (较上年, 比2022年末, 同比) and ranges ending in this year (2022年至2024年) are legitimate and not flagged.
 * Also the same specific amount of money stated as this year's funds and as an earlier year's
 * (stale-year/carried-amount.ts).
 */
import type { Document } from "../../src/model/document.ts";
import { defineRule, type FindingDraft } from "../../src/model/rule.ts";
import type { Evidence } from "../../src/model/finding.ts";
import { cellEvidence, clip, evidence } from "../../src/analysis/evidence.ts";
import { COMPARISON_BEFORE_YEAR, STALE_YEAR_CONTEXTS, YEAR_RANGE_AFTER } from "../../src/analysis/vocab.ts";
import { h, table } from "../../src/testing/doc-spec.ts";
import { type CarriedAmountDetails, carriedAmounts } from "./stale-year/carried-amount.ts";

type Details = {
  "stale-year": {
    evaluationYear: number;
    /** The earlier year the text cites. */
    statedYear: number;
    /** What is cited from that year (the context's label: 工作计划/目标, 满意度调查 …). */
    context: string;
    assumption: string;
  };
  "carried-amount": CarriedAmountDetails;
};

function isOutline(block: Document["blocks"][number]): boolean {
  return block.kind === "heading" || (block.kind === "paragraph" && block.role !== undefined);
}

function evaluationYear(doc: Document, configYear?: number): { year: number; source: string } | undefined {
  if (doc.meta.year) return { year: doc.meta.year, source: "文档标题或评价时段" };
  if (configYear) return { year: configYear, source: "配置文件" };
  return undefined;
}

/** The stale years in one text (a paragraph, a heading or a table cell). */
function staleIn(
  text: string,
  year: number,
  source: string,
  outline: boolean,
  at: (quote: string) => Evidence,
): FindingDraft<Details>[] {
  const out: FindingDraft<Details>[] = [];
  for (const m of text.matchAll(/(?<![0-9０-９])([2２][0０][0-9０-９]{2})\s*年/g)) {
    const y = Number(asciiDigits(m[1]));
    const lag = year - y;
    if (lag < 1) continue;
    const start = m.index!;
    const before = text.slice(Math.max(0, start - 6), start);
    if (COMPARISON_BEFORE_YEAR.test(before)) continue;
    const after = text.slice(start + m[0].length, start + m[0].length + 60);
    if (YEAR_RANGE_AFTER.test(after)) continue;
    const ctx = STALE_YEAR_CONTEXTS.find((c) =>
      lag >= c.minLag && (outline || !c.outlineOnly) && c.what.test(after) &&
      (!c.afterCurrentYear || currentYearBefore(text, start, year)) && (!c.before || c.before.test(before))
    );
    if (!ctx) continue;
    const what = ctx.what.exec(after)?.[0] ?? "";
    // 2023年底制定了2024年度工作计划: the plan cited is the evaluation year's, drawn up the year before.
    if (yearsFrom(what).some((w) => w >= year)) continue;
    // 2023年度绩效目标已完成，2024年度绩效目标为…: the two years' material set side by side.
    if (currentYearAlongside(text, start, year, ctx.what)) continue;
    const end = start + m[0].length + what.length;
    out.push({
      message:
        `评价年度为${year}年（取自${source}），此处引用${y}年的${ctx.label}作为本年度的依据或内容，疑为沿用往年报告。`,
      messageId: "stale-year",
      hint: `核实此处是否应为${year}年的材料；若确为往年材料，请说明原因。`,
      evidence: [at(clip(text, start, end, 40))],
      details: { evaluationYear: year, statedYear: y, context: ctx.label, assumption: `评价年度${year}年` },
    });
  }
  return out;
}

/** Whether the sentence holding `start` also cites the evaluation year's material of the same kind. */
function currentYearAlongside(text: string, start: number, year: number, what: RegExp): boolean {
  const from = Math.max(...SENTENCE_ENDS.map((p) => text.lastIndexOf(p, start - 1))) + 1;
  const ends = SENTENCE_ENDS.map((p) => text.indexOf(p, start)).filter((i) => i >= 0);
  const sentence = asciiDigits(text.slice(from, ends.length ? Math.min(...ends) : text.length));
  for (const m of sentence.matchAll(/(?<![0-9])(20\d\d)\s*年/g)) {
    if (Number(m[1]) === year && what.test(sentence.slice(m.index! + m[0].length))) return true;
  }
  return false;
}
const SENTENCE_ENDS = ["。", "；", "！", "？", "\n"];

/** The years (YYYY年) written in a text. */
function yearsFrom(text: string): number[] {
  return [...asciiDigits(text).matchAll(/(?<![0-9])(20\d\d)\s*年/g)].map((m) => Number(m[1]));
}

/** Full-width digits (２０２３) as ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Whether the sentence holding `start` names the evaluation year before it. */
function currentYearBefore(text: string, start: number, year: number): boolean {
  const from = Math.max(...["。", "；", "！", "？", "\n"].map((p) => text.lastIndexOf(p, start - 1))) + 1;
  // (?<![0-9])YEAR\s*年, without building a regex per call.
  const t = asciiDigits(text.slice(from, start)), y = String(year);
  for (let i = t.indexOf(y); i >= 0; i = t.indexOf(y, i + 1)) {
    if (i > 0 && t.charCodeAt(i - 1) >= 0x30 && t.charCodeAt(i - 1) <= 0x39) continue;
    let j = i + y.length;
    while (j < t.length && SPACE.test(t[j])) j++;
    if (t[j] === "年") return true;
  }
  return false;
}

const SPACE = /\s/;

function findStale(doc: Document, year: number, source: string): FindingDraft<Details>[] {
  const out: FindingDraft<Details>[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== "table") {
      out.push(...staleIn(block.text, year, source, isOutline(block), (q) => evidence(doc, block.index, q)));
      continue;
    }
    // Table cells: a 数据来源 or 依据 cell citing last year's survey or plan. Merged cells once, at their anchor.
    block.grid.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.anchorRow !== r || cell.anchorCol !== c || !/[2２][0０][0-9０-９]{2}/.test(cell.text)) {
          return;
        }
        out.push(...staleIn(cell.text, year, source, false, (q) => cellEvidence(doc, block, r, c, q)));
      })
    );
  }
  return out;
}

export const staleYear = defineRule<Details>({
  meta: {
    id: "stale-year",
    severity: "warning",
    title: "年份不符",
    messages: {
      "stale-year": { description: "引用往年材料作为本年度依据", certainty: "assumption" },
      "carried-amount": {
        description: "同一笔资金在一处属评价年度，在另一处写作往年",
        certainty: "assumption",
      },
    },
    docs: {
      summary:
        "Earlier years cited as the evaluation year's plan, programme, key projects, survey or budget " +
        "disclosure, in prose and in table cells, and last year's year-end head-count given as this year's. " +
        "Not flagged: comparisons (较/与/上年度（…）), ranges ending in this year, this year's plan drawn up " +
        "last year (2023年底制定了2024年度工作计划), and last year's material set beside this year's in one " +
        "sentence.",
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
          title: "2024年度报告评分表的数据来源为2023年问卷调查",
          kind: "invalid",
          messageId: "stale-year",
          config: { year: 2024 },
          doc: [
            h(1, "附件：评价指标体系"),
            table([["指标", "分值", "数据来源"], ["服务对象满意度", "10", "2023年问卷调查"]]),
          ],
        },
        {
          title: "2023年度安排的预算在另一处写作2022年下达",
          kind: "invalid",
          messageId: "carried-amount",
          config: { year: 2023 },
          doc: [
            h(1, "一、基本情况"),
            "该项目2023年度安排预算1234.56万元。",
            h(1, "二、资金情况"),
            "2022年上级下达项目资金共计1234.56万元，实际支出1234.56万元。",
          ],
        },
        {
          title: "上年提前下达的本年资金不算沿用",
          kind: "valid",
          config: { year: 2023 },
          doc: [
            h(1, "一、基本情况"),
            "该项目2023年度安排预算1234.56万元。",
            "2022年12月上级提前下达项目资金1234.56万元。",
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
  check: ({ doc, config, views }) => {
    const y = evaluationYear(doc, config.year);
    if (!y) return [];
    return [
      ...findStale(doc, y.year, y.source),
      ...carriedAmounts(doc, views, y.year, y.source),
    ];
  },
});
