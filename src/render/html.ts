/**
 * One self-contained HTML file: every audited document rendered in full, each finding highlighted at its
 * quote, and a side panel listing the findings (filters, click-to-jump, print styles).
 */
import type { Block, Document, TableBlock } from "../model/document.ts";
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

/** Key of a text unit: "b12" for a block, "b12:r3:c4" for an anchor cell. */
type UnitKey = string;

function severityClass(f: Finding): string {
  return f.suppressed ? "sev-suppressed" : `sev-${f.severity}`;
}

/** Where each evidence's quote sits; an evidence whose quote is not in its block/cell is left out. */
function locate(doc: Document, numbered: Numbered[]): Map<UnitKey, Mark[]> {
  const units = new Map<UnitKey, Mark[]>();
  const add = (key: UnitKey, text: string, quote: string, n: Numbered, e: Evidence) => {
    const at = text.indexOf(quote);
    if (at < 0) return false;
    const list = units.get(key) ?? [];
    list.push({ start: at, end: at + quote.length, finding: n });
    units.set(key, list);
    n.located.add(e);
    return true;
  };
  for (const n of numbered) {
    for (const e of n.finding.evidence) {
      if (!e.quote) continue;
      const block = doc.blocks[e.block];
      if (!block) continue;
      if (block.kind !== "table") {
        add(`b${block.index}`, block.text, e.quote, n, e);
        continue;
      }
      const cells = e.table
        ? [block.grid[e.table.row]?.[e.table.col]].filter((c) => c)
        : block.grid.flat().filter((c) => c.row === c.anchorRow && c.col === c.anchorCol);
      for (const c of cells) {
        if (add(`b${block.index}:r${c!.anchorRow}:c${c!.anchorCol}`, c!.text, e.quote, n, e)) break;
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
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) =>
    a - b
  );
  const byStart = marks.map((_, k) => k).sort((x, y) => marks[x].start - marks[y].start || x - y);
  let next = 0;
  /** Indices into `marks` of the marks covering the current stretch, ascending. */
  let active: number[] = [];
  let html = "";
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = escText(text.slice(a, b));
    let entered = false;
    while (next < byStart.length && marks[byStart[next]].start <= a) {
      active.push(byStart[next++]);
      entered = true;
    }
    if (entered) active.sort((x, y) => x - y);
    if (active.some((k) => marks[k].end <= a)) active = active.filter((k) => marks[k].end > a);
    const covering = [...new Set(active.map((k) => marks[k].finding))];
    if (!covering.length || a === b) {
      html += piece;
      continue;
    }
    const worst = covering.slice().sort((x, y) => rank(x.finding) - rank(y.finding))[0];
    const ids = covering.map((n) => n.id).join(" ");
    const title = covering.map((n) => `${n.label} ${n.finding.rule}`).join("；");
    html += `<mark data-finding="${ids}" data-label="${esc(covering.map((n) => n.label).join(","))}" class="${
      severityClass(worst.finding)
    }" title="${esc(title)}">${piece}</mark>`;
  }
  return html;
}

function rank(f: Finding): number {
  return f.suppressed ? 9 : severityRank(f.severity);
}

function renderBlock(docId: string, block: Block, units: Map<UnitKey, Mark[]>): string {
  const id = `${docId}-b${block.index}`;
  const no = `<span class="blockno">${block.index + 1}</span>`;
  const origin = block.origin === "body"
    ? ""
    : `<span class="origin">［${originLabel(block.origin)}］</span>`;
  if (block.kind === "heading") {
    const h = Math.min(block.level + 1, 6);
    return `<h${h} class="block" id="${id}">${no}${origin}${
      highlight(block.text, units.get(`b${block.index}`))
    }</h${h}>`;
  }
  if (block.kind === "paragraph") {
    const cls = [
      "block",
      block.role ?? "",
      block.align && block.align !== "left" ? `align-${block.align}` : "",
    ]
      .filter((x) => x).join(" ");
    return `<p class="${esc(cls)}" id="${id}">${no}${origin}${
      highlight(block.text, units.get(`b${block.index}`))
    }</p>`;
  }
  return renderTable(id, block, units, origin);
}

function renderTable(id: string, t: TableBlock, units: Map<UnitKey, Mark[]>, origin: string): string {
  const rows = t.grid.map((row, r) => {
    const cells = row.filter((c) => c.anchorRow === c.row && c.anchorCol === c.col).map((c) => {
      const tag = r < t.headerRows ? "th" : "td";
      const span = (c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : "") +
        (c.colspan > 1 ? ` colspan="${c.colspan}"` : "");
      const body = highlight(c.text, units.get(`b${t.index}:r${c.row}:c${c.col}`));
      return `<${tag}${span} data-row="${c.row}" data-col="${c.col}">${body}</${tag}>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `${origin}<table class="block" id="${id}" data-table="${t.tableIndex + 1}"><tbody>${
    rows.join("\n")
  }</tbody></table>`;
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

function renderFindingItem(
  n: Numbered,
  rules: RuleMeta[],
  docId: string,
  places: Places | undefined,
): string {
  const f = n.finding;
  const level = f.suppressed
    ? `${SEVERITY_LABEL[f.severity]}·${SUPPRESSED_LABEL}`
    : SEVERITY_LABEL[f.severity];
  const e0 = f.evidence[0];
  const attrs = [
    `class="finding ${severityClass(f)}${f.suppressed ? " suppressed" : ""}"`,
    `data-finding="${n.id}"`,
    `data-severity="${f.severity}"`,
    `data-rule="${esc(f.rule)}"`,
    f.suppressed ? `data-suppressed="1"` : "",
    e0 ? `data-block="${docId}-b${e0.block}"` : "",
    `tabindex="0"`,
  ].filter((x) => x).join(" ");
  const parts = [
    `<span class="badge">${n.label} ${level}</span> <b>${esc(ruleTitle(rules, f.rule))}</b> <code>${
      esc(f.rule)
    }</code>`,
    `<div class="msg">${escText(withoutPlacePaths(f.message, f.evidence))}</div>`,
  ];
  for (const e of f.evidence) {
    parts.push(`<div class="loc">${esc(locationLabel(e, places))}</div>`);
    if (e.quote) {
      parts.push(`<blockquote>${esc(e.quote)}</blockquote>`);
      if (!n.located.has(e)) parts.push(`<div class="nomark">原文中未定位到此引文</div>`);
    }
  }
  const c = comparison(f);
  const dl: [string, string | undefined][] = [
    ["陈述值", c.stated],
    ["计算值", c.computed],
    ["计算方式", c.formula],
    ["修改建议", f.hint],
    ["豁免理由", f.suppressed?.reason],
  ];
  const shown = dl.filter(([, v]) => v !== undefined);
  if (shown.length) {
    parts.push(`<dl>${shown.map(([k, v]) => `<dt>${k}</dt><dd>${escText(v!)}</dd>`).join("")}</dl>`);
  }
  return `<li ${attrs}>${parts.join("\n")}</li>`;
}

function renderDocSection(
  docId: string,
  result: DocumentResult,
  doc: Document | undefined,
  units: Map<UnitKey, Mark[]>,
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
    const units = doc ? locate(doc, numbered) : new Map();
    sections.push(renderDocSection(docId, result, doc, units));
    panelItems.push(`<li class="file">${esc(result.file)}</li>`);
    if (result.status === "ok" && numbered.length === 0) {
      panelItems.push(`<li class="none">${NO_FINDINGS}</li>`);
    }
    const places = placesFor(input, result);
    panelItems.push(...numbered.map((n) => renderFindingItem(n, rules, docId, places)));
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
    `<option value="${esc(id)}">${esc(ruleTitle(rules, id))}（${esc(id)}）</option>`
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
