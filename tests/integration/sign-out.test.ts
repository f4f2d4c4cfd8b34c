import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordSignOut } from "@/lib/auth/sign-in";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createOrg, createUser } from "../support/monitor-factory";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("signing out", () => {
  it("moves the account's session version on, so a cookie rolled forward by a request in flight is worthless, and audits it", async () => {
    const office = await createOrg(t.prisma, "市信用办", ["office"]);
    const actor = await createUser(t.prisma, office, "sign-out-user", ["office"]);
    const before = await t.prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
    await recordSignOut(t.prisma, actor, "127.0.0.1");
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await t.prisma.auditLog.count({ where: { action: "auth.sign_out", actorId: actor.id } })).toBe(1);
  });
});
