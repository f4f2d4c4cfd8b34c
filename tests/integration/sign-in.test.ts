import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { LOCK_AFTER_FAILURES } from "@/lib/auth/lockout";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
const PASSWORD = "Correct-horse-42";

beforeAll(async () => {
  t = await createTestDatabase();
  const org = await t.prisma.organisation.create({
    data: { name: "鹤岗市测试局", kind: "municipal_department", uscc: "11230400MB0000000X", roles: ["evaluated"] },
  });
  const passwordHash = await hashPassword(PASSWORD);
  for (const username of ["alice", "bob", "carol"]) {
    await t.prisma.user.create({
      data: { username, email: `${username}@example.gov.cn`, displayName: username, organisationId: org.id, roles: ["unit"], passwordHash, mustChangePassword: false },
    });
  }
});
afterAll(() => t.drop());
afterEach(() => {
  delete process.env.INTEGRITY_FAKE_NOW;
});

async function auditActions(username: string) {
  const user = await t.prisma.user.findUniqueOrThrow({ where: { username } });
  const rows = await t.prisma.auditLog.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } });
  return rows.map((r) => r.action);
}

describe("signInWithPassword", () => {
  it("accepts the username or the e-mail with the right password, and audits it", async () => {
    expect(await signInWithPassword("alice", PASSWORD, "10.0.0.1")).toMatchObject({ ok: true });
    expect(await signInWithPassword("ALICE@example.gov.cn", PASSWORD, null)).toMatchObject({ ok: true });
    expect(await auditActions("alice")).toEqual(["auth.sign_in", "auth.sign_in"]);
  });

  it("refuses a wrong password and an unknown user with the same answer, auditing both", async () => {
    expect(await signInWithPassword("alice", "wrong-password", null)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword("nobody", "wrong-password", null)).toEqual({ ok: false, reason: "invalid" });
    const unknown = await t.prisma.auditLog.findFirst({ where: { action: "auth.sign_in_failed", actorId: null } });
    expect(unknown?.meta).toMatchObject({ login: "nobody", reason: "unknown_user" });
    expect(await signInWithPassword("alice", PASSWORD, null)).toMatchObject({ ok: true });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { username: "alice" } })).failedLogins).toBe(0);
  });

  it(`locks the account after ${LOCK_AFTER_FAILURES} failures, even against the right password, then unlocks`, async () => {
    const started = Date.now();
    const outcomes = [];
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) outcomes.push(await signInWithPassword("bob", `wrong-${i}`, null));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000 + 2000 + 4000 - 200); // delays after failures 3, 4, 5
    expect(outcomes.slice(0, -1).every((o) => !o.ok && o.reason === "invalid")).toBe(true);
    expect(outcomes.at(-1)).toEqual({ ok: false, reason: "locked", minutesLeft: 15 });
    expect(await signInWithPassword("bob", PASSWORD, null)).toMatchObject({ ok: false, reason: "locked" });
    expect(await auditActions("bob")).toContain("auth.locked");

    process.env.INTEGRITY_FAKE_NOW = new Date(Date.now() + 16 * 60_000).toISOString();
    expect(await signInWithPassword("bob", PASSWORD, null)).toMatchObject({ ok: true });
  }, 30_000);

  it("counts parallel failures atomically", async () => {
    await Promise.all([1, 2].map((i) => signInWithPassword("carol", `wrong-${i}`, null)));
    expect((await t.prisma.user.findUniqueOrThrow({ where: { username: "carol" } })).failedLogins).toBe(2);
  });

  it("refuses a deactivated user", async () => {
    await t.prisma.user.update({ where: { username: "carol" }, data: { active: false } });
    expect(await signInWithPassword("carol", PASSWORD, null)).toEqual({ ok: false, reason: "invalid" });
  });
});
