// Nothing lost under concurrency (quality.md "nothing lost", issue 10 item 4): the same edit sent
// from several open pages AT ONCE keeps exactly one and refuses the others as stale (the version
// check is part of the UPDATE, so it holds between transactions, not only in application code);
// one-shot steps taken at once happen once. The sequential stale cases of each form are in their
// own files (organisations, users-admin, cycles, collection, corrections, report-issue, schemes,
// calendar, dossiers, archive); tests/unit/security/edit-forms.test.ts lists every form and its lock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ensureOfficialCalendar } from "@/lib/calendar/builtin";
import { saveValue } from "@/lib/collection/mutations";
import { updateCycle } from "@/lib/cycles/mutations";
import { confirmResult, fileRequest } from "@/lib/feedback/mutations";
import { createOrganisation, updateOrganisation } from "@/lib/orgs/mutations";
import { orgFormSchema } from "@/lib/orgs/schema";
import { makeUscc } from "@/lib/orgs/uscc";
import { issueReports, saveReportText } from "@/lib/reports/mutations";
import { runScoring, startRun } from "@/lib/results/run";
import { makeCollectionWorld } from "../support/collection-factory";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createOrg, createUser } from "../support/monitor-factory";
import { createScoringCycle } from "../support/scoring-factory";

let t: TestDatabase;
let office: Actor;

beforeAll(async () => {
  process.env.INTEGRITY_FAKE_NOW = "2026-11-17T02:00:00Z";
  t = await createTestDatabase();
  await ensureOfficialCalendar(t.prisma);
  office = await createUser(t.prisma, await createOrg(t.prisma, "市信用办", ["office"]), "office-race", ["office"]);
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});

const AT_ONCE = 6;

/** Runs `call(i)` AT_ONCE times concurrently; returns the winners' indexes and the refusals' codes and messages. */
async function race<T>(call: (i: number) => Promise<T>): Promise<{ won: number[]; refused: string[]; messages: string[] }> {
  const outcomes = await Promise.allSettled(Array.from({ length: AT_ONCE }, (_, i) => call(i)));
  const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
  const errors = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as Error & { code?: string }] : []));
  return { won, refused: errors.map((e) => String(e.code)), messages: errors.map((e) => e.message) };
}

describe("the same edit from several pages at once: one is kept, the others are refused as stale", () => {
  it("a source's answer", async () => {
    const w = await makeCollectionWorld(t.prisma);
    const tiers = ["优秀", "良好", "一般", "优秀", "良好", "一般"];
    const { won, refused } = await race((i) => saveValue(w.actors.kpb, { ...w.cell("fgw", "DILIGENT.TARGET"), expectedVersion: 0, value: { tier: tiers[i] } }));
    expect(won).toHaveLength(1);
    expect(refused).toEqual(Array(AT_ONCE - 1).fill("STALE"));
    const entry = await t.prisma.factEntry.findFirstOrThrow({ where: { cycleId: w.cycle.id, unitId: w.org.fgw.id, indicatorCode: "DILIGENT.TARGET" } });
    expect(entry).toMatchObject({ version: 1, value: { tier: tiers[won[0]!] } });
  });

  it("the report's problems and suggestions", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 1, seed: 91 });
    await runScoring(t.prisma, office, { cycleId: c.cycleId });
    const unitId = c.units[0]!.id;
    const { won, refused } = await race((i) =>
      saveReportText(t.prisma, office, { cycleId: c.cycleId, unitId, expectedVersion: 0, items: [{ indicatorCode: "", problem: `第${i}位同事写的问题`, suggestion: `第${i}位同事写的建议` }] }),
    );
    expect(won).toHaveLength(1);
    expect(refused).toEqual(Array(AT_ONCE - 1).fill("STALE"));
    const texts = await t.prisma.reportText.findMany({ where: { cycleId: c.cycleId, unitId } });
    expect(texts).toHaveLength(1);
    expect(JSON.stringify(texts[0])).toContain(`第${won[0]}位同事写的问题`);
  });

  it("an organisation", async () => {
    const uscc = makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: "RC000001" });
    const form = orgFormSchema.parse({ name: "鹤岗市审计局", kind: "municipal_department", uscc, roles: ["evaluated"] });
    const { id } = await createOrganisation(office, form, null);
    const { won, refused } = await race((i) => updateOrganisation(office, { ...form, phone: `0468-345000${i}`, id, expectedVersion: 1 }, null));
    expect(won).toHaveLength(1);
    expect(refused).toEqual(Array(AT_ONCE - 1).fill("STALE"));
    expect(await t.prisma.organisation.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 2, phone: `0468-345000${won[0]}` });
    expect(await t.prisma.auditLog.count({ where: { action: "org.update", entityId: id } })).toBe(1);
  });

  it("a cycle's name and deadlines", async () => {
    const w = await makeCollectionWorld(t.prisma, { status: "draft", year: 2027 });
    const { version } = await t.prisma.cycle.findUniqueOrThrow({ where: { id: w.cycle.id } });
    const { won, refused } = await race((i) =>
      updateCycle(office, { cycleId: w.cycle.id, expectedVersion: version, name: `2027年度政务诚信评价（第${i}稿）`, collectionDeadline: "2027-12-01", commitmentsDeadline: "2027-05-01" }),
    );
    expect(won).toHaveLength(1);
    expect(refused).toEqual(Array(AT_ONCE - 1).fill("STALE"));
    expect(await t.prisma.cycle.findUniqueOrThrow({ where: { id: w.cycle.id } })).toMatchObject({ version: version + 1, name: `2027年度政务诚信评价（第${won[0]}稿）` });
  });
});

describe("one-shot steps taken at once happen once", () => {
  it("scoring runs of one cycle started at once: one runs, the others are told a run is under way", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 2, seed: 92 });
    const { won, refused, messages } = await race(() => startRun(t.prisma, office, { cycleId: c.cycleId }));
    expect(won).toHaveLength(1);
    expect(refused).toEqual(Array(AT_ONCE - 1).fill("CONFLICT"));
    for (const message of messages) expect(message).toMatch(/正在进行/);
    expect(await t.prisma.scoringRun.count({ where: { cycleId: c.cycleId } })).toBe(1);
  });

  it("a unit confirming and filing a request at once: exactly one of them is kept", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 1, seed: 93 });
    await runScoring(t.prisma, office, { cycleId: c.cycleId });
    const unit = await createUser(t.prisma, c.units[0]!, "unit-race", ["unit"]);
    await issueReports(t.prisma, office, { cycleId: c.cycleId });
    const items = [{ indicatorCode: "LAW.EXAM", reason: "考核扣分所依据的通报已被撤销，附撤销文件。" }];
    const outcomes = await Promise.allSettled([
      confirmResult(t.prisma, unit, { cycleId: c.cycleId }),
      fileRequest(t.prisma, unit, { cycleId: c.cycleId, items }),
      confirmResult(t.prisma, unit, { cycleId: c.cycleId }),
      fileRequest(t.prisma, unit, { cycleId: c.cycleId, items }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const row = await t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId: c.cycleId, organisationId: c.units[0]!.id } });
    const requests = await t.prisma.reevaluationRequest.count({ where: { cycleId: c.cycleId, unitId: c.units[0]!.id } });
    expect(Number(row.confirmedAt !== null) + requests).toBe(1);
  });
});
