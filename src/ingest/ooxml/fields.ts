/**
 * Word field codes (w:fldChar begin … separate … end): the text between begin and separate is the field's
 * instruction (PAGE, TOC \o …), not document text. Fields nest. One tracker serves the reader and the
 * annotator, so both skip exactly the same characters and their offsets agree.
 */
export class FieldCodes {
  /** One entry per open field: true while still in its instructions (before its separate). */
  #stack: boolean[] = [];
  #instructionDepth = 0;

  /** True while inside the instructions of any open field: text here is not document text. */
  get inInstructions(): boolean {
    return this.#instructionDepth > 0;
  }

  /** A w:fldChar with its w:fldCharType. */
  fldChar(type: string | undefined): void {
    const s = this.#stack;
    if (type === "begin") {
      s.push(true);
      this.#instructionDepth++;
    } else if (type === "separate" && s[s.length - 1]) {
      s[s.length - 1] = false;
      this.#instructionDepth--;
    } else if (type === "end" && s.length) {
      if (s.pop()) this.#instructionDepth--;
    }
  }

  /** Forget unbalanced fields (a document must not lose its text to a missing end). */
  reset(): void {
    this.#stack = [];
    this.#instructionDepth = 0;
  }
}
