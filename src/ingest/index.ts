/**
 * bytes → Document. The only entry point extract, checks and the CLI use; readers sit behind it.
 * (Skeleton: the ingest helpers fill in sniffing, readers and the builder.)
 */
import type { Document } from "../model/document.ts";

export type ReaderName = "ooxml" | "mammoth";

export interface ReadOptions {
  /** File name (for messages and to tell .csv from .docx). */
  file: string;
  reader?: ReaderName;
}

export async function readDocument(_bytes: Uint8Array, _opts: ReadOptions): Promise<Document> {
  throw new Error("not implemented yet");
}
