/** percentage-arithmetic: a satisfaction rate recomputed from the tally of answer options stated before it. */
import { ruleTester } from "../helpers/rule-tester.ts";
import { percentageArithmetic } from "../../checks/rules/percentage-arithmetic.ts";

const SURVEY = "本次共发放调查问卷193份，收回192份，其中有效问卷190份。";
const tally = (claim: string, counts = [142, 26, 18, 4]) =>
  `${SURVEY}就“您对本单位提供的服务是否满意”，选择“非常满意”的${counts[0]}份、选择“满意”的${counts[1]}份、` +
  `选择“基本满意”的${counts[2]}份、选择“不满意”的${counts[3]}份，${claim}。`;

ruleTester(percentageArithmetic, {
  valid: [
    { name: "不含“不满意”: (190 − 4) ÷ 190", doc: [tally("满意度（不含“不满意”）为97.89%")] },
    { name: "full-width digits", doc: [tally("满意度（不含“不满意”）为９７．８９％")] },
    { name: "one decimal, rounded", doc: [tally("满意度（不含“不满意”）为97.9%")] },
    {
      name: "named options: 非常满意 + 满意",
      doc: [tally("满意率（“非常满意”+“满意”）为88.42%")],
    },
    { name: "含“基本满意”: every satisfied option", doc: [tally("满意度（含“基本满意”）为97.89%")] },
    { name: "approximate rate is not recomputed", doc: [tally("满意度（不含“不满意”）约为96%")] },
    { name: "a rate 以上 is a bound, not recomputed", doc: [tally("满意度（不含“不满意”）达95%以上")] },
    {
      name: "no definition and below the satisfied share: may be a weighted score",
      doc: [tally("满意度为90.9%")],
    },
    {
      name: "no definition and the listed counts are not every questionnaire: nothing certain",
      doc: [tally("满意度为99.5%", [142, 20, 18, 4])],
    },
    { name: "满意及以上: the option and those above it", doc: [tally("满意率（满意及以上）为88.42%")] },
    { name: "满意以上, without 及", doc: [tally("满意度（满意以上）为88.42%")] },
    {
      name: "a bare 满意 may name the satisfied group: 满意及基本满意",
      doc: [tally("满意率（满意及基本满意）为97.89%")],
    },
    {
      name: "a weighted definition is not a share of the counts",
      doc: [tally("满意度（按非常满意100分、满意80分、基本满意60分、不满意0分加权）为91.37%")],
    },
    { name: "基本满意 counted as half", doc: [tally("满意度（不含“不满意”，基本满意按半数计）为93.16%")] },
    {
      name: "thousands separators in the counts",
      doc: [
        "本次共发放调查问卷2,000份，收回有效问卷2,000份。其中非常满意1,500份、满意300份、基本满意100份、不满意100份，满意率（非常满意+满意）为90%。",
      ],
    },
    {
      name: "a rate about another question after the tally",
      doc: [tally("对办事效率的满意度（含基本满意）为99%")],
    },
    {
      name: "no definition: the survey's overall rate may be higher than this question's",
      doc: [tally("项目总体满意度为99.5%")],
    },
    {
      name: "a multiple-choice question is not a share of questionnaires",
      doc: [
        `${SURVEY}本题可多选，选择“非常满意”的142份、选择“满意”的96份、选择“不满意”的4份，满意度（不含“不满意”）为70%。`,
      ],
    },
  ],
  invalid: [
    {
      name: "stated definition, counts adding up to the valid questionnaires: error",
      doc: [tally("满意度（不含“不满意”）为96.07%")],
      errors: [{
        messageId: "mismatch",
        severity: "error",
        certainty: "certain",
        message: "(190−4)÷190×100% = 97.89%",
      }],
    },
    {
      name: "full-width digits in the wrong rate",
      doc: [tally("满意度（不含“不满意”）为９６．０７％")],
      errors: [{ messageId: "mismatch", severity: "error", message: "97.89%" }],
    },
    {
      name: "counts that do not add up to the valid questionnaires: a warning with its assumption",
      doc: [tally("满意度（不含“不满意”）为96.07%", [142, 34, 18, 4])],
      errors: [{ messageId: "mismatch", severity: "warning", certainty: "assumption", message: "97.98%" }],
    },
    {
      name: "last digit off: rounding",
      doc: [tally("满意度（不含“不满意”）为97.90%")],
      errors: [{ messageId: "rounding", severity: "info", certainty: "rounding" }],
    },
    {
      name: "truncated instead of rounded: info",
      doc: [tally("满意度（不含“不满意”）为97.8%")],
      errors: [{ messageId: "truncation", severity: "info", message: "97.9%" }],
    },
    {
      name: "满意及以上 wrong under every reading: error",
      doc: [tally("满意率（满意及以上）为93%")],
      errors: [{ messageId: "mismatch", severity: "error", message: "(142+26)÷190×100% = 88.42%" }],
    },
    {
      name: "thousands separators in a wrong rate: error",
      doc: [
        "本次共发放调查问卷2,000份，收回有效问卷2,000份。其中非常满意1,500份、满意300份、基本满意100份、不满意100份，满意率（非常满意+满意）为92%。",
      ],
      errors: [{ messageId: "mismatch", severity: "error", message: "(1,500+300)÷2000×100% = 90.00%" }],
    },
    {
      name: "经统计 between the tally and its rate: still certain",
      doc: [tally("经统计，满意度（不含“不满意”）为96.07%")],
      errors: [{ messageId: "mismatch", severity: "error" }],
    },
    {
      name: "an overall rate (综合满意度) with a definition: a warning, it may be the whole survey's",
      doc: [tally("综合满意度（不含“不满意”）为96.07%")],
      errors: [{ messageId: "mismatch", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "no definition, above the share of every satisfied answer: a warning",
      doc: [tally("满意度为99.5%")],
      errors: [{ messageId: "mismatch", severity: "warning", certainty: "assumption", message: "97.89%" }],
    },
  ],
});
