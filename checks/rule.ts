/**
 * The contract of a check, after ESLint's rule modules: `meta` (id, default severity, docs) and a pure
 * `check` from the document and its figures to findings. Register every rule in checks/index.ts.
 */
import type { Document } from "../src/model/document.ts";
import type { Extraction } from "../src/model/figure.ts";
import type { Config } from "../src/model/config.ts";
import type { Finding, Severity } from "../src/model/finding.ts";

export interface RuleDocs {
  /** One line, in English, for --list-rules and docs/rules.md. */
  summary: string;
  /** Why it matters to a reviewer. */
  rationale: string;
  /** A Chinese example of text the rule flags. */
  example: string;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** Short Chinese name shown in reports (e.g. 重复段落). */
  title: string;
  docs: RuleDocs;
}

export interface CheckContext {
  doc: Document;
  extraction: Extraction;
  config: Config;
}

/** A finding as a rule returns it; severity defaults to the rule's own. */
export type FindingDraft = Omit<Finding, "rule" | "severity" | "suppressed"> & { severity?: Severity };

export interface Rule {
  meta: RuleMeta;
  check(ctx: CheckContext): FindingDraft[];
}
