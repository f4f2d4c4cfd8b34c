import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { listQuerySchema } from "@/lib/list-query";
import { UNIT_KINDS, type UnitKind } from "@/lib/orgs/kinds";
import { Prisma } from "@/prisma/generated/client/client";
import { answersSlot } from "./access";
import { loadCycleSlots, type CycleSlot, type CycleSlots } from "./cycle-slots";
import { slotKey } from "./slots";

export { loadCycleSlots, type CycleSlot, type CycleSlots };

/*
 * The office's completeness view (spec/workflow.md "Data collection"): per source, per slot, per
 * unit. The expected cells are (slots a source answers) × (enrolled units of the slot's kinds); the
 * slots come from the scheme documents (dozens), the cells and their answers are counted by
 * PostgreSQL with GROUP BY — no fact row is read into memory to be counted.
 */

type Client = PrismaClient | Tx;

export const PROGRESS_PAGE_SIZE = 20;

/** (source, unit kind, slot, mode) the sources answer, as JSON for json_to_recordset. */
function expectedJson(slots: readonly CycleSlot[]): string {
  const rows = slots.flatMap((slot) =>
    slot.bound.sources
      .filter((s) => answersSlot(slot, slot.bound.sources, s.sourceOrgId))
      .map((s) => ({ src: s.sourceOrgId, kind: slot.unitKind, ind: slot.indicatorCode, sub: slot.subKey, mode: slot.mode })),
  );
  return JSON.stringify(rows);
}

/**
 * CTEs: `expected` slots and `cell` (every expected cell with `answered`), as derive.ts's
 * sourceCellStatus decides: N/A answers any cell; a records cell is answered by live records or
 * "none", a value cell by its value.
 */
function cellsCte(cycleId: string, slots: readonly CycleSlot[]): Prisma.Sql {
  return Prisma.sql`
    expected AS (SELECT * FROM json_to_recordset(${expectedJson(slots)}::json) AS s(src text, kind text, ind text, sub text, mode text)),
    entry AS (SELECT source_org_id AS src, unit_id AS unit, indicator_code AS ind, sub_key AS sub, answer::text AS answer FROM fact_entry WHERE cycle_id = ${cycleId}),
    rec AS (SELECT DISTINCT source_org_id AS src, unit_id AS unit, indicator_code AS ind, sub_key AS sub FROM fact_record WHERE cycle_id = ${cycleId} AND withdrawn_at IS NULL),
    cell AS (
      SELECT e.src, e.ind, e.sub, cu.organisation_id AS unit,
             COALESCE(en.answer = 'not_applicable' OR (e.mode = 'value' AND en.answer = 'value') OR (e.mode = 'records' AND (en.answer = 'none' OR r.src IS NOT NULL)), r.src IS NOT NULL AND e.mode = 'records') AS answered
        FROM expected e
        JOIN cycle_unit cu ON cu.cycle_id = ${cycleId} AND cu.unit_kind::text = e.kind
        LEFT JOIN entry en ON en.src = e.src AND en.unit = cu.organisation_id AND en.ind = e.ind AND en.sub = e.sub
        LEFT JOIN rec r ON r.src = e.src AND r.unit = cu.organisation_id AND r.ind = e.ind AND r.sub = e.sub)`;
}

const order = (dir: "asc" | "desc") => (dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`);
const pageOf = (page: number | null, size = PROGRESS_PAGE_SIZE) => (page === null ? Prisma.empty : Prisma.sql`LIMIT ${size} OFFSET ${(page - 1) * size}`);

// ---- Overall -----------------------------------------------------------------------------------

export type OverallProgress = { cells: number; answered: number; sources: number; submitted: number; units: number; unitsComplete: number };

export async function overallProgress(cycleId: string, cycleSlots: CycleSlots): Promise<OverallProgress> {
  const [row] = await db().$queryRaw<OverallProgress[]>`
    WITH ${cellsCte(cycleId, cycleSlots.slots)},
    per_unit AS (SELECT unit, bool_and(answered) AS complete FROM cell GROUP BY unit),
    srcs AS (SELECT DISTINCT src FROM expected)
    SELECT (SELECT count(*) FROM cell)::int AS cells,
           (SELECT count(*) FROM cell WHERE answered)::int AS answered,
           (SELECT count(*) FROM srcs)::int AS sources,
           (SELECT count(*) FROM submission s JOIN srcs ON srcs.src = s.source_org_id WHERE s.cycle_id = ${cycleId} AND s.status = 'submitted')::int AS submitted,
           (SELECT count(*) FROM cycle_unit WHERE cycle_id = ${cycleId})::int AS units,
           (SELECT count(*) FROM per_unit WHERE complete)::int AS "unitsComplete"`;
  return row ?? { cells: 0, answered: 0, sources: 0, submitted: 0, units: 0, unitsComplete: 0 };
}

// ---- Per source --------------------------------------------------------------------------------

export const sourceProgressSchema = listQuerySchema(["name", "progress", "missing", "activity", "urged"] as const, "progress");
export type SourceProgressQuery = z.infer<typeof sourceProgressSchema>;

export type SourceProgressRow = {
  id: string; name: string; cells: number; answered: number; status: "draft" | "submitted" | "returned" | null;
  submittedAt: Date | null; reopenedUntil: Date | null; lastActivity: Date | null; urgedAt: Date | null; urges: number; badRecord: boolean; total: number;
};

const SOURCE_SORT: Record<SourceProgressQuery["sort"], Prisma.Sql> = {
  name: Prisma.sql`name`,
  progress: Prisma.sql`(answered::float / GREATEST(cells, 1))`,
  missing: Prisma.sql`(cells - answered)`,
  activity: Prisma.sql`"lastActivity"`,
  urged: Prisma.sql`"urgedAt"`,
};

/** Sources with their counts; `page` null = all (the chart and the export). */
export async function sourceProgress(cycleId: string, cycleSlots: CycleSlots, query: Pick<SourceProgressQuery, "q" | "sort" | "order">, page: number | null): Promise<{ rows: SourceProgressRow[]; total: number }> {
  const search = query.q ? Prisma.sql`WHERE name ILIKE ${`%${query.q}%`}` : Prisma.empty;
  const rows = await db().$queryRaw<SourceProgressRow[]>`
    WITH ${cellsCte(cycleId, cycleSlots.slots)},
    per_source AS (SELECT src, count(*)::int AS cells, count(*) FILTER (WHERE answered)::int AS answered FROM cell GROUP BY src),
    activity AS (
      SELECT src, max(at) AS at FROM (
        SELECT source_org_id AS src, max(updated_at) AS at FROM fact_entry WHERE cycle_id = ${cycleId} GROUP BY source_org_id
        UNION ALL SELECT source_org_id, max(created_at) FROM fact_record WHERE cycle_id = ${cycleId} GROUP BY source_org_id) a GROUP BY src),
    urges AS (SELECT target_org_id AS src, max(urged_at) AS at, count(*)::int AS n FROM urge WHERE cycle_id = ${cycleId} AND target_role = 'source' GROUP BY target_org_id),
    bad AS (SELECT DISTINCT organisation_id AS src FROM bad_record WHERE cycle_id = ${cycleId} AND kind = 'late_source'),
    listed AS (
      SELECT p.src AS id, COALESCE(o.short_name, o.name) AS name, p.cells, p.answered, s.status::text AS status, s.submitted_at AS "submittedAt",
             s.reopened_until AS "reopenedUntil", a.at AS "lastActivity", u.at AS "urgedAt", COALESCE(u.n, 0)::int AS urges, (b.src IS NOT NULL) AS "badRecord"
        FROM per_source p JOIN organisation o ON o.id = p.src
        LEFT JOIN submission s ON s.cycle_id = ${cycleId} AND s.source_org_id = p.src
        LEFT JOIN activity a ON a.src = p.src LEFT JOIN urges u ON u.src = p.src LEFT JOIN bad b ON b.src = p.src)
    SELECT *, count(*) OVER ()::int AS total FROM listed ${search}
    ORDER BY ${SOURCE_SORT[query.sort]} ${order(query.order)} NULLS LAST, name, id ${pageOf(page)}`;
  return { rows, total: rows[0]?.total ?? 0 };
}

// ---- Per slot ----------------------------------------------------------------------------------

export const slotProgressSchema = listQuerySchema(["code", "progress", "missing"] as const, "code");
export type SlotProgressQuery = z.infer<typeof slotProgressSchema>;
export type SlotProgressRow = { ind: string; sub: string; cells: number; answered: number; total: number };

const SLOT_SORT: Record<SlotProgressQuery["sort"], Prisma.Sql> = {
  code: Prisma.sql`ind, sub`,
  progress: Prisma.sql`(answered::float / GREATEST(cells, 1))`,
  missing: Prisma.sql`(cells - answered)`,
};

/** Per indicator (or sub-item) across its sources and unit kinds. */
export async function slotProgress(cycleId: string, cycleSlots: CycleSlots, query: Pick<SlotProgressQuery, "q" | "sort" | "order">, page: number | null): Promise<{ rows: SlotProgressRow[]; total: number }> {
  const codes = query.q
    ? cycleSlots.slots.filter((s) => s.name.includes(query.q!) || slotKey(s).toLowerCase().includes(query.q!.toLowerCase())).map((s) => slotKey(s))
    : null;
  const search = codes ? Prisma.sql`WHERE (CASE WHEN sub = '' THEN ind ELSE ind || '/' || sub END) = ANY(${codes}::text[])` : Prisma.empty;
  const rows = await db().$queryRaw<SlotProgressRow[]>`
    WITH ${cellsCte(cycleId, cycleSlots.slots)},
    per_slot AS (SELECT ind, sub, count(*)::int AS cells, count(*) FILTER (WHERE answered)::int AS answered FROM cell GROUP BY ind, sub)
    SELECT *, count(*) OVER ()::int AS total FROM per_slot ${search}
    ORDER BY ${SLOT_SORT[query.sort]} ${order(query.order)}, ind, sub ${pageOf(page)}`;
  return { rows, total: rows[0]?.total ?? 0 };
}

// ---- Per unit ----------------------------------------------------------------------------------

export const unitProgressSchema = listQuerySchema(["name", "progress", "missing", "urged"] as const, "progress").extend({
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
});
export type UnitProgressQuery = z.infer<typeof unitProgressSchema>;
export type UnitProgressRow = {
  id: string; name: string; kind: UnitKind; cells: number; answered: number; selfAssessment: boolean; commitments: boolean;
  urgedAt: Date | null; urges: number; badRecord: boolean; total: number;
};

const UNIT_SORT: Record<UnitProgressQuery["sort"], Prisma.Sql> = {
  name: Prisma.sql`name`,
  progress: Prisma.sql`(answered::float / GREATEST(cells, 1))`,
  missing: Prisma.sql`(cells - answered)`,
  urged: Prisma.sql`"urgedAt"`,
};

/** Per enrolled unit: cells about it (all sources), its own documents, urges and bad records. */
export async function unitProgress(cycleId: string, cycleSlots: CycleSlots, query: Pick<UnitProgressQuery, "q" | "sort" | "order" | "kind">, page: number | null, size = PROGRESS_PAGE_SIZE): Promise<{ rows: UnitProgressRow[]; total: number }> {
  const filters = [Prisma.sql`cu.cycle_id = ${cycleId}`];
  if (query.kind) filters.push(Prisma.sql`cu.unit_kind::text = ${query.kind}`);
  if (query.q) filters.push(Prisma.sql`(o.name ILIKE ${`%${query.q}%`} OR o.uscc = ${query.q.toUpperCase()})`);
  const rows = await db().$queryRaw<UnitProgressRow[]>`
    WITH ${cellsCte(cycleId, cycleSlots.slots)},
    per_unit AS (SELECT unit, count(*)::int AS cells, count(*) FILTER (WHERE answered)::int AS answered FROM cell GROUP BY unit),
    docs AS (SELECT unit_id, bool_or(kind = 'self_assessment') AS sa, bool_or(kind = 'commitments') AS cm FROM unit_document WHERE cycle_id = ${cycleId} GROUP BY unit_id),
    urges AS (SELECT target_org_id AS unit, max(urged_at) AS at, count(*)::int AS n FROM urge WHERE cycle_id = ${cycleId} AND target_role = 'unit' GROUP BY target_org_id),
    bad AS (SELECT DISTINCT organisation_id AS unit FROM bad_record WHERE cycle_id = ${cycleId} AND kind = 'late_unit')
    SELECT o.id, o.name, cu.unit_kind::text AS kind, COALESCE(p.cells, 0)::int AS cells, COALESCE(p.answered, 0)::int AS answered,
           COALESCE(d.sa, false) AS "selfAssessment", COALESCE(d.cm, false) AS commitments, u.at AS "urgedAt", COALESCE(u.n, 0)::int AS urges,
           (b.unit IS NOT NULL) AS "badRecord", count(*) OVER ()::int AS total
      FROM cycle_unit cu JOIN organisation o ON o.id = cu.organisation_id
      LEFT JOIN per_unit p ON p.unit = o.id LEFT JOIN docs d ON d.unit_id = o.id LEFT JOIN urges u ON u.unit = o.id LEFT JOIN bad b ON b.unit = o.id
     WHERE ${Prisma.join(filters, " AND ")}
     ORDER BY ${UNIT_SORT[query.sort]} ${order(query.order)} NULLS LAST, o.name, o.id ${pageOf(page, size)}`;
  return { rows, total: rows[0]?.total ?? 0 };
}

/** Every unit row of a filter in pages, for the Excel export. */
export async function* unitProgressForExport(cycleId: string, cycleSlots: CycleSlots, query: UnitProgressQuery): AsyncGenerator<UnitProgressRow[]> {
  const size = 5000;
  for (let page = 1; ; page++) {
    const { rows } = await unitProgress(cycleId, cycleSlots, query, page, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
  }
}

// ---- Conflicting references --------------------------------------------------------------------

export type ReferenceConflict = { reference: string; records: number; sources: string[]; units: string[]; slots: string[]; total: number };

/**
 * Live records sharing a reference number (compared without spaces, case-insensitively) reported by
 * different sources, or for different units or indicators: the same document counted twice, or a
 * typing mistake. Flagged for the office; nothing is changed.
 */
export async function referenceConflicts(cycleId: string, page: number | null): Promise<{ rows: ReferenceConflict[]; total: number }> {
  const rows = await db().$queryRaw<ReferenceConflict[]>`
    WITH r AS (
      SELECT upper(regexp_replace(reference_no, '[[:space:]]', '', 'g')) AS ref, source_org_id, unit_id, indicator_code, sub_key
        FROM fact_record WHERE cycle_id = ${cycleId} AND withdrawn_at IS NULL AND reference_no IS NOT NULL AND btrim(reference_no) <> '')
    SELECT r.ref AS reference, count(*)::int AS records,
           array_agg(DISTINCT COALESCE(so.short_name, so.name)) AS sources, array_agg(DISTINCT uo.name) AS units,
           array_agg(DISTINCT CASE WHEN r.sub_key = '' THEN r.indicator_code ELSE r.indicator_code || '/' || r.sub_key END) AS slots,
           count(*) OVER ()::int AS total
      FROM r JOIN organisation so ON so.id = r.source_org_id JOIN organisation uo ON uo.id = r.unit_id
     GROUP BY r.ref
    HAVING count(DISTINCT r.source_org_id) > 1 OR count(DISTINCT r.unit_id) > 1 OR count(DISTINCT (r.indicator_code, r.sub_key)) > 1
     ORDER BY count(*) DESC, r.ref ${pageOf(page)}`;
  return { rows, total: rows[0]?.total ?? 0 };
}

export function conflictReason(c: Pick<ReferenceConflict, "sources" | "units" | "slots">): string {
  const reasons = [
    c.sources.length > 1 ? `${c.sources.length}个信源单位重复报送` : null,
    c.units.length > 1 ? `涉及${c.units.length}个不同单位` : null,
    c.slots.length > 1 ? `计入${c.slots.length}个不同指标` : null,
  ];
  return reasons.filter(Boolean).join("；");
}

/** Unanswered cells per source (sources with none are absent). */
export async function missingBySource(client: Client, cycleId: string, cycleSlots: CycleSlots): Promise<Map<string, number>> {
  const rows = await client.$queryRaw<{ src: string; missing: number }[]>`
    WITH ${cellsCte(cycleId, cycleSlots.slots)}
    SELECT src, count(*)::int AS missing FROM cell WHERE NOT answered GROUP BY src`;
  return new Map(rows.map((r) => [r.src, r.missing]));
}

export type CollectionCycle = { id: string; year: number; name: string; status: "draft" | "collecting" | "scoring" | "feedback" | "approval" | "archived"; collectionDeadline: string; commitmentsDeadline: string };

/** A cycle past its draft, for the office's collection and monitoring pages; null when there is none. */
export async function collectionCycle(cycleId: string): Promise<CollectionCycle | null> {
  return db().cycle.findFirst({
    where: { id: cycleId, status: { not: "draft" } },
    select: { id: true, year: true, name: true, status: true, collectionDeadline: true, commitmentsDeadline: true },
  });
}

/** loadCycleSlots with the app's client, for pages. */
export function cycleSlotsOf(cycleId: string): Promise<CycleSlots> {
  return loadCycleSlots(db(), cycleId);
}
