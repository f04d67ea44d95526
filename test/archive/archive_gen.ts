/**
 * A generated archive for the archive index's test and bench: `units` units × `years` years of reports,
 * built as Documents (no .docx), with wording drawn from the sample report's clauses, template paragraphs
 * every unit shares (评价依据 lists …), year figures that agree across years, and planted defects with
 * their expected findings: copies of another unit's report, reports carried over from last year, and
 * last-year figures that differ from last year's report. Deterministic for a seed.
 */
import { type DocSpec, h, makeDoc } from "../../src/testing/doc-spec.ts";
import type { Document } from "../../src/model/document.ts";
import { readDocument } from "../../src/ingest/index.ts";

export const SAMPLE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);

/** Clauses of the sample report's paragraphs, without its place names: the archive's vocabulary. */
export async function samplePool(): Promise<string[]> {
  const doc = await readDocument(await Deno.readFile(SAMPLE), { file: "sample.docx" });
  const out = new Set<string>();
  for (const b of doc.blocks) {
    if (b.kind !== "paragraph") continue;
    for (const c of b.text.split(/[，。；！？：]/)) {
      const t = c.replace(/\s+/g, "").replace(/^[（(]?[0-9一二三四五六七八九十]+[)）、.．]?/, "");
      if (t.length >= 6 && t.length <= 40 && !/寻甸|县人社局|人社局/.test(t)) out.add(t);
    }
  }
  return [...out];
}

/**
 * sfc32 with its 128-bit state drawn from the seed by splitmix32: streams of different seeds do not
 * overlap (a 32-bit xorshift's would: all seeds walk one cycle, and nearby starting points give the same
 * paragraphs shifted — "copies" nobody planted).
 */
class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  constructor(seed: number) {
    let z = seed >>> 0;
    const mix = () => {
      z = (z + 0x9e3779b9) >>> 0;
      let t = z ^ (z >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) >>> 0;
    };
    [this.#a, this.#b, this.#c, this.#d] = [mix(), mix(), mix(), mix()];
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t / 0x100000000;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
}

const PLACE_CHARS = "安宝昌成东丰福广和华嘉江金康乐临隆明南宁平庆仁荣瑞山盛泰天通文武西祥新兴阳永云长正中";
const PLACE_SUFFIX = ["县", "县", "区", "市"];
const DEPTS = [
  "人力资源和社会保障局",
  "财政局",
  "教育体育局",
  "卫生健康局",
  "农业农村局",
  "交通运输局",
  "住房和城乡建设局",
  "自然资源局",
  "水务局",
  "民政局",
  "文化和旅游局",
  "市场监督管理局",
  "应急管理局",
  "司法局",
  "统计局",
  "医疗保障局",
  "林业和草原局",
  "生态环境局",
  "科学技术局",
  "商务局",
];

/** Template paragraphs every unit writes (〔U〕 is the unit): shared text that must not count as copying. */
const TEMPLATES = [
  "本次自评主要依据《中华人民共和国预算法》、《中共中央 国务院关于全面实施预算绩效管理的意见》、《项目支出绩效评价管理办法》以及〔U〕年度工作计划等文件开展。",
  "评价以绩效目标为导向，运用比较法、因素分析法和公众评判法，对资金投入、过程管理、产出和效益进行全面分析。",
  "一是加强绩效管理培训，提升财务人员和业务人员的绩效管理能力。",
  "二是强化评价结果应用，将评价结果作为以后年度预算安排和政策调整的重要依据。",
  "部门整体支出绩效自评工作由〔U〕成立自评工作小组，按照前期准备、自评实施、撰写报告三个阶段开展。",
  "预算编制的精准度有待提高，年中追加调整事项较多，预算约束作用发挥不够充分。",
  "部分基础资料归档不及时，台账记录不够完整，影响了评价数据的采集效率。",
];

/** The figures a unit reports every year, by subject. */
const SUBJECTS = ["“三公”经费支出", "项目支出", "基本支出"] as const;

export interface Unit {
  name: string;
  seed: number;
}

export type PlantKind = "copied-report" | "copied-from-last-year" | "cross-year-figure";

export interface Plant {
  kind: PlantKind;
  /** The report that must carry the finding. */
  target: string;
  /** The report it copies, or whose figure it contradicts. */
  source: string;
}

export interface ReportSpec {
  key: string;
  unit: number;
  year: number;
  /** Copy of another report: [unit, year], names and years swapped. */
  copyOf?: [number, number];
  /** Share of the copy's paragraphs edited (a clause replaced). */
  edit?: number;
  /** State last year's figures wrong. */
  wrongLastYear?: boolean;
}

export interface ArchivePlan {
  units: Unit[];
  years: number[];
  reports: ReportSpec[];
  plants: Plant[];
}

export const reportKey = (unit: number, year: number) => `u${unit}-${year}`;

/** Unit names: a two-character place and a department, all distinct. */
function unitNames(n: number, rng: Rng): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const place = rng.pick([...PLACE_CHARS]) + rng.pick([...PLACE_CHARS]) + rng.pick(PLACE_SUFFIX);
    const name = place + rng.pick(DEPTS);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/** The plan: who reports which year, and which reports are planted defects. */
export function planArchive(
  opts: { units: number; years: number[]; plants: number; seed: number },
): ArchivePlan {
  const rng = new Rng(opts.seed);
  const units = unitNames(opts.units, rng).map((name, i) => ({ name, seed: opts.seed * 7919 + i * 104729 }));
  const reports = new Map<string, ReportSpec>();
  for (let u = 0; u < units.length; u++) {
    for (const year of opts.years) {
      reports.set(reportKey(u, year), { key: reportKey(u, year), unit: u, year });
    }
  }
  const plants: Plant[] = [];
  const used = new Set<string>();
  const free = (k: string) => !used.has(k);
  const later = opts.years.slice(1);
  const take = (kind: PlantKind, make: () => Plant | null) => {
    for (let n = 0, tries = 0; n < opts.plants && tries < opts.plants * 50; tries++) {
      const p = make();
      if (!p) continue;
      plants.push(p);
      used.add(p.target).add(p.source);
      n++;
      void kind;
    }
  };
  // Another unit's report of the same or an earlier year, names and years swapped, some paragraphs edited.
  take("copied-report", () => {
    const [u, a] = [rng.int(0, units.length - 1), rng.int(0, units.length - 1)];
    const year = rng.pick(later);
    const from = rng.next() < 0.25 ? year : rng.pick(opts.years.filter((y) => y < year));
    const [t, s] = [reportKey(u, year), reportKey(a, from)];
    if (u === a || !free(t) || !free(s)) return null;
    Object.assign(reports.get(t)!, { copyOf: [a, from], edit: rng.next() * 0.2 });
    return { kind: "copied-report", target: t, source: s };
  });
  // The unit's own report of last year, years moved on, figures left.
  take("copied-from-last-year", () => {
    const u = rng.int(0, units.length - 1);
    const year = rng.pick(later);
    const [t, s] = [reportKey(u, year), reportKey(u, year - 1)];
    if (!free(t) || !free(s)) return null;
    Object.assign(reports.get(t)!, { copyOf: [u, year - 1], edit: rng.next() * 0.2 });
    return { kind: "copied-from-last-year", target: t, source: s };
  });
  // Last year's figures stated wrong.
  take("cross-year-figure", () => {
    const u = rng.int(0, units.length - 1);
    const year = rng.pick(later);
    const [t, s] = [reportKey(u, year), reportKey(u, year - 1)];
    if (!free(t) || !free(s)) return null;
    reports.get(t)!.wrongLastYear = true;
    return { kind: "cross-year-figure", target: t, source: s };
  });
  return { units, years: opts.years, reports: [...reports.values()], plants };
}

/** A unit's true figure for a subject and year (万元, two decimals). */
function figure(unit: Unit, subject: number, year: number): string {
  const r = new Rng(unit.seed + subject * 31 + year * 1009);
  r.next();
  return (r.int(1000, 900000) / 100).toFixed(2);
}

/** Digits of a clause replaced by random numbers (masked by the index, so only the raw text changes). */
function renumber(text: string, rng: Rng): string {
  return text.replace(/\d+(?:\.\d+)?/g, () => String(rng.int(1, 999)));
}

/** The own-wording paragraphs of a unit's report for a year (before any copy is planted). */
function ownParagraphs(pool: string[], unit: Unit, year: number): { targets: string[]; body: string[] } {
  const rng = new Rng(unit.seed + year * 65537);
  const para = () => {
    const n = rng.int(3, 5);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(renumber(rng.pick(pool), rng));
    return parts.join("，") + "。";
  };
  const targets = [
    `${year}年，${para()}`,
    `年度绩效目标为：完成${renumber("培训120人次", rng)}，${para()}`,
  ];
  const body = Array.from({ length: rng.int(45, 75) }, para);
  return { targets, body };
}

/** The Document of one report of the plan. */
export function buildReport(plan: ArchivePlan, spec: ReportSpec, pool: string[]): Document {
  const unit = plan.units[spec.unit];
  const { year } = spec;
  let targets: string[], body: string[];
  if (spec.copyOf) {
    const [su, sy] = spec.copyOf;
    const src = plan.units[su];
    const own = ownParagraphs(pool, src, sy);
    const rng = new Rng(unit.seed ^ (year * 7));
    const swap = (t: string) =>
      t.split(src.name).join(unit.name).replace(/20\d\d/g, (y) => String(Number(y) + (year - sy)));
    const edit = (t: string) => {
      if (rng.next() >= (spec.edit ?? 0)) return t;
      const clauses = t.split("，");
      clauses[rng.int(0, clauses.length - 1)] = rng.pick(pool);
      return clauses.join("，");
    };
    targets = own.targets.map(swap);
    body = own.body.map((t) => edit(swap(t)));
  } else {
    ({ targets, body } = ownParagraphs(pool, unit, year));
  }
  const rng = new Rng(unit.seed + year * 3 + 1);
  const templates = TEMPLATES.filter(() => rng.next() < 0.7).map((t) => t.replace("〔U〕", unit.name));
  const figures = SUBJECTS.map((s, k) => `${year}年度${s}${figure(unit, k, year)}万元。`);
  const last = SUBJECTS.map((s, k) => {
    const v = spec.wrongLastYear
      ? (Number(figure(unit, k, year - 1)) + 1 + k).toFixed(2)
      : figure(unit, k, year - 1);
    return `上年${s}${v}万元。`;
  });
  const specs: DocSpec[] = [
    `${unit.name}${year}年度部门整体支出绩效自评报告`,
    h(1, "一、部门概况"),
    `${unit.name}主要职责是贯彻落实国家和省市有关方针政策。`,
    ...body.slice(0, 15),
    h(1, "二、绩效目标"),
    ...targets,
    h(1, "三、绩效自评工作开展情况"),
    ...templates.slice(0, 3),
    h(1, "四、预算执行情况"),
    // Figures for the year and last year's, in one paragraph each (a copy keeps the source's wording).
    figures.join(""),
    last.join(""),
    ...body.slice(15),
    h(1, "五、存在的问题及改进措施"),
    ...templates.slice(3),
  ];
  return makeDoc(specs, {
    title: `${unit.name}${year}年度部门整体支出绩效自评报告`,
    year,
    unit: unit.name,
    kind: "部门整体",
  });
}
