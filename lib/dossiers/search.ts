import "server-only";
import { db } from "@/lib/db/client";
import type { UnitKind } from "@/lib/orgs/kinds";
import { Prisma } from "@/prisma/generated/client/client";
import type { DossierListQuery } from "./schema";

/*
 * The staff's search across dossiers: one row per unit with an archived year, showing the year asked
 * for (or the newest), with the figures as amended. Filtered, sorted, counted and cut to a page by
 * PostgreSQL; the export walks the same filter in keyset batches.
 */

export type DossierRow = {
  id: string; name: string; uscc: string; kind: UnitKind; year: number; cycleName: string; total: string; grade: string | null;
  amended: boolean; rankPosition: number; rankOf: number; years: number; openCount: number; pendingCount: number; rowCount: number;
};
export type DossierFilter = Pick<DossierListQuery, "q" | "year" | "grade" | "kind" | "rectification">;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const dir = (order: "asc" | "desc") => (order === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`);

/** A rectification not yet done and accepted (review may be NULL: spelled out, never NOT of a NULL). */
const OPEN_RECTIFICATION = Prisma.sql`(r.status <> 'done' OR r.review IS NULL OR r.review <> 'accepted')`;

function rowsSql(filter: DossierFilter, keyset: Prisma.Sql, order: Prisma.Sql, cut: Prisma.Sql): Prisma.Sql {
  const where = [Prisma.sql`TRUE`];
  if (filter.q) where.push(Prisma.sql`(o.name ILIKE ${like(filter.q)} OR o.short_name ILIKE ${like(filter.q)} OR o.uscc LIKE ${`${filter.q.toUpperCase().replace(/[\\%_]/g, "")}%`})`);
  if (filter.kind) where.push(Prisma.sql`f.kind = ${filter.kind}`);
  if (filter.grade) where.push(Prisma.sql`f.grade = ${filter.grade}`);
  if (filter.rectification === "open") where.push(Prisma.sql`f.open_count > 0`);
  if (filter.rectification === "pending") where.push(Prisma.sql`f.pending_count > 0`);
  if (filter.rectification === "none") where.push(Prisma.sql`f.open_count = 0`);
  const year = filter.year ? Prisma.sql`WHERE e.year = ${filter.year}` : Prisma.empty;
  return Prisma.sql`
    WITH focus AS (
      SELECT DISTINCT ON (e.organisation_id) e.organisation_id, e.year, e.cycle_name, e.unit_kind::text AS kind, e.rank_position, e.rank_of,
             COALESCE(CASE WHEN ta.after ~ '^[0-9]+(\\.[0-9]+)?$' THEN ta.after::numeric END, e.total) AS total,
             COALESCE(ga.after, e.grade) AS grade, (ta.after IS NOT NULL OR ga.after IS NOT NULL) AS amended
        FROM dossier_entry e
        LEFT JOIN LATERAL (SELECT a.after FROM dossier_amendment a WHERE a.entry_id = e.id AND a.subject = 'total' ORDER BY a.created_at DESC, a.id DESC LIMIT 1) ta ON TRUE
        LEFT JOIN LATERAL (SELECT a.after FROM dossier_amendment a WHERE a.entry_id = e.id AND a.subject = 'grade' ORDER BY a.created_at DESC, a.id DESC LIMIT 1) ga ON TRUE
        ${year}
       ORDER BY e.organisation_id, e.year DESC
    ),
    f AS (
      SELECT focus.*,
             (SELECT count(*) FROM dossier_entry x WHERE x.organisation_id = focus.organisation_id)::int AS years,
             (SELECT count(*) FROM rectification r WHERE r.organisation_id = focus.organisation_id AND ${OPEN_RECTIFICATION})::int AS open_count,
             (SELECT count(*) FROM rectification r WHERE r.organisation_id = focus.organisation_id AND r.review = 'pending')::int AS pending_count
        FROM focus
    )
    SELECT o.id, o.name, o.uscc, f.kind, f.year, f.cycle_name AS "cycleName", f.total::text AS total, f.grade, f.amended,
           f.rank_position AS "rankPosition", f.rank_of AS "rankOf", f.years, f.open_count AS "openCount", f.pending_count AS "pendingCount",
           count(*) OVER ()::int AS "rowCount"
      FROM f JOIN organisation o ON o.id = f.organisation_id
     WHERE ${Prisma.join(where, " AND ")} ${keyset}
     ORDER BY ${order} ${cut}`;
}

function orderOf(query: Pick<DossierListQuery, "sort" | "order">): Prisma.Sql {
  const d = dir(query.order);
  const by: Record<DossierListQuery["sort"], Prisma.Sql> = {
    name: Prisma.sql`o.name ${d}, o.id ${d}`,
    year: Prisma.sql`f.year ${d}, o.name, o.id`,
    total: Prisma.sql`f.total ${d}, o.name, o.id`,
    // By the grades' standing (the seeds' 优秀 > 良好 > 一般 > 较差), not their text; other labels after.
    grade: Prisma.sql`array_position(ARRAY['较差', '一般', '良好', '优秀']::text[], f.grade) ${d} NULLS LAST, f.grade, o.name, o.id`,
    open: Prisma.sql`f.open_count ${d}, o.name, o.id`,
  };
  return by[query.sort];
}

/** One page of the search. */
export async function listDossiers(query: DossierListQuery, size: number): Promise<{ rows: DossierRow[]; total: number }> {
  const rows = await db().$queryRaw<DossierRow[]>(rowsSql(query, Prisma.empty, orderOf(query), Prisma.sql`LIMIT ${size} OFFSET ${(query.page - 1) * size}`));
  return { rows, total: rows[0]?.rowCount ?? 0 };
}

/** Every row of a filter in pinyin order, in keyset batches (name, id), for the Excel export. */
export async function* dossiersForExport(filter: DossierFilter, batch = 2000): AsyncGenerator<DossierRow[]> {
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const keyset: Prisma.Sql = after ? Prisma.sql`AND (o.name, o.id) > (${after.name}, ${after.id})` : Prisma.empty;
    const rows: DossierRow[] = await db().$queryRaw<DossierRow[]>(rowsSql(filter, keyset, Prisma.sql`o.name, o.id`, Prisma.sql`LIMIT ${batch}`));
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { name: last.name, id: last.id };
    if (rows.length < batch) return;
  }
}

/** The years that have dossier entries and the grades used in them (for the search form's choices). */
export async function dossierChoices(): Promise<{ years: number[]; grades: string[] }> {
  const [years, grades] = await Promise.all([
    db().$queryRaw<{ year: number }[]>`SELECT DISTINCT year FROM dossier_entry ORDER BY year DESC`,
    db().$queryRaw<{ grade: string }[]>`SELECT grade FROM (SELECT grade FROM dossier_entry UNION SELECT after FROM dossier_amendment WHERE subject = 'grade') g WHERE grade IS NOT NULL ORDER BY array_position(ARRAY['优秀', '良好', '一般', '较差']::text[], grade) NULLS LAST, grade`,
  ]);
  return { years: years.map((y) => y.year), grades: grades.map((g) => g.grade) };
}
