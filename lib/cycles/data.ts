import "server-only";
import { db } from "@/lib/db/client";
import type { UnitKind } from "@/lib/orgs/kinds";
import type { Prisma } from "@/prisma/generated/client/client";
import { CYCLE_PAGE_SIZE, UNIT_PAGE_SIZE, type CycleListQuery, type EnrolledListQuery } from "./schema";
import { assignmentsOf, collectionGaps, loadSetup, schemesOfCycle, unitCountsOf, type SchemeOfKind } from "./setup";
import { openCollectionBlockers, type AssignmentData, type Blocker, type CollectionGaps, type CycleState } from "./workflow";

/* Reads for the office's cycle pages (the pages check "manage:cycles:any" first). */

export { collectionGaps, schemeLabel } from "./setup";

export type CycleRow = {
  id: string; year: number; name: string; status: CycleState; collectionDeadline: string; commitmentsDeadline: string;
  createdAt: Date; units: number; schemes: number; sources: number;
};

export async function listCycles(query: CycleListQuery): Promise<{ rows: CycleRow[]; total: number }> {
  const where: Prisma.CycleWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}),
  };
  const [cycles, total] = await Promise.all([
    db().cycle.findMany({
      where,
      select: {
        id: true, year: true, name: true, status: true, collectionDeadline: true, commitmentsDeadline: true, createdAt: true,
        _count: { select: { units: true, schemes: true } },
      },
      orderBy: [{ [query.sort]: query.order }, { createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * CYCLE_PAGE_SIZE,
      take: CYCLE_PAGE_SIZE,
    }),
    db().cycle.count({ where }),
  ]);
  const ids = cycles.map((c) => c.id);
  const sources = ids.length
    ? await db().$queryRaw<{ cycleId: string; n: number }[]>`
        SELECT cycle_id AS "cycleId", count(DISTINCT source_org_id)::int AS n
        FROM source_assignment WHERE cycle_id = ANY(${ids}) GROUP BY cycle_id`
    : [];
  const rows = cycles.map(({ _count, ...c }) => ({
    ...c,
    units: _count.units,
    schemes: _count.schemes,
    sources: sources.find((s) => s.cycleId === c.id)?.n ?? 0,
  }));
  return { rows, total };
}

export type CycleOverview = {
  cycle: {
    id: string; year: number; name: string; status: CycleState; version: number;
    collectionDeadline: string; commitmentsDeadline: string;
    openedAt: Date | null; closedAt: Date | null; closeReason: string | null; createdAt: Date;
  };
  unitCounts: Partial<Record<UnitKind, number>>;
  schemes: SchemeOfKind[];
  sources: { id: string; name: string }[];
  assignmentCount: number;
  blockers: Blocker[];
  submissions: Record<"draft" | "submitted" | "returned", number>;
};

export async function cycleOverview(id: string): Promise<CycleOverview | null> {
  const cycle = await db().cycle.findUnique({
    where: { id },
    select: {
      id: true, year: true, name: true, status: true, version: true, collectionDeadline: true, commitmentsDeadline: true,
      openedAt: true, closedAt: true, closeReason: true, createdAt: true,
    },
  });
  if (!cycle) return null;
  const [setup, submissionGroups] = await Promise.all([
    loadSetup(db(), id),
    db().submission.groupBy({ by: ["status"], where: { cycleId: id }, _count: { _all: true } }),
  ]);
  if (!setup) return null;
  const sources = new Map<string, string>();
  for (const a of setup.assignments) sources.set(a.sourceOrgId, a.sourceName);
  const submissions = { draft: 0, submitted: 0, returned: 0 };
  for (const g of submissionGroups) submissions[g.status] = g._count._all;
  return {
    cycle,
    unitCounts: setup.unitCounts,
    schemes: setup.schemes,
    sources: [...sources].map(([sourceId, name]) => ({ id: sourceId, name })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    assignmentCount: setup.assignments.length,
    blockers: cycle.status === "draft" ? openCollectionBlockers(setup) : [],
    submissions,
  };
}

/** The gaps shown before closing collection (computed on request: it scans every cell). */
export async function gapsOf(cycleId: string): Promise<CollectionGaps> {
  return collectionGaps(db(), cycleId);
}

/** The cycle's head, for the setup pages' titles and version fields. */
export async function cycleHead(id: string) {
  return db().cycle.findUnique({ where: { id }, select: { id: true, year: true, name: true, status: true, version: true } });
}

// ---- Enrolled units ----------------------------------------------------------------------------

export type EnrolledRow = {
  organisationId: string; name: string; shortName: string | null; uscc: string; kind: UnitKind;
  parentName: string | null; active: boolean; enrolledAt: Date; cursor: string;
};

function enrolledWhere(cycleId: string, query: EnrolledListQuery): Prisma.CycleUnitWhereInput {
  const where: Prisma.CycleUnitWhereInput = { cycleId };
  if (query.kind) where.unitKind = query.kind;
  if (query.q) {
    where.organisation = {
      OR: [
        { name: { contains: query.q, mode: "insensitive" } },
        { shortName: { contains: query.q, mode: "insensitive" } },
        { uscc: { startsWith: query.q.toUpperCase() } },
      ],
    };
  }
  return where;
}

const enrolledSelect = {
  id: true, unitKind: true, createdAt: true,
  organisation: { select: { id: true, name: true, shortName: true, uscc: true, active: true, parent: { select: { name: true } } } },
} satisfies Prisma.CycleUnitSelect;

function toEnrolled(row: Prisma.CycleUnitGetPayload<{ select: typeof enrolledSelect }>): EnrolledRow {
  const o = row.organisation;
  return {
    organisationId: o.id, name: o.name, shortName: o.shortName, uscc: o.uscc, kind: row.unitKind,
    parentName: o.parent?.name ?? null, active: o.active, enrolledAt: row.createdAt, cursor: row.id,
  };
}

function enrolledOrder(query: EnrolledListQuery): Prisma.CycleUnitOrderByWithRelationInput[] {
  const by: Record<EnrolledListQuery["sort"], Prisma.CycleUnitOrderByWithRelationInput> = {
    name: { organisation: { name: query.order } },
    uscc: { organisation: { uscc: query.order } },
    kind: { unitKind: query.order },
    enrolledAt: { createdAt: query.order },
  };
  return [by[query.sort], { id: "asc" }];
}

export async function listEnrolledUnits(cycleId: string, query: EnrolledListQuery): Promise<{ rows: EnrolledRow[]; total: number }> {
  const where = enrolledWhere(cycleId, query);
  const [rows, total] = await Promise.all([
    db().cycleUnit.findMany({ where, select: enrolledSelect, orderBy: enrolledOrder(query), skip: (query.page - 1) * UNIT_PAGE_SIZE, take: UNIT_PAGE_SIZE }),
    db().cycleUnit.count({ where }),
  ]);
  return { rows: rows.map(toEnrolled), total };
}

/** Every enrolled unit of a filter, in keyset batches, for the Excel export. */
export async function* enrolledUnitsForExport(cycleId: string, query: EnrolledListQuery, batch = 2000): AsyncGenerator<EnrolledRow[]> {
  const where = enrolledWhere(cycleId, query);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db().cycleUnit.findMany({
      where, select: enrolledSelect, orderBy: { id: "asc" }, take: batch,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    yield rows.map(toEnrolled);
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < batch) return;
  }
}

// ---- Schemes and assignments -------------------------------------------------------------------

export type PublishedSchemeOption = { id: string; code: string; version: number; name: string; unitKinds: UnitKind[] };

/** Published versions with the unit kinds they are written for (read from the document in SQL). */
export async function publishedSchemeOptions(): Promise<PublishedSchemeOption[]> {
  return db().$queryRaw<PublishedSchemeOption[]>`
    SELECT id, code, version, name, COALESCE(ARRAY(SELECT jsonb_array_elements_text(document->'unitKinds')), '{}') AS "unitKinds"
    FROM scheme_version WHERE status = 'published' ORDER BY code, version DESC`;
}

export async function cycleSchemes(cycleId: string): Promise<SchemeOfKind[]> {
  return schemesOfCycle(db(), cycleId);
}

export async function cycleUnitCounts(cycleId: string): Promise<Partial<Record<UnitKind, number>>> {
  return unitCountsOf(db(), cycleId);
}

export async function cycleAssignments(cycleId: string): Promise<AssignmentData[]> {
  return assignmentsOf(db(), cycleId);
}

export type SourceOption = { id: string; name: string; shortName: string | null };

/** Active source departments (a few dozen to a few hundred), for the assignment pickers. */
export async function sourceOptions(): Promise<SourceOption[]> {
  return db().organisation.findMany({
    where: { active: true, roles: { has: "source" } },
    select: { id: true, name: true, shortName: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
