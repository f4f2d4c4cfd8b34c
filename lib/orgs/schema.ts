import { z } from "zod";
import { isValidEmail, isValidPhone } from "./contact";
import { ORG_ROLES, UNIT_KINDS } from "./kinds";
import { validateUscc } from "./uscc";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const orgFormSchema = z.object({
  name: z.string().trim().min(2, "单位名称至少2个字").max(100, "单位名称不能超过100个字"),
  shortName: optionalText(30, "简称"),
  kind: z.enum(UNIT_KINDS, { error: "请选择单位类别" }),
  uscc: z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((value, ctx) => {
      const result = validateUscc(value);
      if (!result.ok) for (const problem of result.problems) ctx.addIssue({ code: "custom", message: problem.message });
    }),
  parentId: optionalText(40, "上级单位"),
  legalRep: optionalText(30, "法定代表人"),
  phone: optionalText(30, "联系电话").refine((v) => v === null || isValidPhone(v), "联系电话格式不正确（如 0468-3451000 或 13912345678）"),
  email: optionalText(100, "电子邮箱").refine((v) => v === null || isValidEmail(v), "电子邮箱格式不正确（如 name@hegang.gov.cn）"),
  note: optionalText(500, "备注"),
  roles: z.array(z.enum(ORG_ROLES)).min(1, "请至少选择一种单位角色"),
});

export type OrgFormInput = z.infer<typeof orgFormSchema>;

export const orgEditSchema = orgFormSchema.extend({ id: z.string().min(1), expectedVersion: z.coerce.number().int().min(1) });
export type OrgEditInput = z.infer<typeof orgEditSchema>;

export const orgActiveSchema = z.object({
  id: z.string().min(1),
  active: z.boolean(),
  expectedVersion: z.coerce.number().int().min(1),
  reason: z.string().trim().min(2, "请填写原因").max(200, "原因不能超过200个字"),
});

/** FormData → plain object for the schemas (roles is a multi-value field). */
export function orgFormData(formData: FormData): Record<string, unknown> {
  const data: Record<string, unknown> = Object.fromEntries(formData);
  data.roles = formData.getAll("roles").map(String);
  return data;
}
