import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportToDocx } from "@/lib/reports/docx";
import { loadUnitReport } from "@/lib/reports/load";
import { OFFICE_INFORMATION_NOTE, type UnitReport } from "@/lib/reports/model";
import { runScoring } from "@/lib/results/run";
import type { IndicatorResult } from "@/lib/scoring";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { paragraphs, readDocx } from "../support/docx";
import type { CollectingCycle } from "../support/monitor-factory";
import { createScoringCycle } from "../support/scoring-factory";

let t: TestDatabase;
let c: CollectingCycle;
let runId: string;
let hand: CollectingCycle["units"][number];
let other: CollectingCycle["units"][number];
let withdrawnRef: string;

/*
 * The hand-checked unit's facts for hegang-2022, and its score worked out by hand:
 *   LAW.EXAM          市司法局 3 live findings (a 4th withdrawn)     10 − 3 × 1 = 7
 *   LAW.DISHONEST     市中级人民法院 none                             10
 *   OPEN.EXAM         市政府公开办 2 findings                         10 − 2 = 8
 *   OPEN.DOUBLE       市营商局 none                                   10
 *   OPEN.PLEDGE       市营商局 not met                                0
 *   DILIGENT.TARGET   市委考评办 一般                                 4
 *   DILIGENT.PETITION 市信访局 0.93                                   5 × 0.93 = 4.65
 *   KEEP.DEBT         市财政局 met                                    10
 *   KEEP.ARREARS      市工信局 not applicable                         5 (full marks)
 *   PERFORM.COMPLAINT 市营商局 1 + 市司法局 1 verified (counts add)    5 − 2 = 3
 *   PERFORM.AWARD     市文明办 municipal, 市总工会 provincial (highest) 5
 *   CLEAN.DISCIPLINE  市纪委监委 2 staff (once)                       10 − 5 = 5
 * LAW 17 + OPEN 18 + DILIGENT 8.65 + KEEP 15 + PERFORM 8 + CLEAN 5 = 71.65 → 一般
 */
async function writeHandFacts(unitId: string): Promise<void> {
  const src = (shortName: string) => c.sources[shortName]!.id;
  const cell = (indicatorCode: string, source: string) => ({ cycleId: c.cycleId, unitId, indicatorCode, subKey: "", sourceOrgId: src(source) });
  await t.prisma.factEntry.deleteMany({ where: { cycleId: c.cycleId, unitId } });
  await t.prisma.factRecord.deleteMany({ where: { cycleId: c.cycleId, unitId } });
  await t.prisma.factEntry.createMany({
    data: [
      { ...cell("LAW.DISHONEST", "市中级人民法院"), answer: "none" },
      { ...cell("OPEN.DOUBLE", "市营商局"), answer: "none" },
      { ...cell("OPEN.PLEDGE", "市营商局"), answer: "value", value: { met: false } },
      { ...cell("DILIGENT.TARGET", "市委考评办"), answer: "value", value: { tier: "一般" } },
      { ...cell("DILIGENT.PETITION", "市信访局"), answer: "value", value: { value: 0.93 } },
      { ...cell("KEEP.DEBT", "市财政局"), answer: "value", value: { met: true } },
      { ...cell("KEEP.ARREARS", "市工信局"), answer: "not_applicable", value: { reason: "本部门无政府采购和工程项目" } },
    ],
  });
  const record = (indicatorCode: string, source: string, itemKey: string, occurredOn: string, description: string, referenceNo: string | null = null) =>
    ({ ...cell(indicatorCode, source), itemKey, occurredOn, description, referenceNo });
  await t.prisma.factRecord.createMany({
    data: [
      record("LAW.EXAM", "市司法局", "items", "2026-03-15", "规范性文件未按期报备", "鹤司函〔2026〕7号"),
      record("LAW.EXAM", "市司法局", "items", "2026-07-02", "行政执法案卷评查不合格"),
      { ...record("LAW.EXAM", "市司法局", "items", "2026-08-08", "错报的扣分项"), withdrawnAt: new Date(), withdrawReason: "重复录入" },
      record("OPEN.EXAM", "市政府公开办", "findings", "2026-04-01", "年度报告未按时公开"),
      record("OPEN.EXAM", "市政府公开办", "findings", "2026-10-12", "政策解读缺失"),
      record("PERFORM.COMPLAINT", "市营商局", "verified", "2026-05-20", "企业投诉办理超期属实", "鹤营商投〔2026〕3号"),
      record("PERFORM.COMPLAINT", "市司法局", "verified", "2026-06-11", "行政执法投诉属实"),
      record("PERFORM.AWARD", "市文明办", "municipal", "2026-01-18", "市级文明单位"),
      record("PERFORM.AWARD", "市总工会", "provincial", "2026-04-28", "省五一劳动奖状"),
      record("CLEAN.DISCIPLINE", "市纪委监委", "staff", "2026-02-10", "一名干部受到党内警告处分"),
      record("CLEAN.DISCIPLINE", "市纪委监委", "staff", "2026-09-09", "一名干部受到政务记过处分"),
    ],
  });
  await t.prisma.factRecord.create({
    data: {
      ...record("LAW.EXAM", "市司法局", "items", "2026-11-03", "重大行政决策未经合法性审查", "鹤司函〔2026〕19号"),
      evidence: { create: { cycleId: c.cycleId, ownerOrgId: src("市司法局"), originalName: "考核结果通报.pdf", storedName: randomUUID(), mimeType: "application/pdf", size: 1024, sha256: "0".repeat(64) } },
    },
  });
  await t.prisma.badRecord.create({ data: { organisationId: unitId, cycleId: c.cycleId, kind: "late_unit", reason: "经督促仍未报送自查自评材料" } });
}

const storedResult = (unitId: string) => t.prisma.unitResult.findFirstOrThrow({ where: { runId, unitId } });
const refsOf = (report: UnitReport) => report.basis.flatMap((b) => b.records.map((r) => r.referenceNo)).sort();

beforeAll(async () => {
  t = await createTestDatabase();
  c = await createScoringCycle(t.prisma, { unitCount: 5, seed: 17 });
  hand = c.units[0]!;
  // Another unit with two records from one source in one slot: withdrawing one still leaves an answer.
  const records = await t.prisma.factRecord.findMany({ where: { cycleId: c.cycleId, unitId: { not: hand.id } }, orderBy: { referenceNo: "asc" } });
  const withdrawn = records.find((r, i) => records.some((x, k) => k !== i && x.unitId === r.unitId && x.indicatorCode === r.indicatorCode && x.sourceOrgId === r.sourceOrgId))!;
  other = c.units.find((u) => u.id === withdrawn.unitId)!;
  await t.prisma.factRecord.update({ where: { id: withdrawn.id }, data: { withdrawnAt: new Date(), withdrawReason: "来源单位撤回" } });
  withdrawnRef = withdrawn.referenceNo!;
  await writeHandFacts(hand.id);
  const outcome = await runScoring(t.prisma, null, { cycleId: c.cycleId });
  if (!outcome.ok) throw new Error(`scoring failed: ${JSON.stringify((await t.prisma.scoringRun.findUniqueOrThrow({ where: { id: outcome.runId } })).problems)}`);
  runId = outcome.runId;
});
afterAll(async () => {
  await t.drop();
});

describe("a unit's report from the database", () => {
  it("the hand-checked unit: 71.65 (一般) and the explanations worked out by hand", async () => {
    const report = (await loadUnitReport(t.prisma, c.cycleId, hand.id))!;
    expect(report.summary).toMatchObject({ total: "71.65", grade: "一般" });
    expect(report.categories.map((x) => x.score)).toEqual(["17.00", "18.00", "8.65", "15.00", "8.00", "5.00"]);
    const byCode = Object.fromEntries(report.indicators.map((i) => [i.code, i]));
    expect(byCode["LAW.EXAM"]).toMatchObject({ score: "7.00", lost: "3.00", explanation: "考核扣分项3项，每项扣1分，扣3分，得7.00分" });
    expect(byCode["DILIGENT.PETITION"]).toMatchObject({ score: "4.65", explanation: "办结率93.00%，按比例得4.65分" });
    expect(byCode["KEEP.ARREARS"]).toMatchObject({ score: "5.00", notApplicable: true, explanation: "不涉及，按满分计" });
    expect(byCode["PERFORM.COMPLAINT"]).toMatchObject({ score: "3.00", explanation: "核实属实的举报2项，每项扣1分，扣2分，得3.00分" });
    expect(byCode["PERFORM.AWARD"]).toMatchObject({ score: "5.00", explanation: "获省级、市级奖励，按最高一项得5.00分" });
    expect(byCode["CLEAN.DISCIPLINE"]!.explanation).toBe("领导班子受到党纪政务处分0项，不扣分；本部门公职人员受到党纪政务处分2项，按一次扣5分；合计扣5分，得5.00分");
    expect(report.problems.map((p) => p.indicatorCode)).toEqual(["LAW.EXAM", "OPEN.EXAM", "OPEN.PLEDGE", "DILIGENT.TARGET", "DILIGENT.PETITION", "PERFORM.COMPLAINT", "PERFORM.AWARD", "CLEAN.DISCIPLINE"]);
    expect(report.other.notApplicable).toEqual([{ code: "KEEP.ARREARS", name: "拖欠中小微企业偿还情况" }]);
  });

  it("matches the stored result row: total, grade, rank and every indicator's score", async () => {
    for (const unit of [hand, other]) {
      const stored = await storedResult(unit.id);
      const report = (await loadUnitReport(t.prisma, c.cycleId, unit.id))!;
      expect(report.resultId).toBe(stored.id);
      expect(report.summary).toMatchObject({ total: stored.total.toFixed(2), grade: stored.grade, rank: { position: stored.rank, of: 5 } });
      const indicators = stored.indicators as unknown as IndicatorResult[];
      expect(report.indicators.map((i) => [i.code, i.score, i.explanation])).toEqual(indicators.map((i) => [i.code, i.score, i.explanation]));
      expect(report.unit).toMatchObject({ name: unit.name, uscc: unit.uscc, kindLabel: "市直部门" });
    }
  });

  it("lists the unit's own live records with their source names and evidence, never a withdrawn one or another unit's", async () => {
    const report = (await loadUnitReport(t.prisma, c.cycleId, hand.id))!;
    const exam = report.basis.find((b) => b.indicatorCode === "LAW.EXAM")!;
    expect(exam.sources).toEqual(["市司法局"]);
    expect(exam.records.map((r) => [r.occurredOn, r.description, r.source, r.referenceNo, r.evidence])).toEqual([
      ["2026-03-15", "规范性文件未按期报备", "市司法局", "鹤司函〔2026〕7号", []],
      ["2026-07-02", "行政执法案卷评查不合格", "市司法局", null, []],
      ["2026-11-03", "重大行政决策未经合法性审查", "市司法局", "鹤司函〔2026〕19号", ["考核结果通报.pdf"]],
    ]);
    const complaint = report.basis.find((b) => b.indicatorCode === "PERFORM.COMPLAINT")!;
    expect(complaint.sources).toEqual(["市营商局", "市司法局"]);
    expect(complaint.records.map((r) => r.source)).toEqual(["市营商局", "市司法局"]);
    expect(report.basis.find((b) => b.indicatorCode === "KEEP.ARREARS")!.answers).toEqual([{ source: "市工信局", text: "不涉及（本部门无政府采购和工程项目）" }]);
    expect(report.basis.find((b) => b.indicatorCode === "DILIGENT.TARGET")!.answers).toEqual([{ source: "市委考评办", text: "一般" }]);
    expect(report.basis.flatMap((b) => b.records).map((r) => r.description)).not.toContain("错报的扣分项");
    expect(report.basis.flatMap((b) => b.records)).toHaveLength(11);
    expect(refsOf(report).filter((r) => r?.startsWith("示例"))).toEqual([]);

    const theirs = (await loadUnitReport(t.prisma, c.cycleId, other.id))!;
    const live = await t.prisma.factRecord.findMany({ where: { cycleId: c.cycleId, unitId: other.id, withdrawnAt: null }, select: { referenceNo: true } });
    expect(refsOf(theirs)).toEqual(live.map((r) => r.referenceNo).sort());
    expect(refsOf(theirs)).not.toContain(withdrawnRef);
  });

  it("a unit still late after an urge (late_unit bad record) gets the office-information note; the others do not", async () => {
    const report = (await loadUnitReport(t.prisma, c.cycleId, hand.id))!;
    expect(report.other.officeInformationNote).toBe(OFFICE_INFORMATION_NOTE);
    expect(report.other.badRecords).toMatchObject([{ kind: "late_unit", reason: "经督促仍未报送自查自评材料" }]);
    const theirs = (await loadUnitReport(t.prisma, c.cycleId, other.id))!;
    expect(theirs.other).toMatchObject({ officeInformationNote: null, badRecords: [] });
  });

  it("the Word file carries the stored scores and explanations", async () => {
    const stored = await storedResult(hand.id);
    const report = (await loadUnitReport(t.prisma, c.cycleId, hand.id))!;
    const text = paragraphs((await readDocx(await reportToDocx(report))).document).join("|");
    expect(text).toContain(`统一社会信用代码：${hand.uscc}`);
    expect(text).toContain(`初评得分${stored.total.toFixed(2)}分`);
    for (const i of stored.indicators as unknown as IndicatorResult[]) {
      const name = report.indicators.find((x) => x.code === i.code)!.name;
      expect(text).toContain(`|${name}|${i.max}|${i.score}|${i.explanation}|`);
    }
    expect(text).toContain(OFFICE_INFORMATION_NOTE);
    expect(text).toContain("|依法行政考核|2026年11月3日|考核扣分项：重大行政决策未经合法性审查|鹤司函〔2026〕19号|市司法局|考核结果通报.pdf|");
  });

  it("answers null for a unit not enrolled or not yet scored", async () => {
    expect(await loadUnitReport(t.prisma, c.cycleId, c.sources["市司法局"]!.id)).toBeNull();
    expect(await loadUnitReport(t.prisma, c.cycleId, hand.id, "issued")).toBeNull();
  });
});
