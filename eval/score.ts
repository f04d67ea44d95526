/**
 * Scores one audited document against its key, with the corpus README's matching rules:
 * - a finding matches an item when its rule id contains one of the item's rule fragments and its JSON text
 *   contains, for every group, at least one of the group's strings;
 * - a finding is a false alarm on a negative when its rule id contains one of the negative's fragments, its
 *   first evidence quote contains all of the negative's tokens, and it matches no item of the file;
 * - on a clean file every error-level finding is a false alarm.
 * Whitespace is removed on both sides before comparing (the corpus saved non-breaking and ideographic
 * spaces as plain ones, and web text spaces figures from their units unpredictably).
 */
import type { Finding } from "../src/model/finding.ts";
import type { DocumentResult } from "../src/model/report.ts";
import type { KeyFile, KeyItem, KeyNegative } from "./key.ts";

export interface ItemResult {
  item: KeyItem;
  /** The first finding that matched, if any. */
  matchedBy?: Finding;
}

export interface NegativeHit {
  negative: KeyNegative;
  finding: Finding;
}

export interface DocumentScore {
  file: string;
  status: DocumentResult["status"];
  items: ItemResult[];
  /** Findings that are false alarms on a negative (one entry per finding). */
  negativeHits: NegativeHit[];
  /** Error-level findings on a file marked clean. */
  cleanErrors: Finding[];
  findings: Finding[];
}

const squeeze = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, "");

export function ruleMatches(ruleId: string, fragments: readonly string[]): boolean {
  return fragments.some((f) => ruleId.includes(f));
}

function findingText(f: Finding): string {
  return squeeze(JSON.stringify(f));
}

export function matchesItem(f: Finding, item: KeyItem): boolean {
  if (!ruleMatches(f.rule, item.rules)) return false;
  const text = findingText(f);
  return item.groups.every((group) => group.some((s) => text.includes(squeeze(s))));
}

export function hitsNegative(f: Finding, neg: KeyNegative): boolean {
  if (!ruleMatches(f.rule, neg.rules)) return false;
  const quote = f.evidence[0]?.quote;
  if (quote === undefined) return false;
  const q = squeeze(quote);
  return neg.tokens.every((t) => q.includes(squeeze(t)));
}

export function scoreDocument(result: DocumentResult, key: KeyFile): DocumentScore {
  const findings = result.findings.filter((f) => !f.suppressed);
  const items = key.items.map((item) => ({ item, matchedBy: findings.find((f) => matchesItem(f, item)) }));
  const matchesSomeItem = (f: Finding) => key.items.some((item) => matchesItem(f, item));
  const negativeHits: NegativeHit[] = [];
  for (const f of findings) {
    if (matchesSomeItem(f)) continue;
    const negative = key.negatives.find((n) => hitsNegative(f, n));
    if (negative) negativeHits.push({ negative, finding: f });
  }
  const cleanErrors = key.clean ? findings.filter((f) => f.severity === "error") : [];
  return { file: result.file, status: result.status, items, negativeHits, cleanErrors, findings };
}
