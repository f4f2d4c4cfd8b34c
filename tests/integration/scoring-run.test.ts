import { spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRun, reapStale, runScoring, startRun } from "@/lib/results/run";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createScoringCycle } from "../support/scoring-factory";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const totals = async (runId: string) =>
  Object.fromEntries((await t.prisma.unitResult.findMany({ where: { runId }, select: { unitId: true, total: true, grade: true } })).map((r) => [r.unitId, `${r.total.toFixed(2)} ${r.grade}`]));

describe("a scoring run (all-or-nothing)", () => {
  it("stores every unit's result with the run's success, and points each unit at it", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 6 });
    const outcome = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    expect(outcome).toMatchObject({ ok: true, units: 6, number: 1 });
    const results = await t.prisma.unitResult.findMany({ where: { runId: outcome.runId } });
    expect(results).toHaveLength(6);
    for (const r of results) {
      expect(Number(r.total)).toBeGreaterThan(0);
      expect(Number(r.total)).toBeLessThanOrEqual(100);
      expect((r.indicators as { explanation: string }[]).every((i) => i.explanation.length > 0)).toBe(true);
    }
    const units = await t.prisma.cycleUnit.findMany({ where: { cycleId: c.cycleId } });
    expect(new Set(units.map((u) => u.currentResultId))).toEqual(new Set(results.map((r) => r.id)));
    const run = await t.prisma.scoringRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run).toMatchObject({ status: "succeeded", unitCount: 6, problemCount: 0 });
    expect(await t.prisma.auditLog.count({ where: { action: { in: ["scoring.run_started", "scoring.run_succeeded"] }, entityId: run.id } })).toBe(2);
  });

  it("re-running is idempotent: the same scores in a new version that becomes current; the old one is kept", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 4, seed: 11 });
    const first = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    const second = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    expect(second.number).toBe(2);
    expect(await totals(second.runId)).toEqual(await totals(first.runId));
    const current = await t.prisma.cycleUnit.findMany({ where: { cycleId: c.cycleId }, include: { currentResult: true } });
    expect(current.every((u) => u.currentResult?.runId === second.runId)).toBe(true);
    expect(await t.prisma.unitResult.count({ where: { runId: first.runId } })).toBe(4);
  });

  it("refuses to store anything while a fact is missing, listing the unit, the indicator and who owes it", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 3, seed: 5 });
    const unit = c.units[1]!;
    const gone = await t.prisma.factEntry.findFirstOrThrow({ where: { cycleId: c.cycleId, unitId: unit.id, answer: "value" } });
    await t.prisma.factEntry.delete({ where: { id: gone.id } });
    const outcome = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    expect(outcome.ok).toBe(false);
    const run = await t.prisma.scoringRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run.status).toBe("failed");
    const problems = run.problems as { unitId: string; indicatorCode: string; kind: string; message: string; sourceOrgIds: string[] }[];
    expect(problems).toEqual([expect.objectContaining({ unitId: unit.id, indicatorCode: gone.indicatorCode, kind: "missing", sourceOrgIds: [gone.sourceOrgId] })]);
    expect(problems[0]!.message).toMatch(/缺少数据：.+尚未报送/);
    expect(await t.prisma.unitResult.count({ where: { cycleId: c.cycleId } })).toBe(0);
    expect(await t.prisma.cycleUnit.count({ where: { cycleId: c.cycleId, currentResultId: { not: null } } })).toBe(0);
    expect(await t.prisma.auditLog.count({ where: { action: "scoring.run_failed", entityId: run.id } })).toBe(1);
  });

  it("lists an invalid value as invalid, with every other problem of the run", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 2, seed: 3 });
    const entries = await t.prisma.factEntry.findMany({ where: { cycleId: c.cycleId, answer: "value", indicatorCode: "DILIGENT.TARGET" } });
    await t.prisma.factEntry.update({ where: { id: entries[0]!.id }, data: { value: { tier: "不存在的等次" } } });
    await t.prisma.factEntry.delete({ where: { id: entries[1]!.id } });
    const outcome = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    const run = await t.prisma.scoringRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run.problemCount).toBe(2);
    expect((run.problems as { kind: string }[]).map((p) => p.kind).sort()).toEqual(["invalid", "missing"]);
  });

  it("scores only the selected units, and refuses a second run while one is running", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 3, seed: 9 });
    const picked = c.units[0]!.id;
    const outcome = await runScoring(t.prisma, null, { cycleId: c.cycleId, unitIds: [picked] });
    expect(outcome.ok).toBe(true);
    expect((await t.prisma.unitResult.findMany({ where: { runId: outcome.runId } })).map((r) => r.unitId)).toEqual([picked]);

    const { runId } = await startRun(t.prisma, null, { cycleId: c.cycleId });
    await expect(startRun(t.prisma, null, { cycleId: c.cycleId })).rejects.toThrow(/正在进行/);
    expect((await executeRun(t.prisma, null, runId)).ok).toBe(true);
  });

  it("refuses outside the scoring states and for units whose result is issued", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 2, seed: 1 });
    await t.prisma.cycleUnit.updateMany({ where: { cycleId: c.cycleId, organisationId: c.units[0]!.id }, data: { issuedAt: new Date() } });
    await expect(startRun(t.prisma, null, { cycleId: c.cycleId, unitIds: [c.units[0]!.id] })).rejects.toThrow(/已送达/);
    const outcome = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    expect((await t.prisma.unitResult.findMany({ where: { runId: outcome.runId } })).map((r) => r.unitId)).toEqual([c.units[1]!.id]);
    await t.prisma.cycle.update({ where: { id: c.cycleId }, data: { status: "collecting" } });
    await expect(startRun(t.prisma, null, { cycleId: c.cycleId })).rejects.toThrow(/评分阶段/);
  });

  it("a run killed half way leaves no results, and is then reported as interrupted", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 40, seed: 21 });
    // Hold one unit's row so the run blocks after writing its results, before it can commit.
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT 1 FROM cycle_unit WHERE organisation_id = $1 FOR UPDATE", [c.units[0]!.id]);
    // node itself runs the script (tsx as a loader), so the kill reaches the process holding the transaction.
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/score-cycle.ts", c.cycleId], {
      env: { ...process.env, DATABASE_URL: t.url },
      stdio: "ignore",
    });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    let written = 0;
    for (let i = 0; i < 600 && written === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const [row] = await t.prisma.$queryRaw<{ done: number }[]>`SELECT p.done FROM scoring_run_progress p JOIN scoring_run r ON r.id = p.run_id WHERE r.cycle_id = ${c.cycleId} AND p.phase = 'writing'`;
      written = row?.done ?? 0;
    }
    expect(written).toBe(40);
    child.kill("SIGKILL");
    await exited;
    await holder.query("ROLLBACK");
    await holder.end();
    // The killed transaction is rolled back by PostgreSQL; wait until its backend is gone.
    for (let i = 0; i < 50; i++) {
      const [busy] = await t.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
      if (busy!.n === 0n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await t.prisma.unitResult.count({ where: { cycleId: c.cycleId } })).toBe(0);
    expect(await t.prisma.cycleUnit.count({ where: { cycleId: c.cycleId, currentResultId: { not: null } } })).toBe(0);
    const run = await t.prisma.scoringRun.findFirstOrThrow({ where: { cycleId: c.cycleId } });
    expect(run.status).toBe("running");
    expect(await reapStale(t.prisma, c.cycleId, 0)).toBe(1);
    expect((await t.prisma.scoringRun.findUniqueOrThrow({ where: { id: run.id } })).error).toMatch(/意外中断/);
    const again = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    expect(again).toMatchObject({ ok: true, units: 40, number: 2 });
  }, 90_000);
});
