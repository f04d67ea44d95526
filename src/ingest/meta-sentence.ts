/**
 * The unit as the report's sentences name it: "某会计师事务所（以下简称“我所”）", or the overview sentence
 * "某县某局是…" in a report that calls itself 我局/本单位; and the wording of a third-party report.
 */
import { asUnit, leadingUnit, squeeze } from "./meta-unit.ts";
import { EVALUATOR_BODY, SELF_REFERENCE, SUBJECT_PREDICATES, THIRD_PARTY } from "./meta-vocab.ts";

const ALIAS = new RegExp(
  `([\\u4e00-\\u9fa5（）()]{3,60})[（(]以下简称[“"‘']?(?:${SELF_REFERENCE.source})[”"’']?[）)]`,
);

/** "…，某事务所（以下简称“我所”）" → 某事务所 (a self-alias only: 我… or 本…). */
export function aliasUnit(text: string): string | null {
  const m = ALIAS.exec(squeeze(text));
  if (!m) return null;
  const name = m[1].replace(/^.*委托/, "");
  // the longest tail of the run that reads as a unit ("受某局委托某所" → "某所")
  for (let k = Math.max(0, name.length - 40); k < name.length - 2; k++) {
    const u = asUnit(name.slice(k));
    if (u) return u;
  }
  return null;
}

/** Suffixes the report's self-references allow (单位/部门 allow any); empty when it never names itself. */
export function selfReferences(text: string): Set<string> {
  return new Set([...text.matchAll(SELF_REFERENCE)].map((m) => m[1]));
}

const SCHOOL = /(?:校|学|园)$/;

/** Whether a unit's name fits the report's self-references (我局 fits 某县某局; 我校 fits 某县某中学). */
export function compatible(unit: string, refs: Set<string>): boolean {
  const core = unit.replace(/[（(][^（）()]*[）)]$/, "");
  for (const r of refs) {
    if (r === "单位" || r === "部门") return true;
    if (r === "校" ? SCHOOL.test(core) : core.endsWith(r)) return true;
  }
  return false;
}

/**
 * The unit named as the subject of a paragraph ("某县某局是主管…的工作部门", "某中心主要负责…") when the report
 * refers to itself with a matching 我局/本中心/我单位: the overview sentence describing the unit itself.
 */
export function subjectUnit(paragraphs: string[], refs: Set<string>): string | null {
  if (refs.size === 0) return null;
  for (const p of paragraphs) {
    const t = squeeze(p).replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]?/, "");
    const u = leadingUnit(t);
    if (!u || !compatible(u, refs)) continue;
    const rest = t.slice(u.length);
    if (SUBJECT_PREDICATES.some((w) => rest.startsWith(w))) return u;
  }
  return null;
}

const EVALUATOR_FIELD = /(?:评价机构|评价单位|第三方评价机构)[：:]([^\s，,。；;|｜]{3,40})/;

/**
 * Whether the text reads as written by a third party: "受某局委托", "委托单位：", "以下简称“我所”", or a
 * 评价机构 field naming a firm or institute (not the unit's own 自评小组).
 */
export function thirdPartyWording(text: string): boolean {
  const t = squeeze(text);
  if (THIRD_PARTY.test(t)) return true;
  const m = EVALUATOR_FIELD.exec(t);
  return !!m && !m[1].includes("自评") && EVALUATOR_BODY.test(asUnit(m[1]) ?? "");
}
