/**
 * The OOXML reader: reads the parts of an unzipped .docx (../zip.ts) through ./xml.ts into a RawDocument.
 * Body first, then footnotes, endnotes and comments, each block marked with its origin.
 */
import type { Diagnostic } from "../../model/document.ts";
import type { RawBlock, RawDocument } from "../../model/raw.ts";
import type { DocxParts } from "../zip.ts";
import { readStory, type RevisionCounts } from "./body.ts";
import { parseNumbering } from "./numbering.ts";
import { parseStyles } from "./styles.ts";

export const OOXML_READER = "ooxml";

/** `trace`: record on each block the w:p elements it came from (used to annotate the .docx). */
export function readOoxml(parts: DocxParts, file: string, opts: { trace?: boolean } = {}): RawDocument {
  const styles = parseStyles(parts["word/styles.xml"], file);
  const numbering = parseNumbering(parts["word/numbering.xml"], file);
  const revisions: RevisionCounts = { insertions: 0, deletions: 0, moves: 0 };
  const ctx = { file, styles, numbering, revisions, ...(opts.trace ? { trace: true } : {}) };
  const blocks: RawBlock[] = readStory(parts["word/document.xml"], "word/document.xml", "body", ctx);
  const stories = [
    ["word/footnotes.xml", "footnote"],
    ["word/endnotes.xml", "endnote"],
    ["word/comments.xml", "comment"],
  ] as const;
  for (const [name, origin] of stories) {
    const bytes = parts[name];
    if (!bytes) continue;
    for (const b of readStory(bytes, name, origin, ctx)) blocks.push(b);
  }
  const diagnostics: Diagnostic[] = [];
  const total = revisions.insertions + revisions.deletions + revisions.moves;
  if (total > 0) {
    diagnostics.push({
      level: "warning",
      code: "tracked-changes",
      message:
        `文件“${file}”含有未接受的修订（插入 ${revisions.insertions} 处、删除 ${revisions.deletions} 处、` +
        `移动 ${revisions.moves} 处），已按“接受全部修订”后的文字审核。` +
        `请在 Word/WPS 中接受或拒绝全部修订并保存，确认审核的是最终稿。`,
    });
  }
  return { blocks, diagnostics, reader: OOXML_READER };
}
