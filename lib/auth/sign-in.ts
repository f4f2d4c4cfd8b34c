import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { writeAudit } from "@/lib/audit/mutations";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { auditThrottled, rateLimiter } from "@/lib/http/limits";
import type { RateLimiter } from "@/lib/http/rate-limit";
import type { AuditActor } from "./actor";
import { decoyHash, verifyPassword } from "./password";
import { failureDelayMs, isLocked, lockUntilAfterFailure, minutesLeft } from "./lockout";

export type SignInOutcome =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutesLeft: number }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/**
 * Checks a username-or-e-mail and password. Failures slow down and then lock the account; every
 * success, failure and lock is audited. Unknown users get the same answer and timing as a wrong
 * password. Across accounts, the failed attempts of one client address are limited too (password
 * spraying): each attempt takes a place in the address's window before the password is checked, and
 * a successful one gives it back, so parallel guesses cannot slip past the limit either.
 */
export async function signInWithPassword(login: string, password: string, ip: string | null, limiter: RateLimiter | null = rateLimiter("signIn")): Promise<SignInOutcome> {
  const address = ip ?? "unknown";
  const gate = limiter?.hit(address) ?? { allowed: true };
  if (!gate.allowed) {
    await auditThrottled(null, "signIn", address, gate.retryAfterMs, { login: login.trim().slice(0, 100) });
    return { ok: false, reason: "throttled", retryAfterMs: gate.retryAfterMs };
  }
  const outcome = await checkPassword(login, password, ip);
  if (outcome.ok) limiter?.undo(address);
  return outcome;
}

async function checkPassword(login: string, password: string, ip: string | null): Promise<SignInOutcome> {
  const at = now();
  const key = login.trim();
  const user = await db().user.findFirst({
    where: { OR: [{ username: key }, { email: key.toLowerCase() }] },
    include: { organisation: { select: { name: true } } },
  });

  if (!user || !user.active) {
    await verifyPassword(password, await decoyHash());
    await db().auditLog.create({
      data: { action: "auth.sign_in_failed", outcome: "failed", meta: { login: key.slice(0, 100), reason: user ? "inactive" : "unknown_user" }, ip },
    });
    return { ok: false, reason: "invalid" };
  }

  const actor = { id: user.id, displayName: user.displayName, organisationId: user.organisationId };
  if (isLocked(user.lockedUntil, at)) {
    await writeAudit(db(), { actor, action: "auth.sign_in_failed", outcome: "denied", entityType: "user", entityId: user.id, meta: { reason: "locked" }, ip });
    return { ok: false, reason: "locked", minutesLeft: minutesLeft(user.lockedUntil!, at) };
  }

  if (await verifyPassword(password, user.passwordHash)) {
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: at } });
      await writeAudit(tx, { actor, action: "auth.sign_in", entityType: "user", entityId: user.id, ip });
    });
    return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
  }

  // Counted atomically so parallel guesses cannot slip past the lock.
  const [updated] = await db().$queryRaw<{ failed_logins: number }[]>`
    UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = ${user.id} RETURNING failed_logins`;
  const failures = updated?.failed_logins ?? user.failedLogins + 1;
  const lockUntil = lockUntilAfterFailure(failures, at);
  await db().$transaction(async (tx) => {
    await writeAudit(tx, { actor, action: "auth.sign_in_failed", outcome: "failed", entityType: "user", entityId: user.id, meta: { failures }, ip });
    if (lockUntil) {
      await tx.user.update({ where: { id: user.id }, data: { lockedUntil: lockUntil, failedLogins: 0 } });
      await writeAudit(tx, { actor, action: "auth.locked", outcome: "denied", entityType: "user", entityId: user.id, meta: { until: lockUntil.toISOString(), failures }, ip });
    }
  });
  await sleep(failureDelayMs(failures));
  if (lockUntil) return { ok: false, reason: "locked", minutesLeft: minutesLeft(lockUntil, at) };
  return { ok: false, reason: "invalid" };
}

/**
 * Signing out ends the account's sessions on the server, not only its cookie: a request still in
 * flight (a link prefetch) may roll the session cookie forward after it was cleared, and only a new
 * session version makes that cookie worthless. It also signs the account out on its other devices.
 */
export async function recordSignOut(client: PrismaClient, actor: NonNullable<AuditActor>, ip: string | null): Promise<void> {
  await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actor, action: "auth.sign_out", entityType: "user", entityId: actor.id, ip });
  });
}
