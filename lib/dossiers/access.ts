import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/mutations";
import { hasPermission } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { readStoredBytes, sha256Of } from "@/lib/files/storage";

/*
 * The archived Word file of a dossier entry, exactly as archived (checked against its SHA-256).
 * Staff with read:dossiers:any reach it under /dossiers/<org>/…, a unit under /unit/dossier/… for its
 * own organisation only; anyone else gets 404. Every download is audited.
 */

/** Where the request came from: a staff page naming the organisation, or the unit's own dossier. */
export type DossierRoute = { kind: "staff"; organisationId: string } | { kind: "own" };

export type ArchivedDocx = { bytes: Buffer; filename: string; entryId: string };

/** The file when the actor may read it (audited); null when not (the denial audited); "missing" or "corrupt" when the stored file is gone or altered. */
export async function archivedDocxFor(actor: Actor, route: DossierRoute, entryId: string, ip: string | null = null): Promise<ArchivedDocx | null | "missing" | "corrupt"> {
  const permission = route.kind === "staff" ? "read:dossiers:any" : "read:dossier:own";
  const organisationId = route.kind === "staff" ? route.organisationId : actor.organisationId;
  const [entry] = hasPermission(actor.roles, permission)
    ? await db().$queryRaw<{ id: string; year: number; name: string | null; stored: string; sha256: string }[]>`
        SELECT id, year, report->'unit'->>'name' AS name, docx_stored_name AS stored, docx_sha256 AS sha256
          FROM dossier_entry WHERE id = ${entryId} AND organisation_id = ${organisationId}`
    : [];
  if (!entry) {
    // As auditDenied writes it, with the ip already read (this also runs outside a request).
    await writeAudit(db(), { actor, action: "access.denied", outcome: "denied", meta: { what: permission, roles: actor.roles, entryId }, ip });
    return null;
  }
  let bytes: Buffer;
  try {
    bytes = await readStoredBytes(entry.stored);
  } catch (error) {
    console.error(`归档文件缺失：dossier_entry ${entry.id}`, error);
    return "missing";
  }
  if (sha256Of(bytes) !== entry.sha256) {
    console.error(`归档文件校验失败：dossier_entry ${entry.id}`);
    return "corrupt";
  }
  await writeAudit(db(), {
    actor, action: "dossier.downloaded", entityType: "dossier_entry", entityId: entry.id,
    meta: { organisationId, year: entry.year, unit: entry.name, route: route.kind }, ip,
  });
  return { bytes, filename: `${entry.name ?? "受评单位"}${entry.year}年度政务诚信评价报告（归档）.docx`, entryId: entry.id };
}
