import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { conflictReason, loadCycleSlots, overallProgress, referenceConflicts, slotProgress, sourceProgress, unitProgress } from "@/lib/collection/completeness";
import { combinedPage, combinedSlots, monitorPage, recentNegativeRecords } from "@/lib/collection/monitor";
import { latePartiesAfterUrge, recordAllBadRecords, recordBadRecord, urgeParty } from "@/lib/collection/urge";
import { getBuiltInScheme, scoreUnits } from "@/lib/scoring";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createCollectingCycle, createOrg, createUser, type CollectingCycle } from "../support/monitor-factory";

let t: TestDatabase;
let c: CollectingCycle;
let office: Actor;
const BEFORE = "2026-11-21T04:00:00Z";
const AFTER = "2026-12-02T04:00:00Z";

const src = (short: string) => c.sources[short]!.id;
const unit = (i: number) => c.units[i]!.id;
const entry = (source: string, unitIndex: number, ind: string, answer: "value" | "none" | "not_applicable" | "records", value?: object) =>
  t.prisma.factEntry.create({ data: { cycleId: c.cycleId, sourceOrgId: src(source), unitId: unit(unitIndex), indicatorCode: ind, answer, value: value ?? undefined } });
const record = (source: string, unitIndex: number, ind: string, itemKey: string, referenceNo: string | null = null) =>
  t.prisma.factRecord.create({ data: { cycleId: c.cycleId, sourceOrgId: src(source), unitId: unit(unitIndex), indicatorCode: ind, itemKey, occurredOn: "2026-06-01", description: `${ind}的记录`, referenceNo } });
const query = { sort: "name" as const, order: "asc" as const, page: 1 };

beforeAll(async () => {
  process.env.INTEGRITY_FAKE_NOW = BEFORE;
  t = await createTestDatabase();
  c = await createCollectingCycle(t.prisma, { unitCount: 3 });
  office = await createUser(t.prisma, await createOrg(t.prisma, "信用办", ["office"]), "office1", ["office"]);
  await createUser(t.prisma, c.sources["市中级人民法院"]!, "src-court", ["source"]);
  await createUser(t.prisma, c.units[2]!, "unit-3", ["unit"]);
});
beforeEach(() => {
  process.env.INTEGRITY_FAKE_NOW = BEFORE;
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});

describe("completeness aggregates", () => {
  it("counts cells per source, slot and unit in SQL, as derive.ts answers them", async () => {
    const slots = await loadCycleSlots(t.prisma, c.cycleId);
    // 12 indicators; two sources each for PERFORM.COMPLAINT (records) and PERFORM.AWARD (records): 14 × 3 units.
    expect(await overallProgress(c.cycleId, slots)).toEqual({ cells: 42, answered: 0, sources: 11, submitted: 0, units: 3, unitsComplete: 0 });
    await record("市司法局", 0, "LAW.EXAM", "items");
    await entry("市司法局", 0, "LAW.EXAM", "records");
    await entry("市司法局", 1, "LAW.EXAM", "none");
    await entry("市司法局", 2, "LAW.EXAM", "records"); // no live record: still missing
    const withdrawn = await record("市司法局", 2, "PERFORM.COMPLAINT", "verified");
    await t.prisma.factRecord.update({ where: { id: withdrawn.id }, data: { withdrawnAt: new Date() } });
    await entry("市委考评办", 0, "DILIGENT.TARGET", "value", { tier: "优秀" });
    await entry("市委考评办", 1, "DILIGENT.TARGET", "not_applicable", { reason: "不适用" });
    expect(await overallProgress(c.cycleId, slots)).toMatchObject({ cells: 42, answered: 4 });
    const sources = (await sourceProgress(c.cycleId, slots, { sort: "progress", order: "desc" }, 1)).rows;
    expect(sources.slice(0, 2).map((s) => [s.name, s.cells, s.answered])).toEqual([["市委考评办", 3, 2], ["市司法局", 6, 2]]);
    expect(sources[1]!.lastActivity).toBeInstanceOf(Date);
    const bySlot = (await slotProgress(c.cycleId, slots, { sort: "code", order: "asc" }, null)).rows;
    expect(bySlot.find((r) => r.ind === "PERFORM.COMPLAINT")).toMatchObject({ cells: 6, answered: 0 });
    expect(bySlot.find((r) => r.ind === "LAW.EXAM")).toMatchObject({ cells: 3, answered: 2 });
    const units = await unitProgress(c.cycleId, slots, { ...query, sort: "progress", order: "desc" }, 1);
    expect(units.total).toBe(3);
    expect(units.rows.map((u) => [u.name, u.cells, u.answered])).toEqual([[c.units[0]!.name, 14, 2], [c.units[1]!.name, 14, 2], [c.units[2]!.name, 14, 0]]);
    expect((await unitProgress(c.cycleId, slots, { ...query, q: "00003" }, 1)).rows.map((u) => u.id)).toEqual([unit(2)]);
  });

  it("flags one reference reported by two sources or for two units", async () => {
    await record("市营商局", 0, "PERFORM.COMPLAINT", "verified", "投诉 2026-1");
    await record("市司法局", 0, "PERFORM.COMPLAINT", "verified", "投诉2026-1");
    await record("市营商局", 1, "OPEN.DOUBLE", "findings", "双-1");
    await record("市营商局", 2, "OPEN.DOUBLE", "findings", "双-1");
    await record("市营商局", 2, "OPEN.DOUBLE", "findings", "双-2");
    const { rows, total } = await referenceConflicts(c.cycleId, 1);
    expect(total).toBe(2);
    const byRef = Object.fromEntries(rows.map((r) => [r.reference, conflictReason(r)]));
    expect(byRef).toEqual({ "投诉2026-1": "2个信源单位重复报送", "双-1": "涉及2个不同单位" });
  });

  it("combines the records of several sources for one indicator (counts add)", async () => {
    const slots = await loadCycleSlots(t.prisma, c.cycleId);
    const complaint = combinedSlots(slots).find((s) => s.indicatorCode === "PERFORM.COMPLAINT")!;
    await entry("市营商局", 1, "PERFORM.COMPLAINT", "none");
    const { rows } = await combinedPage(c.cycleId, complaint, { page: 1 });
    expect(rows.map((r) => [r.bySource.map((s) => `${s.name}:${s.answer}`).join(" "), r.combined])).toEqual([
      ["市营商局:1条记录 市司法局:1条记录", "核实属实的举报2项"],
      ["市营商局:无 市司法局:未报", "待报送（市司法局）"],
      ["市营商局:未报 市司法局:未报", "待报送（市营商局、市司法局）"],
    ]);
    const negative = await recentNegativeRecords(c.cycleId, slots);
    expect(negative.length).toBeGreaterThanOrEqual(5);
    expect(negative[0]).toMatchObject({ sourceName: "市营商局", slotName: "“双公示”情况" });
  });
});

describe("provisional scores", () => {
  it("scores reported indicators with the engine, shows the rest as pending, the total once complete", async () => {
    const scheme = getBuiltInScheme("hegang-2022")!;
    const facts: Record<string, unknown> = { "LAW.EXAM": { counts: { items: 1 } } };
    // Complete unit 1: answer every remaining cell of unit index 0.
    await entry("市中级人民法院", 0, "LAW.DISHONEST", "none");
    await entry("市政府公开办", 0, "OPEN.EXAM", "none");
    await entry("市营商局", 0, "OPEN.DOUBLE", "none");
    await entry("市营商局", 0, "OPEN.PLEDGE", "value", { met: true });
    await entry("市信访局", 0, "DILIGENT.PETITION", "value", { value: 0.85 });
    await entry("市财政局", 0, "KEEP.DEBT", "value", { met: true });
    await entry("市工信局", 0, "KEEP.ARREARS", "none");
    await entry("市文明办", 0, "PERFORM.AWARD", "none");
    await entry("市总工会", 0, "PERFORM.AWARD", "none");
    await entry("市纪委监委", 0, "CLEAN.DISCIPLINE", "none");
    const page = await monitorPage(c.cycleId, { ...query, sort: "name" });
    const [first, second] = page.rows;
    const expected = scoreUnits(scheme, [{ code: "u", facts: { ...facts, "LAW.DISHONEST": { count: 0 }, "OPEN.EXAM": { counts: { findings: 0 } }, "OPEN.DOUBLE": { counts: { findings: 0 } }, "OPEN.PLEDGE": { met: true }, "DILIGENT.TARGET": { tier: "优秀" }, "DILIGENT.PETITION": { value: 0.85 }, "KEEP.DEBT": { met: true }, "KEEP.ARREARS": { counts: { verified: 0 } }, "PERFORM.COMPLAINT": { counts: { verified: 2 } }, "PERFORM.AWARD": { awards: [] }, "CLEAN.DISCIPLINE": { counts: { leadership: 0, staff: 0 } } } }]);
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    expect(first!.final).toEqual({ total: expected.results[0]!.total, grade: expected.results[0]!.grade });
    expect(first!.provisional).toBe(expected.results[0]!.total);
    expect(first!.pending).toBe(0);
    // Unit 2: LAW.EXAM none (10), DILIGENT.TARGET N/A (full marks 10), OPEN.DOUBLE one finding (9); the rest pending.
    expect(second).toMatchObject({ provisional: "29.00", reportedMax: "30.00", final: null, pending: 9 });
    const dishonest = second!.indicators.find((i) => i.code === "LAW.DISHONEST");
    expect(dishonest).toEqual({ code: "LAW.DISHONEST", name: "失信信息", max: 10, status: "pending", missing: ["市中级人民法院"] });
    expect(second!.indicators.find((i) => i.code === "LAW.EXAM")).toMatchObject({ status: "scored", score: "10.00" });
  });
});

describe("urging and bad records", () => {
  it("urges a late source: an Urge row, a notice to its users, the audit row; e-mail is not configured", async () => {
    const court = src("市中级人民法院");
    const outcome = await urgeParty(office, { cycleId: c.cycleId, targetOrgId: court, targetRole: "source" }, "127.0.0.1");
    expect(outcome).toMatchObject({ notified: 1, email: "邮件未配置" });
    const urge = await t.prisma.urge.findUniqueOrThrow({ where: { id: outcome.urgeId } });
    expect(urge).toMatchObject({ targetOrgId: court, targetRole: "source", urgedById: office.id, emailedAt: null });
    expect(urge.message).toContain("尚有2项数据未填报");
    const notice = await t.prisma.notification.findFirstOrThrow({ where: { kind: "collection.urged" } });
    expect(notice).toMatchObject({ link: `/collect/${c.cycleId}`, readAt: null });
    expect((await t.prisma.auditLog.findFirstOrThrow({ where: { action: "collection.urged" } })).meta).toMatchObject({ email: "邮件未配置", notified: 1 });
    const srcUser = await t.prisma.user.findFirstOrThrow({ where: { username: "src-court" } });
    await expect(urgeParty({ ...office, roles: ["source"], id: srcUser.id }, { cycleId: c.cycleId, targetOrgId: court, targetRole: "source" })).rejects.toThrow("未找到");
  });

  it("refuses to urge a source that has submitted everything", async () => {
    const kpb = src("市委考评办");
    await entry("市委考评办", 2, "DILIGENT.TARGET", "value", { tier: "良好" });
    await t.prisma.submission.create({ data: { cycleId: c.cycleId, sourceOrgId: kpb, status: "submitted" } });
    await expect(urgeParty(office, { cycleId: c.cycleId, targetOrgId: kpb, targetRole: "source" })).rejects.toThrow("已完成报送，无需催办");
  });

  it("records a bad record only for a party urged and still late after the deadline, once", async () => {
    const court = src("市中级人民法院");
    const party = { cycleId: c.cycleId, targetOrgId: court, targetRole: "source" };
    await expect(recordBadRecord(office, party)).rejects.toThrow("不符合记录不良记录的条件");
    await urgeParty(office, { cycleId: c.cycleId, targetOrgId: unit(2), targetRole: "unit" });
    process.env.INTEGRITY_FAKE_NOW = AFTER;
    const late = await t.prisma.$transaction((tx) => latePartiesAfterUrge(tx, c.cycleId, new Date(AFTER)));
    expect(late.map((p) => [p.targetRole, p.owes]).sort()).toEqual([["source", "尚有2项数据未填报"], ["unit", "尚未上传自查自评报告和年度政务承诺"]]);
    const recorded = await recordBadRecord(office, party, "127.0.0.1");
    expect(recorded.targetOrgId).toBe(court);
    const bad = await t.prisma.badRecord.findFirstOrThrow({ where: { organisationId: court } });
    expect(bad).toMatchObject({ cycleId: c.cycleId, kind: "late_source" });
    expect(bad.reason).toContain("依据评价办法第十五条记入不良记录");
    await expect(recordBadRecord(office, party)).rejects.toThrow("不符合");
    const rest = await recordAllBadRecords(office, { cycleId: c.cycleId });
    expect(rest.map((p) => p.targetOrgId)).toEqual([unit(2)]);
    const unitBad = await t.prisma.badRecord.findFirstOrThrow({ where: { organisationId: unit(2) } });
    expect(unitBad.reason).toContain("该单位按信用办掌握的信息进行评价");
    expect(await t.prisma.notification.count({ where: { kind: "collection.bad_record" } })).toBe(2);
    expect(await t.prisma.auditLog.count({ where: { action: "collection.bad_record" } })).toBe(2);
    expect(await recordAllBadRecords(office, { cycleId: c.cycleId })).toEqual([]);
  });
});
