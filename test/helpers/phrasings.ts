/**
 * Table-driven phrasing tests through the whole pipeline (all rules): consistent statements give no error
 * and exactly the warnings listed, each stating its assumption; defective variants give the finding named,
 * with its severity.
 */
import assert from "node:assert/strict";
import { type DocSpec, makeDoc } from "../../src/testing/doc-spec.ts";
import { auditDocument } from "../../src/audit.ts";
import type { Document } from "../../src/model/document.ts";
import type { Severity } from "../../src/model/finding.ts";

export interface Consistent {
  name: string;
  doc: DocSpec[];
  /** The warnings expected ("rule:messageId"), each stating an assumption the document leaves open. */
  warnings?: string[];
}

export interface Defective {
  name: string;
  doc: DocSpec[];
  /** The finding expected, "rule:messageId", and its severity. */
  finding: string;
  severity: Severity;
}

/** Findings above info on a document built from specs with the given meta. */
export function findingsOf(doc: DocSpec[], meta: Partial<Document["meta"]>) {
  return auditDocument(makeDoc(doc, meta)).findings.filter((f) => f.severity !== "info");
}

export function phrasingTests(
  consistent: Consistent[],
  defective: Defective[],
  meta: Partial<Document["meta"]>,
): void {
  for (const c of consistent) {
    Deno.test(`consistent: ${c.name}`, () => {
      const fs = findingsOf(c.doc, meta);
      assert.deepEqual(fs.filter((f) => f.severity === "error").map((f) => f.message), [], "no error");
      assert.deepEqual(fs.map((f) => `${f.rule}:${f.messageId}`), c.warnings ?? []);
      for (const f of fs) {
        assert.ok(typeof f.details.assumption === "string", `${f.message}: states its assumption`);
      }
    });
  }
  for (const c of defective) {
    Deno.test(`defective: ${c.name}`, () => {
      const fs = findingsOf(c.doc, meta);
      const hit = fs.find((f) => `${f.rule}:${f.messageId}` === c.finding);
      assert.ok(
        hit,
        `${c.finding} expected, got ${fs.map((f) => `${f.rule}:${f.messageId}`).join(" ") || "nothing"}`,
      );
      assert.equal(hit.severity, c.severity, hit.message);
    });
  }
}
