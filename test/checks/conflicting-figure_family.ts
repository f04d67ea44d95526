/**
 * The three conflicting-figure rules tested as one family: each invalid case runs the rule that owns its
 * messages (the expected findings of that rule, in order) and is a valid case for the other two; each valid
 * case is valid for all three.
 */
import { type InvalidCase, ruleTester, type ValidCase } from "../helpers/rule-tester.ts";
import { conflictingFigure } from "../../checks/rules/conflicting-figure.ts";
import { conflictingFigureSubject } from "../../checks/rules/conflicting-figure-subject.ts";
import { conflictingFigureTransfer } from "../../checks/rules/conflicting-figure-transfer.ts";

export const CONFLICTING_FIGURE_RULES = [
  conflictingFigure,
  conflictingFigureSubject,
  conflictingFigureTransfer,
];

export function conflictingFigureTester(cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  for (const rule of CONFLICTING_FIGURE_RULES) {
    const valid = [...cases.valid];
    const invalid: InvalidCase[] = [];
    for (const c of cases.invalid) {
      if (typeof c.errors === "number") throw new Error(`${c.name}: name the messages expected`);
      const own = c.errors.filter((e) => e.messageId in rule.meta.messages);
      if (own.length) invalid.push({ ...c, errors: own });
      else valid.push(c);
    }
    ruleTester(rule, { valid, invalid });
  }
}
