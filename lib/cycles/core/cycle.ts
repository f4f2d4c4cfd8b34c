import { writeAudit } from "@/lib/audit/mutations";
import { defaultDeadlines } from "@/lib/collection/deadline";
import type { PrismaClient } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { ENTITY, lockCycle, parseInput, type ActingUser } from "../lock";
import {
  createCycleSchema, defaultCycleName, setCycleSchemeSchema, updateCycleSchema,
  type CreateCycleInput, type SetCycleSchemeInput, type UpdateCycleInput,
} from "../schema";
import { schemeLabel } from "../setup";
import { setupLockedReason } from "../workflow";

/*
 * A cycle's set-up: create, name and deadlines, the scheme per unit kind. Each core command takes
 * the database client and the acting user explicitly (lib/cycles/mutations.ts binds the app's
 * client), validates with the form's schema, and runs as one transaction with its audit row, after
 * lockCycle (optimistic lock on cycle.version).
 */

export type Ip = string | null;
export type Versioned = { version: number };

export async function createCycle(client: PrismaClient, actor: ActingUser, input: CreateCycleInput, ip: Ip = null): Promise<{ id: string }> {
  const data = parseInput(createCycleSchema, input);
  const defaults = defaultDeadlines(data.year);
  const values = {
    year: data.year,
    name: data.name ?? defaultCycleName(data.year),
    collectionDeadline: data.collectionDeadline ?? defaults.collectionDeadline,
    commitmentsDeadline: data.commitmentsDeadline ?? defaults.commitmentsDeadline,
  };
  if (values.commitmentsDeadline > values.collectionDeadline) {
    throw new AppError("INVALID", "政务承诺截止日期不能晚于数据归集截止日期", { commitmentsDeadline: ["政务承诺截止日期不能晚于数据归集截止日期"] });
  }
  return client.$transaction(async (tx) => {
    const created = await tx.cycle.create({ data: { ...values, createdById: actor?.id ?? null }, select: { id: true } });
    await writeAudit(tx, { actor, action: "cycle.created", entityType: ENTITY, entityId: created.id, after: { ...values, status: "draft" }, ip });
    return created;
  });
}

/** Name and deadlines; while collecting only the deadlines (an extension is audited as one). */
export async function updateCycle(client: PrismaClient, actor: ActingUser, input: UpdateCycleInput, ip: Ip = null): Promise<Versioned> {
  const data = parseInput(updateCycleSchema, input);
  return client.$transaction(async (tx) => {
    const cycle = await lockCycle(tx, data.cycleId, data.expectedVersion);
    const before = { name: cycle.name, collectionDeadline: cycle.collectionDeadline, commitmentsDeadline: cycle.commitmentsDeadline };
    const after = { name: data.name, collectionDeadline: data.collectionDeadline, commitmentsDeadline: data.commitmentsDeadline };
    const deadlinesChanged = before.collectionDeadline !== after.collectionDeadline || before.commitmentsDeadline !== after.commitmentsDeadline;
    const locked = [
      before.name !== after.name ? setupLockedReason(cycle.status, "name") : null,
      deadlinesChanged ? setupLockedReason(cycle.status, "deadlines") : null,
    ].filter((m): m is string => m !== null);
    if (locked.length > 0) throw new AppError("CONFLICT", locked.join("；"));
    await tx.cycle.update({ where: { id: cycle.id }, data: after });
    const extension = cycle.status === "collecting" && deadlinesChanged;
    await writeAudit(tx, {
      actor, action: extension ? "cycle.deadlines_extended" : "cycle.updated", entityType: ENTITY, entityId: cycle.id,
      before: { ...before, version: cycle.version - 1 }, after: { ...after, version: cycle.version }, meta: { status: cycle.status }, ip,
    });
    return { version: cycle.version };
  });
}

/** The published scheme version for one unit kind (or none); assignments of a version no longer used go. */
export async function setCycleScheme(client: PrismaClient, actor: ActingUser, input: SetCycleSchemeInput, ip: Ip = null): Promise<Versioned> {
  const data = parseInput(setCycleSchemeSchema, input);
  return client.$transaction(async (tx) => {
    const cycle = await lockCycle(tx, data.cycleId, data.expectedVersion, "schemes");
    const kindLabel = UNIT_KIND_LABELS[data.unitKind];
    const previous = await tx.cycleScheme.findUnique({
      where: { cycleId_unitKind: { cycleId: cycle.id, unitKind: data.unitKind } },
      select: { schemeVersion: { select: { id: true, code: true, version: true } } },
    });
    let chosen: { id: string; code: string; version: number } | null = null;
    if (data.schemeVersionId) {
      const version = await tx.schemeVersion.findUnique({ where: { id: data.schemeVersionId }, select: { id: true, code: true, version: true, status: true, document: true } });
      if (!version) throw new AppError("INVALID", "未找到该指标体系版本", { schemeVersionId: ["未找到该指标体系版本"] });
      if (version.status !== "published") {
        throw new AppError("CONFLICT", `${schemeLabel(version)}是草稿，评价周期只能使用已发布的版本`, { schemeVersionId: ["只能选择已发布的版本"] });
      }
      const kinds = ((version.document as { unitKinds?: unknown }).unitKinds ?? []) as unknown[];
      if (!kinds.includes(data.unitKind)) {
        throw new AppError("CONFLICT", `${schemeLabel(version)}不适用于${kindLabel}`, { schemeVersionId: [`该版本不适用于${kindLabel}`] });
      }
      chosen = { id: version.id, code: version.code, version: version.version };
      await tx.cycleScheme.upsert({
        where: { cycleId_unitKind: { cycleId: cycle.id, unitKind: data.unitKind } },
        create: { cycleId: cycle.id, unitKind: data.unitKind, schemeVersionId: version.id },
        update: { schemeVersionId: version.id },
      });
    } else {
      await tx.cycleScheme.deleteMany({ where: { cycleId: cycle.id, unitKind: data.unitKind } });
    }
    const inUse = await tx.cycleScheme.findMany({ where: { cycleId: cycle.id }, select: { schemeVersionId: true } });
    const removed = await tx.sourceAssignment.deleteMany({ where: { cycleId: cycle.id, schemeVersionId: { notIn: inUse.map((s) => s.schemeVersionId) } } });
    await writeAudit(tx, {
      actor, action: "cycle.scheme_set", entityType: ENTITY, entityId: cycle.id,
      before: { unitKind: data.unitKind, scheme: previous ? schemeLabel(previous.schemeVersion) : null },
      after: { unitKind: data.unitKind, scheme: chosen ? schemeLabel(chosen) : null, schemeVersionId: chosen?.id ?? null },
      meta: { assignmentsRemoved: removed.count }, ip,
    });
    return { version: cycle.version };
  });
}
