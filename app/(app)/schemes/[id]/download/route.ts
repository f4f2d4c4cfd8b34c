import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { schemeVersionFor } from "@/lib/schemes/data";
import { contentDisposition } from "@/lib/files/policy";

type Context = { params: Promise<{ id: string }> };

/** The version as an integrity-scheme/v1 document (drafts for office only; others get 404). */
export async function GET(_request: Request, { params }: Context) {
  const actor = await apiActor("read:schemes:any");
  if (actor instanceof Response) return actor;
  const version = await schemeVersionFor(actor, (await params).id);
  if (!version) return Response.json({ error: "未找到" }, { status: 404 });
  await writeAudit(db(), {
    actor,
    action: "scheme.exported",
    entityType: "scheme_version",
    entityId: version.id,
    meta: { code: version.code, version: version.version, format: "json" },
    ip: await requestIp(),
  });
  const filename = `${version.code}-v${version.version}.json`;
  return new Response(`${JSON.stringify(version.document, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition(filename),
      "Cache-Control": "no-store",
    },
  });
}
