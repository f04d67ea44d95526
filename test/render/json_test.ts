import assert from "node:assert/strict";
import { renderJson } from "../../src/render/json.ts";
import { AuditReport } from "../../src/model/report.ts";
import { sampleInput } from "./fixtures.ts";

Deno.test("json: 2-space JSON of the validated report, round-trips", () => {
  const input = sampleInput();
  const out = renderJson(input);
  assert.ok(out.startsWith('{\n  "schema": "audit-report/1"'));
  assert.ok(out.endsWith("}\n"));
  assert.deepEqual(AuditReport.parse(JSON.parse(out)), AuditReport.parse(input.report));
});

Deno.test("json: an invalid report is refused, not written", () => {
  const input = sampleInput();
  // deno-lint-ignore no-explicit-any
  (input.report.documents[0].findings[0] as any).severity = "fatal";
  assert.throws(() => renderJson(input));
});
