/** `deno task docs`: writes docs/rules.md from the rule modules. */
import { RULES } from "../../checks/index.ts";
import { rulesMarkdown } from "./list-rules.ts";

if (import.meta.main) {
  await Deno.writeTextFile(new URL("../../docs/rules.md", import.meta.url), rulesMarkdown(RULES));
}
