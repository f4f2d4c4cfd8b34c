import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { correctionView, type CorrectionView } from "@/lib/collection/correction-data";
import { correctAddRecord, correctToNone, correctToNotApplicable, correctValue, correctWithdrawRecord } from "@/lib/collection/corrections";
import type { RunProblem } from "@/lib/results/plan";
import { runScoring } from "@/lib/results/run";
import { makeCollectionWorld, type CollectionWorld, type OrgKey } from "../support/collection-factory";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createOrg, createUser } from "../support/monitor-factory";
import { createScoringCycle } from "../support/scoring-factory";

let t: TestDatabase;
let w: CollectionWorld;
let office: Actor;

const REASON = "经与数据来源单位核实，原报送遗漏";

beforeAll(async () => {
  process.env.INTEGRITY_FAKE_NOW = "2026-12-10T04:00:00Z";
  t = await createTestDatabase();
  w = await makeCollectionWorld(t.prisma, { status: "scoring" });
  office = w.actors.office;
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});

const target = (unit: OrgKey, indicatorCode: string, source: OrgKey) => ({ ...w.cell(unit, indicatorCode), sourceOrgId: w.org[source].id });
const exam = (unit: OrgKey, extra: Record<string, unknown> = {}) => ({
  ...target(unit, "LAW.EXAM", "sfj"), occurredOn: "2026-03-02", description: "考核扣分：行政复议纠错", itemKey: "items", correctionReason: REASON, ...extra,
});
const corrections = () => t.prisma.auditLog.count({ where: { action: "collection.corrected" } });
const asView = async (ref: Parameters<typeof correctionView>[0]) => (await correctionView(ref)) as CorrectionView;

describe("a correction makes a failing scoring run succeed", () => {
  it("fills the missing value on behalf of the source, audited with the reason", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 3, seed: 5 });
    const officeOrg = await createOrg(t.prisma, "鹤岗市信用办（评分）", ["office"]);
    const staff = await createUser(t.prisma, officeOrg, "corrector", ["office"]);
    const unit = c.units[1]!;
    const gone = await t.prisma.factEntry.findFirstOrThrow({ where: { cycleId: c.cycleId, unitId: unit.id, indicatorCode: "DILIGENT.TARGET" } });
    await t.prisma.factEntry.delete({ where: { id: gone.id } });

    const failed = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    expect(failed.ok).toBe(false);
    const [problem] = (await t.prisma.scoringRun.findUniqueOrThrow({ where: { id: failed.runId } })).problems as RunProblem[];
    expect(problem).toMatchObject({ unitId: unit.id, indicatorCode: "DILIGENT.TARGET", kind: "missing", sourceOrgIds: [gone.sourceOrgId] });

    const ref = { cycleId: c.cycleId, unitId: problem!.unitId, indicatorCode: problem!.indicatorCode!, subKey: problem!.subKey };
    const before = await asView(ref);
    expect(before.outcome).toEqual({ status: "pending", missing: [gone.sourceOrgId] });
    expect(before.refusal).toBeNull();
    expect(before.sources.map((s) => [s.sourceOrgId, s.status.kind])).toEqual([[gone.sourceOrgId, "missing"]]);

    const { version } = await correctValue(staff, { ...ref, sourceOrgId: problem!.sourceOrgIds[0], expectedVersion: 0, value: { tier: "良好" }, correctionReason: REASON });
    expect(version).toBe(1);
    const entry = await t.prisma.factEntry.findFirstOrThrow({ where: { cycleId: c.cycleId, unitId: unit.id, indicatorCode: "DILIGENT.TARGET" } });
    expect(entry).toMatchObject({ sourceOrgId: gone.sourceOrgId, answer: "value", value: { tier: "良好" }, updatedById: staff.id });

    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "collection.corrected", entityId: entry.id } });
    expect(audit).toMatchObject({ actorId: staff.id, entityType: "fact_entry", before: null, after: { answer: "value", value: { tier: "良好" }, version: 1 } });
    expect(audit.meta).toMatchObject({ reason: REASON, operation: "value", unit: unit.name, unitId: unit.id, indicator: "DILIGENT.TARGET", subKey: "", sourceOrgId: gone.sourceOrgId, cycleId: c.cycleId });

    const after = await asView(ref);
    expect(after.outcome).toEqual({ status: "fact", fact: { tier: "良好" } });
    expect(after.corrections).toEqual([expect.objectContaining({ actorName: staff.displayName, operation: "value", reason: REASON })]);

    const succeeded = await runScoring(t.prisma, null, { cycleId: c.cycleId });
    expect(succeeded).toMatchObject({ ok: true, units: 3 });
  });
});

describe("every correction needs a reason and a correctable cell", () => {
  it("refuses without a reason, listing it with every other problem, and writes nothing", async () => {
    const base = { ...target("fgw", "DILIGENT.TARGET", "kpb"), expectedVersion: 0 };
    const audited = await corrections();
    for (const correctionReason of [undefined, "", "  ", "x"]) {
      await expect(correctValue(office, { ...base, value: { tier: "优秀" }, correctionReason })).rejects.toMatchObject({
        code: "INVALID", fieldErrors: { correctionReason: [expect.stringContaining("请填写更正原因")] },
      });
    }
    await expect(correctValue(office, { ...base, value: { tier: "不存在" } })).rejects.toMatchObject({
      code: "INVALID", fieldErrors: { correctionReason: [expect.stringContaining("请填写更正原因")], value: [expect.any(String)] },
    });
    await expect(correctAddRecord(office, exam("fgw", { correctionReason: undefined, occurredOn: "2025-05-01" }))).rejects.toMatchObject({
      code: "INVALID", fieldErrors: { correctionReason: [expect.any(String)], occurredOn: [expect.stringContaining("不在评价年度")] },
    });
    await expect(correctToNone(office, { ...target("fgw", "LAW.EXAM", "sfj"), expectedVersion: 0 })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { correctionReason: [expect.any(String)] } });
    await expect(correctToNotApplicable(office, { ...target("fgw", "LAW.EXAM", "sfj"), expectedVersion: 0, reason: "未发生" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(correctWithdrawRecord(office, { cycleId: w.cycle.id, recordId: "nope", reason: "误报" })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { correctionReason: [expect.any(String)] } });
    expect(await t.prisma.factEntry.count({ where: { cycleId: w.cycle.id } })).toBe(0);
    expect(await corrections()).toBe(audited);
  });

  it("is office work: a source or a unit user gets not found", async () => {
    await expect(correctValue(w.actors.kpb, { ...target("fgw", "DILIGENT.TARGET", "kpb"), expectedVersion: 0, value: { tier: "优秀" }, correctionReason: REASON })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(correctToNone(w.actors.fgwUnit, { ...target("fgw", "LAW.EXAM", "sfj"), expectedVersion: 0, correctionReason: REASON })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a source not assigned to the slot, and a non-lead source of a single value", async () => {
    await expect(correctToNone(office, { ...target("fgw", "LAW.EXAM", "court"), expectedVersion: 0, correctionReason: REASON })).rejects.toMatchObject({
      code: "INVALID", fieldErrors: { sourceOrgId: [expect.any(String)] },
    });
    await expect(correctValue(office, { ...target("fgw", "DILIGENT.TARGET", "court"), expectedVersion: 0, value: { tier: "优秀" }, correctionReason: REASON })).rejects.toMatchObject({
      code: "INVALID", message: expect.stringContaining("牵头"),
    });
    await expect(correctToNone(office, { ...target("outsider", "LAW.EXAM", "sfj"), expectedVersion: 0, correctionReason: REASON })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(correctToNone(office, { ...target("fgw", "NO.SUCH", "sfj"), expectedVersion: 0, correctionReason: REASON })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is refused while the cycle collects, and for a unit whose initial result is issued", async () => {
    const collecting = await makeCollectionWorld(t.prisma);
    const cell = { ...collecting.cell("fgw", "LAW.EXAM"), sourceOrgId: collecting.org.sfj.id, expectedVersion: 0, correctionReason: REASON };
    await expect(correctToNone(collecting.actors.office, cell)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("数据归集尚未结束") });

    await t.prisma.cycleUnit.update({ where: { cycleId_organisationId: { cycleId: w.cycle.id, organisationId: w.org.gaj.id } }, data: { issuedAt: new Date("2026-12-05T02:00:00Z") } });
    await expect(correctToNone(office, { ...target("gaj", "LAW.EXAM", "sfj"), expectedVersion: 0, correctionReason: REASON })).rejects.toMatchObject({
      code: "CONFLICT", message: expect.stringContaining("初评结果已于2026年12月5日"),
    });
    expect((await asView(w.cell("gaj", "LAW.EXAM"))).refusal).toContain("送达");

    await t.prisma.cycle.update({ where: { id: collecting.cycle.id }, data: { status: "feedback" } });
    await expect(correctToNone(collecting.actors.office, cell)).resolves.toEqual({ version: 1 });
    await t.prisma.cycle.update({ where: { id: collecting.cycle.id }, data: { status: "approval" } });
    await expect(correctToNone(collecting.actors.office, { ...cell, expectedVersion: 1 })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("审批") });
  });

  it("refuses a stale expectedVersion", async () => {
    const base = { ...target("jyj", "DILIGENT.TARGET", "kpb"), correctionReason: REASON };
    expect(await correctValue(office, { ...base, expectedVersion: 0, value: { tier: "优秀" } })).toEqual({ version: 1 });
    await expect(correctValue(office, { ...base, expectedVersion: 0, value: { tier: "一般" } })).rejects.toMatchObject({ code: "STALE" });
    expect(await correctValue(office, { ...base, expectedVersion: 1, value: { tier: "一般" } })).toEqual({ version: 2 });
    await expect(correctToNotApplicable(office, { ...base, expectedVersion: 1, reason: "本年度未下达目标" })).rejects.toMatchObject({ code: "STALE" });
    const entry = await t.prisma.factEntry.findFirstOrThrow({ where: { cycleId: w.cycle.id, unitId: w.org.jyj.id, indicatorCode: "DILIGENT.TARGET" } });
    expect(entry).toMatchObject({ value: { tier: "一般" }, version: 2 });
    const audits = await t.prisma.auditLog.findMany({ where: { action: "collection.corrected", entityId: entry.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.before)).toEqual([null, { answer: "value", value: { tier: "优秀" }, version: 1 }]);
  });
});

describe("records are corrected by adding and withdrawing, never deleting", () => {
  it("adds a record for the source, withdraws it with both reasons, and keeps it", async () => {
    const { recordId } = await correctAddRecord(office, exam("yshj", { referenceNo: "鹤司考〔2026〕9号" }));
    const record = await t.prisma.factRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(record).toMatchObject({ sourceOrgId: w.org.sfj.id, unitId: w.org.yshj.id, itemKey: "items", createdById: office.id, withdrawnAt: null });
    const entry = await t.prisma.factEntry.findFirstOrThrow({ where: { cycleId: w.cycle.id, unitId: w.org.yshj.id, indicatorCode: "LAW.EXAM" } });
    expect(entry).toMatchObject({ answer: "records", sourceOrgId: w.org.sfj.id, updatedById: office.id });
    expect((await asView(w.cell("yshj", "LAW.EXAM"))).outcome).toEqual({ status: "fact", fact: { counts: { items: 1 } } });

    await expect(correctToNone(office, { ...target("yshj", "LAW.EXAM", "sfj"), expectedVersion: entry.version, correctionReason: REASON })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("撤回") });

    await correctWithdrawRecord(office, { cycleId: w.cycle.id, recordId, reason: "重复报送", correctionReason: "与市司法局核对后确认重复" });
    await expect(correctWithdrawRecord(office, { cycleId: w.cycle.id, recordId, reason: "重复报送", correctionReason: REASON })).rejects.toMatchObject({ code: "CONFLICT" });
    const withdrawn = await t.prisma.factRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(withdrawn).toMatchObject({ withdrawReason: "重复报送", withdrawnById: office.id });
    expect(withdrawn.withdrawnAt).toEqual(new Date("2026-12-10T04:00:00Z"));
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "collection.corrected", entityId: recordId, meta: { path: ["operation"], equals: "record_withdrawn" } } });
    expect(audit.meta).toMatchObject({ reason: "与市司法局核对后确认重复", sourceOrgId: w.org.sfj.id });
    expect(audit.before).toMatchObject({ description: "考核扣分：行政复议纠错" });

    const view = await asView(w.cell("yshj", "LAW.EXAM"));
    expect(view.outcome).toEqual({ status: "pending", missing: [w.org.sfj.id] });
    const sfj = view.sources.find((s) => s.sourceOrgId === w.org.sfj.id)!;
    expect([sfj.live.length, sfj.withdrawn.length]).toEqual([0, 1]);
    expect(view.corrections.map((c) => c.operation)).toEqual(["record_withdrawn", "record_added"]);

    const fresh = await t.prisma.factEntry.findFirstOrThrow({ where: { id: entry.id } });
    await expect(correctToNone(office, { ...target("yshj", "LAW.EXAM", "sfj"), expectedVersion: fresh.version, correctionReason: REASON })).resolves.toEqual({ version: fresh.version + 1 });
    expect((await asView(w.cell("yshj", "LAW.EXAM"))).outcome).toEqual({ status: "fact", fact: { counts: { items: 0 } } });
    expect(await t.prisma.factRecord.count({ where: { id: recordId } })).toBe(1);
  });

  it("checks the item of a record and refuses records for a value slot", async () => {
    await expect(correctAddRecord(office, exam("jyj", { itemKey: "nope" }))).rejects.toMatchObject({ code: "INVALID", fieldErrors: { itemKey: ["请选择扣分项"] } });
    await expect(correctAddRecord(office, { ...exam("jyj"), ...target("jyj", "DILIGENT.TARGET", "kpb") })).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("单值") });
  });

  it("marks not applicable with its reason kept on the answer", async () => {
    const { version } = await correctToNotApplicable(office, { ...target("sfj", "KEEP.DEBT", "court"), expectedVersion: 0, reason: "无政府性债务", correctionReason: REASON });
    const entry = await t.prisma.factEntry.findFirstOrThrow({ where: { cycleId: w.cycle.id, unitId: w.org.sfj.id, indicatorCode: "KEEP.DEBT" } });
    expect(entry).toMatchObject({ answer: "not_applicable", value: { reason: "无政府性债务" }, version, sourceOrgId: w.org.court.id });
    expect((await asView(w.cell("sfj", "KEEP.DEBT"))).outcome).toEqual({ status: "not_applicable" });
  });
});
