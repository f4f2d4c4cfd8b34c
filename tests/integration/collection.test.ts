import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { unansweredCells, unitReportedData } from "@/lib/collection/data";
import { deriveUnitFacts, withAssignments } from "@/lib/collection/derive";
import {
  addRecord,
  markNone,
  markNoneForAll,
  markNotApplicable,
  reopenSubmission,
  returnSubmission,
  saveValue,
  submitSubmission,
  withdrawRecord,
} from "@/lib/collection/mutations";
import { reportingSlots } from "@/lib/collection/slots";
import { readStoredDocument } from "@/lib/schemes/document";
import { makeCollectionWorld, type CollectionWorld, type OrgKey } from "../support/collection-factory";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let w: CollectionWorld;
const JUNE = "2026-06-15T02:00:00Z";
const at = (iso: string) => (process.env.INTEGRITY_FAKE_NOW = iso);

const exam = (unit: OrgKey, extra: Record<string, unknown> = {}) => ({ ...w.cell(unit, "LAW.EXAM"), occurredOn: "2026-03-02", description: "考核扣分：行政复议纠错", itemKey: "items", ...extra });

beforeAll(async () => {
  t = await createTestDatabase();
  w = await makeCollectionWorld(t.prisma);
});
afterEach(() => at(JUNE));
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});
at(JUNE);

describe("a source writes only its own cells", () => {
  it("refuses unassigned slots, units not enrolled and non-sources as not found", async () => {
    await expect(addRecord(w.actors.sfj, exam("fgw", w.cell("fgw", "LAW.DISHONEST")))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addRecord(w.actors.court, exam("fgw"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addRecord(w.actors.sfj, exam("outsider"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addRecord(w.actors.fgwUnit, exam("fgw"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markNoneForAll(w.actors.court, { cycleId: w.cycle.id, indicatorCode: "LAW.EXAM" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveValue(w.actors.court, { ...w.cell("fgw", "DILIGENT.TARGET"), expectedVersion: 0, value: { tier: "良好" } })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("牵头") });
    expect(await t.prisma.factRecord.count()).toBe(0);
  });

  it("adds a record, notifies the office and the unit of a negative record, and audits", async () => {
    const { recordId } = await addRecord(w.actors.sfj, exam("fgw", { referenceNo: "鹤司考〔2026〕3号" }));
    const record = await t.prisma.factRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(record).toMatchObject({ sourceOrgId: w.org.sfj.id, unitId: w.org.fgw.id, itemKey: "items", referenceNo: "鹤司考〔2026〕3号" });
    expect(await t.prisma.factEntry.findFirst({ where: { unitId: w.org.fgw.id, indicatorCode: "LAW.EXAM" } })).toMatchObject({ answer: "records" });
    const notices = await t.prisma.notification.findMany({ where: { userId: { in: [w.actors.office.id, w.actors.fgwUnit.id, w.actors.jyjUnit.id] } } });
    expect(notices.map((n) => n.userId).sort()).toEqual([w.actors.office.id, w.actors.fgwUnit.id].sort());
    expect(notices[0]?.body).toContain("行政复议纠错");
    expect(await t.prisma.auditLog.count({ where: { action: "collection.record_added", entityId: recordId } })).toBe(1);
  });

  it("checks the date, the item and the description, listing every problem", async () => {
    await expect(addRecord(w.actors.sfj, exam("jyj", { occurredOn: "2025-12-31", itemKey: "nope" }))).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { occurredOn: [expect.stringContaining("2026-01-01")], itemKey: ["请选择扣分项"] },
    });
    await expect(addRecord(w.actors.sfj, exam("jyj", { occurredOn: "2026-07-01" }))).rejects.toMatchObject({ fieldErrors: { occurredOn: [expect.stringContaining("晚于今天")] } });
    await expect(addRecord(w.actors.sfj, exam("jyj", { description: "" }))).rejects.toMatchObject({ fieldErrors: { description: expect.any(Array) } });
  });
});

describe("none, none for all, N/A and values", () => {
  it("refuses none while records exist; stale versions are refused", async () => {
    await expect(markNone(w.actors.sfj, { ...w.cell("fgw", "LAW.EXAM"), expectedVersion: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    const { version } = await markNone(w.actors.sfj, { ...w.cell("jyj", "LAW.EXAM"), expectedVersion: 0 });
    expect(version).toBe(1);
    await expect(markNone(w.actors.sfj, { ...w.cell("jyj", "LAW.EXAM"), expectedVersion: 0 })).rejects.toMatchObject({ code: "STALE" });
  });

  it("marks every unit without records or an answer as none in one statement", async () => {
    const withdrawn = await addRecord(w.actors.sfj, exam("gaj"));
    await withdrawRecord(w.actors.sfj, { recordId: withdrawn.recordId, reason: "录入错误，撤回" });
    const { marked } = await markNoneForAll(w.actors.sfj, { cycleId: w.cycle.id, indicatorCode: "LAW.EXAM" });
    expect(marked).toBe(3); // sfj, yshj (no answer) and gaj (records all withdrawn); not fgw (records), not jyj (already none)
    const entries = await t.prisma.factEntry.findMany({ where: { cycleId: w.cycle.id, indicatorCode: "LAW.EXAM" }, select: { unitId: true, answer: true, version: true } });
    const byUnit = Object.fromEntries(entries.map((e) => [e.unitId, e]));
    expect(byUnit[w.org.fgw.id]).toMatchObject({ answer: "records" });
    expect(byUnit[w.org.jyj.id]).toMatchObject({ answer: "none", version: 1 });
    expect(byUnit[w.org.gaj.id]).toMatchObject({ answer: "none" });
    expect(await markNoneForAll(w.actors.sfj, { cycleId: w.cycle.id, indicatorCode: "LAW.EXAM" })).toEqual({ marked: 0 });
  });

  it("keeps a withdrawn record with its reason; it no longer counts", async () => {
    const record = await t.prisma.factRecord.findFirstOrThrow({ where: { unitId: w.org.gaj.id } });
    expect(record).toMatchObject({ withdrawReason: "录入错误，撤回", withdrawnById: w.actors.sfj.id });
    expect(record.withdrawnAt).not.toBeNull();
    await expect(withdrawRecord(w.actors.sfj, { recordId: record.id, reason: "再撤一次" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(withdrawRecord(w.actors.yshj, { recordId: record.id, reason: "别人的记录" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("saves values checked by the engine's schema, and N/A with a reason", async () => {
    const target = (unit: OrgKey) => w.cell(unit, "DILIGENT.TARGET");
    await expect(saveValue(w.actors.kpb, { ...target("fgw"), expectedVersion: 0, value: { tier: "很好" } })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { value: [expect.any(String)] } });
    expect(await saveValue(w.actors.kpb, { ...target("fgw"), expectedVersion: 0, value: { tier: "良好" } })).toEqual({ version: 1 });
    expect(await saveValue(w.actors.kpb, { ...target("fgw"), expectedVersion: 1, value: { tier: "优秀" } })).toEqual({ version: 2 });
    await expect(saveValue(w.actors.kpb, { ...target("fgw"), expectedVersion: 1, value: { tier: "一般" } })).rejects.toMatchObject({ code: "STALE" });
    await expect(addRecord(w.actors.kpb, { ...target("fgw"), occurredOn: "2026-03-01", description: "不是记录" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(markNone(w.actors.kpb, { ...target("jyj"), expectedVersion: 0 })).rejects.toMatchObject({ code: "INVALID" });
    await markNotApplicable(w.actors.kpb, { ...target("jyj"), expectedVersion: 0, reason: "本年度未参加综合考核" });
    expect(await t.prisma.factEntry.findFirst({ where: { unitId: w.org.jyj.id, indicatorCode: "DILIGENT.TARGET" } })).toMatchObject({ answer: "not_applicable", value: { reason: "本年度未参加综合考核" } });
  });
});

describe("submissions", () => {
  it("refuses to submit while cells are unanswered, listing them all", async () => {
    const { cells, missing } = await unansweredCells(t.prisma, w.cycle.id, w.org.kpb.id);
    expect(cells).toBe(5);
    expect(missing.map((m) => m.unitId).sort()).toEqual([w.org.sfj.id, w.org.yshj.id, w.org.gaj.id].sort());
    await expect(submitSubmission(w.actors.kpb, { cycleId: w.cycle.id })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { cells: expect.arrayContaining([expect.stringContaining("综合责任目标考核")]) } });
  });

  it("submits, locks, returns with a comment, and lets the source correct and resubmit", async () => {
    expect(await submitSubmission(w.actors.sfj, { cycleId: w.cycle.id }).catch((e) => e.fieldErrors)).toMatchObject({ cells: expect.arrayContaining([expect.stringContaining("政务投诉信息")]) });
    await markNoneForAll(w.actors.sfj, { cycleId: w.cycle.id, indicatorCode: "PERFORM.COMPLAINT" });
    expect(await submitSubmission(w.actors.sfj, { cycleId: w.cycle.id })).toEqual({ cells: 10 });
    await expect(addRecord(w.actors.sfj, exam("jyj"))).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("已提交") });
    await expect(returnSubmission(w.actors.sfj, { cycleId: w.cycle.id, sourceOrgId: w.org.sfj.id, comment: "自己退回" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await returnSubmission(w.actors.office, { cycleId: w.cycle.id, sourceOrgId: w.org.sfj.id, comment: "请补充市教育局的考核扣分" });
    const submission = await t.prisma.submission.findFirstOrThrow({ where: { cycleId: w.cycle.id, sourceOrgId: w.org.sfj.id } });
    expect(submission).toMatchObject({ status: "returned", returnComment: "请补充市教育局的考核扣分" });
    expect(await t.prisma.notification.count({ where: { userId: w.actors.sfj.id, kind: "collection.returned" } })).toBe(1);
    await expect(returnSubmission(w.actors.office, { cycleId: w.cycle.id, sourceOrgId: w.org.sfj.id, comment: "再退一次" })).rejects.toMatchObject({ code: "CONFLICT" });
    await addRecord(w.actors.sfj, exam("jyj"));
    await submitSubmission(w.actors.sfj, { cycleId: w.cycle.id });
    expect(await t.prisma.auditLog.count({ where: { action: "collection.submitted", actorId: w.actors.sfj.id } })).toBe(2);
  });

  it("locks after the deadline until staff reopen, and again after the reopening ends", async () => {
    at("2026-12-01T16:00:00Z"); // 2 December 00:00 in Beijing
    const dishonest = { ...w.cell("fgw", "LAW.DISHONEST"), expectedVersion: 0 };
    await expect(markNone(w.actors.court, dishonest)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("2026-12-01截止") });
    await expect(reopenSubmission(w.actors.office, { cycleId: w.cycle.id, sourceOrgId: w.org.court.id, reason: "法院系统故障补报", until: "2026-12-01" })).rejects.toMatchObject({ code: "INVALID" });
    await reopenSubmission(w.actors.office, { cycleId: w.cycle.id, sourceOrgId: w.org.court.id, reason: "法院系统故障补报", until: "2026-12-05" });
    await markNone(w.actors.court, dishonest);
    at("2026-12-05T16:00:01Z");
    await expect(markNone(w.actors.court, { ...w.cell("jyj", "LAW.DISHONEST"), expectedVersion: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.prisma.auditLog.count({ where: { action: "collection.reopened" } })).toBe(1);
  });

  it("reopening a submitted source returns it", async () => {
    at("2026-12-03T02:00:00Z");
    await reopenSubmission(w.actors.office, { cycleId: w.cycle.id, sourceOrgId: w.org.sfj.id, reason: "补录一条考核扣分", until: "2026-12-04" });
    expect(await t.prisma.submission.findFirst({ where: { cycleId: w.cycle.id, sourceOrgId: w.org.sfj.id } })).toMatchObject({ status: "returned", reopenReason: "补录一条考核扣分" });
    await addRecord(w.actors.sfj, exam("gaj", { occurredOn: "2026-11-20" }));
  });
});

describe("derived facts and the unit's view", () => {
  it("combines both sources of a deduction indicator and counts only live records", async () => {
    at("2026-06-20T02:00:00Z");
    await addRecord(w.actors.yshj, { ...w.cell("fgw", "PERFORM.COMPLAINT"), occurredOn: "2026-05-01", description: "投诉核实属实", itemKey: "verified" });
    const slots = withAssignments(reportingSlots(readStoredDocument(w.scheme.document)), await t.prisma.sourceAssignment.findMany({ where: { cycleId: w.cycle.id } }));
    const unit = w.org.fgw.id;
    const [entries, records] = await Promise.all([t.prisma.factEntry.findMany({ where: { cycleId: w.cycle.id, unitId: unit } }), t.prisma.factRecord.findMany({ where: { cycleId: w.cycle.id, unitId: unit } })]);
    const derived = deriveUnitFacts(slots, { entries, records });
    expect(derived.facts["LAW.EXAM"]).toEqual({ counts: { items: 1 } });
    expect(derived.facts["PERFORM.COMPLAINT"]).toEqual({ counts: { verified: 1 } });
    expect(derived.facts["DILIGENT.TARGET"]).toEqual({ tier: "优秀" });
    expect(derived.pending.map((p) => p.indicatorCode)).toContain("KEEP.DEBT");
  });

  it("shows a unit what was reported about it, never about another unit", async () => {
    const fgw = await unitReportedData(w.actors.fgwUnit, w.cycle.id);
    const exams = fgw?.reported.find((r) => r.slot.indicatorCode === "LAW.EXAM");
    expect(exams?.records.map((r) => r.unitId)).toEqual([w.org.fgw.id]);
    expect(exams?.records[0]?.sourceName).toBe(w.org.sfj.name);
    const all = fgw?.reported.flatMap((r) => [...r.records, ...r.answers]) ?? [];
    expect(all.every((r) => r.unitId === w.org.fgw.id)).toBe(true);
    expect(await unitReportedData(w.actors.office, w.cycle.id)).toBeNull();
  });

  it("refuses writes when the cycle is not collecting", async () => {
    const draft = await makeCollectionWorld(t.prisma, { status: "scoring" });
    await expect(addRecord(draft.actors.sfj, { ...draft.cell("fgw", "LAW.EXAM"), occurredOn: "2026-03-02", description: "测试", itemKey: "items" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("不在数据归集阶段") });
  });
});
