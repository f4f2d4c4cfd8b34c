import { z } from "zod";
import { displayFileName } from "@/lib/files/policy";

export const MAX_UNIT_LIST_BYTES = 5 * 1024 * 1024;

/** The uploaded unit list, checked on the server: present, not empty, at most 5 MB, .csv or .xlsx. */
export const unitListFileSchema = z
  .instanceof(File, { message: "请选择要上传的单位名单文件" })
  .refine((f) => f.size > 0, "文件是空的")
  .refine((f) => f.size <= MAX_UNIT_LIST_BYTES, "文件超过 5 MB，请拆分后分批导入")
  .refine((f) => /\.(csv|xlsx)$/i.test(f.name), "只能上传 .csv 或 .xlsx 文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）");

export const unitListUploadSchema = z.object({ file: unitListFileSchema });

export const unitImportApplySchema = z.object({
  file: unitListFileSchema,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "预览已失效，请重新上传"),
  createAccounts: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

/** A file name fit for the audit log and messages: the uploads' display rule (no path, control or direction characters, not too long). */
export function safeFileName(name: string): string {
  return displayFileName(name);
}
