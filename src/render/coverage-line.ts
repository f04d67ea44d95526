/** One line of coverage for a reviewer: how many figure claims were recomputed, how many could not be. */
import type { DocumentResult } from "../model/report.ts";

type Coverage = NonNullable<DocumentResult["meta"]["coverage"]>;

const REASON_LABEL: Record<string, string> = {
  "list-etc": "列举以“等”结尾",
  "list-incomplete": "列举不完整",
  "approximate": "含约数",
  "rate-without-inputs": "比率缺少分子或分母",
  "change-without-inputs": "增减率缺少对比数据",
  "total-without-parts": "合计无分项",
};

export function coverageLine(c: Coverage): string {
  const reasons = Object.entries(c.reasons)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${REASON_LABEL[r] ?? r}${n}处`)
    .join("、");
  return `数字核对：已核对${c.checked}处，无法核对${c.unchecked}处${reasons ? `（${reasons}）` : ""}`;
}
