import { z } from "zod";
import { ratioDefaults } from "./defaults";
import { key, label, points, text } from "./schema-fields";

/** The rule kinds of docs/scoring-engine.md; parameters that have a default are optional. */

export const binaryRuleSchema = z.strictObject({
  kind: z.literal("binary"),
  question: text("判断事项"),
  points: points().optional(),
});

export const vetoRuleSchema = z.strictObject({
  kind: z.literal("veto"),
  event: label("否决事项"),
});

export const deductionItemSchema = z.strictObject({
  key: key("扣分项键"),
  label: text("扣分项名称"),
  points: points("每项扣分"),
  /** Defaults to each. */
  per: z.enum(["each", "once"], { error: "扣分方式必须是 each（每项）或 once（发生即扣）" }).optional(),
  cap: points("扣分上限").optional(),
});

export const deductionRuleSchema = z.strictObject({
  kind: z.literal("deduction"),
  items: z.array(deductionItemSchema, { error: "扣分项必须是列表" }).min(1, "至少需要一个扣分项"),
});

export const tierSchema = z.strictObject({ label: text("等次名称"), points: points() });

export const tieredRuleSchema = z.strictObject({
  kind: z.literal("tiered"),
  tiers: z.array(tierSchema, { error: "等次必须是列表" }).min(1, "至少需要一个等次"),
});

const unitRatio = (what: string) =>
  z.number({ error: `${what}必须是数字` }).min(0, `${what}必须在0到1之间`).max(1, `${what}必须在0到1之间`);

export const ratioRuleSchema = z
  .strictObject({
    kind: z.literal("ratio"),
    label: label("比率名称"),
    fullAt: unitRatio("满分线").positive("满分线必须大于0").optional(),
    zeroBelow: unitRatio("零分线").optional(),
    mode: z.enum(["proportional", "linear"], { error: "计分方式必须是 proportional 或 linear" }).optional(),
  })
  .refine(
    (r) => {
      const { fullAt, zeroBelow, mode } = ratioDefaults(r);
      return zeroBelow < fullAt || (mode === "proportional" && zeroBelow === fullAt);
    },
    { message: "零分线必须低于满分线", path: ["zeroBelow"] },
  );


const countQuantity = {
  label: label("计数名称"),
  unit: label("计量单位"),
};

export const countRuleSchema = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({ kind: z.literal("count"), mode: z.literal("additive"), perItem: points("每项得分"), ...countQuantity }),
    z.strictObject({
      kind: z.literal("count"),
      mode: z.literal("shortfall"),
      target: z.number({ error: "目标数必须是整数" }).int("目标数必须是整数").min(1, "目标数至少为1"),
      perMissing: points("每缺一项扣分"),
      ...countQuantity,
    }),
  ],
  { error: "计数方式必须是 additive（累加）或 shortfall（差额扣分）" },
);

export const awardRuleSchema = z.strictObject({
  kind: z.literal("award"),
  levels: z
    .record(key("奖励级别"), points("奖励分值"), { error: "奖励级别必须是“级别: 分值”的对象" })
    .refine((levels) => Object.keys(levels).length > 0, "至少需要一个奖励级别"),
  /** Defaults to max. */
  combine: z.enum(["max", "sum"], { error: "合并方式必须是 max（取最高）或 sum（累加）" }).optional(),
});

const nonNegative = (what: string) =>
  z.number({ error: `${what}必须是数字` }).min(0, `${what}不能为负数`);

export const stepRuleSchema = z.strictObject({
  kind: z.literal("step"),
  label: label("指标值名称"),
  fullAt: nonNegative("满分线"),
  step: nonNegative("档距").positive("档距必须大于0"),
  perStep: points("每档扣分"),
});

export const thresholdRuleSchema = z.strictObject({
  kind: z.literal("threshold"),
  label: label("指标值名称"),
  op: z.enum(["lt", "lte", "gt", "gte"], { error: "比较方式必须是 lt、lte、gt 或 gte" }),
  value: nonNegative("阈值"),
  points: points("扣分"),
  percent: z.boolean({ error: "percent 必须是 true 或 false" }).optional(),
});

export const rankRuleSchema = z.strictObject({
  kind: z.literal("rank"),
  label: label("排名依据名称"),
  subject: label("排名对象"),
  full: points("无案件得分"),
  top: points("第一名得分"),
  better: z.enum(["lower", "higher"], { error: "排序方向必须是 lower（越低越好）或 higher（越高越好）" }),
});

export const manualRuleSchema = z.strictObject({
  kind: z.literal("manual"),
  guidance: label("评分说明"),
});

export const ruleSchema = z.discriminatedUnion(
  "kind",
  [
    binaryRuleSchema,
    vetoRuleSchema,
    deductionRuleSchema,
    tieredRuleSchema,
    ratioRuleSchema,
    countRuleSchema,
    awardRuleSchema,
    stepRuleSchema,
    thresholdRuleSchema,
    rankRuleSchema,
    manualRuleSchema,
  ],
  { error: "未知的规则类型（kind）" },
);

export const RULE_KINDS = [
  "binary",
  "veto",
  "deduction",
  "tiered",
  "ratio",
  "count",
  "award",
  "step",
  "threshold",
  "rank",
  "manual",
] as const;

export type Rule = z.output<typeof ruleSchema>;
export type RuleKind = Rule["kind"];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;
export type DeductionItem = z.output<typeof deductionItemSchema>;
