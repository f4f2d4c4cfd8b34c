import "server-only";
import { getActor, requestIp } from "@/lib/auth/session";
import { archivedDocxFor, type DossierRoute } from "./access";
import { contentDisposition } from "@/lib/files/policy";

// The archived Word file as an HTTP answer for the two route handlers (lib/dossiers/access.ts decides who).
const MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The route handlers' answer: the file, 401, 404, or 500 when the archived file is gone or altered. */
export async function archivedDocxResponse(route: DossierRoute, entryId: string): Promise<Response> {
  const actor = await getActor();
  if (!actor || actor.mustChangePassword) return Response.json({ error: "请先登录" }, { status: 401 });
  const file = await archivedDocxFor(actor, route, entryId, await requestIp());
  if (file === null) return Response.json({ error: "未找到" }, { status: 404 });
  if (file === "missing" || file === "corrupt") {
    return Response.json({ error: file === "missing" ? "归档的Word文件缺失，请联系信用办" : "归档的Word文件校验失败（可能已被改动），请联系信用办" }, { status: 500 });
  }
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": MIME,
      "Content-Disposition": contentDisposition(file.filename, "dossier.docx"),
      "Cache-Control": "no-store",
    },
  });
}
