/** Indicator trees (weights sum to 100, scores ≤ weights) and questionnaires, consistent by construction. */
import { pct, round2 } from "./format.ts";
import type { Leaf, Level1, Question, ScoreTree } from "./model.ts";
import type { Rng } from "./rng.ts";

type Template = [string, [string, [string, number][]][]][];

const TEMPLATES: Template[] = [
  [
    ["决策", [["项目立项", [["立项依据充分性", 3], ["立项程序规范性", 3]]], ["绩效目标", [[
      "绩效目标合理性",
      3,
    ], [
      "绩效指标明确性",
      3,
    ]]], ["资金投入", [["预算编制科学性", 3]]]]],
    ["过程", [["资金管理", [["资金到位率", 5], ["预算执行率", 6], ["资金使用合规性", 4]]], ["组织实施", [[
      "管理制度健全性",
      5,
    ], ["制度执行有效性", 5]]]]],
    ["产出", [["产出数量", [["实际完成率", 10]]], ["产出质量", [["质量达标率", 8]]], ["产出时效", [[
      "完成及时性",
      6,
    ]]], [
      "产出成本",
      [["成本节约率", 6]],
    ]]],
    ["效益", [["项目效益", [["社会效益", 12], ["可持续影响", 8]]], ["满意度", [["服务对象满意度", 10]]]]],
  ],
  [
    ["部门决策", [["目标设定", [["中长期规划明确性", 2], ["年度目标合理性", 3], ["绩效指标明确性", 3]]], [
      "预算配置",
      [
        [
          "在职人员控制率",
          3,
        ],
        ["“三公经费”变动率", 3],
        ["重点支出安排率", 6],
      ],
    ]]],
    ["部门管理", [
      ["预算管理", [["基本支出预算执行率", 5], ["项目支出预算执行率", 5], ["预算调整率", 3]]],
      ["财务管理", [[
        "财务管理制度健全性",
        4,
      ], ["资金使用合规性", 6]]],
      ["资产管理", [["资产管理制度健全性", 3], ["固定资产利用率", 3]]],
      ["业务管理", [[
        "政府采购规范性",
        3,
      ], ["监督考核情况", 3]]],
    ]],
    ["部门绩效", [["部门产出", [["年度工作完成率", 10], ["工作完成及时性", 6], ["工作质量达标率", 6]]], [
      "部门效果",
      [[
        "社会效益",
        8,
      ], ["可持续影响", 5]],
    ], ["满意度", [["服务对象满意度", 10]]]]],
  ],
  [
    ["投入", [["目标设定", [["绩效目标合理性", 4], ["绩效指标明确性", 4]]], ["预算配置", [[
      "在职人员控制率",
      4,
    ], [
      "“三公经费”变动率",
      4,
    ]]]]],
    ["过程", [["预算执行", [["预算完成率", 6], ["预算调整率", 4], ["支付进度率", 4], ["结转结余率", 4]]], [
      "预算管理",
      [
        [
          "公用经费控制率",
          4,
        ],
        ["管理制度健全性", 4],
        ["资金使用合规性", 6],
      ],
    ]]],
    ["产出", [["职责履行", [["实际完成率", 10], ["质量达标率", 8], ["完成及时率", 7]]]]],
    ["效果", [["履职效益", [["社会效益", 10], ["可持续影响", 7]]], ["满意度", [["服务对象满意度", 10]]]]],
  ],
];

/** Total weight of a template (100 for each). */
export function templateWeight(t: number): number {
  return TEMPLATES[t].flatMap(([, l2]) => l2.flatMap(([, ls]) => ls.map(([, w]) => w))).reduce(
    (a, b) => a + b,
    0,
  );
}

export const TEMPLATE_COUNT = TEMPLATES.length;

/** Indicators whose result the text states (执行率, 在职人员, 满意度): always full marks, so they agree. */
const STATED_IN_TEXT = /执行率|完成率|在职人员|满意度/;

/** Takes `deduction` points (multiples of 0.5) off the leaves, never below half the weight. */
function deduct(rng: Rng, all: Leaf[], deduction: number): void {
  const leaves = all.filter((l) => !STATED_IN_TEXT.test(l.name));
  let left = Math.round(deduction * 2);
  let guard = 0;
  while (left > 0 && guard++ < 10000) {
    const leaf = rng.pick(leaves);
    if (leaf.score - 0.5 < leaf.weight / 2) continue;
    if (leaf.score >= 0.5) {
      leaf.score -= 0.5;
      left--;
    }
  }
}

export const sumLeaves = (ls: Leaf[], f: (l: Leaf) => number) => round2(ls.reduce((a, l) => a + f(l), 0));
export const l2Weight = (l1: Level1) =>
  round2(l1.children.reduce((a, c) => a + sumLeaves(c.leaves, (l) => l.weight), 0));
export const l2Score = (l1: Level1) =>
  round2(l1.children.reduce((a, c) => a + sumLeaves(c.leaves, (l) => l.score), 0));

/** Sets every stated subtotal and total to its computed value. */
export function stateTotals(tree: ScoreTree, extraWeight = 0, extraScore = 0): void {
  for (const l1 of tree.l1) {
    for (const c of l1.children) {
      c.statedWeight = sumLeaves(c.leaves, (l) => l.weight);
      c.statedScore = sumLeaves(c.leaves, (l) => l.score);
    }
    l1.statedWeight = l2Weight(l1);
    l1.statedScore = l2Score(l1);
  }
  tree.statedTotalWeight = round2(tree.l1.reduce((a, l) => a + l2Weight(l), 0) + extraWeight);
  tree.statedTotalScore = round2(tree.l1.reduce((a, l) => a + l2Score(l), 0) + extraScore);
}

/** An indicator tree from a template with `deduction` points lost. */
export function scoreTree(rng: Rng, template: number, deduction: number): ScoreTree {
  const tree: ScoreTree = {
    l1: TEMPLATES[template].map(([name, l2]) => ({
      name,
      children: l2.map(([n2, leaves]) => ({
        name: n2,
        leaves: leaves.map(([n3, w]) => ({ name: n3, weight: w, score: w })),
      })),
    })),
    statedTotalWeight: 0,
    statedTotalScore: 0,
  };
  deduct(rng, tree.l1.flatMap((l) => l.children.flatMap((c) => c.leaves)), deduction);
  stateTotals(tree);
  return tree;
}

/** A deduction giving a total in the 优, 良 or 中 band. */
export function drawDeduction(rng: Rng): number {
  const band = rng.pick([0, 0, 1, 1, 2]);
  const [lo, hi] = [[1, 9], [10.5, 19.5], [20.5, 34]][band];
  return rng.int(lo * 2, hi * 2) / 2;
}

export interface OutputSpec {
  name: string;
  unit: string;
  lo: number;
  hi: number;
}

/** 项目支出绩效自评表 tree: 产出 50, 效益 30, 满意度 10 (预算执行 10 is outside the tree). */
export function projectTree(rng: Rng, outputs: OutputSpec[], satisfaction: number): ScoreTree {
  const quantity: Leaf[] = outputs.map((o) => {
    const target = Math.round(rng.int(o.lo, o.hi) / 10) * 10 || o.lo;
    const met = rng.chance(0.8);
    const actual = met
      ? target + rng.int(0, Math.ceil(target * 0.12))
      : Math.round(target * rng.int(80, 98) / 100);
    const score = met ? 10 : round2(10 * actual / target);
    return { name: o.name, weight: 10, score, target: `≥${target}${o.unit}`, actual: `${actual}${o.unit}` };
  });
  const qualityRate = rng.int(95, 100);
  const satisfied = satisfaction >= 90;
  const tree: ScoreTree = {
    l1: [
      {
        name: "产出指标",
        children: [
          { name: "数量指标", leaves: quantity },
          {
            name: "质量指标",
            leaves: [{
              name: "验收合格率",
              weight: 10,
              score: 10,
              target: "≥95%",
              actual: `${qualityRate}%`,
            }],
          },
          {
            name: "时效指标",
            leaves: [{ name: "资金拨付及时率", weight: 10, score: 10, target: "100%", actual: "100%" }],
          },
        ],
      },
      {
        name: "效益指标",
        children: [
          {
            name: "社会效益指标",
            leaves: [
              { name: "群众生产生活条件改善", weight: 10, score: 10, target: "有效改善", actual: "有效改善" },
              { name: "政策知晓率", weight: 10, score: 10, target: "≥90%", actual: `${rng.int(91, 99)}%` },
            ],
          },
          {
            name: "可持续影响指标",
            leaves: [{ name: "长效管护机制", weight: 10, score: 10, target: "健全", actual: "健全" }],
          },
        ],
      },
      {
        name: "满意度指标",
        children: [{
          name: "服务对象满意度指标",
          leaves: [{
            name: "受益群众满意度",
            weight: 10,
            score: satisfied ? 10 : round2(10 * satisfaction / 90),
            target: "≥90%",
            actual: `${satisfaction}%`,
          }],
        }],
      },
    ],
    statedTotalWeight: 0,
    statedTotalScore: 0,
  };
  return tree;
}

const OPTION_SETS = [
  ["满意", "基本满意", "不满意"],
  ["非常满意", "满意", "基本满意", "不满意"],
  ["满意", "较满意", "一般", "不满意"],
] as const;

const QUESTIONS = [
  "您对本单位提供的服务总体是否满意",
  "您对工作人员的服务态度是否满意",
  "您对政策宣传和信息公开是否满意",
  "您对办事效率是否满意",
  "您对项目实施后的效果是否满意",
  "您对资金使用的公开透明程度是否满意",
];

export interface QuestData {
  issued: number;
  returned: number;
  valid: number;
  questions: Question[];
  /** Share of the first question's answers other than the last option, in percent. */
  satisfaction: string;
}

/** Splits `total` into `k` non-negative parts, the first parts largest. */
function compose(rng: Rng, total: number, k: number): number[] {
  const out: number[] = [];
  let left = total;
  for (let i = 0; i < k - 1; i++) {
    const share = i === 0 ? rng.int(55, 85) : rng.int(40, 90);
    const v = Math.min(left, Math.round(left * share / 100));
    out.push(v);
    left -= v;
  }
  out.push(left);
  // Few dissatisfied answers: move most of the last option to the first.
  const last = out[k - 1];
  const keep = Math.min(last, rng.int(0, Math.max(1, Math.round(total * 0.04))));
  out[0] += last - keep;
  out[k - 1] = keep;
  return out;
}

export function questionnaire(rng: Rng): QuestData {
  const valid = rng.int(36, 320);
  const returned = valid + rng.int(0, 6);
  const issued = returned + rng.int(0, 6);
  const labels = rng.pick(OPTION_SETS);
  const questions = rng.sample(QUESTIONS, rng.int(3, 5)).map((text) => ({
    text,
    options: compose(rng, valid, labels.length).map((count, i) => ({ label: labels[i], count })),
  }));
  const first = questions[0].options;
  const satisfaction = pct(valid - first[first.length - 1].count, valid);
  return { issued, returned, valid, questions, satisfaction };
}
