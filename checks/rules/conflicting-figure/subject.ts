/**
 * The same-subject analysis: figures of the extraction naming the same normalised quantity, unit, years and
 * time frame, in different places, with values that cannot both hold.
 */
import type { CheckContext, FindingDraft } from "../../../src/model/rule.ts";
import type { Figure, Relation } from "../../../src/model/figure.ts";
import type { Document } from "../../../src/model/document.ts";
import { normalize } from "../../../src/analysis/text/normalize.ts";
import { trailingWordsStripper } from "../../../src/analysis/text/affixes.ts";
import { charCount } from "../../../src/analysis/text/chars.ts";
import { clauseAround as clauseSpan, type Span } from "../../../src/analysis/segment.ts";
import { PLAIN_ADMIN_SUFFIXES } from "../../../src/analysis/vocab.ts";
import { evidence as textEvidence } from "../../../src/analysis/evidence.ts";
import {
  eventSubject,
  frameOfContext,
  type QuantitySubject,
  quantitySubject,
} from "../../../src/analysis/quantity-key.ts";
import { type Covered, coveredBy } from "./aligned.ts";
import { compatible, partOfUnknownWhole, subjectSection, yearsKey } from "./shared.ts";

/** Subjects shorter than this (normalised) are too vague to say two figures measure the same thing. */
const MIN_SUBJECT = 4;
/** Work cap for one subject stated hundreds of times: at most this many of its figures are compared. */
const MAX_SUBJECT_PARTNERS = 256;

export type SubjectDetails = {
  "same-subject": {
    subject: string;
    unit: string;
    stated: string[];
    values: number[];
    occurrences: Record<string, number>;
    assumption: string;
  };
};

/** Leading and trailing words that do not change what a figure counts. */
const SUBJECT_LEAD = new RegExp(
  `^(其中|共计|共|合计|总计|累计|全年|全(?:${PLAIN_ADMIN_SUFFIXES.join("|")})|年内|截至目前|截至年底)+`,
);
const SUBJECT_TAIL = trailingWordsStripper(
  ["人数", "总数", "数量", "数", "达到", "达", "为", "是", "共计", "共", "累计", "约", "合计"],
);
/** Verbs and approximations between a subject and its number (…为, …达, …共计). */
const LINKING_TAIL = trailingWordsStripper([
  "为",
  "达",
  "是",
  "约",
  "近",
  "共",
  "计",
  "共计",
  "累计",
  "合计",
]);
/**
 * Subjects that do not name one quantity: kinds of figure (得分, 完成率, 金额) that recur for different
 * things, relational phrases (占…, 完成目标任务…, 较上年…, 涉及…) and counts of indicators.
 */
const GENERIC_SUBJECT =
  /^(实际|评价|总|本年|全年|上年|目标|任务|完成|同比|较上年)*(得分|分值|评分|评价分|完成率|执行率|占比|比例|比重|增长|下降|增加|减少|金额|资金|任务数)$/;
const RELATIONAL_SUBJECT =
  /^(占|完成|较|比|同比|环比|涉及|增长|减少|下降|增加|超过|达到|高于|低于)|目标任务|指标$|问卷$/;
/** Rates and scores belong to the ratio and score rules: their subject rarely names the quantity itself. */
const SKIPPED_UNITS = new Set(["%", "‰", "个百分点", "分"]);
/** A leading clause of a sentence that only sets its time (截至2023年12月31日，…; 上半年，…). */
const TIME_ADVERBIAL = /^(?:截至|截止|截止到|到|至)|^[^，,]{0,8}(?:年末|年底|年初|季度|半年|月底|月末)$/;
const MAX_ADVERBIAL = 16;

export function subjectKey(subject: string): string {
  return SUBJECT_TAIL(normalize(subject).replace(/\d+/g, "").replace(SUBJECT_LEAD, ""));
}

/** A figure compared by subject, with the quantity it names. */
interface Placed {
  f: Figure;
  q: QuantitySubject;
  /** Whose quantity it is, when the sentence says (see scopeOf); "" when it does not. */
  scope: string;
  /** A plan's or an actual figure, when the sentence or section says (see stanceOf); "" when neither does. */
  stance: string;
  /** Whether the figure's section states targets ("plan") or results ("actual"), or "" (see sectionStance). */
  part: string;
  /** The events counted in the clause before (开展电商培训5期，培训农民200人次), or "". */
  event: string;
}

/**
 * The quantity a figure names, or null when its subject is too short, generic or relational to name one:
 * the subject as written, or (when it is only stop words: 开展培训12期，累计1200人次) the events counted in the
 * clause before.
 */
function quantityOf(
  text: string,
  f: Figure,
  cache: Map<string, QuantitySubject>,
  keys: Map<string, string>,
): QuantitySubject | null {
  const raw = f.subjectRaw ?? f.subject;
  let q = cache.get(raw);
  if (!q) cache.set(raw, q = quantitySubject(raw));
  if (!q.key) {
    const clause = clauseSpan(text, f.loc.start, f.loc.end);
    if (/[\d０-９]/.test(text.slice(clause.start, f.loc.start)) || clause.start === 0) return null;
    const prev = clauseSpan(text, clause.start - 1, clause.start - 1);
    if (/[；;。！？!?]/.test(text[clause.start - 1])) return null;
    const events = eventSubject(text.slice(prev.start, prev.end));
    if (!events) return null;
    const eq = quantitySubject(events);
    return eq.key ? { ...eq, frame: eq.frame || q.frame } : null;
  }
  let key = keys.get(f.subject);
  if (key === undefined) keys.set(f.subject, key = subjectKey(f.subject));
  if (!namedRightBefore(text, f, key)) return null;
  if (q.known) return q;
  if (charCount(q.key) < MIN_SUBJECT || GENERIC_SUBJECT.test(q.key)) return null;
  return RELATIONAL_SUBJECT.test(q.key) ? null : q;
}

/**
 * The time frame of a figure: its subject's (年末在职人员), else one written before it in its clause (not
 * past an earlier number), else a leading time adverbial of its sentence (截至2023年12月31日，…).
 */
function frameOf(text: string, f: Figure, q: QuantitySubject, sentences: readonly Span[]): string {
  const sentence = sentences.find((s) => s.start <= f.loc.start && f.loc.start < s.end);
  // 近3年累计投入资金…, 五年来…: several years' total, not one year's (nor another span's).
  const span = sentence && SEVERAL_YEARS.exec(normalize(text.slice(sentence.start, f.loc.start)));
  if (span) return `years:${span[0]}`;
  if (q.frame) return q.frame;
  const raw = f.subjectRaw ?? f.subject;
  const clause = clauseSpan(text, f.loc.start, f.loc.end);
  const before = text.slice(clause.start, Math.max(clause.start, f.loc.start - raw.length));
  const own = frameOfContext(before.replace(/^.*[\d０-９]/s, ""));
  if (own) return own;
  if (!sentence) return "";
  const lead = clauseSpan(text, sentence.start, sentence.start);
  const head = normalize(text.slice(lead.start, Math.min(lead.end, f.loc.start))).replace(/^[\d.]+、?/, "");
  // A sentence opening with its frame (上半年举办培训班5期，培训人员240人次): the frame of every figure in it.
  const opening = frameOfContext(head.slice(0, MAX_OPENING_FRAME));
  if (opening) return opening;
  if (lead.end >= clause.start || lead.end - lead.start > MAX_ADVERBIAL) return "";
  const adverbial = normalize(text.slice(lead.start, lead.end)).replace(/^[\d.]+、?/, "");
  return TIME_ADVERBIAL.test(adverbial) ? frameOfContext(adverbial) : "";
}

/** A span of several years before a figure in its sentence (近3年, 五年来, 2021年以来, 历年). */
const SEVERAL_YEARS =
  /近[\d一二两三四五六七八九十]+年|[\d一二两三四五六七八九十]+年(?:来|以来|间)|年以来|历年/;

/** Characters at a sentence's start where a frame word opens it (上半年, 第一季度, 全年). */
const MAX_OPENING_FRAME = 5;

/** 全县/全市…: the whole area's quantity. */
const WHOLE_AREA_SCOPE = new RegExp(`全(?:${PLAIN_ADMIN_SUFFIXES.join("|")})`, "g");
/** 本单位/我局…: the unit's own quantity. */
const OWN_SCOPE = /[本我](?:单位|部门|局|委|办|中心|院|站|所)/g;
/** 该项目/该村…: the subject of the section the sentence stands in. */
const SECTION_SCOPE = /[该此](?:项目|工程|村|社区|乡|镇|基地|企业|合作社|学校|医院)/g;

/**
 * Whose quantity a figure is, from its sentence before it: the whole area (全县), the unit itself (本单位),
 * the subject of its own section (该项目 in （一）某项目), or "" when the sentence does not say. The last
 * marker before the figure counts. Without one, a figure under a section named after one subject
 * (（二）农田水利建设项目, 二、白沙村) is that subject's.
 */
function scopeOf(
  doc: Document,
  text: string,
  f: Figure,
  sentences: readonly Span[],
  section: string,
): string {
  const sentence = sentences.find((s) => s.start <= f.loc.start && f.loc.start < s.end);
  if (!sentence) return "";
  const before = normalize(text.slice(sentence.start, f.loc.start));
  const project = subjectSection(doc, section);
  let best: [number, string] | undefined;
  for (
    const [re, scope] of [[WHOLE_AREA_SCOPE, "area"], [OWN_SCOPE, "self"], [
      SECTION_SCOPE,
      `§${project ?? section}`,
    ]] as const
  ) {
    for (const m of before.matchAll(re)) if (!best || m.index! > best[0]) best = [m.index!, scope];
  }
  // Under a section named after one subject, 全村/本单位 are that subject's too.
  return project ? `${best && !best[1].startsWith("§") ? best[1] : ""}§${project}` : best?.[1] ?? "";
}

/**
 * The scope of an unmarked figure outside every subject section of a report with parallel ones ((一)A项目,
 * (二)B项目): the report's whole, which one project's figure is not (项目合计支出 / 该项目支出).
 */
const OUTSIDE_SUBJECTS = "outside-subjects";

/** Whether two sections of one parent each name one subject (parallel project or place subsections). */
function hasParallelSubjects(doc: Document): boolean {
  const parents = new Set<string>();
  for (const s of Object.values(doc.sections)) {
    if (s.parent === null || subjectSection(doc, s.id) !== s.id) continue;
    if (parents.has(s.parent)) return true;
    parents.add(s.parent);
  }
  return false;
}

/** A target or plan (计划培训1000人次) and what was actually done (实际培训1200人次): the last marker counts. */
// 计划 inside a name (营养改善计划项目, 《…计划》) marks no plan.
const PLAN_STANCE = /计划(?![项》」”])|目标|预计|拟|力争/g;
const ACTUAL_STANCE = /实际/g;

/** Whether a figure is a plan's, an actual one, or "" when its sentence does not say before it. */
function stanceOf(text: string, f: Figure, sentences: readonly Span[]): string {
  const sentence = sentences.find((s) => s.start <= f.loc.start && f.loc.start < s.end);
  if (!sentence) return "";
  const before = text.slice(sentence.start, f.loc.start);
  const last = (re: RegExp) => Math.max(-1, ...[...before.matchAll(re)].map((m) => m.index!));
  const [plan, actual] = [last(PLAN_STANCE), last(ACTUAL_STANCE)];
  return plan < 0 && actual < 0 ? "" : plan > actual ? "plan" : "actual";
}

/**
 * The part of the report a section is: targets (二、绩效目标, （一）年度绩效目标) or results (三、绩效目标完成
 * 情况, 主要绩效); "" for other sections.
 */
function sectionStance(doc: Document, section: string): string {
  // The innermost title that says decides: （一）年度绩效目标 under 三、绩效目标及完成情况 states targets.
  for (const t of [...(doc.sections[section]?.path ?? [])].reverse()) {
    if (RESULT_TITLE.test(t)) return "actual";
    if (TARGET_TITLE.test(t)) return "plan";
  }
  return "";
}
const TARGET_TITLE = /目标|计划/;
const RESULT_TITLE = /完成|实现|绩效分析|主要绩效|成效|执行情况/;

/**
 * Targets and results compared apart (培训农民600人次 under 二、绩效目标, 650人次 under 三、绩效目标完成情况),
 * unless a figure from another part of the report joins them: then all are one quantity's statements.
 */
function byPart(placed: Placed[]): Placed[][] {
  if (placed.some((p) => p.part === "")) return [placed];
  return byLabel(placed, (p) => p.part);
}

/** The events counted in the clause before a figure's, in its sentence (开展电商培训5期，培训农民200人次). */
function eventBefore(text: string, f: Figure): string {
  const clause = clauseSpan(text, f.loc.start, f.loc.end);
  if (clause.start === 0 || /[；;。！？!?]/.test(text[clause.start - 1])) return "";
  const prev = clauseSpan(text, clause.start - 1, clause.start - 1);
  const events = eventSubject(text.slice(prev.start, prev.end));
  return events ? quantitySubject(events).key : "";
}

/** Month and day dates in a figure's sentence other than the year's end (截至6月底): a stage, not the year. */
function stageOf(text: string, f: Figure, sentences: readonly Span[]): string {
  const sentence = sentences.find((s) => s.start <= f.loc.start && f.loc.start < s.end);
  if (!sentence) return "";
  const dates = normalize(text.slice(sentence.start, sentence.end)).matchAll(
    /\d{1,2}月(?:\d{1,2}日|底|末)?/g,
  );
  return [...dates].map((m) => m[0]).filter((d) => !/^12月(?:31日|底|末)$/.test(d)).join(",");
}
/** Figures of the extraction naming the same quantity, unit, years and time frame, with values that cannot both hold. */
export function subjectConflicts(
  { doc, extraction, views }: CheckContext,
  covered: Covered,
): FindingDraft<SubjectDetails>[] {
  const groups = new Map<string, Placed[]>();
  // Many figures share a subject: its quantity is worked out once.
  const cache = new Map<string, QuantitySubject>();
  const keys = new Map<string, string>(); // subjectKey by subject
  const docYear = doc.meta.year ?? undefined;
  const wholes = wholesOfParts(extraction.relations);
  const parallel = hasParallelSubjects(doc);
  // First the quantity, unit and year alone: most quantities are stated once, or always with compatible
  // values, and need none of the finer labels below.
  const coarse = new Map<string, { f: Figure; q: QuantitySubject }[]>();
  for (const f of extraction.figures) {
    if (f.loc.table || f.approx !== "exact" || f.range || !f.unit || SKIPPED_UNITS.has(f.unit)) continue;
    const block = doc.blocks[f.loc.block];
    if (!block || block.kind === "table") continue;
    const q0 = quantityOf(block.text, f, cache, keys);
    if (!q0 || coveredBy(f, covered)) continue;
    const sentences = views.sentencesOfBlock(f.loc.block);
    const q = { ...q0 };
    // A part (其中 A x) is the quantity of its whole's part: 基本支出's 商品和服务支出 is not 项目支出's.
    const whole = wholes.get(locKey(f));
    if (whole) {
      const wb = doc.blocks[whole.loc.block];
      const wq = wb && wb.kind !== "table" && !whole.loc.table
        ? quantityOf(wb.text, whole, cache, keys)
        : null;
      if (!wq) continue;
      q.key = `${wq.key}›${q.key}`;
    } else if (partOfUnknownWhole(block.text, f, sentences)) continue;
    const year = f.year === docYear ? "" : f.year ?? "";
    const key = `${q.key}|${f.unit}|${year}`;
    const list = coarse.get(key);
    if (list) list.push({ f, q });
    else coarse.set(key, [{ f, q }]);
  }
  for (const [coarseKey, members] of coarse) {
    if (members.every((a, i) => members.every((b, j) => j <= i || compatible(a.f, b.f)))) continue;
    for (const { f, q: q1 } of members) {
      const block = doc.blocks[f.loc.block];
      if (block.kind === "table") continue;
      const sentences = views.sentencesOfBlock(f.loc.block);
      const q = { ...q1, frame: frameOf(block.text, f, q1, sentences) };
      const scope = scopeOf(doc, block.text, f, sentences, block.section) ||
        (parallel ? OUTSIDE_SUBJECTS : "");
      const stance = stanceOf(block.text, f, sentences);
      const part = sectionStance(doc, block.section);
      const event = eventBefore(block.text, f);
      const key = `${coarseKey}|${yearsKey(views, sentences, f.loc.start, docYear)}|` +
        stageOf(block.text, f, sentences);
      const group = groups.get(key);
      if (group) group.push({ f, q, scope, stance, part, event });
      else groups.set(key, [{ f, q, scope, stance, part, event }]);
    }
  }
  const findings: FindingDraft<SubjectDetails>[] = [];
  for (const placed of groups.values()) {
    const split = (groups: Placed[][], label: (p: Placed) => string) =>
      groups.flatMap((g) => byLabel(g, label));
    const labelled = split(split(split([placed], (p) => p.scope), stanceLabel), (p) => p.event)
      .flatMap(byPart);
    for (const figs of split(labelled, (p) => p.q.frame)) {
      const clusters = conflictClusters(figs);
      if (!clusters) continue;
      // A short subject (培训, 在职) with three values or more is likely several quantities of one kind.
      if (clusters.length > 2 && figs.some((p) => charCount(p.q.key) < MIN_SUBJECT)) continue;
      findings.push(subjectFinding(doc, clusters));
    }
  }
  return findings.sort((f, g) => f.evidence[0].block - g.evidence[0].block);
}

/**
 * The stance figures are compared by: one the sentence does not mark, outside a target section, states what
 * was done — it is compared with 实际 figures, never joined to a 计划/目标 one (年度目标80公里 / 新建84.6公里).
 */
const stanceLabel = (p: Placed) => p.stance === "" && p.part !== "plan" ? "actual" : p.stance;

const locKey = (f: Figure) => `${f.loc.block}:${f.loc.start}`;

/** The whole of every figure listed as a part (合计 N，其中 A x、B y), by the part's location. */
function wholesOfParts(relations: readonly Relation[]): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const r of relations) {
    if (r.kind !== "part-whole") continue;
    for (const p of r.parts) out.set(locKey(p), r.whole);
  }
  return out;
}

/**
 * The figures to compare with each other, by time frame or by scope (the label): figures of one label
 * together, and those without one joined to the label when the subject has a single label in the document
 * (年末在职人员 / 在职人员); with several (年初预算 / 全年预算), a figure without a label is compared only with
 * others without one.
 */
function byLabel(placed: Placed[], label: (p: Placed) => string): Placed[][] {
  const frames = new Map<string, Placed[]>();
  for (const p of placed) {
    const list = frames.get(label(p));
    if (list) list.push(p);
    else frames.set(label(p), [p]);
  }
  const named = [...frames.keys()].filter((k) => k !== "");
  if (named.length === 1 && frames.has("")) return [[...frames.get("")!, ...frames.get(named[0])!]];
  return [...frames.values()];
}

/**
 * The figures grouped by compatible value, in document order, when two groups cannot both hold and hold
 * figures of different paragraphs; undefined when the values agree, or when one paragraph states two of
 * them (a comparison or a list, not one quantity).
 */
function conflictClusters(placed: Placed[]): Figure[][] | undefined {
  const figs = placed.map((p) => p.f).slice(0, MAX_SUBJECT_PARTNERS)
    .sort((a, b) => a.loc.block - b.loc.block || a.loc.start - b.loc.start);
  const clusters: Figure[][] = [];
  for (const f of figs) {
    const home = clusters.find((c) => c.some((g) => compatible(f, g)));
    if (home) home.push(f);
    else clusters.push([f]);
  }
  if (clusters.length < 2) return undefined;
  const blockOf = new Map<number, number>();
  for (let c = 0; c < clusters.length; c++) {
    for (const f of clusters[c]) {
      const seen = blockOf.get(f.loc.block);
      if (seen !== undefined && seen !== c) return undefined;
      blockOf.set(f.loc.block, c);
    }
  }
  return clusters;
}

function subjectFinding(doc: Document, clusters: Figure[][]): FindingDraft<SubjectDetails> {
  const figs = clusters.flat();
  const first = clusters.map((c) => c[0]);
  // One place per paragraph and clause: a passage copied into several sections is one finding.
  const seen = new Set<string>();
  const places = figs.filter((f) => {
    const k = `${f.loc.block}:${f.quote}`;
    return !seen.has(k) && !!seen.add(k);
  }).sort((a, b) => a.loc.block - b.loc.block || a.loc.start - b.loc.start);
  const evidence = [...first, ...places.filter((f) => !first.includes(f))]
    .map((f) => textEvidence(doc, f.loc.block, f.quote));
  const quoted = first.map((_, i) =>
    `「${evidence[i].quote}」（${evidence[i].section ? `「${evidence[i].section}」` : "正文前部"}）`
  );
  const more = evidence.length > first.length ? `该数量在文中共出现${evidence.length}处。` : "";
  return {
    severity: "warning",
    message: `“${first[0].subject || "该数量"}”在不同位置数值不一致：${quoted.join("与")}。${more}` +
      `此处假定${evidence.length === 2 ? "两处" : "各处"}指同一数量（名称、单位、年度和时点相同）；` +
      "如口径或时点不同，请在文中注明。",
    hint: "核实该数量的正确值并统一全文表述；确属不同口径的，请写明统计口径或时点。",
    evidence,
    messageId: "same-subject",
    details: {
      subject: first[0].subject,
      unit: first[0].unit,
      stated: first.map((f) => f.raw),
      values: first.map((f) => f.value),
      occurrences: Object.fromEntries(clusters.map((c) => [c[0].raw, c.length])),
      assumption: `${evidence.length === 2 ? "两处" : "各处"}数字指同一数量`,
    },
  };
}

/** The subject is written right before the number (城镇新增就业人数：969人), not somewhere else in the clause. */
function namedRightBefore(text: string, f: Figure, subject: string): boolean {
  const before = SUBJECT_TAIL(
    LINKING_TAIL(normalize(text.slice(Math.max(0, f.loc.start - 60), f.loc.start))),
  );
  return before.endsWith(subject);
}
