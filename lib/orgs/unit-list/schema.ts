import { z } from "zod";
import { orgFormSchema } from "../schema";

/**
 * The columns of a unit list: those of the seed 000 table plus 单位类别 and 上级单位. Only 单位名称
 * and 统一社会信用代码 must be present and filled; the seed's own contact columns may be empty.
 */
export const UNIT_LIST_COLUMNS = [
  { key: "seq", header: "序号", required: false, aliases: ["编号"] },
  { key: "name", header: "单位名称", required: true, aliases: ["单位全称"] },
  { key: "uscc", header: "统一社会信用代码", required: true, aliases: ["信用代码", "社会信用代码", "统一信用代码"] },
  { key: "legalRep", header: "法定代表人", required: false, aliases: ["法人代表", "法人"] },
  { key: "phone", header: "联系电话", required: false, aliases: ["电话"] },
  { key: "email", header: "电子邮箱", required: false, aliases: ["邮箱", "电子邮件"] },
  { key: "note", header: "备注", required: false, aliases: [] },
  { key: "kind", header: "单位类别", required: false, aliases: ["单位类型"] },
  { key: "parent", header: "上级单位", required: false, aliases: ["上级单位名称"] },
] as const satisfies readonly { key: string; header: string; required: boolean; aliases: readonly string[] }[];

export type UnitListColumnKey = (typeof UNIT_LIST_COLUMNS)[number]["key"];

export const UNIT_LIST_PROBLEM_CODES = [
  "header_missing",
  "column_missing",
  "column_duplicate",
  "column_unknown",
  "csv_malformed",
  "no_rows",
  "required_missing",
  "uscc_format",
  "uscc_checksum",
  "uscc_duplicate",
  "name_duplicate",
  "name_invalid",
  "name_exists",
  "org_inactive",
  "value_too_long",
  "legal_rep_invalid",
  "phone_invalid",
  "email_invalid",
  "kind_invalid",
  "kind_change_blocked",
  "parent_unknown",
  "parent_ambiguous",
  "parent_inactive",
  "parent_cycle",
  "parent_kind",
] as const;
export type UnitListProblemCode = (typeof UNIT_LIST_PROBLEM_CODES)[number];

/** What the problem report calls each code (counts per code on the import page, docs). */
export const UNIT_LIST_PROBLEM_LABELS: Readonly<Record<UnitListProblemCode, string>> = {
  header_missing: "找不到表头",
  column_missing: "缺少必需的列",
  column_duplicate: "列重复",
  column_unknown: "无法识别的列",
  csv_malformed: "CSV 格式错误",
  no_rows: "名单为空",
  required_missing: "必填项为空",
  uscc_format: "信用代码格式错误",
  uscc_checksum: "信用代码校验位错误",
  uscc_duplicate: "信用代码重复",
  name_duplicate: "单位名称重复",
  name_invalid: "单位名称无效",
  name_exists: "与系统中单位重名",
  org_inactive: "对应单位已停用",
  value_too_long: "内容过长",
  legal_rep_invalid: "法定代表人无效",
  phone_invalid: "联系电话格式错误",
  email_invalid: "电子邮箱格式错误",
  kind_invalid: "单位类别无效",
  kind_change_blocked: "不能改变单位类别",
  parent_unknown: "上级单位不存在",
  parent_ambiguous: "上级单位不唯一",
  parent_inactive: "上级单位已停用",
  parent_cycle: "上级单位是本单位",
  parent_kind: "上下级类别不符",
};

export const unitListProblemSchema = z.object({
  row: z.number().int().min(1),
  column: z.string(),
  code: z.enum(UNIT_LIST_PROBLEM_CODES),
  message: z.string().min(1),
});
export type UnitListProblem = z.infer<typeof unitListProblemSchema>;

/** The `units check` document of interchange.md. */
export const unitCheckReportSchema = z.object({
  rows: z.number().int().min(0),
  valid: z.number().int().min(0),
  problems: z.array(unitListProblemSchema),
});
export type UnitCheckReport = z.infer<typeof unitCheckReportSchema>;

/** The row's text fields checked by the organisation form's own rules (lengths, phone, e-mail). */
export const unitRowSchema = orgFormSchema.pick({ name: true, legalRep: true, phone: true, email: true, note: true });
export type UnitRowFields = z.infer<typeof unitRowSchema>;
