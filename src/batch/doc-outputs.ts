/**
 * The per-document files of a batch, written by the audit process that has the Document at hand: the HTML
 * report (reports/<name>.html) and, with --annotate, the annotated copy (<name>.审核批注.docx). Each is
 * written to a temporary file and renamed, so a killed run never leaves half a file under the real name.
 */
import * as path from "node:path";
import { TOOL } from "../audit.ts";
import type { Document } from "../model/document.ts";
import { type AuditReport, type DocumentResult, REPORT_SCHEMA } from "../model/report.ts";
import { annotateDocx, render } from "../render/index.ts";
import type { Places } from "../render/place.ts";
import { ruleMetas } from "../render/rule-names.ts";
import type { Extraction } from "../model/figure.ts";
import { archiveEntry, packEntry } from "../archive/entry.ts";
import type { DocOutputs, FromWorker } from "./protocol.ts";
import { reason } from "./errors.ts";

async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  await Deno.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${Deno.pid}`;
  try {
    await Deno.writeFile(tmp, bytes);
    await Deno.rename(tmp, file);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}

/** Writes what `outputs` asks for; returns what could not be written, in Chinese (empty when all went well). */
export async function writeDocOutputs(
  file: string,
  result: DocumentResult,
  doc: Document | undefined,
  places: Places | undefined,
  outputs: DocOutputs,
  opts: { author?: string } = {},
): Promise<string[]> {
  const problems: string[] = [];
  if (outputs.html) {
    const report: AuditReport = { schema: REPORT_SCHEMA, tool: { ...TOOL }, documents: [result] };
    const html = render("html", {
      report,
      documents: new Map(doc ? [[result.file, doc]] : []),
      rules: ruleMetas(),
      places: places ? new Map([[result.file, places]]) : undefined,
    });
    try {
      await writeAtomic(outputs.html, new TextEncoder().encode(html));
    } catch (e) {
      problems.push(`无法写入审核报告 ${outputs.html}（${reason(e)}）。`);
    }
  }
  if (outputs.docx && result.status === "ok" && /\.docx$/i.test(file)) {
    try {
      const bytes = annotateDocx(await Deno.readFile(file), result, {
        file,
        rules: ruleMetas(),
        places,
        author: opts.author,
      });
      await writeAtomic(outputs.docx, bytes);
    } catch (e) {
      problems.push(`无法为“${file}”写入批注文件 ${outputs.docx}（${reason(e)}）。`);
    }
  }
  return problems;
}

/** What is left to do for an audited file once its rules have run: its own files and its archive entry. */
export interface DocWork {
  id: number;
  file: string;
  result: DocumentResult;
  places?: Places;
  outputs?: DocOutputs;
  author?: string;
  /** Absent for a file that could not be read. */
  doc?: Document;
  extraction?: Extraction;
}

/** Writes the per-document files, builds the archive entry: the answer to the batch. */
export async function finishDocument(w: DocWork): Promise<Extract<FromWorker, { type: "result" }>> {
  const outputErrors = w.outputs
    ? await writeDocOutputs(w.file, w.result, w.doc, w.places, w.outputs, { author: w.author })
    : [];
  return {
    type: "result",
    id: w.id,
    result: w.result,
    places: w.places,
    outputErrors: outputErrors.length ? outputErrors : undefined,
    archive: w.doc && w.extraction ? packEntry(archiveEntry(w.doc, w.extraction, w.result.meta)) : undefined,
  };
}
