/**
 * foreign-entity, private: names of government bodies parsed into their places and department, the
 * roles a body plays in a report (author or data source) and truncated forms of the unit's own name.
 */
import type { Document, TableBlock } from "../../../src/model/document.ts";
import type { Config } from "../../../src/model/config.ts";
import type { Evidence } from "../../../src/model/finding.ts";
import type { FindingDraft } from "../../../src/model/rule.ts";
import { cellEvidence, clip, evidence } from "../../../src/analysis/evidence.ts";
import {
  adminRank,
  AUTHOR_FIELD_LABELS,
  AUTONOMOUS_SUFFIXES,
  COOPERATION_WORDS,
  FIRM_WORDS,
  FORMAL_BODIES,
  INTERNAL_OFFICES,
  NEUTRAL_DEPARTMENTS,
  NOT_A_BARE_LEVEL,
  NOT_PLACE_FINAL,
  NOT_PLACE_INNER,
  NOT_PLACE_WORDS,
  ORGAN_SUFFIXES,
  OWN_LEVEL_MARKER,
  PLAIN_ADMIN_SUFFIXES,
  SOURCE_ADVERBS,
  SOURCE_FIELD_LABELS,
  SOURCE_VERBS,
  WORKING_GROUPS,
} from "../../../src/analysis/vocab.ts";

const byLength = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length);
const alt = (xs: readonly string[]) => byLength(xs).join("|");
const SUFFIXES = byLength([...AUTONOMOUS_SUFFIXES, ...PLAIN_ADMIN_SUFFIXES]);

export interface Place {
  name: string;
  admin: string;
  rank: number;
}

/** A body's name: the places in front (某省某市某县), a bare level (县交通局: this county's), the rest. */
export interface Body {
  places: Place[];
  /** Rank of a bare level in front (县 in 县交通运输局), when there is no place name. */
  bareRank?: number;
  department: string;
}

/** The place a name starts with (东山县 in 东山县交通局), its stem 2–4 characters (up to 8 before 自治…). */
function leadingPlace(s: string): { place: Place; rest: string } | undefined {
  for (let i = 2; i <= Math.min(8, s.length - 1); i++) {
    const stem = s.slice(0, i);
    const chars = [...stem];
    if (chars.some((ch, k) => k > 0 && k < chars.length - 1 && NOT_PLACE_INNER.includes(ch))) {
      return undefined;
    }
    if (chars.some((ch, k) => k > 0 && NOT_PLACE_FINAL.includes(ch))) return undefined;
    for (const admin of SUFFIXES) {
      if (!s.startsWith(admin, i)) continue;
      if (i > 4 && !admin.startsWith("自治")) continue;
      if (NOT_A_BARE_LEVEL.some((w) => s.startsWith(w, i))) continue; // 某市场…: not a place
      if (NOT_PLACE_WORDS.includes(stem.slice(-1) + admin[0])) continue; // 农业农村局: not a place
      if (s.length - i - admin.length < 2) continue; // a place needs a body after it
      return {
        place: { name: stem + admin, admin, rank: adminRank(admin) },
        rest: s.slice(i + admin.length),
      };
    }
  }
  return undefined;
}

/** Parse a body's name into places and department (中共 in front of a party body is kept out of both). */
export function parseBody(name: string): Body {
  let rest = name.replace(/^中共/, "");
  const places: Place[] = [];
  for (let p = leadingPlace(rest); p; p = leadingPlace(rest)) {
    places.push(p.place);
    rest = p.rest;
  }
  if (places.length > 0) return { places, department: rest };
  const bare = SUFFIXES.find((s) => s.length === 1 && rest.startsWith(s));
  if (bare && rest.length > 2 && !NOT_A_BARE_LEVEL.some((w) => rest.startsWith(w))) {
    return { places, bareRank: adminRank(bare), department: rest.slice(1) };
  }
  return { places, department: rest };
}

/** 人社局 abbreviates 人力资源和社会保障局: its characters appear in the full name, in order. */
export function abbreviates(short: string, full: string): boolean {
  let i = 0;
  for (const ch of full) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * The unit whose report this is. A third-party report's meta unit is the evaluator (a firm); the unit
 * evaluated is the body at the start of the title. Firms are never the unit compared against.
 */
export function ownUnitName(doc: Document, config: Config): string | undefined {
  const firm = (s: string) => FIRM_WORDS.some((w) => s.includes(w));
  const fromTitle = doc.meta.title?.split(/[0-9０-９]/)[0].trim();
  const titled = fromTitle && parseBody(fromTitle).places.length > 0 ? fromTitle : undefined;
  // A unit only guessed from the body's sentences is too weak to call other bodies foreign.
  const guessed = doc.meta.sources?.unit?.startsWith("body:") ?? false;
  const unit = (guessed ? undefined : doc.meta.unit) ?? config.unit;
  if (doc.meta.kind === "第三方评价" && titled && !firm(titled)) return titled;
  if (unit && !firm(unit)) return unit;
  return titled && !firm(titled) ? titled : undefined;
}

type Relation = "same" | "other" | "higher" | "lower";

/** How a mentioned body's place stands to the unit's own. A name without a place is the unit's own place. */
function relation(own: Body, m: Body): Relation {
  const ownPlace = own.places.at(-1);
  if (!ownPlace) return "same";
  // Another place at any level the two names share (武和区中塘镇 against 云城区中塘镇).
  const samePlace = (a: Place, b: Place) => a.name === b.name || a.name.slice(0, 2) === b.name.slice(0, 2);
  if (m.places.some((p) => own.places.some((o) => o.rank === p.rank && !samePlace(o, p)))) return "other";
  const mine = m.places.at(-1);
  const rank = mine?.rank ?? m.bareRank ?? ownPlace.rank;
  if (rank < ownPlace.rank) return "higher";
  if (rank > ownPlace.rank) return "lower";
  if (!mine) return "same";
  // 某某县 is the short form of 某某回族彝族自治县: the same place when the first two characters agree.
  return samePlace(mine, ownPlace) ? "same" : "other";
}

function sameDepartment(own: string, m: string): boolean {
  const a = own.replace(/^中共/, "");
  const b = m.replace(/^中共/, "");
  return a === b || (b.length >= 2 && abbreviates(b, a)) || (a.length >= 2 && abbreviates(a, b));
}

type Role = "author" | "source";
const ROLE_LABEL: Record<Role, string> = { author: "撰写或评价单位", source: "数据来源" };

interface Mention {
  /** The body's name as written, without its office or working group. */
  name: string;
  role: Role;
  /** Followed by one of its internal offices or working groups: the text speaks as that body. */
  speaksAs: boolean;
  /** Where the mention is in the text, for the quote. */
  start: number;
  end: number;
}

const ORGAN_END = new RegExp(`(?:${alt(ORGAN_SUFFIXES)})$`);
const OFFICE_OR_GROUP = alt([...INTERNAL_OFFICES, ...WORKING_GROUPS]);
const FIELD = new RegExp(
  `(${alt([...AUTHOR_FIELD_LABELS, ...SOURCE_FIELD_LABELS])})\\s*[:：]\\s*([\\p{Script=Han}（）()]{2,40})`,
  "gu",
);
const BY = new RegExp(
  `由([\\p{Script=Han}]{2,40}?)(${OFFICE_OR_GROUP})?(?:${alt(SOURCE_ADVERBS)})?(?:${alt(SOURCE_VERBS)})`,
  "gu",
);

const OFFICE = new RegExp(OFFICE_OR_GROUP); // no g/y flag: exec keeps no state

/** The longest prefix of a field's value that is a body's name (县卫健局年报 → 县卫健局), and what follows. */
function nameIn(value: string): { name: string; speaksAs: boolean } | undefined {
  const office = OFFICE.exec(value);
  if (office) return { name: value.slice(0, office.index), speaksAs: true };
  for (let i = value.length; i >= 2; i--) {
    if (ORGAN_END.test(value.slice(0, i))) return { name: value.slice(0, i), speaksAs: false };
  }
  return undefined;
}

function mentionsIn(text: string): Mention[] {
  const out: Mention[] = [];
  if ((text.includes("：") || text.includes(":")) && FIELD_HINT.test(text)) {
    for (const m of text.matchAll(FIELD)) {
      const found = nameIn(m[2]);
      if (!found) continue;
      const role: Role = SOURCE_FIELD_LABELS.includes(m[1]) ? "source" : "author";
      const start = m.index! + m[0].length - m[2].length;
      out.push({ ...found, role, start: m.index!, end: start + m[2].length });
    }
  }
  if (text.includes("由")) {
    for (const m of text.matchAll(BY)) {
      out.push({
        name: m[1],
        role: "source",
        speaksAs: m[2] !== undefined,
        start: m.index!,
        end: m.index! + m[0].length,
      });
    }
  }
  return out;
}
const FIELD_HINT = new RegExp(`(?:${alt([...AUTHOR_FIELD_LABELS, ...SOURCE_FIELD_LABELS])})\\s*[:：]`);

/** Two bodies joined (县卫健局会同县交通局, 甲局和乙局): a cooperation, not one body's authorship. */
function joint(name: string): boolean {
  if (COOPERATION_WORDS.some((w) => name.includes(w))) return true;
  return name.split("和").slice(0, -1).some((left) => ORGAN_END.test(left));
}

/**
 * Other bodies named as the author or the data source of the unit's own material. Legitimate mentions
 * stay silent: the unit itself, finance/statistics/audit bodies, cooperations, bodies at a lower level
 * (implementing towns), and a higher authority as a plain data source.
 */
export function bodyRoles(doc: Document, ownName: string): FindingDraft[] {
  const own = parseBody(ownName);
  if (own.places.length === 0 || own.department.length < 2) return [];
  const out: FindingDraft[] = [];
  const seen = new Set<string>();
  // pair: a table's label cell and its value cell (填报单位 | 某县某局), which other-unit does not read.
  const visit = (text: string, at: (quote: string) => Evidence, pair = false) => {
    for (const m of mentionsIn(text)) {
      const name = m.name;
      if (name.length < 3 || !ORGAN_END.test(name) || joint(name)) continue;
      if (FIRM_WORDS.some((w) => name.includes(w)) || NEUTRAL_DEPARTMENTS.some((w) => name.includes(w))) {
        continue;
      }
      const body = parseBody(name);
      if (body.department.length < 2) continue;
      const rel = relation(own, body);
      const sameDept = sameDepartment(own.department, body.department);
      // Own, or another county's (other-unit reads it in prose).
      if (rel === "lower" || (sameDept && rel !== "higher" && !(pair && rel === "other"))) continue;
      if (rel === "higher" && m.role === "source" && !m.speaksAs) continue; // a higher authority's data
      const key = `${name}|${m.role}|${m.start}|${text.length}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        message: `文中把“${name}”写作本报告的${
          ROLE_LABEL[m.role]
        }，而本报告的单位是“${ownName}”，疑为套用其他单位的材料。`,
        messageId: "other-body-role",
        hint: `核实${ROLE_LABEL[m.role]}是否应为本单位；如确由其他单位承担，请写明其与本单位的关系。`,
        evidence: [at(clip(text, m.start, m.end, 40))],
        details: {
          found: name,
          role: ROLE_LABEL[m.role],
          ownUnit: ownName,
          assumption: `${ROLE_LABEL[m.role]}应为本单位（${ownName}）`,
        },
      });
    }
  };
  forEachText(doc, visit);
  forEachLabelPair(doc, (text, at) => visit(text, at, true));
  return out;
}

const FIELD_LABELS = new Set([...AUTHOR_FIELD_LABELS, ...SOURCE_FIELD_LABELS]);

/**
 * A table's author or source field written as two cells (填报单位 | 某县某局): visited as 「填报单位：某县某局」,
 * quoted in the value's cell.
 */
function forEachLabelPair(
  doc: Document,
  visit: (text: string, at: (quote: string) => Evidence) => void,
): void {
  for (const b of doc.blocks) {
    if (b.kind !== "table") continue;
    const t: TableBlock = b;
    t.grid.forEach((row, r) =>
      row.forEach((cell, c) => {
        const label = cell.text.replace(/[\s:：]/g, "");
        if (cell.anchorRow !== r || cell.anchorCol !== c || !FIELD_LABELS.has(label)) return;
        const v = row.findIndex((x, k) => k > c && x.anchorCol === k && x.anchorCol !== cell.anchorCol);
        const value = v >= 0 ? row[v].text.trim() : "";
        if (!value || FIELD_LABELS.has(value)) return;
        visit(`${label}：${value}`, () => cellEvidence(doc, t, row[v].anchorRow, v, value));
      })
    );
  }
}

/** Every paragraph's and heading's text, and every table cell's once (merged cells at their anchor). */
function forEachText(doc: Document, visit: (text: string, at: (quote: string) => Evidence) => void): void {
  for (const b of doc.blocks) {
    if (b.kind !== "table") {
      visit(b.text, (q) => evidence(doc, b.index, q));
      continue;
    }
    const t: TableBlock = b;
    t.grid.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.anchorRow === r && cell.anchorCol === c && cell.text.trim()) {
          visit(cell.text, (q) => cellEvidence(doc, t, r, c, q));
        }
      })
    );
  }
}

/**
 * A place of the unit's name written without its level in front of a formal body whose official name
 * always has it (甲乙人民政府 for 甲乙县人民政府).
 */
export function formalBodyTruncations(doc: Document, ownName: string): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const place of parseBody(ownName).places) {
    const stem = place.name.slice(0, place.name.length - place.admin.length);
    if (stem.length < 2) continue;
    const re = new RegExp(`${stem}(${alt(FORMAL_BODIES)})`, "gu");
    forEachText(doc, (text, at) => {
      if (!text.includes(stem)) return;
      for (const m of text.matchAll(re)) {
        out.push({
          message: `“${m[0]}”缺少行政区划层级，应为“${place.name}${m[1]}”。`,
          messageId: "truncated-own-name",
          hint: `改为“${place.name}${m[1]}”。`,
          evidence: [at(clip(text, m.index!, m.index! + m[0].length, 40))],
          details: { found: m[0], expected: place.name + m[1] },
        });
      }
    });
  }
  return out;
}

/**
 * The unit's own name without the last character of its department, in a list of budget units
 * (某区交通(本级) for 某区交通局).
 */
export function ownLevelTruncations(doc: Document, ownName: string): FindingDraft[] {
  const own = parseBody(ownName);
  const place = own.places.at(-1);
  const dept = own.department;
  if (!place || dept.length < 3 || !/[局委办厅部]$/.test(dept)) return [];
  const cut = place.name + dept.slice(0, -1);
  const out: FindingDraft[] = [];
  forEachText(doc, (text, at) => {
    for (let i = text.indexOf(cut); i >= 0; i = text.indexOf(cut, i + cut.length)) {
      const after = text.slice(i + cut.length);
      if (!OWN_LEVEL_MARKER.test(after)) continue;
      out.push({
        message: `“${cut}”为本单位名称“${place.name}${dept}”缺“${dept.slice(-1)}”字。`,
        messageId: "truncated-own-name",
        hint: `改为“${place.name}${dept}”。`,
        evidence: [at(clip(text, i, i + cut.length + OWN_LEVEL_MARKER.exec(after)![0].length, 40))],
        details: { found: cut, expected: place.name + dept },
      });
    }
  });
  return out;
}
