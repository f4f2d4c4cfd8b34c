import "server-only";
import { writeAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { windowRefusal } from "@/lib/feedback/state";
import { lockSubmission, writeRefusal } from "@/lib/collection/access";
import { isPastDeadline } from "@/lib/collection/deadline";
import { UNIT_DOCUMENT_LABELS, type UnitDocumentKind } from "@/lib/collection/schema";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { checkUpload, type AcceptedUpload } from "./policy";
import { discardStored, evidenceMaxBytes, storeBytes } from "./storage";

/*
 * Uploads: the file is checked by content, written under a random name, and its row (with the
 * SHA-256) written in the same transaction as the checks that allow it; a refused or failed
 * transaction removes the bytes again.
 */

export type UploadedFile = { name: string; bytes: Uint8Array };
export type StoredEvidence = { id: string; name: string; size: number; mimeType: string; sha256: string };

function accepted(file: UploadedFile): AcceptedUpload {
  const check = checkUpload(file, evidenceMaxBytes());
  if (!check.ok) throw new AppError("INVALID", check.message, { file: [check.message] });
  return check.file;
}

async function storeThen<T>(file: UploadedFile, write: (stored: { storedName: string; sha256: string }, meta: AcceptedUpload) => Promise<T>): Promise<T> {
  const meta = accepted(file);
  const stored = await storeBytes(file.bytes);
  try {
    return await write(stored, meta);
  } catch (error) {
    await discardStored(stored.storedName);
    throw error;
  }
}

async function createEvidence(tx: Tx, actor: Actor, cycleId: string, stored: { storedName: string; sha256: string }, meta: AcceptedUpload) {
  return tx.evidence.create({
    data: { cycleId, ownerOrgId: actor.organisationId, originalName: meta.displayName, storedName: stored.storedName, mimeType: meta.mimeType, size: meta.size, sha256: stored.sha256, uploadedById: actor.id },
  });
}

/** A source's evidence file, not yet attached; addRecord/saveValue attach it. Same window as its data. */
export async function uploadEvidence(actor: Actor, input: { cycleId: string }, file: UploadedFile, ip?: string | null): Promise<StoredEvidence> {
  if (!hasPermission(actor.roles, "submit:facts:assigned")) throw new AppError("NOT_FOUND");
  const assigned = await db().sourceAssignment.count({ where: { cycleId: input.cycleId, sourceOrgId: actor.organisationId } });
  if (assigned === 0) throw new AppError("NOT_FOUND");
  return storeThen(file, (stored, meta) =>
    db().$transaction(async (tx) => {
      const { cycle, submission } = await lockSubmission(tx, input.cycleId, actor.organisationId);
      const refusal = writeRefusal(cycle, submission, now());
      if (refusal) throw new AppError("FORBIDDEN", refusal);
      const row = await createEvidence(tx, actor, cycle.id, stored, meta);
      await writeAudit(tx, { actor, action: "file.uploaded", entityType: "evidence", entityId: row.id, after: { name: row.originalName, size: row.size, mimeType: row.mimeType, sha256: row.sha256 }, meta: { cycleId: cycle.id }, ip });
      return { id: row.id, name: row.originalName, size: row.size, mimeType: row.mimeType, sha256: row.sha256 };
    }),
  );
}

/** Evidence for the unit's re-evaluation request: only while its window is open; attached when it files. */
export async function uploadRequestEvidence(actor: Actor, input: { cycleId: string }, file: UploadedFile, ip?: string | null): Promise<StoredEvidence> {
  if (!hasPermission(actor.roles, "respond:feedback:own")) throw new AppError("NOT_FOUND");
  const check = async (tx: Tx | ReturnType<typeof db>) => {
    const unit = await tx.cycleUnit.findUnique({
      where: { cycleId_organisationId: { cycleId: input.cycleId, organisationId: actor.organisationId } },
      select: { issuedAt: true, feedbackEndsAt: true, confirmedAt: true, request: { select: { status: true, filedAt: true, withdrawnAt: true, decidedAt: true } } },
    });
    if (!unit) throw new AppError("NOT_FOUND");
    const refusal = windowRefusal(unit, now());
    if (refusal) throw new AppError("FORBIDDEN", refusal);
  };
  await check(db());
  return storeThen(file, (stored, meta) =>
    db().$transaction(async (tx) => {
      await check(tx);
      const row = await createEvidence(tx, actor, input.cycleId, stored, meta);
      await writeAudit(tx, { actor, action: "file.uploaded", entityType: "evidence", entityId: row.id, after: { name: row.originalName, size: row.size, mimeType: row.mimeType, sha256: row.sha256 }, meta: { cycleId: input.cycleId, purpose: "request" }, ip });
      return { id: row.id, name: row.originalName, size: row.size, mimeType: row.mimeType, sha256: row.sha256 };
    }),
  );
}

/** The unit's own self-assessment or commitments: a new version each time, before its deadline. */
export async function uploadUnitDocument(
  actor: Actor,
  input: { cycleId: string; kind: UnitDocumentKind; note?: string | null },
  file: UploadedFile,
  ip?: string | null,
): Promise<{ documentId: string; evidence: StoredEvidence }> {
  if (!hasPermission(actor.roles, "upload:documents:own")) throw new AppError("NOT_FOUND");
  const label = UNIT_DOCUMENT_LABELS[input.kind];
  const check = async (tx: Tx | ReturnType<typeof db>) => {
    const enrolled = await tx.cycleUnit.findUnique({
      where: { cycleId_organisationId: { cycleId: input.cycleId, organisationId: actor.organisationId } },
      select: { cycle: { select: { id: true, name: true, status: true, collectionDeadline: true, commitmentsDeadline: true } } },
    });
    if (!enrolled || enrolled.cycle.status === "draft") throw new AppError("NOT_FOUND");
    const { cycle } = enrolled;
    if (cycle.status !== "collecting") throw new AppError("FORBIDDEN", `该评价周期不在数据归集阶段，不能再上传${label}`);
    const deadline = input.kind === "commitments" ? cycle.commitmentsDeadline : cycle.collectionDeadline;
    if (isPastDeadline(deadline, now())) throw new AppError("FORBIDDEN", `${label}的上传截止日期（${deadline}）已过`);
    return cycle;
  };
  await check(db());
  return storeThen(file, (stored, meta) =>
    db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM cycle WHERE id = ${input.cycleId} FOR SHARE`;
      const cycle = await check(tx);
      const evidence = await createEvidence(tx, actor, cycle.id, stored, meta);
      const document = await tx.unitDocument.create({
        data: { cycleId: cycle.id, unitId: actor.organisationId, kind: input.kind, evidenceId: evidence.id, note: input.note ?? null, uploadedById: actor.id },
      });
      await writeAudit(tx, { actor, action: "unit.document_uploaded", entityType: "unit_document", entityId: document.id, after: { kind: input.kind, name: evidence.originalName, size: evidence.size, sha256: evidence.sha256 }, meta: { cycleId: cycle.id }, ip });
      return { documentId: document.id, evidence: { id: evidence.id, name: evidence.originalName, size: evidence.size, mimeType: evidence.mimeType, sha256: evidence.sha256 } };
    }),
  );
}
