/**
 * foreign-entity: another unit of the same kind named where the report speaks of its own unit (another
 * county's bureau of the same department), and truncated forms of the unit's own place name
 * (山回族自治县 for 青山回族自治县).
 */
import type { Document } from "../src/model/document.ts";
import type { FindingDraft, Rule } from "./rule.ts";
import { clip, evidence } from "./util/evidence.ts";

const ADMIN = "(?:自治县|自治州|自治旗|县|市|区|旗|州)";

interface OwnUnit {
  /** Full place, e.g. 某某回族彝族自治县. */
  place: string;
  /** Administrative suffix of the place (县, 自治县, 市, …). */
  admin: string;
  /** Department part, e.g. 人力资源和社会保障局. */
  department: string;
}

export function splitUnit(unit: string): OwnUnit | undefined {
  const m = new RegExp(`^(\\p{Script=Han}{2,12}?(${ADMIN}))(\\p{Script=Han}{2,20})$`, "u").exec(unit.trim());
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

function truncations(doc: Document, own: OwnUnit): FindingDraft[] {
  const out: FindingDraft[] = [];
  const cut = own.place.slice(1);
  if (cut.length < 4) return out;
  for (const b of doc.blocks) {
    if (b.kind === "table") continue;
    let from = 0;
    for (let i = b.text.indexOf(cut, from); i >= 0; i = b.text.indexOf(cut, from)) {
      from = i + cut.length;
      if (i > 0 && b.text[i - 1] === own.place[0]) continue;
      out.push({
        message: `“${cut}”疑为本单位所在地名“${own.place}”的笔误（缺“${own.place[0]}”字）。`,
        hint: `改为“${own.place}”。`,
        evidence: [evidence(doc, b.index, clip(b.text, i, i + cut.length, 40))],
        details: { found: cut, expected: own.place },
      });
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
      `((?:\\p{Script=Han}{2,8}(自治县|自治州|自治旗))|(?:\\p{Script=Han}{2,4}?(县|市|区|旗|州)))(${forms})`,
    "gu",
  );
  for (const b of doc.blocks) {
    // Every match ends with a department form; the lookbehind regex is slow on blocks without one.
    if (b.kind === "table" || !formList.some((f) => b.text.includes(f))) continue;
    for (const m of b.text.matchAll(re)) {
      const [, place, autonomous, plain, department] = m;
      const admin = autonomous ?? plain;
      if (admin !== own.admin && !(own.admin.endsWith(admin))) continue; // another level (市 above a 县)
      // A match can start a few characters early (组织某县…), so the own place counts anywhere in it.
      if (place.includes(short) || own.place.endsWith(place)) continue;
      if (own.place.includes(place.slice(1)) && place.length - 1 >= 4) continue; // a truncation: reported above
      out.push({
        message: `文中出现“${
          place + department
        }”，与本单位（${own.place}${own.department}）同级但不同地名，疑为套用其他单位的材料。`,
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

export const foreignEntity: Rule = {
  meta: {
    id: "foreign-entity",
    severity: "warning",
    title: "单位名称不符",
    docs: {
      summary:
        "Another county's unit of the same department named in the report, or a truncated form of the " +
        "unit's own place name.",
      rationale:
        "A report reused from another unit keeps that unit's name in places; a truncated own name is a " +
        "copy slip a reviewer will ask to correct.",
      example: "某县人社局报告中出现“另一县人社局制定了…”，或“《山回族自治县人社局…制度》”。",
    },
  },
  check: ({ doc, config }) => {
    const unit = doc.meta.unit ?? config.unit;
    const own = unit ? splitUnit(unit) : undefined;
    return own ? [...truncations(doc, own), ...foreignPlaces(doc, own)] : [];
  },
};
