/**
 * count-mismatch: a stated count (N个/N项/N类/三大…, Arabic or Chinese numerals) that differs from the list
 * it introduces or closes — a 、 or ；-list after a colon or 分别为 (or opening the next sentence: 。分别是…),
 * a bracketed list, 一是…二是…, （1）…（2）…,
 * numbered paragraphs under the claim, names listed before the count (A、B、C三个乡镇), quoted names before a
 * quoted count. The lists are read by the `countClaims` view (src/analysis/enumeration.ts). Lists ending in
 * 等 are not checkable and are left alone; items joined by 和/及/与 count as one item or two. The same count
 * and list copied into several places is one finding with every place.
 */
import type { Document } from "../../src/model/document.ts";
import type { Evidence } from "../../src/model/finding.ts";
import { defineRule, type FindingDraft } from "../../src/model/rule.ts";
import { clip, evidence } from "../../src/analysis/evidence.ts";
import {
  claimStatus,
  type CountClaim,
  type Enumeration,
  type EnumerationForm,
} from "../../src/analysis/enumeration.ts";

interface CountDetails {
  stated: number;
  /** The number of items listed, or a range ("3至4") when 和/及/与 may join items or sit inside one. */
  computed: string;
  items: string[];
  form: EnumerationForm;
  /** How many places state the same count and list. */
  places: number;
  assumption?: string;
  [k: string]: unknown;
}

type Details = { count: CountDetails; "etc-exceeds": CountDetails };

/** The list that best shows the mismatch: the most direct form, clearly delimited first. */
const FORM_ORDER: EnumerationForm[] = [
  "quoted",
  "parenthesized",
  "following",
  "markers",
  "preceding",
  "paragraphs",
];

function bestList(c: CountClaim): Enumeration {
  return [...c.enumerations].sort((a, b) =>
    Number(b.delimited) - Number(a.delimited) || FORM_ORDER.indexOf(a.form) - FORM_ORDER.indexOf(b.form)
  )[0];
}

const ASSUMPTION: Partial<Record<EnumerationForm, string>> = {
  paragraphs: "所述数量之后的编号段落即为所列举的全部项目",
};

function quoteOf(doc: Document, e: Enumeration): Evidence[] {
  return e.spans.map((s) => {
    const b = doc.blocks[s.block];
    const text = b && b.kind !== "table" ? b.text : "";
    return evidence(doc, s.block, clip(text, s.start, s.end, 120));
  });
}

function checkCounts(doc: Document, claims: readonly CountClaim[]): FindingDraft<Details>[] {
  // One finding per defect: the same count, noun and items in several places is reported once.
  const groups = new Map<string, { claim: CountClaim; list: Enumeration; evidence: Evidence[] }>();
  for (const c of claims) {
    const status = claimStatus(c);
    if (status !== "mismatch" && status !== "exceeds") continue;
    const list = status === "exceeds" ? c.enumerations.find((e) => e.open)! : bestList(c);
    const key = [c.stated, c.classifier, c.noun.trim(), list.items.join("、")].join("|").replace(/\s+/g, "");
    const ev = quoteOf(doc, list);
    const g = groups.get(key);
    if (g) {
      g.evidence.push(
        ...ev.filter((e) => !g.evidence.some((x) => x.block === e.block && x.quote === e.quote)),
      );
    } else groups.set(key, { claim: c, list, evidence: ev });
  }
  return [...groups.values()].map(({ claim: c, list, evidence: ev }): FindingDraft<Details> => {
    const r = list.readings;
    const counted = r.length === 1 ? `${r[0]}` : `${r[0]}至${r[r.length - 1]}`;
    const places = new Set(ev.map((e) => e.block)).size;
    const where = places > 1 ? `（同一表述出现${places}处）` : "";
    const names = list.items.map((i) => `“${i}”`).join("");
    const details = { stated: c.stated, computed: counted, items: list.items, form: list.form, places };
    if (list.open) {
      return {
        messageId: "etc-exceeds",
        message: `文中称“等${c.written}${c.noun}”，但“等”之前已列举${counted}项（${names}）${where}。`,
        hint: "以“等”结尾的列举只是示例，其项数不应超过所述总数；核对数量或删去多列的项目。",
        evidence: ev,
        certainty: "assumption",
        details: { ...details, assumption: "顿号分隔的每一项各是所述数量中的一项" },
      };
    }
    const assumption = list.delimited ? undefined : ASSUMPTION[list.form] ??
      "列举范围由标点推断（顿号、分号或“和/及”的不同读法）";
    return {
      messageId: "count",
      message: `文中称“${c.written}${c.noun}”，但列举了${counted}项（${names}）${where}。`,
      hint: "核对列举的项目与所述数量，补齐遗漏的项目或改正数量。",
      evidence: ev,
      certainty: list.delimited ? "certain" : "assumption",
      details: { ...details, ...(assumption ? { assumption } : {}) },
    };
  });
}

export const countMismatch = defineRule<Details>({
  meta: {
    id: "count-mismatch",
    severity: "warning",
    title: "列举数量不符",
    messages: {
      count: { description: "所述数量与列举项数不符" },
      "etc-exceeds": { description: "以“等”结尾的列举项数已超过所述总数", certainty: "assumption" },
    },
    docs: {
      summary:
        "A stated count (N个/N项/三类…) that differs from the list it introduces or closes (、/；-lists, 一是…二是…, " +
        "（1）…, numbered paragraphs, names before the count); lists ending in 等 are skipped.",
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
          title: "冒号后列举的项数多于所述数量",
          kind: "invalid",
          messageId: "count",
          doc: ["本年度开展了三项宣传活动：法治讲座、送戏下乡、广场咨询、校园巡展。"],
        },
        {
          title: "一是……二是……的条数少于所述数量",
          kind: "invalid",
          messageId: "count",
          doc: ["围绕资金管理采取了四项措施：一是建立台账；二是按月对账；三是公开公示。"],
        },
        {
          title: "“等”之前列举的项数已超过所述总数",
          kind: "invalid",
          messageId: "etc-exceeds",
          doc: ["局机关内设秘书股、财务股、法规股、审批股、督查股等4个股室。"],
        },
        {
          title: "数量与列举一致",
          kind: "valid",
          doc: ["构建“统筹”“协调”“督办”的“3个工作”新格局。"],
        },
        {
          title: "数量前列举的名称与数量一致，“和”连接两项",
          kind: "valid",
          doc: ["服务范围覆盖东坪、西岭和南湾3个社区。"],
        },
        {
          title: "以“等”结尾的列举无法核对",
          kind: "valid",
          doc: ["下设综合股、财务股等6个股室。"],
        },
      ],
    },
  },
  check: ({ doc, views }) => checkCounts(doc, views.countClaims),
});
