/**
 * 审核结果.xlsx: what a reviewer keeps of a batch. Three sheets, Chinese throughout:
 * - 汇总: one row per document (unit, year, kind, status, counts, stated score and grade, main problems,
 *   links to its HTML report and annotated copy);
 * - 问题清单: one row per finding (rule name and id, severity, message, quote, place, stated, computed, 修改建议),
 *   with a filter on every column and the header frozen;
 * - 未处理文件: every path found and not audited, or that failed, and why.
 * Every cell holding document text or a file name is a plain string defused like a CSV cell (csvCell: a
 * leading = + - @ gets an apostrophe), so that neither opening nor editing a cell makes it a formula;
 * no cell is ever written as a formula.
 */
import * as path from "node:path";
import type { DocumentResult } from "../model/report.ts";
import type { Finding, Severity } from "../model/finding.ts";
import { comparison, SEVERITIES, SEVERITY_LABEL, sortFindings } from "../render/common.ts";
import { csvCell } from "../render/escape.ts";
import { locationName, type Places } from "../render/place.ts";
import { ruleTitle } from "../render/rule-names.ts";
import { DEFAULT_TIME_ZONE, localTime, localTimeLabel } from "../render/time.ts";
import { TOOL } from "../audit.ts";
import type { Ignored } from "./discover.ts";
import { annotatedRel, reportRel } from "./names.ts";
import type { Store } from "./store.ts";
import { XLSX_THEME } from "./xlsx-theme.ts";
import { ZipWriter } from "./zip-writer.ts";

export interface WorkbookOptions {
  /** When the workbook is written (default: now). */
  now?: Date;
  /** IANA time zone of every time in the workbook (default Asia/Shanghai). */
  timeZone?: string;
  /** Paths seen and not audited (this run's walk), and outputs that could not be written. */
  ignored?: Ignored[];
  /** Annotated copies were asked for: link them from 汇总. */
  annotate?: boolean;
  /** The output folder (links are relative to it; an annotated copy is linked only when it is there). */
  outDir?: string;
}

export const SHEETS = { summary: "汇总", findings: "问题清单", unprocessed: "未处理文件" } as const;

export const SUMMARY_HEADER = [
  "文件",
  "标题",
  "单位",
  "年度",
  "报告类型",
  "状态",
  "错误",
  "警告",
  "提示",
  "已豁免",
  "自评总分",
  "自评等级",
  "主要问题",
  "审核报告",
  "批注版",
  "审核时间",
];

export const FINDINGS_HEADER = [
  "文件",
  "单位",
  "规则",
  "规则号",
  "级别",
  "说明",
  "引文",
  "位置",
  "陈述值",
  "计算值",
  "修改建议",
  "豁免理由",
];

export const UNPROCESSED_HEADER = ["文件", "类别", "原因", "代码"];

/** Column widths (characters; a CJK character takes about two). */
const SUMMARY_WIDTHS = [28, 30, 18, 7, 10, 9, 6, 6, 6, 7, 9, 9, 44, 10, 11, 19];
const FINDINGS_WIDTHS = [24, 16, 14, 18, 8, 50, 40, 30, 12, 12, 36, 14];
const UNPROCESSED_WIDTHS = [40, 14, 80, 16];
/** Columns whose text wraps (1-based), per sheet. */
const SUMMARY_WRAP = [1, 2, 3, 13];
const FINDINGS_WRAP = [1, 2, 6, 7, 8, 9, 10, 11, 12];
const UNPROCESSED_WRAP = [1, 3];

/** How an error code is grouped for the reviewer. */
const CATEGORY: Record<string, string> = {
  "not-found": "无法读取",
  "unreadable": "无法读取",
  "unreadable-folder": "无法读取",
  "empty-file": "空文件",
  "empty-document": "空文件",
  "legacy-doc": "格式不支持",
  "legacy-xls": "格式不支持",
  "bad-doc": "文件损坏",
  "bad-pdf": "文件损坏",
  "needs-ocr": "需要文字识别",
  "convert-failed": "转换失败",
  "encrypted": "有密码保护",
  "not-docx": "格式不支持",
  "truncated-zip": "文件损坏",
  "missing-part": "文件损坏",
  "unsafe-zip": "不安全的文件",
  "unsafe-xml": "不安全的文件",
  "bad-xml": "文件损坏",
  "bad-csv": "文件损坏",
  "too-large": "文件过大",
  "timeout": "超时",
  "internal": "程序错误",
  "symlink-loop": "符号链接循环",
  "dangling-symlink": "符号链接无效",
  "symlink-folder": "链接的文件夹",
  "not-regular-file": "不是普通文件",
  "not-a-report": "不是报告文件",
  "lock-file": "临时锁文件",
  "hidden": "隐藏文件",
  "output-folder": "审核输出文件夹",
  "output-failed": "输出写入失败",
};

/** A text cell: always a string, defused (csvCell); null/undefined stay empty. */
function text(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  return csvCell(String(v));
}

/** A value from a finding's details: a finite number stays a number, anything else is defused text. */
function value(raw: unknown, shown: string | undefined): string | number | null {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  return text(shown);
}

interface DocRow {
  path: string;
  json: string;
  places: string | null;
  output_name: string | null;
  started_at: string | null;
}

/** The three most frequent problems, worst first: "错误·数据前后不一致×2；警告·重复段落×5". */
export function topProblems(findings: Finding[], max = 3): string {
  const counts = new Map<string, { severity: Severity; rule: string; n: number }>();
  for (const f of findings) {
    if (f.suppressed) continue;
    const key = `${f.severity}\u0000${f.rule}`;
    const c = counts.get(key) ?? { severity: f.severity, rule: f.rule, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  return [...counts.values()]
    .sort((a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.n - a.n ||
      a.rule.localeCompare(b.rule)
    )
    .slice(0, max)
    .map((c) => `${SEVERITY_LABEL[c.severity]}·${ruleTitle(c.rule)}×${c.n}`)
    .join("；");
}

/** The total score and grade the report states for itself (document meta); blank when it states none. */
function scoreAndGrade(doc: DocumentResult): { score: number | null; grade: string | null } {
  const meta = doc.meta as { score?: number | null; grade?: string | null };
  return {
    score: typeof meta.score === "number" && Number.isFinite(meta.score) ? meta.score : null,
    grade: typeof meta.grade === "string" && meta.grade ? meta.grade : null,
  };
}

/** Width of text in CJK-character units (an ASCII character counts half). */
function displayChars(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x2e80) w += 0.5;
    else {
      w += 1;
      // A surrogate pair is one character.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
  }
  return w;
}

// The workbook is written as SpreadsheetML directly, row by row (问题清单 can hold a few hundred thousand
// rows): the same parts, styles and layout ExcelJS wrote, with strings inline instead of a shared-string
// table, so that memory does not grow with the number of findings.

/** Cell formats (xl/styles.xml cellXfs), in the order of STYLES below. */
const XF = {
  wrap: 1,
  top: 2,
  centerTop: 3,
  header: 4,
  headerCenterTop: 5,
  failed: 6,
  link: 7,
  fill: { error: 8, warning: 9, info: 10 } as Record<Severity, number>,
} as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
  `<fonts count="4" x14ac:knownFonts="1"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/><color rgb="FFFFFFFF"/></font><font><b/><color rgb="FFC62828"/></font><font><u/><color rgb="FF1565C0"/></font></fonts>` +
  `<fills count="6"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF3A5A8C"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFD6D6"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFF3C4"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDCEBFF"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="11"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
  `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="5" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
  `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>`;

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const HYPERLINK_REL = `${NS_REL}/hyperlink`;

/** Characters XML 1.0 does not allow (C0 controls but tab, LF, CR; and DEL, as ExcelJS dropped it). */
// deno-lint-ignore no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// deno-lint-ignore no-control-regex
const XML_SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text or attribute value as XML (quotes escaped too; characters XML cannot hold dropped). */
function xml(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
  return s.replace(INVALID_XML, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** Column letters of 1-based column `n` (the sheets have at most 16 columns). */
function colName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type CellValue = string | number | null;

/**
 * xl/sharedStrings.xml for the columns whose text repeats from row to row (file, unit, rule, level, hint):
 * each such text is written once. Other text (messages, quotes) is written inline in its cell.
 */
class SharedStrings {
  #index = new Map<string, number>();
  #xml: string[] = [];
  count = 0;

  of(v: string): number {
    this.count++;
    let k = this.#index.get(v);
    if (k === undefined) {
      k = this.#xml.length;
      this.#index.set(v, k);
      this.#xml.push(`<si>${textElement(v)}</si>`);
    }
    return k;
  }

  part(): string {
    return XML_HEAD +
      `<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.#xml.length}">${
        this.#xml.join("")
      }</sst>`;
  }
}

/** One sheet's layout: column widths, wrapped columns and each column's format. */
class SheetLayout {
  readonly cols: string[];
  readonly colStyle: number[];
  readonly wrap: Set<number>;
  readonly spans: string;
  /** Columns (0-based) written as shared strings, when a table is given. */
  readonly shared: boolean[];
  constructor(
    readonly widths: number[],
    wrap: number[],
    styleOf?: (col: number) => number | undefined,
    shared: number[] = [],
  ) {
    this.shared = widths.map((_, i) => shared.includes(i + 1));
    this.cols = widths.map((_, i) => colName(i + 1));
    this.wrap = new Set(wrap);
    this.colStyle = widths.map((_, i) => styleOf?.(i + 1) ?? (this.wrap.has(i + 1) ? XF.wrap : XF.top));
    this.spans = `1:${widths.length}`;
  }

  /** Row `r` (2 …) with its height worked out from its wrapped text, as ExcelJS's caller did. */
  row(r: number, values: CellValue[], styles?: (number | undefined)[], sst?: SharedStrings): string {
    let lines = 1;
    let cells = "";
    for (let i = 0; i < this.widths.length; i++) {
      const v = values[i] ?? null;
      const s = styles?.[i] ?? this.colStyle[i];
      const ref = `${this.cols[i]}${r}`;
      if (v === null) cells += `<c r="${ref}" s="${s}"/>`;
      else if (typeof v === "number") cells += `<c r="${ref}" s="${s}"><v>${v}</v></c>`;
      else {
        cells += sst && this.shared[i]
          ? `<c r="${ref}" s="${s}" t="s"><v>${sst.of(v)}</v></c>`
          : `<c r="${ref}" s="${s}" t="inlineStr"><is>${textElement(v)}</is></c>`;
        if (this.wrap.has(i + 1)) {
          const perLine = Math.max(1, Math.floor((this.widths[i] ?? 10) / 2));
          const count = v.split("\n").reduce(
            (k, part) => k + Math.max(1, Math.ceil(displayChars(part) / perLine)),
            0,
          );
          lines = Math.max(lines, count);
        }
      }
    }
    const ht = Math.min(15 * lines + 3, 200);
    return `<row r="${r}" ht="${ht}" customHeight="1" spans="${this.spans}" x14ac:dyDescent="0.25">${cells}</row>`;
  }

  /** The header row: bold white on blue, centred. */
  header(names: string[], styleOf?: (col: number) => number | undefined): string {
    const cells = names.map((n, i) =>
      `<c r="${this.cols[i]}1" s="${styleOf?.(i + 1) ?? XF.header}" t="inlineStr"><is>${
        textElement(n)
      }</is></c>`
    ).join("");
    return `<row r="1" ht="22" customHeight="1" spans="${this.spans}" s="${XF.header}" customFormat="1" x14ac:dyDescent="0.25">${cells}</row>`;
  }

  /** Everything before the rows; `rows` (when known) gives the dimension. */
  start(opts: { tab?: string; rows?: number }): string {
    const last = this.cols[this.cols.length - 1];
    const dim = opts.rows !== undefined ? `<dimension ref="A1:${last}${Math.max(opts.rows, 1)}"/>` : "";
    const cols = this.widths.map((w, i) =>
      `<col min="${i + 1}" max="${i + 1}" width="${w}" style="${this.colStyle[i]}" customWidth="1"/>`
    ).join("");
    return XML_HEAD +
      `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
      `<sheetPr>${
        opts.tab ? `<tabColor rgb="${opts.tab}"/>` : ""
      }<pageSetUpPr fitToPage="1"/></sheetPr>${dim}` +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>` +
      `<cols>${cols}</cols><sheetData>`;
  }

  /** Everything after the rows: the filter over every column, hyperlinks, A4 landscape one page wide. */
  end(rows: number, hyperlinks = ""): string {
    const last = this.cols[this.cols.length - 1];
    return `</sheetData><autoFilter ref="A1:${last}${Math.max(rows, 1)}"/>` +
      (hyperlinks ? `<hyperlinks>${hyperlinks}</hyperlinks>` : "") +
      `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`;
  }
}

function textElement(v: string): string {
  return /^\s|\n|\s$/.test(v) ? `<t xml:space="preserve">${xml(v)}</t>` : `<t>${xml(v)}</t>`;
}

const SUMMARY_LAYOUT = new SheetLayout(
  SUMMARY_WIDTHS,
  SUMMARY_WRAP,
  (c) => c === 16 ? XF.centerTop : undefined,
);
const FINDINGS_LAYOUT = new SheetLayout(FINDINGS_WIDTHS, FINDINGS_WRAP, undefined, [1, 2, 3, 4, 5, 11, 12]);
const UNPROCESSED_LAYOUT = new SheetLayout(UNPROCESSED_WIDTHS, UNPROCESSED_WRAP);

/** ISO time without milliseconds, as docProps/core.xml holds it. */
function w3cdtf(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function packageParts(now: Date, description: string): Record<string, string> {
  const sheetNames = [SHEETS.summary, SHEETS.findings, SHEETS.unprocessed];
  const sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  return {
    "[Content_Types].xml": XML_HEAD +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheetNames.map((_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sheetType}"/>`
      )
        .join("") +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    "_rels/.rels": XML_HEAD +
      `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${NS_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    "docProps/app.xml": XML_HEAD +
      `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetNames.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${
        sheetNames.map((n) => `<vt:lpstr>${xml(n)}</vt:lpstr>`).join("")
      }</vt:vector></TitlesOfParts>` +
      `<Company></Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`,
    "docProps/core.xml": XML_HEAD +
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${
        xml(`${TOOL.name} ${TOOL.version}`)
      }</dc:creator><dc:title>绩效自评报告审核结果</dc:title><dc:subject></dc:subject><dc:description>${
        xml(description)
      }</dc:description><cp:keywords></cp:keywords><cp:category></cp:category><cp:lastModifiedBy>Unknown</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${
        w3cdtf(now)
      }</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${
        w3cdtf(now)
      }</dcterms:modified></cp:coreProperties>`,
    "xl/workbook.xml": XML_HEAD +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>` +
      `<sheets>${
        sheetNames.map((n, i) =>
          `<sheet sheetId="${i + 1}" name="${xml(n)}" state="visible" r:id="rId${i + 4}"/>`
        ).join(
          "",
        )
      }</sheets>` +
      `<definedNames>${
        sheetNames.map((n, i) =>
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xml(`'${n}'!$1:$1`)}</definedName>`
        ).join("")
      }</definedNames><calcPr calcId="171027"/></workbook>`,
    "xl/_rels/workbook.xml.rels": XML_HEAD +
      `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${NS_REL}/theme" Target="theme/theme1.xml"/><Relationship Id="rId3" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      sheetNames.map((_, i) =>
        `<Relationship Id="rId${i + 4}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
      ).join("") +
      `</Relationships>`,
    "xl/theme/theme1.xml": XLSX_THEME,
    "xl/styles.xml": STYLES,
  };
}

/** One document of the workbook, with what a batch keeps beside its result. */
export interface WorkbookDocument {
  doc: DocumentResult;
  /** Places of its findings' blocks (render/place.ts); without them places are named by block. */
  places?: Places | null;
  /** The name its outputs were written under (links to its HTML report and annotated copy). */
  outputName?: string | null;
  /** When its run started (ISO): the 审核时间 column. */
  startedAt?: string | null;
}

/** The batch's order of 汇总: failed documents first, then by errors, warnings, notes, then by file. */
function compareDocuments(a: DocumentResult, b: DocumentResult): number {
  const counts = (d: DocumentResult) => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of d.findings) if (!f.suppressed) c[f.severity]++;
    return c;
  };
  const ca = counts(a), cb = counts(b);
  return Number(b.status === "error") - Number(a.status === "error") || cb.error - ca.error ||
    cb.warning - ca.warning || cb.info - ca.info || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/** The documents of a batch's store, in its order. */
function* storeDocuments(store: Store): Generator<WorkbookDocument> {
  const rows = store.db.prepare(
    `SELECT d.path, d.json, d.places, d.output_name, r.started_at FROM documents d
       LEFT JOIN runs r ON r.id = d.run_id ORDER BY (d.status = 'error') DESC, d.error_count DESC,
       d.warning_count DESC, d.info_count DESC, d.path`,
  ).iterate();
  for (const row of rows) {
    const d = row as unknown as DocRow;
    yield {
      doc: JSON.parse(d.json) as DocumentResult,
      places: d.places ? JSON.parse(d.places) as Places : undefined,
      outputName: d.output_name,
      startedAt: d.started_at,
    };
  }
}

/** 审核结果.xlsx of a batch, from its store, written to `file` (through `file`.tmp). */
export async function writeWorkbook(store: Store, file: string, opts: WorkbookOptions = {}): Promise<void> {
  const tmp = `${file}.tmp`;
  const zip = new ZipWriter(tmp, 1, opts.now ?? new Date());
  try {
    writeSheets(zip, storeDocuments(store), opts);
  } catch (e) {
    zip.abort();
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
  await Deno.rename(tmp, file);
}

/**
 * The same workbook in memory, from document results (no store, nothing written: the web app), ordered
 * as a batch orders them. A report or annotated copy is linked only for a document given an `outputName`.
 */
export function workbookBytes(
  docs: (DocumentResult | WorkbookDocument)[],
  opts: Omit<WorkbookOptions, "outDir" | "annotate"> = {},
): Uint8Array {
  const entries = docs.map((d) => "doc" in d ? d : { doc: d })
    .sort((a, b) => compareDocuments(a.doc, b.doc));
  const zip = new ZipWriter(null, 1, opts.now ?? new Date());
  try {
    writeSheets(zip, entries, opts);
  } catch (e) {
    zip.abort();
    throw e;
  }
  return zip.bytes();
}

/** The three sheets and the package parts, into `zip` (closed at the end). */
function writeSheets(zip: ZipWriter, docs: Iterable<WorkbookDocument>, opts: WorkbookOptions): void {
  const tz = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const now = opts.now ?? new Date();

  const exists = (rel: string) =>
    opts.outDir === undefined || Deno.statSync(path.join(opts.outDir, rel)).isFile;
  const there = (rel: string) => {
    try {
      return exists(rel);
    } catch {
      return false;
    }
  };

  // 问题清单 goes straight into its (deflated) part; 汇总 and 未处理文件, a row per document, are kept.
  const findingsPart = zip.entry();
  findingsPart.write(FINDINGS_LAYOUT.start({}) + FINDINGS_LAYOUT.header(FINDINGS_HEADER));
  let findingRows = 1;
  const summaryRows: string[] = [
    SUMMARY_LAYOUT.header(SUMMARY_HEADER, (c) => c === 16 ? XF.headerCenterTop : undefined),
  ];
  const unprocessedRows: string[] = [UNPROCESSED_LAYOUT.header(UNPROCESSED_HEADER)];
  const sst = new SharedStrings();
  const links: string[] = [];
  const linkRels: string[] = [];
  const link = (ref: string, target: string) => {
    const id = `rId${links.length + 1}`;
    links.push(`<hyperlink ref="${ref}" r:id="${id}" tooltip="${xml(text(target) ?? "")}"/>`);
    linkRels.push(
      `<Relationship Id="${id}" Type="${HYPERLINK_REL}" Target="${xml(target)}" TargetMode="External"/>`,
    );
  };

  // The documents of a run share its start time: format each once.
  const times = new Map<string, string>();
  const auditedAt = (iso: string) => {
    let t = times.get(iso);
    if (t === undefined) times.set(iso, t = localTime(new Date(iso), tz));
    return t;
  };
  for (const d of docs) {
    const { doc } = d;
    const places = d.places ?? undefined;
    const counts = { error: 0, warning: 0, info: 0, suppressed: 0 };
    for (const f of doc.findings) f.suppressed ? counts.suppressed++ : counts[f.severity]++;
    const { score, grade } = scoreAndGrade(doc);
    const report = d.outputName ? reportRel(d.outputName) : null;
    const annotated = d.outputName && opts.annotate && /\.docx$/i.test(doc.file)
      ? annotatedRel(d.outputName)
      : null;
    const r = summaryRows.length + 1;
    const values: CellValue[] = [
      text(doc.file),
      text(doc.meta.title),
      text(doc.meta.unit),
      doc.meta.year ?? null,
      text(doc.meta.kind),
      doc.status === "ok" ? "完成" : "未能审核",
      counts.error,
      counts.warning,
      counts.info,
      counts.suppressed,
      score,
      text(grade),
      doc.status === "ok" ? text(topProblems(doc.findings) || "未发现问题") : text(doc.error?.message),
      null,
      null,
      d.startedAt ? auditedAt(d.startedAt) : null,
    ];
    const styles: (number | undefined)[] = [];
    // Links to files this batch wrote: relative to the workbook, text defused like any other.
    if (report && there(report)) {
      values[13] = "打开报告";
      styles[13] = XF.link;
      link(`N${r}`, report);
    }
    if (annotated && there(annotated)) {
      values[14] = "打开批注版";
      styles[14] = XF.link;
      link(`O${r}`, annotated);
    }
    if (doc.status === "error") {
      styles[5] = XF.failed;
      unprocessedRows.push(UNPROCESSED_LAYOUT.row(unprocessedRows.length + 1, [
        text(doc.file),
        CATEGORY[doc.error?.code ?? ""] ?? "未能审核",
        text(doc.error?.message),
        text(doc.error?.code),
      ]));
    }
    summaryRows.push(SUMMARY_LAYOUT.row(r, values, styles));
    const file = text(doc.file), unit = text(doc.meta.unit);
    for (const f of sortFindings(doc.findings)) {
      const c = comparison(f);
      findingsPart.write(FINDINGS_LAYOUT.row(
        ++findingRows,
        [
          file,
          unit,
          text(ruleTitle(f.rule)),
          text(f.rule),
          f.suppressed ? `${SEVERITY_LABEL[f.severity]}（已豁免）` : SEVERITY_LABEL[f.severity],
          text(f.message),
          text(f.evidence.map((e) => e.quote).join("\n")),
          text(f.evidence.map((e) => locationName(e, places)).join("\n")),
          value(f.details?.stated, c.stated),
          value(f.details?.computed, c.computed),
          text(f.hint),
          text(f.suppressed?.reason),
        ],
        f.suppressed ? undefined : [, , , , XF.fill[f.severity]],
        sst,
      ));
    }
  }
  for (const g of opts.ignored ?? []) {
    unprocessedRows.push(UNPROCESSED_LAYOUT.row(unprocessedRows.length + 1, [
      text(g.path),
      CATEGORY[g.code] ?? "未审核",
      text(g.message),
      text(g.code),
    ]));
  }
  findingsPart.write(FINDINGS_LAYOUT.end(findingRows));

  const parts = packageParts(now, `生成时间：${localTimeLabel(now, tz)}`);
  for (const name of ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml"]) {
    zip.addText(name, parts[name]);
  }
  // Before the sheets: readers that go through the archive in order (ExcelJS) need the strings first.
  zip.addText("xl/sharedStrings.xml", sst.part());
  zip.addText(
    "xl/worksheets/sheet1.xml",
    SUMMARY_LAYOUT.start({ tab: "FF3A5A8C", rows: summaryRows.length }) + summaryRows.join("") +
      SUMMARY_LAYOUT.end(summaryRows.length, links.join("")),
  );
  if (linkRels.length) {
    zip.addText(
      "xl/worksheets/_rels/sheet1.xml.rels",
      XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}">${linkRels.join("")}</Relationships>`,
    );
  }
  zip.add("xl/worksheets/sheet2.xml", findingsPart);
  zip.addText(
    "xl/worksheets/sheet3.xml",
    UNPROCESSED_LAYOUT.start({ rows: unprocessedRows.length }) + unprocessedRows.join("") +
      UNPROCESSED_LAYOUT.end(unprocessedRows.length),
  );
  for (
    const name of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/theme/theme1.xml", "xl/styles.xml"]
  ) {
    zip.addText(name, parts[name]);
  }
  zip.close();
}
