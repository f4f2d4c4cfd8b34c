import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ensureOfficialCalendar } from "@/lib/calendar/builtin";
import { reportFor } from "@/lib/reports/access";
import { issueReports, saveReportText } from "@/lib/reports/mutations";
import { runScoring, startRun } from "@/lib/results/run";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createOrg, createUser } from "../support/monitor-factory";
import { createScoringCycle } from "../support/scoring-factory";

let t: TestDatabase;
let office: Actor;
let reviewer: Actor;

beforeAll(async () => {
  process.env.INTEGRITY_FAKE_NOW = "2026-01-12T02:30:00Z";
  t = await createTestDatabase();
  await ensureOfficialCalendar(t.prisma);
  office = await createUser(t.prisma, await createOrg(t.prisma, "市信用办", ["office"]), "office-a", ["office"]);
  const board = await createOrg(t.prisma, "领导小组", ["office"]);
  const user = await t.prisma.user.create({ data: { username: "reviewer-a", displayName: "审核人", organisationId: board.id, roles: ["reviewer"], passwordHash: "x", mustChangePassword: false } });
  reviewer = { id: user.id, username: user.username, displayName: user.displayName, roles: ["reviewer"], organisationId: board.id, organisationName: board.name, mustChangePassword: false };
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});

async function scoredCycle(unitCount: number, seed: number) {
  const c = await createScoringCycle(t.prisma, { unitCount, seed });
  await runScoring(t.prisma, office, { cycleId: c.cycleId });
  const units = await Promise.all(c.units.map(async (u, i) => ({ ...u, user: await createUser(t.prisma, u, `unit-${seed}-${i}`, ["unit"]) })));
  return { ...c, units };
}

describe("report texts (problems and suggestions)", () => {
  it("keeps every save as a version with who, refuses a stale editor, and freezes once issued", async () => {
    const c = await scoredCycle(2, 31);
    const unitId = c.units[0]!.id;
    const items = [{ indicatorCode: "LAW.EXAM", problem: "考核失分", suggestion: "加强法治建设" }];
    expect(await saveReportText(t.prisma, office, { cycleId: c.cycleId, unitId, expectedVersion: 0, items })).toEqual({ version: 1 });
    await expect(saveReportText(t.prisma, office, { cycleId: c.cycleId, unitId, expectedVersion: 0, items: [] })).rejects.toMatchObject({ code: "STALE" });
    await saveReportText(t.prisma, office, { cycleId: c.cycleId, unitId, expectedVersion: 1, items: [...items, { indicatorCode: "", problem: "综合问题", suggestion: "综合建议" }] });
    const versions = await t.prisma.reportText.findMany({ where: { cycleId: c.cycleId, unitId }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.editedByName, (v.items as unknown[]).length])).toEqual([[1, "office-a", 1], [2, "office-a", 2]]);
    const access = await reportFor(office, c.cycleId, unitId);
    expect(access?.report.problems.map((p) => p.problem)).toEqual(["考核失分", "综合问题"]);
    expect(access?.report.problemsEdited).toMatchObject({ by: "office-a", version: 2, stale: false });
    await expect(saveReportText(t.prisma, office, { cycleId: c.cycleId, unitId, expectedVersion: 2, items: [{ indicatorCode: "", problem: " ", suggestion: "x" }] })).rejects.toMatchObject({ code: "INVALID" });
    await issueReports(t.prisma, office, { cycleId: c.cycleId, unitIds: [unitId] });
    await expect(saveReportText(t.prisma, office, { cycleId: c.cycleId, unitId, expectedVersion: 2, items })).rejects.toThrow(/已送达/);
    expect(await t.prisma.auditLog.count({ where: { action: "report.text_saved" } })).toBe(2);
  });
});

describe("issuing initial reports", () => {
  it("delivers all scored units at once: freezes each result, tells the unit, audits, and opens feedback", async () => {
    const c = await scoredCycle(3, 41);
    const outcome = await issueReports(t.prisma, office, { cycleId: c.cycleId });
    expect(outcome).toMatchObject({ issued: 3, notified: 3 });
    expect(outcome.issuedAt.toISOString()).toBe("2026-01-12T02:30:00.000Z");
    const units = await t.prisma.cycleUnit.findMany({ where: { cycleId: c.cycleId } });
    expect(units.every((u) => u.issuedResultId === u.currentResultId && u.issuedAt?.toISOString() === "2026-01-12T02:30:00.000Z" && u.issuedById === office.id)).toBe(true);
    expect((await t.prisma.cycle.findUniqueOrThrow({ where: { id: c.cycleId } })).status).toBe("feedback");
    const notices = await t.prisma.notification.findMany({ where: { userId: c.units[0]!.user.id } });
    expect(notices).toEqual([expect.objectContaining({ kind: "report.issued", link: `/unit/${c.cycleId}/report` })]);
    expect(await t.prisma.auditLog.count({ where: { action: "report.issued", meta: { path: ["cycleId"], equals: c.cycleId } } })).toBe(3);
    await expect(issueReports(t.prisma, office, { cycleId: c.cycleId })).rejects.toThrow(/没有可送达/);
    await expect(issueReports(t.prisma, office, { cycleId: c.cycleId, unitIds: [c.units[0]!.id] })).rejects.toThrow(/已经送达过/);
    await expect(startRun(t.prisma, office, { cycleId: c.cycleId })).rejects.toThrow(/都已送达/);
  });

  it("delivers selected units only; later runs leave them alone; unscored units and a running run are refused", async () => {
    const c = await scoredCycle(3, 51);
    const [a, b, d] = c.units as [typeof c.units[0], typeof c.units[0], typeof c.units[0]];
    await issueReports(t.prisma, office, { cycleId: c.cycleId, unitIds: [a.id] });
    const frozen = (await t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId: c.cycleId, organisationId: a.id } })).issuedResultId;
    const rerun = await runScoring(t.prisma, office, { cycleId: c.cycleId });
    expect((await t.prisma.unitResult.findMany({ where: { runId: rerun.runId } })).map((r) => r.unitId).sort()).toEqual([b.id, d.id].sort());
    const after = await t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId: c.cycleId, organisationId: a.id } });
    expect([after.issuedResultId, after.currentResultId]).toEqual([frozen, frozen]);

    const { runId } = await startRun(t.prisma, office, { cycleId: c.cycleId });
    await expect(issueReports(t.prisma, office, { cycleId: c.cycleId, unitIds: [b.id] })).rejects.toThrow(/评分正在进行/);
    await t.prisma.scoringRun.update({ where: { id: runId }, data: { status: "failed" } });

    const fresh = await createOrg(t.prisma, "新纳入单位", ["evaluated"]);
    await t.prisma.cycleUnit.create({ data: { cycleId: c.cycleId, organisationId: fresh.id, unitKind: "municipal_department" } });
    await expect(issueReports(t.prisma, office, { cycleId: c.cycleId })).rejects.toThrow(/新纳入单位.*请先评分/);
    expect(await t.prisma.cycleUnit.count({ where: { cycleId: c.cycleId, issuedAt: { not: null } } })).toBe(1);
  });
});

describe("who reads which report", () => {
  it("a unit reads only its own, only once issued, and only the issued version; reviewers wait for approval", async () => {
    const c = await scoredCycle(2, 61);
    const [mine, other] = c.units as [typeof c.units[0], typeof c.units[0]];
    expect(await reportFor(mine.user, c.cycleId, mine.id)).toBeNull();
    expect((await reportFor(office, c.cycleId, mine.id))?.viewer).toBe("office");
    expect(await reportFor(reviewer, c.cycleId, mine.id)).toBeNull();
    await issueReports(t.prisma, office, { cycleId: c.cycleId });
    const own = await reportFor(mine.user, c.cycleId, mine.id);
    expect(own).toMatchObject({ viewer: "unit", which: "final" });
    expect(own?.report.unit.id).toBe(mine.id);
    expect(own?.report.versionLabel).toBe("初评");
    expect(own?.report.date).toBe("2026-01-12");
    expect(await reportFor(mine.user, c.cycleId, other.id)).toBeNull();
    const source = await createUser(t.prisma, Object.values(c.sources)[0]!, "src-61", ["source"]);
    expect(await reportFor(source, c.cycleId, mine.id)).toBeNull();
    await t.prisma.cycle.update({ where: { id: c.cycleId }, data: { status: "approval" } });
    expect((await reportFor(reviewer, c.cycleId, mine.id))?.viewer).toBe("reviewer");
  });
});
