/** Run one rule on a document the way the pipeline does (extraction included). */
import type { Rule } from "../../src/model/rule.ts";
import type { Document } from "../../src/model/document.ts";
import { type Config, DEFAULT_CONFIG } from "../../src/model/config.ts";
import type { Finding } from "../../src/model/finding.ts";
import { runChecks } from "../../src/audit.ts";
import { extract } from "../../src/extract/index.ts";

export function runRule(rule: Rule, doc: Document, config: Partial<Config> = {}): Finding[] {
  return runChecks(doc, extract(doc), { ...DEFAULT_CONFIG, ...config }, [rule]);
}
