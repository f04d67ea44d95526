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
      name: "no definition, above the share of every satisfied answer: a warning",
      doc: [tally("满意度为99.5%")],
      errors: [{ messageId: "mismatch", severity: "warning", certainty: "assumption", message: "97.89%" }],
    },
  ],
});
