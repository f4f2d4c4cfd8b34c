import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayReadEvidence } from "@/lib/files/access";
import { uploadRequestEvidence } from "@/lib/files/mutations";
import { samples } from "../unit/files/samples";
import type { Actor } from "@/lib/auth/actor";
import { ensureOfficialCalendar } from "@/lib/calendar/builtin";
import { confirmResult, fileRequest, withdrawRequest } from "@/lib/feedback/mutations";
import { feedbackState } from "@/lib/feedback/state";
import { issueReports } from "@/lib/reports/mutations";
import { runScoring } from "@/lib/results/run";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createOrg, createUser } from "../support/monitor-factory";
import { createScoringCycle } from "../support/scoring-factory";

let t: TestDatabase;
let office: Actor;

// Delivered Tuesday 2026-11-17 (Beijing): the 5th working day after is Tuesday 2026-11-24.
const DELIVERED = "2026-11-17T02:00:00Z";
const ENDS = "2026-11-24T15:59:59.999Z";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "request-evidence-"));
  process.env.EVIDENCE_DIR = dir;
  t = await createTestDatabase();
  await ensureOfficialCalendar(t.prisma);
  office = await createUser(t.prisma, await createOrg(t.prisma, "市信用办", ["office"]), "office-f", ["office"]);
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  delete process.env.EVIDENCE_DIR;
  await rm(dir, { recursive: true, force: true });
  await t.drop();
});

async function issuedCycle(unitCount: number, seed: number) {
  process.env.INTEGRITY_FAKE_NOW = DELIVERED;
  const c = await createScoringCycle(t.prisma, { unitCount, seed });
  await runScoring(t.prisma, office, { cycleId: c.cycleId });
  const users = await Promise.all(c.units.map((u, i) => createUser(t.prisma, u, `fb-${seed}-${i}`, ["unit"])));
  const issued = await issueReports(t.prisma, office, { cycleId: c.cycleId });
  expect(issued.feedbackEndsAt.toISOString()).toBe(ENDS);
  return { ...c, users };
}

const items = [{ indicatorCode: "LAW.EXAM", reason: "考核扣分所依据的通报已被撤销，附撤销文件。" }];

describe("the unit's window", () => {
  it("opens at delivery: every issued unit's window ends at 24:00 Beijing of the 5th working day after, and it is told so", async () => {
    const c = await issuedCycle(2, 70);
    const units = await t.prisma.cycleUnit.findMany({ where: { cycleId: c.cycleId } });
    expect(units.map((u) => u.feedbackEndsAt?.toISOString())).toEqual([ENDS, ENDS]);
    const notice = await t.prisma.notification.findFirstOrThrow({ where: { userId: c.users[0]!.id, kind: "report.issued" } });
    expect(notice.body).toContain("2026年11月24日 23:59:59前");
  });

  it("refuses to issue when the window would reach a year the calendar has no official data for, naming the year", async () => {
    process.env.INTEGRITY_FAKE_NOW = DELIVERED;
    const c = await createScoringCycle(t.prisma, { unitCount: 1, seed: 69 });
    await runScoring(t.prisma, office, { cycleId: c.cycleId });
    process.env.INTEGRITY_FAKE_NOW = "2026-12-28T02:00:00Z";
    await expect(issueReports(t.prisma, office, { cycleId: c.cycleId })).rejects.toThrow(/工作日历中2027年尚无官方放假安排/);
    expect(await t.prisma.cycleUnit.count({ where: { cycleId: c.cycleId, issuedAt: { not: null } } })).toBe(0);
  });

  it("50 concurrent requests for one unit store exactly one; the others are told it is already filed", async () => {
    const c = await issuedCycle(1, 71);
    process.env.INTEGRITY_FAKE_NOW = "2026-11-20T03:00:00Z";
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => fileRequest(t.prisma, c.users[0]!, { cycleId: c.cycleId, items })));
    const ok = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(String(r.reason.message)).toMatch(/已提出过复评申请/);
    expect(await t.prisma.reevaluationRequest.count({ where: { cycleId: c.cycleId } })).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { action: "feedback.requested", meta: { path: ["cycleId"], equals: c.cycleId } } })).toBe(1);
  }, 60_000);

  it("the database itself refuses a second request for the same unit", async () => {
    const c = await issuedCycle(1, 72);
    const cu = await t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId: c.cycleId } });
    const row = { cycleUnitId: cu.id, cycleId: c.cycleId, unitId: cu.organisationId, filedAt: new Date() };
    await t.prisma.reevaluationRequest.create({ data: row });
    await expect(t.prisma.reevaluationRequest.create({ data: row })).rejects.toMatchObject({ code: "P2002" });
  });

  it("accepts a request at 23:59:59 of the deadline day and refuses one at 00:00:00 the next day, naming the deadline", async () => {
    const c = await issuedCycle(2, 73);
    process.env.INTEGRITY_FAKE_NOW = "2026-11-24T15:59:59.000Z"; // 23:59:59 Beijing
    await expect(fileRequest(t.prisma, c.users[0]!, { cycleId: c.cycleId, items })).resolves.toMatchObject({ requestId: expect.any(String) });
    process.env.INTEGRITY_FAKE_NOW = "2026-11-24T16:00:00.000Z"; // 00:00:00 Beijing, 25 Nov
    await expect(fileRequest(t.prisma, c.users[1]!, { cycleId: c.cycleId, items })).rejects.toThrow(/已于2026年11月24日 23:59:59截止/);
    await expect(confirmResult(t.prisma, c.users[1]!, { cycleId: c.cycleId })).rejects.toThrow(/截止/);
    const late = await t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId: c.cycleId, organisationId: c.units[1]!.id }, include: { request: true } });
    expect(feedbackState({ ...late, request: late.request }, new Date("2026-11-24T16:00:00.000Z"))).toEqual({ kind: "lapsed", finalAt: new Date(ENDS) });
  });

  it("confirming makes the result final at once; a request afterwards is refused; a unit acts only for itself", async () => {
    const c = await issuedCycle(2, 74);
    process.env.INTEGRITY_FAKE_NOW = "2026-11-18T01:00:00Z";
    await confirmResult(t.prisma, c.users[0]!, { cycleId: c.cycleId });
    await expect(fileRequest(t.prisma, c.users[0]!, { cycleId: c.cycleId, items })).rejects.toThrow(/已确认/);
    await expect(confirmResult(t.prisma, c.users[0]!, { cycleId: c.cycleId })).rejects.toThrow(/已确认/);
    const other = await t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId: c.cycleId, organisationId: c.units[1]!.id } });
    expect(other.confirmedAt).toBeNull();
    const outsider = await createUser(t.prisma, await createOrg(t.prisma, "未纳入单位", ["evaluated"]), "fb-outsider", ["unit"]);
    await expect(confirmResult(t.prisma, outsider, { cycleId: c.cycleId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("validates the request: at least one indicator of the unit's result, a reason for each, no duplicates", async () => {
    const c = await issuedCycle(1, 75);
    process.env.INTEGRITY_FAKE_NOW = "2026-11-18T01:00:00Z";
    const user = c.users[0]!;
    await expect(fileRequest(t.prisma, user, { cycleId: c.cycleId, items: [] })).rejects.toMatchObject({ code: "INVALID" });
    await expect(fileRequest(t.prisma, user, { cycleId: c.cycleId, items: [{ indicatorCode: "LAW.EXAM", reason: "短" }] })).rejects.toMatchObject({ fieldErrors: { "items.0.reason": ["请写明理由（至少5个字）"] } });
    await expect(fileRequest(t.prisma, user, { cycleId: c.cycleId, items: [...items, ...items] })).rejects.toMatchObject({ code: "INVALID" });
    await expect(fileRequest(t.prisma, user, { cycleId: c.cycleId, items: [{ indicatorCode: "NOPE", reason: "不存在的指标也有异议" }] })).rejects.toThrow(/不在本单位的评价结果中/);
    expect(await t.prisma.reevaluationRequest.count({ where: { cycleId: c.cycleId } })).toBe(0);
  });

  it("withdrawing before a decision counts as confirming; it cannot be filed again", async () => {
    const c = await issuedCycle(1, 76);
    process.env.INTEGRITY_FAKE_NOW = "2026-11-18T01:00:00Z";
    const user = c.users[0]!;
    await fileRequest(t.prisma, user, { cycleId: c.cycleId, items });
    process.env.INTEGRITY_FAKE_NOW = "2026-11-19T01:00:00Z";
    await withdrawRequest(t.prisma, user, { cycleId: c.cycleId });
    await expect(withdrawRequest(t.prisma, user, { cycleId: c.cycleId })).rejects.toThrow(/不能撤回/);
    await expect(fileRequest(t.prisma, user, { cycleId: c.cycleId, items })).rejects.toThrow(/只能申请一次/);
    const cu = await t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId: c.cycleId }, include: { request: true } });
    expect(feedbackState({ ...cu, request: cu.request }, new Date("2026-11-19T02:00:00Z"))).toEqual({ kind: "withdrawn", finalAt: new Date("2026-11-19T01:00:00Z") });
  });

  it("evidence for the request: uploaded by the unit in its window, attached when filed, read by the unit and the office only", async () => {
    const c = await issuedCycle(2, 77);
    process.env.INTEGRITY_FAKE_NOW = "2026-11-18T01:00:00Z";
    const [mine, other] = [c.users[0]!, c.users[1]!];
    const file = await uploadRequestEvidence(mine, { cycleId: c.cycleId }, { name: "撤销通报的通知.pdf", bytes: samples.pdf });
    const { requestId } = await fileRequest(t.prisma, mine, { cycleId: c.cycleId, items, evidenceIds: [file.id] });
    expect((await t.prisma.evidence.findUniqueOrThrow({ where: { id: file.id } })).requestId).toBe(requestId);
    expect(await mayReadEvidence(mine, file.id)).toBe(true);
    expect(await mayReadEvidence(other, file.id)).toBe(false);
    expect(await mayReadEvidence(office, file.id)).toBe(true);
    // Another unit cannot attach it; and after the window nobody uploads.
    const stray = await uploadRequestEvidence(other, { cycleId: c.cycleId }, { name: "b.pdf", bytes: samples.pdf });
    await expect(fileRequest(t.prisma, mine, { cycleId: c.cycleId, items, evidenceIds: [stray.id] })).rejects.toThrow(/只能申请一次/);
    process.env.INTEGRITY_FAKE_NOW = "2026-11-24T16:00:00Z";
    await expect(uploadRequestEvidence(other, { cycleId: c.cycleId }, { name: "c.pdf", bytes: samples.pdf })).rejects.toThrow(/截止/);
  });
});
