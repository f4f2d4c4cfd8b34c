import { writeAudit } from "@/lib/audit/mutations";
import type { PrismaClient } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/prisma/generated/client/client";
import { ENTITY, lockCycle, parseInput, type ActingUser } from "../lock";
import { enrolUnitsSchema, unenrolUnitsSchema, type EnrolTarget, type EnrolUnitsInput, type UnenrolUnitsInput } from "../schema";

/*
 * Enrolment is set-based: one INSERT … SELECT per request whatever the number of units (a province
 * enrols 50,000 at once), idempotent through the (cycle, organisation) unique key. Only active
 * organisations holding the "evaluated" role are enrolled.
 */

export type EnrolOutcome = { version: number; added: number; alreadyEnrolled: number; skipped: number };

const ELIGIBLE = Prisma.sql`o.active AND 'evaluated' = ANY(o.roles)`;

/** The candidate organisations of a target, as a FROM clause over `organisation o`. */
function candidates(target: EnrolTarget): Prisma.Sql {
  switch (target.by) {
    case "kind":
      return Prisma.sql`organisation o WHERE o.kind = ${target.kind}::"UnitKind"`;
    case "subtree":
      return Prisma.sql`(
        WITH RECURSIVE tree AS (
          SELECT id FROM organisation WHERE id = ${target.rootId}
          UNION ALL
          SELECT c.id FROM organisation c JOIN tree t ON c.parent_id = t.id
        ) SELECT org.* FROM organisation org JOIN tree ON tree.id = org.id
      ) o WHERE TRUE`;
    case "ids":
      return Prisma.sql`organisation o WHERE o.id = ANY(${target.ids})`;
  }
}

/** Explicitly chosen organisations must all be enrollable: the refusal names each one that is not. */
async function checkExplicit(tx: Tx, ids: string[]): Promise<void> {
  const orgs = await tx.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, active: true, roles: true } });
  const problems: string[] = [];
  for (const id of new Set(ids)) {
    const org = orgs.find((o) => o.id === id);
    if (!org) problems.push(`未找到单位（${id}）`);
    else if (!org.active) problems.push(`${org.name}已停用，不能纳入评价`);
    else if (!org.roles.includes("evaluated")) problems.push(`${org.name}不是受评单位（单位角色中没有“受评单位”）`);
  }
  if (problems.length > 0) throw new AppError("INVALID", problems.length === 1 ? problems[0]! : `有${problems.length}个单位不能纳入评价`, { ids: problems });
}

export async function enrolUnits(client: PrismaClient, actor: ActingUser, input: EnrolUnitsInput, ip: string | null = null): Promise<EnrolOutcome> {
  const data = parseInput(enrolUnitsSchema, input);
  const target = data.target;
  return client.$transaction(async (tx) => {
    const cycle = await lockCycle(tx, data.cycleId, data.expectedVersion, "units");
    if (target.by === "ids") await checkExplicit(tx, target.ids);
    if (target.by === "subtree" && (await tx.organisation.count({ where: { id: target.rootId } })) === 0) {
      throw new AppError("INVALID", "未找到该单位", { rootId: ["未找到该单位"] });
    }
    const from = candidates(target);
    const [counts] = await tx.$queryRaw<{ total: number; eligible: number }[]>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE ${ELIGIBLE})::int AS eligible FROM ${from}`;
    const added = await tx.$executeRaw`
      INSERT INTO cycle_unit (id, cycle_id, organisation_id, unit_kind)
      SELECT gen_random_uuid()::text, ${cycle.id}, o.id, o.kind FROM ${from} AND ${ELIGIBLE}
      ON CONFLICT (cycle_id, organisation_id) DO NOTHING`;
    const outcome = { added, alreadyEnrolled: (counts?.eligible ?? 0) - added, skipped: (counts?.total ?? 0) - (counts?.eligible ?? 0) };
    await writeAudit(tx, {
      actor, action: "cycle.units_enrolled", entityType: ENTITY, entityId: cycle.id,
      after: { version: cycle.version }, meta: { target, ...outcome }, ip,
    });
    return { version: cycle.version, ...outcome };
  }, { timeout: 60_000 });
}

export async function unenrolUnits(client: PrismaClient, actor: ActingUser, input: UnenrolUnitsInput, ip: string | null = null): Promise<{ version: number; removed: number }> {
  const data = parseInput(unenrolUnitsSchema, input);
  const target = data.target;
  return client.$transaction(async (tx) => {
    const cycle = await lockCycle(tx, data.cycleId, data.expectedVersion, "units");
    const removed = await tx.cycleUnit.deleteMany({
      where: { cycleId: cycle.id, ...(target.by === "kind" ? { unitKind: target.kind } : { organisationId: { in: target.ids } }) },
    });
    await writeAudit(tx, {
      actor, action: "cycle.units_removed", entityType: ENTITY, entityId: cycle.id,
      after: { version: cycle.version }, meta: { target, removed: removed.count }, ip,
    });
    return { version: cycle.version, removed: removed.count };
  }, { timeout: 60_000 });
}
