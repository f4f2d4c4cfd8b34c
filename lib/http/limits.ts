import "server-only";
import { headers } from "next/headers";
import { writeAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { clientAddress, parseRateRule, RATE_LIMIT_DEFAULTS, RateLimiter, retryMinutes, tooManyMessage } from "./rate-limit";

/*
 * The process-wide rate limiters used at the edges (sign-in, the upload route, the import actions),
 * in memory: one server process is the deployment (README). Kept on globalThis because route
 * handlers and server actions may each load this module.
 */

export type LimitKind = keyof typeof RATE_LIMIT_DEFAULTS;

const VARIABLE: Record<LimitKind, string> = { signIn: "RATE_LIMIT_SIGN_IN", uploads: "RATE_LIMIT_UPLOADS" };

type Held = { setting: string; limiter: RateLimiter | null };
const store = globalThis as typeof globalThis & { integrityRateLimits?: Map<LimitKind, Held> };

/** The limiter of a kind as configured (null for "off"); rebuilt when its variable changes. */
export function rateLimiter(kind: LimitKind): RateLimiter | null {
  const setting = process.env[VARIABLE[kind]] || RATE_LIMIT_DEFAULTS[kind];
  const limiters = (store.integrityRateLimits ??= new Map());
  const held = limiters.get(kind);
  if (held?.setting === setting) return held.limiter;
  const rule = parseRateRule(setting);
  const limiter = rule === null ? null : new RateLimiter(rule ?? parseRateRule(RATE_LIMIT_DEFAULTS[kind])!);
  limiters.set(kind, { setting, limiter });
  return limiter;
}

function trustedProxies(): number {
  const n = Number(process.env.TRUSTED_PROXIES ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** The client's address as far as it can be trusted (see clientAddress and TRUSTED_PROXIES). */
export function addressOf(requestHeaders: Headers): string {
  return clientAddress(requestHeaders.get("x-forwarded-for"), requestHeaders.get("x-real-ip"), trustedProxies());
}

export async function auditThrottled(actor: AuditActor, kind: LimitKind, address: string, retryAfterMs: number, meta: Record<string, unknown> = {}): Promise<void> {
  await writeAudit(db(), {
    actor,
    action: "access.rate_limited",
    outcome: "denied",
    meta: { limit: kind, retryAfterMinutes: retryMinutes(retryAfterMs), ...meta },
    ip: address,
  });
}

/**
 * Counts one upload (an evidence file or an import) from the caller's address; over the limit the
 * refusal is audited and thrown as RATE_LIMITED ("尝试过于频繁，请X分钟后再试").
 */
export async function throttleUpload(actor: AuditActor, what: string, requestHeaders?: Headers): Promise<void> {
  const limiter = rateLimiter("uploads");
  if (!limiter) return;
  const address = addressOf(requestHeaders ?? (await headers()));
  const decision = limiter.hit(address);
  if (decision.allowed) return;
  await auditThrottled(actor, "uploads", address, decision.retryAfterMs, { what });
  throw new AppError("RATE_LIMITED", tooManyMessage(decision.retryAfterMs));
}
