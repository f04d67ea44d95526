/** All relations of one text, found once for all checks. */
import type { Relation } from "../../model/figure.ts";
import type { TextView } from "./context.ts";
import { partWholes } from "./part-whole.ts";
import { implicitPartWholes } from "./implicit-part-whole.ts";
import { trailingTotals } from "./trailing-total.ts";
import { changes } from "./change.ts";
import { ratios } from "./ratio.ts";
import { scoreClaims } from "./score.ts";

export type { TextView } from "./context.ts";

export function relationsOf(view: TextView): Relation[] {
  if (!view.figures.length) return [];
  return [
    ...partWholes(view),
    ...implicitPartWholes(view),
    ...trailingTotals(view),
    ...changes(view),
    ...ratios(view),
    ...scoreClaims(view),
  ];
}
