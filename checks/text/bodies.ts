/** Per-unit comparison bodies and their shingles, computed once per text unit for the duplicate rules. */
import { comparableBody, normalize } from "./normalize.ts";
import { shingles } from "./shingles.ts";
import type { TextUnit } from "./units.ts";

const bodies = new WeakMap<TextUnit, string>();
const shingleSets = new WeakMap<TextUnit, Int32Array>();

/** normalize(comparableBody(unit.text)), cached per unit (units are cached per document). */
export function bodyOf(unit: TextUnit): string {
  let b = bodies.get(unit);
  if (b === undefined) bodies.set(unit, b = normalize(comparableBody(unit.text)));
  return b;
}

/** Shingles of bodyOf(unit), cached per unit. */
export function bodyShingles(unit: TextUnit): Int32Array {
  let s = shingleSets.get(unit);
  if (!s) shingleSets.set(unit, s = shingles(bodyOf(unit)));
  return s;
}
