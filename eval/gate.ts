/**
 * The accuracy gate: figures recorded in docs/accuracy.md (a fenced JSON block after "## Gate figures")
 * that a later run may not fall below, and the zero-tolerance conditions on error-level false alarms.
 */
import type { Tally } from "./tally.ts";

export interface GateFigures {
  corpus: Record<string, number>;
  synthetic: Record<string, number>;
}

/** Found counts per row and in total (the sets are fixed, so counts compare like recall). */
export function foundCounts(t: Tally): Record<string, number> {
  const out: Record<string, number> = { total: t.total.core.found + t.total.stretch.found };
  for (const r of t.rows) {
    const n = r.core.found + r.stretch.found;
    if (n > 0) out[r.name] = n;
  }
  return out;
}

const BLOCK = /## Gate figures[\s\S]*?```json\n([\s\S]*?)\n```/;

export function readGateFigures(markdown: string): GateFigures | null {
  const m = BLOCK.exec(markdown);
  return m ? JSON.parse(m[1]) as GateFigures : null;
}

export function gateBlock(f: GateFigures): string {
  return `## Gate figures\n\nThe CI gate (test/eval/gate_test.ts) fails when a later run finds fewer than these.\n\n\`\`\`json\n${
    JSON.stringify(f, null, 2)
  }\n\`\`\``;
}

/** What fell below the recorded figures, or error-level false alarms; empty when the gate passes. */
export function gateFailures(recorded: Record<string, number>, t: Tally, set: string): string[] {
  const now = foundCounts(t);
  const out: string[] = [];
  for (const [name, n] of Object.entries(recorded)) {
    if ((now[name] ?? 0) < n) out.push(`${set}: ${name} found ${now[name] ?? 0}, recorded ${n}`);
  }
  if (t.total.negativeErrors > 0) {
    out.push(`${set}: ${t.total.negativeErrors} error-level findings on statements verified consistent`);
  }
  if (t.total.cleanErrors > 0) {
    out.push(`${set}: ${t.total.cleanErrors} error-level findings on clean documents`);
  }
  return out;
}
