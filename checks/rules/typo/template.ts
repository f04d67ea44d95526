/**
 * Template leftovers: placeholders (XXX, ×××, ＿＿ inside a sentence), bracketed instructions of the form
 * (【请填写…】, （1500字以内）, （此处…）), and a 文号 without its serial number (〔2023〕号).
 */
import type { TypoHit } from "./types.ts";

interface TemplatePattern {
  id: string;
  regex: RegExp;
  /** A character every match contains: the regex runs only on a text that has one. */
  needs: RegExp;
  what: string;
}

const INSTRUCTION =
  "此处(?:填写|填报|插入|粘贴|请)|请(?:填写|填报|根据|按|在|简要|结合|说明|列明|对照|选择|补充)|填写|填报说明|根据实际(?:情况)?" +
  "(?:填写|调整|修改)|示例|模板|范本|选填|必填";

export const TEMPLATE_PATTERNS: TemplatePattern[] = [
  {
    id: "placeholder-x",
    // XXX / ××× / ＸＸ / xxx / **, not part of a Latin word or a formula.
    regex: /(?<![A-Za-z0-9])(?:X{2,}|Ｘ{2,}|x{3,}|×{2,}|\*{2,}|＊{2,})(?![A-Za-z0-9])/gu,
    needs: /[XxＸ×*＊]/,
    what: "占位符",
  },
  {
    id: "placeholder-blank",
    // A fill-in blank inside a sentence (共____万元); a signature line after a colon is left alone.
    regex: /(?<=[\p{Script=Han}\d])(?<![：:])(?:_{2,}|＿{2,})(?=\s*[\p{Script=Han}])/gu,
    needs: /[_＿]/,
    what: "未填写的空格",
  },
  {
    id: "missing-value",
    // (≥米): a target with its comparison sign and unit but no number.
    regex: /[≥≤＞＜>]\s*(?:平方米|立方米|米|公里|万元|元|个|人|户|吨|亩|[%％])/gu,
    needs: /[≥≤＞＜>]/,
    what: "未填写的指标值",
  },
  {
    id: "word-limit",
    regex: /[（(]\s*(?:限|不超过|不少于)?\s*[0-9０-９]+\s*字(?:以内|左右|以下|以上)?\s*[）)]/gu,
    needs: /字/,
    what: "字数要求说明",
  },
  {
    id: "instruction",
    regex: new RegExp(`[（(【\\[［]\\s*(?:${INSTRUCTION})[^（）()【】\\[\\]［］]{0,40}[）)】\\]］]`, "gu"),
    needs: /[（(【\[［]/,
    what: "模板填写说明",
  },
  {
    id: "document-number-blank",
    regex: /[〔［\[]\s*(?:19|20)\d\d\s*[〕］\]]\s*号/gu,
    needs: /号/,
    what: "缺少序号的文号",
  },
];

/** `exhaustive` skips the prefilters (the reference they are tested against). */
export function findTemplateLeftovers(text: string, opts: { exhaustive?: boolean } = {}): TypoHit[] {
  const out: TypoHit[] = [];
  for (const p of TEMPLATE_PATTERNS) {
    if (!opts.exhaustive && !p.needs.test(text)) continue;
    for (const m of text.matchAll(p.regex)) {
      out.push({
        start: m.index!,
        end: m.index! + m[0].length,
        wrong: m[0],
        right: "",
        kind: "template",
        pattern: `template-${p.id}`,
        message: `“${m[0]}”是模板${p.what}，未替换或删除。`,
        hint: p.id === "document-number-blank" ? "补全文号的序号。" : `按实际内容填写，或删除“${m[0]}”。`,
      });
    }
  }
  return out;
}
