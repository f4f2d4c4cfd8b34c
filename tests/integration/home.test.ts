import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ensureOfficialCalendar } from "@/lib/calendar/builtin";
import { nextYearCalendar, officeHome, reviewerHome, unitHome } from "@/lib/home/data";
import { issueReports } from "@/lib/reports/mutations";
import { runScoring } from "@/lib/results/run";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createOrg, createUser } from "../support/monitor-factory";
import { createScoringCycle } from "../support/scoring-factory";

// The home pages' tasks come from the same counts the cycle pages use.

let t: TestDatabase;
let office: Actor;

beforeAll(async () => {
  process.env.INTEGRITY_FAKE_NOW = "2026-01-12T02:30:00Z";
  t = await createTestDatabase();
  await ensureOfficialCalendar(t.prisma);
  office = await createUser(t.prisma, await createOrg(t.prisma, "市信用办", ["office"]), "office-home", ["office"]);
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});

describe("home tasks", () => {
  it("shows the office what blocks the next step and the unit its open window", async () => {
    const c = await createScoringCycle(t.prisma, { unitCount: 3, seed: 7 });
    await runScoring(t.prisma, office, { cycleId: c.cycleId });
    const first = c.units[0]!;
    const { feedbackEndsAt } = await issueReports(t.prisma, office, { cycleId: c.cycleId, unitIds: [first.id] });

    const mine = (await officeHome()).find((x) => x.id === c.cycleId)!;
    expect(mine.scoring).toEqual({ units: 3, scored: 3, issued: 1 });
    expect(mine.finality).toMatchObject({ enrolled: 3, notIssued: 2, open: 1, requested: 0, lastWindowEndsAt: feedbackEndsAt });

    const unit = await createUser(t.prisma, first, "unit-home-a", ["unit"]);
    const home = await unitHome(unit);
    const cycle = home.cycles.find((x) => x.id === c.cycleId)!;
    expect(cycle.feedback).toEqual({ kind: "open", endsAt: feedbackEndsAt });
    expect(cycle.uploads).toEqual([]);
    expect(home.openRectifications).toBe(0);

    const other = await createUser(t.prisma, c.units[1]!, "unit-home-b", ["unit"]);
    expect((await unitHome(other)).cycles.find((x) => x.id === c.cycleId)!.feedback).toEqual({ kind: "not_issued" });
    expect((await reviewerHome()).some((x) => x.id === c.cycleId)).toBe(false);
  });

  it("tells the admin whether next year's working-day calendar is there", async () => {
    const next = await nextYearCalendar(new Date("2026-11-21T04:00:00Z"));
    expect(next.year).toBe(2027);
    expect(next.status).toBe("missing");
    expect((await nextYearCalendar(new Date("2025-06-01T04:00:00Z"))).status).toBe("official");
  });
});
