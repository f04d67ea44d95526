/** What each comment says, in Chinese: one finding at one place, or the summary on the title. */
import type { Finding } from "../../model/finding.ts";
import {
  comparison,
  countFindings,
  SEVERITY_LABEL,
  sortFindings,
  SUPPRESSED_LABEL,
  truncate,
} from "../common.ts";

export const DEFAULT_REVIEW_AUTHOR = "绩效报告审核";

export interface FindingComment {
  number: number;
  /** Chinese rule name. */
  title: string;
  /** Numbers of the comments on the finding's other places. */
  others: number[];
  /** Where those other comments are (section › 第N段“…”), in the same order, when known. */
  otherPlaces?: (string | undefined)[];
  /** Where this comment's quote is, named as Word shows it (said when the comment could not sit on it). */
  place?: string;
  note?: string;
  quote: string;
}

export function findingLines(f: Finding, c: FindingComment): string[] {
  const head = `【批注${c.number}】${SEVERITY_LABEL[f.severity]} · ${c.title} [${f.rule}]` +
    (f.suppressed ? `（${SUPPRESSED_LABEL}：${f.suppressed.reason}）` : "");
  const lines = [head, f.message];
  const { stated, computed, formula } = comparison(f);
  const values = [
    stated !== undefined ? `文中所述：${stated}` : "",
    computed !== undefined ? `核算结果：${computed}` : "",
    formula !== undefined ? `计算方法：${formula}` : "",
  ].filter(Boolean);
  if (values.length) lines.push(values.join("；"));
  if (f.hint) lines.push(`修改建议：${f.hint}`);
  if (c.others.length) {
    const other = (n: number, i: number) => {
      const where = c.otherPlaces?.[i];
      return where ? `批注${n}（${where}）` : `批注${n}`;
    };
    lines.push(`另见${c.others.map(other).join("、")}`);
  }
  if (c.note) lines.push(`${c.note}${c.place ? `位置：${c.place}；` : ""}引文：“${truncate(c.quote, 80)}”`);
  return lines;
}

/** The summary on the title: counts by severity and the three most serious findings. */
export function summaryLines(
  number: number,
  findings: Finding[],
  titleOf: (rule: string) => string,
  firstComment: (f: Finding) => number | undefined,
): string[] {
  const c = countFindings(findings);
  const total = c.error + c.warning + c.info;
  const lines = [`【批注${number}】审核摘要`];
  if (total === 0 && c.suppressed === 0) return [...lines, "未发现问题。"];
  lines.push(
    `共发现问题 ${total} 条：错误 ${c.error} 条，警告 ${c.warning} 条，提示 ${c.info} 条` +
      (c.suppressed ? `；另有${SUPPRESSED_LABEL} ${c.suppressed} 条（已批注，不计入）。` : "。"),
  );
  const top = sortFindings(findings).filter((f) => !f.suppressed).slice(0, 3);
  if (top.length) {
    lines.push("最需关注的问题：");
    top.forEach((f, i) => {
      const n = firstComment(f);
      lines.push(
        `${i + 1}. ${SEVERITY_LABEL[f.severity]} · ${titleOf(f.rule)}：${f.message}` +
          (n ? `（见批注${n}）` : ""),
      );
    });
  }
  return lines;
}
