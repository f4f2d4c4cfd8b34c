// The dossier's forms and list queries, shared by the server actions, the mutations and the pages.
import { z } from "zod";
import { now } from "@/lib/clock";
import { beijingDate, isCalendarDate } from "@/lib/collection/deadline";
import { listQuerySchema } from "@/lib/list-query";
import { UNIT_KINDS } from "@/lib/orgs/kinds";
import { AMENDMENT_SUBJECTS, SCORE_PATTERN } from "./amendments";
import { RECTIFICATION_STATUSES } from "./rectification";
import { STANDINGS } from "./standing";

export const MEASURES_MAX = 2000;
export const COMMENT_MAX = 1000;
export const AMENDMENT_TEXT_MAX = 2000;

const id = (what: string) => z.string({ error: `${what}无效` }).trim().min(1, `${what}无效`).max(60, `${what}无效`);
const version = z.coerce.number({ error: "版本号无效" }).int("版本号无效").min(1, "版本号无效");

/** An optional Beijing calendar date from a date input ("" = none). */
const optionalDate = (what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z.string({ error: `${what}格式应为年-月-日，例如2027-03-31` }).trim().refine(isCalendarDate, `${what}格式应为年-月-日，例如2027-03-31`).nullable().default(null),
  );

// ---- The unit's report on one problem ------------------------------------------------------------

export const updateRectificationSchema = z
  .object({
    id: id("整改事项"),
    version,
    status: z.enum(RECTIFICATION_STATUSES, { error: "请选择整改状态" }),
    measures: z.string().trim().max(MEASURES_MAX, `整改措施不能超过${MEASURES_MAX}字`).default(""),
    dueOn: optionalDate("计划完成日期"),
    doneOn: optionalDate("实际完成日期"),
  })
  .superRefine((v, ctx) => {
    if (v.status !== "open" && v.measures === "") ctx.addIssue({ code: "custom", path: ["measures"], message: "整改中或已完成时，请填写已采取的整改措施" });
    if (v.status === "done" && !v.doneOn) ctx.addIssue({ code: "custom", path: ["doneOn"], message: "已完成时，请填写实际完成日期" });
    const today = beijingDate(now());
    if (v.status === "done" && v.doneOn && v.doneOn > today) ctx.addIssue({ code: "custom", path: ["doneOn"], message: `实际完成日期不能晚于今天（${today}）` });
  })
  // The date finished belongs to a finished item only.
  .transform((v) => ({ ...v, doneOn: v.status === "done" ? v.doneOn : null }));
export type UpdateRectificationInput = z.input<typeof updateRectificationSchema>;

// ---- The office's review --------------------------------------------------------------------------

export const reviewRectificationSchema = z
  .object({
    id: id("整改事项"),
    version,
    decision: z.enum(["accepted", "returned"], { error: "请选择审核意见：认可或退回" }),
    comment: z.string().trim().max(COMMENT_MAX, `审核意见不能超过${COMMENT_MAX}字`).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "returned" && v.comment.length < 5) ctx.addIssue({ code: "custom", path: ["comment"], message: "退回时请写明需要补充或改正的内容（至少5个字）" });
  });
export type ReviewRectificationInput = z.input<typeof reviewRectificationSchema>;

// ---- An amendment of an archived entry ------------------------------------------------------------

export const addAmendmentSchema = z
  .object({
    entryId: id("档案记录"),
    subject: z.enum(AMENDMENT_SUBJECTS, { error: "请选择更正的内容" }),
    indicatorCode: z.string().trim().max(60, "指标代码无效").default(""),
    before: z.string().trim().max(AMENDMENT_TEXT_MAX, `更正前的内容不能超过${AMENDMENT_TEXT_MAX}字`).default(""),
    after: z.string({ error: "请填写更正后的内容" }).trim().min(1, "请填写更正后的内容").max(AMENDMENT_TEXT_MAX, `更正后的内容不能超过${AMENDMENT_TEXT_MAX}字`),
    reason: z.string({ error: "请写明更正理由（至少5个字），例如依据的文件" }).trim().min(5, "请写明更正理由（至少5个字），例如依据的文件").max(AMENDMENT_TEXT_MAX, `更正理由不能超过${AMENDMENT_TEXT_MAX}字`),
  })
  .superRefine((v, ctx) => {
    if (v.subject === "indicator" && !v.indicatorCode) ctx.addIssue({ code: "custom", path: ["indicatorCode"], message: "请选择更正的指标" });
    if ((v.subject === "total" || v.subject === "indicator") && v.after && !SCORE_PATTERN.test(v.after)) {
      ctx.addIssue({ code: "custom", path: ["after"], message: "更正后的得分应为不小于0的数字，最多两位小数，例如86.50" });
    }
    if (v.subject === "grade" && v.after.length > 20) ctx.addIssue({ code: "custom", path: ["after"], message: "评价等次不能超过20字" });
    if (v.subject === "text" && !v.before) ctx.addIssue({ code: "custom", path: ["before"], message: "请摘录需要更正的原文" });
  });
export type AddAmendmentInput = z.input<typeof addAmendmentSchema>;

// ---- Lists ----------------------------------------------------------------------------------------

export const DOSSIER_PAGE_SIZE = 50;
export const DOSSIER_SORTS = ["name", "year", "total", "grade", "open"] as const;
export const RECTIFICATION_FILTERS = ["open", "pending", "none"] as const;
export const RECTIFICATION_FILTER_LABELS = { open: "有未办结整改", pending: "有待审核整改", none: "整改已全部办结" } as const;

const year = z.coerce.number().int().min(1990).max(2100).optional().catch(undefined);

/** The staff's search across dossiers. */
export const dossierListSchema = listQuerySchema(DOSSIER_SORTS, "name").extend({
  year,
  grade: z.string().trim().min(1).max(20).optional().catch(undefined),
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
  rectification: z.enum(RECTIFICATION_FILTERS).optional().catch(undefined),
});
export type DossierListQuery = z.infer<typeof dossierListSchema>;

export const RECORD_PAGE_SIZE = 20;

/** The trust and breach records of one dossier (keys prefixed: they share the page's query string). */
export const dossierRecordsSchema = z.object({
  standing: z.enum(STANDINGS).optional().catch(undefined),
  ryear: year,
  rq: z.string().trim().max(100).optional().catch(undefined),
  rpage: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type DossierRecordsQuery = z.infer<typeof dossierRecordsSchema>;
