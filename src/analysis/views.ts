/**
 * The analysis of one document, handed to every rule as `ctx.views`: text units, sentences, indicator tables,
 * questionnaires, score claims, figures by block and the document's own stated score and grade. Each view
 * is built on first use and kept for the rest of the run on this object (never in a module), so rules share
 * the work and a document never sees another's results. Views are read-only.
 */
import type { Document } from "../model/document.ts";
import type { Extraction, Figure, ScoreClaim } from "../model/figure.ts";
import type { Config } from "../model/config.ts";
import { collectUnits, type TextUnit } from "./text/units.ts";
import { type Sentence, sentencesOfText } from "./text/passages.ts";
import { normalizedBody } from "./text/normalize.ts";
import { shingles } from "./text/shingles.ts";
import { type IndicatorTable, parseIndicatorTable } from "./tables/indicator-table.ts";
import { type NameIndex, nameIndex, scoreClaims } from "./tables/score-claims.ts";
import { parseQuestionnaire, type Questionnaire } from "./tables/questionnaire.ts";
import {
  type AnswerRun,
  answerRuns,
  type StatedCount,
  statedCountsByBlock,
} from "./tables/questionnaire-text.ts";
import { type BlockSentence, blockSentences } from "./sentences.ts";
import { type SelfAssessment, selfAssessment } from "./self-assessment.ts";
import { type GradeStatement, gradeStatements } from "./grades.ts";
import { type Coverage, coverage } from "./coverage.ts";
import { type CountClaim, countClaims } from "./enumeration.ts";
import { type WeightFrame, weightFrames } from "./frame.ts";

export class Views {
  readonly #memo = new Map<string, unknown>();
  readonly #perObject = new Map<string, WeakMap<object, unknown>>();

  constructor(readonly doc: Document, readonly extraction: Extraction, readonly config?: Config) {}

  /** A value computed once per document under `key` (rules use "rule-id:name" for their private views). */
  memo<T>(key: string, compute: () => T): T {
    if (this.#memo.has(key)) return this.#memo.get(key) as T;
    const v = compute();
    this.#memo.set(key, v);
    return v;
  }

  /** A value computed once per object of this document (a text unit, a figure, a sentence). */
  per<K extends object, T>(name: string, key: K, compute: (k: K) => T): T {
    let m = this.#perObject.get(name);
    if (!m) this.#perObject.set(name, m = new WeakMap());
    if (m.has(key)) return m.get(key) as T;
    const v = compute(key);
    m.set(key, v);
    return v;
  }

  /** Paragraphs (not titles, TOC lines or headings) and the anchor slot of every non-empty table cell. */
  get textUnits(): readonly TextUnit[] {
    return this.memo("textUnits", () => Object.freeze(collectUnits(this.doc)));
  }

  /** Sentences of a text unit, with their comparison keys. */
  unitSentences(unit: TextUnit): Sentence[] {
    return this.per("unitSentences", unit, (u) => sentencesOfText(u.text));
  }

  /** Sentences of every paragraph and heading (not table cells), with offsets into the block's text. */
  get sentences(): readonly BlockSentence[] {
    return this.memo("sentences", () => blockSentences(this.doc));
  }

  /** Sentences of one block's text (paragraph or heading), by block index. */
  sentencesOfBlock(block: number): readonly BlockSentence[] {
    const byBlock = this.memo("sentencesByBlock", () => Map.groupBy(this.sentences, (s) => s.block));
    return byBlock.get(block) ?? [];
  }

  /** normalize(comparableBody(unit.text)): what the duplicate rules compare. */
  body(unit: TextUnit): string {
    return this.per("body", unit, (u) => normalizedBody(u.text));
  }

  bodyShingles(unit: TextUnit): Int32Array {
    return this.per("bodyShingles", unit, (u) => shingles(this.body(u)));
  }

  get indicatorTables(): readonly IndicatorTable[] {
    return this.memo("indicatorTables", () =>
      Object.freeze(this.doc.blocks.flatMap((b) => {
        if (b.kind !== "table") return [];
        const it = parseIndicatorTable(b);
        return it ? [it] : [];
      })));
  }

  /** 自评表 weight frames read from weight annotations outside the indicator tables (src/analysis/frame.ts). */
  get weightFrames(): readonly WeightFrame[] {
    return this.memo(
      "weightFrames",
      () => Object.freeze(weightFrames(this.doc, new Set(this.indicatorTables.map((it) => it.table.index)))),
    );
  }

  /** Every node and leaf of the indicator tables, by name. */
  get indicatorNames(): NameIndex {
    return this.memo("indicatorNames", () => nameIndex(this.indicatorTables));
  }

  get questionnaires(): readonly Questionnaire[] {
    return this.memo("questionnaires", () =>
      Object.freeze(this.doc.blocks.flatMap((b) => {
        if (b.kind !== "table") return [];
        const q = parseQuestionnaire(b, this.doc);
        return q ? [q] : [];
      })));
  }

  /** 发放/收回/有效问卷 N 份 stated in the text, by block. */
  get questionnaireCounts(): ReadonlyMap<number, StatedCount[]> {
    return this.memo("questionnaireCounts", () => statedCountsByBlock(this.doc));
  }

  /** Answer tallies written in the text (非常满意120份、满意50份…), each with its valid count. */
  get questionnaireAnswers(): readonly AnswerRun[] {
    return this.memo("questionnaireAnswers", () => answerRuns(this.doc, this.questionnaireCounts));
  }

  /** Scores awarded in the text (得X分, 总评价分N分，实际得分M分), deductions left out, in document order. */
  get scoreClaims(): readonly ScoreClaim[] {
    return this.memo("scoreClaims", () => scoreClaims(this.extraction));
  }

  /** The extraction's figures located in one block, in extraction order. */
  figuresInBlock(block: number): readonly Figure[] {
    const byBlock = this.memo(
      "figuresByBlock",
      () => Map.groupBy(this.extraction.figures, (f) => f.loc.block),
    );
    return byBlock.get(block) ?? [];
  }

  /** Grade statements (评价等级为…) with the total score each goes with. */
  get gradeStatements(): readonly GradeStatement[] {
    return this.memo("gradeStatements", () => gradeStatements(this));
  }

  /** The total score and grade the document states for itself. */
  get selfAssessment(): SelfAssessment {
    return this.memo("selfAssessment", () => selfAssessment(this));
  }

  /** Figure claims the arithmetic checks could and could not recompute (src/analysis/coverage.ts). */
  get coverage(): Coverage {
    return this.memo("coverage", () => coverage(this.doc, this.extraction));
  }

  /** Stated counts (N个/N项…) with the lists that may be what they count (src/analysis/enumeration.ts). */
  get countClaims(): readonly CountClaim[] {
    return this.memo("countClaims", () => Object.freeze(countClaims(this.doc)));
  }
}
