/**
 * A table-driven rule tester, after ESLint's RuleTester: `valid` documents must give no finding, `invalid`
 * ones the findings listed (by messageId, and severity or certainty when given). Every finding of every
 * case is also checked for the output contract: its messageId is one of the rule's messages, an error is
 * certain, each quote is an exact substring of its block's (or cell's) text, and each location exists.
 */
import assert from "node:assert/strict";
import type { Rule } from "../../src/model/rule.ts";
import type { Document } from "../../src/model/document.ts";
import type { Certainty, Finding, Severity } from "../../src/model/finding.ts";
import { type Config, DEFAULT_CONFIG } from "../../src/model/config.ts";
import { type DocSpec, makeDoc } from "../../src/testing/doc-spec.ts";
import { runChecks } from "../../src/audit.ts";
import { extract } from "../../src/extract/index.ts";
import { SECTION_SEPARATOR } from "../../src/analysis/evidence.ts";

export interface ValidCase {
  name?: string;
  doc: DocSpec[] | Document;
  config?: Partial<Config>;
}

export interface Expected {
  messageId: string;
  severity?: Severity;
  certainty?: Certainty;
  /** Substrings the message must contain. */
  message?: string;
}

export interface InvalidCase extends ValidCase {
  /** The findings expected, in order; a number only counts them. */
  errors: Expected[] | number;
}

export function docOf(doc: DocSpec[] | Document): Document {
  return Array.isArray(doc) ? makeDoc(doc) : doc;
}

/** Run one rule on a document the way the pipeline does, and check every finding's contract. */
export function runRuleChecked(rule: Rule, doc: Document, config: Partial<Config> = {}): Finding[] {
  const findings = runChecks(doc, extract(doc), { ...DEFAULT_CONFIG, ...config }, [rule]);
  for (const f of findings) assertContract(rule, doc, f);
  return findings;
}

export function assertContract(rule: Rule, doc: Document, f: Finding): void {
  assert.ok(
    f.messageId !== undefined && f.messageId in rule.meta.messages,
    `${rule.meta.id}: unknown messageId ${f.messageId}`,
  );
  if (f.severity === "error") assert.equal(f.certainty, "certain", `${rule.meta.id}: an uncertain error`);
  assert.ok(f.evidence.length > 0, `${rule.meta.id}: a finding without evidence`);
  for (const e of f.evidence) {
    const block = doc.blocks[e.block];
    assert.ok(block, `${rule.meta.id}: evidence points to block ${e.block}, which does not exist`);
    const sec = doc.sections[block.section];
    assert.equal(e.section, sec ? sec.path.join(SECTION_SEPARATOR) : "", `${rule.meta.id}: wrong section`);
    let text: string;
    if (e.table) {
      assert.equal(block.kind, "table", `${rule.meta.id}: a cell location on a ${block.kind}`);
      if (block.kind !== "table") continue;
      assert.equal(e.table.index, block.tableIndex, `${rule.meta.id}: wrong table index`);
      const cell = block.grid[e.table.row]?.[e.table.col];
      assert.ok(cell, `${rule.meta.id}: cell ${e.table.row},${e.table.col} does not exist`);
      text = cell.text;
    } else {
      assert.notEqual(block.kind, "table", `${rule.meta.id}: a table quoted without a cell`);
      text = block.kind === "table" ? "" : block.text;
    }
    assert.ok(text.includes(e.quote), `${rule.meta.id}: quote «${e.quote}» is not in «${text}»`);
  }
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  cases.valid.forEach((c, i) => {
    Deno.test(`${rule.meta.id} valid ${c.name ?? i + 1}`, () => {
      const found = runRuleChecked(rule, docOf(c.doc), c.config);
      assert.deepEqual(found.map((f) => f.message), [], "expected no finding");
    });
  });
  cases.invalid.forEach((c, i) => {
    Deno.test(`${rule.meta.id} invalid ${c.name ?? i + 1}`, () => {
      const found = runRuleChecked(rule, docOf(c.doc), c.config);
      if (typeof c.errors === "number") {
        assert.equal(found.length, c.errors, found.map((f) => f.message).join("\n"));
        return;
      }
      assert.deepEqual(found.map((f) => f.messageId), c.errors.map((e) => e.messageId));
      c.errors.forEach((e, j) => {
        if (e.severity) assert.equal(found[j].severity, e.severity);
        if (e.certainty) assert.equal(found[j].certainty, e.certainty);
        if (e.message) assert.ok(found[j].message.includes(e.message), found[j].message);
      });
    });
  });
}
