/**
 * Why a file could not be read. `message` is Chinese and says which file, what is wrong and what to do;
 * the CLI prints it and the JSON report records `code` and `message`.
 */
export type IngestErrorCode =
  | "not-found" // the path does not exist
  | "unreadable" // exists but cannot be read (a folder, permissions)
  | "empty-file" // zero bytes
  | "legacy-doc" // old binary Office file this tool cannot read (e.g. an OLE2 file that is neither .doc nor .xls)
  | "legacy-xls" // Excel 97-2003 .xls (BIFF): refused unless converted with LibreOffice
  | "bad-doc" // a Word 97-2003 .doc / .wps whose binary structure cannot be read
  | "bad-pdf" // a PDF that cannot be parsed (damaged, or password-protected)
  | "needs-ocr" // a PDF without a text layer (scanned pages)
  | "convert-failed" // --convert-with-soffice: LibreOffice missing, failed or timed out
  | "encrypted" // password-protected OOXML (an OLE container with EncryptionInfo)
  | "not-docx" // not a zip / not a Word document at all
  | "truncated-zip" // a zip whose central directory or entries are cut off
  | "missing-part" // a zip without word/document.xml
  | "unsafe-zip" // absurd uncompressed size or compression ratio (zip bomb)
  | "unsafe-xml" // DOCTYPE / entities / nesting beyond the limit
  | "bad-xml" // a part of the .docx is not well-formed XML
  | "empty-document" // a valid .docx with no text at all
  | "too-large" // over the size limit
  | "bad-csv" // CSV that cannot be decoded or parsed
  | "timeout" // per-file time limit (batch)
  | "internal"; // a bug: reported, never swallowed

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}
