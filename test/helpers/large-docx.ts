/**
 * Large generated reports for the scaling bench and the fuzz test: template-like repetitive paragraphs (the
 * same sentence skeleton with different figures, and exact repeats), varied paragraphs (sentences drawn from
 * word lists with figures) and a big indicator table, all seeded so every run builds the same bytes.
 */
import { zipSync } from "fflate";

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const enc = new TextEncoder();

/** Mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function para(text: string, pPr = ""): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${
    esc(text)
  }</w:t></w:r></w:p>`;
}

function cell(text: string): string {
  return `<w:tc>${para(text)}</w:tc>`;
}

export function tableXml(rows: string[][]): string {
  return `<w:tbl><w:tblPr/><w:tblGrid/>${
    rows.map((r) => `<w:tr>${r.map(cell).join("")}</w:tr>`).join("")
  }</w:tbl>`;
}

export function docxOf(bodyXml: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>` +
    `${bodyXml}</w:body></w:document>`;
  return zipSync({
    "[Content_Types].xml": enc.encode(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    "_rels/.rels": enc.encode(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/document.xml": enc.encode(xml),
  });
}

const SUBJECTS = ["培训", "巡查", "宣传", "走访", "督导", "调研", "帮扶", "检查", "就业援助", "技能鉴定"];
const OBJECTS = ["农民工", "高校毕业生", "困难群众", "企业", "社区", "乡镇", "家庭", "项目", "岗位", "学员"];
const VERBS = ["完成", "开展", "组织", "落实", "推进", "实施"];
const ADVERBS = ["扎实", "有序", "全面", "持续", "稳步"];

/** A template sentence with figures: the same skeleton every time (…得分N分). */
export function templateParagraph(i: number, r: () => number): string {
  const n = (k: number) => Math.floor(r() * k) + 1;
  return `（${(i % 9) + 1}）${OBJECTS[i % OBJECTS.length]}补助项目：年初预算${n(900)}万元，实际支出${
    n(900)
  }万元，` +
    `预算执行率为${n(100)}%。项目产出数量指标完成${n(500)}个，按评分标准得分${n(10)}分。`;
}

/** A varied paragraph: sentences drawn from word lists, each with figures. */
export function variedParagraph(r: () => number): string {
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const n = (k: number) => Math.floor(r() * k) + 1;
  const sentences: string[] = [];
  const count = 2 + Math.floor(r() * 3);
  for (let k = 0; k < count; k++) {
    const total = n(900) + 100;
    const part = Math.floor(total * r());
    sentences.push(
      `${pick(ADVERBS)}${pick(VERBS)}${pick(OBJECTS)}${pick(SUBJECTS)}工作，全年累计${
        pick(SUBJECTS)
      }${total}人次，` +
        `其中${pick(OBJECTS)}${part}人次，较上年增长${n(30)}.${n(9)}%`,
    );
  }
  return sentences.join("。") + "。";
}

export interface LargeSpec {
  /** Template-like paragraphs in one section. */
  template: number;
  /** Exact repeats of one paragraph, in the same section. */
  repeats: number;
  /** Varied paragraphs, in one section. */
  varied: number;
  /** Rows of the indicator table. */
  tableRows: number;
  seed?: number;
}

/** A report at `scale` × a base size (1× ≈ 400 template, 400 varied paragraphs and a 200-row table). */
export function scaledSpec(scale: number): LargeSpec {
  return { template: 400 * scale, repeats: 20 * scale, varied: 400 * scale, tableRows: 200 * scale };
}

export function largeBody(spec: LargeSpec): string {
  const r = rng(spec.seed ?? 1);
  const parts: string[] = [para("某某县人力资源和社会保障局", '<w:jc w:val="center"/>')];
  parts.push(para("2023年部门整体支出绩效自评报告", '<w:jc w:val="center"/>'));
  parts.push(para("一、项目支出情况"));
  for (let i = 0; i < spec.template; i++) parts.push(para(templateParagraph(i, r)));
  const repeated = "各股室按照年初工作计划认真组织实施各项工作任务，确保全年目标任务按时保质完成。";
  for (let i = 0; i < spec.repeats; i++) parts.push(para(repeated));
  parts.push(para("二、部门工作完成情况"));
  for (let i = 0; i < spec.varied; i++) parts.push(para(variedParagraph(r)));
  parts.push(para("三、绩效指标评分情况"));
  const rows = [["一级指标", "二级指标", "三级指标", "分值", "得分"]];
  for (let i = 0; i < spec.tableRows; i++) {
    const w = 1 + Math.floor(r() * 10);
    rows.push([
      `产出指标${Math.floor(i / 50) + 1}`,
      `数量指标${Math.floor(i / 10) + 1}`,
      `${OBJECTS[i % OBJECTS.length]}${SUBJECTS[i % SUBJECTS.length]}人次${i + 1}`,
      String(w),
      String(Math.min(w, Math.floor(r() * 11))),
    ]);
  }
  rows.push(["合计", "", "", "100", "95"]);
  parts.push(tableXml(rows));
  parts.push(para("四、存在的问题"));
  parts.push(para("部分项目绩效目标设置不够细化，指标量化程度有待提高。"));
  return parts.join("");
}

export function largeDocx(spec: LargeSpec): Uint8Array {
  return docxOf(largeBody(spec));
}
