/** What every typo detector returns: a span of one text (a block's or a cell's) with its fix. */
export type TypoKind =
  | "score-de"
  | "punctuation"
  | "confusion"
  | "doubled"
  | "number"
  | "template"
  | "outline";

interface HitFields {
  /** Span of the slip in the text; the quote is widened around it. */
  start: number;
  end: number;
  /** The text as written (the span, or the span's core). */
  wrong: string;
  /** The likely right form; "" when the fix is to delete or to fill in. */
  right: string;
  /** Stable id of the pattern or table entry that fired. */
  pattern: string;
  message: string;
  hint: string;
}

/** What a detector found; an outline slip rests on an assumption, which it states. */
export type TypoHit =
  & HitFields
  & ({ kind: Exclude<TypoKind, "outline"> } | {
    kind: "outline";
    /** What the finding rests on: the title differs from a standard section name by one character. */
    assumption: string;
  });

export const HAN = "\\p{Script=Han}";

/** Regex-escape a literal. */
export function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
