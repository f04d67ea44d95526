/**
 * Doubled words: a 2–3 character word written twice (开展开展), and a closed list of single characters whose
 * doubling is a slip unless the neighbours form a word with one of them (区委委机构 vs 党委委员, 目的的实现).
 * Single characters in general are not checked: across a word boundary a doubled character is usually right
 * (项目目标, 工作作风, 财政政策, 单位位于).
 */
import { HAN, type TypoHit } from "./types.ts";

/** Legitimate ABAB reduplications (verbs "try a little", colour/state adjectives). */
export const ABAB_WHITELIST = new Set([
  "研究",
  "讨论",
  "商量",
  "考虑",
  "学习",
  "检查",
  "总结",
  "交流",
  "锻炼",
  "休息",
  "整理",
  "打扫",
  "了解",
  "调查",
  "宣传",
  "准备",
  "熟悉",
  "体验",
  "比较",
  "介绍",
  "清理",
  "收拾",
  "打听",
  "琢磨",
  "思考",
  "分析",
  "梳理",
  "活动",
  "放松",
  "提高",
  // A place name ending in the word, then a body named with it: XX社区社区卫生服务中心, XX街道街道办事处.
  "社区",
  "街道",
  "雪白",
  "通红",
  "冰凉",
  "笔直",
  "碧绿",
  "漆黑",
  "火红",
  "金黄",
  "蔚蓝",
  "滚烫",
]);

/** Legitimate AA reduplications, documented here so the single-character list never includes them. */
export const AA_REDUPLICATIONS =
  "常常 人人 年年 天天 月月 渐渐 刚刚 看看 层层 处处 事事 时时 步步 家家 户户 个个 " +
  "样样 件件 条条 村村 明明 白白 清清 楚楚 实实 在在 仔仔 细细 等等 往往 偏偏 稍稍 默默 纷纷 轻轻 慢慢 " +
  "紧紧 牢牢 久久 多多 恰恰 统统 区区 谢谢 哈哈";

export interface DoubledChar {
  char: string;
  /** A character before the pair that forms a word with the first one (目的 + 的确 …): then it is fine. */
  okBefore?: string;
  /** A character after the pair that forms a word with the second one (委 + 委员): then it is fine. */
  okAfter?: string;
}

export const DOUBLED_CHARS: DoubledChar[] = [
  { char: "的", okBefore: "目有别端似", okAfter: "确" },
  { char: "了", okBefore: "不明为除", okAfter: "解之结如然" },
  { char: "是", okAfter: "否非" },
  { char: "和", okBefore: "温缓柔平共总调随谦饱暖融附", okAfter: "谐平睦美气" },
  { char: "与", okBefore: "参给赋授赠干", okAfter: "否" },
  { char: "及", okBefore: "涉波危普顾企提论触惠", okAfter: "时早格" },
  { char: "对", okBefore: "相针面核反绝应比校派", okAfter: "子" },
  { char: "从", okBefore: "服盲顺自无听随侍" },
  { char: "向", okBefore: "方导意动倾志走面转一趋取指偏" },
  { char: "于", okAfter: "是" },
  { char: "并", okBefore: "合兼吞归", okAfter: "且存举重列发入" },
  { char: "已", okBefore: "而不" },
  { char: "也" },
  { char: "都", okBefore: "首古建定成国" },
  { char: "就", okBefore: "成造迁将屈", okAfter: "业近地此算职医诊位座" },
  { char: "又" },
  { char: "而" },
  { char: "或" },
  { char: "委", okAfter: "员托派任屈会婉" },
  { char: "局", okAfter: "长属面势部限" },
  { char: "厅", okAfter: "长" },
];

/** Characters that make a compound with the word before them (指标值, 项目名称, 预算数, 完成率). */
const COMPOUND_SUFFIX = "值率数额量性化类表项者费度段点名号码库比";
const IS_HAN = new RegExp(`^${HAN}$`, "u");
const NUMERALS = /^[〇零一二三四五六七八九十百千万亿两]+$/u;
const ABAB = new RegExp(`(${HAN}{2,3})\\1`, "gu");

/** ABAB at one position (sticky), for the candidate scan below. */
const ABAB_AT = new RegExp(ABAB.source, "uy");
const HAS_SURROGATE = /[\uD800-\uDFFF]/;
/**
 * Where a 2- or 3-unit stretch starting at or above U+2E80 (every Han character is) repeats at once: the
 * only places an ABAB match can start when the text has no astral characters. Not a unicode regex, so it
 * compares UTF-16 units; tried 3 units first, then 2, like ABAB.
 */
const ABAB_CANDIDATE = /([\u2E80-\uFFFF][\s\S]{1,2})\1/g;

/**
 * The ABAB matches of a text, as `text.matchAll(ABAB)` finds them: each candidate position in turn,
 * leftmost first, skipping past each match as matchAll does.
 */
function ababMatches(text: string, exhaustive: boolean): RegExpExecArray[] {
  if (exhaustive || HAS_SURROGATE.test(text)) return [...text.matchAll(ABAB)];
  const out: RegExpExecArray[] = [];
  ABAB_CANDIDATE.lastIndex = 0;
  for (let c = ABAB_CANDIDATE.exec(text); c; c = ABAB_CANDIDATE.exec(text)) {
    ABAB_AT.lastIndex = c.index;
    const m = ABAB_AT.exec(text);
    if (m) out.push(m);
    ABAB_CANDIDATE.lastIndex = m ? c.index + m[0].length : c.index + 1;
  }
  return out;
}

/** A character of DOUBLED_CHARS written twice in a row (not a unicode regex: they are all BMP). */
const DOUBLED_PAIR = new RegExp(`([${DOUBLED_CHARS.map((d) => d.char).join("")}])\\1`, "g");

/** `exhaustive` skips the prefilters (the reference they are tested against). */
export function findDoubled(text: string, opts: { exhaustive?: boolean } = {}): TypoHit[] {
  const out: TypoHit[] = [];
  for (const m of ababMatches(text, opts.exhaustive ?? false)) {
    const w = m[1];
    const chars = [...w];
    if (chars.every((c) => c === chars[0])) continue; // AAAA: handled as single characters
    if (ABAB_WHITELIST.has(w) || w.startsWith("一") || NUMERALS.test(w)) continue;
    // 三级指标|指标值: the second copy starts a compound (flattened table headers do this).
    const after = text[m.index! + m[0].length];
    if (after && COMPOUND_SUFFIX.includes(after)) continue;
    out.push(hit(m.index!, m[0], w, "word"));
  }
  // The characters written twice in a row somewhere (matches of one character cannot overlap another's).
  let pairs: Set<string> | undefined;
  for (const m of text.matchAll(DOUBLED_PAIR)) (pairs ??= new Set()).add(m[1]);
  if (!pairs && !opts.exhaustive) return out;
  for (const d of DOUBLED_CHARS) {
    if (!opts.exhaustive && !pairs!.has(d.char)) continue;
    const pair = d.char + d.char;
    for (let i = text.indexOf(pair); i >= 0; i = text.indexOf(pair, i + 1)) {
      const prev = text[i - 1] ?? "";
      const next = text[i + 2] ?? "";
      if (next === d.char || prev === d.char) continue; // three in a row: not this slip
      if (prev && d.okBefore?.includes(prev)) continue;
      if (next && d.okAfter?.includes(next)) continue;
      // Quote with its Han neighbours so the reader sees the word (区委委机构).
      let from = i;
      if (IS_HAN.test(text[from - 1] ?? "")) from--;
      const to = IS_HAN.test(next) ? i + 3 : i + 2;
      const wrong = text.slice(from, to);
      out.push(hit(i, pair, d.char, "char", { from, wrong }));
    }
  }
  return out;
}

function hit(
  start: number,
  written: string,
  once: string,
  what: "word" | "char",
  ctx?: { from: number; wrong: string },
): TypoHit {
  const wrong = ctx?.wrong ?? written;
  const right = ctx ? wrong.replace(written, once) : once;
  return {
    start: ctx?.from ?? start,
    end: (ctx?.from ?? start) + wrong.length,
    wrong,
    right,
    kind: "doubled",
    pattern: what === "word" ? "doubled-word" : "doubled-char",
    message: what === "word"
      ? `“${written}”中“${once}”重复书写，应为“${once}”。`
      : `“${wrong}”中“${once}”字重复，疑为“${right}”。`,
    hint: `删除重复的“${once}”。`,
  };
}
