import { z } from "zod";

/** Inputs of the scheme actions, shared by forms and server actions. */

/** A scheme code people type: lowercase ASCII letters and digits in hyphen-separated words. */
export const SCHEME_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Largest scheme document accepted for import (bytes). */
export const IMPORT_MAX_BYTES = 1_000_000;

const id = z.string({ error: "缺少方案版本" }).trim().min(1, "缺少方案版本").max(40, "方案版本标识无效");
const lock = z.coerce.number({ error: "缺少版本锁" }).int("版本锁无效").min(1, "版本锁无效");

const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what}不能超过${max}个字`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const schemeCodeSchema = z
  .string()
  .trim()
  .min(2, "方案代码至少2个字符")
  .max(60, "方案代码不能超过60个字符")
  .regex(SCHEME_CODE, "方案代码只能由小写英文字母、数字和连字符组成（如 hegang-2026），不能以连字符开头或结尾");

export const createDraftSchema = z.object({
  sourceId: id,
  code: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(schemeCodeSchema.optional()),
  name: optionalText("方案名称", 100),
});
export type CreateDraftInput = z.infer<typeof createDraftSchema>;

export const saveDraftSchema = z.object({ id, expectedLock: lock, document: z.unknown() });
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;

export const versionLockSchema = z.object({ id, expectedLock: lock });
export type VersionLockInput = z.infer<typeof versionLockSchema>;

/** An uploaded scheme document: a .json file of at most 1 MB. */
export const importFileSchema = z.object({
  file: z
    .instanceof(File, { message: "请选择要导入的 JSON 文件" })
    .refine((f) => f.size > 0, "文件是空的")
    .refine((f) => f.size <= IMPORT_MAX_BYTES, "文件超过 1 MB，不能导入")
    .refine(
      (f) => /\.json$/i.test(f.name) && ["", "application/json", "text/json", "text/plain"].includes(f.type),
      "只能导入 .json 格式的方案文档",
    ),
});

export const compareQuerySchema = z.object({
  a: z.string().trim().max(40).optional().catch(undefined),
  b: z.string().trim().max(40).optional().catch(undefined),
});
