/**
 * Balance identities stated in prose: 净资产 = 资产 − 负债, and 资产 ≥ Σ the asset classes the text lists
 * (流动资产, 固定资产, 无形资产, 在建工程…). The classes a text lists may not be all of them, so only a sum
 * exceeding the total is reported, unless the extractor already read the list as a part-whole relation.
 */
import type { Document } from "../../../src/model/document.ts";
import type { Figure } from "../../../src/model/figure.ts";
import type { Total } from "./totals.ts";

type Account = "assets" | "liabilities" | "net" | "assetClass";

const TOTAL_SUFFIX = "(?:合计|总额|总计|总值|共计)?(?:为|是|达)?[：:]?$";
const NET = new RegExp(`净资产${TOTAL_SUFFIX}`);
const LIABILITIES = new RegExp(`负债${TOTAL_SUFFIX}`);
const ASSET_CLASS = new RegExp(
  `(?:流动资产|固定资产|无形资产|在建工程|长期投资|对外投资|其他资产)${TOTAL_SUFFIX}`,
);
const ASSETS = new RegExp(`(?<![净动定形他])资产${TOTAL_SUFFIX}`);

function accountOf(f: Figure): Account | undefined {
  if (f.unit !== "元") return undefined;
  const s = f.subject.replace(/\s+/g, "");
  if (NET.test(s)) return "net";
  if (LIABILITIES.test(s)) return "liabilities";
  if (ASSET_CLASS.test(s)) return "assetClass";
  if (ASSETS.test(s)) return "assets";
  return undefined;
}

/** Identities found among the money figures of each paragraph; `covered` are wholes already checked. */
export function balanceTotals(doc: Document, figures: Figure[], covered: Set<Figure>): Total[] {
  const byBlock = new Map<number, Figure[]>();
  for (const f of figures) {
    if (f.loc.table || doc.blocks[f.loc.block]?.kind !== "paragraph") continue;
    const list = byBlock.get(f.loc.block) ?? [];
    list.push(f);
    byBlock.set(f.loc.block, list);
  }
  const out: Total[] = [];
  for (const figs of byBlock.values()) {
    const of = (a: Account) => figs.filter((f) => accountOf(f) === a);
    const assets = of("assets"), liabilities = of("liabilities"), net = of("net"), classes = of("assetClass");
    if (assets.length !== 1) continue;
    const total = assets[0];
    if (liabilities.length === 1 && net.length === 1 && !covered.has(net[0])) {
      out.push({
        whole: net[0],
        terms: [{ figure: total, sign: 1 }, { figure: liabilities[0], sign: -1 }],
        quote: net[0].quote,
        loc: net[0].loc,
        what: "资产减负债",
        certain: true,
      });
    }
    if (classes.length >= 2 && !covered.has(total)) {
      out.push({
        whole: total,
        terms: classes.map((figure) => ({ figure, sign: 1 as const })),
        quote: total.quote,
        loc: total.loc,
        what: "各类资产之和",
        certain: true,
        onlyExcess: true,
      });
    }
  }
  return out;
}
