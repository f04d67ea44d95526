/** Loads jixiao-audit.json (or --config PATH) and validates it; errors name the file and the field. */
import { Config, DEFAULT_CONFIG } from "../model/config.ts";
import type { RuleMeta } from "../model/rule.ts";
import { knownRuleKeys } from "./severity.ts";

export const DEFAULT_CONFIG_FILE = "jixiao-audit.json";

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/**
 * Reads `path` when given; otherwise jixiao-audit.json in the working directory when it exists. Rule ids are
 * checked against `rules`, the metas the composition root (src/audit.ts) hands in.
 */
export async function loadConfig(path: string | undefined, rules: readonly RuleMeta[]): Promise<Config> {
  const file = path ?? DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (e) {
    if (!path && e instanceof Deno.errors.NotFound) return DEFAULT_CONFIG;
    throw new ConfigError(`无法读取配置文件 ${file}：${(e as Error).message}。请检查路径。`);
  }
  return parseConfig(text, file, rules);
}

export function parseConfig(text: string, file: string, rules: readonly RuleMeta[] = []): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`配置文件 ${file} 不是合法的 JSON：${(e as Error).message}。请修正语法。`);
  }
  const parsed = Config.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "(根)"}：${i.message}`);
    throw new ConfigError(`配置文件 ${file} 有误：\n${lines.join("\n")}\n请对照 README 中的配置说明修改。`);
  }
  if (rules.length === 0) return parsed.data;
  const known = knownRuleKeys(rules);
  const unknown = [...Object.keys(parsed.data.rules), ...parsed.data.suppress.map((s) => s.rule)]
    .filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ConfigError(
      `配置文件 ${file} 引用了不存在的规则：${
        [...new Set(unknown)].join("、")
      }。可用 --list-rules 查看全部规则。`,
    );
  }
  return parsed.data;
}
