import { z } from "zod";

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

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
});
export type Evidence = z.infer<typeof Evidence>;

export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
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
