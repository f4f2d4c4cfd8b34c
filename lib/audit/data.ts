import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/prisma/generated/client/client";

export const AUDIT_PAGE_SIZE = 50;

export const auditFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  action: z.string().trim().max(60).optional().catch(undefined),
  outcome: z.enum(["ok", "denied", "failed"]).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  order: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Calendar dates are Beijing dates: 2026-11-21 means [00:00, 24:00) +08:00. */
function auditWhere(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00+08:00`);
  if (filter.to) at.lt = new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000);
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.from || filter.to ? { at } : {}),
    ...(filter.q
      ? {
          OR: [
            { actorName: { contains: filter.q, mode: "insensitive" } },
            { entityId: filter.q },
            { ip: filter.q },
          ],
        }
      : {}),
  };
}

export type AuditRow = {
  id: string;
  at: Date;
  actorName: string | null;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  detail: string;
};

function toRow(r: { id: bigint; at: Date; actorName: string | null; action: string; outcome: string; entityType: string | null; entityId: string | null; ip: string | null; meta: unknown; before: unknown; after: unknown }): AuditRow {
  const detail = [r.meta, r.before, r.after]
    .filter((v) => v !== null && v !== undefined)
    .map((v) => JSON.stringify(v))
    .join(" → ");
  return { ...r, id: r.id.toString(), detail };
}

export async function listAudit(filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  const where = auditWhere(filter);
  const [rows, total] = await Promise.all([
    db().auditLog.findMany({
      where,
      orderBy: [{ at: filter.order }, { id: filter.order }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db().auditLog.count({ where }),
  ]);
  return { rows: rows.map(toRow), total };
}

/** All rows of a filter, in batches, for the Excel export (never one huge query). */
export async function* auditRowsForExport(filter: AuditFilter, batch = 2000): AsyncGenerator<AuditRow[]> {
  const where = auditWhere(filter);
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db().auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      take: batch,
      ...(cursor !== undefined ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    yield rows.map(toRow);
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < batch) return;
  }
}

export async function distinctAuditActions(): Promise<string[]> {
  const rows = await db().auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
