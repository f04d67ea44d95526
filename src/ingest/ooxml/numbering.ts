/**
 * word/numbering.xml and the list counters: renders the label Word shows in front of an auto-numbered
 * paragraph ("一、", "（1）", "①", "1.2."). Counters belong to the abstract list, so paragraphs using
 * different w:num of one w:abstractNum continue each other, except where a w:num restarts a level
 * (w:startOverride, applied at its first use) — which is how Word's "restart numbering" is stored.
 */
import { parseXml } from "./xml.ts";
import { attr, nameNormaliser } from "./names.ts";
import { formatNumber } from "./numfmt.ts";

interface Level {
  start: number;
  fmt: string;
  text: string;
  isLgl: boolean;
}

interface Num {
  abstractId: string;
  startOverrides: Map<number, number>;
}

export class Numbering {
  private readonly counters = new Map<string, number[]>();
  private readonly usedNums = new Set<string>();

  constructor(
    private readonly abstracts = new Map<string, Map<number, Level>>(),
    private readonly nums = new Map<string, Num>(),
  ) {}

  /** Advance the counter of (numId, ilvl) and return the rendered label; undefined for bullets/none. */
  next(numId: string, ilvl: number): string | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const levels = this.abstracts.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!levels || !level) return undefined;
    let counts = this.counters.get(num.abstractId);
    if (!counts) this.counters.set(num.abstractId, counts = []);
    if (!this.usedNums.has(numId)) {
      this.usedNums.add(numId);
      for (const [l, start] of num.startOverrides) counts[l] = start - 1;
    }
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
    counts.length = ilvl + 1; // deeper levels restart after this item
    if (level.fmt === "bullet") return undefined;
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lv = levels.get(l);
      const n = counts![l] ?? lv?.start ?? 1;
      return formatNumber(n, level.isLgl ? "decimal" : lv?.fmt ?? "decimal") ?? "";
    });
    return label === "" ? undefined : label;
  }
}

export function parseNumbering(bytes: Uint8Array | undefined, file: string): Numbering {
  if (!bytes) return new Numbering();
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, Num>();
  let abstract: Map<number, Level> | undefined;
  let level: Level | undefined;
  let num: Num | undefined;
  let overrideLvl = -1;
  let norm = (n: string) => n;
  let first = true;
  let skip = 0;
  parseXml(bytes, "word/numbering.xml", file, {
    open(raw, a) {
      if (first) (norm = nameNormaliser(a), first = false);
      if (skip) return void skip++;
      const name = norm(raw);
      switch (name) {
        case "w:abstractNum":
          abstracts.set(attr(a, "abstractNumId") ?? "", abstract = new Map());
          break;
        case "w:lvl":
          if (num) return void (skip = 1); // a full level override inside w:num: not supported, ignore
          level = { start: 1, fmt: "decimal", text: "", isLgl: false };
          abstract?.set(Number(attr(a, "ilvl") ?? 0), level);
          break;
        case "w:start":
          if (level) level.start = Number(attr(a, "val") ?? 1);
          break;
        case "w:numFmt":
          if (level) level.fmt = attr(a, "val") ?? "decimal";
          break;
        case "w:lvlText":
          if (level) level.text = attr(a, "val") ?? "";
          break;
        case "w:isLgl":
          if (level) level.isLgl = attr(a, "val") !== "0" && attr(a, "val") !== "false";
          break;
        case "w:num":
          num = { abstractId: "", startOverrides: new Map() };
          nums.set(attr(a, "numId") ?? "", num);
          break;
        case "w:abstractNumId":
          if (num) num.abstractId = attr(a, "val") ?? "";
          break;
        case "w:lvlOverride":
          overrideLvl = Number(attr(a, "ilvl") ?? 0);
          break;
        case "w:startOverride":
          if (num && overrideLvl >= 0) num.startOverrides.set(overrideLvl, Number(attr(a, "val") ?? 1));
          break;
        default:
          if (name.endsWith("Change")) skip = 1;
      }
    },
    close(raw) {
      if (skip) return void skip--;
      const name = norm(raw);
      if (name === "w:abstractNum") abstract = undefined;
      else if (name === "w:lvl") level = undefined;
      else if (name === "w:num") num = undefined;
      else if (name === "w:lvlOverride") overrideLvl = -1;
    },
    text() {},
  });
  return new Numbering(abstracts, nums);
}
