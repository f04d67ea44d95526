/**
 * results.jsonl is an export of the database, never a log appended beside it: it is rewritten whole
 * (temporary file + rename) when a run starts, at most every few seconds while results come in, and at the
 * end. Whenever the run stops — even by kill -9 — the file is a complete snapshot the database held, one
 * line per document, no duplicates; the next run starts by exporting again.
 */
import type { Store } from "./store.ts";
import { writeJsonl } from "./summary.ts";

export class JsonlExport {
  #dirty = false;
  #last = 0;
  #cost = 0;
  #timer?: ReturnType<typeof setTimeout>;

  /** `minGapMs`: the least time between two exports; it grows to 20× an export's duration on big stores. */
  constructor(
    private readonly store: Store,
    private readonly file: string,
    private readonly minGapMs = 1000,
  ) {}

  /** Export now. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const t0 = performance.now();
    writeJsonl(this.store, this.file);
    this.#last = performance.now();
    this.#cost = this.#last - t0;
    this.#dirty = false;
  }

  /** The database changed: export when the gap allows (now, or by a timer). */
  changed(): void {
    this.#dirty = true;
    if (this.#timer) return;
    const wait = this.#last + Math.max(this.minGapMs, 20 * this.#cost) - performance.now();
    if (wait <= 0) this.flush();
    else {
      this.#timer = setTimeout(() => {
        try {
          this.flush();
        } catch { /* a failing write is retried, and reported, by the final flush */ }
      }, wait);
    }
  }

  /** Stop the timer; the caller flushes at the end. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
