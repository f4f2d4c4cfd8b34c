import { now } from "@/lib/clock";
import { isPastDeadline } from "@/lib/collection/deadline";
import { reportingSlots, type ReportingSlot } from "@/lib/collection/slots";
import type { Tx } from "@/lib/db/prisma";
import type { UnitKind } from "@/lib/orgs/kinds";
import { readStoredDocument } from "@/lib/schemes/document";
import { Prisma } from "@/prisma/generated/client/client";
import type { AssignmentData, CollectionGaps, LateSource, SchemeInUse, SetupData, SubmissionState } from "./workflow";

/*
 * What the guards need, read the same way by the pages (to show the checklist) and by the
 * mutations inside their transaction (to decide). Counts and gaps are SQL aggregates: a province
 * enrols 50,000 units, and no unit row is read into memory here.
 */

type Reader = Tx;

export function schemeLabel(v: { code: string; version: number }): string {
  return `${v.code} 第${v.version}版`;
}

export type SchemeOfKind = SchemeInUse & { code: string; version: number; name: string; fullSlots: ReportingSlot[] };

/** The scheme chosen for each unit kind, with its reporting slots. */
export async function schemesOfCycle(client: Reader, cycleId: string): Promise<SchemeOfKind[]> {
  const rows = await client.cycleScheme.findMany({
    where: { cycleId },
    select: { unitKind: true, schemeVersion: { select: { id: true, code: true, version: true, name: true, status: true, document: true } } },
    orderBy: { unitKind: "asc" },
  });
  const parsed = new Map<string, ReturnType<typeof readStoredDocument>>();
  return rows.map(({ unitKind, schemeVersion: v }) => {
    const document = parsed.get(v.id) ?? readStoredDocument(v.document);
    parsed.set(v.id, document);
    const fullSlots = reportingSlots(document);
    return {
      unitKind,
      schemeVersionId: v.id,
      code: v.code,
      version: v.version,
      name: v.name,
      label: schemeLabel(v),
      published: v.status === "published",
      unitKinds: document.unitKinds,
      slots: fullSlots.map(({ indicatorCode, subKey, name, mode }) => ({ indicatorCode, subKey, name, mode })),
      fullSlots,
    };
  });
}

export async function unitCountsOf(client: Reader, cycleId: string): Promise<Partial<Record<UnitKind, number>>> {
  const groups = await client.cycleUnit.groupBy({ by: ["unitKind"], where: { cycleId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.unitKind, g._count._all]));
}

export async function assignmentsOf(client: Reader, cycleId: string): Promise<AssignmentData[]> {
  const rows = await client.sourceAssignment.findMany({
    where: { cycleId },
    select: {
      schemeVersionId: true, indicatorCode: true, subKey: true, sourceOrgId: true, lead: true,
      sourceOrg: { select: { name: true, shortName: true, active: true, roles: true } },
    },
    orderBy: [{ indicatorCode: "asc" }, { subKey: "asc" }, { lead: "desc" }],
  });
  return rows.map(({ sourceOrg, ...a }) => ({
    ...a,
    sourceName: sourceOrg.shortName ?? sourceOrg.name,
    sourceUsable: sourceOrg.active && sourceOrg.roles.includes("source"),
  }));
}

/** Everything openCollectionBlockers needs, or null when there is no such cycle. */
export async function loadSetup(client: Reader, cycleId: string): Promise<(SetupData & { schemes: SchemeOfKind[] }) | null> {
  const cycle = await client.cycle.findUnique({ where: { id: cycleId }, select: { status: true, collectionDeadline: true } });
  if (!cycle) return null;
  const [unitCounts, schemes, assignments] = await Promise.all([
    unitCountsOf(client, cycleId),
    schemesOfCycle(client, cycleId),
    assignmentsOf(client, cycleId),
  ]);
  const deadlinePassed = isPastDeadline(cycle.collectionDeadline, now());
  return { status: cycle.status, deadlinePassed, unitCounts, schemes, assignments };
}

/*
 * The cells of a cycle are (enrolled unit × slot of its kind's scheme); the slots are those of the
 * assignments, which opening collection made complete and froze. A cell is answered when any
 * source assigned to that slot has a fact entry for the unit.
 */
function missingCells(cycleId: string): Prisma.Sql {
  return Prisma.sql`
    slot AS (
      SELECT DISTINCT scheme_version_id, indicator_code, sub_key FROM source_assignment WHERE cycle_id = ${cycleId}
    ),
    missing AS (
      SELECT u.organisation_id AS unit_id, s.scheme_version_id, s.indicator_code, s.sub_key
      FROM cycle_unit u
      JOIN cycle_scheme cs ON cs.cycle_id = u.cycle_id AND cs.unit_kind = u.unit_kind
      JOIN slot s ON s.scheme_version_id = cs.scheme_version_id
      WHERE u.cycle_id = ${cycleId}
        AND NOT EXISTS (
          SELECT 1 FROM fact_entry f
          JOIN source_assignment a ON a.cycle_id = f.cycle_id AND a.source_org_id = f.source_org_id
            AND a.scheme_version_id = s.scheme_version_id AND a.indicator_code = f.indicator_code AND a.sub_key = f.sub_key
          WHERE f.cycle_id = ${cycleId} AND f.unit_id = u.organisation_id
            AND f.indicator_code = s.indicator_code AND f.sub_key = s.sub_key
        )
    )`;
}

type LateRow = { sourceOrgId: string; name: string; status: string; missingCells: number };

/** What is still missing: sources not submitted (or with unanswered cells) and unanswered cells. */
export async function collectionGaps(client: Reader, cycleId: string): Promise<CollectionGaps> {
  const [totals] = await client.$queryRaw<{ cells: number; units: number }[]>`
    WITH ${missingCells(cycleId)}
    SELECT count(*)::int AS cells, count(DISTINCT unit_id)::int AS units FROM missing`;
  const late = await client.$queryRaw<LateRow[]>`
    WITH ${missingCells(cycleId)},
    per_source AS (
      SELECT a.source_org_id, count(*)::int AS cells
      FROM missing m
      JOIN source_assignment a ON a.cycle_id = ${cycleId} AND a.scheme_version_id = m.scheme_version_id
        AND a.indicator_code = m.indicator_code AND a.sub_key = m.sub_key
      GROUP BY a.source_org_id
    ),
    src AS (SELECT DISTINCT source_org_id FROM source_assignment WHERE cycle_id = ${cycleId})
    SELECT src.source_org_id AS "sourceOrgId", COALESCE(o.short_name, o.name) AS name,
      COALESCE(sub.status::text, 'missing') AS status, COALESCE(ps.cells, 0)::int AS "missingCells"
    FROM src
    JOIN organisation o ON o.id = src.source_org_id
    LEFT JOIN submission sub ON sub.cycle_id = ${cycleId} AND sub.source_org_id = src.source_org_id
    LEFT JOIN per_source ps ON ps.source_org_id = src.source_org_id
    WHERE sub.status IS DISTINCT FROM 'submitted' OR COALESCE(ps.cells, 0) > 0
    ORDER BY o.name, o.id`;
  const lateSources: LateSource[] = late.map((r) => ({ ...r, status: r.status as SubmissionState }));
  return { lateSources, missingCells: totals?.cells ?? 0, unitsWithGaps: totals?.units ?? 0 };
}
