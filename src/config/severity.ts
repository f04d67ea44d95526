/**
 * The severity of a finding from its rule, its message, its certainty and the configuration. An error is
 * only ever a `certain` finding: neither a rule's own severity nor any setting makes an assumption or a
 * rounding slip an error.
 */
import type { Config, Level } from "../model/config.ts";
import type { Certainty, Severity } from "../model/finding.ts";
import type { RuleMeta } from "../model/rule.ts";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `error` becomes `warning` for anything not certain. */
export function capFor(certainty: Certainty, s: Severity): Severity {
  return certainty !== "certain" && RANK[s] < RANK.warning ? "warning" : s;
}

/**
 * The setting that applies, most specific first: rule:message, then replaced:message for each id the rule
 * replaces (a rule split off another keeps its message ids), then the rule, then the ids it replaces.
 */
function settingFor(
  config: Config,
  meta: RuleMeta,
  messageId: string,
  certainty: Certainty,
): Level | undefined {
  const replaced = meta.replaces ?? [];
  const keys = [`${meta.id}:${messageId}`, ...replaced.map((r) => `${r}:${messageId}`), meta.id, ...replaced];
  for (const key of keys) {
    const s = config.rules[key];
    if (s === undefined) continue;
    if (typeof s === "string") return s;
    const level = s[certainty];
    if (level !== undefined) return level;
  }
  return undefined;
}

/** "off" when the configuration turns the finding off. */
export function resolveSeverity(
  config: Config,
  meta: RuleMeta,
  messageId: string,
  certainty: Certainty,
  drafted?: Severity,
): Severity | "off" {
  const set = settingFor(config, meta, messageId, certainty);
  if (set === "off") return "off";
  return capFor(certainty, set ?? drafted ?? meta.severity);
}

/** Every id a configuration may name: rule ids, the ids they replace, and rule:message ids of both. */
export function knownRuleKeys(metas: readonly RuleMeta[]): Set<string> {
  const out = new Set<string>();
  for (const m of metas) {
    const ids = [m.id, ...(m.replaces ?? [])];
    for (const r of ids) {
      out.add(r);
      for (const id of Object.keys(m.messages)) out.add(`${r}:${id}`);
    }
  }
  return out;
}

const CERTAINTIES: readonly Certainty[] = ["certain", "assumption", "rounding"];

/**
 * True when the configuration turns off every message of the rule at every certainty (the rule's id, or an
 * id it replaces, set to "off" with no message turned back on): the rule need not run at all.
 */
export function ruleIsOff(config: Config, meta: RuleMeta): boolean {
  return Object.keys(meta.messages).every((id) =>
    CERTAINTIES.every((c) => settingFor(config, meta, id, c) === "off")
  );
}
