/**
 * The contract of a check, after ESLint's rule modules: `meta` (id, default severity, Chinese title, the
 * messages it can report, docs with runnable examples) and a pure `check` from the context to finding drafts.
 * Renderers and the configuration only ever see `RuleMeta`; the registry (checks/index.ts) is imported by the
 * composition root alone (src/audit.ts, src/cli).
 */
import type { Document } from "./document.ts";
import type { Extraction } from "./figure.ts";
import type { Config } from "./config.ts";
import type { Certainty, Evidence, Severity } from "./finding.ts";
import type { Views } from "../analysis/views.ts";
import type { DocSpec } from "../testing/doc-spec.ts";

export type { Certainty, Severity };

/** One message a rule can report: its id is the finding's `messageId`. */
export interface MessageSpec {
  /** What the finding says, in Chinese, as a family name (the message itself carries the figures). */
  description: string;
  /** The usual certainty of this message; a draft may narrow it (e.g. to `rounding`). */
  certainty?: Certainty;
}

/** A small document the rule's docs show, executed by test/checks/examples_test.ts. */
export interface RuleExample {
  /** Chinese caption. */
  title: string;
  doc: DocSpec[];
  /** `invalid`: the rule must report `messageId` (when given) on it; `valid`: it must report nothing. */
  kind: "invalid" | "valid";
  messageId?: string;
  /** Settings the example runs with (e.g. the evaluation year when the document does not state it). */
  config?: Partial<Config>;
}

export interface RuleDocs {
  /** One line, in English, for --list-rules and docs/rules.md. */
  summary: string;
  /** Why it matters to a reviewer. */
  rationale: string;
  /** Runnable examples: at least one invalid (it triggers the rule) and one valid (it does not). */
  examples: RuleExample[];
}

export interface RuleMeta<M extends string = string> {
  id: string;
  /** Default severity of a `certain` finding; assumptions and rounding never exceed `warning`. */
  severity: Severity;
  /** Short Chinese name shown in reports (e.g. 重复段落). */
  title: string;
  messages: Record<M, MessageSpec>;
  docs: RuleDocs;
  /** Rule ids this rule took findings over from; a configuration naming them applies here too. */
  replaces?: string[];
}

export interface CheckContext {
  doc: Document;
  extraction: Extraction;
  config: Config;
  /** The document's analysis, built lazily once per document and shared by every rule. */
  views: Views;
}

/** Details per message id: a rule declares `type D = { "msg-a": {...}; "msg-b": {...} }`. */
export type MessageDetails = Record<string, Record<string, unknown>>;

interface DraftBase {
  /** Chinese message a reviewer can paste into a review letter. */
  message: string;
  hint?: string;
  evidence: Evidence[];
  /** Only where the rule's own judgement differs from the severity of its certainty. */
  severity?: Severity;
  /** Defaults to the message's certainty, else `assumption` when details state one, else `certain`. */
  certainty?: Certainty;
}

/** A finding as a rule returns it. */
export type FindingDraft<D extends MessageDetails = MessageDetails> = {
  [K in keyof D & string]: DraftBase & { messageId: K; details: D[K] };
}[keyof D & string];

export interface Rule<D extends MessageDetails = MessageDetails> {
  meta: RuleMeta<keyof D & string>;
  check(ctx: CheckContext): FindingDraft<D>[];
}

/** The text of a spec, line by line: a heading, a paragraph, or a table row (cells joined by " | "). */
export function specText(doc: DocSpec[]): string[] {
  return doc.flatMap((s) =>
    typeof s === "string"
      ? [s]
      : "heading" in s
      ? [s.heading]
      : "text" in s
      ? [s.text]
      : s.rows.map((r) => r.join(" | "))
  );
}

/** One line of text showing the rule's first invalid example (for SARIF and one-line listings). */
export function exampleText(docs: RuleDocs): string {
  const ex = docs.examples.find((e) => e.kind === "invalid") ?? docs.examples[0];
  return ex ? `${ex.title}：${specText(ex.doc).join(" ")}` : "";
}

/** Identity, for type inference of a rule's messages and details. */
export function defineRule<D extends MessageDetails>(rule: Rule<D>): Rule {
  return rule as unknown as Rule;
}
