import { z } from "zod";
import type { AuditActor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/mutations";
import { loadCycleSlots } from "@/lib/collection/cycle-slots";
import type { EntryInput, RecordInput, UnitAnswers } from "@/lib/collection/derive";
import { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
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
const LOAD_BATCH = 2000;
const WRITE_BATCH = 1000;

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

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new AppError("INVALID", "提交的内容有误：" + parsed.error.issues.map((i) => i.message).join("；"));
}

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
  const input = parse(startRunSchema, raw);
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

async function loadAnswers(tx: Tx, cycleId: string, ids: string[]): Promise<Map<string, UnitAnswers>> {
  const [entries, records] = await Promise.all([
    tx.$queryRaw<(EntryInput & { unitId: string })[]>`
      SELECT unit_id AS "unitId", indicator_code AS "indicatorCode", sub_key AS "subKey", source_org_id AS "sourceOrgId", answer::text AS answer, value
        FROM fact_entry WHERE cycle_id = ${cycleId} AND unit_id = ANY(${ids}::text[])`,
    tx.$queryRaw<(RecordInput & { unitId: string })[]>`
      SELECT unit_id AS "unitId", indicator_code AS "indicatorCode", sub_key AS "subKey", source_org_id AS "sourceOrgId", item_key AS "itemKey"
        FROM fact_record WHERE cycle_id = ${cycleId} AND unit_id = ANY(${ids}::text[]) AND withdrawn_at IS NULL`,
  ]);
  const out = new Map<string, { entries: EntryInput[]; records: RecordInput[] }>(ids.map((id) => [id, { entries: [], records: [] }]));
  for (const e of entries) out.get(e.unitId)?.entries.push(e);
  for (const r of records) out.get(r.unitId)?.records.push(r);
  return out;
}

async function insertResults(tx: Tx, runId: string, cycleId: string, rows: readonly ScoredUnit[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO unit_result (id, run_id, cycle_id, unit_id, unit_kind, scheme_version_id, total, grade, rank, categories, indicators, facts)
    SELECT gen_random_uuid()::text, ${runId}, ${cycleId}, u.unit_id, u.kind::"UnitKind", u.scheme, u.total, u.grade, u.rank, u.categories::jsonb, u.indicators::jsonb, u.facts::jsonb
      FROM unnest(${rows.map((r) => r.unitId)}::text[], ${rows.map((r) => r.unitKind)}::text[], ${rows.map((r) => r.schemeVersionId)}::text[],
                  ${rows.map((r) => r.result.total)}::numeric[], ${rows.map((r) => r.result.grade)}::text[], ${rows.map((r) => r.result.rank)}::int[],
                  ${rows.map((r) => JSON.stringify(r.result.categories))}::text[], ${rows.map((r) => JSON.stringify(r.result.indicators))}::text[],
                  ${rows.map((r) => JSON.stringify(r.facts))}::text[])
        AS u(unit_id, kind, scheme, total, grade, rank, categories, indicators, facts)`;
}

export type RunReport = { ok: true; runId: string; units: number } | { ok: false; runId: string; problems: number; error: string | null };

/**
 * Runs a recorded run to its end. Never throws for the run's own failures: they are stored on the
 * run (status failed, problems, error) and returned.
 */
export async function executeRun(client: PrismaClient, actor: AuditActor, runId: string, ip: string | null = null): Promise<RunReport> {
  const run = await client.scoringRun.findUniqueOrThrow({ where: { id: runId }, include: { cycle: { select: { name: true } } } });
  const progress = (phase: RunPhase, done: number, total: number) =>
    client.$executeRaw`UPDATE scoring_run_progress SET phase = ${phase}, done = ${done}, total = ${total}, heartbeat_at = now() WHERE run_id = ${runId}`;
  const started = Date.now();
  let problems: RunProblem[] = [];
  try {
    const stored = await client.$transaction(async (tx) => {
      const slots = await loadCycleSlots(tx, run.cycleId);
      const enrolled = await tx.$queryRaw<EnrolledUnit[]>`
        SELECT cu.organisation_id AS id, o.name, cu.unit_kind::text AS kind, cu.issued_at IS NOT NULL AS issued
          FROM cycle_unit cu JOIN organisation o ON o.id = cu.organisation_id
         WHERE cu.cycle_id = ${run.cycleId} ORDER BY o.name, cu.organisation_id`;
      const selected = new Set(run.selectedUnitIds);
      const targets = new Set(enrolled.filter((u) => (selected.size > 0 ? selected.has(u.id) : !u.issued)).map((u) => u.id));
      const schemes: RunScheme[] = slots.schemes.map((s) => ({ ...s, slots: slots.slots.filter((slot) => slot.unitKind === s.unitKind).map((slot) => slot.bound) }));
      const allOfKind = new Set(schemes.filter((s) => needsAllUnits(s.document)).map((s) => s.unitKind));
      const kindsTargeted = new Set(enrolled.filter((u) => targets.has(u.id)).map((u) => u.kind));
      const toScore = enrolled.filter((u) => targets.has(u.id) || (allOfKind.has(u.kind) && kindsTargeted.has(u.kind)));
      const units: RunUnit[] = [];
      for (let i = 0; i < toScore.length; i += LOAD_BATCH) {
        const batch = toScore.slice(i, i + LOAD_BATCH);
        const answers = await loadAnswers(tx, run.cycleId, batch.map((u) => u.id));
        for (const u of batch) units.push({ id: u.id, name: u.name, kind: u.kind, answers: answers.get(u.id)! });
        await progress("loading", Math.min(i + LOAD_BATCH, toScore.length), toScore.length);
      }
      await progress("scoring", 0, targets.size);
      const outcome = planScoring(schemes, units, { store: targets, sourceName: (id) => slots.sourceNames[id] ?? id });
      if (!outcome.ok) {
        problems = outcome.problems;
        return null;
      }
      for (let i = 0; i < outcome.results.length; i += WRITE_BATCH) {
        await insertResults(tx, runId, run.cycleId, outcome.results.slice(i, i + WRITE_BATCH));
        await progress("writing", Math.min(i + WRITE_BATCH, outcome.results.length), outcome.results.length);
      }
      await tx.$executeRaw`
        UPDATE cycle_unit cu SET current_result_id = r.id, version = cu.version + 1
          FROM unit_result r WHERE r.run_id = ${runId} AND cu.cycle_id = ${run.cycleId} AND cu.organisation_id = r.unit_id`;
      const finishedAt = new Date();
      await tx.scoringRun.update({ where: { id: runId }, data: { status: "succeeded", finishedAt, unitCount: outcome.results.length } });
      await writeAudit(tx, {
        actor, action: "scoring.run_succeeded", entityType: "scoring_run", entityId: runId,
        after: { number: run.number, units: outcome.results.length }, meta: { cycleId: run.cycleId, cycle: run.cycle.name, ms: Date.now() - started }, ip,
      });
      return outcome.results.length;
    }, { timeout: 30 * 60_000, maxWait: 30_000, isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead });
    if (stored !== null) {
      await progress("done", stored, stored);
      return { ok: true, runId, units: stored };
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
