import { z } from "zod";
import { NOT_APPLICABLE, ratioDefaults } from "./defaults";
import { ruleSchema } from "./rule-schema";
import { code, key, score2, text } from "./schema-fields";

/*
 * Zod schemas of the interchange documents (scheme, facts, results) and their
 * types. Schemas are structural; the cross-field checks (unique codes, weights
 * summing to 100, reachability) live in validate-scheme.ts so that every
 * problem can be listed at once.
 */

export { NOT_APPLICABLE, ratioDefaults };
export * from "./rule-schema";
export * from "./results-schema";
export { MAX_POINTS } from "./schema-fields";

const describedItem = {
  content: z.string({ error: "评价内容必须是文字" }).optional(),
  sources: z.array(text("数据来源单位"), { error: "数据来源必须是列表" }).optional(),
  evidence: z.string({ error: "佐证材料说明必须是文字" }).optional(),
  note: z.string({ error: "说明必须是文字" }).optional(),
};

export const subItemSchema = z.strictObject({
  key: key("子项键"),
  name: text("子项名称"),
  max: score2("子项满分"),
  rule: ruleSchema,
  ...describedItem,
});

export const indicatorSchema = z
  .strictObject({
    code: code("指标代码"),
    name: text("指标名称"),
    max: score2("指标满分"),
    ...describedItem,
    sources: z.array(text("数据来源单位"), { error: "数据来源必须是列表" }).default([]),
    rule: ruleSchema.optional(),
    items: z.array(subItemSchema, { error: "子项必须是列表" }).min(1, "组合指标至少需要一个子项").optional(),
  })
  .superRefine((indicator, ctx) => {
    if (indicator.rule === undefined && indicator.items === undefined) {
      ctx.addIssue({ code: "custom", message: "指标必须有计分规则（rule）或子项（items）", path: ["rule"] });
    }
    if (indicator.rule !== undefined && indicator.items !== undefined) {
      ctx.addIssue({ code: "custom", message: "指标不能同时有计分规则（rule）和子项（items）", path: ["items"] });
    }
  });

export const categorySchema = z.strictObject({
  code: code("一级指标代码"),
  name: text("一级指标名称"),
  weight: score2("权重"),
  indicators: z.array(indicatorSchema, { error: "二级指标必须是列表" }).min(1, "一级指标至少需要一个二级指标"),
});

export const UNIT_KINDS = ["municipal_department", "county", "township", "community"] as const;
export const unitKindSchema = z.enum(UNIT_KINDS, {
  error: "单位类别必须是 municipal_department、county、township 或 community",
});

export const gradeSchema = z.strictObject({
  min: z.number({ error: "等级分数线必须是数字" }).min(0, "等级分数线不能为负数"),
  label: text("等级名称"),
});

export const schemeDocumentSchema = z.strictObject({
  format: z.literal("integrity-scheme/v1", { error: "format 必须是 integrity-scheme/v1" }),
  code: code("方案代码"),
  version: z.number({ error: "版本号必须是整数" }).int("版本号必须是整数").min(1, "版本号至少为1"),
  name: text("方案名称"),
  description: z.string({ error: "方案说明必须是文字" }).optional(),
  notes: z.array(z.string({ error: "说明必须是文字" }), { error: "说明必须是列表" }).optional(),
  unitKinds: z.array(unitKindSchema, { error: "适用单位类别必须是列表" }).min(1, "至少需要一个适用单位类别"),
  notApplicable: z
    .enum(["full_marks", "rescale"], { error: "不涉及处理方式必须是 full_marks（按满分计）或 rescale（折算）" })
    .default("full_marks"),
  grades: z.array(gradeSchema, { error: "等级必须是列表" }).min(1, "至少需要一个等级"),
  categories: z.array(categorySchema, { error: "一级指标必须是列表" }).min(1, "至少需要一个一级指标"),
});


export const unitFactsSchema = z.object({
  code: text("单位代码"),
  name: z.string({ error: "单位名称必须是文字" }).optional(),
  facts: z.record(z.string(), z.unknown(), { error: "facts 必须是“指标代码: 数据”的对象" }),
});

export const factsDocumentSchema = z.object({
  format: z.literal("integrity-facts/v1", { error: "format 必须是 integrity-facts/v1" }),
  scheme: z.union([text("方案代码"), z.record(z.string(), z.unknown())], {
    error: "scheme 必须是方案代码或方案文档",
  }),
  units: z.array(unitFactsSchema, { error: "units 必须是列表" }),
});

export type SchemeDocument = z.output<typeof schemeDocumentSchema>;
export type SchemeDocumentInput = z.input<typeof schemeDocumentSchema>;
export type Category = z.output<typeof categorySchema>;
export type Indicator = z.output<typeof indicatorSchema>;
export type SubItem = z.output<typeof subItemSchema>;
export type Grade = z.output<typeof gradeSchema>;
export type UnitKind = z.output<typeof unitKindSchema>;
export type NotApplicablePolicy = SchemeDocument["notApplicable"];
export type FactsDocument = z.output<typeof factsDocumentSchema>;
export type UnitFacts = z.output<typeof unitFactsSchema>;

/** One problem found in a document: where (JSON path, unit, indicator, sub-item) and what is wrong. */
export interface Problem {
  path: string;
  message: string;
  unit?: string;
  indicator?: string;
  item?: string;
}

export { factSchemaFor, indicatorFactSchema } from "./rules";
