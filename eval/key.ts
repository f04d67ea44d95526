/**
 * The answer key of an evaluation set, in the corpus's own form (../shared/corpus/key.json, described in
 * its README): per file, verified defects (items), statements verified consistent (negatives), and whether
 * the file is clean. The synthetic generator writes its keys in the same form, so one scorer serves both.
 */
import { z } from "zod";

export const KeyItem = z.object({
  id: z.string(),
  /** `core` (high confidence) or `stretch` (medium, or needs domain judgement). */
  tier: z.enum(["core", "stretch"]),
  /** Rule-id fragments: a finding matches when its rule id contains one of them. */
  rules: z.array(z.string()).min(1),
  /** For every group, the finding's JSON text must contain at least one of the group's strings. */
  groups: z.array(z.array(z.string()).min(1)),
  what: z.string(),
  /** Synthetic sets only: the defect operator that planted it. */
  operator: z.string().optional(),
});
export type KeyItem = z.infer<typeof KeyItem>;

export const KeyNegative = z.object({
  rules: z.array(z.string()).min(1),
  /** A finding is a false alarm when its first evidence quote contains all of these. */
  tokens: z.array(z.string()).min(1),
  what: z.string(),
});
export type KeyNegative = z.infer<typeof KeyNegative>;

export const KeyFile = z.object({
  items: z.array(KeyItem),
  negatives: z.array(KeyNegative),
  clean: z.boolean().optional(),
  /** Synthetic sets only: the layout the document was built with. */
  layout: z.string().optional(),
  /** Expected metadata, where the key states it. */
  meta: z.object({
    title: z.string().optional(),
    year: z.number().int().optional(),
    unit: z.string().optional(),
  }).optional(),
});
export type KeyFile = z.infer<typeof KeyFile>;

export const Key = z.object({
  about: z.string().optional(),
  files: z.record(z.string(), KeyFile),
});
export type Key = z.infer<typeof Key>;
