/** Runs the confusion table (vocab.ts) over a text. */
import type { TypoHit } from "./types.ts";
import { type Confusion, CONFUSIONS } from "./vocab.ts";

interface Compiled {
  entry: Confusion;
  regex: RegExp;
}

const COMPILED: Compiled[] = CONFUSIONS.map((entry) => ({ entry, regex: new RegExp(entry.find, "gu") }));

export function findConfusions(text: string): TypoHit[] {
  const out: TypoHit[] = [];
  for (const { entry, regex } of COMPILED) {
    for (const m of text.matchAll(regex)) {
      if (!m[0]) continue;
      const wrong = m[0];
      const right = wrong.replace(entry.slip, entry.fix);
      out.push({
        start: m.index!,
        end: m.index! + wrong.length,
        wrong,
        right,
        kind: "confusion",
        pattern: `confusion:${entry.id}`,
        message: `“${wrong}”疑为“${right}”之误：${entry.note}。`,
        hint: `将“${wrong}”改为“${right}”。`,
      });
    }
  }
  return out;
}
