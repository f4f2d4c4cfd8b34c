import { z } from "zod";
import type { AuditActor } from "@/lib/auth/actor";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { auditRow, writeAudit, type AuditEntry } from "@/lib/audit/mutations";
import { loadCycleSlots } from "@/lib/collection/cycle-slots";
import type { EntryInput, RecordInput, UnitAnswers } from "@/lib/collection/derive";
import { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { parseInput } from "@/lib/cycles/lock";
import { AppError } from "@/lib/errors";
import type { UnitKind } from "@/lib/scoring";
import { needsAllUnits, planScoring, type RunProblem, type RunScheme, type RunUnit, type ScoredUnit } from "./plan";

/*
 * A scoring run (spec/workflow.md "Scoring and initial reports"; docs/decisions/006). start() records
 * the run; execute() loads every answer, scores, and stores every unit's result together with the
 * run's success in ONE transaction — or nothing: a failure stores the problems, a killed process
 * leaves its transaction rolled back and its run "running" with a stale heartbeat, which reapStale()
 * then marks as interrupted. Progress goes to scoring_run_progress on its own connection.
 */

export const RUN_STATES = ["scoring", "feedback"] as const;
/** Problems kept on the run row; the count has them all. */
export const PROBLEMS_KEPT = 2000;
/** A running run whose heartbeat is older than this is taken for dead. */
export const STALE_AFTER_SECONDS = 180;
const LOAD_BATCH = 5000;
const WRITE_SLICE = 500;

export const startRunSchema = z.object({
  cycleId: z.string().min(1).max(60),
  /** Organisation ids; empty = every enrolled unit whose initial result is not issued yet. */
  unitIds: z.array(z.string().min(1).max(60)).max(100_000).default([]),
});
export type StartRunInput = z.input<typeof startRunSchema>;

export type RunPhase = "queued" | "loading" | "scoring" | "writing" | "done";
export const RUN_PHASE_LABELS: Readonly<Record<RunPhase, string>> = {
  queued: "排队中",
  loading: "读取报送数据",
  scoring: "计算得分",
  writing: "保存结果",
  done: "完成",
};

/** Marks runs whose process stopped (stale heartbeat) as interrupted; their transaction never committed. */
export async function reapStale(client: PrismaClient | Tx, cycleId: string, staleAfterSeconds = STALE_AFTER_SECONDS): Promise<number> {
  return client.$executeRaw`
    UPDATE scoring_run r SET status = 'failed', finished_at = now(), error = '评分进程意外中断，本次评分未保存任何结果，请重新评分'
      FROM scoring_run_progress p
     WHERE p.run_id = r.id AND r.cycle_id = ${cycleId} AND r.status = 'running'
       AND p.heartbeat_at < now() - make_interval(secs => ${staleAfterSeconds})`;
}

/** Records a new run (refused while another is running, or outside the scoring and feedback states). */
export async function startRun(client: PrismaClient, actor: AuditActor, raw: StartRunInput, ip: string | null = null): Promise<{ runId: string; number: number }> {
  const input = parseInput(startRunSchema, raw);
  await reapStale(client, input.cycleId);
  try {
    return await client.$transaction(async (tx) => {
      const cycle = await tx.cycle.findUnique({ where: { id: input.cycleId }, select: { id: true, status: true, name: true } });
      if (!cycle) throw new AppError("NOT_FOUND");
      if (!(RUN_STATES as readonly string[]).includes(cycle.status)) throw new AppError("CONFLICT", "只有在评分阶段（或反馈阶段的未送达单位）才能评分");
      const selected = [...new Set(input.unitIds)];
      if (selected.length > 0) {
        const rows = await tx.cycleUnit.findMany({ where: { cycleId: cycle.id, organisationId: { in: selected } }, select: { organisationId: true, issuedAt: true, organisation: { select: { name: true } } } });
        const found = new Set(rows.map((r) => r.organisationId));
        const unknown = selected.filter((id) => !found.has(id));
        if (unknown.length > 0) throw new AppError("INVALID", `有${unknown.length}个所选单位不在本周期的受评单位中`);
        const issued = rows.filter((r) => r.issuedAt);
        if (issued.length > 0) throw new AppError("CONFLICT", `初评结果已送达的单位不能重新评分：${issued.slice(0, 5).map((r) => r.organisation.name).join("、")}${issued.length > 5 ? `等${issued.length}个` : ""}`);
      } else {
        const open = await tx.cycleUnit.count({ where: { cycleId: cycle.id, issuedAt: null } });
        if (open === 0) throw new AppError("CONFLICT", "所有单位的初评结果都已送达，没有需要评分的单位");
      }
      const last = await tx.scoringRun.aggregate({ where: { cycleId: cycle.id }, _max: { number: true } });
      const number = (last._max.number ?? 0) + 1;
      const run = await tx.scoringRun.create({
        data: { cycleId: cycle.id, number, selectedUnitIds: selected, startedById: actor?.id ?? null, startedByName: actor?.displayName ?? null },
      });
      await tx.scoringRunProgress.create({ data: { runId: run.id } });
      await writeAudit(tx, {
        actor, action: "scoring.run_started", entityType: "scoring_run", entityId: run.id,
        after: { number, scope: selected.length > 0 ? "selected" : "all" }, meta: { cycleId: cycle.id, cycle: cycle.name, selectedUnits: selected.length }, ip,
      });
      return { runId: run.id, number };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "本周期已有一次评分正在进行，请等待它完成");
    }
    throw error;
  }
}

type EnrolledUnit = { id: string; name: string; kind: UnitKind; issued: boolean };

type Query = <R extends object = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<R[]>;
type Batch = { ids: string[]; /** the ids are every enrolled unit between lo and hi (by id) */ range: { lo: string; hi: string } | null };

/**
 * The answers of a batch of units as two compact JSON texts (one per table), parsed here: two rows
 * through the driver instead of one per fact. A batch of consecutive ids reads an index range.
 */
async function loadAnswers(query: Query, cycleId: string, batch: Batch): Promise<Map<string, UnitAnswers>> {
  const which = batch.range ? "unit_id BETWEEN $2 AND $3" : "unit_id = ANY($2::text[])";
  const params = batch.range ? [cycleId, batch.range.lo, batch.range.hi] : [cycleId, batch.ids];
  const [[entries], [records]] = await Promise.all([
    query<{ rows: string | null }>(`SELECT json_agg(json_build_array(unit_id, indicator_code, sub_key, source_org_id, answer, value))::text AS rows FROM fact_entry WHERE cycle_id = $1 AND ${which}`, params),
    query<{ rows: string | null }>(`SELECT json_agg(json_build_array(unit_id, indicator_code, sub_key, source_org_id, item_key))::text AS rows FROM fact_record WHERE cycle_id = $1 AND ${which} AND withdrawn_at IS NULL`, params),
  ]);
  const out = new Map<string, { entries: EntryInput[]; records: RecordInput[] }>(batch.ids.map((id) => [id, { entries: [], records: [] }]));
  type EntryRow = [string, string, string, string, EntryInput["answer"], unknown];
  for (const [unitId, indicatorCode, subKey, sourceOrgId, answer, value] of JSON.parse(entries?.rows ?? "[]") as EntryRow[]) {
    out.get(unitId)?.entries.push({ indicatorCode, subKey, sourceOrgId, answer, value });
  }
  for (const [unitId, indicatorCode, subKey, sourceOrgId, itemKey] of JSON.parse(records?.rows ?? "[]") as string[][]) {
    out.get(unitId!)?.records.push({ indicatorCode: indicatorCode!, subKey: subKey!, sourceOrgId: sourceOrgId!, itemKey: itemKey! });
  }
  return out;
}

/** Consecutive slices of the units by id; ranges when they are all the enrolled units in that span. */
function batches(toScore: readonly { id: string }[], enrolledCount: number, size: number): Batch[] {
  const ids = toScore.map((u) => u.id).sort();
  const whole = ids.length === enrolledCount;
  const out: Batch[] = [];
  for (let i = 0; i < ids.length; i += size) {
    const slice = ids.slice(i, i + size);
    out.push({ ids: slice, range: whole ? { lo: slice[0]!, hi: slice[slice.length - 1]! } : null });
  }
  return out;
}

/** A value in COPY's text format (backslash, tab and line breaks escaped; null as \N). */
function copyField(value: string | number | null): string {
  if (value === null) return "\\N";
  return String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/**
 * The results go in with one COPY FROM STDIN, PostgreSQL's bulk path, inside the run's transaction.
 * The text is generated in slices as the server asks for it, so Node writes while PostgreSQL parses.
 */
async function copyResults(connection: pg.Client, runId: string, cycleId: string, rows: readonly ScoredUnit[], onSlice: (written: number) => void): Promise<void> {
  function* text(): Generator<string> {
    for (let i = 0; i < rows.length; i += WRITE_SLICE) {
      const lines = rows.slice(i, i + WRITE_SLICE).map((r) =>
        [randomUUID(), runId, cycleId, r.unitId, r.unitKind, r.schemeVersionId, r.result.total, r.result.grade, r.result.rank,
          JSON.stringify(r.result.categories), JSON.stringify(r.result.indicators), JSON.stringify(r.facts)].map(copyField).join("\t"),
      );
      yield `${lines.join("\n")}\n`;
      onSlice(Math.min(i + WRITE_SLICE, rows.length));
    }
  }
  const sink = connection.query(copyFrom(`COPY unit_result (id, run_id, cycle_id, unit_id, unit_kind, scheme_version_id, total, grade, rank, categories, indicators, facts) FROM STDIN`));
  await pipeline(Readable.from(text()), sink);
}

async function insertAudit(query: Query, entry: AuditEntry): Promise<void> {
  const r = auditRow(entry);
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  await query(
    `INSERT INTO audit_log (actor_id, actor_name, actor_org_id, action, entity_type, entity_id, outcome, before, after, meta, ip) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11)`,
    [r.actorId, r.actorName, r.actorOrgId, r.action, r.entityType, r.entityId, r.outcome, json(r.before), json(r.after), json(r.meta), r.ip],
  );
}

/**
 * The run's transaction on a connection of its own (plain `pg`: the bulk reads and writes of a
 * province-size run go several times faster than through the ORM). REPEATABLE READ: every fact is
 * read from one snapshot, and a concurrent change to a unit's row (issuing) fails the run instead
 * of being overwritten. A thrown error or a `null` result rolls everything back.
 */
async function inRunTransaction<T>(databaseUrl: string, work: (query: Query, connection: pg.Client) => Promise<T | null>): Promise<T | null> {
  const connection = new pg.Client({ connectionString: databaseUrl, application_name: "integrity-scoring-run" });
  await connection.connect();
  const query: Query = async (text, values) => (await connection.query(text, values)).rows;
  try {
    await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    const out = await work(query, connection);
    await connection.query(out === null ? "ROLLBACK" : "COMMIT");
    return out;
  } catch (error) {
    await connection.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await connection.end().catch(() => undefined);
  }
}

/** Milliseconds spent per phase (kept in the audit row of a successful run). */
export type RunTimings = { load: number; score: number; write: number; total: number };
export type RunReport = { ok: true; runId: string; units: number; timings: RunTimings } | { ok: false; runId: string; problems: number; error: string | null };

/**
 * Runs a recorded run to its end. Never throws for the run's own failures: they are stored on the
 * run (status failed, problems, error) and returned.
 */
export async function executeRun(client: PrismaClient, actor: AuditActor, runId: string, ip: string | null = null, databaseUrl = process.env.DATABASE_URL): Promise<RunReport> {
  const run = await client.scoringRun.findUniqueOrThrow({ where: { id: runId }, include: { cycle: { select: { name: true } } } });
  const progress = (phase: RunPhase, done: number, total: number) =>
    client.$executeRaw`UPDATE scoring_run_progress SET phase = ${phase}, done = ${done}, total = ${total}, heartbeat_at = now() WHERE run_id = ${runId}`;
  const started = Date.now();
  const timings: RunTimings = { load: 0, score: 0, write: 0, total: 0 };
  let problems: RunProblem[] = [];
  try {
    if (!databaseUrl) throw new AppError("INVALID", "未设置 DATABASE_URL，无法评分");
    // The schemes and their source assignments cannot change once collection has closed.
    const slots = await loadCycleSlots(client, run.cycleId);
    const stored = await inRunTransaction(databaseUrl, async (query, connection) => {
      const enrolled = await query<EnrolledUnit>(`
        SELECT cu.organisation_id AS id, o.name, cu.unit_kind::text AS kind, cu.issued_at IS NOT NULL AS issued
          FROM cycle_unit cu JOIN organisation o ON o.id = cu.organisation_id
         WHERE cu.cycle_id = $1 ORDER BY o.name, cu.organisation_id`, [run.cycleId]);
      const selected = new Set(run.selectedUnitIds);
      const targets = new Set(enrolled.filter((u) => (selected.size > 0 ? selected.has(u.id) : !u.issued)).map((u) => u.id));
      const schemes: RunScheme[] = slots.schemes.map((s) => ({ ...s, slots: slots.slots.filter((slot) => slot.unitKind === s.unitKind).map((slot) => slot.bound) }));
      const allOfKind = new Set(schemes.filter((s) => needsAllUnits(s.document)).map((s) => s.unitKind));
      const kindsTargeted = new Set(enrolled.filter((u) => targets.has(u.id)).map((u) => u.kind));
      const toScore = enrolled.filter((u) => targets.has(u.id) || (allOfKind.has(u.kind) && kindsTargeted.has(u.kind)));
      const answers = new Map<string, UnitAnswers>();
      let mark = Date.now();
      await progress("loading", 0, toScore.length);
      for (const batch of batches(toScore, enrolled.length, LOAD_BATCH)) {
        for (const [id, a] of await loadAnswers(query, run.cycleId, batch)) answers.set(id, a);
        await progress("loading", answers.size, toScore.length);
      }
      const units: RunUnit[] = toScore.map((u) => ({ id: u.id, name: u.name, kind: u.kind, answers: answers.get(u.id)! }));
      answers.clear();
      timings.load = Date.now() - mark;
      mark = Date.now();
      await progress("scoring", 0, targets.size);
      const outcome = planScoring(schemes, units, { store: targets, sourceName: (id) => slots.sourceNames[id] ?? id });
      timings.score = Date.now() - mark;
      mark = Date.now();
      if (!outcome.ok) {
        problems = outcome.problems;
        return null;
      }
      await progress("writing", 0, outcome.results.length);
      // Progress while COPY streams: chained, so the updates land in order and all before "done".
      let reported: Promise<unknown> = Promise.resolve();
      await copyResults(connection, runId, run.cycleId, outcome.results, (written) => {
        reported = reported.then(() => progress("writing", written, outcome.results.length)).catch(() => undefined);
      });
      await reported;
      await query(`
        UPDATE cycle_unit cu SET current_result_id = r.id, version = cu.version + 1
          FROM unit_result r WHERE r.run_id = $1 AND cu.cycle_id = $2 AND cu.organisation_id = r.unit_id`, [runId, run.cycleId]);
      await query(`UPDATE scoring_run SET status = 'succeeded', finished_at = now(), unit_count = $2 WHERE id = $1`, [runId, outcome.results.length]);
      timings.write = Date.now() - mark;
      timings.total = Date.now() - started;
      await insertAudit(query, {
        actor, action: "scoring.run_succeeded", entityType: "scoring_run", entityId: runId,
        after: { number: run.number, units: outcome.results.length }, meta: { cycleId: run.cycleId, cycle: run.cycle.name, timings }, ip,
      });
      return outcome.results.length;
    });
    if (stored !== null) {
      await progress("done", stored, stored);
      return { ok: true, runId, units: stored, timings };
    }
    return await fail(client, actor, run, problems, null, ip);
  } catch (error) {
    const message = error instanceof AppError ? error.message : "评分过程中发生系统错误，本次评分未保存任何结果";
    console.error(`scoring run ${runId} failed`, error);
    return await fail(client, actor, run, [], message, ip);
  }
}

async function fail(client: PrismaClient, actor: AuditActor, run: { id: string; number: number; cycleId: string; cycle: { name: string } }, problems: RunProblem[], error: string | null, ip: string | null): Promise<RunReport> {
  await client.$transaction(async (tx) => {
    await tx.scoringRun.updateMany({
      where: { id: run.id, status: "running" },
      data: { status: "failed", finishedAt: new Date(), problemCount: problems.length, problems: problems.slice(0, PROBLEMS_KEPT) as unknown as Prisma.InputJsonValue, error },
    });
    await tx.scoringRunProgress.updateMany({ where: { runId: run.id }, data: { phase: "done" } });
    await writeAudit(tx, {
      actor, action: "scoring.run_failed", entityType: "scoring_run", entityId: run.id, outcome: "failed",
      after: { number: run.number, problems: problems.length }, meta: { cycleId: run.cycleId, cycle: run.cycle.name, error, firstProblems: problems.slice(0, 20).map((p) => `${p.unitName} ${p.indicatorCode ?? ""} ${p.message}`) }, ip,
    });
  });
  return { ok: false, runId: run.id, problems: problems.length, error };
}

/** start + execute, awaited (the command line, tests and the benchmark). */
export async function runScoring(client: PrismaClient, actor: AuditActor, input: StartRunInput, ip: string | null = null): Promise<RunReport & { number: number }> {
  const { runId, number } = await startRun(client, actor, input, ip);
  return { ...(await executeRun(client, actor, runId, ip)), number };
}
