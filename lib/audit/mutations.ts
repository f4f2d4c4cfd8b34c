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

function json(value: unknown) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** Appends one audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
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
    },
  });
}
