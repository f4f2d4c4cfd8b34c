import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { factTemplate } from "@/lib/collection/import";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { contentDisposition } from "@/lib/files/policy";

/** The source's pre-filled template for one cycle (its units × its slots only). */
export async function GET(request: Request) {
  const actor = await apiActor("submit:facts:assigned");
  if (actor instanceof Response) return actor;
  const cycleId = new URL(request.url).searchParams.get("cycle") ?? "";
  try {
    const { bytes, fileName } = await factTemplate(actor, cycleId);
    await writeAudit(db(), { actor, action: "collection.template_downloaded", entityType: "cycle", entityId: cycleId, meta: { fileName }, ip: await requestIp() });
    return new Response(new Blob([bytes.slice()]), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": contentDisposition(fileName, "template.xlsx"),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return Response.json({ error: "未找到" }, { status: 404 });
    throw error;
  }
}
