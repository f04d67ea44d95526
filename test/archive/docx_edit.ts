/**
 * Test helper: a copy of a .docx with its text edited in word/document.xml (years shifted, strings
 * replaced), for "last year's report" and "another unit's copy" fixtures built from the sample.
 */
import { unzipSync, zipSync } from "fflate";

type Edit = (xml: string) => string;

function editXml(bytes: Uint8Array, edit: Edit): Uint8Array {
  const files = unzipSync(bytes);
  const xml = new TextDecoder().decode(files["word/document.xml"]);
  files["word/document.xml"] = new TextEncoder().encode(edit(xml));
  return zipSync(files);
}

/** Replace strings in the document's XML, each pair in order, every occurrence. */
export function replaceInDocx(bytes: Uint8Array, pairs: [string, string][]): Uint8Array {
  return editXml(bytes, (xml) => pairs.reduce((x, [from, to]) => x.split(from).join(to), xml));
}

/** Every year 2000–2049 written in the document's text moved by `delta` years. */
export function shiftYears(bytes: Uint8Array, delta: number): Uint8Array {
  return editXml(
    bytes,
    (xml) =>
      xml.replace(
        />([^<]*)</g,
        (_, text: string) =>
          ">" + text.replace(/(?<![0-9])20[0-4][0-9](?![0-9])/g, (y) => String(Number(y) + delta)) + "<",
      ),
  );
}
