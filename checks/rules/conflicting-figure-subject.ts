/**
 * conflicting-figure-subject: figures naming the same quantity (normalised subject, unit, year and time
 * frame) stated with values that cannot both hold, in different places. Figures an aligned-passages finding
 * of conflicting-figure already reports are left out.
 */
import { defineRule } from "../../src/model/rule.ts";
import { h } from "../../src/testing/doc-spec.ts";
import { alignedAnalysis } from "./conflicting-figure/aligned.ts";
import { subjectConflicts, type SubjectDetails } from "./conflicting-figure/subject.ts";

export const conflictingFigureSubject = defineRule<SubjectDetails>({
  meta: {
    id: "conflicting-figure-subject",
    severity: "warning",
    title: "同一数量数值不一致",
    replaces: ["conflicting-figure"],
    messages: {
      "same-subject": { description: "同一数量在不同位置数值不同", certainty: "assumption" },
    },
    docs: {
      summary:
        "Figures with the same normalised subject, unit, year and time frame but incompatible values in " +
        "different places (warning, assuming they mean the same quantity; one finding with every place). The " +
        "subject is normalised with the vocabulary of src/analysis/quantity-vocab.ts: stop words " +
        "(共/累计/全年/实有/截至…) go, synonyms meet (在职职工 = 在职人员, 惠及群众 = 受益群众, " +
        "开展培训12期，累计N人次 = 培训N人次), qualifiers stay (编制/在编/在职/退休, 预算/执行, " +
        "计划/实际/完成/目标); 人 and 人次 differ, 万人 and 人 are compared after scaling; 年初/年末, " +
        "全年/一季度, 本年/上年 are different frames, and a figure without a frame joins the subject's only " +
        "frame. Scope, stance and stage keep apart what the sentence or section says differs: 全县 / 本单位 / " +
        "该项目 or a section named after one project or place, 计划/目标 / 实际, a target section / a results " +
        "section, the events counted in the clause before (开展电商培训5期，培训农民N人次), a dated stage " +
        "(截至6月底), several years (近3年). Values that may be roundings of each other (12.35万人 / 12.3万人), " +
        "approximate values (约/余) and figures already in a conflicting-figure finding are not reported.",
      rationale:
        "When a document states two values for one quantity, at least one is wrong; reviewers must ask which.",
      examples: [
        {
          title: "同一数量换了说法，数值不同",
          kind: "invalid",
          messageId: "same-subject",
          doc: [
            h(1, "一、部门概况"),
            "本局内设4个股室，年末在职职工58人，退休人员20人。",
            h(1, "三、绩效分析"),
            "在队伍建设方面，在职职工共61人，均未超编。",
          ],
        },
        {
          title: "编制数与在职人数是不同数量",
          kind: "valid",
          doc: [
            h(1, "一、部门概况"),
            "核定行政编制62人，退休人员20人。",
            h(1, "三、绩效分析"),
            "在职人员共58人，均未超编。",
          ],
        },
      ],
    },
  },
  check(ctx) {
    return subjectConflicts(ctx, alignedAnalysis(ctx).covered);
  },
});
