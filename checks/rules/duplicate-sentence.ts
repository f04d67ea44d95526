/** duplicate-sentence: a sentence (or run of sentences) repeated inside one paragraph or one section. */
import type { FindingDraft, Rule } from "../../src/model/rule.ts";
import type { Evidence, Severity } from "../../src/model/finding.ts";
import { normalize } from "../../src/analysis/text/normalize.ts";
import { jaccard } from "../../src/analysis/text/shingles.ts";
import { charCount } from "../../src/analysis/text/chars.ts";
import { differInTime } from "../../src/analysis/text/masking.ts";
import { repeatedRuns, runText, type Sentence } from "../../src/analysis/text/passages.ts";
import { evidenceOf, placeOf, quotePrefix, type TextUnit } from "../../src/analysis/text/units.ts";
import type { Views } from "../../src/analysis/views.ts";
import { h } from "../../src/testing/doc-spec.ts";

/** Sentences shorter than this (normalised characters) do not start a repeat. */
export const MIN_SENTENCE_CHARS = 15;
/** A repeat across paragraphs of one section shorter than this is only info (stock phrases recur). */
const SECTION_WARNING_CHARS = 30;
/**
 * Work cap for template-like repetition: a paragraph is compared with at most this many following
 * paragraphs of its section per sentence it shares with them, and a sentence with at most this many equal
 * ones. Below the cap every pair that can repeat a sentence is compared, as a pairwise scan would.
 */
const MAX_PARTNERS = 8;

interface Occurrence {
  unit: TextUnit;
  copies: { text: string; start: number }[];
  norms: string[];
}

interface Group {
  scope: "paragraph" | "section";
  key: string;
  chars: number;
  sentences: number;
  occurrences: Occurrence[];
  /** Blocks already among the occurrences (section scope). */
  blocks?: Set<number>;
}

export const duplicateSentence: Rule = {
  meta: {
    id: "duplicate-sentence",
    severity: "warning",
    title: "重复语句",
    messages: {
      "in-paragraph": { description: "同一段落内语句重复" },
      "in-section": { description: "同一部分的不同段落中语句重复" },
    },
    docs: {
      summary:
        "A sentence or run of consecutive sentences (split on 。！？；) repeated inside one paragraph or across " +
        "paragraphs of one section; sentences are compared normalised (whitespace, punctuation, full-width " +
        "forms) and with numbers masked, so a repeat that differs only in its figures is still a repeat. " +
        "Sentences under 15 characters do not start a repeat; whole duplicated paragraphs are left to " +
        "duplicate-paragraph.",
      rationale:
        "A passage pasted twice is an editing slip a reviewer will ask to remove; when the copies carry " +
        "different figures, at most one of them is right (see conflicting-figure).",
      examples: [
        {
          title: "同一段落中一句话写了两遍，数字不同",
          kind: "invalid",
          messageId: "in-paragraph",
          doc: [
            h(1, "一、部门工作完成情况"),
            "抓好引才工作，从外地引进专业技术人员12人。完善人才服务机制。抓好引才工作，从外地引进专业技术人员21人。",
          ],
        },
        {
          title: "语句不重复",
          kind: "valid",
          doc: [
            h(1, "一、部门工作完成情况"),
            "抓好引才工作，从外地引进专业技术人员12人。完善人才服务机制，落实各项待遇保障措施。",
          ],
        },
      ],
    },
  },
  check({ config, views }) {
    const units = views.textUnits;
    const sentences = units.map((u) => views.unitSentences(u));
    const groups = new Map<string, Group>();
    const add = (scope: Group["scope"], occ: Occurrence, sents: Sentence[]) => {
      const key = `${scope}|${sents.map((s) => s.skel).join("|")}`;
      const chars = sents.reduce((n, s) => n + s.length, 0);
      const g = groups.get(key) ?? { scope, key, chars, sentences: sents.length, occurrences: [] };
      g.occurrences.push(occ);
      groups.set(key, g);
    };
    // Inside one paragraph (or cell).
    units.forEach((unit, u) => {
      const ss = sentences[u];
      for (const run of repeatedRuns(ss, ss, true, MIN_SENTENCE_CHARS, MAX_PARTNERS)) {
        const first = runText(unit, ss, run.i, run.length);
        const second = runText(unit, ss, run.j, run.length);
        if (differInTime(first.text, second.text)) continue;
        add("paragraph", {
          unit,
          copies: [first, second],
          norms: [normalize(first.text), normalize(second.text)],
        }, ss.slice(run.i, run.i + run.length));
      }
    });
    // Across paragraphs of one section, unless the paragraphs are duplicates as a whole.
    const bySection = new Map<string, number[]>();
    units.forEach((unit, u) => {
      if (unit.table) return;
      const list = bySection.get(unit.section);
      if (list) list.push(u);
      else bySection.set(unit.section, [u]);
    });
    for (const members of bySection.values()) {
      for (const [x, y] of candidatePairs(members, sentences)) {
        const [a, b] = [members[x], members[y]];
        const runs = repeatedRuns(sentences[a], sentences[b], false, MIN_SENTENCE_CHARS, MAX_PARTNERS);
        if (!runs.length || wholeDuplicate(views, units[a], units[b], config.nearDuplicateThreshold)) {
          continue;
        }
        for (const run of runs) {
          const copyA = runText(units[a], sentences[a], run.i, run.length);
          const copyB = runText(units[b], sentences[b], run.j, run.length);
          if (differInTime(copyA.text, copyB.text)) continue;
          const sents = sentences[a].slice(run.i, run.i + run.length);
          const chars = sents.reduce((n, s) => n + s.length, 0);
          // Across paragraphs, a short sentence differing in its numbers is a template (…得分N分), not a paste.
          if (chars < SECTION_WARNING_CHARS && normalize(copyA.text) !== normalize(copyB.text)) continue;
          const key = `section|${units[a].section}|${sents.map((s) => s.skel).join("|")}`;
          const g = groups.get(key) ?? {
            scope: "section" as const,
            key,
            chars,
            sentences: sents.length,
            occurrences: [],
            blocks: new Set<number>(),
          };
          for (const [u, copy] of [[a, copyA], [b, copyB]] as const) {
            if (g.blocks!.has(units[u].block)) continue;
            g.blocks!.add(units[u].block);
            g.occurrences.push({ unit: units[u], copies: [copy], norms: [normalize(copy.text)] });
          }
          groups.set(key, g);
        }
      }
    }
    return [...groups.values()].map(describe).sort((p, q) => p.evidence[0].block - q.evidence[0].block);
  },
};

/**
 * The pairs (x < y, positions in `members`) that can share a repeated run, in the order a pairwise scan
 * visits them: y holds a sentence with the skeleton of one of x's sentences long enough to start a run.
 * Found through an index from skeleton to the paragraphs holding it; per skeleton, x is paired with at most
 * MAX_PARTNERS of the paragraphs after it.
 */
function candidatePairs(members: number[], sentences: Sentence[][]): [number, number][] {
  const holders = new Map<string, number[]>();
  const rank = members.map(() => new Map<string, number>()); // x → skeleton → x's place in holders
  members.forEach((u, x) => {
    for (const s of sentences[u]) {
      if (rank[x].has(s.skel)) continue;
      const list = holders.get(s.skel);
      rank[x].set(s.skel, list ? list.length : 0);
      if (list) list.push(x);
      else holders.set(s.skel, [x]);
    }
  });
  const pairs: [number, number][] = [];
  members.forEach((u, x) => {
    const partners = new Set<number>();
    for (const s of sentences[u]) {
      if (s.length < MIN_SENTENCE_CHARS) continue;
      const list = holders.get(s.skel)!;
      const from = rank[x].get(s.skel)! + 1;
      for (let k = from; k < list.length && k < from + MAX_PARTNERS; k++) partners.add(list[k]);
    }
    for (const y of [...partners].sort((p, q) => p - q)) pairs.push([x, y]);
  });
  return pairs;
}

function wholeDuplicate(views: Views, a: TextUnit, b: TextUnit, threshold: number): boolean {
  return views.body(a) === views.body(b) ||
    jaccard(views.bodyShingles(a), views.bodyShingles(b)) >= threshold;
}

function describe(g: Group): FindingDraft {
  const first = g.occurrences[0];
  const sample = first.copies[0].text;
  const head = `「${quotePrefix(sample, 40)}${charCount(sample) > 40 ? "…" : ""}」`;
  const allNorms = g.occurrences.flatMap((o) => o.norms);
  const numbersDiffer = new Set(allNorms).size > 1;
  const what = g.sentences > 1 ? `连续${g.sentences}句` : "语句";
  const evidence: Evidence[] = g.occurrences.flatMap((o) =>
    o.copies.map((c) => evidenceOf(o.unit, quotePrefix(c.text)))
  );
  let severity: Severity = "warning";
  let message: string;
  if (g.scope === "paragraph") {
    message = `同一段落内${what}${head}重复出现` +
      (g.occurrences.length > 1
        ? `，该重复在文中${g.occurrences.length}个段落中均存在（${
          g.occurrences.map((o) => placeOf(o.unit)).join("、")
        }）。`
        : `（${placeOf(first.unit)}）。`);
  } else {
    if (g.chars < SECTION_WARNING_CHARS) severity = "info";
    message = `${placeOf(first.unit)}的${g.occurrences.length}个段落中重复出现${what}${head}。`;
  }
  if (numbersDiffer) {
    message += "各处文字相同而数字不同，至少有一处数字有误，请核实（具体数字见“数字前后矛盾”）。";
  }
  return {
    messageId: g.scope === "paragraph" ? "in-paragraph" : "in-section",
    severity,
    message,
    hint: numbersDiffer
      ? "删除重复的语句，并核实保留的一处所用数字是否正确。"
      : "删除重复的语句，或将重复部分改写为不同的内容。",
    evidence,
    details: {
      scope: g.scope,
      sentences: g.sentences,
      characters: g.chars,
      occurrences: g.occurrences.length,
      differsOnlyInNumbers: numbersDiffer,
      copies: g.occurrences.flatMap((o) =>
        o.copies.map((c) => ({ block: o.unit.block, start: c.start, text: c.text }))
      ),
    },
  };
}
