/**
 * A small ZIP writer for large generated parts (审核结果.xlsx): each entry is written as text in pieces,
 * deflated piece by piece (node:zlib, native) with a sync flush between pieces, so the uncompressed part is
 * never held whole; only its compressed bytes are kept until the entry is closed. No ZIP64: parts and the
 * archive stay under 4 GB.
 */
import zlib from "node:zlib";

/** Text gathered before a piece is encoded and deflated. */
const PIECE_CHARS = 1 << 20;

interface CentralEntry {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function u16(v: DataView, at: number, n: number) {
  v.setUint16(at, n, true);
}
function u32(v: DataView, at: number, n: number) {
  v.setUint32(at, n >>> 0, true);
}

/** MS-DOS date and time of `d` (local fields as UTC: the archive has no time zone). */
function dosTime(d: Date): { time: number; date: number } {
  const y = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((y - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export class ZipEntryWriter {
  #parts: string[] = [];
  #chars = 0;
  #chunks: Uint8Array[] = [];
  #crc = 0;
  #size = 0;
  #compressed = 0;
  #encoder = new TextEncoder();
  /** Reused for every piece: encodeInto a buffer is about twice as fast as encode. */
  #buffer = new Uint8Array(0);

  constructor(private readonly level: number) {}

  write(text: string): void {
    this.#parts.push(text);
    this.#chars += text.length;
    if (this.#chars >= PIECE_CHARS) this.#deflate(false);
  }

  #deflate(last: boolean): void {
    const text = this.#parts.join("");
    this.#parts = [];
    this.#chars = 0;
    if (this.#buffer.length < text.length * 3) this.#buffer = new Uint8Array(text.length * 3);
    const bytes = this.#buffer.subarray(0, this.#encoder.encodeInto(text, this.#buffer).written);
    if (!bytes.length && !last) return;
    this.#crc = zlib.crc32(bytes, this.#crc);
    this.#size += bytes.length;
    const out = zlib.deflateRawSync(bytes, {
      level: this.level,
      finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    });
    this.#compressed += out.length;
    this.#chunks.push(new Uint8Array(out.buffer, out.byteOffset, out.length));
  }

  /** Deflates what is left; the entry's compressed bytes, CRC and sizes. */
  finish(): { chunks: Uint8Array[]; crc: number; size: number; compressed: number } {
    this.#deflate(true);
    return { chunks: this.#chunks, crc: this.#crc, size: this.#size, compressed: this.#compressed };
  }
}

/**
 * Writes a ZIP archive to `file`, one entry after another; with `file` null, into memory (`bytes()` once
 * closed: the web app keeps nothing on disk).
 */
export class ZipWriter {
  #file: Deno.FsFile | null;
  /** The archive's bytes when written in memory. */
  #memory: Uint8Array[] = [];
  #offset = 0;
  #central: CentralEntry[] = [];
  #time: { time: number; date: number };

  constructor(file: string | null, private readonly level = 3, when = new Date()) {
    this.#file = file === null ? null : Deno.openSync(file, { write: true, create: true, truncate: true });
    this.#time = dosTime(when);
  }

  #write(bytes: Uint8Array): void {
    if (this.#file === null) this.#memory.push(bytes);
    else {
      let off = 0;
      while (off < bytes.length) off += this.#file.writeSync(bytes.subarray(off));
    }
    this.#offset += bytes.length;
  }

  /** The whole archive, when written in memory (after `close`). */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.#offset);
    let at = 0;
    for (const b of this.#memory) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }

  /** An entry to write in pieces; `add` it once complete. */
  entry(): ZipEntryWriter {
    return new ZipEntryWriter(this.level);
  }

  /** A complete entry from text. */
  addText(name: string, text: string): void {
    const e = this.entry();
    e.write(text);
    this.add(name, e);
  }

  add(name: string, entry: ZipEntryWriter): void {
    const { chunks, crc, size, compressed } = entry.finish();
    const nameBytes = new TextEncoder().encode(name);
    const head = new Uint8Array(30 + nameBytes.length);
    const v = new DataView(head.buffer);
    u32(v, 0, 0x04034b50);
    u16(v, 4, 20);
    u16(v, 6, 0x0800); // UTF-8 names
    u16(v, 8, 8); // deflate
    u16(v, 10, this.#time.time);
    u16(v, 12, this.#time.date);
    u32(v, 14, crc);
    u32(v, 18, compressed);
    u32(v, 22, size);
    u16(v, 26, nameBytes.length);
    u16(v, 28, 0);
    head.set(nameBytes, 30);
    this.#central.push({ name: nameBytes, crc, compressed, size, offset: this.#offset });
    this.#write(head);
    for (const c of chunks) this.#write(c);
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    try {
      const start = this.#offset;
      for (const e of this.#central) {
        const h = new Uint8Array(46 + e.name.length);
        const v = new DataView(h.buffer);
        u32(v, 0, 0x02014b50);
        u16(v, 4, 20);
        u16(v, 6, 20);
        u16(v, 8, 0x0800);
        u16(v, 10, 8);
        u16(v, 12, this.#time.time);
        u16(v, 14, this.#time.date);
        u32(v, 16, e.crc);
        u32(v, 20, e.compressed);
        u32(v, 24, e.size);
        u16(v, 28, e.name.length);
        // extra, comment, disk, internal and external attributes: 0
        u32(v, 42, e.offset);
        h.set(e.name, 46);
        this.#write(h);
      }
      const end = new Uint8Array(22);
      const v = new DataView(end.buffer);
      u32(v, 0, 0x06054b50);
      u16(v, 8, this.#central.length);
      u16(v, 10, this.#central.length);
      u32(v, 12, this.#offset - start);
      u32(v, 16, start);
      this.#write(end);
    } finally {
      this.#file?.close();
    }
  }

  /** Closes the file without finishing the archive (on an error). */
  abort(): void {
    try {
      this.#file?.close();
    } catch { /* already closed */ }
    this.#memory = [];
  }
}
