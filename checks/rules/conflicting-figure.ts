/** conflicting-figure: the same quantity stated with different values. */
import type { CheckContext, FindingDraft, Rule } from "../../src/model/rule.ts";
import type { Evidence } from "../../src/model/finding.ts";
import type { Figure, Relation } from "../../src/model/figure.ts";
import { intervalOf } from "../../src/extract/tolerance.ts";
import { normalize } from "../../src/analysis/text/normalize.ts";
import { trailingWordsStripper } from "../../src/analysis/text/affixes.ts";
import { charCount } from "../../src/analysis/text/chars.ts";
import {
  isOrdinalToken,
  isTimeToken,
  type NumberToken,
  numberTokens,
  wordingLength,
} from "../../src/analysis/text/masking.ts";
import type { Sentence } from "../../src/analysis/text/passages.ts";
import { clauseAround as clauseSpan, type Span, splitClauses } from "../../src/analysis/segment.ts";
import type { Views } from "../../src/analysis/views.ts";
import { evidenceOf, placeOf, type TextUnit } from "../../src/analysis/text/units.ts";
import { PLAIN_ADMIN_SUFFIXES } from "../../src/analysis/vocab.ts";
import { evidence as textEvidence } from "../../src/analysis/evidence.ts";
import { h } from "../../src/testing/doc-spec.ts";
import type { Document } from "../../src/model/document.ts";
import { TRANSFER_VERBS } from "../../src/analysis/quantity-vocab.ts";
import {
  eventSubject,
  frameOfContext,
  type QuantitySubject,
  quantitySubject,
} from "../../src/analysis/quantity-key.ts";

/** Shared wording (numbers aside) a sentence needs before two copies of it are aligned. */
const MIN_WORDING = 15;
/** A sentence this long is a pasted passage on its own; shorter ones need a shared neighbour or paragraph. */
const LONG_WORDING = 40;
/** Subjects shorter than this (normalised) are too vague to say two figures measure the same thing. */
const MIN_SUBJECT = 4;
/**
 * Work caps for template-like repetition (one sentence skeleton, or one subject, hundreds of times): a copy
 * is compared with at most this many following copies. Smaller buckets are compared pair by pair.
 */
const MAX_PARTNERS = 32;
const MAX_SUBJECT_PARTNERS = 256;

export const conflictingFigure: Rule = {
  meta: {
    id: "conflicting-figure",
    severity: "error",
    title: "数字前后矛盾",
    messages: {
      "aligned-passages": { description: "相同表述中的数字不同" },
      "same-subject": { description: "同一数量在不同位置数值不同", certainty: "assumption" },
      "all-versus-part": {
        description: "称资金已全部拨付（到位），另一处所写已拨付金额却较少",
        certainty: "assumption",
      },
    },
    docs: {
      summary:
        "The same quantity stated with different values: (a) two copies of a passage whose wording is the " +
        "same and whose numbers differ (error, each differing number one finding; a warning when the copies " +
        "may describe different subjects — table rows with different labels, sections named after different " +
        "projects or places, parallel subsections — and nothing when several numbers differ there or the " +
        "copies differ in a time or an item number such as 第2批); (b) figures with the same " +
        "normalised subject, unit, year and time frame but incompatible values in different places (warning, " +
        "assuming they mean the same quantity; one finding with every place). The subject is normalised with " +
        "the vocabulary of src/analysis/quantity-vocab.ts: stop words (共/累计/全年/实有/截至…) go, synonyms " +
        "meet (在职职工 = 在职人员, 惠及群众 = 受益群众, 开展培训12期，累计N人次 = 培训N人次), qualifiers stay " +
        "(编制/在编/在职/退休, 预算/执行, 计划/实际/完成/目标); 人 and 人次 differ, 万人 and 人 are compared after " +
        "scaling; 年初/年末, 全年/一季度, 本年/上年 are different frames, and a figure without a frame joins the " +
        "subject's only frame. Scope, stance and stage keep apart what the sentence or section says differs: " +
        "全县 / 本单位 / 该项目 or a section named after one project or place, 计划/目标 / 实际, a target " +
        "section / a results section, the events counted in the clause before (开展电商培训5期，培训农民N人次), " +
        "a dated stage (截至6月底), several years (近3年). (c) 「X万元已全部拨付」 against 「已拨付Y万元」 with the same verb and Y < X " +
        "(warning). Values that may be roundings of each other (12.35万人 / 12.3万人), approximate values " +
        "(约/余) and passages differing in a year or date are not reported.",
      rationale:
        "When a document states two values for one quantity, at least one is wrong; reviewers must ask which.",
      examples: [
        {
          title: "重复的一句中人数不同",
          kind: "invalid",
          messageId: "aligned-passages",
          doc: [
            h(1, "一、部门工作完成情况"),
            "抓好引才工作，从外地引进专业技术人员12人，充实基层力量。完善服务机制。" +
            "抓好引才工作，从外地引进专业技术人员21人，充实基层力量。",
          ],
        },
        {
          title: "同一数量换了说法，数值不同",
          kind: "invalid",
          messageId: "same-subject",
          doc: [
            h(1, "一、部门概况"),
            "本局内设4个股室，年末在职职工58人，退休人员20人。",
            h(1, "三、绩效分析"),
            "在队伍建设方面，在职职工共61人，均未超编。",
          ],
        },
        {
          title: "称资金已全部拨付，另一处已拨付金额较少",
          kind: "invalid",
          messageId: "all-versus-part",
          doc: [
            h(1, "一、资金到位情况"),
            "专项资金850万元目前已全部拨付。",
            h(1, "二、资金执行情况"),
            "已完成拨付720万元，执行率84.71%。",
          ],
        },
        {
          title: "编制数与在职人数是不同数量",
          kind: "valid",
          doc: [
            h(1, "一、部门概况"),
            "核定行政编制62人，退休人员20人。",
            h(1, "三、绩效分析"),
            "在职人员共58人，均未超编。",
          ],
        },
        {
          title: "两处数字一致",
          kind: "valid",
          doc: [
            h(1, "一、部门工作完成情况"),
            "抓好引才工作，从外地引进专业技术人员12人，充实基层力量。完善服务机制。" +
            "抓好引才工作，从外地引进专业技术人员12人，充实基层力量。",
          ],
        },
      ],
    },
  },
  check(ctx) {
    const aligned = alignedConflicts(ctx);
    return [...aligned.findings, ...subjectConflicts(ctx, aligned.covered), ...transferConflicts(ctx)];
  },
};

interface Occ {
  unit: TextUnit;
  sentences: Sentence[];
  s: number;
  tokens: NumberToken[];
  /** isTimeToken of each token, filled on first use (a sentence meets each of its copies). */
  time: (boolean | undefined)[];
}

/** A sentence that may be one copy of a passage; its number tokens are read only when it has a twin. */
type Slot = Omit<Occ, "tokens" | "time">;

interface Side {
  value: number;
  raw: string;
  evidence: Evidence[];
  places: string[];
  keys: Set<string>;
}

/** Starts of the aligned tokens already reported, per paragraph block (cells are never looked up). */
type Covered = Map<number, Set<number>>;

/** Part (a): sentences with the same skeleton (wording with numbers masked) but different numbers. */
function alignedConflicts({ doc, views }: CheckContext): { findings: FindingDraft[]; covered: Covered } {
  const units = views.textUnits;
  const buckets = new Map<string, Slot[]>();
  for (const unit of units) {
    const sentences = views.unitSentences(unit);
    for (let s = 0; s < sentences.length; s++) {
      const skel = sentences[s].skel;
      if (!skel.includes("#") || wordingLength(skel) < MIN_WORDING) continue;
      const list = buckets.get(skel);
      if (list) list.push({ unit, sentences, s });
      else buckets.set(skel, [{ unit, sentences, s }]);
    }
  }
  const conflicts = new Map<string, { skel: string; sides: [Side, Side]; certain: boolean }>();
  const covered: Covered = new Map();
  for (const [skel, slots] of buckets) {
    if (slots.length < 2) continue;
    const occs: Occ[] = slots.map((slot) => {
      const sent = slot.sentences[slot.s];
      const tokens = numberTokens(sent.text);
      for (const t of tokens) {
        t.start += sent.start;
        t.end += sent.start;
      }
      return { ...slot, tokens, time: [] };
    });
    for (let x = 0; x < occs.length; x++) {
      for (let y = x + 1; y < occs.length && y <= x + MAX_PARTNERS; y++) {
        const [p, q] = [occs[x], occs[y]];
        if (p.tokens.length !== q.tokens.length) continue;
        const diff: number[] = [];
        for (let k = 0; k < p.tokens.length; k++) if (p.tokens[k].value !== q.tokens[k].value) diff.push(k);
        if (!diff.length || !related(p, q, skel, diff.length)) continue;
        if (diff.some((k) => isTime(p, k) || isTime(q, k) || isOrdinal(p, k) || isOrdinal(q, k))) continue;
        const parallel = mayDescribeOthers(doc, p.unit, q.unit);
        // One template filled in for two subjects: several of its figures differ.
        if (parallel && diff.length > 1) continue;
        for (const k of diff) {
          const [a, b] = [p.tokens[k], q.tokens[k]];
          if (roundingCompatible(a, b)) continue;
          const key = `${skel}|${k}|${Math.min(a.value, b.value)}|${Math.max(a.value, b.value)}`;
          const c = conflicts.get(key) ??
            { skel, sides: [side(a), side(b)] as [Side, Side], certain: false };
          c.certain ||= !parallel;
          for (const [occ, tok] of [[p, a], [q, b]] as const) {
            const sd = c.sides.find((sd) => sd.value === tok.value)!;
            const locKey = `${occ.unit.block}:${occ.unit.table?.row ?? ""}:${
              occ.unit.table?.col ?? ""
            }:${tok.start}`;
            if (!occ.unit.table) {
              const starts = covered.get(occ.unit.block);
              if (starts) starts.add(tok.start);
              else covered.set(occ.unit.block, new Set([tok.start]));
            }
            if (sd.keys.has(locKey)) continue;
            sd.keys.add(locKey);
            sd.evidence.push(evidenceOf(occ.unit, clauseAround(occ, tok)));
            sd.places.push(placeOf(occ.unit));
          }
          conflicts.set(key, c);
        }
      }
    }
  }
  const findings = [...conflicts.values()].map(({ sides, certain }): FindingDraft => {
    sides.sort((s, t) => s.evidence[0].block - t.evidence[0].block);
    const [a, b] = sides;
    const count = a.evidence.length + b.evidence.length;
    const where = [...new Set([...a.places, ...b.places])].join("、");
    const message = `前后表述相同而数字不同：「${a.evidence[0].quote}」与「${b.evidence[0].quote}」` +
      `（${where}），两处其余文字一致，` +
      (certain
        ? `所写数值${a.raw}与${b.raw}不可能同时正确。`
        : `两处所在的小节或表格行不同，可能分别描述不同对象；此处假定写的是同一事项，则所写数值${a.raw}与` +
          `${b.raw}不可能同时正确；如分别写不同对象，请忽略。`) +
      (count > 2 ? `该矛盾在文中共出现${count}处。` : "");
    return {
      severity: certain ? "error" : "warning",
      ...(certain ? {} : { certainty: "assumption" as const }),
      message,
      hint: "核实该数字的正确值，统一全文表述，并删除重复的语句。",
      evidence: [a.evidence[0], b.evidence[0], ...a.evidence.slice(1), ...b.evidence.slice(1)],
      messageId: "aligned-passages",

      details: {
        stated: [a.raw, b.raw],
        values: [a.value, b.value],
        occurrences: { [a.raw]: a.evidence.length, [b.raw]: b.evidence.length },
        ...(certain ? {} : { assumption: "不同小节或表格行中相同句式的两处写的是同一事项" }),
      },
    };
  });
  return { findings: findings.sort((f, g) => f.evidence[0].block - g.evidence[0].block), covered };
}

/**
 * Two texts that may each describe their own subject in one template, so that equal wording does not make
 * them one statement: texts of table rows with different labels (or a labelled row and the prose), texts
 * under sections named after different subjects (一、青石村 / 二、白沙村), and texts in parallel subsections
 * ((一)… / (二)… under one part). Texts in different parts of the outline (一、部门概况 / 三、绩效分析) all
 * speak of the unit itself.
 */
function mayDescribeOthers(doc: Document, a: TextUnit, b: TextUnit): boolean {
  const [la, lb] = [rowLabel(doc, a), rowLabel(doc, b)];
  if ((la || lb) && la !== lb) return true;
  if (a.section === b.section) return false;
  const [sa, sb] = [subjectSection(doc, a.section), subjectSection(doc, b.section)];
  if (sa && sb && sa !== sb) return true;
  const chain = (id: string) => {
    const ids: string[] = [];
    for (let s: string | null = id; s !== null && doc.sections[s]; s = doc.sections[s].parent) ids.push(s);
    return ids;
  };
  const [ca, cb] = [chain(a.section), chain(b.section)];
  if (ca.includes(b.section) || cb.includes(a.section)) return false;
  const common = ca.find((id) => cb.includes(id));
  return !!common && !!doc.sections[common].parent;
}

/** The label of a table cell's row (its first cell), normalised; "" for prose and first-column cells. */
function rowLabel(doc: Document, u: TextUnit): string {
  const block = doc.blocks[u.block];
  if (!u.table || u.table.col === 0 || block?.kind !== "table") return "";
  return normalize(block.grid[u.table.row]?.[0]?.text ?? "");
}

/** A number that labels an item (第2批, 3号点位, 2标段): copies differing in it are items of a list. */
function isOrdinal(occ: Occ, k: number): boolean {
  return isOrdinalToken(occ.unit.text, occ.tokens[k]);
}

function isTime(occ: Occ, k: number): boolean {
  return occ.time[k] ??= isTimeToken(occ.unit.text, occ.tokens[k]);
}

function side(t: NumberToken): Side {
  return { value: t.value, raw: t.raw, evidence: [], places: [], keys: new Set() };
}

/**
 * Two copies are aligned only when they are evidently one passage written twice: long enough on their own,
 * in the same paragraph, next to a sentence both copies share word for word, or a whole paragraph copied
 * with all its figures but one unchanged.
 */
function related(p: Occ, q: Occ, skel: string, differing: number): boolean {
  if (wordingLength(skel) >= LONG_WORDING) return true;
  if (p.unit === q.unit) return true;
  if (differing === 1 && p.tokens.length >= 2 && sameParagraph(p, q)) return true;
  const same = (i: number, j: number) => {
    const a = p.sentences[i], b = q.sentences[j];
    return !!a && !!b && a.length >= MIN_WORDING && a.norm === b.norm;
  };
  return same(p.s - 1, q.s - 1) || same(p.s + 1, q.s + 1);
}

/** Two paragraphs alike sentence for sentence: the aligned ones, the others word for word. */
function sameParagraph(p: Occ, q: Occ): boolean {
  if (p.unit.table || q.unit.table || p.s !== q.s || p.sentences.length !== q.sentences.length) return false;
  return p.sentences.every((sp, i) => i === p.s || sp.norm === q.sentences[i].norm);
}

/** The same token read at each other's precision: 12.35 and 12.3 may both be the same value rounded. */
function roundingCompatible(a: NumberToken, b: NumberToken): boolean {
  const contains = (x: NumberToken, y: NumberToken) => {
    const iv = intervalOf({ stated: x.value, decimals: x.decimals, scale: 1 });
    return iv.low - 1e-9 <= y.value && y.value <= iv.high + 1e-9;
  };
  return (a.decimals > 0 || b.decimals > 0) && (contains(a, b) || contains(b, a));
}

/** The clause (between ，、：；。) holding the token, as an exact substring of the unit's text. */
function clauseAround(occ: Occ, tok: NumberToken): string {
  const sent = occ.sentences[occ.s];
  const clause = splitClauses(sent).find((c) => c.start <= tok.start && tok.end <= c.end);
  return clause?.text ?? occ.unit.text.slice(tok.start, tok.end);
}

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

/** A figure of part (b) with the quantity it names. */
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
 * A section title naming one subject — a project, a place, a body (（一）农田水利建设项目, 二、白沙村) — not a
 * part of the outline (（一）项目概况, 二、绩效分析).
 */
const SUBJECT_TITLE =
  /\p{Script=Han}{2,}(?:项目|工程|村|社区|镇|乡|街道|片区|基地|学校|幼儿园|医院|卫生院|中心|站|所)$/u;

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

/** The innermost section (or ancestor) whose title names one subject, if any. */
function subjectSection(doc: Document, section: string): string | undefined {
  for (let id: string | null = section; id !== null && doc.sections[id]; id = doc.sections[id].parent) {
    const title = normalize(doc.sections[id].title).replace(
      /^[（(]?[一二三四五六七八九十\d]+[)）、.．]?/,
      "",
    );
    if (SUBJECT_TITLE.test(title)) return id;
  }
  return undefined;
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

/** Part (b): figures of the extraction naming the same quantity, unit, years and time frame, with values that cannot both hold. */
function subjectConflicts({ doc, extraction, views }: CheckContext, covered: Covered): FindingDraft[] {
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
  const findings: FindingDraft[] = [];
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

/** A figure after 其中 in its sentence with no whole known: part of something the key cannot name. */
function partOfUnknownWhole(text: string, f: Figure, sentences: readonly Span[]): boolean {
  const sentence = sentences.find((s) => s.start <= f.loc.start && f.loc.start < s.end);
  return !!sentence && text.slice(sentence.start, f.loc.start).includes("其中");
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

function subjectFinding(doc: Document, clusters: Figure[][]): FindingDraft {
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

/**
 * Years written in the sentence holding a position other than the year evaluated, as a key: figures of
 * different years are different quantities. Cached per sentence.
 */
function yearsKey(views: Views, sentences: readonly Span[], pos: number, docYear?: number): string {
  const sentence = sentences.find((s) => s.start <= pos && pos < s.end);
  if (!sentence) return "";
  const years = views.per("conflicting-figure:years", sentence, (s) => {
    const years = new Set<number>();
    for (const m of s.text.matchAll(/((?:19|20)\d\d)\s*年/g)) years.add(Number(m[1]));
    return [...years].sort();
  });
  return years.filter((y) => y !== docYear).join(",");
}

const TRANSFER = TRANSFER_VERBS.join("|");
/** After an amount: …万元（目前）已全部拨付 — the whole amount handed over. */
const ALL_TRANSFERRED = new RegExp(`^(?:资金)?(?:目前|现已|现|均|已经|已|并)*全部(?:完成)?(${TRANSFER})`);
/** Before an amount: 已（完成）拨付 … — the amount handed over so far, with nothing narrowing it. */
const TRANSFERRED = new RegExp(`^(?:已经|已|共|累计|实际)*(?:完成)?(${TRANSFER})(?:资金)?$`);

/**
 * Part (c): 「X万元已全部拨付」 in one place, 「已拨付Y万元」 (same verb, nothing narrowing it) with Y < X in
 * another. A warning: it assumes both speak of the same fund at the same time.
 */
function transferConflicts({ doc, extraction, views }: CheckContext): FindingDraft[] {
  const docYear = doc.meta.year ?? undefined;
  const whole = new Map<string, Figure[]>(), part = new Map<string, Figure[]>();
  const add = (m: Map<string, Figure[]>, k: string, f: Figure) => m.set(k, [...m.get(k) ?? [], f]);
  for (const f of extraction.figures) {
    if (f.loc.table || f.approx !== "exact" || f.range || f.unit !== "元") continue;
    const block = doc.blocks[f.loc.block];
    if (!block || block.kind === "table") continue;
    const sentences = views.sentencesOfBlock(f.loc.block);
    if (yearsKey(views, sentences, f.loc.start, docYear)) continue;
    const text = block.text;
    const clause = clauseSpan(text, f.loc.start, f.loc.end);
    const after = ALL_TRANSFERRED.exec(normalize(text.slice(f.loc.end, clause.end)));
    if (after) {
      add(whole, after[1], f);
      continue;
    }
    const before = TRANSFERRED.exec(normalize(text.slice(clause.start, f.loc.start)));
    if (before && !partOfUnknownWhole(text, f, sentences)) add(part, before[1], f);
  }
  const findings: FindingDraft[] = [];
  for (const [verb, xs] of whole) {
    const ys = part.get(verb);
    if (!ys) continue;
    const [x, y] = [xs[0], ys[0]];
    // One amount on each side, in different paragraphs, the part below the whole beyond rounding.
    if (xs.some((f) => !compatible(f, x)) || ys.some((f) => !compatible(f, y))) continue;
    if (x.loc.block === y.loc.block || compatible(x, y) || y.value > x.value) continue;
    // Two dated statements (截至6月底 … / 截至3月底 …) may be two stages of one payment.
    const [dx, dy] = [x, y].map((f) => datesOf(doc, views, f));
    if (dx && dy && dx !== dy) continue;
    const evidence = [x, y].map((f) => textEvidence(doc, f.loc.block, f.quote));
    const where = (e: Evidence) => e.section ? `「${e.section}」` : "正文前部";
    findings.push({
      severity: "warning",
      message: `「${evidence[0].quote}」（${where(evidence[0])}）称${x.raw}已全部${verb}，` +
        `「${evidence[1].quote}」（${where(evidence[1])}）却写已${verb}${y.raw}，少于前者。` +
        `此处假定两处指同一笔资金、同一时点的${verb}情况；如口径或时点不同，请在文中注明。`,
      hint: `核实实际${verb}金额，统一“全部${verb}”与${verb}金额的表述。`,
      evidence,
      messageId: "all-versus-part",
      details: {
        verb,
        unit: x.unit,
        stated: [x.raw, y.raw],
        values: [x.value, y.value],
        assumption: `两处指同一笔资金、同一时点的${verb}`,
      },
    });
  }
  return findings.sort((f, g) => f.evidence[0].block - g.evidence[0].block);
}

/** The month/day dates written in a figure's sentence, as a key ("" when none). */
function datesOf(doc: Document, views: Views, f: Figure): string {
  const block = doc.blocks[f.loc.block];
  const sentence = views.sentencesOfBlock(f.loc.block).find((s) =>
    s.start <= f.loc.start && f.loc.start < s.end
  );
  if (!block || block.kind === "table" || !sentence) return "";
  const text = normalize(block.text.slice(sentence.start, sentence.end));
  return [...text.matchAll(/\d{1,2}月(?:\d{1,2}日|底|末)?/g)].map((m) => m[0]).join(",");
}

function coveredBy(f: Figure, covered: Covered): boolean {
  const starts = covered.get(f.loc.block);
  if (!starts) return false;
  for (let i = f.loc.start; i < f.loc.end; i++) if (starts.has(i)) return true;
  return false;
}

/** Compatible when either value lies within the other's rounding interval (both in the base unit). */
function compatible(a: Figure, b: Figure): boolean {
  const within = (x: Figure, y: Figure) => {
    const iv = intervalOf(x);
    const eps = 1e-9 * Math.max(1, Math.abs(y.value));
    return iv.low - eps <= y.value && y.value <= iv.high + eps;
  };
  return within(a, b) || within(b, a);
}
