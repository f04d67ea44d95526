/**
 * Malformed numbers and units: a year missing 年 (2023部门决算, “2018，区财政局…”), a year range that ends before
 * it starts (2018—2010), an Arabic number run into a Chinese ordinal (3二级单位: the measure word is missing),
 * and two units stuck together that never combine (万亩元, 万元元).
 */
import type { TypoHit } from "./types.ts";

const YEAR = "(?:19[5-9]\\d|20[0-4]\\d)";
/** Nouns that follow “YYYY年” in these reports; after a bare year they show 年 was dropped. */
const AFTER_YEAR =
  "部门|单位|整体|决算|预算|绩效|项目支出|全年|上半年|下半年|[一二三四]季度|第[一二三四]季度|" +
  "工作总结|工作计划";

const YEAR_BEFORE_NOUN = new RegExp(
  `(?<![\\d.．,，\\-—~～/〔\\[［(（共计达为约有])(${YEAR})(?=\\s*(?:${AFTER_YEAR}))`,
  "gu",
);
/** A bare year opening a sentence and followed by a comma: “2018，区财政局年初安排…”. */
const YEAR_OPENING = new RegExp(
  `(?<=^|[。；;！？!?\\n])(\\s*)(${YEAR})(\\s*[,，])(?=\\s*\\p{Script=Han})`,
  "gu",
);
const RANGE = new RegExp(
  `(?<![\\d.．])(${YEAR})(\\s*年?\\s*[—–\\-－~～至到]{1,2}\\s*)(${YEAR})(?![\\d.．])(?!\\s*[=＝])`,
  "gu",
);
/** 3二级单位: an Arabic count directly before a Chinese ordinal of a grade or class. */
const NUMBER_THEN_ORDINAL = /(?<![A-Za-z\d.．]|[表图]|附件)(\d{1,3})(?=[二三四五六七八九十][级类])/gu;
const AREA = "亩|公顷|吨|公里|千米|平方米|立方米";
const MONEY = "万元|亿元|元";
const UNIT_CLASH = new RegExp(
  `(?<=\\d\\s*[万千百亿]?)(?:(?:${AREA})(?:${MONEY})|(?:${MONEY})(?:${MONEY})(?![旦宵素件器月首帅老气]))`,
  "gu",
);

/**
 * What the patterns above need, tested first: an ASCII digit (`\d` under the `u` flag) for all, a year's
 * first two digits for the year ones, 级 or 类 for the ordinal one, 元 for the unit clash (every money unit
 * ends so).
 */
const DIGIT = /[0-9]/;
const CENTURY = /19|20/;
const GRADE = /[级类]/;
const YUAN = /元/;

/**
 * In a table cell a bare year heads a column (2023预算数): only the other checks apply there. `exhaustive`
 * skips the prefilters (the reference they are tested against).
 */
export function findNumberSlips(
  text: string,
  opts: { cell?: boolean; exhaustive?: boolean } = {},
): TypoHit[] {
  const out: TypoHit[] = [];
  const all = opts.exhaustive ?? false;
  if (!all && !DIGIT.test(text)) return out;
  const years = all || CENTURY.test(text);
  for (const m of opts.cell || !years ? [] : text.matchAll(YEAR_BEFORE_NOUN)) {
    const y = m[1];
    out.push({
      start: m.index!,
      end: m.index! + y.length,
      wrong: y,
      right: `${y}年`,
      kind: "number",
      pattern: "year-without-nian",
      message: `年份“${y}”后缺少“年”字。`,
      hint: `改为“${y}年”。`,
    });
  }
  for (const m of years ? text.matchAll(YEAR_OPENING) : []) {
    const start = m.index! + m[1].length;
    const y = m[2];
    out.push({
      start,
      end: start + y.length + m[3].length,
      wrong: y + m[3],
      right: `${y}年${m[3].trim()}`,
      kind: "number",
      pattern: "year-without-nian",
      message: `句首年份“${y}”后缺少“年”字。`,
      hint: `改为“${y}年${m[3].trim()}”。`,
    });
  }
  for (const m of years ? text.matchAll(RANGE) : []) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (b >= a) continue;
    out.push({
      start: m.index!,
      end: m.index! + m[0].length,
      wrong: m[0],
      right: "",
      kind: "number",
      pattern: "reversed-year-range",
      message: `年份区间“${m[0]}”的终止年早于起始年。`,
      hint: `核实区间的起止年份（起始${a}年，终止年应不早于${a}年）。`,
    });
  }
  for (const m of all || GRADE.test(text) ? text.matchAll(NUMBER_THEN_ORDINAL) : []) {
    const n = m[1];
    const after = text.slice(m.index! + n.length, m.index! + n.length + 4).replace(/[，。；、,;\s].*$/u, "");
    out.push({
      start: m.index!,
      end: m.index! + n.length + after.length,
      wrong: n + after,
      right: `${n}个${after}`,
      kind: "number",
      pattern: "missing-measure-word",
      message: `数字“${n}”与“${after}”直接相连，疑缺少量词（如“${n}个${after}”）。`,
      hint: `补上量词，如“${n}个${after}”。`,
    });
  }
  for (const m of all || YUAN.test(text) ? text.matchAll(UNIT_CLASH) : []) {
    out.push({
      start: m.index!,
      end: m.index! + m[0].length,
      wrong: m[0],
      right: "",
      kind: "number",
      pattern: "unit-clash",
      message: `计量单位“${m[0]}”连用，单位不能这样组合，疑为笔误。`,
      hint: "核实数值的计量单位，保留正确的一个。",
    });
  }
  return out;
}
