import "server-only";
import type { UserRole } from "@/lib/auth/roles";
import type { CycleState } from "@/lib/cycles/workflow";
import { db } from "@/lib/db/client";
import type { UnitKind } from "@/lib/orgs/kinds";
import { Prisma } from "@/prisma/generated/client/client";
import { CHANGE_CENTER, CHANGE_EDGES, MOVERS_SHOWN, fillChangeBins, transitionMatrix, type ChangeBin, type CompareGroup, type GradeMove, type TransitionMatrix } from "./movers";
import { readableResultStates } from "./policy";
import type { CycleCompareQuery } from "./schema";

/*
 * Year over year: the current results of two cycles side by side, units matched by organisation.
 * A province has 50,000 units a year, so the join, the changes, every aggregate and the ranks are
 * computed by PostgreSQL; only a page of rows (or an export batch) leaves it. Ranks are those of the
 * results page: RANK() over all current results of the cycle under the same scheme.
 */

export type CompareCycle = { id: string; year: number; name: string; status: CycleState };

/** Cycles whose results these roles may read and that have results (a successful run), latest first. */
export async function comparableCycles(roles: readonly UserRole[]): Promise<CompareCycle[]> {
  const states = readableResultStates(roles);
  if (states.length === 0) return [];
  return db().$queryRaw<CompareCycle[]>`
    SELECT c.id, c.year, c.name, c.status::text AS status
      FROM cycle c
     WHERE c.status::text = ANY(${[...states]}::text[])
       AND EXISTS (SELECT 1 FROM scoring_run r WHERE r.cycle_id = c.id AND r.status = 'succeeded')
     ORDER BY c.year DESC, c.created_at DESC, c.id`;
}

export type CyclePair = { options: CompareCycle[]; a: CompareCycle | null; b: CompareCycle | null };

/**
 * The two cycles to compare: those asked for; for one left out, the next earlier cycle than B (or
 * the next later than A); with neither, the two latest with results. null when an asked-for cycle
 * is not one the caller may compare (answered as 404).
 */
export async function cyclePair(roles: readonly UserRole[], a: string | undefined, b: string | undefined): Promise<CyclePair | null> {
  const options = await comparableCycles(roles);
  const indexOf = (id: string | undefined) => (id === undefined ? null : options.findIndex((c) => c.id === id));
  const [ia, ib] = [indexOf(a), indexOf(b)];
  if (ia === -1 || ib === -1) return null;
  // Latest first: the cycle after B in the list is the next earlier one.
  const pickB = ib ?? (ia === null ? 0 : ia - 1);
  const pickA = ia ?? pickB + 1;
  return { options, a: options[pickA] ?? null, b: options[pickB] ?? null };
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One cycle's enrolled units with their current result and its rank under its scheme. */
const sideSql = (cycleId: string) => Prisma.sql`
  SELECT cu.organisation_id AS unit_id, cu.unit_kind::text AS kind, r.total, r.grade, r.scheme_version_id AS scheme,
         CASE WHEN r.id IS NULL THEN NULL ELSE RANK() OVER (PARTITION BY r.scheme_version_id ORDER BY r.total DESC)::int END AS rk
    FROM cycle_unit cu LEFT JOIN unit_result r ON r.id = cu.current_result_id
   WHERE cu.cycle_id = ${cycleId}`;

/**
 * The CTEs `sa`, `sb`, `gl` (each scheme's grade lines) and `j`: one row per unit enrolled in
 * either cycle with its group, both results, the change B − A and the grade move. A grade moves by
 * its scheme's line (an A grade of 良好 at 80 to a B grade of 优秀 at 90 is up), the same label
 * being the same grade whatever its line; no grade is below every line; a grade the scheme does not
 * list falls back on the change of the total.
 */
function joinedSql(a: string, b: string, kind: UnitKind | undefined): Prisma.Sql {
  const byKind = kind ? Prisma.sql`WHERE COALESCE(sb.kind, sa.kind) = ${kind}` : Prisma.empty;
  return Prisma.sql`
    sa AS MATERIALIZED (${sideSql(a)}),
    sb AS MATERIALIZED (${sideSql(b)}),
    gl AS (
      SELECT sv.id AS scheme, g->>'label' AS label, max((g->>'min')::numeric) AS min
        FROM scheme_version sv CROSS JOIN LATERAL jsonb_array_elements(sv.document->'grades') g
       WHERE sv.id IN (SELECT scheme FROM sa UNION SELECT scheme FROM sb)
       GROUP BY 1, 2),
    j AS MATERIALIZED (
      SELECT COALESCE(sa.unit_id, sb.unit_id) AS unit_id, COALESCE(sb.kind, sa.kind) AS kind,
             CASE WHEN sa.unit_id IS NULL THEN 'new' WHEN sb.unit_id IS NULL THEN 'left'
                  WHEN sa.total IS NULL OR sb.total IS NULL THEN 'unscored' ELSE 'compared' END AS grp,
             sa.total AS ta, sa.grade AS ga, sa.rk AS rka, sb.total AS tb, sb.grade AS gb, sb.rk AS rkb, sb.total - sa.total AS change,
             CASE WHEN sa.total IS NULL OR sb.total IS NULL THEN NULL
                  WHEN sa.grade IS NOT DISTINCT FROM sb.grade THEN 'same'
                  WHEN (sa.grade IS NOT NULL AND la.min IS NULL) OR (sb.grade IS NOT NULL AND lb.min IS NULL)
                    THEN CASE sign(sb.total - sa.total) WHEN 1 THEN 'up' WHEN -1 THEN 'down' ELSE 'same' END
                  WHEN COALESCE(lb.min, -1) > COALESCE(la.min, -1) THEN 'up'
                  WHEN COALESCE(lb.min, -1) < COALESCE(la.min, -1) THEN 'down'
                  ELSE 'same' END AS move
        FROM sa FULL JOIN sb ON sa.unit_id = sb.unit_id
        LEFT JOIN gl la ON la.scheme = sa.scheme AND la.label = sa.grade
        LEFT JOIN gl lb ON lb.scheme = sb.scheme AND lb.label = sb.grade
       ${byKind})`;
}

/** The bin of j.change (see CHANGE_EDGES in movers.ts). */
const changeBin = Prisma.sql`${CHANGE_CENTER} + sign(j.change)::int * (1 + ${Prisma.join(CHANGE_EDGES.map((edge) => Prisma.sql`(abs(j.change) > ${edge})::int`), " + ")})`;

// ---- Summary -----------------------------------------------------------------------------------

export type Mover = { unitId: string; name: string; kind: UnitKind; totalA: string; totalB: string; change: string; gradeA: string | null; gradeB: string | null };
export type CycleComparisonSummary = {
  groups: Record<CompareGroup, number>;
  meanChange: string | null;
  improved: number; declined: number; unchanged: number;
  gradeUp: number; gradeDown: number; gradeSame: number;
  bins: ChangeBin[];
  matrix: TransitionMatrix;
  risers: Mover[];
  fallers: Mover[];
};

type SummaryRow = {
  counts: Record<CompareGroup | "improved" | "declined" | "unchanged" | "gradeUp" | "gradeDown" | "gradeSame", number> & { meanChange: string | null };
  bins: { bin: number; count: number }[] | null;
  cells: { from: string | null; to: string | null; count: number }[] | null;
  lines: { label: string; min: number }[] | null;
  risers: Mover[] | null;
  fallers: Mover[] | null;
};

const moversSql = (where: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`
  (SELECT json_agg(json_build_object('unitId', m.unit_id, 'name', m.name, 'kind', m.kind, 'totalA', m.ta::text, 'totalB', m.tb::text, 'change', m.change::text,
                                     'gradeA', m.ga, 'gradeB', m.gb) ORDER BY m.n) FROM (
     SELECT j.*, o.name, row_number() OVER (ORDER BY ${order}, o.name, j.unit_id) AS n
       FROM j JOIN organisation o ON o.id = j.unit_id
      WHERE ${where}
      ORDER BY n LIMIT ${MOVERS_SHOWN}) m)`;

/*
 * A unit's current result changes only when a run succeeds (a scoring run, or the single-unit run
 * of a decided re-evaluation), so the summary is kept per latest successful run of both cycles:
 * paging the table below it does not aggregate 100,000 results again.
 */
const KEPT_SUMMARIES = 32;
const keptSummaries = new Map<string, Promise<CycleComparisonSummary>>();

/** Every figure of the comparison (for one kind, or all), in one statement over the joined results. */
export async function cycleComparisonSummary(a: string, b: string, kind?: UnitKind): Promise<CycleComparisonSummary> {
  const latest = (cycleId: string) => Prisma.sql`(SELECT id FROM scoring_run WHERE cycle_id = ${cycleId} AND status = 'succeeded' ORDER BY number DESC LIMIT 1)`;
  const [runs] = await db().$queryRaw<{ a: string | null; b: string | null }[]>`SELECT ${latest(a)} AS a, ${latest(b)} AS b`;
  const key = [a, runs?.a ?? "-", b, runs?.b ?? "-", kind ?? ""].join("|");
  let entry = keptSummaries.get(key);
  if (!entry) {
    entry = computeSummary(a, b, kind);
    keptSummaries.set(key, entry);
    entry.catch(() => keptSummaries.delete(key));
    while (keptSummaries.size > KEPT_SUMMARIES) keptSummaries.delete(keptSummaries.keys().next().value!);
  }
  return entry;
}

async function computeSummary(a: string, b: string, kind: UnitKind | undefined): Promise<CycleComparisonSummary> {
  const [row] = await db().$queryRaw<SummaryRow[]>`
    WITH ${joinedSql(a, b, kind)}
    SELECT (SELECT json_build_object(
              'compared', count(*) FILTER (WHERE grp = 'compared'), 'left', count(*) FILTER (WHERE grp = 'left'),
              'new', count(*) FILTER (WHERE grp = 'new'), 'unscored', count(*) FILTER (WHERE grp = 'unscored'),
              'meanChange', round(avg(change), 2)::text,
              'improved', count(*) FILTER (WHERE change > 0), 'declined', count(*) FILTER (WHERE change < 0), 'unchanged', count(*) FILTER (WHERE change = 0),
              'gradeUp', count(*) FILTER (WHERE move = 'up'), 'gradeDown', count(*) FILTER (WHERE move = 'down'), 'gradeSame', count(*) FILTER (WHERE move = 'same'))
              FROM j) AS counts,
           (SELECT json_agg(json_build_object('bin', bin, 'count', n)) FROM (SELECT ${changeBin} AS bin, count(*) AS n FROM j WHERE j.grp = 'compared' GROUP BY 1) x) AS bins,
           (SELECT json_agg(json_build_object('from', ga, 'to', gb, 'count', n)) FROM (SELECT ga, gb, count(*) AS n FROM j WHERE grp = 'compared' GROUP BY 1, 2) x) AS cells,
           (SELECT json_agg(json_build_object('label', label, 'min', min)) FROM gl) AS lines,
           ${moversSql(Prisma.sql`j.change > 0`, Prisma.sql`j.change DESC`)} AS risers,
           ${moversSql(Prisma.sql`j.change < 0`, Prisma.sql`j.change ASC`)} AS fallers`;
  const counts = row!.counts;
  return {
    groups: { compared: counts.compared, left: counts.left, new: counts.new, unscored: counts.unscored },
    meanChange: counts.meanChange,
    improved: counts.improved, declined: counts.declined, unchanged: counts.unchanged,
    gradeUp: counts.gradeUp, gradeDown: counts.gradeDown, gradeSame: counts.gradeSame,
    bins: fillChangeBins(row!.bins ?? []),
    matrix: transitionMatrix(row!.lines ?? [], row!.cells ?? []),
    risers: row!.risers ?? [],
    fallers: row!.fallers ?? [],
  };
}

// ---- Per unit ----------------------------------------------------------------------------------

export type CycleCompareRow = {
  unitId: string; name: string; uscc: string; kind: UnitKind; group: CompareGroup;
  totalA: string | null; gradeA: string | null; rankA: number | null;
  totalB: string | null; gradeB: string | null; rankB: number | null;
  change: string | null; move: GradeMove | null; rowCount: number;
};

export type CycleCompareFilter = Pick<CycleCompareQuery, "kind" | "q">;

const columns = Prisma.sql`
  x.unit_id AS "unitId", x.name, x.uscc, x.kind, x.grp AS "group", x.ta::text AS "totalA", x.ga AS "gradeA", x.rka AS "rankA",
  x.tb::text AS "totalB", x.gb AS "gradeB", x.rkb AS "rankB", x.change::text AS change, x.move, x."rowCount"`;

function searchSql(q: string | undefined): Prisma.Sql {
  return q ? Prisma.sql`AND (o.name ILIKE ${like(q)} OR o.uscc = ${q.toUpperCase()})` : Prisma.empty;
}

function pageOrder(sort: CycleCompareQuery["sort"], order: "asc" | "desc"): Prisma.Sql {
  const d = order === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const first = { change: Prisma.sql`x.change ${d} NULLS LAST`, name: Prisma.sql`x.name ${d}`, a: Prisma.sql`x.ta ${d} NULLS LAST`, b: Prisma.sql`x.tb ${d} NULLS LAST` }[sort];
  return Prisma.sql`${first}, x.name, x.unit_id`;
}

/** One page of one group of units, searched, sorted and cut in SQL. */
export async function cycleComparisonPage(a: string, b: string, query: CycleCompareQuery, size: number): Promise<{ rows: CycleCompareRow[]; total: number }> {
  const order = pageOrder(query.sort, query.order);
  const rows = await db().$queryRaw<CycleCompareRow[]>`
    WITH ${joinedSql(a, b, query.kind)},
    page AS (
      SELECT j.*, o.name, o.uscc, count(*) OVER ()::int AS "rowCount"
        FROM j JOIN organisation o ON o.id = j.unit_id
       WHERE j.grp = ${query.show} ${searchSql(query.q)})
    SELECT ${columns} FROM page x ORDER BY ${order} LIMIT ${size} OFFSET ${(query.page - 1) * size}`;
  return { rows, total: rows[0]?.rowCount ?? 0 };
}

const GROUP_ORDER = Prisma.sql`CASE j.grp WHEN 'compared' THEN 0 WHEN 'left' THEN 1 WHEN 'new' THEN 2 ELSE 3 END`;

/**
 * Every unit of the comparison (all four groups, the kind and search applied) in keyset batches:
 * group, then the largest rise first, then name.
 */
export async function* cycleComparisonForExport(a: string, b: string, filter: CycleCompareFilter, batch = 5000): AsyncGenerator<CycleCompareRow[]> {
  let after: { g: number; sk: string; name: string; unitId: string } | null = null;
  for (;;) {
    const keyset: Prisma.Sql = after ? Prisma.sql`WHERE (x.g, x.sk, x.name, x.unit_id) > (${after.g}::int, ${after.sk}::numeric, ${after.name}, ${after.unitId})` : Prisma.empty;
    const rows: (CycleCompareRow & { g: number; sk: string })[] = await db().$queryRaw`
      WITH ${joinedSql(a, b, filter.kind)},
      keyed AS (
        SELECT j.*, o.name, o.uscc, 0 AS "rowCount", ${GROUP_ORDER} AS g, COALESCE(-j.change, 0) AS sk
          FROM j JOIN organisation o ON o.id = j.unit_id
         WHERE TRUE ${searchSql(filter.q)})
      SELECT ${columns}, x.g, x.sk::text AS sk FROM keyed x ${keyset}
       ORDER BY x.g, x.sk, x.name, x.unit_id LIMIT ${batch}`;
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { g: last.g, sk: last.sk, name: last.name, unitId: last.unitId };
    if (rows.length < batch) return;
  }
}
