/**
 * foreign-entity: another unit of the same kind named where the report speaks of its own unit (another
 * county's bureau of the same department), another body named as the author or the data source of this
 * unit's material (评价机构：某县交通运输局… in a 卫健局 report), and truncated forms of the unit's own
 * name (山回族自治县 for 青山回族自治县, 某某人民政府 without 县, 某区交通(本级) without 局).
 */
import type { Document } from "../../src/model/document.ts";
import type { FindingDraft, Rule } from "../../src/model/rule.ts";
import { clip, evidence } from "../../src/analysis/evidence.ts";
import {
  ADMIN_LEVELS,
  adminRank,
  AUTONOMOUS_SUFFIXES,
  NOT_PLACE_FINAL,
  PARTNER_BEFORE,
  PLAIN_ADMIN_SUFFIXES,
  VERBS_BEFORE_LEVEL,
} from "../../src/analysis/vocab.ts";
import {
  bodyRoles,
  formalBodyTruncations,
  ownLevelTruncations,
  ownUnitName,
} from "./foreign-entity/roles.ts";
import { h } from "../../src/testing/doc-spec.ts";

const byLength = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).join("|");
const ADMIN = `(?:${byLength([...AUTONOMOUS_SUFFIXES, ...PLAIN_ADMIN_SUFFIXES])})`;
const UNIT = new RegExp(`^(\\p{Script=Han}{2,12}?(${ADMIN}))(\\p{Script=Han}{2,20})$`, "u");

interface OwnUnit {
  /** Full place, e.g. 某某回族彝族自治县. */
  place: string;
  /** Administrative suffix of the place (县, 自治县, 市, …). */
  admin: string;
  /** Department part, e.g. 人力资源和社会保障局. */
  department: string;
}

/**
 * Place, level and department of a unit's name. A province or prefecture before the place (某省某县…) is
 * skipped down to a county at most: 街道/乡/镇 after a city or county stay in the department's name
 * (某市某街道办事处), as 城乡 does in 城乡建设局.
 */
export function splitUnit(unit: string): OwnUnit | undefined {
  const m = UNIT.exec(unit.trim());
  if (!m) return undefined;
  const own = { place: m[1], admin: m[2], department: m[3] };
  if (adminRank(own.admin) >= COUNTY_RANK) return own;
  const lower = splitUnit(own.department);
  const rank = lower ? adminRank(lower.admin) : -1;
  return lower && rank > adminRank(own.admin) && rank <= COUNTY_RANK ? lower : own;
}
const COUNTY_RANK = adminRank("县");

/** A township's or sub-district's own government (某县某镇人民政府, 某市某街道办事处): its place and organ. */
const TOWN_ORGAN = new RegExp(
  `^(\\p{Script=Han}{2,4}?(${byLength(ADMIN_LEVELS[COUNTY_RANK + 1])}))(人民政府|办事处)$`,
  "u",
);

/** The township a unit's department part names as its own government, when it does (白沙镇人民政府). */
export function townOf(own: OwnUnit): OwnUnit | undefined {
  const m = TOWN_ORGAN.exec(own.department);
  return m ? { place: m[1], admin: m[2], department: m[3] } : undefined;
}

/**
 * The names the report itself uses for its own department: the full name, and every …局-style short form
 * written right after its own place name (人社局 in 某县人社局). Only these are compared across places.
 */
function ownDepartmentForms(doc: Document, own: OwnUnit): string[] {
  const forms = new Set([own.department]);
  const suffix = own.department.slice(-1);
  const short = own.place.slice(0, 2);
  const re = new RegExp(
    `(?:${own.place}|${short}${own.admin.slice(-1)})(\\p{Script=Han}{1,5}?${suffix})`,
    "gu",
  );
  for (const b of doc.blocks) {
    // Both alternatives start with the place's first two characters: most blocks are skipped cheaply.
    if (b.kind === "table" || !b.text.includes(short)) continue;
    for (const m of b.text.matchAll(re)) if (abbreviates(m[1], own.department)) forms.add(m[1]);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** 人社局 abbreviates 人力资源和社会保障局: its characters appear in the full name, in order. */
function abbreviates(short: string, full: string): boolean {
  let i = 0;
  for (const ch of full) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * The unit's own place with one character missing (山回族自治县, 青回族自治县 for 青山回族自治县): only for
 * places long enough that the shortened form names nothing else (4 characters or more left), never the
 * level's last character (青山回族自治 is a prefix of the full name), and not where the full name stands.
 */
function truncations(doc: Document, own: OwnUnit): FindingDraft[] {
  const out: FindingDraft[] = [];
  const place = own.place;
  const variants = new Map<string, number>();
  for (let k = 0; k < place.length - 1; k++) {
    const v = place.slice(0, k) + place.slice(k + 1);
    if (v.length >= 4 && !variants.has(v)) variants.set(v, k);
  }
  if (variants.size === 0) return out;
  // Every variant keeps the place's first two characters or, when one of them is missing, its third and
  // fourth: blocks with neither are skipped cheaply.
  const [head, second] = [place.slice(0, 2), place.slice(2, 4)];
  for (const b of doc.blocks) {
    if (b.kind === "table" || !(b.text.includes(head) || b.text.includes(second))) continue;
    const full: number[] = [];
    for (let i = b.text.indexOf(place); i >= 0; i = b.text.indexOf(place, i + 1)) full.push(i);
    for (const [cut, k] of variants) {
      for (let i = b.text.indexOf(cut); i >= 0; i = b.text.indexOf(cut, i + cut.length)) {
        if (full.some((j) => j <= i && i + cut.length <= j + place.length)) continue; // inside the full name
        if (k === 0 && i > 0 && b.text[i - 1] === place[0]) continue;
        out.push({
          message: `“${cut}”疑为本单位所在地名“${place}”的笔误（缺“${place[k]}”字）。`,
          messageId: "truncated-own-name",
          hint: `改为“${place}”。`,
          evidence: [evidence(doc, b.index, clip(b.text, i, i + cut.length, 40))],
          details: { found: cut, expected: place },
        });
      }
    }
  }
  return out;
}

function foreignPlaces(doc: Document, own: OwnUnit): FindingDraft[] {
  const out: FindingDraft[] = [];
  const short = own.place.slice(0, 2);
  const formList = ownDepartmentForms(doc, own);
  const forms = formList.join("|");
  // A place starts at the text's start, after a non-Han character or after a preposition; its name has
  // 2–4 characters (up to 8 before 自治县/自治州/自治旗).
  const re = new RegExp(
    `(?<=^|[^\\p{Script=Han}]|[由经向与在对从将把被和及于为据])(?![由经向与在对从将把被和及于为据])` +
      `((?:\\p{Script=Han}{2,8}(${byLength(AUTONOMOUS_SUFFIXES)}))|(?:\\p{Script=Han}{2,4}?(${
        byLength(PLAIN_ADMIN_SUFFIXES)
      })))(${forms})`,
    "gu",
  );
  for (const b of doc.blocks) {
    // Every match ends with a department form; the lookbehind regex is slow on blocks without one.
    if (b.kind === "table" || !formList.some((f) => b.text.includes(f))) continue;
    for (const m of b.text.matchAll(re)) {
      const [, place, autonomous, plain, department] = m;
      const admin = autonomous ?? plain;
      // 现将县委统战部: a verb or preposition before a bare level, not a place's name.
      if (NOT_PLACE_FINAL.includes(place.slice(0, place.length - admin.length).slice(-1))) continue;
      if (VERBS_BEFORE_LEVEL.includes(place.slice(0, place.length - admin.length))) continue; // 建议县…局
      if (admin !== own.admin && !(own.admin.endsWith(admin))) continue; // another level (市 above a 县)
      // A partner or a host (会同/联合/与/赴某县某局): the match may start at the word or right after it.
      const before = b.text.slice(Math.max(0, m.index! - 3), m.index!);
      if (PARTNER_BEFORE.some((w) => before.endsWith(w) || startsWithWord(place, w, admin))) continue;
      // A match can start a few characters early (组织某县…), so the own place counts anywhere in it.
      if (place.includes(short) || own.place.endsWith(place)) continue;
      if (own.place.includes(place.slice(1)) && place.length - 1 >= 4) continue; // a truncation: reported above
      out.push({
        message: `文中出现“${
          place + department
        }”，与本单位（${own.place}${own.department}）同级但不同地名，疑为套用其他单位的材料。`,
        messageId: "other-unit",
        hint: "核实该处是否应为本单位；如确为引用其他单位，请写明引用关系。",
        evidence: [evidence(doc, b.index, clip(b.text, m.index!, m.index! + m[0].length, 40))],
        details: {
          found: place + department,
          ownUnit: own.place + own.department,
          assumption: "同级同类单位被写成本单位",
        },
      });
    }
  }
  return out;
}

/** The place begins with the word and a place of its own (联合白水县; not 同心县, whose 同 is its name's). */
function startsWithWord(place: string, word: string, admin: string): boolean {
  return place.startsWith(word) && place.length - word.length - admin.length >= 2;
}

export const foreignEntity: Rule = {
  meta: {
    id: "foreign-entity",
    severity: "warning",
    title: "单位名称不符",
    messages: {
      "other-unit": { description: "出现同级同类的其他单位名称", certainty: "assumption" },
      "truncated-own-name": { description: "本单位名称缺字（地名缺字、缺行政区划层级、缺“局”等）" },
      "other-body-role": {
        description: "其他单位被写作本报告的撰写、评价单位或数据来源",
        certainty: "assumption",
      },
    },
    docs: {
      summary:
        "Another county's unit of the same department named in the report (also another township's or " +
        "sub-district's government for a township unit), another body named as the author or data source of " +
        "the unit's material (in prose, in 填报单位：… fields and in a table's label and value cells), or a " +
        "truncated form of the unit's own name. Partners, hosts and peers (会同/联合/与/受/赴/仅次于 another " +
        "county's unit) are mentions, not findings.",
      rationale:
        "A report reused from another unit keeps that unit's name in places; a truncated own name is a " +
        "copy slip a reviewer will ask to correct.",
      examples: [
        {
          title: "东山县人社局的报告中出现西河县人社局",
          kind: "invalid",
          messageId: "other-unit",
          config: { unit: "东山县人社局" },
          doc: [h(1, "一、基本情况"), "东山县人社局认真落实部署，西河县人社局制定了考核办法。"],
        },
        {
          title: "东山县人社局的报告把县交通运输局写作评价数据的提供者",
          kind: "invalid",
          messageId: "other-body-role",
          config: { unit: "东山县人社局" },
          doc: [h(1, "三、评价过程"), "评价所用基础数据由东山县交通运输局计划财务股提供。"],
        },
        {
          title: "本单位所在县的人民政府缺“县”字",
          kind: "invalid",
          messageId: "truncated-own-name",
          config: { unit: "东山县人社局" },
          doc: [h(1, "一、基本情况"), "项目经东山人民政府批准实施。"],
        },
        {
          title: "财政局提供的拨付数据、会同其他部门提供的资料不算",
          kind: "valid",
          config: { unit: "东山县人社局" },
          doc: [h(1, "三、评价过程"), "资金拨付数据由东山县财政局提供，台账由县人社局会同县民政局提供。"],
        },
        {
          title: "只提到本单位",
          kind: "valid",
          config: { unit: "东山县人社局" },
          doc: [h(1, "一、基本情况"), "东山县人社局认真落实部署，制定了考核办法。"],
        },
      ],
    },
  },
  check: ({ doc, config }) => {
    const unit = ownUnitName(doc, config);
    const own = unit ? splitUnit(unit) : undefined;
    if (!unit || !own) return [];
    const town = townOf(own);
    return [
      ...truncations(doc, own),
      ...formalBodyTruncations(doc, unit),
      ...ownLevelTruncations(doc, unit),
      ...foreignPlaces(doc, own),
      ...(town ? foreignPlaces(doc, town) : []),
      ...bodyRoles(doc, unit),
    ];
  },
};
