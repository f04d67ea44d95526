/**
 * Comment ranges as insertions into a story part. A range boundary is a place between runs (range markup
 * may not sit inside a w:r): when a quote starts or ends inside a run, the run is split there and the second
 * half gets a copy of the run's start tag and w:rPr, so formatting is unchanged. Everything else in the
 * part stays byte for byte as written.
 */
import type { CharRef, ParaInfo, RunInfo, TInfo } from "./text-map.ts";

export interface Boundary {
  pos: number;
  /** plain: already between runs; run: between two children of a run; text: inside a w:t's text. */
  kind: "plain" | "run" | "text";
  run?: RunInfo;
  t?: TInfo;
}

/** A boundary in front of char `c`, or undefined when the char cannot be split at (malformed input). */
export function before(c: CharRef): Boundary | undefined {
  if (!c.run) return undefined;
  if (c.t && c.rawStart > c.t.start.end) return { pos: c.rawStart, kind: "text", run: c.run, t: c.t };
  return runBoundary(c.t ? c.t.start.start : c.rawStart, c.run);
}

/** A boundary just after char `c`. */
export function after(c: CharRef): Boundary | undefined {
  if (!c.run) return undefined;
  if (c.t && c.rawEnd < c.t.closeStart) return { pos: c.rawEnd, kind: "text", run: c.run, t: c.t };
  return runBoundary(c.t ? c.t.closeEnd : c.rawEnd, c.run);
}

/** Between two children of `run`; at either end of the run the boundary moves outside it (no split). */
function runBoundary(pos: number, run: RunInfo): Boundary {
  if (pos <= run.contentStart) return { pos: run.start.start, kind: "plain" };
  if (pos >= run.closeStart) return { pos: run.closeEnd, kind: "plain" };
  return { pos, kind: "run", run };
}

export function paragraphStart(p: ParaInfo): Boundary {
  return { pos: p.contentStart, kind: "plain" };
}

export function paragraphEnd(p: ParaInfo): Boundary {
  return { pos: p.closeStart, kind: "plain" };
}

export interface Mark {
  at: Boundary;
  /** 0 for range ends (written first at a shared place), 1 for range starts. */
  order: 0 | 1;
  /** Tie-break within the same order (smaller first). */
  tie: number;
  xml: string;
}

/** Range markup for comment `id`: a start mark and an end mark followed by the reference run. */
export function commentMarks(id: number, start: Boundary, end: Boundary, w: string): Mark[] {
  return [
    // Starts: the range that ends later opens first; ends: the range that started later closes first.
    { at: start, order: 1, tie: -end.pos, xml: `<${w}:commentRangeStart ${w}:id="${id}"/>` },
    {
      at: end,
      order: 0,
      tie: -start.pos,
      xml: `<${w}:commentRangeEnd ${w}:id="${id}"/>` +
        `<${w}:r><${w}:commentReference ${w}:id="${id}"/></${w}:r>`,
    },
  ];
}

/** The part with every mark inserted (splitting runs where needed). */
export function applyMarks(xml: string, marks: Mark[]): string {
  const groups = new Map<number, Mark[]>();
  for (const m of marks) {
    const g = groups.get(m.at.pos);
    if (g) g.push(m);
    else groups.set(m.at.pos, [m]);
  }
  const inserts: [number, string][] = [];
  const preserved = new Set<TInfo>();
  for (const [pos, group] of groups) {
    group.sort((a, b) => a.order - b.order || a.tie - b.tie);
    const body = group.map((m) => m.xml).join("");
    const lead = group.find((m) => m.at.kind === "text") ?? group.find((m) => m.at.kind === "run") ??
      group[0];
    const { kind, run, t } = lead.at;
    if (kind === "plain" || !run) {
      inserts.push([pos, body]);
      continue;
    }
    const rName = run.start.name;
    const reopen = xml.slice(run.start.start, run.start.end) + run.rPr;
    if (kind === "run") {
      inserts.push([pos, `</${rName}>${body}${reopen}`]);
    } else if (t) {
      const tName = t.start.name;
      inserts.push([pos, `</${tName}></${rName}>${body}${reopen}<${tName} xml:space="preserve">`]);
      if (!t.preserve && !preserved.has(t)) {
        preserved.add(t);
        const gt = xml[t.start.end - 2] === "/" ? t.start.end - 2 : t.start.end - 1;
        inserts.push([gt, ` xml:space="preserve"`]);
      }
    }
  }
  inserts.sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  let at = 0;
  for (const [pos, s] of inserts) {
    out.push(xml.slice(at, pos), s);
    at = pos;
  }
  out.push(xml.slice(at));
  return out.join("");
}
