import type { Rule } from "../model/rule.ts";

/** Terminal columns a string takes: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 2 : 1;
  return w;
}

function padDisplay(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

/** The summary's first sentence (the whole of it is in docs/rules.md). */
function firstSentence(s: string): string {
  const m = /^(.+?[.:;])(\s|$)/.exec(s);
  return m ? m[1].replace(/[:;]$/, ".") : s;
}

const SEVERITY_ZH: Record<string, string> = { error: "错误", warning: "警告", info: "提示" };

/**
 * One line a rule, for reviewers: the Chinese name with the English id beside it (「重复段落（duplicate-paragraph）」),
 * the default severity in Chinese, and the one-line summary.
 */
export function listRules(
  rules: { meta: Pick<Rule["meta"], "id" | "title" | "severity" | "docs"> }[],
): string {
  const names = rules.map((r) => `${r.meta.title}（${r.meta.id}）`);
  const width = Math.max(displayWidth("规则"), ...names.map(displayWidth));
  const head = `${padDisplay("规则", width)}  默认级别  说明`;
  const lines = rules.map((r, i) =>
    `${padDisplay(names[i], width)}  ${padDisplay(SEVERITY_ZH[r.meta.severity] ?? r.meta.severity, 8)}  ${
      firstSentence(r.meta.docs.summary)
    }`
  );
  return [head, ...lines].join("\n") + "\n";
}
