import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

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
