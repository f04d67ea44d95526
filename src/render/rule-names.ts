/**
 * The one place outputs without a RenderInput get rule metas and a rule's Chinese name from its id (batch
 * summaries, the workbook, per-document reports, --list-rules). The metas come from the composition root
 * (src/audit.ts), the only module besides the CLI that imports the rule registry.
 */
import type { RuleMeta } from "../model/rule.ts";
import { RULE_METAS } from "../audit.ts";
import { ARCHIVE_RULE_METAS } from "../archive/rules.ts";

let metas: RuleMeta[] | undefined;
let titles: Map<string, string> | undefined;

/** Every registered rule's meta, in report order. */
export function ruleMetas(): RuleMeta[] {
  // The cross-document rules (src/archive) run on the batch's archive index, not in the registry.
  return (metas ??= [...RULE_METAS, ...ARCHIVE_RULE_METAS]);
}

/** The rule's Chinese name; the id itself for an unknown rule. */
export function ruleTitle(id: string): string {
  titles ??= new Map(ruleMetas().map((m) => [m.id, m.title]));
  return titles.get(id) ?? id;
}

/** 「中文名（rule-id）」: the name a reviewer reads, the id beside it for lookups. */
export function ruleLabel(id: string): string {
  const title = ruleTitle(id);
  return title === id ? id : `${title}（${id}）`;
}
