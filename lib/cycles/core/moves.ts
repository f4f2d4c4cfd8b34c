import { writeAudit } from "@/lib/audit/mutations";
import { now } from "@/lib/clock";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { ENTITY, lockCycle, parseInput, type ActingUser } from "../lock";
import { notifyCollectionOpened } from "../notices";
import { closeCollectionSchema, versionedSchema, type CloseCollectionInput, type VersionedInput } from "../schema";
import { collectionGaps, loadSetup } from "../setup";
import { closeCollectionBlockers, describeGaps, openCollectionBlockers, type CollectionGaps } from "../workflow";
import type { Ip, Versioned } from "./cycle";

/* The moves built so far: draft → collecting → scoring (lib/cycles/workflow.ts has the rules). */

/** draft → collecting: every blocking problem listed; a draft submission per source; everyone told. */
export async function openCollection(
  client: PrismaClient,
  actor: ActingUser,
  input: VersionedInput,
  ip: Ip = null,
): Promise<Versioned & { submissions: number; notified: number }> {
  const data = parseInput(versionedSchema, input);
  return client.$transaction(async (tx) => {
    const cycle = await lockCycle(tx, data.cycleId, data.expectedVersion);
    const setup = await loadSetup(tx, cycle.id);
    if (!setup) throw new AppError("NOT_FOUND");
    const blockers = openCollectionBlockers(setup);
    if (blockers.length > 0) {
      throw new AppError("CONFLICT", `还不能开始数据归集：共${blockers.length}个问题需要先解决`, { blockers: blockers.map((b) => b.message) });
    }
    const openedAt = now();
    await tx.cycle.update({ where: { id: cycle.id }, data: { status: "collecting", openedAt } });
    const sourceIds = [...new Set(setup.assignments.map((a) => a.sourceOrgId))];
    const created = await tx.submission.createMany({ data: sourceIds.map((sourceOrgId) => ({ cycleId: cycle.id, sourceOrgId })), skipDuplicates: true });
    const notified = await notifyCollectionOpened(tx, cycle, sourceIds);
    const units = Object.values(setup.unitCounts).reduce((sum, n) => sum + (n ?? 0), 0);
    await writeAudit(tx, {
      actor, action: "cycle.collection_opened", entityType: ENTITY, entityId: cycle.id,
      before: { status: "draft" }, after: { status: "collecting", openedAt, version: cycle.version },
      meta: { units, sources: sourceIds.length, submissions: created.count, notified, collectionDeadline: cycle.collectionDeadline }, ip,
    });
    return { version: cycle.version, submissions: created.count, notified };
  }, { timeout: 60_000 });
}

/** collecting → scoring: the gaps are computed in the transaction; closing with gaps needs a reason. */
export async function closeCollection(
  client: PrismaClient,
  actor: ActingUser,
  input: CloseCollectionInput,
  ip: Ip = null,
  /** Runs in the same transaction after the move (the app records bad records for parties urged and still late). */
  afterClose?: (tx: Tx, cycleId: string, closedAt: Date) => Promise<unknown>,
): Promise<Versioned & { gaps: CollectionGaps }> {
  const data = parseInput(closeCollectionSchema, input);
  return client.$transaction(async (tx) => {
    const cycle = await lockCycle(tx, data.cycleId, data.expectedVersion);
    if (cycle.status !== "collecting") {
      throw new AppError("CONFLICT", closeCollectionBlockers({ status: cycle.status, gaps: NO_GAPS }).join("；"));
    }
    const gaps = await collectionGaps(tx, cycle.id);
    const problems = closeCollectionBlockers({ status: cycle.status, gaps, reason: data.reason });
    if (problems.length > 0) throw new AppError("INVALID", problems.join("；"), { reason: problems });
    const closedAt = now();
    await tx.cycle.update({ where: { id: cycle.id }, data: { status: "scoring", closedAt, closeReason: data.reason ?? null } });
    await afterClose?.(tx, cycle.id, closedAt);
    await writeAudit(tx, {
      actor, action: "cycle.collection_closed", entityType: ENTITY, entityId: cycle.id,
      before: { status: "collecting" }, after: { status: "scoring", closedAt, version: cycle.version },
      meta: {
        reason: data.reason ?? null, summary: describeGaps(gaps), missingCells: gaps.missingCells,
        unitsWithGaps: gaps.unitsWithGaps, late: gaps.lateSources,
      },
      ip,
    });
    return { version: cycle.version, gaps };
  }, { timeout: 60_000 });
}

const NO_GAPS: CollectionGaps = { lateSources: [], missingCells: 0, unitsWithGaps: 0 };
