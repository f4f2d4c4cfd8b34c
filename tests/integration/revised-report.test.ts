import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ensureOfficialCalendar } from "@/lib/calendar/builtin";
import { reportToDocx } from "@/lib/reports/docx";
import { loadUnitReport } from "@/lib/reports/load";
import { issueReports } from "@/lib/reports/mutations";
import { runScoring } from "@/lib/results/run";
import { D, type CategoryResult, type IndicatorResult } from "@/lib/scoring";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { paragraphs, readDocx } from "../support/docx";
import { createOrg, createUser } from "../support/monitor-factory";
import { createScoringCycle } from "../support/scoring-factory";

/*
 * The revised report (spec/workflow.md "The re-evaluation window"): a scored, issued cycle in which
 * one unit's request is decided — simulated here row by row as the office's review leaves it (a new
 * run with the unit's revised result, current_result_id and revised_result_id pointing at it) — and
 * one unit's request is still open.
 */

let t: TestDatabase;
let office: Actor;
let cycleId: string;
let decidedUnit: string;
let filedUnit: string;
let quietUnit: string;
let initial: { id: string; total: string; indicators: IndicatorResult[] };
let revised: { id: string; total: string };
let upheld: { code: string; before: string; after: string };
let rejected: { code: string; score: string };

beforeAll(async () => {
  process.env.INTEGRITY_FAKE_NOW = "2026-11-17T02:00:00Z"; // Tuesday, 10:00 Beijing
  t = await createTestDatabase();
  await ensureOfficialCalendar(t.prisma);
  office = await createUser(t.prisma, await createOrg(t.prisma, "市信用办", ["office"]), "office-rv", ["office"]);
  const c = await createScoringCycle(t.prisma, { unitCount: 3, seed: 91 });
  cycleId = c.cycleId;
  await runScoring(t.prisma, office, { cycleId });
  await issueReports(t.prisma, office, { cycleId });
  [decidedUnit, filedUnit, quietUnit] = c.units.map((u) => u.id) as [string, string, string];

  const cu = await t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId, organisationId: decidedUnit }, include: { issuedResult: true } });
  const issued = cu.issuedResult!;
  const indicators = issued.indicators as unknown as IndicatorResult[];
  initial = { id: issued.id, total: issued.total.toFixed(2), indicators };
  const [first, second] = indicators.filter((i) => i.score !== null) as [IndicatorResult, IndicatorResult];
  // One point more, or less where the indicator already had full marks.
  const delta = new D(first.score!).lt(first.max) ? 1 : -1;
  upheld = { code: first.code, before: first.score!, after: new D(first.score!).plus(delta).toFixed(2) };
  rejected = { code: second.code, score: second.score! };
  const total = issued.total.plus(delta).toFixed(2);
  const categories = (issued.categories as unknown as CategoryResult[]).map((x) => (first.code.startsWith(`${x.code}.`) ? { ...x, score: new D(x.score).plus(delta).toFixed(2) } : x));

  const last = await t.prisma.scoringRun.aggregate({ where: { cycleId }, _max: { number: true } });
  const at = new Date("2026-11-26T17:30:00Z"); // 01:30 on 27 November, Beijing
  const run = await t.prisma.scoringRun.create({
    data: { cycleId, number: (last._max.number ?? 0) + 1, status: "succeeded", selectedUnitIds: [decidedUnit], startedAt: at, finishedAt: at, unitCount: 1 },
  });
  const result = await t.prisma.unitResult.create({
    data: {
      runId: run.id, cycleId, unitId: decidedUnit, unitKind: issued.unitKind, schemeVersionId: issued.schemeVersionId, total, grade: issued.grade, rank: issued.rank,
      categories, indicators: indicators.map((i) => (i.code === first.code ? { ...i, score: upheld.after } : i)), facts: issued.facts ?? {},
    },
  });
  revised = { id: result.id, total };
  await t.prisma.reevaluationRequest.create({
    data: {
      cycleUnitId: cu.id, cycleId, unitId: decidedUnit, status: "decided", filedAt: new Date("2026-11-19T02:00:00Z"), decidedAt: at, decidedById: office.id, revisedResultId: result.id,
      items: {
        create: [
          { indicatorCode: rejected.code, reason: "评分所依据的数据有误。", decision: "rejected", decisionReason: "理由和证明材料不充分", decidedById: office.id, decidedAt: at },
          { indicatorCode: upheld.code, reason: "扣分所依据的通报已被撤销，附撤销文件。", decision: "upheld", decisionReason: "经核实，通报已撤销，予以更正", decidedById: office.id, decidedAt: at },
        ],
      },
    },
  });
  await t.prisma.cycleUnit.update({ where: { id: cu.id }, data: { currentResultId: result.id } });

  const filed = await t.prisma.cycleUnit.findFirstOrThrow({ where: { cycleId, organisationId: filedUnit } });
  await t.prisma.reevaluationRequest.create({
    data: { cycleUnitId: filed.id, cycleId, unitId: filedUnit, filedAt: new Date("2026-11-19T02:00:00Z"), items: { create: [{ indicatorCode: upheld.code, reason: "评分所依据的数据有误。" }] } },
  });
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});

describe("the revised report of a unit whose request is decided", () => {
  it('"final": the revised result, labelled 复评, dated the decision, with each disputed indicator\'s initial and final score', async () => {
    const report = (await loadUnitReport(t.prisma, cycleId, decidedUnit, "final"))!;
    expect(report).toMatchObject({ version: "revised", versionLabel: "复评", resultId: revised.id, date: "2026-11-27", summary: { total: revised.total } });
    expect(report.summary.sentence).toContain(`复评得分${revised.total}分`);
    expect(report.indicators.find((i) => i.code === upheld.code)!.score).toBe(upheld.after);
    const name = (code: string) => report.indicators.find((i) => i.code === code)!.name;
    const review = report.review!;
    expect(review.items.map((i) => [i.indicatorCode, i.name, i.initialScore, i.finalScore, i.decisionLabel, i.decisionReason])).toEqual([
      [upheld.code, name(upheld.code), upheld.before, upheld.after, "采纳", "经核实，通报已撤销，予以更正"],
      [rejected.code, name(rejected.code), rejected.score, rejected.score, "不予采纳", "理由和证明材料不充分"],
    ]);
    expect(review.initial.total).toBe(initial.total);
    expect(review.final.total).toBe(revised.total);
    expect(review.change).toBe(new D(revised.total).minus(initial.total).gt(0) ? "+1.00" : "-1.00");
    expect(review.decisionSentence).toBe("2026年11月27日，对受评单位提出异议的2项指标作出复评决定：采纳1项，不予采纳1项。");
  });

  it('"current" (staff) gives the same revised report', async () => {
    expect(await loadUnitReport(t.prisma, cycleId, decidedUnit, "current")).toEqual(await loadUnitReport(t.prisma, cycleId, decidedUnit, "final"));
  });

  it('"issued" still gives the initial report, without a review', async () => {
    const report = (await loadUnitReport(t.prisma, cycleId, decidedUnit, "issued"))!;
    expect(report).toMatchObject({ version: "initial", versionLabel: "初评", resultId: initial.id, date: "2026-11-17", summary: { total: initial.total }, review: null });
    expect(report.indicators.map((i) => [i.code, i.score])).toEqual(initial.indicators.map((i) => [i.code, i.score]));
  });

  it("the Word file carries 复评 and the review table", async () => {
    const report = (await loadUnitReport(t.prisma, cycleId, decidedUnit, "final"))!;
    const text = paragraphs((await readDocx(await reportToDocx(report))).document).join("|");
    expect(text).toContain("（复评　2026年11月27日）");
    expect(text).toContain(`|复评情况|`);
    expect(text).toContain(`|1|${report.review!.items[0]!.name}|${upheld.before}|${upheld.after}|采纳|经核实，通报已撤销，予以更正|`);
    expect(text).toContain(`初评总分${initial.total}分`);
  });
});

describe('"final" for a unit without a decision', () => {
  it("a request still open, or none: the issued initial report", async () => {
    for (const unitId of [filedUnit, quietUnit]) {
      const report = (await loadUnitReport(t.prisma, cycleId, unitId, "final"))!;
      expect(report).toEqual(await loadUnitReport(t.prisma, cycleId, unitId, "issued"));
      expect(report).toMatchObject({ version: "initial", review: null });
    }
  });
});
