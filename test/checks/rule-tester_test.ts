/** The table-driven tester on two rules, as a template for new rule tests. */
import { ruleTester } from "../helpers/rule-tester.ts";
import { countMismatch } from "../../checks/rules/count-mismatch.ts";
import { scoreGrade } from "../../checks/rules/score-grade.ts";
import { h } from "../../src/testing/doc-spec.ts";

ruleTester(countMismatch, {
  valid: [{ doc: ["构建“统筹”“协调”“督办”的“3个工作”新格局。"] }, {
    doc: ["完成了“三个一”“两个确保”等4项任务。"],
  }],
  invalid: [{
    doc: ["构建“统筹”“协调”“督办”的“4个工作”新格局。"],
    errors: [{ messageId: "count", severity: "warning", certainty: "certain", message: "列举了3项" }],
  }],
});

ruleTester(scoreGrade, {
  valid: [{ doc: [h(1, "一、评价结论"), "综合得分90分，评价等级为“优”。"] }],
  invalid: [
    {
      name: "the report's own band floor: certain",
      doc: [h(1, "一、评价结论"), "90分（含）以上为优。综合得分89.9分，评价等级为“优”。"],
      errors: [{ messageId: "grade-vs-score", severity: "error", certainty: "certain" }],
    },
    {
      name: "the default band floor: an assumption",
      doc: [h(1, "一、评价结论"), "综合得分89.9分，评价等级为“优”。"],
      errors: [{ messageId: "grade-vs-score", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "bands from the configuration",
      doc: [h(1, "一、评价结论"), "综合得分86分，评价等级为“优”。"],
      config: { gradeBands: { excellent: 85, good: 75, pass: 60 } },
      errors: 0,
    },
  ],
});
