import { z } from "zod";
import { addRecordSchema, cellRefSchema, markNoneSchema, markNotApplicableSchema, saveValueSchema, withdrawRecordSchema } from "./schema";

/*
 * Inputs of the office's corrections (spec/workflow.md "scoring": correct facts with a reason). Each
 * is the source's own input for the same operation, plus the source it is made for and the reason.
 * Evidence is not taken: files are uploaded by sources (lib/files).
 */

export const CORRECTION_REASON_MAX = 500;

export const correctionReasonSchema = z
  .string({ error: "请填写更正原因" })
  .trim()
  .min(2, "请填写更正原因（至少2个字）")
  .max(CORRECTION_REASON_MAX, `更正原因不能超过${CORRECTION_REASON_MAX}个字`);

const sourceOrgId = z.string({ error: "缺少数据来源单位" }).trim().min(1, "缺少数据来源单位").max(60, "数据来源单位标识无效");

/** The cell and the source on whose behalf it is corrected. */
export const correctionTargetSchema = cellRefSchema.extend({ sourceOrgId });
export type CorrectionTarget = z.infer<typeof correctionTargetSchema>;

const correction = { sourceOrgId, correctionReason: correctionReasonSchema };

export const correctValueSchema = saveValueSchema.omit({ evidenceIds: true }).extend(correction);
export type CorrectValueInput = z.input<typeof correctValueSchema>;

export const correctNoneSchema = markNoneSchema.extend(correction);
export type CorrectNoneInput = z.input<typeof correctNoneSchema>;

export const correctNotApplicableSchema = markNotApplicableSchema.extend(correction);
export type CorrectNotApplicableInput = z.input<typeof correctNotApplicableSchema>;

export const correctAddRecordSchema = addRecordSchema.omit({ evidenceIds: true }).extend(correction);
export type CorrectAddRecordInput = z.input<typeof correctAddRecordSchema>;

/** `reason` is the withdrawal reason kept on the record; `correctionReason` goes to the audit log. */
export const correctWithdrawSchema = withdrawRecordSchema.extend({ cycleId: cellRefSchema.shape.cycleId, correctionReason: correctionReasonSchema });
export type CorrectWithdrawInput = z.input<typeof correctWithdrawSchema>;

export const CORRECTION_OPERATIONS = ["value", "none", "not_applicable", "record_added", "record_withdrawn"] as const;
export type CorrectionOperation = (typeof CORRECTION_OPERATIONS)[number];

export const CORRECTION_OPERATION_LABELS: Readonly<Record<CorrectionOperation, string>> = {
  value: "更正数值",
  none: "更正为“无”",
  not_applicable: "更正为“不涉及”",
  record_added: "补录记录",
  record_withdrawn: "撤回记录",
};
