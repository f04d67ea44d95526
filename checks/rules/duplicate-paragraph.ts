/** duplicate-paragraph: the same (or nearly the same) paragraph at several places of one document. */
import type { FindingDraft, Rule } from "../../src/model/rule.ts";
import { h } from "../../src/testing/doc-spec.ts";
import type { Severity } from "../../src/model/finding.ts";
import { charCount } from "../../src/analysis/text/chars.ts";
import { similarPairs } from "../../src/analysis/text/shingles.ts";
import { evidenceOf, placeOf, quotePrefix, type TextUnit } from "../../src/analysis/text/units.ts";

/** Paragraphs shorter than this (normalised characters) are not compared: stock phrases repeat legitimately. */
export const MIN_PARAGRAPH_CHARS = 30;

/**
 * Work cap for template-like repetition: each paragraph is compared with at most this many earlier ones per
 * rare shingle it holds (see similarPairs). Only documents with hundreds of near-identical paragraphs reach it.
 */
const MAX_POSTINGS = 256;

/** A note under a table or figure (注：以上数据来源于…, 数据来源：…): boilerplate that repeats with each table. */
const TABLE_NOTE = /^\s*(?:注|备注|数据来源|资料来源)\s*[0-9０-９]?\s*[:：]/;

type MessageId =
  | "body-across-sections"
  | "body-within-section"
  | "annex-repeats-body"
  | "annex-repeats-annex"
  | "same-table";

interface Candidate {
  unit: TextUnit;
  norm: string;
}

export const duplicateParagraph: Rule = {
  meta: {
    id: "duplicate-paragraph",
    severity: "warning",
    title: "重复段落",
    messages: {
      "body-across-sections": { description: "正文不同部分之间段落重复" },
      "body-within-section": { description: "正文同一部分内段落重复" },
      "annex-repeats-body": { description: "附件重复正文段落" },
      "annex-repeats-annex": { description: "附件之间段落重复" },
      "same-table": { description: "同一表格中单元格内容重复" },
    },
    docs: {
      summary:
        "Paragraphs (and long table cells) repeated in the document, exactly or nearly: whitespace, punctuation, " +
        "full-width forms and a leading numbering marker (with a short run-in heading) are ignored; near copies " +
        "have a Jaccard similarity of character 3-gram shingles ≥ nearDuplicateThreshold (default 0.85). " +
        "Paragraphs under 30 characters, titles, table-of-contents lines and notes under tables (注：…, " +
        "数据来源：…) are skipped. All copies of one " +
        "text are one finding: warning when the body repeats itself, info when an annex repeats the body.",
      rationale:
        "Copy-paste between sections (targets copied from results, analysis copied from the work summary) " +
        "means a section was not written for its purpose; reviewers ask for it to be rewritten.",
      examples: [
        {
          title: "绩效目标照抄工作完成情况",
          kind: "invalid",
          messageId: "body-across-sections",
          doc: [
            h(1, "一、部门工作完成情况"),
            "一是开展就业帮扶，组织专场招聘会，帮助农村劳动力实现转移就业，全年完成培训任务并通过验收。",
            h(1, "二、绩效目标"),
            "一是开展就业帮扶，组织专场招聘会，帮助农村劳动力实现转移就业，全年完成培训任务并通过验收。",
          ],
        },
        {
          title: "各部分分别撰写",
          kind: "valid",
          doc: [
            h(1, "一、部门工作完成情况"),
            "一是开展就业帮扶，组织专场招聘会，帮助农村劳动力实现转移就业，全年完成培训任务并通过验收。",
            h(1, "二、绩效目标"),
            "年初设定的目标为组织招聘会不少于十场，培训合格率达到百分之九十以上，群众满意度不低于九成。",
          ],
        },
      ],
    },
  },
  check({ config, views }) {
    const candidates: Candidate[] = [];
    for (const unit of views.textUnits) {
      if (unit.text.length < MIN_PARAGRAPH_CHARS) continue; // normalising only shortens
      if (!unit.table && TABLE_NOTE.test(unit.text)) continue; // 注：… under each table repeats legitimately
      const norm = views.body(unit);
      if (charCount(norm) >= MIN_PARAGRAPH_CHARS) candidates.push({ unit, norm });
    }
    // Exact copies first (one representative per normalised text), then near copies between representatives.
    const reps: string[] = [];
    const repUnits: TextUnit[] = [];
    const repOf = new Map<string, number>();
    const members: number[][] = [];
    candidates.forEach((c, i) => {
      let r = repOf.get(c.norm);
      if (r === undefined) {
        r = reps.length;
        repOf.set(c.norm, r);
        reps.push(c.norm);
        repUnits.push(c.unit);
        members.push([]);
      }
      members[r].push(i);
    });
    const parent = reps.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    const minSim = reps.map(() => 1);
    for (
      const p of similarPairs(
        repUnits.map((u) => views.bodyShingles(u)),
        config.nearDuplicateThreshold,
        MAX_POSTINGS,
      )
    ) {
      const [a, b] = [find(p.a), find(p.b)];
      const sim = Math.min(minSim[a], minSim[b], p.similarity);
      if (a !== b) parent[b] = a;
      minSim[find(a)] = sim;
    }
    const groups = new Map<number, number[]>();
    reps.forEach((_, r) => {
      const root = find(r);
      const group = groups.get(root);
      if (group) { for (const m of members[r]) group.push(m); }
      else groups.set(root, [...members[r]]);
    });
    const findings: FindingDraft[] = [];
    for (const [root, idx] of groups) {
      if (idx.length < 2) continue;
      const units = idx.sort((a, b) => a - b).map((i) => candidates[i].unit);
      findings.push(describe(units, minSim[root]));
    }
    return findings.sort((a, b) => a.evidence[0].block - b.evidence[0].block);
  },
};

/** Section titles that state targets (目标, but not 目标任务完成情况), and those that report results. */
const isTarget = (u: TextUnit) =>
  u.path.split(" › ").some((t) => /目标/.test(t) && !/完成|实现|情况/.test(t));
const isResult = (u: TextUnit) => /完成情况|绩效分析|主要绩效|成效|工作开展/.test(u.path);

function describe(units: TextUnit[], similarity: number): FindingDraft {
  const body = units.filter((u) => !u.annex);
  const annex = units.filter((u) => u.annex);
  const tables = new Set(units.map((u) => (u.table ? `${u.block}` : "")));
  const sameTable = tables.size === 1 && !tables.has("");
  const places = units.map(placeOf);
  const head = `「${quotePrefix(units[0].text, 30)}${charCount(units[0].text.trim()) > 30 ? "…" : ""}」`;
  const how = similarity >= 1 ? "内容相同" : `内容高度相似（相似度${Math.round(similarity * 100)}%）`;
  let severity: Severity;
  let kind: MessageId;
  let message: string;
  let hint: string;
  if (sameTable) {
    severity = "info";
    kind = "same-table";
    message = `同一表格中有${units.length}个单元格${how}：${head}，位置：${
      places.join("、")
    }。请核实各指标的说明是否确应相同。`;
    hint = "各指标的解释、评分细则应分别针对该指标撰写；确属相同的可保留。";
  } else if (body.length >= 2) {
    severity = "warning";
    const tops = [...new Set(body.map((u) => u.top))];
    kind = tops.length > 1 ? "body-across-sections" : "body-within-section";
    const across = tops.length > 1
      ? `正文不同部分之间重复（${tops.map((t) => `「${t || "正文前部"}」`).join("与")}）`
      : "正文同一部分内重复";
    const targetCopied = body.some(isTarget) && body.some((u) => !isTarget(u) && isResult(u));
    message = `段落${head}在文中出现${units.length}次，${how}，属${across}：${places.join("、")}。` +
      (targetCopied
        ? "绩效目标部分与工作完成情况/绩效分析部分表述相同，绩效目标疑似根据完成结果倒推填写。"
        : "") +
      (annex.length ? `其中${annex.length}处位于附件。` : "");
    hint = targetCopied
      ? "绩效目标应按年初设定（预算批复时）的目标和指标值填写，不应照抄完成情况；其他部分请结合本部分要求重新撰写或改为引用。"
      : "请按各部分的用途分别撰写，确需引用的内容请概括并注明出处，避免整段复制。";
  } else {
    severity = "info";
    kind = body.length === 1 ? "annex-repeats-body" : "annex-repeats-annex";
    message = body.length === 1
      ? `附件摘要重复正文：段落${head}在正文${placeOf(body[0])}与附件${annex.map(placeOf).join("、")}${how}。`
      : `附件之间重复：段落${head}在${places.join("、")}${how}。`;
    hint = "附件如需说明正文内容，请概括或注明“详见正文”，避免整段照搬。";
  }
  return {
    messageId: kind,
    severity,
    message,
    hint,
    evidence: units.map((u) => evidenceOf(u, quotePrefix(u.text))),
    details: {
      copies: units.length,
      similarity: Math.round(similarity * 1000) / 1000,
      exact: similarity >= 1,
      locations: units.map((u) => ({
        section: u.path,
        block: u.block,
        ...(u.table ? { table: u.table } : {}),
      })),
    },
  };
}
