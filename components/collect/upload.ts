// Browser side of POST /files (multipart). The server checks everything again; this only spares a
// round trip for a file that is obviously too large.

export type UploadedRef = { id: string; name: string; size: number };
export type UploadOutcome = { ok: true; file: UploadedRef } | { ok: false; error: string };

export async function uploadFile(fields: { cycleId: string; purpose: string; note?: string }, file: File, maxBytes: number): Promise<UploadOutcome> {
  if (file.size > maxBytes) return { ok: false, error: `文件“${file.name}”超过大小上限 ${Math.floor(maxBytes / 1024 / 1024)} MB` };
  const body = new FormData();
  body.set("cycleId", fields.cycleId);
  body.set("purpose", fields.purpose);
  if (fields.note) body.set("note", fields.note);
  body.set("file", file);
  try {
    const response = await fetch("/files", { method: "POST", body });
    const answer = (await response.json().catch(() => null)) as UploadOutcome | null;
    return answer ?? { ok: false, error: `上传失败（${response.status}），请重试` };
  } catch {
    return { ok: false, error: "网络错误，文件未上传，请重试" };
  }
}

export const ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx";

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
