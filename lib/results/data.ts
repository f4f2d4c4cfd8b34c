import "server-only";
import type { UserRole } from "@/lib/auth/roles";
import type { CycleState } from "@/lib/cycles/workflow";
import { db } from "@/lib/db/client";
import type { UnitKind } from "@/lib/orgs/kinds";
import { readStoredDocument } from "@/lib/schemes/document";
import { Prisma } from "@/prisma/generated/client/client";
import type { RunProblem } from "./plan";
import { canReadCycleResults, hasResultStates } from "./policy";
import { STALE_AFTER_SECONDS, type RunPhase } from "./run";
import type { CompareQuery, ProblemListQuery, RankingQuery } from "./schema";
import { BIN_COUNT, BIN_FLOOR, BIN_WIDTH, fillBins, orderGrades, percentOf, type Bin, type GradeCount } from "./stats";

/*
 * Reads of the scoring and results pages (spec/workflow.md "Scoring and initial reports"). A
 * province has 50,000 units: rankings, statistics and comparisons are filtered, aggregated, ranked
 * and paginated by PostgreSQL over `unit_result`; only a page of rows ever reaches the server.
 * The pages check the permission first; the cycle readers below apply the state rules.
 */

export type ResultsCycle = { id: string; year: number; name: string; status: CycleState };

const cycleSelect = { id: true, year: true, name: true, status: true } as const;

/** A cycle that has reached scoring, for the office's scoring pages; null otherwise. */
export async function scoringCycle(cycleId: string): Promise<ResultsCycle | null> {
  const cycle = await db().cycle.findUnique({ where: { id: cycleId }, select: cycleSelect });
  return cycle && hasResultStates(cycle.status) ? cycle : null;
}

/** The cycle when these roles may read its results (a reviewer: approval or archived); null otherwise. */
export async function resultsCycle(cycleId: string, roles: readonly UserRole[]): Promise<ResultsCycle | null> {
  const cycle = await db().cycle.findUnique({ where: { id: cycleId }, select: cycleSelect });
  return cycle && canReadCycleResults(roles, cycle.status) ? cycle : null;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const dir = (order: "asc" | "desc") => (order === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`);
const limit = (page: number | null, size: number) => (page === null ? Prisma.empty : Prisma.sql`LIMIT ${size} OFFSET ${(page - 1) * size}`);

// ---- Runs --------------------------------------------------------------------------------------

export type ScoringSummary = { units: number; scored: number; issued: number };

export async function scoringSummary(cycleId: string): Promise<ScoringSummary> {
  const [row] = await db().$queryRaw<ScoringSummary[]>`
    SELECT count(*)::int AS units, count(current_result_id)::int AS scored, count(issued_at)::int AS issued FROM cycle_unit WHERE cycle_id = ${cycleId}`;
  return row ?? { units: 0, scored: 0, issued: 0 };
}

export type RunRow = {
  id: string; number: number; status: "running" | "succeeded" | "failed"; startedByName: string | null; startedAt: Date; finishedAt: Date | null;
  unitCount: number; problemCount: number; error: string | null; selectedCount: number;
  phase: RunPhase; done: number; total: number; stale: boolean; current: boolean; rowCount: number;
};

function runsSql(cycleId: string, where: Prisma.Sql, tail: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT r.id, r.number, r.status::text AS status, r.started_by_name AS "startedByName", r.started_at AS "startedAt", r.finished_at AS "finishedAt",
           r.unit_count AS "unitCount", r.problem_count AS "problemCount", r.error, cardinality(r.selected_unit_ids)::int AS "selectedCount",
           COALESCE(p.phase, 'queued') AS phase, COALESCE(p.done, 0) AS done, COALESCE(p.total, 0) AS total,
           (r.status = 'running' AND p.heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})) AS stale,
           r.id IS NOT DISTINCT FROM (SELECT id FROM scoring_run WHERE cycle_id = ${cycleId} AND status = 'succeeded' ORDER BY number DESC LIMIT 1) AS current,
           count(*) OVER ()::int AS "rowCount"
      FROM scoring_run r LEFT JOIN scoring_run_progress p ON p.run_id = r.id
     WHERE r.cycle_id = ${cycleId} ${where}
     ORDER BY r.number DESC ${tail}`;
}

/** The cycle's runs, newest first, with their progress; `current` marks the latest successful run. */
export async function listRuns(cycleId: string, page: number, size: number): Promise<{ rows: RunRow[]; total: number }> {
  const rows = await db().$queryRaw<RunRow[]>(runsSql(cycleId, Prisma.empty, limit(page, size)));
  return { rows, total: rows[0]?.rowCount ?? 0 };
}

/** The run in progress (at most one per cycle), or null. */
export async function runningRun(cycleId: string): Promise<RunRow | null> {
  const [row] = await db().$queryRaw<RunRow[]>(runsSql(cycleId, Prisma.sql`AND r.status = 'running'`, Prisma.sql`LIMIT 1`));
  return row ?? null;
}

/** One run of the cycle (null when the id belongs to another cycle). */
export async function runOf(cycleId: string, runId: string): Promise<RunRow | null> {
  const [row] = await db().$queryRaw<RunRow[]>(runsSql(cycleId, Prisma.sql`AND r.id = ${runId}`, Prisma.empty));
  return row ?? null;
}

/** The latest successful runs (for the default comparison). */
export async function latestSucceededRuns(cycleId: string, count: number): Promise<{ id: string; number: number; finishedAt: Date | null; unitCount: number }[]> {
  return db().scoringRun.findMany({ where: { cycleId, status: "succeeded" }, select: { id: true, number: true, finishedAt: true, unitCount: true }, orderBy: { number: "desc" }, take: count });
}

/** The successful run before run number `number` (for "compare with the previous run"). */
export async function previousSucceededRun(cycleId: string, number: number): Promise<{ id: string; number: number } | null> {
  return db().scoringRun.findFirst({ where: { cycleId, status: "succeeded", number: { lt: number } }, select: { id: true, number: true }, orderBy: { number: "desc" } });
}

export type ProblemRow = RunProblem & { sourceNames: string[]; subName: string | null };
export type ProblemCounts = Record<RunProblem["kind"], number>;

/**
 * A failed run's stored problems (at most PROBLEMS_KEPT, so filtering them in memory is fine),
 * filtered by kind and by unit or indicator; `page` null = all of them (the export).
 */
export async function runProblems(cycleId: string, runId: string, query: ProblemListQuery, page: number | null, size: number): Promise<{ rows: ProblemRow[]; total: number; counts: ProblemCounts }> {
  const run = await db().scoringRun.findFirst({ where: { id: runId, cycleId }, select: { problems: true } });
  const all = (Array.isArray(run?.problems) ? run.problems : []) as unknown as RunProblem[];
  const counts: ProblemCounts = { missing: 0, invalid: 0, setup: 0 };
  for (const p of all) counts[p.kind]++;
  const q = query.q?.toLowerCase();
  const matching = all.filter((p) => (!query.kind || p.kind === query.kind) && (!q || [p.unitName, p.indicatorCode ?? "", p.indicatorName ?? ""].some((s) => s.toLowerCase().includes(q))));
  const shown = page === null ? matching : matching.slice((page - 1) * size, page * size);
  const ids = [...new Set(shown.flatMap((p) => p.sourceOrgIds))];
  const orgs = ids.length > 0 ? await db().organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, shortName: true } }) : [];
  const names = new Map(orgs.map((o) => [o.id, o.shortName ?? o.name]));
  const subNames = shown.some((p) => p.subKey) ? await subItemNames(cycleId) : new Map<string, string>();
  const rows = shown.map((p) => ({ ...p, sourceNames: p.sourceOrgIds.map((id) => names.get(id) ?? id), subName: p.subKey ? (subNames.get(`${p.indicatorCode}|${p.subKey}`) ?? p.subKey) : null }));
  return { rows, total: matching.length, counts };
}

/** "indicator|sub-item key" → the sub-item's name, over the cycle's schemes. */
async function subItemNames(cycleId: string): Promise<Map<string, string>> {
  const pins = await db().cycleScheme.findMany({ where: { cycleId }, select: { schemeVersion: { select: { document: true } } } });
  const out = new Map<string, string>();
  for (const pin of pins) {
    for (const c of readStoredDocument(pin.schemeVersion.document).categories) {
      for (const i of c.indicators) for (const item of i.items ?? []) out.set(`${i.code}|${item.key}`, item.name);
    }
  }
  return out;
}

export type PickUnit = { id: string; name: string; uscc: string; kind: UnitKind; total: string | null; issued: boolean; rowCount: number };

/** Enrolled units for the "selected units" picker: a searched page, with each unit's current total. */
export async function unitsToPick(cycleId: string, q: string | undefined, page: number, size: number): Promise<{ rows: PickUnit[]; total: number }> {
  const search = q ? Prisma.sql`AND (o.name ILIKE ${like(q)} OR o.uscc = ${q.toUpperCase()})` : Prisma.empty;
  const rows = await db().$queryRaw<PickUnit[]>`
    SELECT o.id, o.name, o.uscc, cu.unit_kind::text AS kind, r.total::text AS total, cu.issued_at IS NOT NULL AS issued, count(*) OVER ()::int AS "rowCount"
      FROM cycle_unit cu JOIN organisation o ON o.id = cu.organisation_id LEFT JOIN unit_result r ON r.id = cu.current_result_id
     WHERE cu.cycle_id = ${cycleId} ${search}
     ORDER BY o.name, o.id ${limit(page, size)}`;
  return { rows, total: rows[0]?.rowCount ?? 0 };
}

// ---- Schemes of the results --------------------------------------------------------------------

export type RankingScheme = {
  schemeVersionId: string; code: string; version: number; name: string; unitKinds: UnitKind[];
  categories: { code: string; name: string; weight: number }[];
  indicators: { code: string; name: string; max: number }[];
  grades: string[]; results: number;
};

/*
 * Results are immutable and a unit's current result changes only when a run succeeds, so the
 * aggregates over a cycle's current results are kept per latest successful run: the whole province
 * opening its reports in one week asks for the same averages over 50,000 results again and again.
 */
const KEPT_PER_RUN = 128;
const perRunCache = new Map<string, Promise<unknown>>();

async function keptPerRun<T>(cycleId: string, what: string, compute: () => Promise<T>): Promise<T> {
  const latest = await db().scoringRun.findFirst({ where: { cycleId, status: "succeeded" }, select: { id: true }, orderBy: { number: "desc" } });
  const key = `${cycleId}|${latest?.id ?? "-"}|${what}`;
  let entry = perRunCache.get(key) as Promise<T> | undefined;
  if (!entry) {
    entry = compute();
    perRunCache.set(key, entry);
    entry.catch(() => perRunCache.delete(key));
    while (perRunCache.size > KEPT_PER_RUN) perRunCache.delete(perRunCache.keys().next().value!);
  }
  return entry;
}

/** The cycle's scheme versions with the unit kinds each is used for (names, weights, grades from the documents). */
async function schemesOf(cycleId: string): Promise<Omit<RankingScheme, "results">[]> {
  const pins = await db().cycleScheme.findMany({ where: { cycleId }, select: { unitKind: true, schemeVersion: { select: { id: true, code: true, version: true, name: true, document: true } } }, orderBy: { unitKind: "asc" } });
  const out = new Map<string, Omit<RankingScheme, "results">>();
  for (const { unitKind, schemeVersion: v } of pins) {
    const known = out.get(v.id);
    if (known) {
      known.unitKinds.push(unitKind);
      continue;
    }
    const document = readStoredDocument(v.document);
    out.set(v.id, {
      schemeVersionId: v.id, code: v.code, version: v.version, name: v.name, unitKinds: [unitKind],
      categories: document.categories.map((c) => ({ code: c.code, name: c.name, weight: c.weight })),
      indicators: document.categories.flatMap((c) => c.indicators.map((i) => ({ code: i.code, name: i.name, max: i.max }))),
      grades: document.grades.map((g) => g.label),
    });
  }
  return [...out.values()];
}

/** The cycle's scheme versions (one tab each), with how many units have a current result under each. */
export async function rankingSchemes(cycleId: string): Promise<RankingScheme[]> {
  const [schemes, counts] = await Promise.all([
    schemesOf(cycleId),
    keptPerRun(cycleId, "counts", () => db().$queryRaw<{ id: string; n: number }[]>`
      SELECT r.scheme_version_id AS id, count(*)::int AS n FROM cycle_unit cu JOIN unit_result r ON r.id = cu.current_result_id WHERE cu.cycle_id = ${cycleId} GROUP BY 1`),
  ]);
  return schemes.map((s) => ({ ...s, results: counts.find((c) => c.id === s.schemeVersionId)?.n ?? 0 }));
}

// ---- Ranking -----------------------------------------------------------------------------------

export type RankingRow = {
  resultId: string; unitId: string; name: string; uscc: string; kind: UnitKind; total: string; grade: string | null;
  position: number; categories: { code: string; score: string; weight: number }[]; issuedAt: Date | null; rowCount: number;
};
type RankingFilter = Pick<RankingQuery, "q" | "kind" | "grade" | "issued">;

/** The current result of each unit of the cycle under one scheme (narrow columns: they are sorted). */
const currentResults = (cycleId: string, schemeVersionId: string, extra: Prisma.Sql = Prisma.empty) => Prisma.sql`
  SELECT r.id, r.unit_id, r.unit_kind::text AS kind, r.total, r.grade, cu.issued_at ${extra}
    FROM cycle_unit cu JOIN unit_result r ON r.id = cu.current_result_id
   WHERE cu.cycle_id = ${cycleId} AND r.scheme_version_id = ${schemeVersionId}`;

/**
 * Current results of one scheme ranked over ALL of them (RANK: equal totals share a position)
 * before any filter; filtered, counted, sorted and cut to a page on narrow rows; the page's wide
 * columns (category scores) are joined last.
 */
function rankingSql(cycleId: string, schemeVersionId: string, filter: RankingFilter, sortScore: string | null, keyset: Prisma.Sql, order: Prisma.Sql, cut: Prisma.Sql): Prisma.Sql {
  const where = [Prisma.sql`TRUE`];
  if (filter.q) where.push(Prisma.sql`(o.name ILIKE ${like(filter.q)} OR o.uscc = ${filter.q.toUpperCase()})`);
  if (filter.kind) where.push(Prisma.sql`x.kind = ${filter.kind}`);
  if (filter.grade) where.push(Prisma.sql`x.grade = ${filter.grade}`);
  if (filter.issued) where.push(filter.issued === "yes" ? Prisma.sql`x.issued_at IS NOT NULL` : Prisma.sql`x.issued_at IS NULL`);
  const score = sortScore
    ? Prisma.sql`, (SELECT (c->>'score')::numeric FROM jsonb_array_elements(r.categories) c WHERE c->>'code' = ${sortScore}) AS sort_score`
    : Prisma.sql`, NULL::numeric AS sort_score`;
  return Prisma.sql`
    WITH ranked AS (SELECT c.*, RANK() OVER (ORDER BY c.total DESC)::int AS position FROM (${currentResults(cycleId, schemeVersionId, score)}) c),
    matched AS (
      SELECT x.*, o.name, o.uscc, count(*) OVER ()::int AS "rowCount" FROM ranked x JOIN organisation o ON o.id = x.unit_id
       WHERE ${Prisma.join(where, " AND ")} ${keyset}),
    page AS (SELECT * FROM matched x ORDER BY ${order} ${cut})
    SELECT x.id AS "resultId", x.unit_id AS "unitId", x.name, x.uscc, x.kind, x.total::text AS total, x.grade, x.position, r.categories,
           x.issued_at AS "issuedAt", x."rowCount"
      FROM page x JOIN unit_result r ON r.id = x.id
     ORDER BY ${order}`;
}

function rankingOrder(sort: RankingQuery["sort"], order: "asc" | "desc"): Prisma.Sql {
  const by: Record<string, Prisma.Sql> = {
    rank: Prisma.sql`x.position ${dir(order)}`,
    total: Prisma.sql`x.total ${dir(order)}`,
    name: Prisma.sql`x.name ${dir(order)}`,
    kind: Prisma.sql`x.kind ${dir(order)}, x.position`,
  };
  const first = sort.startsWith("cat:") ? Prisma.sql`x.sort_score ${dir(order)} NULLS LAST, x.position` : (by[sort] ?? by.rank!);
  return Prisma.sql`${first}, x.name, x.unit_id`;
}

/** One page of the ranking table, filtered and sorted in SQL (the sort already checked against the scheme). */
export async function rankingPage(cycleId: string, schemeVersionId: string, query: RankingQuery, size: number): Promise<{ rows: RankingRow[]; total: number }> {
  const sortScore = query.sort.startsWith("cat:") ? query.sort.slice(4) : null;
  const rows = await db().$queryRaw<RankingRow[]>(rankingSql(cycleId, schemeVersionId, query, sortScore, Prisma.empty, rankingOrder(query.sort, query.order), limit(query.page, size)));
  return { rows, total: rows[0]?.rowCount ?? 0 };
}

/** Every row of a filter in ranking order, in keyset batches (total DESC, unit id), for the Excel export. */
export async function* rankingForExport(cycleId: string, schemeVersionId: string, filter: RankingFilter, batch = 2000): AsyncGenerator<RankingRow[]> {
  let after: { total: string; unitId: string } | null = null;
  for (;;) {
    const keyset: Prisma.Sql = after
      ? Prisma.sql`AND (x.total < ${after.total}::numeric OR (x.total = ${after.total}::numeric AND x.unit_id > ${after.unitId}))`
      : Prisma.empty;
    const sql = rankingSql(cycleId, schemeVersionId, filter, null, keyset, Prisma.sql`x.total DESC, x.unit_id`, Prisma.sql`LIMIT ${batch}`);
    const rows: RankingRow[] = await db().$queryRaw<RankingRow[]>(sql);
    if (rows.length === 0) return;
    yield rows;
    const last: RankingRow = rows[rows.length - 1]!;
    after = { total: last.total, unitId: last.unitId };
    if (rows.length < batch) return;
  }
}

// ---- Statistics --------------------------------------------------------------------------------

export type CategoryAverage = { code: string; name: string; weight: number; average: number; percent: number };
export type IndicatorAverage = { code: string; name: string; max: number; average: number | null; percent: number | null; notApplicable: number };
export type SchemeStatistics = {
  count: number; average: number | null; max: number | null; min: number | null;
  bins: Bin[]; grades: GradeCount[]; categories: CategoryAverage[]; indicators: IndicatorAverage[];
};

type StatisticsRow = {
  summary: { count: number; average: number | null; max: number | null; min: number | null };
  bins: { bin: number; count: number }[] | null;
  grades: { grade: string | null; count: number }[] | null;
  categories: { code: string; average: number }[] | null;
  indicators: { code: string; average: number | null; notApplicable: number }[] | null;
};

/** Aggregates of one scheme's current results, in one statement over them. */
async function computeStatistics(cycleId: string, scheme: Omit<RankingScheme, "results">): Promise<SchemeStatistics> {
  const wide = Prisma.sql`, r.categories, r.indicators`;
  const [row] = await db().$queryRaw<StatisticsRow[]>`
    WITH cur AS MATERIALIZED (${currentResults(cycleId, scheme.schemeVersionId, wide)})
    SELECT (SELECT json_build_object('count', count(*), 'average', round(avg(total), 2), 'max', max(total), 'min', min(total)) FROM cur) AS summary,
           (SELECT json_agg(json_build_object('bin', bin, 'count', n)) FROM (
              SELECT CASE WHEN total < ${BIN_FLOOR} THEN 0 ELSE LEAST(floor((total - ${BIN_FLOOR}) / ${BIN_WIDTH})::int + 1, ${BIN_COUNT - 1}) END AS bin, count(*) AS n
                FROM cur GROUP BY 1) b) AS bins,
           (SELECT json_agg(json_build_object('grade', grade, 'count', n)) FROM (SELECT grade, count(*) AS n FROM cur GROUP BY grade) g) AS grades,
           (SELECT json_agg(json_build_object('code', code, 'average', a)) FROM (
              SELECT c->>'code' AS code, round(avg((c->>'score')::numeric), 2) AS a FROM cur, jsonb_array_elements(cur.categories) c GROUP BY 1) x) AS categories,
           (SELECT json_agg(json_build_object('code', code, 'average', a, 'notApplicable', na)) FROM (
              SELECT i->>'code' AS code, round(avg((i->>'score')::numeric), 2) AS a, count(*) FILTER (WHERE (i->>'notApplicable')::boolean) AS na
                FROM cur, jsonb_array_elements(cur.indicators) i GROUP BY 1) x) AS indicators`;
  const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  const catAvg = new Map((row?.categories ?? []).map((c) => [c.code, Number(c.average)]));
  const indAvg = new Map((row?.indicators ?? []).map((i) => [i.code, i]));
  const summary = row?.summary;
  return {
    count: summary?.count ?? 0, average: num(summary?.average), max: num(summary?.max), min: num(summary?.min),
    bins: fillBins(row?.bins ?? []),
    grades: orderGrades(scheme.grades, row?.grades ?? []),
    categories: scheme.categories.filter((c) => catAvg.has(c.code)).map((c) => ({ ...c, average: catAvg.get(c.code)!, percent: percentOf(catAvg.get(c.code)!, c.weight) })),
    indicators: scheme.indicators.map((i) => {
      const a = indAvg.get(i.code);
      const average = num(a?.average);
      return { ...i, average, percent: average === null ? null : percentOf(average, i.max), notApplicable: a?.notApplicable ?? 0 };
    }),
  };
}

/** Distribution, grades, category and indicator averages of the current results of one scheme. */
export async function schemeStatistics(cycleId: string, scheme: Omit<RankingScheme, "results">): Promise<SchemeStatistics> {
  return keptPerRun(cycleId, `statistics|${scheme.schemeVersionId}`, () => computeStatistics(cycleId, scheme));
}

export type CategoryComparison = { name: string; unit: number; average: number };

/**
 * A unit's category scores against the average of its scheme's current results, both as % of the
 * category's weight (the radar chart). `resultId` picks another of the unit's results (e.g. the
 * issued one); by default its current result. Empty when the unit has no result.
 */
export async function unitCategoryComparison(cycleId: string, unitId: string, resultId?: string): Promise<CategoryComparison[]> {
  const result = resultId
    ? await db().unitResult.findFirst({ where: { id: resultId, cycleId, unitId }, select: { schemeVersionId: true, categories: true } })
    : (await db().cycleUnit.findUnique({ where: { cycleId_organisationId: { cycleId, organisationId: unitId } }, select: { currentResult: { select: { schemeVersionId: true, categories: true } } } }))?.currentResult;
  if (!result) return [];
  const scheme = (await schemesOf(cycleId)).find((s) => s.schemeVersionId === result.schemeVersionId);
  const averages = scheme ? new Map((await schemeStatistics(cycleId, scheme)).categories.map((c) => [c.code, c.average])) : new Map<string, number>();
  const names = new Map(scheme?.categories.map((c) => [c.code, c.name]));
  return (result.categories as { code: string; score: string; weight: number }[]).map((c) => ({
    name: names.get(c.code) ?? c.code,
    unit: percentOf(Number(c.score), c.weight),
    average: percentOf(averages.get(c.code) ?? 0, c.weight),
  }));
}

// ---- Comparing two runs ------------------------------------------------------------------------

export type CompareRun = { id: string; number: number; finishedAt: Date | null; unitCount: number };
export type CompareRow = {
  unitId: string; name: string; totalA: string | null; totalB: string | null; gradeA: string | null; gradeB: string | null;
  rankA: number | null; rankB: number | null; indicators: { code: string; a: string | null; b: string | null }[]; rowCount: number;
};
export type CompareSummary = { units: number; changed: number; onlyA: number; onlyB: number; gradeChanged: number; up: number; down: number };

function joinedRuns(a: string, b: string): Prisma.Sql {
  return Prisma.sql`
    ra AS (SELECT unit_id, total, grade, rank, indicators FROM unit_result WHERE run_id = ${a}),
    rb AS (SELECT unit_id, total, grade, rank, indicators FROM unit_result WHERE run_id = ${b}),
    j AS (
      SELECT COALESCE(ra.unit_id, rb.unit_id) AS unit_id, ra.total AS ta, rb.total AS tb, ra.grade AS ga, rb.grade AS gb, ra.rank AS rka, rb.rank AS rkb,
             ra.indicators AS ia, rb.indicators AS ib,
             CASE WHEN ra.unit_id IS NULL OR rb.unit_id IS NULL THEN true
                  WHEN ra.total <> rb.total OR ra.grade IS DISTINCT FROM rb.grade THEN true
                  WHEN ra.indicators = rb.indicators THEN false
                  ELSE EXISTS (SELECT 1 FROM jsonb_array_elements(ra.indicators) x FULL JOIN jsonb_array_elements(rb.indicators) y ON x->>'code' = y->>'code'
                                WHERE x IS NULL OR y IS NULL OR (x->>'score') IS DISTINCT FROM (y->>'score')) END AS changed
        FROM ra FULL JOIN rb ON ra.unit_id = rb.unit_id)`;
}

/**
 * Two successful runs of the cycle side by side: per unit the total, grade and rank in each and the
 * indicators whose score differs. Only changed units unless `all`; null when a run is not found.
 */
export async function compareRuns(cycleId: string, query: CompareQuery, size: number): Promise<{ a: CompareRun; b: CompareRun; rows: CompareRow[]; total: number; summary: CompareSummary } | null> {
  if (!query.a || !query.b) return null;
  const runs = await db().scoringRun.findMany({ where: { cycleId, id: { in: [query.a, query.b] }, status: "succeeded" }, select: { id: true, number: true, finishedAt: true, unitCount: true } });
  const a = runs.find((r) => r.id === query.a);
  const b = runs.find((r) => r.id === query.b);
  if (!a || !b) return null;
  const where = [Prisma.sql`TRUE`];
  if (!query.all) where.push(Prisma.sql`j.changed`);
  if (query.q) where.push(Prisma.sql`(o.name ILIKE ${like(query.q)} OR o.uscc = ${query.q.toUpperCase()})`);
  const order = query.sort === "name" ? Prisma.sql`o.name` : Prisma.sql`(j.ta IS NULL OR j.tb IS NULL) DESC, abs(j.tb - j.ta) DESC NULLS LAST`;
  const [[summary], rows] = await Promise.all([
    keptPerRun(cycleId, `compare|${a.id}|${b.id}`, () => db().$queryRaw<CompareSummary[]>`
      WITH ${joinedRuns(a.id, b.id)}
      SELECT count(*)::int AS units, count(*) FILTER (WHERE changed)::int AS changed, count(*) FILTER (WHERE tb IS NULL)::int AS "onlyA",
             count(*) FILTER (WHERE ta IS NULL)::int AS "onlyB", count(*) FILTER (WHERE ta IS NOT NULL AND tb IS NOT NULL AND ga IS DISTINCT FROM gb)::int AS "gradeChanged",
             count(*) FILTER (WHERE tb > ta)::int AS up, count(*) FILTER (WHERE tb < ta)::int AS down
        FROM j`),
    db().$queryRaw<CompareRow[]>`
      WITH ${joinedRuns(a.id, b.id)},
      page AS (
        SELECT j.*, o.name, count(*) OVER ()::int AS "rowCount", row_number() OVER (ORDER BY ${order}, o.name, j.unit_id) AS n
          FROM j JOIN organisation o ON o.id = j.unit_id
         WHERE ${Prisma.join(where, " AND ")}
         ORDER BY n ${limit(query.page, size)})
      SELECT p.unit_id AS "unitId", p.name, p.ta::text AS "totalA", p.tb::text AS "totalB", p.ga AS "gradeA", p.gb AS "gradeB", p.rka AS "rankA", p.rkb AS "rankB", p."rowCount",
             COALESCE((SELECT jsonb_agg(jsonb_build_object('code', COALESCE(x->>'code', y->>'code'), 'a', x->>'score', 'b', y->>'score') ORDER BY COALESCE(x->>'code', y->>'code'))
                         FROM jsonb_array_elements(p.ia) x FULL JOIN jsonb_array_elements(p.ib) y ON x->>'code' = y->>'code'
                        WHERE p.ia IS NOT NULL AND p.ib IS NOT NULL AND (x->>'score') IS DISTINCT FROM (y->>'score')), '[]'::jsonb) AS indicators
        FROM page p ORDER BY p.n`,
  ]);
  return { a, b, rows, total: rows[0]?.rowCount ?? 0, summary: summary ?? { units: 0, changed: 0, onlyA: 0, onlyB: 0, gradeChanged: 0, up: 0, down: 0 } };
}
