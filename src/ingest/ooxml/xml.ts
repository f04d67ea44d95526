/**
 * XML with the guards every part goes through: no DOCTYPE (so no entity declarations: XXE, billion laughs),
 * bounded element nesting, and Chinese errors naming the file and part. The plain XML Office writes is read
 * by the scanner of xml-scan.ts; anything else by saxes, which also words every refusal of malformed XML.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { IngestError } from "../errors.ts";
import { attributesAt, Kind, scanXml, textOf, type XmlEvents } from "./xml-scan.ts";

export const XML_LIMITS = { maxDepth: 256 };

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
  /**
   * Whether `open` reads the attributes of an element of this name (asked just before it is opened); when
   * it says no, `open` may be given no attributes. Absent: every element's attributes are read.
   */
  wantsAttributes?(name: string): boolean;
}

const utf8 = new TextDecoder("utf-8");
const utf16le = new TextDecoder("utf-16le");
const utf16be = new TextDecoder("utf-16be");

export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be.decode(bytes.subarray(2));
  return utf8.decode(bytes); // strips a UTF-8 BOM
}

export function unsafeXml(file: string, part: string, what: string): IngestError {
  return new IngestError(
    "unsafe-xml",
    `文件“${file}”的 ${part} ${what}，正常的 Word 文档不会这样，可能是恶意构造的文件，已拒绝读取。` +
      `请确认文件来源；如确为正常报告，请在 Word/WPS 中打开并另存为 .docx 后再试。`,
    file,
  );
}

export function parseXml(
  bytes: Uint8Array,
  part: string,
  file: string,
  h: XmlHandlers,
  limits = XML_LIMITS,
): void {
  const xml = decodeXml(bytes);
  let depth = 0;
  const open = (name: string, attrs: Record<string, string>, selfClosing: boolean) => {
    if (++depth > limits.maxDepth) throw unsafeXml(file, part, `元素嵌套超过 ${limits.maxDepth} 层`);
    h.open(name, attrs, selfClosing);
  };
  const close = (name: string) => {
    depth--;
    h.close(name);
  };
  try {
    const events = scanXml(xml);
    if (events) deliver(events, open, close, h);
    else {
      // Anything outside the plain subset: saxes reads it, and refuses what it refuses.
      const parser = new SaxesParser({ xmlns: false, position: false });
      parser.on("doctype", () => {
        throw unsafeXml(file, part, "含有 DOCTYPE/实体声明");
      });
      parser.on("opentag", (tag: SaxesTagPlain) => open(tag.name, tag.attributes, tag.isSelfClosing));
      parser.on("closetag", (tag: SaxesTagPlain) => close(tag.name));
      parser.on("text", h.text);
      parser.on("cdata", h.text);
      parser.write(xml).close();
    }
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(
      "bad-xml",
      `文件“${file}”的 ${part} 不是格式正确的 XML（${(e as Error).message}），文件可能已损坏。` +
        `请在 Word/WPS 中打开并另存为 .docx 后再试。`,
      file,
    );
  }
}

/** The events of a scanned part, to the handlers, as saxes would call them. */
function deliver(
  events: XmlEvents,
  open: XmlHandlers["open"],
  close: XmlHandlers["close"],
  h: XmlHandlers,
): void {
  const { xml, kinds, from, to, attrsEnd } = events;
  const wants = h.wantsAttributes;
  // A close event is given the string its open event was (as saxes does): the scanner checked they match.
  const names: string[] = [];
  for (let k = 0; k < kinds.length; k++) {
    const kind = kinds[k];
    if (kind === Kind.Text || kind === Kind.TextWithReferences) h.text(textOf(events, k));
    else if (kind === Kind.Close) close(names.pop()!);
    else {
      const name = xml.slice(from[k], to[k]);
      const attrs = !wants || wants(name) ? attributesAt(xml, to[k], attrsEnd[k])! : NO_ATTRIBUTES;
      open(name, attrs, kind === Kind.SelfClosing);
      if (kind === Kind.SelfClosing) close(name);
      else names.push(name);
    }
  }
}

/** What an element whose attributes the reader does not read is given. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null));

/** Word's on/off attribute: absent val, "1", "true", "on" mean on. */
export function isOn(val: string | undefined): boolean {
  return val === undefined || val === "1" || val === "true" || val === "on";
}
