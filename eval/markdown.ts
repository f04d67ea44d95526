/** The accuracy tables, as Markdown (printed by `deno task eval` and written to docs/accuracy.md). */
import type { Count, Row, Tally } from "./tally.ts";
import type { DocumentScore } from "./score.ts";

const frac = (c: Count) => c.total === 0 ? "–" : `${c.found}/${c.total}`;
const pct = (c: Count) => c.total === 0 ? "–" : `${(100 * c.found / c.total).toFixed(0)}%`;
const both = (r: Row): Count => ({
  found: r.core.found + r.stretch.found,
  total: r.core.total + r.stretch.total,
});
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ");

function isEmpty(r: Row): boolean {
  return r.core.total + r.stretch.total + r.negativeHits + r.cleanErrors === 0;
}

export function recallTable(t: Tally, first: string, tiers: boolean): string {
  const head = tiers
    ? `| ${first} | core found/verified | stretch found/verified | all | false alarms on consistent statements (of which errors) | errors on clean documents |\n|---|---|---|---|---|---|`
    : `| ${first} | found/injected | recall | false alarms on consistent statements (of which errors) | errors on clean documents |\n|---|---|---|---|---|`;
  const line = (r: Row, bold = false) => {
    const b = (s: string) => bold ? `**${s}**` : s;
    const fa = `${r.negativeHits} (${r.negativeErrors})`;
    return tiers
      ? `| ${b(r.name)} | ${b(frac(r.core))} | ${b(frac(r.stretch))} | ${b(pct(both(r)))} | ${b(fa)} | ${
        b(String(r.cleanErrors))
      } |`
      : `| ${b(r.name)} | ${b(frac(both(r)))} | ${b(pct(both(r)))} | ${b(fa)} | ${
        b(String(r.cleanErrors))
      } |`;
  };
  const rows = t.rows.filter((r) => !isEmpty(r)).sort((a, b) => a.name.localeCompare(b.name));
  return [head, ...rows.map((r) => line(r)), line(t.total, true)].join("\n");
}

export function metaLine(t: Tally): string {
  const m = t.meta;
  return `Metadata right: title ${frac(m.title)}, year ${frac(m.year)}, unit ${
    frac(m.unit)
  }; all stated fields ${frac(m.all)} (${pct(m.all)}).`;
}

/** Misses and false alarms, one line each: the work list. */
export function details(scores: DocumentScore[]): string {
  const out: string[] = [];
  const missed = scores.flatMap((s) =>
    s.items.filter((i) => !i.matchedBy).map((i) =>
      `- ${s.file} ${i.item.id} (${i.item.tier}, ${i.item.rules.join("/")}): ${cell(i.item.what)}`
    )
  );
  const alarms = scores.flatMap((s) => [
    ...s.negativeHits.map(({ negative, finding }) =>
      `- ${s.file}: ${finding.rule} ${finding.severity} on a consistent statement (${cell(negative.what)}): ${
        cell(finding.message.slice(0, 120))
      }`
    ),
    ...s.cleanErrors.map((f) => `- ${s.file} (clean): ${f.rule} error: ${cell(f.message.slice(0, 120))}`),
  ]);
  out.push(`Missed (${missed.length}):`, "", ...(missed.length ? missed : ["- none"]), "");
  out.push(`False alarms (${alarms.length}):`, "", ...(alarms.length ? alarms : ["- none"]));
  return out.join("\n");
}
