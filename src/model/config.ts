import { z } from "zod";
import { Severity } from "./finding.ts";

/** jixiao-audit.json: every default of the tool, overridable per run. */
export const Level = z.union([z.literal("off"), Severity]);
export type Level = z.infer<typeof Level>;

const NOT_ERROR =
  "基于假设或舍入的问题不能设为 error（错误只用于文档本身能确定的问题），可设为 warning、info 或 off";

/**
 * A rule's (or one of its messages') setting: one level for every finding, or a level per certainty.
 * A single level applies as given to certain findings and is capped at `warning` for the others; a level
 * per certainty can never make an assumption or a rounding an error (the schema refuses it).
 */
export const RuleSetting = z.union([
  Level,
  z.object({ certain: Level.optional(), assumption: Level.optional(), rounding: Level.optional() }).strict(),
]);
export type RuleSetting = z.infer<typeof RuleSetting>;

export const Config = z.object({
  /**
   * Per rule ("score-total") or per message ("score-total:scores-vs-total"): a severity or "off", or
   * `{certain, assumption, rounding}`. Rules not listed keep their default severity. A rule id a rule
   * replaces (its meta's `replaces`, e.g. "score-sum") applies to it too, as "score-sum" and "score-sum:<message>".
   */
  rules: z.record(z.string(), RuleSetting).default({}).check((ctx) => {
    for (const [key, setting] of Object.entries(ctx.value)) {
      if (typeof setting === "string") continue;
      for (const certainty of ["assumption", "rounding"] as const) {
        if (setting[certainty] !== "error") continue;
        ctx.issues.push({ code: "custom", input: setting, path: [key, certainty], message: NOT_ERROR });
      }
    }
  }),
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
  /** IANA time zone of the times in batch summaries and the workbook (default Asia/Shanghai); `--tz` overrides it. */
  timeZone: z.string().refine((tz) => {
    try {
      return !!new Intl.DateTimeFormat("en-US", { timeZone: tz });
    } catch {
      return false;
    }
  }, { message: "不是有效的时区名称（IANA 时区，例如 Asia/Shanghai、UTC）" })
    .optional(),
  /** Near-duplicate threshold (Jaccard similarity of character shingles). */
  nearDuplicateThreshold: z.number().min(0).max(1).default(0.85),
  /** Reviewer-agreed exceptions: findings of `rule` whose quotes contain `quote` are reported as suppressed. */
  suppress: z.array(z.object({ rule: z.string(), quote: z.string().min(1), reason: z.string().min(1) }))
    .default([]),
}).strict();
export type Config = z.infer<typeof Config>;

export const DEFAULT_CONFIG: Config = Config.parse({});
