import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { volumeFile } from "@/lib/archive/data";
import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { storedLocation } from "@/lib/files/storage";
import { contentDisposition } from "@/lib/files/policy";

/** The compiled volume as a Word file, streamed from disk: office staff and reviewers; audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; volumeId: string }> }) {
  const actor = await apiActor("read:volume:any");
  if (actor instanceof Response) return actor;
  const { id, volumeId } = await params;
  const volume = await volumeFile(db(), id, volumeId);
  if (!volume) return Response.json({ error: "未找到" }, { status: 404 });
  await writeAudit(db(), { actor, action: "volume.downloaded", entityType: "compiled_volume", entityId: volume.id, meta: { cycleId: id, units: volume.units }, ip: await requestIp() });
  const filename = `${volume.cycle.name}政务诚信评价报告汇编.docx`;
  const stream = Readable.toWeb(createReadStream(storedLocation(volume.storedName))) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Length": volume.size.toString(),
      "Content-Disposition": contentDisposition(filename, "volume.docx"),
      "Cache-Control": "no-store",
    },
  });
}
