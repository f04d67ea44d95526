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

/** The setting that applies: rule:message first, then the rule, then the ids the rule replaces. */
function settingFor(
  config: Config,
  meta: RuleMeta,
  messageId: string,
  certainty: Certainty,
): Level | undefined {
  const keys = [`${meta.id}:${messageId}`, meta.id, ...(meta.replaces ?? [])];
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

/** Every id a configuration may name: rule ids, the ids they replace, and rule:message ids. */
export function knownRuleKeys(metas: readonly RuleMeta[]): Set<string> {
  const out = new Set<string>();
  for (const m of metas) {
    out.add(m.id);
    for (const r of m.replaces ?? []) out.add(r);
    for (const id of Object.keys(m.messages)) out.add(`${m.id}:${id}`);
  }
  return out;
}
