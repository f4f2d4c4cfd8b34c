import { z } from "zod";
import type { Rule } from "@/lib/scoring";
import { isCalendarDate } from "./deadline";

/** Inputs of the collection actions, shared by forms, server actions, mutations and tests. */

const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(60, `${what}标识无效`);
const reason = (what: string, min = 2, max = 200) =>
  z.string({ error: `请填写${what}` }).trim().min(min, `${what}至少${min}个字`).max(max, `${what}不能超过${max}个字`);
const expectedVersion = z.coerce.number({ error: "缺少版本号" }).int("版本号无效").min(0, "版本号无效");
const evidenceIds = z
  .array(id("佐证材料"), { error: "佐证材料格式有误" })
  .max(10, "每条记录最多10个佐证材料")
  .default([]);

export const cellRefSchema = z.object({
  cycleId: id("评价周期"),
  unitId: id("受评单位"),
  indicatorCode: id("指标"),
  subKey: z.string().trim().max(60, "子项标识无效").default(""),
});
export type CellRef = z.infer<typeof cellRefSchema>;

/** A single value; `value` is checked against the rule with the engine's own fact schema. */
export const saveValueSchema = cellRefSchema.extend({ expectedVersion, value: z.unknown(), evidenceIds });
export type SaveValueInput = z.input<typeof saveValueSchema>;

export const addRecordSchema = cellRefSchema.extend({
  occurredOn: z.string({ error: "请填写发生日期" }).trim().refine(isCalendarDate, "发生日期不是有效的日期（格式如 2026-06-18）"),
  description: reason("事项说明", 2, 500),
  referenceNo: z
    .string()
    .trim()
    .max(100, "文号不能超过100个字")
    // nullish: the action parses the form, and addRecord parses its (already parsed) input again.
    .nullish()
    .transform((v) => (v ? v : null)),
  itemKey: z.string().trim().max(60).default(""),
  evidenceIds,
});
export type AddRecordInput = z.input<typeof addRecordSchema>;

export const withdrawRecordSchema = z.object({ recordId: id("记录"), reason: reason("撤回原因") });
export type WithdrawRecordInput = z.input<typeof withdrawRecordSchema>;

export const markNoneSchema = cellRefSchema.extend({ expectedVersion });
export type MarkNoneInput = z.input<typeof markNoneSchema>;

export const markNotApplicableSchema = cellRefSchema.extend({ expectedVersion, reason: reason("不涉及的理由") });
export type MarkNotApplicableInput = z.input<typeof markNotApplicableSchema>;

export const slotRefSchema = z.object({
  cycleId: id("评价周期"),
  indicatorCode: id("指标"),
  subKey: z.string().trim().max(60, "子项标识无效").default(""),
});
export type SlotRefInput = z.input<typeof slotRefSchema>;

export const submitSubmissionSchema = z.object({ cycleId: id("评价周期") });

export const returnSubmissionSchema = z.object({
  cycleId: id("评价周期"),
  sourceOrgId: id("信源单位"),
  comment: reason("退回意见", 2, 500),
});
export type ReturnSubmissionInput = z.input<typeof returnSubmissionSchema>;

export const reopenSubmissionSchema = z.object({
  cycleId: id("评价周期"),
  sourceOrgId: id("信源单位"),
  reason: reason("重新开放的原因", 2, 500),
  until: z.string({ error: "请填写开放截止日期" }).trim().refine(isCalendarDate, "开放截止日期不是有效的日期（格式如 2026-12-10）"),
});
export type ReopenSubmissionInput = z.input<typeof reopenSubmissionSchema>;

export const UNIT_DOCUMENT_KINDS = ["self_assessment", "commitments"] as const;
export type UnitDocumentKind = (typeof UNIT_DOCUMENT_KINDS)[number];
export const UNIT_DOCUMENT_LABELS: Readonly<Record<UnitDocumentKind, string>> = {
  self_assessment: "自查自评报告",
  commitments: "政务承诺",
};

export const UPLOAD_PURPOSES = ["evidence", "request", ...UNIT_DOCUMENT_KINDS] as const;
export const uploadFieldsSchema = z.object({
  cycleId: id("评价周期"),
  purpose: z.enum(UPLOAD_PURPOSES, { error: "未知的上传用途" }),
  note: z
    .string()
    .trim()
    .max(200, "说明不能超过200个字")
    .optional()
    .transform((v) => (v ? v : null)),
});

const number = (raw: FormDataEntryValue | null): number | undefined => {
  const text = typeof raw === "string" ? raw.trim() : "";
  if (text === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** A percentage typed as 0–100 → the rate 0–1 the engine takes (no binary rounding residue). */
export function percentToRate(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

/**
 * The single value a form describes, per rule kind: a grade, yes/no, a percentage, a number ("no
 * cases" for rank), or a manual score with its note. The result is validated by the engine schema.
 */
export function valueFromForm(rule: Rule, form: FormData): unknown {
  switch (rule.kind) {
    case "tiered":
      return { tier: String(form.get("tier") ?? "") };
    case "binary": {
      const met = form.get("met");
      return { met: met === "true" ? true : met === "false" ? false : null };
    }
    case "ratio": {
      const percent = number(form.get("percent"));
      return { value: percent === undefined || Number.isNaN(percent) ? percent ?? null : percentToRate(percent) };
    }
    case "rank":
      return { value: form.get("noCases") === "on" ? null : (number(form.get("value")) ?? "") };
    case "step":
    case "threshold":
      return { value: number(form.get("value")) ?? "" };
    case "manual":
      return { score: number(form.get("score")) ?? "", note: String(form.get("note") ?? "").trim() };
    default:
      return null;
  }
}
