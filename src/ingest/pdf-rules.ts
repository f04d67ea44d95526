/**
 * Ruling lines of a PDF page → table cell grids. `pathSegments` turns pdf.js's operator list (constructPath
 * with its DrawOPS path data, under the current transformation matrix) into axis-aligned segments: stroked
 * lines and rectangle edges, and thin filled rectangles (how some writers draw borders). `ruledTables`
 * groups segments that touch into frames and reads each frame as a grid: the distinct x of its vertical
 * lines and y of its horizontal lines cut it into slots; two neighbouring slots with no line drawn between
 * them belong to one merged cell.
 */

/** An axis-aligned segment: horizontal when y0 === y1, vertical when x0 === x1 (page units, y up). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RuledCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  x0: number;
  x1: number;
  /** Top and bottom edges (y up: top > bottom). */
  top: number;
  bottom: number;
}

export interface RuledTable {
  /** Column lines, left to right. */
  xs: number[];
  /** Row lines, top to bottom. */
  ys: number[];
  top: number;
  bottom: number;
  rowCount: number;
  colCount: number;
  /** Anchor cells in row-major order. */
  cells: RuledCell[];
  /** True when some merged region was not a rectangle (read as its bounding box). */
  irregular: boolean;
  /** Index into `cells` of the cell containing the point, or -1. */
  cellAt(x: number, y: number): number;
}

/** Operator codes of pdf.js (OPS) this module reads; passed in so it needs no pdf.js import. */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** Longest path data read per page (numbers), so a hostile page cannot make this quadratic. */
const MAX_PATH_NUMBERS = 2_000_000;
/** Thickest filled rectangle read as a line. */
const THIN = 2.5;
const MIN_LEN = 3;

/** Axis-aligned segments drawn on a page, from its operator list. */
export function pathSegments(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  OPS: OpCodes,
): Segment[] {
  const out: Segment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let budget = MAX_PATH_NUMBERS;
  const strokes = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args && args.length >= 6) ctm = mul(args.slice(0, 6) as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0];
      if (Array.isArray(m) && m.length >= 6) ctm = mul(m.slice(0, 6) as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const stroke = strokes.has(paint), fill = fills.has(paint);
      if (!stroke && !fill) continue;
      const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
      if (!data || typeof data.length !== "number") continue;
      budget -= data.length;
      if (budget < 0) break;
      for (const sub of subpaths(data, ctm)) {
        if (stroke) out.push(...edges(sub));
        else {
          const r = thinRect(sub);
          if (r) out.push(r);
        }
      }
    }
  }
  return out.filter((s) => Math.hypot(s.x1 - s.x0, s.y1 - s.y0) >= MIN_LEN);
}

/** DrawOPS path data → subpaths as point lists (curves: end points only; they are never rules). */
function subpaths(d: ArrayLike<number>, ctm: Matrix): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let k = 0; k < d.length;) {
    const op = d[k];
    if (op === 0) {
      if (cur.length) out.push(cur);
      cur = [apply(ctm, d[k + 1], d[k + 2])];
      k += 3;
    } else if (op === 1) {
      cur.push(apply(ctm, d[k + 1], d[k + 2]));
      k += 3;
    } else if (op === 2) {
      cur.push([NaN, NaN], apply(ctm, d[k + 5], d[k + 6]));
      k += 7;
    } else if (op === 3) {
      cur.push([NaN, NaN], apply(ctm, d[k + 3], d[k + 4]));
      k += 5;
    } else if (op === 4) {
      if (cur.length) cur.push(cur[0]);
      k += 1;
    } else break;
  }
  if (cur.length) out.push(cur);
  return out;
}

function edges(points: [number, number][]): Segment[] {
  const out: Segment[] = [];
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1], [bx, by] = points[i];
    if ([ax, ay, bx, by].some(Number.isNaN)) continue;
    if (Math.abs(ay - by) < 0.5) out.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: ay, y1: ay });
    else if (Math.abs(ax - bx) < 0.5) {
      out.push({ x0: ax, x1: ax, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  }
  return out;
}

/** A filled axis-aligned rectangle thin enough to be a line: that line. */
function thinRect(points: [number, number][]): Segment | null {
  if (points.length < 4 || points.some(([x, y]) => Number.isNaN(x) || Number.isNaN(y))) return null;
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (!edges(points).length) return null;
  if (y1 - y0 <= THIN && x1 - x0 > y1 - y0) return { x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 };
  if (x1 - x0 <= THIN && y1 - y0 > x1 - x0) return { x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 };
  return null;
}

const TOL = 2;

/** Positions within TOL of each other → one (their mean), sorted ascending. */
function cluster(values: number[]): number[] {
  const v = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of v) {
    const last = out[out.length - 1];
    if (last && x - last[last.length - 1] <= TOL) last.push(x);
    else out.push([x]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Frames of touching segments, each read as a table with at least two cells. */
export function ruledTables(segments: Segment[]): RuledTable[] {
  const hs = segments.filter((s) => s.y0 === s.y1);
  const vs = segments.filter((s) => s.x0 === s.x1);
  if (hs.length < 2 || vs.length < 2 || hs.length * vs.length > 4_000_000) return [];
  // Union-find over all segments: a horizontal and a vertical one that touch are in one frame.
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (
        v.x0 >= h.x0 - TOL && v.x0 <= h.x1 + TOL && h.y0 >= v.y0 - TOL && h.y0 <= v.y1 + TOL
      ) parent[find(i)] = find(hs.length + j);
    });
  });
  const groups = new Map<number, Segment[]>();
  all.forEach((s, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), s]);
  });
  const out: RuledTable[] = [];
  for (const g of groups.values()) {
    const t = frameTable(g);
    if (t) out.push(t);
  }
  return out.sort((a, b) => b.top - a.top);
}

function frameTable(segs: Segment[]): RuledTable | null {
  const hs = segs.filter((s) => s.y0 === s.y1), vs = segs.filter((s) => s.x0 === s.x1);
  const xs = cluster(vs.map((s) => s.x0));
  const ys = cluster(hs.map((s) => s.y0)).reverse(); // top to bottom
  if (xs.length < 2 || ys.length < 2) return null;
  const rowCount = ys.length - 1, colCount = xs.length - 1;
  if (rowCount * colCount < 2 || rowCount * colCount > 100_000) return null;
  // Is there a vertical line at xs[c] across row r / a horizontal line at ys[r] across column c?
  const vLine = (c: number, r: number) => {
    const lo = ys[r + 1], hi = ys[r], mid = (lo + hi) / 2;
    return vs.some((s) => Math.abs(s.x0 - xs[c]) <= TOL && s.y0 <= mid && s.y1 >= mid);
  };
  const hLine = (r: number, c: number) => {
    const mid = (xs[c] + xs[c + 1]) / 2;
    return hs.some((s) => Math.abs(s.y0 - ys[r]) <= TOL && s.x0 <= mid && s.x1 >= mid);
  };
  const id = (r: number, c: number) => r * colCount + c;
  const parent = Array.from({ length: rowCount * colCount }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < colCount; c++) {
      if (c + 1 < colCount && !vLine(c + 1, r)) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < rowCount && !hLine(r + 1, c)) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  const box = new Map<number, { r0: number; r1: number; c0: number; c1: number; n: number }>();
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < colCount; c++) {
      const k = find(id(r, c));
      const b = box.get(k);
      if (!b) box.set(k, { r0: r, r1: r, c0: c, c1: c, n: 1 });
      else {
        b.r1 = Math.max(b.r1, r), b.c1 = Math.max(b.c1, c), b.c0 = Math.min(b.c0, c), b.n++;
      }
    }
  }
  if (box.size < 2) return null; // a frame around text, not a table
  let irregular = false;
  const owner = new Int32Array(rowCount * colCount).fill(-1);
  const boxes = [...box.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const cells: RuledCell[] = [];
  for (const b of boxes) {
    const area = (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
    if (area !== b.n) irregular = true;
    let clash = false;
    for (let r = b.r0; r <= b.r1; r++) {
      for (let c = b.c0; c <= b.c1; c++) if (owner[id(r, c)] >= 0) clash = true;
    }
    if (clash) {
      irregular = true;
      continue;
    }
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) owner[id(r, c)] = cells.length;
    cells.push({
      row: b.r0,
      col: b.c0,
      rowspan: b.r1 - b.r0 + 1,
      colspan: b.c1 - b.c0 + 1,
      x0: xs[b.c0],
      x1: xs[b.c1 + 1],
      top: ys[b.r0],
      bottom: ys[b.r1 + 1],
    });
  }
  const colAt = (x: number) => xs.findIndex((v, i) => i < colCount && x >= v && x < xs[i + 1]);
  const rowAt = (y: number) => ys.findIndex((v, i) => i < rowCount && y <= v && y > ys[i + 1]);
  return {
    xs,
    ys,
    top: ys[0],
    bottom: ys[ys.length - 1],
    rowCount,
    colCount,
    cells,
    irregular,
    cellAt(x: number, y: number) {
      const c = colAt(x), r = rowAt(y);
      return c < 0 || r < 0 ? -1 : owner[id(r, c)];
    },
  };
}
