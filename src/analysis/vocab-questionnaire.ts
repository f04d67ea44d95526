/**
 * Questionnaire vocabulary (问卷调查), as data: the headers a questionnaire table is recognised by, the answer
 * options of the usual scales, the labels of total and valid-count rows and columns, and how the text states
 * the number of questionnaires. Re-exported by vocab.ts.
 */

/** Header of the question column (调查问题 / 问题内容 / 题目 …); never an option header. */
export const QUESTION_HEADER =
  /问题|题目|调查内容|调查项目|调查事项|测评内容|测评项目|评价内容|评议内容|满意度项目/;
/** Header of the option column (选项 / 答案 / 满意程度 …). */
export const OPTION_HEADER = /选项|答案|满意程度|评价等级|评价结果|回答/;
/** Header of a count column (人数 / 票数 / 份数 / 问卷数 …). */
export const COUNT_HEADER = /问卷数|份数|人数|票数|选择数|次数|数量|频数|频次|户数|计数/;
/** Header of a percentage column (比例 / 占比 …). */
export const PERCENT_HEADER = /比例|占比|百分比|比率|比重|频率|[%％]/;
/** Header of the points column (标准分值 / 分数). */
export const POINTS_HEADER = /分值|分数/;

/**
 * Answer options of the usual scales, as a header or in the text (非常满意 … 非常不满意, 了解 …, 好 … 差).
 * Longest first where one contains another, so that a scan takes 非常不满意 before 不满意 before 满意.
 */
export const ANSWER_OPTIONS = [
  "非常不满意",
  "比较不满意",
  "很不满意",
  "较不满意",
  "不太满意",
  "不满意",
  "非常满意",
  "十分满意",
  "比较满意",
  "基本满意",
  "很满意",
  "较满意",
  "满意",
  "非常了解",
  "比较了解",
  "基本了解",
  "不太了解",
  "不了解",
  "了解",
  "不清楚",
  "说不清",
  "无所谓",
  "一般",
  "非常好",
  "比较好",
  "较好",
  "较差",
  "很差",
] as const;

/** Options that count as satisfied in a satisfaction rate (满意度/满意率) when the report names no definition. */
export const SATISFIED_OPTIONS: readonly string[] = [
  "非常满意",
  "十分满意",
  "很满意",
  "比较满意",
  "较满意",
  "满意",
  "基本满意",
];
/** A satisfaction rate written after a tally: 满意度（不含“不满意”）为96.07% (the definition in brackets). */
export const SATISFACTION_RATE =
  /(?:总体|综合|整体)?满意(?:度|率)(?:[（(]([^（）()]{1,40})[）)])?(?:为|达到|达|是|[：:])?[\s\u3000]*(约|近|超过|逾)?[\s\u3000]*([0-9０-９]+(?:[.．][0-9０-９]+)?)[\s\u3000]*[%％](以上|左右)?/;
/** A definition that leaves options out (不含“不满意”) rather than naming those counted (含“基本满意”). */
export const SATISFACTION_EXCLUDES = /不含|不包括|不计|剔除|除去?/;

/** Row or column label of a stated total of the answers (合计 / 小计 / 总计). */
export const ANSWER_TOTAL_LABEL = /^(?:合计|小计|总计|总数|共计)(?:[（(][^）)]*[）)])?$/;
/** Row or column label of the number of valid questionnaires (有效问卷份数 / 样本量 / 回收份数). */
export const VALID_LABEL =
  /^(?:有效(?:调查)?(?:问卷|答卷|样本)?(?:份数|数量|数|量)?|有效问卷|样本(?:量|数|总数)|回收(?:问卷)?(?:份数|数)|(?:答题|作答|参与|受访)(?:人数|人次|份数)|调查(?:人数|份数|总数)|问卷(?:总数|份数))(?:[（(][^）)]*[）)])?$/;
/** A summary row of a scored questionnaire: 问卷总分 (Σ points × count). */
export const QUESTIONNAIRE_TOTAL_SCORE = /^(?:问卷)?总分/;
/** A summary row of a scored questionnaire: 综合得分 (total ÷ valid). */
export const QUESTIONNAIRE_AVERAGE = /综合得分|平均分|平均得分|综合评分/;

/** A question (or the table's header) that allows several answers: its counts may exceed the valid total. */
export const MULTI_CHOICE = /多选|可多选|多项选择|不定项|可选多项|限选[二两三四五2-5]项|选[二两三2-3]项/;

/** Words that make a sentence about a questionnaire (the answers it tallies are questionnaires or people). */
export const QUESTIONNAIRE_WORDS = /问卷|答卷|调查表|受访|样本|调查对象|被调查/;
/** Units an answer count is written with in the text; 人次 (person-times) is not a count of questionnaires. */
export const ANSWER_COUNT_UNITS = ["份", "人", "票", "名", "张", "户"] as const;
