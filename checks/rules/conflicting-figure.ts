/**
 * conflicting-figure: two copies of one passage whose wording is the same and whose numbers differ. The
 * same quantity worded differently is conflicting-figure-subject's, 全部拨付 against a smaller amount
 * conflicting-figure-transfer's.
 */
import { defineRule } from "../../src/model/rule.ts";
import { h } from "../../src/testing/doc-spec.ts";
import { alignedAnalysis, type AlignedDetails } from "./conflicting-figure/aligned.ts";

export const conflictingFigure = defineRule<AlignedDetails>({
  meta: {
    id: "conflicting-figure",
    severity: "error",
    title: "数字前后矛盾",
    messages: {
      "aligned-passages": { description: "相同表述中的数字不同" },
    },
    docs: {
      summary:
        "Two copies of a passage whose wording is the same and whose numbers differ (error, each differing " +
        "number one finding; a warning when the copies may describe different subjects — table rows with " +
        "different labels, sections named after different projects or places, parallel subsections — and " +
        "nothing when several numbers differ there or the copies differ in a time or an item number such as " +
        "第2批). Values that may be roundings of each other (12.35 / 12.3) and copies differing in a year or " +
        "date are not reported.",
      rationale:
        "When a document states two values for one quantity, at least one is wrong; reviewers must ask which.",
      examples: [
        {
          title: "重复的一句中人数不同",
          kind: "invalid",
          messageId: "aligned-passages",
          doc: [
            h(1, "一、部门工作完成情况"),
            "抓好引才工作，从外地引进专业技术人员12人，充实基层力量。完善服务机制。" +
            "抓好引才工作，从外地引进专业技术人员21人，充实基层力量。",
          ],
        },
        {
          title: "两处数字一致",
          kind: "valid",
          doc: [
            h(1, "一、部门工作完成情况"),
            "抓好引才工作，从外地引进专业技术人员12人，充实基层力量。完善服务机制。" +
            "抓好引才工作，从外地引进专业技术人员12人，充实基层力量。",
          ],
        },
      ],
    },
  },
  check(ctx) {
    return alignedAnalysis(ctx).findings;
  },
});
