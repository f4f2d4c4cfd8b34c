import { crossSiteRefusal } from "@/lib/auth/api";
import { getActor, requestIp } from "@/lib/auth/session";
import { uploadFieldsSchema } from "@/lib/collection/schema";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { uploadEvidence, uploadRequestEvidence, uploadUnitDocument, type UploadedFile } from "@/lib/files/mutations";
import { displayFileName } from "@/lib/files/policy";
import { evidenceMaxBytes } from "@/lib/files/storage";
import { throttleUpload } from "@/lib/http/limits";

// Multipart upload of one evidence file or unit document (route handler: bodies up to EVIDENCE_MAX_MB,
// above the server-action limit). Authorization and all checks are in lib/files/mutations.

const STATUS: Record<AppErrorCode, number> = { UNAUTHENTICATED: 401, NOT_FOUND: 404, FORBIDDEN: 403, INVALID: 400, CONFLICT: 409, STALE: 409, RATE_LIMITED: 429 };

const fail = (status: number, error: string) => Response.json({ ok: false, error }, { status });

export async function POST(request: Request) {
  // Cookies are SameSite, and a cross-site post is refused outright.
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return crossSite;
  const actor = await getActor();
  if (!actor || actor.mustChangePassword) return fail(401, "请先登录");
  try {
    await throttleUpload(actor, "file", request.headers);
  } catch (error) {
    if (isAppError(error)) return fail(STATUS[error.code], error.message);
    throw error;
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail(400, `上传不完整，或文件超过大小上限 ${Math.floor(evidenceMaxBytes() / 1024 / 1024)} MB`);
  }
  const fields = uploadFieldsSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  const blob = form.get("file");
  if (!fields.success) return fail(400, fields.error.issues.map((i) => i.message).join("；"));
  if (!(blob instanceof File) || blob.size === 0) return fail(400, "请选择要上传的文件");
  if (blob.size > evidenceMaxBytes()) return fail(413, `文件“${displayFileName(blob.name)}”超过大小上限 ${Math.floor(evidenceMaxBytes() / 1024 / 1024)} MB`);
  const file: UploadedFile = { name: blob.name, bytes: new Uint8Array(await blob.arrayBuffer()) };
  const ip = await requestIp();
  try {
    const { cycleId, purpose, note } = fields.data;
    if (purpose === "evidence") return Response.json({ ok: true, file: await uploadEvidence(actor, { cycleId }, file, ip) });
    if (purpose === "request") return Response.json({ ok: true, file: await uploadRequestEvidence(actor, { cycleId }, file, ip) });
    const { evidence } = await uploadUnitDocument(actor, { cycleId, kind: purpose, note }, file, ip);
    return Response.json({ ok: true, file: evidence });
  } catch (error) {
    if (isAppError(error)) return fail(STATUS[error.code], error.message);
    console.error(error);
    return fail(500, "服务器内部错误，文件未保存，请稍后重试");
  }
}
