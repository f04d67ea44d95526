/** The one entry point of rendering: `render(format, input)`. */
import { match } from "ts-pattern";
import type { RenderInput } from "./common.ts";
import { renderTerminal } from "./terminal.ts";
import { renderJson } from "./json.ts";
import { renderMarkdown } from "./markdown.ts";
import { renderHtml } from "./html.ts";
import { renderCsv } from "./csv.ts";
import { renderSarif } from "./sarif.ts";

export type { RenderInput } from "./common.ts";
export { shouldColor } from "./terminal.ts";
export { safeTerminalText } from "./escape.ts";

export const FORMATS = ["text", "json", "md", "html", "csv", "sarif"] as const;
export type Format = typeof FORMATS[number];

/** File extension for each format (reports/sample.<ext>). */
export const EXTENSIONS: Record<Format, string> = {
  text: "txt",
  json: "json",
  md: "md",
  html: "html",
  csv: "csv",
  sarif: "sarif",
};

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

export function render(format: Format, input: RenderInput): string {
  return match(format)
    .with("text", () => renderTerminal(input))
    .with("json", () => renderJson(input))
    .with("md", () => renderMarkdown(input))
    .with("html", () => renderHtml(input))
    .with("csv", () => renderCsv(input))
    .with("sarif", () => renderSarif(input))
    .exhaustive();
}

/** Formats that write a binary file (to --out only) instead of text: the annotated .docx. */
export const BINARY_FORMATS = ["docx"] as const;
export { annotateDocx, DEFAULT_REVIEW_AUTHOR } from "./docx/annotate.ts";
