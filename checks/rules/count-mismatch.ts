/**
 * count-mismatch: an enumerated list whose stated count differs from the items it lists
 * (设立A、B、C、D、E5个三级指标 with four names; “A”“B”“C”的“4个…” with three). Lists ending in 等 are
 * not checkable and are left alone.
 */
import type { Document } from "../../src/model/document.ts";
import type { FindingDraft, Rule } from "../../src/model/rule.ts";
import { clip, evidence } from "../../src/analysis/evidence.ts";
import { normalizeWidth, parseChineseNumeral } from "../../src/extract/numbers.ts";

const NUM = "[0-9０-９]+|[一二三四五六七八九十两]+";

/** “A”“B”“C”的“N个…” — quoted items directly before a quoted or plain count. */
const QUOTED_LIST = new RegExp(`((?:[“"][^”"]{1,20}[”"][、，]?){2,})(等)?(?:的|共)?[“"]?(${NUM})个`, "g");

/** 设立A、B和C3个二级指标 — a verb, items separated by 、, then the count. */
const ENUMERATION = new RegExp(
  `(?:设立|设置|设有|包括|包含|分为|涵盖|分设)([^，。；：:]{2,300}?)(等)?(?:共|合计)?(${NUM})(?:个|项|类|方面)`,
  "g",
);

function toInt(s: string): number | undefined {
  const t = normalizeWidth(s);
  if (/^[0-9]+$/.test(t)) return Number(t);
  return parseChineseNumeral(t);
}

interface Claim {
  start: number;
  end: number;
  stated: number;
  /** The item count, or a range when 和/及/与 inside items may or may not separate items. */
  min: number;
  max: number;
  items: string[];
}

function quotedClaims(text: string): Claim[] {
  const out: Claim[] = [];
  for (const m of text.matchAll(QUOTED_LIST)) {
    if (m[2]) continue; // …等N个: the list is not complete
    const stated = toInt(m[3]);
    const items = [...m[1].matchAll(/[“"]([^”"]+)[”"]/g)].map((x) => x[1]);
    if (stated === undefined) continue;
    out.push({
      start: m.index!,
      end: m.index! + m[0].length,
      stated,
      min: items.length,
      max: items.length,
      items,
    });
  }
  return out;
}

function enumerationClaims(text: string): Claim[] {
  const out: Claim[] = [];
  for (const m of text.matchAll(ENUMERATION)) {
    if (m[2]) continue;
    const stated = toInt(m[3]);
    const items = m[1].split("、").map((s) => s.trim());
    if (stated === undefined || items.length < 2 || items.some((s) => s === "" || s.length > 40)) continue;
    // 和/及/与 may join two items ("A、B和C") or sit inside one ("制度健全性及执行情况"): allow both readings.
    const joiners = items.reduce((n, s) => n + (s.match(/[和及与]/g)?.length ?? 0), 0);
    out.push({
      start: m.index!,
      end: m.index! + m[0].length,
      stated,
      min: items.length,
      max: items.length + joiners,
      items,
    });
  }
  return out;
}

function checkCounts(doc: Document): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "table") continue;
    for (const c of [...quotedClaims(b.text), ...enumerationClaims(b.text)]) {
      if (c.stated >= c.min && c.stated <= c.max) continue;
      const counted = c.min === c.max ? `${c.min}` : `${c.min}至${c.max}`;
      out.push({
        message: `文中称“${c.stated}个”，但列举了${counted}项（${c.items.map((i) => `“${i}”`).join("")}）。`,
        messageId: "count",
        hint: "核对列举的项目与所述数量，补齐遗漏的项目或改正数量。",
        evidence: [evidence(doc, b.index, clip(b.text, c.start, c.end, 120))],
        details: { stated: c.stated, computed: counted, items: c.items },
      });
    }
  }
  return out;
}

export const countMismatch: Rule = {
  meta: {
    id: "count-mismatch",
    severity: "warning",
    title: "列举数量不符",
    messages: { count: { description: "所述数量与列举项数不符" } },
    docs: {
      summary:
        "A stated count (N个…) that differs from the number of items listed; lists ending in 等 are skipped.",
      rationale:
        "When the count and the list disagree, an item was dropped or the sentence was copied from " +
        "another context; either way the claim cannot be verified as written.",
      examples: [
        {
          title: "称4个但只列了3项",
          kind: "invalid",
          messageId: "count",
          doc: ["构建“统筹”“协调”“督办”的“4个工作”新格局。"],
        },
        {
          title: "数量与列举一致",
          kind: "valid",
          doc: ["构建“统筹”“协调”“督办”的“3个工作”新格局。"],
        },
      ],
    },
  },
  check: ({ doc }) => checkCounts(doc),
};
