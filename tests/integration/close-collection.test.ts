import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { urgeParty } from "@/lib/collection/urge";
import { closeCollection } from "@/lib/cycles/mutations";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createCollectingCycle, createOrg, createUser, type CollectingCycle } from "../support/monitor-factory";

let t: TestDatabase;
let c: CollectingCycle;
let office: Actor;

beforeAll(async () => {
  process.env.INTEGRITY_FAKE_NOW = "2026-11-21T04:00:00Z";
  t = await createTestDatabase();
  c = await createCollectingCycle(t.prisma, { unitCount: 2 });
  office = await createUser(t.prisma, await createOrg(t.prisma, "信用办", ["office"]), "office1", ["office"]);
  await createUser(t.prisma, c.sources["市中级人民法院"]!, "src-court", ["source"]);
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});

describe("closing collection (seed 000 Art. 15)", () => {
  it("gives every party urged and still late a bad record, in the same transaction as the move", async () => {
    const court = c.sources["市中级人民法院"]!.id;
    await urgeParty(office, { cycleId: c.cycleId, targetOrgId: court, targetRole: "source" });
    process.env.INTEGRITY_FAKE_NOW = "2026-12-02T04:00:00Z";
    const { version } = await t.prisma.cycle.findUniqueOrThrow({ where: { id: c.cycleId } });
    await expect(closeCollection(office, { cycleId: c.cycleId, expectedVersion: version })).rejects.toThrow(/原因/);
    expect(await t.prisma.badRecord.count()).toBe(0);

    await closeCollection(office, { cycleId: c.cycleId, expectedVersion: version, reason: "截止日期已过，按已掌握信息评价" });
    expect((await t.prisma.cycle.findUniqueOrThrow({ where: { id: c.cycleId } })).status).toBe("scoring");
    const bad = await t.prisma.badRecord.findMany({ where: { cycleId: c.cycleId } });
    expect(bad.map((b) => [b.organisationId, b.kind])).toEqual([[court, "late_source"]]);
    expect(await t.prisma.auditLog.count({ where: { action: { in: ["collection.bad_record", "cycle.collection_closed"] } } })).toBe(2);
  });
});
