/** A rule's context for tests that call `rule.check` directly: the views are built as the pipeline does. */
import type { CheckContext } from "../model/rule.ts";
import type { Document } from "../model/document.ts";
import type { Extraction } from "../model/figure.ts";
import type { Config } from "../model/config.ts";
import { Views } from "../analysis/views.ts";

export function checkContext(c: { doc: Document; extraction: Extraction; config: Config }): CheckContext {
  return { ...c, views: new Views(c.doc, c.extraction, c.config) };
}
