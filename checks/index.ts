/** The one list of rules. Order here is the order findings are reported in. */
import type { Rule } from "./rule.ts";

export const RULES: Rule[] = [];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
