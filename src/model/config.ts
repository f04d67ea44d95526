import { z } from "zod";
import { Severity } from "./finding.ts";

/** jixiao-audit.json: every default of the tool, overridable per run. */
export const RuleSetting = z.union([z.literal("off"), Severity]);

export const Config = z.object({
  /** Per-rule severity, or "off". Rules not listed keep their default severity. */
  rules: z.record(z.string(), RuleSetting).default({}),
  /** Grade bands (lower bounds, inclusive): 财预〔2020〕10号 uses 90/80/60. */
  gradeBands: z.object({
    excellent: z.number().min(0).max(100).default(90),
    good: z.number().min(0).max(100).default(80),
    pass: z.number().min(0).max(100).default(60),
  }).prefault({}).check((ctx) => {
    const { excellent, good, pass } = ctx.value;
    if (excellent > good && good > pass) return;
    ctx.issues.push({
      code: "custom",
      input: ctx.value,
      message: `分档下限须依次递减：excellent（优）> good（良）> pass（中），` +
        `收到 excellent=${excellent}、good=${good}、pass=${pass}`,
    });
  }),
  /** The evaluation year and the reporting unit, when the document does not state them. */
  year: z.number().int().optional(),
  unit: z.string().optional(),
  /** Author of the comments `--format docx` adds (default 绩效报告审核); `--author` overrides it. */
  reviewAuthor: z.string().trim().min(1).optional(),
  /** Near-duplicate threshold (Jaccard similarity of character shingles). */
  nearDuplicateThreshold: z.number().min(0).max(1).default(0.85),
  /** Reviewer-agreed exceptions: findings of `rule` whose quotes contain `quote` are reported as suppressed. */
  suppress: z.array(z.object({ rule: z.string(), quote: z.string().min(1), reason: z.string().min(1) }))
    .default([]),
}).strict();
export type Config = z.infer<typeof Config>;

export const DEFAULT_CONFIG: Config = Config.parse({});
