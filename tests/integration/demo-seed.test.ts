import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { runScoring } from "@/lib/results/run";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoData } from "@/lib/seed/demo";
import { pendingMigrations } from "../../scripts/lib/runtime";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("migrations and demo data", () => {
  it("leaves no pending migration on a freshly migrated database", async () => {
    expect(await pendingMigrations(t.url)).toEqual([]);
  });

  it("seeds the office, a reviewer, the seed's source departments, ~30 units and one account per role", async () => {
    expect(await isDatabaseEmpty(t.prisma)).toBe(true);
    const counts = await seedDemoData(t.prisma);
    expect(await isDatabaseEmpty(t.prisma)).toBe(false);
    expect(counts.organisations).toBe(await t.prisma.organisation.count());
    expect(await t.prisma.organisation.count({ where: { roles: { has: "evaluated" } } })).toBeGreaterThanOrEqual(30);
    const sources = await t.prisma.organisation.findMany({ where: { roles: { has: "source" } }, select: { shortName: true } });
    for (const name of ["市司法局", "市中级人民法院", "市政府公开办", "市营商局", "市委考评办", "市信访局", "市财政局", "市工信局", "市文明办", "市总工会", "市纪委监委"]) {
      expect(sources.map((s) => s.shortName)).toContain(name);
    }
    for (const role of ["admin", "office", "source", "unit", "reviewer"] as const) {
      expect(await t.prisma.user.count({ where: { roles: { has: role } } })).toBeGreaterThan(0);
    }
    const admin = await t.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(await verifyPassword(DEMO_PASSWORD, admin.passwordHash)).toBe(true);
    expect(await t.prisma.auditLog.count({ where: { action: "seed.demo" } })).toBe(1);
  });

  it("holds last year closed for scoring with every fact answered, so it scores in one run", async () => {
    const previous = await t.prisma.cycle.findFirstOrThrow({ where: { year: 2025 } });
    expect(previous.status).toBe("scoring");
    expect(previous.closeReason).toBeNull();
    const units = await t.prisma.cycleUnit.count({ where: { cycleId: previous.id } });
    const outcome = await runScoring(t.prisma, null, { cycleId: previous.id });
    expect(outcome).toMatchObject({ ok: true, units });
    expect((await t.prisma.cycle.findFirstOrThrow({ where: { year: 2026 } })).status).toBe("collecting");
  });

  it("holds two archived years with every unit's final report in its dossier and each year's volume", async () => {
    for (const year of [2023, 2024]) {
      const cycle = await t.prisma.cycle.findFirstOrThrow({ where: { year } });
      expect(cycle.status).toBe("archived");
      const units = await t.prisma.cycleUnit.count({ where: { cycleId: cycle.id } });
      expect(await t.prisma.dossierEntry.count({ where: { cycleId: cycle.id } })).toBe(units);
      expect(await t.prisma.compiledVolume.count({ where: { cycleId: cycle.id } })).toBe(1);
      const kinds = await t.prisma.dossierEntry.groupBy({ by: ["finalKind"], where: { cycleId: cycle.id }, _count: true });
      expect(Object.fromEntries(kinds.map((k) => [k.finalKind, k._count]))).toEqual({ initial: units - 1, revised: 1 });
    }
    const fgw = await t.prisma.user.findUniqueOrThrow({ where: { username: "unit-fgw" } });
    expect(await t.prisma.dossierEntry.count({ where: { organisationId: fgw.organisationId } })).toBe(2);
    expect(await t.prisma.rectification.count({ where: { organisationId: fgw.organisationId, year: 2023, status: "done", review: "accepted" } })).toBe(1);
    expect(await t.prisma.notification.count({ where: { link: "/unit/dossier" } })).toBe(0);
  });
});
