import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/prisma/generated/client/client";

/** One cell of a source's answers: the unique key of fact_entry. */
export type CellKey = { cycleId: string; sourceOrgId: string; unitId: string; indicatorCode: string; subKey: string };
export type EntryData = { answer: "value" | "none" | "not_applicable"; value: Prisma.InputJsonValue | typeof Prisma.DbNull };

/**
 * Writes a cell's answer with optimistic locking (expectedVersion 0 = no answer yet): the source's
 * own answer (mutations.ts) and the office's correction of it (corrections.ts). A stale version, or
 * a concurrent first answer, is refused with STALE.
 */
export async function writeEntry(tx: Tx, actorId: string, where: CellKey, expectedVersion: number, data: EntryData) {
  const before = await tx.factEntry.findUnique({ where: { cycleId_sourceOrgId_unitId_indicatorCode_subKey: where } });
  if ((before?.version ?? 0) !== expectedVersion) throw new AppError("STALE");
  if (!before) {
    try {
      return { before: null, after: await tx.factEntry.create({ data: { ...where, ...data, updatedById: actorId } }) };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("STALE");
      throw error;
    }
  }
  const updated = await tx.factEntry.updateMany({
    where: { id: before.id, version: expectedVersion },
    data: { ...data, updatedById: actorId, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new AppError("STALE");
  return { before, after: await tx.factEntry.findUniqueOrThrow({ where: { id: before.id } }) };
}
