/**
 * Definitional identities of budget accounts stated across a report: 支出 = 基本支出 + 项目支出 (基本支出 =
 * 人员经费 + 公用经费, 收入 = the sources stated) for the same
 * fund (the same qualifier before the account name: 一般公共预算财政拨款, 财政拨款, …). The total and its
 * parts often sit in different paragraphs (the total first, then 1.基本支出 / 2.项目支出), so the check
 * assumes they describe the same scope and says so: a warning, never an error.
 */
import type { Figure } from "../../../src/model/figure.ts";
import type { Total } from "./totals.ts";

interface Identity {
  /** Account names of the total (after the qualifier). */
  total: readonly string[];
  /** Account names of the parts, each of which must be stated once. */
  parts: readonly string[];
  /**
   * Parts by source that a report states only when it has them (收入 by source: 上级补助收入, 事业收入 …):
   * those stated are added, at least `minOptional` must be; optional.
   */
  optional?: readonly string[];
  minOptional?: number;
  /** Total names that say "total" by themselves (收入合计): no fund qualifier needed before them. */
  bareTotals?: readonly string[];
}

/** The budget identities, as data: another template's accounts are a change here. */
export const BUDGET_IDENTITIES: readonly Identity[] = [
  {
    total: ["支出", "总支出", "支出合计", "支出总额", "支出总计"],
    bareTotals: ["总支出", "支出合计", "支出总额", "支出总计"],
    parts: ["基本支出", "项目支出"],
  },
  { total: ["基本支出"], bareTotals: ["基本支出"], parts: ["人员经费", "公用经费"] },
  {
    total: ["收入合计", "总收入", "收入总额", "收入总计"],
    bareTotals: ["收入合计", "总收入", "收入总额", "收入总计"],
    parts: ["财政拨款收入"],
    optional: ["上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
    minOptional: 1,
  },
];

/** Leading words that say who speaks, not which fund: 我局, 本单位, 全年, 年度. */
const SPEAKER =
  /^(?:我|本)(?:单位|部门|局|委|办|院|校|中心|所|站|镇|乡|街道)|^(?:全年|年度|本年|当年|(?:19|20)\d{2}年度?)/;

const NUMBERING =
  /^(?:[（(][0-9０-９一二三四五六七八九十]{1,3}[）)]|[0-9０-９一二三四五六七八九十]{1,3}[.．、])/;

function qualifierAndAccount(subject: string, accounts: readonly string[]): [string, string] | undefined {
  const s = subject.replace(/\s+/g, "");
  const account = accounts.filter((a) => s.endsWith(a)).sort((a, b) => b.length - a.length)[0];
  if (!account) return undefined;
  // A numbering marker (1.基本支出, （二）项目支出) says where the account is listed, not which fund.
  let q = s.slice(0, s.length - account.length).replace(NUMBERING, "");
  for (let i = 0; i < 2; i++) q = q.replace(SPEAKER, "");
  return [q, account];
}

/** One value per (qualifier, account), or nothing when the document states several different ones. */
function statedOnce(figures: Figure[], accounts: readonly string[]): Map<string, Figure> {
  const seen = new Map<string, Figure | null>();
  for (const f of figures) {
    if (f.unit !== "元" || f.approx !== "exact" || f.range || f.loc.table) continue;
    // The phrase as written keeps 合计 (收入合计), which the subject drops.
    const qa = (f.subjectRaw ? qualifierAndAccount(f.subjectRaw, accounts) : undefined) ??
      qualifierAndAccount(f.subject, accounts);
    // Parts must end exactly in a part name: 项目支出 inside 其他项目支出 is not the account.
    if (!qa) continue;
    const key = qa.join("|");
    const prev = seen.get(key);
    if (prev === undefined) seen.set(key, f);
    else if (prev && prev.value !== f.value) seen.set(key, null);
  }
  const out = new Map<string, Figure>();
  for (const [k, f] of seen) if (f) out.set(k, f);
  return out;
}

export function budgetIdentityTotals(figures: Figure[], covered: Set<Figure>): Total[] {
  const out: Total[] = [];
  for (const id of BUDGET_IDENTITIES) {
    const totals = statedOnce(figures, id.total);
    const parts = statedOnce(figures, [...id.parts, ...(id.optional ?? [])]);
    for (const [key, whole] of totals) {
      const [q, account] = key.split("|");
      if (covered.has(whole) || (q.length < 2 && !(q === "" && id.bareTotals?.includes(account)))) continue;
      const terms = id.parts.map((p) => parts.get(`${q}|${p}`));
      if (terms.some((t) => !t)) continue;
      const extra = (id.optional ?? []).flatMap((p) => parts.get(`${q}|${p}`) ?? []);
      if (extra.length < (id.minOptional ?? 0)) continue;
      const figs = [...terms as Figure[], ...extra];
      if (figs.some((f) => f.year !== whole.year && f.year !== undefined && whole.year !== undefined)) {
        continue;
      }
      out.push({
        whole,
        terms: figs.map((figure) => ({ figure, sign: 1 as const })),
        quote: whole.quote,
        loc: whole.loc,
        what: `${
          figs.map((f) => qualifierAndAccount(f.subject, [...id.parts, ...(id.optional ?? [])])![1]).join(
            "与",
          )
        }之和`,
        certain: false,
        assumption: `已假设${
          figs.map((f) => f.subject).join("、")
        }与${whole.subject}为同一口径（同一资金、同一年度）${
          id.optional ? "，且文中所列收入来源即全部来源" : ""
        }`,
      });
    }
  }
  return out;
}
