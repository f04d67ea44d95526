/**
 * The fast XML scanner against saxes: on every part it accepts, the events (names, attributes, text
 * chunks, order) are exactly saxes's; everything outside its subset is left to saxes (undefined).
 */
import assert from "node:assert/strict";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { unzipSync } from "fflate";
import { attributesAt, Kind, scanXml, textOf } from "../../src/ingest/ooxml/xml-scan.ts";
import { decodeXml } from "../../src/ingest/ooxml/xml.ts";

type Ev = [string, string, Record<string, string>?];

function saxesEvents(xml: string): Ev[] | "error" {
  const out: Ev[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on(
    "opentag",
    (t: SaxesTagPlain) => out.push([t.isSelfClosing ? "self" : "open", t.name, { ...t.attributes }]),
  );
  parser.on("closetag", (t: SaxesTagPlain) => out.push(["close", t.name]));
  parser.on("text", (t) => out.push(["text", t]));
  parser.on("cdata", (t) => out.push(["text", t]));
  parser.on("doctype", () => out.push(["doctype", ""]));
  try {
    parser.write(xml).close();
  } catch {
    return "error";
  }
  return out;
}

function scanned(xml: string): Ev[] | undefined {
  const e = scanXml(xml);
  if (!e) return undefined;
  const out: Ev[] = [];
  e.kinds.forEach((k, i) => {
    const name = e.xml.slice(e.from[i], e.to[i]);
    if (k === Kind.Text || k === Kind.TextWithReferences) out.push(["text", textOf(e, i)]);
    else if (k === Kind.Close) out.push(["close", name]);
    else {
      out.push([k === Kind.SelfClosing ? "self" : "open", name, {
        ...attributesAt(e.xml, e.to[i], e.attrsEnd[i]),
      }]);
      if (k === Kind.SelfClosing) out.push(["close", name]);
    }
  });
  return out;
}

/** Accepted → identical to saxes; refused → left to saxes. */
function agrees(xml: string): boolean {
  const fast = scanned(xml);
  if (fast === undefined) return false;
  assert.deepEqual(fast, saxesEvents(xml), JSON.stringify(xml.slice(0, 200)));
  return true;
}

const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`;

Deno.test("plain Office XML: the scanner reads it, with saxes's events", () => {
  const plain = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W}><w:body><w:p><w:r>` +
    `<w:t xml:space="preserve"> 收入 &amp; 支出 &lt;1&gt; &#20013;&#x6587; </w:t></w:r></w:p></w:body></w:document>\r\n`,
    `<?xml version='1.0'?><a  b = 'x&quot;y'\tc="1\t2\n3"\r\nd="&#9;&#10;"/>`,
    `  <a><b/>text\r\nwith lone\rreturn<c x="]]"/></a>  \n`,
    `<a>before<b y="1"/>after</a>`,
    `<a>𠀀</a>`,
  ];
  for (const xml of plain) assert.ok(agrees(xml), JSON.stringify(xml));
});

Deno.test("outside the subset (or malformed): left to saxes", () => {
  const others = [
    `<a><![CDATA[x]]></a>`,
    `<a></b>`,
    `<!DOCTYPE a><a/>`,
    `<a/><b/>`,
    `<a>x]]>y</a>`,
    `<a b="1" b="2"/>`,
    `<a b="1"c="2"/>`,
    `<a b="<"/>`,
    `<a>&unknown;</a>`,
    `<a>&#0;</a>`,
    `<a>&amp</a>`,
    `<a>\u0001</a>`,
    `<a>\uFFFF</a>`,
    `<a>\uD800x</a>`,
    `<中/>`,
    `<a><!-- c --></a>`,
    `<a><?pi x?></a>`,
    ` <?xml version="1.0"?><a/>`,
    `<?xml version="1.1"?><a/>`,
    `x<a/>`,
    `<a/>x`,
    `<a`,
    `<a/ >`,
    ``,
  ];
  for (const xml of others) assert.equal(scanXml(xml), undefined, JSON.stringify(xml));
});

Deno.test("the sample's parts: the scanner reads them, with saxes's events", async () => {
  const dir = new URL("../../samples/", import.meta.url);
  for await (const e of Deno.readDir(dir)) {
    if (!e.name.endsWith(".docx")) continue;
    const parts = unzipSync(await Deno.readFile(new URL(e.name, dir)));
    for (const [name, bytes] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      assert.ok(agrees(decodeXml(bytes)), `${e.name}/${name} is read by the scanner`);
    }
  }
});

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

Deno.test("mutated XML: whatever the scanner accepts, saxes reads the same way", () => {
  const base =
    `<?xml version="1.0" encoding="UTF-8"?>\n<w:document ${W}><w:body><w:p w:rsidR="00A1"><w:pPr><w:jc w:val="center"/></w:pPr>` +
    `<w:r><w:t xml:space="preserve">预算 &amp; 执行 12.5万元</w:t></w:r><w:r><w:br w:type='page'/></w:r></w:p></w:body></w:document>`;
  const pieces = [
    "<",
    ">",
    "/",
    "&",
    ";",
    "=",
    '"',
    "'",
    " ",
    "\t",
    "\r",
    "\n",
    "]]>",
    "!",
    "?",
    "a",
    "中",
    "&amp;",
    "&#1;",
    "#",
    "-",
    ":",
  ];
  const rand = rng(7);
  let accepted = 0;
  for (let n = 0; n < 3000; n++) {
    let s = base;
    for (let m = 1 + Math.floor(rand() * 3); m > 0; m--) {
      const at = Math.floor(rand() * s.length);
      const op = rand();
      const piece = pieces[Math.floor(rand() * pieces.length)];
      s = op < 0.4
        ? s.slice(0, at) + piece + s.slice(at)
        : op < 0.7
        ? s.slice(0, at) + s.slice(at + 1)
        : s.slice(0, at) + piece + s.slice(at + 1);
    }
    if (agrees(s)) accepted++;
  }
  assert.ok(accepted > 100, `some mutations stay in the subset (${accepted})`);
});
