import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ensureOfficialCalendar } from "@/lib/calendar/builtin";
import { correctValue } from "@/lib/collection/corrections";
import { completeReview, decideItem } from "@/lib/feedback/decide";
import { fileRequest } from "@/lib/feedback/mutations";
import { issueReports, saveReportText } from "@/lib/reports/mutations";
import { runScoring } from "@/lib/results/run";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createOrg, createUser } from "../support/monitor-factory";
import { createScoringCycle } from "../support/scoring-factory";

let t: TestDatabase;
let scorer: Actor;
let editor: Actor;
let decider: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureOfficialCalendar(t.prisma);
  const office = await createOrg(t.prisma, "市信用办", ["office"]);
  scorer = await createUser(t.prisma, office, "office-scorer", ["office"]);
  editor = await createUser(t.prisma, office, "office-editor", ["office"]);
  decider = await createUser(t.prisma, office, "office-decider", ["office"]);
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});

/** Two units, scored by `scorer`, the first unit's report edited by `editor`, issued; the first unit files a request. */
async function requested(seed: number) {
  process.env.INTEGRITY_FAKE_NOW = "2026-11-17T02:00:00Z";
  const c = await createScoringCycle(t.prisma, { unitCount: 2, seed });
  // The first unit's target grade is 一般 (4 of 10 points), so upholding can raise it.
  const target = await t.prisma.factEntry.findFirstOrThrow({ where: { cycleId: c.cycleId, unitId: c.units[0]!.id, indicatorCode: "DILIGENT.TARGET" } });
  await t.prisma.factEntry.update({ where: { id: target.id }, data: { value: { tier: "一般" } } });
  await runScoring(t.prisma, scorer, { cycleId: c.cycleId });
  await saveReportText(t.prisma, editor, { cycleId: c.cycleId, unitId: c.units[0]!.id, expectedVersion: 0, items: [{ indicatorCode: "", problem: "综合问题", suggestion: "综合建议" }] });
  await issueReports(t.prisma, scorer, { cycleId: c.cycleId });
  const unitUser = await createUser(t.prisma, c.units[0]!, `unit-d-${seed}`, ["unit"]);
  process.env.INTEGRITY_FAKE_NOW = "2026-11-19T02:00:00Z";
  const { requestId } = await fileRequest(t.prisma, unitUser, {
    cycleId: c.cycleId,
    items: [
      { indicatorCode: "DILIGENT.TARGET", reason: "年度考核结果已复核为优秀，附考核办通知。" },
      { indicatorCode: "LAW.EXAM", reason: "扣分事项与本单位无关，请核实。" },
    ],
  });
  return { ...c, requestId, target, unitUser };
}

describe("deciding a re-evaluation request", () => {
  it("four eyes: neither the staff member who scored the unit nor one who edited its report may decide", async () => {
    const c = await requested(81);
    const input = { cycleId: c.cycleId, requestId: c.requestId, indicatorCode: "LAW.EXAM", decision: "rejected" as const, reason: "理由和证明材料不充分" };
    await expect(decideItem(t.prisma, scorer, input)).rejects.toThrow(/四眼原则.*由您评分/);
    await expect(decideItem(t.prisma, editor, input)).rejects.toThrow(/四眼原则.*编辑过/);
    await expect(completeReview(t.prisma, scorer, { cycleId: c.cycleId, requestId: c.requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideItem(t.prisma, decider, input)).resolves.toEqual({ decided: 1, open: 1 });
  });

  it("partly upheld: the facts corrected with a reason, only this unit re-scored; the revised result is final and the unit told", async () => {
    const c = await requested(82);
    const enrolled = await Promise.all(c.units.map((u) => t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId: c.cycleId, organisationId: u.id } })));
    const mine = enrolled[0]!;
    const other = enrolled[1]!;
    await expect(completeReview(t.prisma, decider, { cycleId: c.cycleId, requestId: c.requestId })).rejects.toThrow(/还有2项指标未作出决定/);

    await correctValue(decider, {
      cycleId: c.cycleId, unitId: c.units[0]!.id, indicatorCode: "DILIGENT.TARGET", subKey: "", sourceOrgId: c.target.sourceOrgId,
      expectedVersion: (await t.prisma.factEntry.findUniqueOrThrow({ where: { id: c.target.id } })).version, value: { tier: "优秀" }, correctionReason: "复评采纳：考核办通知确认年度考核为优秀",
    });
    await decideItem(t.prisma, decider, { cycleId: c.cycleId, requestId: c.requestId, indicatorCode: "DILIGENT.TARGET", decision: "upheld", reason: "考核办通知确认为优秀，已更正" });
    await decideItem(t.prisma, decider, { cycleId: c.cycleId, requestId: c.requestId, indicatorCode: "LAW.EXAM", decision: "rejected", reason: "理由和证明材料不充分" });
    await expect(decideItem(t.prisma, decider, { cycleId: c.cycleId, requestId: c.requestId, indicatorCode: "LAW.EXAM", decision: "upheld", reason: "改变主意" })).rejects.toThrow(/已有决定|不能修改/);

    const outcome = await completeReview(t.prisma, decider, { cycleId: c.cycleId, requestId: c.requestId });
    // 一般 (4) → 优秀 (10): +6 indicator points; the category weight 15 over its 15-point maximum keeps it 1:1.
    expect(Number(outcome.total) - Number(outcome.initialTotal)).toBeCloseTo(6, 2);
    const after = await t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId: c.cycleId, organisationId: c.units[0]!.id }, include: { currentResult: true, request: { include: { items: true } } } });
    expect(after.issuedResultId).toBe(mine.issuedResultId);
    expect(after.currentResultId).not.toBe(mine.issuedResultId);
    expect(after.currentResult!.total.toFixed(2)).toBe(outcome.total);
    const target = (after.currentResult!.indicators as { code: string; score: string }[]).find((i) => i.code === "DILIGENT.TARGET");
    expect(target?.score).toBe("10.00");
    expect(after.request).toMatchObject({ status: "decided", decidedById: decider.id, revisedResultId: after.currentResultId });
    // Other units' results stand.
    const otherAfter = await t.prisma.cycleUnit.findFirstOrThrow({ where: { id: other.id } });
    expect(otherAfter.currentResultId).toBe(other.currentResultId);
    expect(await t.prisma.notification.count({ where: { userId: c.unitUser.id, kind: "feedback.decided" } })).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { action: { in: ["feedback.item_decided", "feedback.decided", "collection.corrected"] }, meta: { path: ["cycleId"], equals: c.cycleId } } })).toBe(4);
    await expect(completeReview(t.prisma, decider, { cycleId: c.cycleId, requestId: c.requestId })).rejects.toThrow(/已有决定/);
  });

  it("with one office staff member, that person decides", async () => {
    const c = await requested(83);
    await t.prisma.user.updateMany({ where: { id: { in: [editor.id, decider.id] } }, data: { active: false } });
    try {
      await expect(decideItem(t.prisma, scorer, { cycleId: c.cycleId, requestId: c.requestId, indicatorCode: "LAW.EXAM", decision: "rejected", reason: "理由和证明材料不充分" })).resolves.toMatchObject({ decided: 1 });
    } finally {
      await t.prisma.user.updateMany({ where: { id: { in: [editor.id, decider.id] } }, data: { active: true } });
    }
  });
});
