/**
 * The unit inferred from the body, the weakest source: when no field, title, page line or file name names
 * it, the organisation that is the grammatical subject at the start of sentences in the first sections
 * ("某县某局认真贯彻…", "某市某局全年共有…"). Names inside 《》 or quotes, after 根据/按照/由/联合 (not a
 * sentence's start), in a joint subject or a document's title (某局关于…) are not subjects; a finance or
 * audit body, or one that issues or allocates funds (某县财政局下达…), is taken only when no other body is a
 * subject. A third-party report's unit is its evaluator, taken when a sentence says it evaluated; a regional
 * report whose subject is a place (某市某区地处…, 某区申报实施了…) is that place's.
 */
import {
  NEUTRAL_DEPARTMENTS,
  NOT_PLACE_FINAL,
  NOT_PLACE_INNER,
  NOT_PLACE_WORDS,
} from "../analysis/vocab-entity.ts";
import { parseMarker } from "./headings.ts";
import { compatible } from "./meta-sentence.ts";
import { asUnit, leadingUnit, squeeze } from "./meta-unit.ts";
import {
  BODY_SENTENCE_OPENERS,
  EVALUATION_WORDS,
  EVALUATOR_BODY,
  EVALUATOR_NAME_ENDS,
  FUNDER_VERBS,
  NOT_IN_RUNNING_NAME,
  NOT_SUBJECT_NEXT,
  PLACE_LEVELS,
  PLACE_PREDICATES,
  SELF_REFERENCE,
} from "./meta-vocab.ts";

export type BodySource = "body:subject" | "body:evaluator" | "body:place";

export interface BodyUnit {
  unit: string;
  source: BodySource;
}

interface Candidate {
  name: string;
  kind: "org" | "evaluator" | "place";
  /**
   * 0: a plain subject; 1: not the body the report's 我局/本中心 refers to; 2: a finance or audit body; 3: a
   * funder (某县财政局下达…) or a superior (某市某局 where 某市某区 is also a subject).
   */
  tier: number;
  /** Position of the first sentence naming it, and how many sentences have it as their subject. */
  first: number;
  count: number;
}

/** Sentences of a paragraph, with 《titles》 and quotations masked so that no name inside them opens one. */
function sentences(text: string): string[] {
  const t = squeeze(text).replace(/《[^《》]*》/g, "《》").replace(/[“"][^“”"]*[”"]/g, "“”");
  return t.split(/[。！？!?；;]/).filter((s) => s !== "");
}

const COMMISSIONED = /^受[^，,。]{2,40}?委托[，,]/;

/** The sentence from where its subject starts: numbering, a time adverbial and 受…委托， read past. */
function subjectStart(sentence: string): string {
  let t = sentence;
  const marker = parseMarker(t);
  if (marker) t = marker.title;
  return t.replace(BODY_SENTENCE_OPENERS, "").replace(COMMISSIONED, "");
}

const EVALUATOR_LEAD = new RegExp(
  `^([\\u4e00-\\u9fa5（）()]{3,40}?)(?=${EVALUATOR_NAME_ENDS.join("|")})`,
);

/** An evaluator named as the subject of a sentence that says it evaluated (某某事务所对…进行了绩效评价). */
function evaluatorAt(t: string): string | null {
  const m = EVALUATOR_LEAD.exec(t);
  const name = m ? asUnit(m[1]) : null;
  if (!name || !EVALUATOR_BODY.test(name.replace(/[（(][^（）()]*[）)]$/, ""))) return null;
  if (NOT_IN_RUNNING_NAME.some((w) => name.includes(w))) return null;
  return EVALUATION_WORDS.test(t.slice(m![1].length)) ? name : null;
}

const HAN_OR_DIGIT = /^[\u4e00-\u9fa50-9０-９]/;
const SELF_NEAR = new RegExp(SELF_REFERENCE.source);

/** An organisation named as the subject at the start of `t`, with its tier; null when it is none. */
function organisationAt(t: string, refs: Set<string>): { name: string; tier: number } | null {
  const name = leadingUnit(t);
  if (!name || NOT_IN_RUNNING_NAME.some((w) => name.includes(w))) return null;
  // the name starts with a run of places (某省某市…), not just any words before a level character
  if (placesOf(name.replace(/^中共/, "")) === "") return null;
  // a parenthetical after the name (（以下简称…）, （本级）) is read past
  const rest = t.slice(name.length).replace(/^[（(][^（）()]*[）)]/, "");
  // a subject has a predicate; a heading ("一、某县某局") or a list of bodies has none
  if (!HAN_OR_DIGIT.test(rest) || NOT_SUBJECT_NEXT.some((w) => rest.startsWith(w))) return null;
  // "某县财政局向我局下达…": the body acts on the report's own unit
  if (SELF_NEAR.test(rest.slice(0, 4))) return null;
  if (FUNDER_VERBS.some((v) => rest.startsWith(v))) return { name, tier: FUNDER };
  if (NEUTRAL_DEPARTMENTS.some((d) => name.includes(d))) return { name, tier: 2 };
  return { name, tier: refs.size > 0 && !compatible(name, refs) ? 1 : 0 };
}

/** The tier of a funder or a superior: taken only when neither another body nor a place is a subject. */
const FUNDER = 3;

const NOT_A_PLACE_START = /^(?:该|本|我|全|各|每|其|此|上|下|省|市|县|区|乡|镇)/;
const MAX_PLACE_STEM = 6;
const MAX_PLACES = 4;

/** A place (某市某区) named as the subject of a predicate that describes it or what it did; or null. */
function placeAt(t: string): string | null {
  if (NOT_A_PLACE_START.test(t)) return null;
  const named = placePrefixes(t, 2).filter((p) => PLACE_PREDICATES.some((w) => t.startsWith(w, p.length)));
  return named.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** The places a body's name starts with (某市某区 in 某市某区某局), or "". */
function placesOf(name: string): string {
  const ps = placePrefixes(name, 1).filter((p) => p.length < name.length);
  return ps.sort((a, b) => b.length - a.length)[0] ?? "";
}

/**
 * Every run of places at the start of `t`, trying every split (巴州区: 巴 + 州, or 巴州 + 区); the first place's
 * stem has at least `minStem` characters.
 */
function placePrefixes(t: string, minStem: number, depth = 0): string[] {
  const out: string[] = [];
  if (depth >= MAX_PLACES) return out;
  for (let k = depth === 0 ? minStem : 1; k <= Math.min(MAX_PLACE_STEM, t.length - 1); k++) {
    const stem = t.slice(0, k);
    if (!/^[\u4e00-\u9fa5]+$/.test(stem)) break;
    if ([...stem].some((c) => NOT_PLACE_FINAL.includes(c) || NOT_PLACE_INNER.includes(c))) break;
    for (const level of PLACE_LEVELS) {
      if (!t.startsWith(level, k) || NOT_PLACE_WORDS.includes(stem.slice(-1) + level[0])) continue;
      const name = stem + level;
      out.push(name);
      for (const more of placePrefixes(t.slice(name.length), 1, depth + 1)) out.push(name + more);
    }
  }
  return out;
}

/** A body whose places are a higher level of another subject's (某市某局 beside 某市某区): a superior. */
function demoteSuperiors(cands: Candidate[]) {
  const places = cands.map((c) => c.kind === "place" ? c.name : placesOf(c.name));
  cands.forEach((c, i) => {
    const own = places[i];
    if (c.kind !== "org" || own === "") return;
    if (places.some((p, j) => j !== i && p.length > own.length && p.startsWith(own))) c.tier = FUNDER;
  });
}

/** Adds a sighting, a shorter name merged into a longer one that ends with it (某区 into 某市某区). */
function note(cands: Candidate[], c: Omit<Candidate, "count">) {
  const same = cands.find((x) => x.kind === c.kind && (x.name.endsWith(c.name) || c.name.endsWith(x.name)));
  if (!same) {
    cands.push({ ...c, count: 1 });
    return;
  }
  same.count++;
  if (c.name.length > same.name.length) same.name = c.name;
  same.tier = Math.min(same.tier, c.tier);
}

/** Lowest tier, then most sentences, then the earliest. */
function best(cands: Candidate[]): Candidate | undefined {
  return [...cands].sort((a, b) => a.tier - b.tier || b.count - a.count || a.first - b.first)[0];
}

/**
 * The unit inferred from `paragraphs` (the text of the first sections, title lines left out), or null.
 * `refs` are the report's self-references (selfReferences); `thirdParty` says a third party wrote it.
 */
export function bodyUnit(
  paragraphs: string[],
  opts: { thirdParty: boolean; refs: Set<string> },
): BodyUnit | null {
  const cands: Candidate[] = [];
  let pos = 0;
  for (const p of paragraphs) {
    for (const s of sentences(p)) {
      const t = subjectStart(s);
      const first = pos++;
      const evaluator = evaluatorAt(t);
      if (evaluator) {
        note(cands, { name: evaluator, kind: "evaluator", tier: 0, first });
        continue;
      }
      const org = organisationAt(t, opts.refs);
      if (org) {
        note(cands, { ...org, kind: "org", first });
        continue;
      }
      const place = placeAt(t);
      if (place) note(cands, { name: place, kind: "place", tier: 0, first });
    }
  }
  demoteSuperiors(cands);
  const of = (kind: Candidate["kind"], maxTier = FUNDER) =>
    best(cands.filter((c) => c.kind === kind && c.tier <= maxTier));
  const evaluator = of("evaluator");
  if (evaluator) return { unit: evaluator.name, source: "body:evaluator" };
  // a third party's report describes the unit it evaluated: that body is not the report's
  if (opts.thirdParty) return null;
  const org = of("org", FUNDER - 1);
  if (org) return { unit: org.name, source: "body:subject" };
  // a report that calls itself 我局/本中心 is a body's, not a place's
  const place = opts.refs.size === 0 ? of("place") : undefined;
  if (place) return { unit: place.name, source: "body:place" };
  const funder = of("org");
  return funder ? { unit: funder.name, source: "body:subject" } : null;
}
