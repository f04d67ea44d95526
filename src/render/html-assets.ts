/** Inline CSS and JS of the HTML report (one self-contained file: nothing is loaded from the network). */

export const HTML_CSS = `
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --muted: #777; }
* { box-sizing: border-box; }
body {
  margin: 0; display: grid; grid-template-columns: minmax(0, 1fr) 26rem; gap: 0;
  font: 15px/1.7 "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "SimSun", "Songti SC",
    "WenQuanYi Micro Hei", "Microsoft YaHei", serif;
  color: #222; background: #f4f4f2;
}
main { grid-column: 1; padding: 1.5rem 2.5rem 50vh; background: #fff; min-width: 0; }
aside#panel {
  grid-column: 2; grid-row: 1; position: sticky; top: 0; height: 100vh; overflow-y: auto;
  padding: 1rem; border-left: 1px solid #ddd; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  font-size: 13.5px;
}
header.summary { border-bottom: 2px solid #333; margin-bottom: 1rem; }
header.summary h1 { font-size: 1.3rem; margin: .2rem 0; }
.doc > h1.file { font-size: 1.05rem; background: #333; color: #fff; padding: .3rem .6rem; margin: 2rem 0 1rem; }
.doc .meta { color: var(--muted); }
.block { position: relative; }
p.block { margin: .35rem 0; text-indent: 2em; white-space: normal; }
p.title, p.align-center { text-align: center; text-indent: 0; font-weight: bold; }
p.align-right { text-align: right; }
p.toc { text-indent: 0; color: var(--muted); }
.origin { font-size: .8em; color: var(--muted); }
.blockno { position: absolute; left: -2.2rem; width: 2rem; text-align: right; font: 10px/2.4 monospace; color: #bbb;
  text-indent: 0; }
table.block { border-collapse: collapse; margin: .8rem 0; font-size: 13px; width: 100%; }
table.block td, table.block th { border: 1px solid #999; padding: .2rem .35rem; vertical-align: top; }
table.block th { background: #f0f0f0; }
mark { background: #fff3a0; border-bottom: 2px solid var(--warning); padding: 0 1px; cursor: pointer; }
mark.sev-error { background: #ffd6d6; border-bottom-color: var(--error); }
mark.sev-info { background: #dcebff; border-bottom-color: var(--info); }
mark.sev-suppressed { background: #eee; border-bottom-color: #aaa; }
mark.muted { background: transparent; border-bottom: 1px dotted #bbb; }
mark.flash { animation: flash 1.6s ease-out; outline: 3px solid #ff9800; }
@keyframes flash { 0%, 40% { background: #ff9800; } 100% { } }
.filters { position: sticky; top: -1rem; background: #f4f4f2; padding: .3rem 0 .5rem; border-bottom: 1px solid #ddd; }
.filters label { margin-right: .6rem; white-space: nowrap; }
.filters select { max-width: 100%; margin-top: .3rem; }
.counts { margin: .3rem 0; }
ol.findings { list-style: none; padding: 0; margin: .5rem 0; }
ol.findings > li.file { font-weight: bold; margin-top: .8rem; border-bottom: 1px solid #ccc; }
li.finding { padding: .45rem .5rem; margin: .35rem 0; border-left: 4px solid var(--warning); background: #fff;
  cursor: pointer; scroll-margin-top: calc(var(--filters-height, 6.5rem) + .5rem); }
ol.findings > li.file { scroll-margin-top: calc(var(--filters-height, 6.5rem) + .5rem); }
.block, mark { scroll-margin-top: 2rem; }
.print-choice { display: block; margin-top: .2rem; color: var(--muted); }
.print-only { display: none; }
li.finding.sev-error { border-left-color: var(--error); }
li.finding.sev-info { border-left-color: var(--info); }
li.finding.suppressed { opacity: .65; border-left-color: #aaa; }
li.finding.active { outline: 2px solid #ff9800; }
li.finding.filtered { display: none; }
li.finding .badge { display: inline-block; padding: 0 .35rem; border-radius: 3px; color: #fff;
  background: var(--warning); font-size: 12px; }
li.finding.sev-error .badge { background: var(--error); }
li.finding.sev-info .badge { background: var(--info); }
li.finding.suppressed .badge { background: #999; }
li.finding code { color: var(--muted); font-size: 11px; }
li.finding .loc { color: var(--muted); font-size: 12px; }
li.finding blockquote { margin: .25rem 0; padding-left: .5rem; border-left: 2px solid #ccc; color: #444;
  white-space: pre-wrap; max-height: 6.5em; overflow: hidden; }
li.finding .nomark { color: var(--error); font-size: 12px; }
li.finding dl { margin: .2rem 0; display: grid; grid-template-columns: auto 1fr; gap: 0 .4rem; font-size: 12.5px; }
li.finding dt { color: var(--muted); }
li.finding dd { margin: 0; }
.none { color: #2e7d32; font-weight: bold; }
.error-doc { color: var(--error); }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { display: flex; flex-direction: column; background: #fff; font-size: 11pt; }
  main { padding: 0; order: 2; break-before: page; }
  aside#panel { order: 1; position: static; height: auto; overflow: visible; border: 0; padding: 0; font-size: 10pt; }
  body.print-findings-only main { display: none; }
  .filters, .blockno { display: none; }
  .print-only { display: block; }
  li.finding, li.finding.filtered { display: block; break-inside: avoid; cursor: auto; }
  li.finding blockquote { max-height: none; }
  mark, mark.muted { background: #eee; border-bottom: 1px solid #000; }
  mark::after { content: "[" attr(data-label) "]"; font-size: 8pt; vertical-align: super; }
}
`;

export const HTML_JS = `
(() => {
  const items = Array.from(document.querySelectorAll("li.finding"));
  const boxes = Array.from(document.querySelectorAll("input[data-filter]"));
  const ruleSel = document.getElementById("rule-filter");
  const marks = Array.from(document.querySelectorAll("mark[data-finding]"));
  const shown = document.getElementById("shown-count");
  const filters = document.querySelector(".filters");
  function apply() {
    const kinds = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
    const rule = ruleSel ? ruleSel.value : "";
    const visible = new Set();
    for (const li of items) {
      const kind = li.dataset.suppressed ? "suppressed" : li.dataset.severity;
      const ok = kinds.has(kind) && (!rule || li.dataset.rule === rule);
      li.classList.toggle("filtered", !ok);
      if (ok) visible.add(li.dataset.finding);
    }
    for (const m of marks) {
      m.classList.toggle("muted", !m.dataset.finding.split(" ").some((id) => visible.has(id)));
    }
    if (shown) shown.textContent = String(visible.size);
  }
  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
    setTimeout(() => el.classList.remove("flash"), 1600);
  }
  function jump(li) {
    for (const x of items) x.classList.toggle("active", x === li);
    const id = li.dataset.finding;
    const target = document.querySelector('mark[data-finding~="' + id + '"]') ||
      (li.dataset.block ? document.getElementById(li.dataset.block) : null);
    if (!target) return;
    target.scrollIntoView({ block: "center", inline: "nearest" });
    flash(target);
  }
  for (const li of items) {
    li.addEventListener("click", () => jump(li));
    li.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); jump(li); } });
  }
  for (const m of marks) {
    m.addEventListener("click", () => {
      const li = items.find((x) => x.dataset.finding === m.dataset.finding.split(" ")[0]);
      if (!li) return;
      for (const x of items) x.classList.toggle("active", x === li);
      // Its title just under the sticky filter bar (scroll-margin-top), never hidden beneath it.
      const bar = filters ? filters.getBoundingClientRect().bottom : 0;
      const r = li.getBoundingClientRect();
      if (r.top < bar || r.bottom > innerHeight) li.scrollIntoView({ block: "start" });
    });
  }
  function measureFilters() {
    if (filters) document.documentElement.style.setProperty("--filters-height", filters.offsetHeight + "px");
  }
  measureFilters();
  addEventListener("resize", measureFilters);
  const printOnly = document.getElementById("print-findings-only");
  if (printOnly) {
    printOnly.addEventListener("change", () => document.body.classList.toggle("print-findings-only", printOnly.checked));
  }
  for (const b of boxes) b.addEventListener("change", apply);
  if (ruleSel) ruleSel.addEventListener("change", apply);
  apply();
})();
`;
