import type { z } from "zod";
import type { AuditActor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { setupLockedReason, type CycleState, type SetupPart } from "./workflow";

export const ENTITY = "cycle";

/** Who acts: a signed-in user, or null for the system (the demo seed). */
export type ActingUser = AuditActor;

export type LockedCycle = { id: string; year: number; name: string; status: CycleState; version: number; collectionDeadline: string; commitmentsDeadline: string };

/**
 * Every change to a cycle starts here: it bumps the version the caller read (optimistic lock) and
 * so takes the cycle's row lock for the rest of the transaction; concurrent changes queue behind it
 * and then find the version moved on (STALE). A refusal later in the transaction undoes the bump.
 */
export async function lockCycle(tx: Tx, cycleId: string, expectedVersion: number, part?: SetupPart): Promise<LockedCycle> {
  const bumped = await tx.cycle.updateMany({ where: { id: cycleId, version: expectedVersion }, data: { version: { increment: 1 } } });
  if (bumped.count !== 1) {
    const exists = await tx.cycle.count({ where: { id: cycleId } });
    throw new AppError(exists ? "STALE" : "NOT_FOUND");
  }
  const cycle = await tx.cycle.findUniqueOrThrow({
    where: { id: cycleId },
    select: { id: true, year: true, name: true, status: true, version: true, collectionDeadline: true, commitmentsDeadline: true },
  });
  if (part) {
    const locked = setupLockedReason(cycle.status, part);
    if (locked) throw new AppError("CONFLICT", locked);
  }
  return cycle;
}

/** Validates a mutation's input with the form's schema; every problem comes back per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  throw new AppError("INVALID", "提交的内容有误，请按提示修改", fieldErrors);
}
