import type { Tx } from "@/lib/db/prisma";
import type { AuditActor } from "@/lib/auth/actor";

export type AuditEntry = {
  actor: AuditActor;
  action: string;
  entityType?: string;
  entityId?: string;
  outcome?: "ok" | "denied" | "failed";
  before?: unknown;
  after?: unknown;
  meta?: Record<string, unknown>;
  ip?: string | null;
};

type AuditWriter = Pick<Tx, "auditLog">;

const BATCH = 2000;

function json(value: unknown) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** The audit_log row of an entry (also written by plain SQL where a run holds its own connection). */
export function auditRow(entry: AuditEntry) {
  return {
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.displayName ?? null,
    actorOrgId: entry.actor?.organisationId ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    outcome: entry.outcome ?? "ok",
    before: json(entry.before),
    after: json(entry.after),
    meta: json(entry.meta),
    ip: entry.ip ?? null,
  };
}

/** Appends one audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: auditRow(entry) });
}

/**
 * Many audit rows in a few INSERTs inside the caller's transaction (a bulk import of 10,000 units
 * would otherwise take 10,000 round trips).
 */
export async function writeAuditMany(tx: AuditWriter, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH) {
    await tx.auditLog.createMany({ data: entries.slice(i, i + BATCH).map(auditRow) });
  }
}
