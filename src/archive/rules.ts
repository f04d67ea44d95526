/**
 * The cross-document rules: metas in the same shape as the single-document rules (so renderers, the
 * workbook and summaries show their Chinese names), and settling their drafts into findings. They run on
 * the archive index (src/archive/index.ts), not on one document, so they are not in checks/index.ts.
 */
import type { FindingDraft, RuleMeta } from "../model/rule.ts";
import type { Finding } from "../model/finding.ts";
import { type Config, DEFAULT_CONFIG } from "../model/config.ts";
import { resolveSeverity } from "../config/severity.ts";

export const copiedReport: RuleMeta<"copied" | "similar" | "duplicate-file"> = {
  id: "copied-report",
  severity: "error",
  title: "套用他单位报告",
  messages: {
    copied: {
      description: "与另一单位同年或往年报告的文字大比例相同（单位名称、年份、数字不计）",
      certainty: "certain",
    },
    similar: {
      description: "与另一单位报告的文字大比例相同或高度相似（含按相似度判定的段落）",
      certainty: "assumption",
    },
    "duplicate-file": { description: "与批次中另一文件内容完全相同（字节一致）", certainty: "certain" },
  },
  docs: {
    summary:
      "Across the batch: a report sharing more than half of its (non-template) text with another unit's report of the same or an earlier year, names, years and figures masked.",
    rationale:
      "A unit that reuses another unit's report with the names swapped has not evaluated its own spending. Passages found in the reports of three or more other units are template phrases (评价依据 lists) and do not count.",
    examples: [{
      title: "单独一份报告（跨报告规则需要在批量模式或 --compare 中与其他报告比对）",
      kind: "valid",
      doc: ["本单位2023年度部门整体支出绩效自评工作已按要求完成。"],
    }],
  },
};

export const copiedFromLastYear: RuleMeta<
  "reused-text" | "reused-similar" | "same-targets" | "unchanged-figures"
> = {
  id: "copied-from-last-year",
  severity: "warning",
  title: "沿用往年报告",
  messages: {
    "reused-text": {
      description: "与本单位往年报告的文字大比例相同（年份、数字不计）",
      certainty: "certain",
    },
    "reused-similar": {
      description: "与本单位往年报告的文字大比例相同或高度相似（含按相似度判定的段落）",
      certainty: "assumption",
    },
    "same-targets": { description: "绩效目标与往年报告完全相同（年份除外）", certainty: "certain" },
    "unchanged-figures": { description: "段落只改了年份，数字与往年报告完全相同", certainty: "assumption" },
  },
  docs: {
    summary:
      "Across the batch: the same unit's earlier report reused — the share of text reused, performance targets (绩效目标) identical across years, and passages where only the year changed but every figure stayed.",
    rationale:
      "A report carried over from last year with the year changed describes last year's work, not this year's; identical targets mean the targets were not set for the year.",
    examples: [{
      title: "单独一份报告（跨报告规则需要在批量模式或 --compare 中与其他报告比对）",
      kind: "valid",
      doc: ["2023年度绩效目标为完成培训120人次。"],
    }],
  },
};

export const crossYearFigure: RuleMeta<"differs"> = {
  id: "cross-year-figure",
  severity: "warning",
  title: "跨年度数据不一致",
  messages: {
    differs: {
      description: "报告所述上年（或往年）数据与本单位该年度报告不一致",
      certainty: "assumption",
    },
  },
  docs: {
    summary:
      "Across the batch: a figure a report gives for an earlier year (上年 / 2022年度 …) that differs from what the same unit's report for that year stated for the same subject.",
    rationale:
      "Last year's 三公经费 or staff count quoted this year should be last year's reported figure; a difference means one of the two reports is wrong. The subjects are matched by name, so the finding is a warning that states that assumption.",
    examples: [{
      title: "单独一份报告（跨报告规则需要在批量模式或 --compare 中与其他报告比对）",
      kind: "valid",
      doc: ["上年三公经费支出20.50万元。"],
    }],
  },
};

/** The metas of the cross-document rules, in report order. */
export const ARCHIVE_RULE_METAS: readonly RuleMeta[] = [copiedReport, copiedFromLastYear, crossYearFigure];
export const ARCHIVE_RULE_IDS: readonly string[] = ARCHIVE_RULE_METAS.map((m) => m.id);

/** A draft of a cross-document rule, with its rule id. */
export type ArchiveDraft = FindingDraft & { rule: string };

/** Drafts as findings: certainty and severity settled as src/audit.ts does, suppressions applied. */
export function settleArchive(drafts: ArchiveDraft[], config: Config = DEFAULT_CONFIG): Finding[] {
  const out: Finding[] = [];
  for (const d of drafts) {
    const meta = ARCHIVE_RULE_METAS.find((m) => m.id === d.rule);
    if (!meta) throw new Error(`unknown archive rule ${d.rule}`);
    const spec = meta.messages[d.messageId];
    if (!spec) throw new Error(`rule ${meta.id}: message "${d.messageId}" is not in meta.messages`);
    if (config.rules[meta.id] === "off") continue;
    const { rule: _rule, severity: drafted, certainty: given, messageId, ...rest } = d;
    const certainty = given ?? ("assumption" in d.details ? "assumption" : spec.certainty ?? "certain");
    const severity = resolveSeverity(config, meta, messageId, certainty, drafted);
    if (severity === "off") continue;
    const finding: Finding = { rule: meta.id, messageId, severity, certainty, ...rest };
    const s = config.suppress.find((x) =>
      x.rule === meta.id &&
      finding.evidence.some((e) => e.quote.includes(x.quote) || x.quote.includes(e.quote))
    );
    out.push(s ? { ...finding, suppressed: { reason: s.reason } } : finding);
  }
  return out;
}
