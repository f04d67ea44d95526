import { z } from "zod";

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/**
 * How sure a finding is, apart from how much it matters: `certain` when the document itself makes it so,
 * `assumption` when it rests on one (stated in details.assumption), `rounding` when it is within the last
 * digit's rounding. Only a `certain` finding can be an error.
 */
export const Certainty = z.enum(["certain", "assumption", "rounding"]);
export type Certainty = z.infer<typeof Certainty>;

/** Where a quote sits: `quote` is an exact substring of the block's text (or of the cell's text). */
export const Evidence = z.object({
  quote: z.string(),
  /** Section path as written, joined with " › ". Empty string for front matter. */
  section: z.string(),
  block: z.number().int().nonnegative(),
  table: z.object({
    index: z.number().int().nonnegative(),
    row: z.number().int().nonnegative(),
    col: z.number().int().nonnegative(),
  }).optional(),
  /** 1-based page of the block, when the document has pages the reader knows (PDF). */
  page: z.number().int().positive().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Finding = z.object({
  rule: z.string(),
  /** Which of the rule's messages (meta.messages) this is; always written since 0.2 (absent in older files). */
  messageId: z.string().optional(),
  severity: Severity,
  /** Always written since 0.2 (absent in older files, where it reads as `certain` for errors). */
  certainty: Certainty.optional(),
  /** Chinese message a reviewer can paste into a review letter. */
  message: z.string(),
  /** How to fix it, in Chinese, for departments pre-checking drafts. */
  hint: z.string().optional(),
  evidence: z.array(Evidence),
  /** Stated vs computed values, formula used, assumptions made. */
  details: z.record(z.string(), z.unknown()),
  /** Present when the config suppressed this finding (it is still reported, never dropped). */
  suppressed: z.object({ reason: z.string() }).optional(),
});
export type Finding = z.infer<typeof Finding>;
