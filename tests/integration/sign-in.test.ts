import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { LOCK_AFTER_FAILURES } from "@/lib/auth/lockout";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { rateLimiter } from "@/lib/http/limits";
import { RateLimiter } from "@/lib/http/rate-limit";
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

describe("per-address limit across accounts (password spraying)", () => {
  const clock = { now: Date.parse("2026-11-21T02:00:00Z") };
  const limiter = () => new RateLimiter({ limit: 4, windowMs: 10 * 60_000 }, () => clock.now);

  it("refuses an address after its failed attempts fill the window, whatever the account; audited; other addresses unaffected; resets", async () => {
    const spray = limiter();
    for (const login of ["nobody-1", "nobody-2", "alice", "nobody-3"]) {
      expect(await signInWithPassword(login, "Winter2026!", "203.0.113.9", spray)).toEqual({ ok: false, reason: "invalid" });
    }
    const refused = await signInWithPassword("alice", PASSWORD, "203.0.113.9", spray);
    expect(refused).toEqual({ ok: false, reason: "throttled", retryAfterMs: 10 * 60_000 });
    const audit = await t.prisma.auditLog.findFirst({ where: { action: "access.rate_limited" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ outcome: "denied", ip: "203.0.113.9", actorId: null, meta: { limit: "signIn", retryAfterMinutes: 10, login: "alice" } });
    expect(await signInWithPassword("alice", PASSWORD, "198.51.100.4", spray)).toMatchObject({ ok: true });
    clock.now += 10 * 60_000;
    expect(await signInWithPassword("alice", PASSWORD, "203.0.113.9", spray)).toMatchObject({ ok: true });
  });

  it("does not count successful sign-ins (an office behind one address)", async () => {
    const office = limiter();
    for (let i = 0; i < 10; i++) expect(await signInWithPassword("alice", PASSWORD, "192.0.2.1", office)).toMatchObject({ ok: true });
    expect(office.check("192.0.2.1")).toEqual({ allowed: true, remaining: 4 });
  });

  it("lets no more than the limit through when the guesses come in parallel", async () => {
    const parallel = limiter();
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => signInWithPassword(`nobody-${i}`, "Winter2026!", "192.0.2.77", parallel)));
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(4);
    expect(outcomes.filter((o) => !o.ok && o.reason === "throttled")).toHaveLength(8);
  });

  it("uses one process-wide limiter per kind, as RATE_LIMIT_SIGN_IN configures it", () => {
    const saved = process.env.RATE_LIMIT_SIGN_IN;
    try {
      delete process.env.RATE_LIMIT_SIGN_IN;
      expect(rateLimiter("signIn")).toBe(rateLimiter("signIn"));
      expect(rateLimiter("signIn")?.rule).toEqual({ limit: 30, windowMs: 10 * 60_000 });
      process.env.RATE_LIMIT_SIGN_IN = "2/1m";
      expect(rateLimiter("signIn")?.rule).toEqual({ limit: 2, windowMs: 60_000 });
      process.env.RATE_LIMIT_SIGN_IN = "off";
      expect(rateLimiter("signIn")).toBeNull();
      process.env.RATE_LIMIT_SIGN_IN = "nonsense";
      expect(rateLimiter("signIn")?.rule).toEqual({ limit: 30, windowMs: 10 * 60_000 });
    } finally {
      if (saved === undefined) delete process.env.RATE_LIMIT_SIGN_IN;
      else process.env.RATE_LIMIT_SIGN_IN = saved;
    }
  });
});
