// Per-client rate limits (sign-in spraying, upload floods) as a pure sliding-window log: no Next.js,
// no database, the clock injected. lib/http/limits.ts holds the process-wide stores used at the edges.

export type RateRule = { limit: number; windowMs: number };

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

/** RATE_LIMIT_SIGN_IN and RATE_LIMIT_UPLOADS when unset (README "Configuration"). */
export const RATE_LIMIT_DEFAULTS = { signIn: "30/10m", uploads: "120/10m" } as const;

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/**
 * "30/10m" → 30 per 10 minutes ("s", "m", "h"; "30/m" means per minute); "off" → null (no limit).
 * Anything else is undefined, so configuration can name the bad value.
 */
export function parseRateRule(text: string): RateRule | null | undefined {
  const value = text.trim().toLowerCase();
  if (value === "off") return null;
  const match = /^(\d{1,6})\s*\/\s*(\d{0,6})\s*([smh])$/.exec(value);
  if (!match) return undefined;
  const limit = Number(match[1]);
  const count = match[2] === "" ? 1 : Number(match[2]);
  if (limit < 1 || count < 1) return undefined;
  return { limit, windowMs: count * UNITS[match[3]!]! };
}

/** Whole minutes to wait, at least 1, for the refusal message. */
export function retryMinutes(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}

export function tooManyMessage(retryAfterMs: number): string {
  return `尝试过于频繁，请${retryMinutes(retryAfterMs)}分钟后再试`;
}

/**
 * The client's address from X-Forwarded-For. Next.js fills the header with the socket's address
 * only when the request has none, and each reverse proxy in front appends the address it saw; so
 * the client is the entry `trustedProxies` places from the right (the rightmost for 0 or 1).
 * Entries further left were written by the client and are never trusted.
 */
export function clientAddress(forwardedFor: string | null, realIp: string | null, trustedProxies: number): string {
  const entries = (forwardedFor ?? "").split(",").map((e) => e.trim()).filter((e) => e !== "");
  const pick = entries[entries.length - Math.max(1, trustedProxies)] ?? entries[0];
  return (pick ?? realIp?.trim() ?? "").slice(0, 100) || "unknown";
}

/**
 * A sliding-window log per key: at most `limit` hits in any `windowMs`. Memory stays bounded: a
 * key keeps at most `limit` timestamps, and at most `maxKeys` keys are kept (expired keys are swept
 * first, then the least recently used).
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly rule: RateRule,
    private readonly clock: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  private live(key: string, at: number): number[] {
    const since = at - this.rule.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }

  private decide(list: readonly number[], at: number): RateDecision {
    if (list.length < this.rule.limit) return { allowed: true, remaining: this.rule.limit - list.length };
    return { allowed: false, retryAfterMs: list[list.length - this.rule.limit]! + this.rule.windowMs - at };
  }

  /** Whether one more hit would be allowed, without recording it. */
  check(key: string): RateDecision {
    const at = this.clock();
    return this.decide(this.live(key, at), at);
  }

  /** Records a hit when allowed (refused hits are not recorded); `remaining` counts after it. */
  hit(key: string): RateDecision {
    const at = this.clock();
    const list = this.live(key, at);
    const decision = this.decide(list, at);
    if (!decision.allowed) return decision;
    this.hits.delete(key);
    this.hits.set(key, [...list, at]);
    this.evict(at);
    return { allowed: true, remaining: decision.remaining - 1 };
  }

  /** Takes back the latest hit of a key (an attempt that turned out not to count, e.g. a good sign-in). */
  undo(key: string): void {
    const list = this.hits.get(key);
    if (!list) return;
    list.pop();
    if (list.length === 0) this.hits.delete(key);
  }

  reset(key?: string): void {
    if (key === undefined) this.hits.clear();
    else this.hits.delete(key);
  }

  /** How many keys are held (for tests of the memory bound). */
  get size(): number {
    return this.hits.size;
  }

  private evict(at: number): void {
    if (this.hits.size <= this.maxKeys) return;
    for (const key of [...this.hits.keys()]) this.live(key, at);
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
