/** Layout draws: every choice is an independent draw, so a few dozen reports give a few dozen layouts. */
import type { Layout, QuestShape, ReportKind, UnitKind } from "./model.ts";
import type { Rng } from "./rng.ts";

const KINDS: [UnitKind, ReportKind][] = [
  ["dept", "zhengti"],
  ["dept", "zhengti"],
  ["dept", "xiangmu"],
  ["dept", "pingjia"],
  ["town", "zhengti"],
  ["town", "xiangmu"],
  ["street", "zhengti"],
  ["school", "zhengti"],
  ["school", "xiangmu"],
  ["hospital", "zhengti"],
  ["hospital", "xiangmu"],
  ["hospital", "pingjia"],
];

const QUEST: QuestShape[] = [
  "grouped-blank",
  "grouped-blank",
  "grouped-merged",
  "option-columns",
  "sentence",
  "none",
];

export function drawLayout(rng: Rng): Layout {
  const [unitKind, reportKind] = rng.pick(KINDS);
  const toc = rng.chance(0.6);
  return {
    unitKind,
    reportKind,
    heading: rng.pick(["word", "bold", "plain"] as const),
    toc,
    tocDeep: toc && rng.chance(0.5),
    titleLines: rng.chance(0.5) ? 2 : 1,
    table: rng.chance(0.5) ? "merged" : "blank",
    subtotals: reportKind !== "xiangmu" && rng.chance(0.6),
    tableInAnnex: rng.chance(0.5),
    quest: rng.pick(QUEST),
    money: unitKind === "hospital" || reportKind !== "zhengti"
      ? rng.pick(["wan", "yuan", "yi"] as const)
      : rng.pick(["wan", "wan", "yuan"] as const),
    fullWidth: rng.chance(0.25),
  };
}

/** A short signature naming every choice. */
export function layoutSignature(l: Layout): string {
  return [
    `${l.unitKind}-${l.reportKind}`,
    `h:${l.heading}`,
    `toc:${l.toc ? (l.tocDeep ? "deep" : "flat") : "no"}`,
    `title:${l.titleLines}`,
    `table:${l.table}${l.subtotals ? "+sub" : ""}${l.tableInAnnex ? "@annex" : "@body"}`,
    `quest:${l.quest}`,
    `money:${l.money}`,
    l.fullWidth ? "fw" : "ascii",
  ].join("|");
}
