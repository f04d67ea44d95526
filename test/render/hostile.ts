/**
 * Hostile documents for the escaping tests: built with the doc helpers and audited by the real rules, so
 * the text reaches the renderers the way it does in a real run (as quotes, meta and file names). Also a
 * real Markdown renderer (markdown-it with raw HTML and linkify on, as permissive as common viewers).
 */
import MarkdownIt from "markdown-it";
import { makeDoc, type Spec } from "../helpers/doc.ts";
import { auditDocument } from "../../src/audit.ts";
import { RULES } from "../../checks/index.ts";
import type { Document } from "../../src/model/document.ts";
import type { RenderInput } from "../../src/render/index.ts";

/** A paragraph repeated verbatim is quoted by duplicate-paragraph: the surest way to get text quoted. */
export function twice(text: string): Spec[] {
  return [text, "本单位严格执行预算，各项工作有序推进，未发现其他问题。", text];
}

export function auditedInput(file: string, specs: Spec[], meta: Partial<Document["meta"]> = {}): RenderInput {
  const doc = makeDoc(specs, meta);
  const { findings } = auditDocument(doc);
  return {
    report: {
      schema: "audit-report/1",
      tool: { name: "jixiao-audit", version: "0.1.0" },
      documents: [{
        file,
        sha256: "ab".repeat(32),
        status: "ok",
        meta: { title: doc.meta.title, year: doc.meta.year, unit: doc.meta.unit },
        findings,
        diagnostics: [],
      }],
    },
    documents: new Map([[file, doc]]),
    rules: RULES.map((r) => r.meta),
  };
}

interface MarkdownRenderer {
  render(src: string): string;
}

const md = new (MarkdownIt as unknown as new (o: object) => MarkdownRenderer)({ html: true, linkify: true });

/** Markdown → HTML the way a permissive viewer shows it (raw HTML passed through, bare URLs linked). */
export function markdownToHtml(src: string): string {
  return md.render(src);
}
