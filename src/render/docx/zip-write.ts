/**
 * Rewrites a zip with some entries replaced and some added. Every other entry is copied as stored (local
 * header, compressed data, data descriptor and central-directory record, only the offset patched), so its
 * bytes are exactly the original's; replaced entries keep their name, place and timestamps.
 */
import { deflateSync } from "fflate";
import { listEntries } from "../../ingest/zip.ts";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export class ZipWriteError extends Error {}

interface Piece {
  local: Uint8Array[];
  central: Uint8Array;
}

/**
 * `replace` is keyed by the stored entry name; `add` entries go at the end, in insertion order.
 */
export function rewriteZip(
  bytes: Uint8Array,
  file: string,
  replace: Map<string, Uint8Array>,
  add: Map<string, Uint8Array>,
): Uint8Array {
  const entries = listEntries(bytes, file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    throw new ZipWriteError(
      `文件“${file}”使用 ZIP64 格式，暂不支持写入批注。请在 Word/WPS 中另存为 .docx 后再试。`,
    );
  }
  let cd = u32(eocd + 16);
  const pieces: Piece[] = [];
  let offset = 0;
  for (const e of entries) {
    const recLen = 46 + u16(cd + 28) + u16(cd + 30) + u16(cd + 32);
    const record = bytes.slice(cd, cd + recLen);
    cd += recLen;
    const rv = new DataView(record.buffer);
    const local = replace.get(e.name);
    let parts: Uint8Array[];
    if (local) {
      const data = deflateSync(local, { level: 6 });
      const crc = crc32(local);
      const name = record.subarray(46, 46 + rv.getUint16(28, true));
      const flags = rv.getUint16(8, true) & 0x800;
      parts = [
        localHeader(name, flags, rv.getUint16(12, true), rv.getUint16(14, true), crc, data, local),
        data,
      ];
      rv.setUint16(8, flags, true);
      rv.setUint16(10, 8, true);
      rv.setUint32(16, crc, true);
      rv.setUint32(20, data.length, true);
      rv.setUint32(24, local.length, true);
    } else {
      const o = e.offset;
      let end = o + 30 + u16(o + 26) + u16(o + 28) + e.compressedSize;
      if (e.flags & 8) end += u32(end) === 0x08074b50 ? 16 : 12;
      parts = [bytes.subarray(o, end)];
    }
    rv.setUint32(42, offset, true);
    offset += parts.reduce((n, p) => n + p.length, 0);
    pieces.push({ local: parts, central: record });
  }
  const now = dosTime(new Date());
  for (const [name, content] of add) {
    const nameBytes = new TextEncoder().encode(name);
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x800;
    const data = deflateSync(content, { level: 6 });
    const crc = crc32(content);
    const header = localHeader(nameBytes, flags, now.time, now.date, crc, data, content);
    const record = new Uint8Array(46 + nameBytes.length);
    const rv = new DataView(record.buffer);
    rv.setUint32(0, 0x02014b50, true);
    rv.setUint16(4, 20, true);
    rv.setUint16(6, 20, true);
    rv.setUint16(8, flags, true);
    rv.setUint16(10, 8, true);
    rv.setUint16(12, now.time, true);
    rv.setUint16(14, now.date, true);
    rv.setUint32(16, crc, true);
    rv.setUint32(20, data.length, true);
    rv.setUint32(24, content.length, true);
    rv.setUint16(28, nameBytes.length, true);
    rv.setUint32(42, offset, true);
    record.set(nameBytes, 46);
    offset += header.length + data.length;
    pieces.push({ local: [header, data], central: record });
  }
  const cdStart = offset;
  const cdSize = pieces.reduce((n, p) => n + p.central.length, 0);
  const comment = bytes.subarray(eocd + 22, eocd + 22 + u16(eocd + 20));
  const end = new Uint8Array(22 + comment.length);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, pieces.length, true);
  ev.setUint16(10, pieces.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, cdStart, true);
  ev.setUint16(20, comment.length, true);
  end.set(comment, 22);
  const all = [...pieces.flatMap((p) => p.local), ...pieces.map((p) => p.central), end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) (out.set(p, at), at += p.length);
  return out;
}

function localHeader(
  name: Uint8Array,
  flags: number,
  time: number,
  date: number,
  crc: number,
  data: Uint8Array,
  content: Uint8Array,
): Uint8Array {
  const h = new Uint8Array(30 + name.length);
  const v = new DataView(h.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true);
  v.setUint16(6, flags, true);
  v.setUint16(8, 8, true);
  v.setUint16(10, time, true);
  v.setUint16(12, date, true);
  v.setUint32(14, crc, true);
  v.setUint32(18, data.length, true);
  v.setUint32(22, content.length, true);
  v.setUint16(26, name.length, true);
  h.set(name, 30);
  return h;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
