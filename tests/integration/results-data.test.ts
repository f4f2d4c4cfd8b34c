import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compareRuns,
  listRuns,
  rankingForExport,
  rankingPage,
  rankingSchemes,
  resultsCycle,
  runningRun,
  runProblems,
  schemeStatistics,
  scoringCycle,
  scoringSummary,
  unitCategoryComparison,
  unitsToPick,
} from "@/lib/results/data";
import { runScoring, startRun } from "@/lib/results/run";
import { rankingQuerySchema, type RankingQuery } from "@/lib/results/schema";
import { binOf } from "@/lib/results/stats";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createCollectingCycle, type CollectingCycle } from "../support/monitor-factory";
import { createScoringCycle } from "../support/scoring-factory";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

type HandRow = { unit: number; total: string; grade: string; law: string; open: string; indicators?: { code: string; score: string | null }[] };

/** A succeeded run with chosen results (the ranking's ties and pages are then known), made current. */
async function handRun(c: CollectingCycle, number: number, rows: HandRow[]): Promise<string> {
  const run = await t.prisma.scoringRun.create({ data: { cycleId: c.cycleId, number, status: "succeeded", unitCount: rows.length, finishedAt: new Date() } });
  for (const r of rows) {
    const unitId = c.units[r.unit]!.id;
    const indicators = (r.indicators ?? [{ code: "LAW.EXAM", score: r.law }]).map((i) => ({ ...i, max: 10, notApplicable: false, explanation: "" }));
    const result = await t.prisma.unitResult.create({
      data: {
        runId: run.id, cycleId: c.cycleId, unitId, unitKind: "municipal_department", schemeVersionId: c.schemeVersionId, total: r.total, grade: r.grade, rank: 1,
        categories: [{ code: "LAW", score: r.law, weight: 20 }, { code: "OPEN", score: r.open, weight: 25 }], indicators, facts: {},
      },
    });
    await t.prisma.cycleUnit.updateMany({ where: { cycleId: c.cycleId, organisationId: unitId }, data: { currentResultId: result.id } });
  }
  return run.id;
}

const q = (patch: Partial<Record<keyof RankingQuery, string | number>> = {}) => rankingQuerySchema.parse(patch);

describe("the ranking table", () => {
  let c: CollectingCycle;
  beforeAll(async () => {
    c = await createCollectingCycle(t.prisma, { unitCount: 8 });
    await t.prisma.cycle.update({ where: { id: c.cycleId }, data: { status: "scoring" } });
    // An older run whose results are no longer current must not count.
    await handRun(c, 1, [{ unit: 0, total: "10.00", grade: "较差", law: "1.00", open: "1.00" }]);
    await handRun(c, 2, [
      { unit: 0, total: "95.00", grade: "优秀", law: "19.00", open: "24.00" },
      { unit: 1, total: "90.00", grade: "优秀", law: "20.00", open: "20.00" },
      { unit: 2, total: "90.00", grade: "优秀", law: "15.00", open: "25.00" },
      { unit: 3, total: "90.00", grade: "优秀", law: "18.00", open: "22.00" },
      { unit: 4, total: "85.00", grade: "良好", law: "17.00", open: "21.00" },
      { unit: 5, total: "70.00", grade: "一般", law: "12.00", open: "18.00" },
      { unit: 6, total: "55.00", grade: "较差", law: "10.00", open: "10.00" },
    ]);
    await t.prisma.cycleUnit.updateMany({ where: { cycleId: c.cycleId, organisationId: c.units[4]!.id }, data: { issuedAt: new Date("2026-12-10T02:00:00Z") } });
  });
  const name = (i: number) => c.units[i]!.name;

  it("ranks every current result with shared positions, the same across pages", async () => {
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push((await rankingPage(c.cycleId, c.schemeVersionId, q({ page }), 2)).rows.map((r) => [r.position, r.total]));
    expect(pages).toEqual([[[1, "95.00"], [2, "90.00"]], [[2, "90.00"], [2, "90.00"]], [[5, "85.00"], [6, "70.00"]], [[7, "55.00"]]]);
    const first = await rankingPage(c.cycleId, c.schemeVersionId, q(), 2);
    expect(first.total).toBe(7);
    expect(first.rows[0]).toMatchObject({ name: name(0), grade: "优秀", kind: "municipal_department", issuedAt: null });
    expect(first.rows[0]!.categories).toEqual([{ code: "LAW", score: "19.00", weight: 20 }, { code: "OPEN", score: "24.00", weight: 25 }]);
  });

  it("filters without changing the positions", async () => {
    const good = await rankingPage(c.cycleId, c.schemeVersionId, q({ grade: "一般" }), 10);
    expect(good.rows.map((r) => [r.name, r.position])).toEqual([[name(5), 6]]);
    const searched = await rankingPage(c.cycleId, c.schemeVersionId, q({ q: name(3) }), 10);
    expect(searched.rows.map((r) => r.position)).toEqual([2]);
    const byCode = await rankingPage(c.cycleId, c.schemeVersionId, q({ q: c.units[6]!.uscc.toLowerCase() }), 10);
    expect(byCode.rows.map((r) => r.name)).toEqual([name(6)]);
    const issued = await rankingPage(c.cycleId, c.schemeVersionId, q({ issued: "yes" }), 10);
    expect(issued.rows.map((r) => [r.name, r.position])).toEqual([[name(4), 5]]);
    expect((await rankingPage(c.cycleId, c.schemeVersionId, q({ issued: "no" }), 10)).total).toBe(6);
    expect((await rankingPage(c.cycleId, c.schemeVersionId, q({ kind: "county" }), 10)).total).toBe(0);
    expect((await rankingPage(c.cycleId, c.schemeVersionId, q({ q: "100%_" }), 10)).total).toBe(0);
  });

  it("sorts by name, total and a category's score in SQL", async () => {
    const byName = await rankingPage(c.cycleId, c.schemeVersionId, q({ sort: "name", order: "desc" }), 3);
    expect(byName.rows.map((r) => r.name)).toEqual([name(6), name(5), name(4)]);
    const byTotal = await rankingPage(c.cycleId, c.schemeVersionId, q({ sort: "total", order: "asc" }), 2);
    expect(byTotal.rows.map((r) => r.total)).toEqual(["55.00", "70.00"]);
    const byOpen = await rankingPage(c.cycleId, c.schemeVersionId, q({ sort: "cat:OPEN", order: "desc" }), 3);
    expect(byOpen.rows.map((r) => r.name)).toEqual([name(2), name(0), name(3)]);
    const ties = await rankingPage(c.cycleId, c.schemeVersionId, q({ sort: "rank" }), 4);
    expect(ties.rows.slice(1).map((r) => r.name)).toEqual([name(1), name(2), name(3)]);
  });

  it("exports every filtered row in ranking order, batch by batch", async () => {
    const batches = [];
    for await (const batch of rankingForExport(c.cycleId, c.schemeVersionId, {}, 2)) batches.push(batch.map((r) => r.position));
    expect(batches).toEqual([[1, 2], [2, 2], [5, 6], [7]]);
    const good: number[] = [];
    for await (const batch of rankingForExport(c.cycleId, c.schemeVersionId, { grade: "优秀" }, 3)) good.push(...batch.map((r) => r.position));
    expect(good).toEqual([1, 2, 2, 2]);
  });

  it("lists the cycle's schemes with their current result counts, and the scoring summary", async () => {
    const schemes = await rankingSchemes(c.cycleId);
    expect(schemes).toHaveLength(1);
    expect(schemes[0]).toMatchObject({ schemeVersionId: c.schemeVersionId, unitKinds: ["municipal_department"], results: 7, grades: ["优秀", "良好", "一般", "较差"] });
    expect(schemes[0]!.categories.map((x) => x.code)).toEqual(["LAW", "OPEN", "DILIGENT", "KEEP", "PERFORM", "CLEAN"]);
    expect(await scoringSummary(c.cycleId)).toEqual({ units: 8, scored: 7, issued: 1 });
    const picked = await unitsToPick(c.cycleId, name(7), 1, 10);
    expect(picked.rows).toEqual([expect.objectContaining({ name: name(7), total: null, issued: false })]);
    expect((await unitsToPick(c.cycleId, undefined, 2, 5)).rows).toHaveLength(3);
  });

  it("statistics over the hand-made rows: bins, grades in the scheme's order, category averages", async () => {
    const [scheme] = await rankingSchemes(c.cycleId);
    const stats = await schemeStatistics(c.cycleId, scheme!);
    expect(stats).toMatchObject({ count: 7, average: 82.14, max: 95, min: 55 });
    expect(stats.bins.map((b) => b.count)).toEqual([1, 0, 0, 1, 0, 0, 1, 3, 1]);
    expect(stats.grades).toEqual([{ grade: "优秀", count: 4 }, { grade: "良好", count: 1 }, { grade: "一般", count: 1 }, { grade: "较差", count: 1 }]);
    expect(stats.categories.map((x) => [x.code, x.average, x.percent])).toEqual([["LAW", 15.86, 79.3], ["OPEN", 20, 80]]);
  });
});

describe("statistics kept per successful run", () => {
  it("are computed again once another run succeeds", async () => {
    const c = await createCollectingCycle(t.prisma, { unitCount: 3 });
    await handRun(c, 1, [{ unit: 0, total: "80.00", grade: "良好", law: "16.00", open: "20.00" }, { unit: 1, total: "70.00", grade: "一般", law: "14.00", open: "20.00" }]);
    const [scheme] = await rankingSchemes(c.cycleId);
    expect(await schemeStatistics(c.cycleId, scheme!)).toMatchObject({ count: 2, average: 75 });
    expect(await schemeStatistics(c.cycleId, scheme!)).toMatchObject({ count: 2, average: 75 });
    await handRun(c, 2, [{ unit: 2, total: "90.00", grade: "优秀", law: "18.00", open: "22.00" }]);
    expect(await schemeStatistics(c.cycleId, scheme!)).toMatchObject({ count: 3, average: 80 });
    expect((await unitCategoryComparison(c.cycleId, c.units[2]!.id)).slice(0, 2)).toEqual([
      { name: "依法行政", unit: 90, average: 80 },
      { name: "政务公开", unit: 88, average: 82.7 },
    ]);
  });
});

describe("statistics of a real run match a hand computation from the stored rows", () => {
  it("averages, bins, grades, indicators and one unit against the average", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 12, seed: 31 });
    const outcome = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    expect(outcome.ok).toBe(true);
    const [scheme] = await rankingSchemes(c.cycleId);
    const stats = await schemeStatistics(c.cycleId, scheme!);
    const rows = await t.prisma.unitResult.findMany({ where: { runId: outcome.runId } });
    const avg = (values: Decimal[]) => values.reduce((s, v) => s.plus(v), new Decimal(0)).div(values.length).toDecimalPlaces(2).toNumber();
    expect(stats.count).toBe(12);
    expect(stats.average).toBe(avg(rows.map((r) => new Decimal(r.total.toString()))));
    const bins = Array.from({ length: stats.bins.length }, () => 0);
    for (const r of rows) bins[binOf(Number(r.total))]!++;
    expect(stats.bins.map((b) => b.count)).toEqual(bins);
    for (const g of stats.grades) expect(g.count).toBe(rows.filter((r) => r.grade === g.grade).length);
    type Cat = { code: string; score: string; weight: number };
    for (const category of stats.categories) {
      const scores = rows.map((r) => new Decimal((r.categories as Cat[]).find((x) => x.code === category.code)!.score));
      expect(category.average).toBe(avg(scores));
    }
    type Ind = { code: string; score: string | null };
    for (const indicator of stats.indicators) {
      const scores = rows.map((r) => (r.indicators as Ind[]).find((x) => x.code === indicator.code)!.score).filter((s): s is string => s !== null);
      expect(indicator.average).toBe(scores.length ? avg(scores.map((s) => new Decimal(s))) : null);
    }
    const unit = rows[0]!;
    const radar = await unitCategoryComparison(c.cycleId, unit.unitId);
    expect(radar.map((r) => r.name)).toEqual(scheme!.categories.map((x) => x.name));
    const law = (unit.categories as Cat[]).find((x) => x.code === "LAW")!;
    expect(radar[0]!.unit).toBe(Math.round((Number(law.score) / 20) * 1000) / 10);
    expect(radar[0]!.average).toBe(Math.round((stats.categories[0]!.average / 20) * 1000) / 10);
    expect(await unitCategoryComparison(c.cycleId, unit.unitId, unit.id)).toEqual(radar);
    expect(await unitCategoryComparison(c.cycleId, "no-such-unit")).toEqual([]);
  });
});

describe("comparing two runs", () => {
  it("lists per unit the totals, grades and ranks of both runs and the indicators that changed", async () => {
    const c = await createCollectingCycle(t.prisma, { unitCount: 5 });
    await t.prisma.cycle.update({ where: { id: c.cycleId }, data: { status: "scoring" } });
    const same = [{ code: "LAW.EXAM", score: "8.00" }, { code: "OPEN.EXAM", score: "9.00" }];
    const a = await handRun(c, 1, [
      { unit: 0, total: "90.00", grade: "优秀", law: "18.00", open: "20.00", indicators: same },
      { unit: 1, total: "80.00", grade: "良好", law: "16.00", open: "20.00", indicators: same },
      { unit: 2, total: "70.00", grade: "一般", law: "14.00", open: "20.00", indicators: same },
      { unit: 3, total: "60.00", grade: "一般", law: "12.00", open: "20.00", indicators: same },
    ]);
    const b = await handRun(c, 2, [
      { unit: 0, total: "90.00", grade: "优秀", law: "18.00", open: "20.00", indicators: same },
      { unit: 1, total: "78.00", grade: "一般", law: "16.00", open: "20.00", indicators: [{ code: "LAW.EXAM", score: "6.00" }, { code: "OPEN.EXAM", score: "9.00" }] },
      { unit: 2, total: "70.00", grade: "一般", law: "14.00", open: "20.00", indicators: [{ code: "LAW.EXAM", score: "8.00" }, { code: "OPEN.EXAM", score: null }] },
      { unit: 4, total: "50.00", grade: "较差", law: "10.00", open: "10.00", indicators: same },
    ]);
    const base = { a, b, sort: "delta" as const, page: 1 };
    const outcome = (await compareRuns(c.cycleId, base, 10))!;
    expect(outcome.summary).toEqual({ units: 5, changed: 4, onlyA: 1, onlyB: 1, gradeChanged: 1, up: 0, down: 1 });
    expect(outcome.total).toBe(4);
    const byName = new Map(outcome.rows.map((r) => [r.name, r]));
    expect(byName.has(c.units[0]!.name)).toBe(false);
    expect(byName.get(c.units[1]!.name)).toMatchObject({ totalA: "80.00", totalB: "78.00", gradeA: "良好", gradeB: "一般", indicators: [{ code: "LAW.EXAM", a: "8.00", b: "6.00" }] });
    expect(byName.get(c.units[2]!.name)).toMatchObject({ totalA: "70.00", totalB: "70.00", indicators: [{ code: "OPEN.EXAM", a: "9.00", b: null }] });
    expect(byName.get(c.units[3]!.name)).toMatchObject({ totalA: "60.00", totalB: null, indicators: [] });
    expect(byName.get(c.units[4]!.name)).toMatchObject({ totalA: null, totalB: "50.00" });
    // Units in only one run first, then the largest change.
    expect(outcome.rows.slice(2).map((r) => r.name)).toEqual([c.units[1]!.name, c.units[2]!.name]);
    const all = (await compareRuns(c.cycleId, { ...base, all: "1", sort: "name" }, 2))!;
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.name)).toEqual([c.units[0]!.name, c.units[1]!.name]);
    expect((await compareRuns(c.cycleId, { ...base, q: c.units[2]!.name }, 10))!.rows.map((r) => r.name)).toEqual([c.units[2]!.name]);
    expect(await compareRuns(c.cycleId, { ...base, b: "other" }, 10)).toBeNull();
  });

  it("two real runs over the same facts differ in nothing", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 4, seed: 17 });
    const first = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    const second = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    const outcome = (await compareRuns(c.cycleId, { a: first.runId, b: second.runId, sort: "delta", page: 1 }, 10))!;
    expect(outcome.summary).toMatchObject({ units: 4, changed: 0 });
    expect(outcome.rows).toEqual([]);
  });
});

describe("runs and their problems", () => {
  it("lists runs newest first with progress, marks the current one, and pages a failed run's problems", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 3, seed: 5 });
    const ok = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    await t.prisma.factEntry.deleteMany({ where: { cycleId: c.cycleId, answer: "value", indicatorCode: "DILIGENT.PETITION" } });
    const bad = await t.prisma.factEntry.findFirstOrThrow({ where: { cycleId: c.cycleId, answer: "value", indicatorCode: "DILIGENT.TARGET" } });
    await t.prisma.factEntry.update({ where: { id: bad.id }, data: { value: { tier: "不存在的等次" } } });
    const failed = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    expect(failed.ok).toBe(false);
    const { runId: running } = await startRun(t.prisma, null, { cycleId: c.cycleId });

    const runs = await listRuns(c.cycleId, 1, 10);
    expect(runs.rows.map((r) => [r.number, r.status, r.current])).toEqual([[3, "running", false], [2, "failed", false], [1, "succeeded", true]]);
    expect(runs.rows[2]).toMatchObject({ unitCount: 3, phase: "done", done: 3, total: 3, stale: false });
    expect(await runningRun(c.cycleId)).toMatchObject({ id: running, phase: "queued", stale: false });
    expect((await listRuns(c.cycleId, 2, 2)).rows.map((r) => r.id)).toEqual([ok.runId]);

    const all = await runProblems(c.cycleId, failed.runId, { page: 1 }, 1, 50);
    expect(all.total).toBe(4);
    expect(all.counts).toEqual({ missing: 3, invalid: 1, setup: 0 });
    const missing = await runProblems(c.cycleId, failed.runId, { kind: "missing", page: 1 }, 1, 2);
    expect(missing.rows).toHaveLength(2);
    expect(missing.total).toBe(3);
    expect(missing.rows[0]!.sourceNames.length).toBeGreaterThan(0);
    expect(missing.rows[0]!.sourceNames[0]).not.toMatch(/^c[a-z0-9]{20,}$/);
    const invalid = await runProblems(c.cycleId, failed.runId, { q: "DILIGENT.TARGET", kind: "invalid", page: 1 }, null, 0);
    expect(invalid.rows).toEqual([expect.objectContaining({ unitId: bad.unitId, kind: "invalid", sourceNames: [] })]);
    expect((await runProblems("another-cycle", failed.runId, { page: 1 }, 1, 50)).total).toBe(0);
  });
});

describe("who may read results when", () => {
  it("the office from scoring on; a reviewer only in approval or archived; nobody else", async () => {
    const c = await createCollectingCycle(t.prisma, { unitCount: 1 });
    expect(await scoringCycle(c.cycleId)).toBeNull();
    expect(await resultsCycle(c.cycleId, ["office"])).toBeNull();
    await t.prisma.cycle.update({ where: { id: c.cycleId }, data: { status: "scoring" } });
    expect(await scoringCycle(c.cycleId)).toMatchObject({ id: c.cycleId });
    expect(await resultsCycle(c.cycleId, ["office"])).toMatchObject({ id: c.cycleId });
    expect(await resultsCycle(c.cycleId, ["reviewer"])).toBeNull();
    await t.prisma.cycle.update({ where: { id: c.cycleId }, data: { status: "approval" } });
    expect(await resultsCycle(c.cycleId, ["reviewer"])).toMatchObject({ id: c.cycleId });
    expect(await resultsCycle(c.cycleId, ["unit"])).toBeNull();
    expect(await resultsCycle(c.cycleId, ["admin"])).toBeNull();
    expect(await resultsCycle("no-such-cycle", ["office"])).toBeNull();
  });
});
