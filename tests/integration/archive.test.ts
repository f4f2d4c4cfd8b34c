import { existsSync } from "node:fs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideApproval, openApproval, resolveSendBack } from "@/lib/archive/approval";
import { executeArchive, startArchive } from "@/lib/archive/archive";
import { recordDispatch } from "@/lib/archive/volume-job";
import type { Actor } from "@/lib/auth/actor";
import { ensureOfficialCalendar } from "@/lib/calendar/builtin";
import { correctValue } from "@/lib/collection/corrections";
import { completeReview, decideItem } from "@/lib/feedback/decide";
import { confirmResult, fileRequest } from "@/lib/feedback/mutations";
import { readStoredBytes, storedLocation } from "@/lib/files/storage";
import { issueReports, saveReportText } from "@/lib/reports/mutations";
import { runScoring } from "@/lib/results/run";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createOrg, createUser } from "../support/monitor-factory";
import { createScoringCycle } from "../support/scoring-factory";

// The year's end against a real PostgreSQL: approval with a send-back, archive (snapshots, freeze,
// volume), and an archived cycle refusing every change at the server and in the database.

let t: TestDatabase;
let scorer: Actor;
let decider: Actor;
let reviewer: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureOfficialCalendar(t.prisma);
  const office = await createOrg(t.prisma, "市信用办", ["office"]);
  scorer = await createUser(t.prisma, office, "arch-scorer", ["office"]);
  decider = await createUser(t.prisma, office, "arch-decider", ["office"]);
  const leaders = await createOrg(t.prisma, "市社会信用体系建设领导小组", ["reviewer"]);
  reviewer = await createUser(t.prisma, leaders, "arch-reviewer", ["reviewer"]);
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});

const version = async (cycleId: string) => (await t.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).version;

/** Three issued units: the first confirms, the second's request is decided, the third lets its window lapse. */
async function finalCycle(seed: number) {
  process.env.INTEGRITY_FAKE_NOW = "2026-11-16T02:00:00Z";
  const c = await createScoringCycle(t.prisma, { unitCount: 3, seed });
  await runScoring(t.prisma, scorer, { cycleId: c.cycleId });
  await saveReportText(t.prisma, scorer, { cycleId: c.cycleId, unitId: c.units[0]!.id, expectedVersion: 0, items: [{ indicatorCode: "", problem: "制度建设不完善", suggestion: "健全诚信制度" }, { indicatorCode: "", problem: "公开不及时", suggestion: "按时公开" }] });
  await issueReports(t.prisma, scorer, { cycleId: c.cycleId });
  const users = await Promise.all(c.units.map((u, i) => createUser(t.prisma, u, `arch-unit-${seed}-${i}`, ["unit"])));
  process.env.INTEGRITY_FAKE_NOW = "2026-11-17T02:00:00Z";
  await confirmResult(t.prisma, users[0]!, { cycleId: c.cycleId });
  const { requestId } = await fileRequest(t.prisma, users[1]!, { cycleId: c.cycleId, items: [{ indicatorCode: "LAW.EXAM", reason: "扣分事项与本单位无关，请核实。" }] });
  await decideItem(t.prisma, decider, { cycleId: c.cycleId, requestId, indicatorCode: "LAW.EXAM", decision: "rejected", reason: "理由和证明材料不充分" });
  await completeReview(t.prisma, decider, { cycleId: c.cycleId, requestId });
  return { ...c, users };
}

describe("approval and archive", () => {
  it("a cycle goes to approval only when every unit's result is final, and the reviewers are told", async () => {
    const c = await finalCycle(91);
    await expect(openApproval(t.prisma, scorer, { cycleId: c.cycleId, version: await version(c.cycleId) })).rejects.toThrow(/1个单位仍在反馈期内.*截止/);
    process.env.INTEGRITY_FAKE_NOW = "2026-12-01T02:00:00Z"; // the third unit's window has lapsed
    await openApproval(t.prisma, scorer, { cycleId: c.cycleId, version: await version(c.cycleId) });
    const cycle = await t.prisma.cycle.findUniqueOrThrow({ where: { id: c.cycleId } });
    expect(cycle.status).toBe("approval");
    expect(await t.prisma.notification.count({ where: { userId: reviewer.id, kind: "approval.opened" } })).toBeGreaterThan(0);
    expect(await t.prisma.auditLog.count({ where: { action: "cycle.approval_opened", entityId: c.cycleId } })).toBe(1);
  });

  it("send back, re-score, approve, archive: snapshots, rectification, freeze, volume and dispatch", async () => {
    const c = await finalCycle(92);
    process.env.INTEGRITY_FAKE_NOW = "2026-12-01T02:00:00Z";
    await openApproval(t.prisma, scorer, { cycleId: c.cycleId, version: await version(c.cycleId) });
    const third = c.units[2]!;

    await expect(decideApproval(t.prisma, reviewer, { cycleId: c.cycleId, decision: "sent_back", comment: "请核实", units: [] })).rejects.toMatchObject({ code: "INVALID" });
    await decideApproval(t.prisma, reviewer, { cycleId: c.cycleId, decision: "sent_back", comment: "个别单位目标考核结果有误", units: [{ unitId: third.id, comment: "目标考核结果应为优秀，请核实" }] });
    await expect(decideApproval(t.prisma, reviewer, { cycleId: c.cycleId, decision: "approved", comment: "同意" })).rejects.toThrow(/尚未处理完毕/);
    await expect(startArchive(t.prisma, scorer, { cycleId: c.cycleId })).rejects.toThrow(/尚未经审批部门批准/);

    // The office corrects the sent-back unit's facts (allowed now only for it) and re-scores it.
    const target = await t.prisma.factEntry.findFirstOrThrow({ where: { cycleId: c.cycleId, unitId: third.id, indicatorCode: "DILIGENT.TARGET" } });
    await expect(correctValue(decider, {
      cycleId: c.cycleId, unitId: c.units[0]!.id, indicatorCode: "DILIGENT.TARGET", subKey: "", sourceOrgId: target.sourceOrgId,
      expectedVersion: 1, value: { tier: "优秀" }, correctionReason: "不应允许",
    })).rejects.toThrow(/只能更正被审批退回/);
    await correctValue(decider, {
      cycleId: c.cycleId, unitId: third.id, indicatorCode: "DILIGENT.TARGET", subKey: "", sourceOrgId: target.sourceOrgId,
      expectedVersion: target.version, value: { tier: (target.value as { tier: string }).tier === "优秀" ? "一般" : "优秀" }, correctionReason: "审批退回：考核办复核了年度考核结果",
    });
    const sent = await t.prisma.approvalUnit.findFirstOrThrow({ where: { cycleId: c.cycleId, unitId: third.id } });
    await expect(resolveSendBack(t.prisma, decider, { cycleId: c.cycleId, approvalUnitId: sent.id, version: sent.version + 1, resolution: "rescored", note: "已按考核办复核结果更正" })).rejects.toMatchObject({ code: "STALE" });
    const before = await t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId: c.cycleId, organisationId: third.id }, include: { currentResult: true } });
    const { total } = await resolveSendBack(t.prisma, decider, { cycleId: c.cycleId, approvalUnitId: sent.id, version: sent.version, resolution: "rescored", note: "已按考核办复核结果更正" });
    expect(total).not.toBe(before.currentResult!.total.toFixed(2));
    expect(await t.prisma.notification.count({ where: { userId: c.users[2]!.id, kind: "approval.rescored" } })).toBe(1);

    await decideApproval(t.prisma, reviewer, { cycleId: c.cycleId, decision: "approved", comment: "同意评价结果" });
    await expect(decideApproval(t.prisma, reviewer, { cycleId: c.cycleId, decision: "approved", comment: "再次同意" })).rejects.toThrow(/已于.*批准/);

    const { jobId } = await startArchive(t.prisma, scorer, { cycleId: c.cycleId });
    await expect(startArchive(t.prisma, scorer, { cycleId: c.cycleId })).rejects.toThrow(/归档正在进行/);
    const outcome = await executeArchive(t.prisma, scorer, jobId);
    expect(outcome).toMatchObject({ ok: true, units: 3, volume: { ok: true } });

    const cycle = await t.prisma.cycle.findUniqueOrThrow({ where: { id: c.cycleId } });
    expect(cycle.status).toBe("archived");
    const entries = await t.prisma.dossierEntry.findMany({ where: { cycleId: c.cycleId }, orderBy: { organisationId: "asc" } });
    expect(entries).toHaveLength(3);
    const kinds = Object.fromEntries(entries.map((e) => [e.organisationId, e.finalKind]));
    expect(kinds).toEqual({ [c.units[0]!.id]: "initial", [c.units[1]!.id]: "revised", [third.id]: "adjusted" });
    const thirdEntry = entries.find((e) => e.organisationId === third.id)!;
    expect(thirdEntry.total.toFixed(2)).toBe(total);
    expect((thirdEntry.report as { versionLabel: string }).versionLabel).toBe("最终");
    for (const entry of entries) {
      expect(existsSync(storedLocation(entry.docxStoredName))).toBe(true);
      const zip = await JSZip.loadAsync(await readStoredBytes(entry.docxStoredName));
      const xml = await zip.file("word/document.xml")!.async("string");
      expect(xml).toContain(entry.total.toFixed(2));
    }
    const first = entries.find((e) => e.organisationId === c.units[0]!.id)!;
    const items = await t.prisma.rectification.findMany({ where: { entryId: first.id }, orderBy: { position: "asc" } });
    expect(items.map((i) => i.problem)).toEqual(["制度建设不完善", "公开不及时"]);
    expect(items.every((i) => i.status === "open")).toBe(true);

    const job = await t.prisma.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "succeeded", phase: "done" });
    const volume = await t.prisma.compiledVolume.findFirstOrThrow({ where: { cycleId: c.cycleId } });
    expect(volume.units).toBe(3);
    const zip = await JSZip.loadAsync(await readStoredBytes(volume.storedName));
    const body = await zip.file("word/document.xml")!.async("string");
    for (const unit of c.units) expect(body).toContain(unit.name);

    await expect(recordDispatch(t.prisma, scorer, { cycleId: c.cycleId, volumeId: volume.id, recipientKind: "other", recipient: "", sentOn: "2026-12-01", method: "机要交换", copies: 2 })).rejects.toMatchObject({ code: "INVALID" });
    await expect(recordDispatch(t.prisma, scorer, { cycleId: c.cycleId, volumeId: volume.id, recipientKind: "government", sentOn: "2026-12-31", method: "机要交换", copies: 2 })).rejects.toThrow(/不能晚于今天/);
    await recordDispatch(t.prisma, scorer, { cycleId: c.cycleId, volumeId: volume.id, recipientKind: "government", sentOn: "2026-12-01", method: "机要交换", copies: 2 });
    expect(await t.prisma.volumeDispatch.findFirst({ where: { volumeId: volume.id } })).toMatchObject({ recipient: "市政府", copies: 2 });
    for (const action of ["cycle.approved", "cycle.sent_back", "approval.sendback_resolved", "cycle.archived", "volume.compiled", "volume.dispatched"]) {
      expect(await t.prisma.auditLog.count({ where: { action } }), action).toBeGreaterThan(0);
    }

    // ---- an archived cycle refuses every change -------------------------------------------------
    const refusedByServer: [string, () => Promise<unknown>][] = [
      ["run", () => runScoring(t.prisma, scorer, { cycleId: c.cycleId })],
      ["issue", () => issueReports(t.prisma, scorer, { cycleId: c.cycleId })],
      ["text", () => saveReportText(t.prisma, scorer, { cycleId: c.cycleId, unitId: c.units[0]!.id, expectedVersion: 1, items: [] })],
      ["correct", () => correctValue(decider, { cycleId: c.cycleId, unitId: third.id, indicatorCode: "DILIGENT.TARGET", subKey: "", sourceOrgId: target.sourceOrgId, expectedVersion: target.version + 1, value: { tier: "优秀" }, correctionReason: "归档后更正" })],
      ["confirm", () => confirmResult(t.prisma, c.users[2]!, { cycleId: c.cycleId })],
      ["approval", () => openApproval(t.prisma, scorer, { cycleId: c.cycleId, version: cycle.version })],
      ["decide", () => decideApproval(t.prisma, reviewer, { cycleId: c.cycleId, decision: "sent_back", comment: "归档后退回", units: [{ unitId: third.id, comment: "再看看" }] })],
      ["resolve", () => resolveSendBack(t.prisma, decider, { cycleId: c.cycleId, approvalUnitId: sent.id, version: sent.version + 1, resolution: "unchanged", note: "归档后处理" })],
      ["archive", () => startArchive(t.prisma, scorer, { cycleId: c.cycleId })],
    ];
    for (const [what, attempt] of refusedByServer) await expect(attempt(), what).rejects.toThrow(/归档|反馈期已于|不在评分|只有评分|才能评分/);

    const refusedByDatabase: [string, () => Promise<unknown>][] = [
      ["cycle", () => t.prisma.$executeRaw`UPDATE cycle SET name = 'x' WHERE id = ${c.cycleId}`],
      ["cycle delete", () => t.prisma.$executeRaw`DELETE FROM cycle WHERE id = ${c.cycleId}`],
      ["fact_entry", () => t.prisma.$executeRaw`UPDATE fact_entry SET version = version + 1 WHERE cycle_id = ${c.cycleId}`],
      ["fact_record", () => t.prisma.$executeRaw`DELETE FROM fact_record WHERE cycle_id = ${c.cycleId}`],
      ["cycle_unit", () => t.prisma.$executeRaw`UPDATE cycle_unit SET confirmed_at = now() WHERE cycle_id = ${c.cycleId}`],
      ["unit_result", () => t.prisma.$executeRaw`DELETE FROM unit_result WHERE cycle_id = ${c.cycleId}`],
      ["report_text", () => t.prisma.$executeRaw`DELETE FROM report_text WHERE cycle_id = ${c.cycleId}`],
      ["request_item", () => t.prisma.$executeRaw`UPDATE request_item SET reason = 'x' WHERE request_id IN (SELECT id FROM reevaluation_request WHERE cycle_id = ${c.cycleId})`],
      ["scoring_run", () => t.prisma.$executeRaw`UPDATE scoring_run SET error = 'x' WHERE cycle_id = ${c.cycleId}`],
      ["dossier_entry", () => t.prisma.$executeRaw`UPDATE dossier_entry SET total = 100 WHERE cycle_id = ${c.cycleId}`],
      ["dossier_entry delete", () => t.prisma.$executeRaw`DELETE FROM dossier_entry WHERE cycle_id = ${c.cycleId}`],
      ["compiled_volume", () => t.prisma.$executeRaw`DELETE FROM compiled_volume WHERE cycle_id = ${c.cycleId}`],
    ];
    for (const [what, attempt] of refusedByDatabase) await expect(attempt(), what).rejects.toThrow(/已归档|不可修改/);
    const untouched = await t.prisma.dossierEntry.findUniqueOrThrow({ where: { id: thirdEntry.id } });
    expect(untouched.total.toFixed(2)).toBe(total);
  });

  it("an archive that fails stores nothing: the cycle stays in approval with no entries, and can be archived again", async () => {
    const c = await finalCycle(93);
    process.env.INTEGRITY_FAKE_NOW = "2026-12-01T02:00:00Z";
    await openApproval(t.prisma, scorer, { cycleId: c.cycleId, version: await version(c.cycleId) });
    await decideApproval(t.prisma, reviewer, { cycleId: c.cycleId, decision: "approved", comment: "同意" });
    const { jobId } = await startArchive(t.prisma, scorer, { cycleId: c.cycleId });
    const dir = process.env.EVIDENCE_DIR;
    process.env.EVIDENCE_DIR = "/proc/version/not-a-directory";
    try {
      const outcome = await executeArchive(t.prisma, scorer, jobId);
      expect(outcome.ok).toBe(false);
    } finally {
      if (dir === undefined) delete process.env.EVIDENCE_DIR;
      else process.env.EVIDENCE_DIR = dir;
    }
    expect((await t.prisma.cycle.findUniqueOrThrow({ where: { id: c.cycleId } })).status).toBe("approval");
    expect(await t.prisma.dossierEntry.count({ where: { cycleId: c.cycleId } })).toBe(0);
    expect((await t.prisma.backgroundJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("failed");
    const again = await startArchive(t.prisma, scorer, { cycleId: c.cycleId });
    expect(await executeArchive(t.prisma, scorer, again.jobId)).toMatchObject({ ok: true, units: 3 });
  });
});
