/**
 * word/styles.xml: what a paragraph style contributes to a paragraph — heading level (w:outlineLvl, or a
 * "heading N" / "标题 N" style name, through the w:basedOn chain), list numbering and alignment.
 */
import { parseXml } from "./xml.ts";
import { attr, nameNormaliser } from "./names.ts";

interface StyleDef {
  name?: string;
  basedOn?: string;
  outlineLvl?: number;
  numId?: string;
  ilvl?: number;
  jc?: string;
  /** w:b in the style's run properties (true/false), when it sets it. */
  bold?: boolean;
}

export interface StyleNumbering {
  numId: string;
  ilvl: number;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const MAX_CHAIN = 32; // basedOn cycles exist in the wild

export class Styles {
  readonly defaultParagraphStyle: string | undefined;
  private readonly defs: Map<string, StyleDef>;

  constructor(defs = new Map<string, StyleDef>(), defaultParagraphStyle?: string) {
    this.defs = defs;
    this.defaultParagraphStyle = defaultParagraphStyle;
  }

  /** The chain of each style asked about (the body asks per paragraph and per run of text). */
  private readonly chains = new Map<string | undefined, StyleDef[]>();

  private chain(styleId: string | undefined): StyleDef[] {
    let out = this.chains.get(styleId);
    if (!out) this.chains.set(styleId, out = this.resolve(styleId));
    return out;
  }

  private resolve(styleId: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let id = styleId ?? this.defaultParagraphStyle;
    while (id !== undefined && !seen.has(id) && out.length < MAX_CHAIN) {
      seen.add(id);
      const def = this.defs.get(id);
      if (!def) break;
      out.push(def);
      id = def.basedOn;
    }
    return out;
  }

  /** Heading level 1–9 of a paragraph style, undefined when the style is not a heading. */
  level(styleId: string | undefined): number | undefined {
    for (const def of this.chain(styleId)) {
      if (def.outlineLvl !== undefined) return def.outlineLvl <= 8 ? def.outlineLvl + 1 : undefined;
      const m = def.name ? HEADING_NAME.exec(def.name.trim()) : null;
      if (m) return Number(m[1]);
    }
    return undefined;
  }

  numbering(styleId: string | undefined): StyleNumbering | undefined {
    for (const def of this.chain(styleId)) {
      if (def.numId !== undefined) return { numId: def.numId, ilvl: def.ilvl ?? 0 };
    }
    return undefined;
  }

  jc(styleId: string | undefined): string | undefined {
    for (const def of this.chain(styleId)) if (def.jc !== undefined) return def.jc;
    return undefined;
  }

  /** Whether the paragraph style makes its text bold (through the w:basedOn chain). */
  bold(styleId: string | undefined): boolean {
    for (const def of this.chain(styleId)) if (def.bold !== undefined) return def.bold;
    return false;
  }
}

export function parseStyles(bytes: Uint8Array | undefined, file: string): Styles {
  if (!bytes) return new Styles();
  const defs = new Map<string, StyleDef>();
  let defaultId: string | undefined;
  let cur: StyleDef | undefined;
  let norm = (n: string) => n;
  let inPPr = false;
  let inRPr = false;
  let skip = 0; // depth inside *Change elements (old properties)
  let first = true;
  parseXml(bytes, "word/styles.xml", file, {
    open(raw, a) {
      if (first) (norm = nameNormaliser(a), first = false);
      const name = norm(raw);
      if (skip) return void skip++;
      if (name.endsWith("Change")) return void (skip = 1);
      if (name === "w:style") {
        if (attr(a, "type") !== "paragraph") return void (cur = undefined);
        const id = attr(a, "styleId") ?? "";
        cur = {};
        defs.set(id, cur);
        if (attr(a, "default") === "1" || attr(a, "default") === "true") defaultId = id;
        return;
      }
      if (!cur) return;
      if (name === "w:pPr") inPPr = true;
      else if (name === "w:rPr" && !inPPr) inRPr = true;
      else if (inRPr && name === "w:b") cur.bold = onOff(attr(a, "val"));
      else if (name === "w:name") cur.name = attr(a, "val");
      else if (name === "w:basedOn") cur.basedOn = attr(a, "val");
      else if (inPPr && name === "w:outlineLvl") cur.outlineLvl = Number(attr(a, "val"));
      else if (inPPr && name === "w:numId") cur.numId = attr(a, "val");
      else if (inPPr && name === "w:ilvl") cur.ilvl = Number(attr(a, "val"));
      else if (inPPr && name === "w:jc") cur.jc = attr(a, "val");
    },
    close(raw) {
      if (skip) return void skip--;
      const name = norm(raw);
      if (name === "w:pPr") inPPr = false;
      else if (name === "w:rPr") inRPr = false;
      else if (name === "w:style") cur = undefined;
    },
    text() {},
  });
  return new Styles(defs, defaultId);
}

/** An OOXML on/off property value: absent, "1", "true" or "on" is on. */
export function onOff(val: string | undefined): boolean {
  return val === undefined || !/^(?:0|false|off|none)$/i.test(val);
}
