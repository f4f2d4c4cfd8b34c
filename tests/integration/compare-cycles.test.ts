import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/prisma";
import { streamXlsx } from "@/lib/export/xlsx";
import { comparableCycles, cycleComparisonForExport, cycleComparisonPage, cycleComparisonSummary, cyclePair, type CycleCompareRow } from "@/lib/results/compare-cycles";
import { cycleComparisonColumns } from "@/lib/results/compare-export";
import { cycleCompareQuerySchema, type CycleCompareQuery } from "@/lib/results/schema";
import { getBuiltInScheme } from "@/lib/scoring";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { testUscc } from "../support/monitor-factory";

let t: TestDatabase;

type Kind = "municipal_department" | "county";
type Grades = { min: number; label: string }[];
type Result = { total: string; grade: string | null };

const STANDARD: Grades = [{ min: 90, label: "优秀" }, { min: 80, label: "良好" }, { min: 60, label: "一般" }, { min: 0, label: "较差" }];
/** Another scheme's grades: the same top label at another line, and labels the standard lacks. */
const THREE: Grades = [{ min: 85, label: "优秀" }, { min: 70, label: "合格" }, { min: 0, label: "不合格" }];

let serial = 0;
async function schemeVersion(prisma: PrismaClient, grades: Grades): Promise<string> {
  const document = { ...getBuiltInScheme("hegang-2022")!, grades };
  const v = await prisma.schemeVersion.create({ data: { code: `compare-t${++serial}`, version: 1, name: `对比测试方案${serial}`, status: "published", document: JSON.parse(JSON.stringify(document)) } });
  return v.id;
}

/**
 * A cycle with its schemes per kind, the given units enrolled, and a succeeded run making the given
 * results current (units without one stay unscored). `stale` results go into an earlier run first
 * and must never count.
 */
async function cycleWith(prisma: PrismaClient, year: number, schemes: Record<Kind, string>, units: { id: string; kind: Kind; result?: Result; stale?: Result }[]): Promise<string> {
  const cycle = await prisma.cycle.create({ data: { year, name: `${year}年度政务诚信评价`, status: "scoring", collectionDeadline: `${year}-12-01`, commitmentsDeadline: `${year}-05-01` } });
  for (const [unitKind, schemeVersionId] of Object.entries(schemes)) await prisma.cycleScheme.create({ data: { cycleId: cycle.id, unitKind: unitKind as Kind, schemeVersionId } });
  await prisma.cycleUnit.createMany({ data: units.map((u) => ({ cycleId: cycle.id, organisationId: u.id, unitKind: u.kind })) });
  for (const [number, pick] of [[1, (u: (typeof units)[number]) => u.stale], [2, (u: (typeof units)[number]) => u.result]] as const) {
    const scored = units.filter((u) => pick(u));
    if (scored.length === 0) continue;
    const run = await prisma.scoringRun.create({ data: { cycleId: cycle.id, number, status: "succeeded", unitCount: scored.length, finishedAt: new Date() } });
    for (const u of scored) {
      const r = pick(u)!;
      const result = await prisma.unitResult.create({
        data: { runId: run.id, cycleId: cycle.id, unitId: u.id, unitKind: u.kind, schemeVersionId: schemes[u.kind], total: r.total, grade: r.grade, rank: 99, categories: [], indicators: [], facts: {} },
      });
      await prisma.cycleUnit.updateMany({ where: { cycleId: cycle.id, organisationId: u.id }, data: { currentResultId: result.id } });
    }
  }
  return cycle.id;
}

// Names chosen so that pinyin order (安 an < 北 bei < 宁 ning) differs from code-point order (北 < 宁 < 安).
const NAMES = {
  anda: ["安达市甲局", "municipal_department"], beian: ["北安市乙局", "municipal_department"], ningyuan: ["宁远市丙局", "municipal_department"],
  anqiu: ["安丘市丁局", "municipal_department"], jixi: ["鸡西市戊局", "municipal_department"], jiamusi: ["佳木斯市己局", "municipal_department"],
  mishan: ["密山市庚局", "municipal_department"], linkou: ["林口县", "county"], muling: ["穆棱县", "county"], ningan: ["宁安县", "county"],
} as const satisfies Record<string, readonly [string, Kind]>;
type Key = keyof typeof NAMES;

const u: Record<Key, { id: string; name: string; uscc: string }> = {} as never;
let A: string;
let B: string;
let empty: string;
const query = (patch: Partial<Record<keyof CycleCompareQuery, string | number>> = {}) => cycleCompareQuerySchema.parse(patch);

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [key, [name, kind]] of Object.entries(NAMES)) {
    u[key as Key] = await t.prisma.organisation.create({ data: { name, kind, uscc: testUscc(), roles: ["evaluated"] }, select: { id: true, name: true, uscc: true } });
  }
  const [municipalA, countyA, municipalB, countyB] = [await schemeVersion(t.prisma, STANDARD), await schemeVersion(t.prisma, STANDARD), await schemeVersion(t.prisma, STANDARD), await schemeVersion(t.prisma, THREE)];
  const m = (key: Key, result?: Result, stale?: Result) => ({ id: u[key].id, kind: NAMES[key][1], result, stale });
  A = await cycleWith(t.prisma, 2024, { municipal_department: municipalA, county: countyA }, [
    m("anda", { total: "80.00", grade: "良好" }, { total: "10.00", grade: "较差" }),
    m("beian", { total: "90.00", grade: "优秀" }),
    m("ningyuan", { total: "70.00", grade: "一般" }),
    m("anqiu", { total: "60.00", grade: "一般" }),
    m("jixi", { total: "75.00", grade: "一般" }),
    m("mishan", { total: "77.00", grade: "一般" }),
    m("linkou", { total: "80.00", grade: "良好" }),
    m("muling", { total: "65.00", grade: "一般" }),
    m("ningan", { total: "95.00", grade: "优秀" }),
  ]);
  B = await cycleWith(t.prisma, 2025, { municipal_department: municipalB, county: countyB }, [
    m("anda", { total: "92.00", grade: "优秀" }),
    m("beian", { total: "85.00", grade: "良好" }),
    m("ningyuan", { total: "70.00", grade: "一般" }),
    m("anqiu", { total: "60.00", grade: "一般" }),
    m("jiamusi", { total: "88.00", grade: "良好" }),
    m("mishan"),
    m("linkou", { total: "72.00", grade: "合格" }),
    m("muling", { total: "71.00", grade: "合格" }),
    m("ningan", { total: "86.00", grade: "优秀" }),
  ]);
  // A later cycle without results and an earlier one whose only run failed: neither can be compared.
  empty = await cycleWith(t.prisma, 2026, { municipal_department: municipalB, county: countyB }, [m("anda")]);
  const failed = await t.prisma.cycle.create({ data: { year: 2023, name: "2023年度政务诚信评价", status: "scoring", collectionDeadline: "2023-12-01", commitmentsDeadline: "2023-05-01" } });
  await t.prisma.scoringRun.create({ data: { cycleId: failed.id, number: 1, status: "failed", unitCount: 0 } });
  await t.prisma.cycle.update({ where: { id: B }, data: { status: "feedback" } });
  // Archived last: an archived cycle refuses every change.
  await t.prisma.cycle.update({ where: { id: A }, data: { status: "archived" } });
});
afterAll(async () => {
  await t.drop();
});

describe("the summary of two cycles", () => {
  it("counts groups, changes, grade moves, the change bins, the transition matrix and the movers", async () => {
    const s = await cycleComparisonSummary(A, B);
    expect(s.groups).toEqual({ compared: 7, left: 1, new: 1, unscored: 1 });
    // +12, −5, 0, 0, −8, +6, −9: the stale 10.00 of 安达 never counts.
    expect(s.meanChange).toBe("-0.57");
    expect([s.improved, s.declined, s.unchanged]).toEqual([2, 3, 2]);
    // 林口 良好(80) → 合格(70) is down, 穆棱 一般(60) → 合格(70) up, 宁安 优秀 → 优秀 the same at another line.
    expect([s.gradeUp, s.gradeDown, s.gradeSame]).toEqual([2, 2, 3]);
    expect(s.bins.map((b) => b.count)).toEqual([0, 2, 1, 0, 2, 0, 0, 1, 1]);
    expect(s.bins.map((b) => b.label)).toEqual(["下降10分以上", "下降5–10分", "下降2–5分", "下降0–2分", "不变", "上升0–2分", "上升2–5分", "上升5–10分", "上升10分以上"]);
    expect(s.risers.map((r) => [r.name, r.change, r.totalA, r.totalB])).toEqual([[u.anda.name, "12.00", "80.00", "92.00"], [u.muling.name, "6.00", "65.00", "71.00"]]);
    expect(s.fallers.map((r) => [r.name, r.change])).toEqual([[u.ningan.name, "-9.00"], [u.linkou.name, "-8.00"], [u.beian.name, "-5.00"]]);
    expect(s.fallers[0]).toMatchObject({ kind: "county", gradeA: "优秀", gradeB: "优秀" });

    expect(s.matrix.grades).toEqual(["优秀", "良好", "合格", "一般", "不合格", "较差"]);
    const cell = (from: string, to: string) => s.matrix.rows.find((r) => r.from === from)!.counts[s.matrix.grades.indexOf(to)];
    expect([cell("良好", "优秀"), cell("优秀", "良好"), cell("一般", "一般"), cell("良好", "合格"), cell("一般", "合格"), cell("优秀", "优秀")]).toEqual([1, 1, 2, 1, 1, 1]);
    expect(s.matrix.total).toBe(7);
    expect(s.matrix.rows.map((r) => r.total)).toEqual([2, 2, 0, 3, 0, 0]);
    expect(s.matrix.columnTotals).toEqual([2, 1, 2, 2, 0, 0]);
  });

  it("limits every figure to one kind", async () => {
    const s = await cycleComparisonSummary(A, B, "county");
    expect(s.groups).toEqual({ compared: 3, left: 0, new: 0, unscored: 0 });
    expect(s.meanChange).toBe("-3.67");
    expect(s.risers.map((r) => r.name)).toEqual([u.muling.name]);
    expect(s.matrix.total).toBe(3);
    const none = await cycleComparisonSummary(A, B, "township");
    expect(none).toMatchObject({ groups: { compared: 0, left: 0, new: 0, unscored: 0 }, meanChange: null, risers: [], fallers: [] });
    expect(none.matrix.total).toBe(0);
  });

  it("reads the other way round as the opposite changes", async () => {
    const s = await cycleComparisonSummary(B, A);
    expect(s.groups).toEqual({ compared: 7, left: 1, new: 1, unscored: 1 });
    expect(s.meanChange).toBe("0.57");
    expect(s.risers.map((r) => r.name)).toEqual([u.ningan.name, u.linkou.name, u.beian.name]);
  });
});

describe("the per-unit table", () => {
  const names = (rows: CycleCompareRow[]) => rows.map((r) => r.name);

  it("pages the compared units by change, with totals, grades and ranks under each cycle's scheme", async () => {
    const first = await cycleComparisonPage(A, B, query(), 3);
    expect(first.total).toBe(7);
    expect(names(first.rows)).toEqual([u.anda.name, u.muling.name, u.anqiu.name]);
    expect(first.rows[0]).toEqual({
      unitId: u.anda.id, name: u.anda.name, uscc: u.anda.uscc, kind: "municipal_department", group: "compared",
      totalA: "80.00", gradeA: "良好", rankA: 2, totalB: "92.00", gradeB: "优秀", rankB: 1, change: "12.00", move: "up", rowCount: 7,
    });
    expect(first.rows[1]).toMatchObject({ rankA: 3, rankB: 3, move: "up", gradeB: "合格" });
    expect(names((await cycleComparisonPage(A, B, query({ page: 2 }), 3)).rows)).toEqual([u.ningyuan.name, u.beian.name, u.linkou.name]);
    expect(names((await cycleComparisonPage(A, B, query({ page: 3 }), 3)).rows)).toEqual([u.ningan.name]);
    expect((await cycleComparisonPage(A, B, query({ page: 4 }), 3)).rows).toEqual([]);
  });

  it("sorts by name in pinyin order, by either total, and by change ascending", async () => {
    expect(names((await cycleComparisonPage(A, B, query({ sort: "name", order: "asc", kind: "municipal_department" }), 10)).rows)).toEqual([u.anda.name, u.anqiu.name, u.beian.name, u.ningyuan.name]);
    expect(names((await cycleComparisonPage(A, B, query({ sort: "a", order: "desc" }), 3)).rows)).toEqual([u.ningan.name, u.beian.name, u.anda.name]);
    expect(names((await cycleComparisonPage(A, B, query({ sort: "b", order: "asc" }), 2)).rows)).toEqual([u.anqiu.name, u.ningyuan.name]);
    expect(names((await cycleComparisonPage(A, B, query({ sort: "change", order: "asc" }), 2)).rows)).toEqual([u.ningan.name, u.linkou.name]);
  });

  it("searches by name or credit code and filters by kind", async () => {
    expect(names((await cycleComparisonPage(A, B, query({ q: "北安" }), 10)).rows)).toEqual([u.beian.name]);
    expect(names((await cycleComparisonPage(A, B, query({ q: u.linkou.uscc.toLowerCase() }), 10)).rows)).toEqual([u.linkou.name]);
    expect((await cycleComparisonPage(A, B, query({ q: "100%_" }), 10)).total).toBe(0);
    const county = await cycleComparisonPage(A, B, query({ kind: "county" }), 10);
    expect(names(county.rows)).toEqual([u.muling.name, u.linkou.name, u.ningan.name]);
  });

  it("lists the units only in A, only in B, and enrolled in both without a result in one", async () => {
    const left = await cycleComparisonPage(A, B, query({ show: "left" }), 10);
    expect(left.rows).toEqual([expect.objectContaining({ name: u.jixi.name, group: "left", totalA: "75.00", rankA: 4, totalB: null, rankB: null, change: null, move: null })]);
    const added = await cycleComparisonPage(A, B, query({ show: "new" }), 10);
    expect(added.rows).toEqual([expect.objectContaining({ name: u.jiamusi.name, group: "new", totalA: null, totalB: "88.00", gradeB: "良好", rankB: 2 })]);
    const unscored = await cycleComparisonPage(A, B, query({ show: "unscored" }), 10);
    expect(unscored.rows).toEqual([expect.objectContaining({ name: u.mishan.name, totalA: "77.00", rankA: 3, totalB: null })]);
    expect((await cycleComparisonPage(A, B, query({ show: "new", kind: "county" }), 10)).total).toBe(0);
  });
});

describe("the export", () => {
  it("streams every group in keyset batches that never split or skip a tie, whatever the batch size", async () => {
    // Compared units by the largest rise (ties by pinyin name), then left, new, unscored.
    const expected = [u.anda, u.muling, u.anqiu, u.ningyuan, u.beian, u.linkou, u.ningan, u.jixi, u.jiamusi, u.mishan].map((x) => x.name);
    for (const size of [1, 2, 3, 4, 100]) {
      const seen: string[] = [];
      for await (const batch of cycleComparisonForExport(A, B, {}, size)) seen.push(...batch.map((r) => r.name));
      expect(seen, `batch ${size}`).toEqual(expected);
    }
    const county: string[] = [];
    for await (const batch of cycleComparisonForExport(A, B, { kind: "county", q: "宁" }, 1)) county.push(...batch.map((r) => r.name));
    expect(county).toEqual([u.ningan.name]);
  });

  it("writes the workbook the route sends, read back with exceljs", async () => {
    const [a, b] = [(await comparableCycles(["office"])).find((c) => c.id === A)!, (await comparableCycles(["office"])).find((c) => c.id === B)!];
    const stream = streamXlsx("年度对比", cycleComparisonColumns(a, b), cycleComparisonForExport(A, B, {}, 4));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await new Response(stream).arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("年度对比")!;
    const rows = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(["对比情况", "单位名称", "统一社会信用代码", "单位类别", "2024年度总分", "2024年度等次", "2024年度名次", "2025年度总分", "2025年度等次", "2025年度名次", "得分变化", "等次变化"]);
    expect(rows).toHaveLength(11);
    expect(rows[1]).toEqual(["两期均有结果", u.anda.name, u.anda.uscc, "市直部门", 80, "良好", 2, 92, "优秀", 1, 12, "上升"]);
    expect(rows[7]).toEqual(["两期均有结果", u.ningan.name, u.ningan.uscc, "县区", 95, "优秀", 1, 86, "优秀", 1, -9, "不变"]);
    expect(rows[8]!.slice(0, 7)).toEqual(["仅在前一周期（退出）", u.jixi.name, u.jixi.uscc, "市直部门", 75, "一般", 4]);
    expect(rows[8]!.slice(7).every((v) => v === undefined || v === null)).toBe(true);
    expect(rows[9]![0]).toBe("仅在后一周期（新增）");
    expect(rows[10]![0]).toBe("两期均参评但有一期无结果");
  });
});

describe("who may compare which cycles", () => {
  it("the office every cycle with results; a reviewer only those in approval or archived; nobody else", async () => {
    const office = await comparableCycles(["office"]);
    expect(office.map((c) => c.id)).toEqual([B, A]);
    expect(office.map((c) => c.id)).not.toContain(empty);
    // Default: the two latest with results, the earlier as A.
    expect(await cyclePair(["office"], undefined, undefined)).toMatchObject({ a: { id: A, year: 2024 }, b: { id: B, year: 2025, status: "feedback" } });
    expect(await cyclePair(["office"], B, A)).toMatchObject({ a: { id: B }, b: { id: A } });
    // One side given: the other is the next earlier (for B) or next later (for A) cycle, if any.
    expect(await cyclePair(["office"], undefined, B)).toMatchObject({ a: { id: A }, b: { id: B } });
    expect(await cyclePair(["office"], A, undefined)).toMatchObject({ a: { id: A }, b: { id: B } });
    expect(await cyclePair(["office"], undefined, A)).toMatchObject({ a: null, b: { id: A } });
    expect(await cyclePair(["office"], B, undefined)).toMatchObject({ a: { id: B }, b: null });
    expect(await cyclePair(["office"], A, empty)).toBeNull();
    expect(await cyclePair(["office"], "no-such-cycle", B)).toBeNull();

    expect((await comparableCycles(["reviewer"])).map((c) => c.id)).toEqual([A]);
    expect(await cyclePair(["reviewer"], A, B)).toBeNull();
    expect(await cyclePair(["reviewer"], undefined, undefined)).toMatchObject({ a: null, b: { id: A } });
    await t.prisma.cycle.update({ where: { id: B }, data: { status: "approval" } });
    expect(await cyclePair(["reviewer"], A, B)).toMatchObject({ a: { id: A }, b: { id: B } });
    await t.prisma.cycle.update({ where: { id: B }, data: { status: "feedback" } });

    for (const roles of [["unit"], ["source"], ["admin"]] as const) {
      expect(await comparableCycles(roles)).toEqual([]);
      expect(await cyclePair(roles, A, B)).toBeNull();
    }
    expect(await cyclePair(["unit"], undefined, undefined)).toEqual({ options: [], a: null, b: null });
  });
});

describe("the summary kept per successful run", () => {
  it("is computed again once a run of either cycle succeeds", async () => {
    expect((await cycleComparisonSummary(A, B, "county")).meanChange).toBe("-3.67");
    // A re-evaluation's single-unit run: 穆棱 71 → 80 in B.
    const run = await t.prisma.scoringRun.create({ data: { cycleId: B, number: 3, status: "succeeded", unitCount: 1, finishedAt: new Date() } });
    const scheme = await t.prisma.cycleScheme.findFirstOrThrow({ where: { cycleId: B, unitKind: "county" } });
    const revised = await t.prisma.unitResult.create({
      data: { runId: run.id, cycleId: B, unitId: u.muling.id, unitKind: "county", schemeVersionId: scheme.schemeVersionId, total: "80.00", grade: "合格", rank: 3, categories: [], indicators: [], facts: {} },
    });
    await t.prisma.cycleUnit.updateMany({ where: { cycleId: B, organisationId: u.muling.id }, data: { currentResultId: revised.id } });
    const s = await cycleComparisonSummary(A, B, "county");
    expect(s.meanChange).toBe("-0.67");
    expect(s.risers).toEqual([expect.objectContaining({ name: u.muling.name, change: "15.00" })]);
  });
});
