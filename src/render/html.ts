/**
 * One self-contained HTML file: every audited document rendered in full, each finding highlighted at its
 * quote, and a side panel listing the findings (filters, click-to-jump, print styles).
 */
import type { Block, Cell, Document, TableBlock } from "../model/document.ts";
import type { Evidence, Finding, Severity } from "../model/finding.ts";
import type { DocumentResult } from "../model/report.ts";
import type { RuleMeta } from "../model/rule.ts";
import { HTML_CSS, HTML_JS } from "./html-assets.ts";
import { escapeHtml } from "./escape.ts";
import { withoutPlacePaths } from "./message.ts";
import type { Places } from "./place.ts";
import {
  allFindings,
  comparison,
  countFindings,
  countsLine,
  locationLabel,
  NO_FINDINGS,
  orderRuleIds,
  placesFor,
  type RenderInput,
  ruleTitle,
  SEVERITIES,
  SEVERITY_LABEL,
  severityRank,
  sortFindings,
  SUPPRESSED_LABEL,
} from "./common.ts";

/** HTML text and attribute escaping (the shared one, under its short local name). */
export const esc = escapeHtml;

/** What escText changes: text without any of these is returned as it is (most pieces of a report). */
const TEXT_SPECIAL = /[&<>"'\n]/;

function escText(s: string): string {
  return TEXT_SPECIAL.test(s) ? esc(s).replace(/\r?\n/g, "<br>") : s;
}

/** A finding with its panel id ("f3") and the evidences that were found in the rendered text. */
interface Numbered {
  id: string;
  label: string;
  finding: Finding;
  file: string;
  located: Set<Evidence>;
}

/** A highlight request inside one text unit (a paragraph, a heading, or a table cell). */
interface Mark {
  start: number;
  end: number;
  finding: Numbered;
}

/** The highlight requests of a document: by block index, and for tables by block index, row and column. */
interface Units {
  blocks: Map<number, Mark[]>;
  cells: Map<number, Mark[][][]>;
}

function severityClass(f: Finding): string {
  return f.suppressed ? "sev-suppressed" : `sev-${f.severity}`;
}

/** The list with the mark appended (a new list when there was none). */
function push(list: Mark[] | undefined, mark: Mark): Mark[] {
  if (!list) return [mark];
  list.push(mark);
  return list;
}

/** Where each evidence's quote sits; an evidence whose quote is not in its block/cell is left out. */
function locate(doc: Document, numbered: Numbered[]): Units {
  const units: Units = { blocks: new Map(), cells: new Map() };
  const anchorsOf = new Map<number, Cell[]>();
  for (const n of numbered) {
    for (const e of n.finding.evidence) {
      const quote = e.quote;
      if (!quote) continue;
      const block = doc.blocks[e.block];
      if (!block) continue;
      if (block.kind !== "table") {
        const at = block.text.indexOf(quote);
        if (at < 0) continue;
        const mark = { start: at, end: at + quote.length, finding: n };
        units.blocks.set(block.index, push(units.blocks.get(block.index), mark));
        n.located.add(e);
        continue;
      }
      let cells: Cell[];
      if (e.table) {
        const c = block.grid[e.table.row]?.[e.table.col];
        cells = c ? [c] : [];
      } else {
        let anchors = anchorsOf.get(block.index);
        if (!anchors) {
          anchors = block.grid.flat().filter((c) => c.row === c.anchorRow && c.col === c.anchorCol);
          anchorsOf.set(block.index, anchors);
        }
        cells = anchors;
      }
      for (const c of cells) {
        const at = c.text.indexOf(quote);
        if (at < 0) continue;
        let table = units.cells.get(block.index);
        if (!table) units.cells.set(block.index, table = []);
        const row = table[c.anchorRow] ??= [];
        row[c.anchorCol] = push(row[c.anchorCol], { start: at, end: at + quote.length, finding: n });
        n.located.add(e);
        break;
      }
    }
  }
  return units;
}

/**
 * Split text at every mark boundary; a stretch covered by several findings names them all (in mark order).
 * One sweep over the cuts: marks enter when the sweep reaches their start and leave at their end (every
 * start and end is a cut, so a mark active at a cut covers the whole stretch up to the next one).
 */
function highlight(text: string, marks: Mark[] | undefined): string {
  if (!marks?.length) return escText(text);
  const cuts = [0, text.length];
  for (const m of marks) cuts.push(m.start, m.end);
  cuts.sort((a, b) => a - b);
  const byStart = marks.map((_, k) => k).sort((x, y) => marks[x].start - marks[y].start || x - y);
  let next = 0;
  /** Indices into `marks` of the marks covering the current stretch, ascending. */
  let active: number[] = [];
  /** Opening <mark> tags by the ids of the findings they name (stretches often share them). */
  const openings = new Map<string, string>();
  let html = "";
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i], b = cuts[i + 1];
    if (a === b) continue; // a repeated cut: an empty stretch
    const piece = escText(text.slice(a, b));
    let entered = false;
    while (next < byStart.length && marks[byStart[next]].start <= a) {
      active.push(byStart[next++]);
      entered = true;
    }
    if (entered) active.sort((x, y) => x - y);
    if (active.some((k) => marks[k].end <= a)) active = active.filter((k) => marks[k].end > a);
    if (!active.length) {
      html += piece;
      continue;
    }
    const covering: Numbered[] = [];
    for (const k of active) {
      const n = marks[k].finding;
      if (!covering.includes(n)) covering.push(n);
    }
    let ids = covering[0].id;
    for (let j = 1; j < covering.length; j++) ids += " " + covering[j].id;
    let open = openings.get(ids);
    if (open === undefined) {
      open = markOpening(covering, ids);
      openings.set(ids, open);
    }
    html += `${open}${piece}</mark>`;
  }
  return html;
}

/** The opening tag of a stretch covered by these findings (ids: their panel ids, space-separated). */
function markOpening(covering: Numbered[], ids: string): string {
  let worst = covering[0];
  for (const n of covering) if (rank(n.finding) < rank(worst.finding)) worst = n;
  const title = covering.map((n) => `${n.label} ${n.finding.rule}`).join("；");
  return `<mark data-finding="${ids}" data-label="${esc(covering.map((n) => n.label).join(","))}" class="${
    severityClass(worst.finding)
  }" title="${esc(title)}">`;
}

function rank(f: Finding): number {
  return f.suppressed ? 9 : severityRank(f.severity);
}

function renderBlock(docId: string, block: Block, units: Units): string {
  const id = `${docId}-b${block.index}`;
  const origin = block.origin === "body"
    ? ""
    : `<span class="origin">［${originLabel(block.origin)}］</span>`;
  const head = `<span class="blockno">${block.index + 1}</span>${origin}`;
  if (block.kind === "heading") {
    const h = Math.min(block.level + 1, 6);
    return `<h${h} class="block" id="${id}">${head}${
      highlight(block.text, units.blocks.get(block.index))
    }</h${h}>`;
  }
  if (block.kind === "paragraph") {
    let cls = "block";
    if (block.role) cls += " " + block.role;
    if (block.align && block.align !== "left") cls += ` align-${block.align}`;
    return `<p class="${esc(cls)}" id="${id}">${head}${
      highlight(block.text, units.blocks.get(block.index))
    }</p>`;
  }
  return renderTable(id, block, units.cells.get(block.index), origin);
}

function renderTable(id: string, t: TableBlock, marks: Mark[][][] | undefined, origin: string): string {
  let rows = "";
  for (let r = 0; r < t.grid.length; r++) {
    const tag = r < t.headerRows ? "th" : "td";
    let cells = "";
    for (const c of t.grid[r]) {
      if (c.anchorRow !== c.row || c.anchorCol !== c.col) continue;
      const span = (c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : "") +
        (c.colspan > 1 ? ` colspan="${c.colspan}"` : "");
      const body = highlight(c.text, marks?.[c.row]?.[c.col]);
      cells += `<${tag}${span} data-row="${c.row}" data-col="${c.col}">${body}</${tag}>`;
    }
    rows += (r > 0 ? "\n<tr>" : "<tr>") + cells + "</tr>";
  }
  return `${origin}<table class="block" id="${id}" data-table="${
    t.tableIndex + 1
  }"><tbody>${rows}</tbody></table>`;
}

function originLabel(o: Block["origin"]): string {
  return ({
    body: "正文",
    footnote: "脚注",
    endnote: "尾注",
    textbox: "文本框",
    comment: "批注",
    header: "页眉",
    footer: "页脚",
  } as const)[o];
}

/** A rule's escaped id and title, looked up once per report (`ruleTitle` searches the list). */
interface RuleHeading {
  id: string;
  title: string;
}

function ruleHeadings(rules: RuleMeta[]): (id: string) => RuleHeading {
  const cache = new Map<string, RuleHeading>();
  return (id) => {
    let h = cache.get(id);
    if (!h) {
      h = { id: esc(id), title: esc(ruleTitle(rules, id)) };
      cache.set(id, h);
    }
    return h;
  };
}

function renderFindingItem(
  n: Numbered,
  rule: RuleHeading,
  docId: string,
  places: Places | undefined,
): string {
  const f = n.finding;
  const level = f.suppressed
    ? `${SEVERITY_LABEL[f.severity]}·${SUPPRESSED_LABEL}`
    : SEVERITY_LABEL[f.severity];
  const e0 = f.evidence[0];
  const attrs =
    `class="finding ${severityClass(f)}${f.suppressed ? " suppressed" : ""}" data-finding="${n.id}"` +
    ` data-severity="${f.severity}" data-rule="${rule.id}"${f.suppressed ? ` data-suppressed="1"` : ""}${
      e0 ? ` data-block="${docId}-b${e0.block}"` : ""
    } tabindex="0"`;
  let html =
    `<li ${attrs}><span class="badge">${n.label} ${level}</span> <b>${rule.title}</b> <code>${rule.id}` +
    `</code>\n<div class="msg">${escText(withoutPlacePaths(f.message, f.evidence))}</div>`;
  for (const e of f.evidence) {
    html += `\n<div class="loc">${esc(locationLabel(e, places))}</div>`;
    if (e.quote) {
      html += `\n<blockquote>${esc(e.quote)}</blockquote>`;
      if (!n.located.has(e)) html += `\n<div class="nomark">原文中未定位到此引文</div>`;
    }
  }
  const c = comparison(f);
  const dl = definition("陈述值", c.stated) + definition("计算值", c.computed) +
    definition("计算方式", c.formula) + definition("修改建议", f.hint) +
    definition("豁免理由", f.suppressed?.reason);
  if (dl) html += `\n<dl>${dl}</dl>`;
  return html + "</li>";
}

/** One term of a finding's details list; nothing when the value is absent. */
function definition(term: string, value: string | undefined): string {
  return value === undefined ? "" : `<dt>${term}</dt><dd>${escText(value)}</dd>`;
}

function renderDocSection(
  docId: string,
  result: DocumentResult,
  doc: Document | undefined,
  units: Units,
): string {
  const meta = [result.meta.unit, result.meta.year ? `${result.meta.year}年度` : null, result.meta.title]
    .filter((x) => x).map((x) => esc(String(x))).join(" · ");
  const head = `<h1 class="file">${esc(result.file)}</h1>${meta ? `<p class="meta">${meta}</p>` : ""}`;
  if (result.status === "error") {
    return `<section class="doc" id="${docId}">${head}<p class="error-doc">无法审核：${
      esc(result.error?.message ?? "未知错误")
    }</p></section>`;
  }
  if (!doc) {
    return `<section class="doc" id="${docId}">${head}<p class="error-doc">原文不可用，仅列出问题。</p></section>`;
  }
  const body = doc.blocks.map((b) => renderBlock(docId, b, units)).join("\n");
  return `<section class="doc" id="${docId}">${head}\n${body}\n</section>`;
}

export function renderHtml(input: RenderInput): string {
  const { report, rules, documents } = input;
  const headingOf = ruleHeadings(rules);
  let counter = 0;
  const sections: string[] = [];
  const panelItems: string[] = [];
  report.documents.forEach((result, di) => {
    const docId = `d${di + 1}`;
    const numbered: Numbered[] = sortFindings(result.findings).map((finding) => {
      counter++;
      return { id: `f${counter}`, label: `#${counter}`, finding, file: result.file, located: new Set() };
    });
    const doc = result.status === "ok" ? documents.get(result.file) : undefined;
    const units = doc ? locate(doc, numbered) : { blocks: new Map(), cells: new Map() };
    sections.push(renderDocSection(docId, result, doc, units));
    panelItems.push(`<li class="file">${esc(result.file)}</li>`);
    if (result.status === "ok" && numbered.length === 0) {
      panelItems.push(`<li class="none">${NO_FINDINGS}</li>`);
    }
    const places = placesFor(input, result);
    for (const n of numbered) {
      panelItems.push(renderFindingItem(n, headingOf(n.finding.rule), docId, places));
    }
  });
  const findings = allFindings(report);
  const counts = countFindings(findings);
  const usedRules = orderRuleIds(findings.map((f) => f.rule), rules);
  const filterBoxes = [...SEVERITIES.map((s: Severity) => [s, SEVERITY_LABEL[s]]), [
    "suppressed",
    SUPPRESSED_LABEL,
  ]]
    .map(([v, label]) => `<label><input type="checkbox" data-filter value="${v}" checked> ${label}</label>`)
    .join("");
  const ruleOptions = usedRules.map((id) =>
    `<option value="${headingOf(id).id}">${headingOf(id).title}（${headingOf(id).id}）</option>`
  )
    .join("");
  const title = report.documents.length === 1
    ? report.documents[0].file
    : `${report.documents.length} 个文件`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>审核意见 · ${esc(title)}</title>
<style>${HTML_CSS}</style>
</head>
<body>
<main>
<header class="summary"><h1>绩效自评报告审核意见</h1>
<p>${esc(report.tool.name)} ${esc(report.tool.version)} · ${countsLine(counts)}${
    findings.length === 0 ? ` · <span class="none">${NO_FINDINGS}</span>` : ""
  }</p></header>
${sections.join("\n")}
</main>
<aside id="panel">
<div class="filters">${filterBoxes}<br><select id="rule-filter"><option value="">全部规则</option>${ruleOptions}</select>
<div class="counts">显示 <span id="shown-count">${findings.length}</span> / ${findings.length} 条
<label class="print-choice"><input type="checkbox" id="print-findings-only"> 只打印问题列表</label></div></div>
<div class="print-only"><h1>绩效自评报告审核意见 · 问题列表</h1><p>${esc(title)} · ${
    countsLine(counts)
  }</p></div>
<h2>问题列表</h2>
<ol class="findings">
${panelItems.join("\n")}
</ol>
</aside>
<script>${HTML_JS}</script>
</body>
</html>
`;
}
