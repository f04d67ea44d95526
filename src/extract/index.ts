/** Document → figures and relations, found once for all checks. (Skeleton: the extract helper fills it in.) */
import type { Document } from "../model/document.ts";
import type { Extraction } from "../model/figure.ts";

export function extract(_doc: Document): Extraction {
  return { figures: [], relations: [] };
}
