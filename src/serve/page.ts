/**
 * The web app's one page (Chinese UI): drop zone, document list with counts by severity, and a document
 * view that frames the HTML report (src/render/html.ts) with the downloads. Self-contained: inline CSS and
 * JS (run by CSP nonce), nothing from the network. Every value from a document is set with textContent.
 */
import { escapeHtml } from "../render/escape.ts";

export interface PageOptions {
  nonce: string;
  /** The session token: sent in a header with every state-changing request. */
  token: string;
  /** With --token, GET URLs (report view, downloads, list) carry it too. */
  tokenInUrls: boolean;
  maxBytes: number;
  version: string;
  /** Whether the Excel workbook download exists. */
  workbook: boolean;
}

const CSS = `
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --muted: #666; --line: #d8d8d4; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14px/1.6 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  color: #222; background: #f4f4f2; display: flex; flex-direction: column; }
header.top { display: flex; align-items: center; gap: 1rem; padding: .5rem 1.2rem; background: #2d3a4a; color: #fff; }
header.top h1 { font-size: 1.1rem; margin: 0; font-weight: 600; }
header.top .ver { color: #b8c4d0; font-size: 12px; }
header.top .spacer { flex: 1; }
button, a.btn { font: inherit; padding: .25rem .7rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff;
  color: #223; cursor: pointer; text-decoration: none; display: inline-block; white-space: nowrap; }
button:hover, a.btn:hover { background: #eef3f8; }
button.link { border: 0; background: none; color: #1565c0; padding: 0 .3rem; }
a.btn.disabled { opacity: .45; pointer-events: none; }
#list-view { padding: 1rem 1.2rem; overflow: auto; flex: 1; }
#drop { border: 2px dashed #8a9aac; border-radius: 8px; background: #fff; padding: 1.6rem; text-align: center;
  color: #345; cursor: pointer; }
#drop.over { background: #e6f0fb; border-color: #1565c0; }
#drop b { font-size: 1.1rem; }
#drop .hint { color: var(--muted); font-size: 12.5px; margin-top: .3rem; }
.toolbar { display: flex; gap: .5rem; align-items: center; margin: 1rem 0 .5rem; flex-wrap: wrap; }
.toolbar .total { color: var(--muted); margin-right: auto; }
table.docs { width: 100%; border-collapse: collapse; background: #fff; }
table.docs th, table.docs td { border-bottom: 1px solid var(--line); padding: .45rem .6rem; text-align: left;
  vertical-align: top; }
table.docs th { background: #eceee9; font-weight: 600; white-space: nowrap; }
table.docs td.num { text-align: right; font-variant-numeric: tabular-nums; width: 4.2rem; }
table.docs td.num.nz.error { color: var(--error); font-weight: bold; }
table.docs td.num.nz.warning { color: var(--warning); font-weight: bold; }
table.docs td.num.nz.info { color: var(--info); font-weight: bold; }
table.docs tr.doc.ready td.name { cursor: pointer; }
table.docs tr.doc.ready td.name .fname { color: #1565c0; text-decoration: underline; }
table.docs .meta { color: var(--muted); font-size: 12px; }
table.docs .msg { color: var(--error); font-size: 12.5px; max-width: 48rem; }
table.docs tr.empty td { color: var(--muted); text-align: center; padding: 2rem; }
.status { white-space: nowrap; }
.status.running, .status.queued { color: var(--muted); }
.status.done { color: #2e7d32; }
.status.error { color: var(--error); }
.spin { display: inline-block; width: .8em; height: .8em; border: 2px solid #aab; border-top-color: transparent;
  border-radius: 50%; animation: spin 1s linear infinite; vertical-align: -1px; }
@keyframes spin { to { transform: rotate(360deg); } }
#doc-view { flex: 1; display: flex; flex-direction: column; min-height: 0; }
#doc-view[hidden], #list-view[hidden] { display: none; }
.docbar { display: flex; align-items: center; gap: .5rem; padding: .45rem 1.2rem; background: #fff;
  border-bottom: 1px solid var(--line); flex-wrap: wrap; }
.docbar .title { font-weight: 600; margin-right: .5rem; }
.docbar .counts { color: var(--muted); margin-right: auto; }
.docbar .counts b.error { color: var(--error); } .docbar .counts b.warning { color: var(--warning); }
.docbar .counts b.info { color: var(--info); }
iframe#viewer { flex: 1; border: 0; width: 100%; background: #fff; }
footer { padding: .3rem 1.2rem; color: var(--muted); font-size: 12px; }
`;

const JS = `
(() => {
  const cfg = JSON.parse(document.getElementById("cfg").textContent);
  const $ = (id) => document.getElementById(id);
  const tq = cfg.tokenInUrls ? "?token=" + encodeURIComponent(cfg.token) : "";
  const LABEL = { queued: "排队中", running: "审核中", done: "已完成", error: "无法审核" };
  let docs = [];
  let timer = null;
  let current = null;

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  }
  function mb(n) { return n >= 1048576 ? (n / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(n / 1024)) + " KB"; }
  function api(path, opts) {
    const o = opts || {};
    o.headers = Object.assign({ "x-jixiao-token": cfg.token }, o.headers || {});
    return fetch(path + (path.includes("?") ? tq.replace("?", "&") : tq), o);
  }
  function url(path) { return path + tq; }

  async function upload(file) {
    // A file over the limit is announced by its size only: the server lists the refusal.
    const big = file.size > cfg.maxBytes;
    const q = "?name=" + encodeURIComponent(file.name) + "&size=" + file.size;
    try {
      await api("/api/upload" + q, {
        method: "POST",
        body: big ? new Uint8Array(0) : file,
        headers: { "content-type": "application/octet-stream" },
      });
    } catch (e) {
      alert("上传“" + file.name + "”失败：" + e);
    }
  }
  // One after another, so the list keeps the order the files were chosen in (the server answers at once and
  // audits in the background, so this costs no audit time).
  async function uploadAll(files) {
    for (const f of Array.from(files)) await upload(f);
    refresh();
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      const r = await api("/api/docs");
      if (r.ok) docs = await r.json();
    } catch (e) { /* the server is gone: keep the last list */ }
    renderList();
    if (current) renderDocBar();
    if (docs.some((d) => d.status === "queued" || d.status === "running")) timer = setTimeout(refresh, 600);
  }

  function countCell(d, sev) {
    const n = d.counts ? d.counts[sev] : null;
    return el("td", { class: "num " + sev + (n ? " nz" : ""), "data-count": sev, text: n === null ? "–" : String(n) });
  }

  function renderList() {
    const body = $("docs-body");
    body.replaceChildren();
    const done = docs.filter((d) => d.status === "done" || d.status === "error").length;
    $("total").textContent = docs.length ? "共 " + docs.length + " 个文件，已完成 " + done + " 个" : "";
    for (const a of document.querySelectorAll("[data-all]")) a.classList.toggle("disabled", !docs.some((d) => d.status === "done"));
    if (!docs.length) {
      body.append(el("tr", { class: "empty" }, el("td", { colspan: "8", text: "尚未添加文件。" })));
      return;
    }
    for (const d of docs) {
      const name = el("td", { class: "name" }, el("div", { class: "fname", text: d.name }));
      const meta = [d.unit, d.year ? d.year + "年度" : null, d.title].filter((x) => x).join(" · ");
      if (meta) name.append(el("div", { class: "meta", text: meta }));
      if (d.message) name.append(el("div", { class: "msg", text: d.message }));
      const st = el("td", { class: "status " + d.status, text: LABEL[d.status] || d.status });
      if (d.status === "queued" || d.status === "running") st.prepend(el("span", { class: "spin" }), " ");
      const ops = el("td", { class: "ops" });
      if (d.status === "done") ops.append(el("button", { class: "link", "data-open": d.id, text: "查看" }));
      ops.append(el("button", { class: "link", "data-remove": d.id, text: "移除" }));
      const tr = el("tr", { class: "doc " + d.status + (d.status === "done" ? " ready" : ""), "data-id": d.id, "data-status": d.status },
        name, st, countCell(d, "error"), countCell(d, "warning"), countCell(d, "info"), countCell(d, "suppressed"),
        el("td", { class: "num", text: mb(d.size) }), ops);
      body.append(tr);
    }
  }

  function renderDocBar() {
    const d = docs.find((x) => x.id === current);
    if (!d) { show(null); return; }
    $("doc-title").textContent = d.name;
    const c = d.counts || { error: 0, warning: 0, info: 0, suppressed: 0 };
    const counts = $("doc-counts");
    counts.replaceChildren("错误 ", el("b", { class: "error", text: String(c.error) }), "　警告 ",
      el("b", { class: "warning", text: String(c.warning) }), "　提示 ", el("b", { class: "info", text: String(c.info) }),
      "　已豁免 " + c.suppressed);
    for (const a of document.querySelectorAll("[data-format]")) {
      const f = a.dataset.format;
      const ok = d.formats.includes(f);
      a.classList.toggle("disabled", !ok);
      a.setAttribute("href", ok ? url("/api/docs/" + d.id + "/download/" + f) : "#");
    }
  }

  function show(id) {
    current = id;
    $("list-view").hidden = !!id;
    $("doc-view").hidden = !id;
    if (id) {
      renderDocBar();
      $("viewer").src = url("/api/docs/" + id + "/view");
      if (location.hash !== "#doc=" + id) history.pushState(null, "", "#doc=" + id);
    } else {
      $("viewer").src = "about:blank";
      if (location.hash) history.pushState(null, "", location.pathname + location.search);
    }
  }

  const drop = $("drop");
  const input = $("file-input");
  drop.addEventListener("click", () => input.click());
  drop.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } });
  input.addEventListener("change", () => { uploadAll(input.files); input.value = ""; });
  for (const t of ["dragenter", "dragover"]) {
    document.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add("over"); });
  }
  for (const t of ["dragleave", "dragend"]) document.addEventListener(t, () => drop.classList.remove("over"));
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer && e.dataTransfer.files.length) { show(null); uploadAll(e.dataTransfer.files); }
  });
  $("docs-body").addEventListener("click", async (e) => {
    const t = e.target.closest("[data-open],[data-remove],tr.ready td.name");
    if (!t) return;
    if (t.dataset.remove) {
      await api("/api/docs/" + t.dataset.remove, { method: "DELETE" });
      return refresh();
    }
    show(t.dataset.open || t.closest("tr").dataset.id);
  });
  $("clear").addEventListener("click", async () => {
    if (!docs.length || !confirm("移除列表中的全部文件及其审核结果？")) return;
    await api("/api/clear", { method: "POST" });
    refresh();
  });
  $("back").addEventListener("click", () => show(null));
  for (const a of document.querySelectorAll("[data-all]")) a.setAttribute("href", url("/api/all." + a.dataset.all));
  window.addEventListener("popstate", () => {
    const m = location.hash.match(/^#doc=([0-9a-f-]+)$/);
    show(m ? m[1] : null);
  });
  refresh().then(() => {
    const m = location.hash.match(/^#doc=([0-9a-f-]+)$/);
    if (m && docs.some((d) => d.id === m[1] && d.status === "done")) show(m[1]);
  });
})();
`;

export function renderPage(o: PageOptions): string {
  const n = escapeHtml(o.nonce);
  // JSON inside <script type="application/json">: "<" escaped so no text can close the element.
  const cfg = JSON.stringify({ token: o.token, tokenInUrls: o.tokenInUrls, maxBytes: o.maxBytes })
    .replace(/</g, "\\u003c");
  const mb = (o.maxBytes / 1024 / 1024).toFixed(0);
  const xlsx = o.workbook ? `<a class="btn disabled" data-all="xlsx" download>下载 Excel 汇总</a>` : "";
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>绩效自评报告审核</title>
<style nonce="${n}">${CSS}</style>
</head>
<body>
<header class="top"><h1>绩效自评报告审核</h1><span class="ver">jixiao-audit ${
    escapeHtml(o.version)
  } · 本机运行，文件不会上传到互联网</span><span class="spacer"></span></header>
<section id="list-view">
<div id="drop" tabindex="0" role="button" aria-label="选择或拖入要审核的文件">
<b>将绩效自评报告（Word .docx 等）或表格（.csv）拖到这里</b>，或点击选择文件（可多选）
<div class="hint">每个文件不超过 ${mb} MB。文件只保存在本机内存中，关闭程序即清除。</div>
<input type="file" id="file-input" multiple hidden>
</div>
<div class="toolbar"><span class="total" id="total"></span>
<a class="btn disabled" data-all="csv" download>下载全部 CSV</a>
<a class="btn disabled" data-all="json" download>下载全部 JSON</a>${xlsx}
<button id="clear" type="button">清空列表</button></div>
<table class="docs"><thead><tr><th>文件</th><th>状态</th><th>错误</th><th>警告</th><th>提示</th><th>已豁免</th><th>大小</th><th>操作</th></tr></thead>
<tbody id="docs-body"></tbody></table>
</section>
<section id="doc-view" hidden>
<div class="docbar"><button id="back" type="button">← 返回列表</button><span class="title" id="doc-title"></span>
<span class="counts" id="doc-counts"></span>
<a class="btn" data-format="html" download>下载 HTML 审核意见</a>
<a class="btn" data-format="docx" download>下载带批注的 Word</a>
<a class="btn" data-format="csv" download>下载 CSV</a>
<a class="btn" data-format="json" download>下载 JSON</a></div>
<iframe id="viewer" title="审核意见" sandbox="allow-scripts" src="about:blank"></iframe>
</section>
<script type="application/json" id="cfg">${cfg}</script>
<script nonce="${n}">${JS}</script>
</body>
</html>
`;
}
