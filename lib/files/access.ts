import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { UnitDocumentKind } from "@/lib/collection/schema";
import { readStoredBytes } from "./storage";

/*
 * A file is readable by whoever may read the data it belongs to (spec/access.md "Files"): the
 * source organisation that uploaded it, the credit office, the unit the record, value or document
 * is about, and reviewers once the cycle is in approval or archived. Everyone else gets null (404).
 */

const REVIEWABLE = new Set(["approval", "archived"]);

export type ReadableFile = { id: string; name: string; mimeType: string; size: number; sha256: string; bytes: Buffer };

export async function mayReadEvidence(actor: Actor, id: string): Promise<boolean> {
  const evidence = await db().evidence.findUnique({
    where: { id },
    select: { ownerOrgId: true, cycleId: true, entryId: true, record: { select: { unitId: true, sourceOrgId: true } } },
  });
  if (!evidence) return false;
  const [entry, document, cycle] = await Promise.all([
    evidence.entryId ? db().factEntry.findUnique({ where: { id: evidence.entryId }, select: { unitId: true, sourceOrgId: true } }) : null,
    db().unitDocument.findFirst({ where: { evidenceId: id }, select: { unitId: true } }),
    evidence.cycleId ? db().cycle.findUnique({ where: { id: evidence.cycleId }, select: { status: true } }) : null,
  ]);
  const about = evidence.record ?? entry;
  const roles = actor.roles;
  const org = actor.organisationId;
  if (roles.includes("office")) return true;
  if (roles.includes("source") && evidence.ownerOrgId === org && (!about || about.sourceOrgId === org) && !document) return true;
  if (roles.includes("unit") && (about?.unitId === org || document?.unitId === org)) return true;
  // A unit's own uploads for its re-evaluation request (attached or not yet).
  if (roles.includes("unit") && evidence.ownerOrgId === org && !about && !document) return true;
  if (roles.includes("reviewer") && (about || document) && cycle && REVIEWABLE.has(cycle.status)) return true;
  return false;
}

/** The file's bytes and display data when the caller may read it, else null. */
export async function readableEvidence(actor: Actor, id: string): Promise<ReadableFile | null> {
  if (!(await mayReadEvidence(actor, id))) return null;
  const row = await db().evidence.findUnique({ where: { id }, select: { id: true, originalName: true, mimeType: true, size: true, sha256: true, storedName: true } });
  if (!row) return null;
  const bytes = await readStoredBytes(row.storedName).catch(() => null);
  if (!bytes) return null;
  return { id: row.id, name: row.originalName, mimeType: row.mimeType, size: row.size, sha256: row.sha256, bytes };
}

export type UnitDocumentVersion = { id: string; evidenceId: string; name: string; size: number; note: string | null; createdAt: Date; uploaderName: string | null };

/** Every version of the caller's own self-assessment and commitments in a cycle, newest first. */
export async function unitDocuments(actor: Actor, cycleId: string): Promise<Record<UnitDocumentKind, UnitDocumentVersion[]>> {
  const rows = await db().unitDocument.findMany({ where: { cycleId, unitId: actor.organisationId }, orderBy: { createdAt: "desc" } });
  const [files, users] = await Promise.all([
    db().evidence.findMany({ where: { id: { in: rows.map((r) => r.evidenceId) } }, select: { id: true, originalName: true, size: true } }),
    db().user.findMany({ where: { id: { in: rows.flatMap((r) => (r.uploadedById ? [r.uploadedById] : [])) } }, select: { id: true, displayName: true } }),
  ]);
  const out: Record<UnitDocumentKind, UnitDocumentVersion[]> = { self_assessment: [], commitments: [] };
  for (const row of rows) {
    const file = files.find((f) => f.id === row.evidenceId);
    out[row.kind].push({
      id: row.id,
      evidenceId: row.evidenceId,
      name: file?.originalName ?? "—",
      size: file?.size ?? 0,
      note: row.note,
      createdAt: row.createdAt,
      uploaderName: users.find((u) => u.id === row.uploadedById)?.displayName ?? null,
    });
  }
  return out;
}
