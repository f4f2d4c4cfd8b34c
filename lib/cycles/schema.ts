import { z } from "zod";
import { isCalendarDate } from "@/lib/collection/deadline";
import { UNIT_KINDS } from "@/lib/orgs/kinds";
import { listQuerySchema } from "@/lib/list-query";
import { CLOSE_REASON_MIN, CYCLE_STATES } from "./workflow";

/** Inputs of the cycle actions, shared by forms, server actions, tests and the seed. */

const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(40, `${what}标识无效`);
const cycleId = id("评价周期");
const expectedVersion = z.coerce.number({ error: "缺少版本号" }).int("版本号无效").min(1, "版本号无效");
const date = (what: string) =>
  z.string({ error: `请填写${what}` }).trim().refine(isCalendarDate, `${what}不是有效的日期（格式如 2026-12-01）`);

export const cycleYearSchema = z.coerce
  .number({ error: "请填写年度" })
  .int("年度必须是整数")
  .min(2000, "年度不能早于2000年")
  .max(2100, "年度不能晚于2100年");

export function defaultCycleName(year: number): string {
  return `${year}年度政务诚信评价`;
}

const deadlines = {
  collectionDeadline: date("数据归集截止日期"),
  commitmentsDeadline: date("政务承诺截止日期"),
};
const name = z.string({ error: "请填写周期名称" }).trim().min(4, "周期名称至少4个字").max(60, "周期名称不能超过60个字");

function commitmentsNotAfterCollection(value: { collectionDeadline?: string; commitmentsDeadline?: string }, ctx: z.RefinementCtx) {
  const { collectionDeadline: collection, commitmentsDeadline: commitments } = value;
  if (collection && commitments && commitments > collection) {
    ctx.addIssue({ code: "custom", path: ["commitmentsDeadline"], message: "政务承诺截止日期不能晚于数据归集截止日期" });
  }
}

/** Creating a cycle: name and deadlines default from the year (1 December and 1 May). */
export const createCycleSchema = z
  .object({
    year: cycleYearSchema,
    name: name.optional().or(z.literal("").transform(() => undefined)),
    collectionDeadline: deadlines.collectionDeadline.optional().or(z.literal("").transform(() => undefined)),
    commitmentsDeadline: deadlines.commitmentsDeadline.optional().or(z.literal("").transform(() => undefined)),
  })
  .superRefine(commitmentsNotAfterCollection);
export type CreateCycleInput = z.input<typeof createCycleSchema>;

export const updateCycleSchema = z
  .object({ cycleId, expectedVersion, name, ...deadlines })
  .superRefine(commitmentsNotAfterCollection);
export type UpdateCycleInput = z.infer<typeof updateCycleSchema>;

export const versionedSchema = z.object({ cycleId, expectedVersion });
export type VersionedInput = z.infer<typeof versionedSchema>;

export const setCycleSchemeSchema = z.object({
  cycleId,
  expectedVersion,
  unitKind: z.enum(UNIT_KINDS, { error: "请选择单位类别" }),
  /** "" clears the kind's scheme. */
  schemeVersionId: z.string().trim().max(40).nullable().transform((v) => (v ? v : null)),
});
export type SetCycleSchemeInput = z.input<typeof setCycleSchemeSchema>;

export const MAX_EXPLICIT_UNITS = 1000;
const orgIds = z
  .array(z.string().trim().min(1).max(40), { error: "请选择单位" })
  .min(1, "请至少选择一个单位")
  .max(MAX_EXPLICIT_UNITS, `一次最多选择${MAX_EXPLICIT_UNITS}个单位`);

export const enrolTargetSchema = z.discriminatedUnion("by", [
  z.object({ by: z.literal("kind"), kind: z.enum(UNIT_KINDS, { error: "请选择单位类别" }) }),
  z.object({ by: z.literal("subtree"), rootId: id("上级单位") }),
  z.object({ by: z.literal("ids"), ids: orgIds }),
]);
export type EnrolTarget = z.infer<typeof enrolTargetSchema>;

export const enrolUnitsSchema = z.object({ cycleId, expectedVersion, target: enrolTargetSchema });
export type EnrolUnitsInput = z.infer<typeof enrolUnitsSchema>;

export const unenrolUnitsSchema = z.object({
  cycleId,
  expectedVersion,
  target: z.discriminatedUnion("by", [
    z.object({ by: z.literal("kind"), kind: z.enum(UNIT_KINDS, { error: "请选择单位类别" }) }),
    z.object({ by: z.literal("ids"), ids: orgIds }),
  ]),
});
export type UnenrolUnitsInput = z.infer<typeof unenrolUnitsSchema>;

export const setAssignmentSchema = z.object({
  cycleId,
  expectedVersion,
  schemeVersionId: id("指标体系版本"),
  indicatorCode: z.string().trim().min(1, "缺少指标").max(60, "指标代码无效"),
  subKey: z.string().trim().max(60).default(""),
  sourceOrgId: id("信源单位"),
  op: z.enum(["add", "remove", "lead"], { error: "未知的操作" }),
});
export type SetAssignmentInput = z.input<typeof setAssignmentSchema>;

export const closeCollectionSchema = z.object({
  cycleId,
  expectedVersion,
  reason: z
    .string()
    .trim()
    .max(500, "原因不能超过500个字")
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= CLOSE_REASON_MIN, `原因至少${CLOSE_REASON_MIN}个字`),
});
export type CloseCollectionInput = z.input<typeof closeCollectionSchema>;

export const CYCLE_PAGE_SIZE = 20;
export const cycleListSchema = listQuerySchema(["year", "name", "status", "createdAt"] as const, "year").extend({
  status: z.enum(CYCLE_STATES).optional().catch(undefined),
  order: z.enum(["asc", "desc"]).default("desc").catch("desc"),
});
export type CycleListQuery = z.infer<typeof cycleListSchema>;

export const UNIT_PAGE_SIZE = 50;
export const enrolledListSchema = listQuerySchema(["name", "uscc", "kind", "enrolledAt"] as const, "name").extend({
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
});
export type EnrolledListQuery = z.infer<typeof enrolledListSchema>;
