import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { listQuerySchema } from "@/lib/list-query";
import { isUserRole, USER_ROLES } from "@/lib/orgs/kinds";
import { ACCOUNT_STATUSES, LOCK_DURATIONS } from "./policy";

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "请输入当前密码"),
    next: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `新密码至少需要${MIN_PASSWORD_LENGTH}个字符`)
      .max(200, "新密码不能超过200个字符"),
    confirm: z.string(),
    expectedVersion: z.coerce.number().int().min(1),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "两次输入的新密码不一致" })
  .refine((v) => v.next !== v.current, { path: ["next"], message: "新密码不能与当前密码相同" })
  .refine((v) => /[A-Za-z]/.test(v.next) && /\d/.test(v.next), {
    path: ["next"],
    message: "新密码须同时包含字母和数字",
  });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

// ——— Account management (admin) ———

const roleList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.string())
    .min(1, "请至少选择一个角色")
    .refine((roles) => roles.every(isUserRole), "角色无效")
    .transform((roles) => USER_ROLES.filter((r) => roles.includes(r))),
);

const optionalEmail = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() || null : (v ?? null)),
  z.email("电子邮箱格式不正确，例如 name@example.gov.cn").max(200, "电子邮箱不能超过200个字符").nullable(),
);

const displayName = z
  .string({ error: "请输入姓名" })
  .trim()
  .min(1, "请输入姓名")
  .max(50, "姓名不能超过50个字符");

const organisationId = z.string({ error: "请选择所属单位" }).trim().min(1, "请选择所属单位").max(40, "所属单位无效");

const expectedVersion = z.coerce.number({ error: "版本号无效" }).int("版本号无效").min(1, "版本号无效");
const userId = z.string({ error: "账户无效" }).trim().min(1, "账户无效").max(40, "账户无效");

export const createUserSchema = z.object({
  username: z
    .string({ error: "请输入用户名" })
    .trim()
    .min(3, "用户名至少3个字符")
    .max(40, "用户名不能超过40个字符")
    .regex(/^[A-Za-z0-9._-]*$/, "用户名只能包含英文字母、数字和 - _ . 三种符号"),
  displayName,
  email: optionalEmail,
  organisationId,
  roles: roleList,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: userId,
  expectedVersion,
  displayName,
  email: optionalEmail,
  organisationId,
  roles: roleList,
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** Reset, unlock, deactivate and reactivate: which account, at which version it was shown. */
export const userVersionSchema = z.object({ id: userId, expectedVersion });
export type UserVersionInput = z.infer<typeof userVersionSchema>;

export const lockUserSchema = z.object({
  id: userId,
  expectedVersion,
  duration: z.enum(LOCK_DURATIONS, { error: "请选择锁定期限" }),
});
export type LockUserInput = z.infer<typeof lockUserSchema>;

export const USERS_PAGE_SIZE = 50;
export const USER_SORT_KEYS = ["username", "displayName", "organisation", "lastLogin"] as const;

export const userListSchema = listQuerySchema(USER_SORT_KEYS, "username").extend({
  org: z.string().trim().max(40).optional().catch(undefined),
  role: z.enum(USER_ROLES).optional().catch(undefined),
  status: z.enum(ACCOUNT_STATUSES).optional().catch(undefined),
});
export type UserListFilter = z.infer<typeof userListSchema>;
