/**
 * A batch or merge problem the user can fix (a path, a lock, a database): the CLI prints the Chinese
 * message and exits 2, without a stack trace.
 */
export class BatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BatchError";
  }
}

/** The message of anything thrown, for inclusion in a Chinese message. */
export function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
