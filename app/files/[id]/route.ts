import { writeAudit } from "@/lib/audit/mutations";
import { getActor, requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { readableEvidence } from "@/lib/files/access";
import { contentDisposition } from "@/lib/files/policy";

// Evidence and unit documents are served only here, after the same checks as the data they belong
// to; anyone else gets 404. Always a download, with the type sniffed at upload and nosniff.

const notFound = () => new Response("未找到该文件，或您无权查看", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor || actor.mustChangePassword) return notFound();
  const { id } = await params;
  const file = id.length <= 60 ? await readableEvidence(actor, id) : null;
  if (!file) return notFound();
  await writeAudit(db(), { actor, action: "file.downloaded", entityType: "evidence", entityId: file.id, meta: { name: file.name }, ip: await requestIp() });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": contentDisposition(file.name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
