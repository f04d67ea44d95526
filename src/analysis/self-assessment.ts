/** The total score and grade a report states for itself: document facts for `meta`, not findings. */
import type { Views } from "./views.ts";

export interface SelfAssessment {
  /** The stated total score (自评得分), or null when none is stated. */
  score: number | null;
  /** The stated grade word as written (优秀 / 良 …), or null. */
  grade: string | null;
}

/**
 * The first grade statement that has its own score beside it; else the first grade with the indicator
 * table's total; else the table's total alone.
 */
export function selfAssessment(views: Views): SelfAssessment {
  const all = views.gradeStatements;
  const s = all.find((g) => g.score && !g.fromTable) ?? all.find((g) => g.score) ?? all[0];
  if (s) return { score: s.score?.value ?? null, grade: s.word };
  const total = views.indicatorTables.flatMap((it) => it.totals).find((t) => t.score)?.score;
  return { score: total?.value ?? null, grade: null };
}
