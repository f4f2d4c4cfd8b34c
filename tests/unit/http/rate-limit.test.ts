import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { clientAddress, parseRateRule, RATE_LIMIT_DEFAULTS, RateLimiter, retryMinutes, tooManyMessage } from "@/lib/http/rate-limit";

const MINUTE = 60_000;

/** A limiter on a clock the test moves by hand. */
function limiterAt(limit: number, windowMs: number, maxKeys?: number) {
  const clock = { now: 1_000_000 };
  const limiter = new RateLimiter({ limit, windowMs }, () => clock.now, maxKeys);
  return { limiter, clock };
}

describe("parseRateRule", () => {
  it("reads count per window in seconds, minutes or hours, and off", () => {
    expect(parseRateRule("30/10m")).toEqual({ limit: 30, windowMs: 10 * MINUTE });
    expect(parseRateRule("5/m")).toEqual({ limit: 5, windowMs: MINUTE });
    expect(parseRateRule(" 100 / 30s ")).toEqual({ limit: 100, windowMs: 30_000 });
    expect(parseRateRule("1000/1H")).toEqual({ limit: 1000, windowMs: 3_600_000 });
    expect(parseRateRule("off")).toBeNull();
    expect(parseRateRule("OFF")).toBeNull();
  });

  it("leaves anything else undefined", () => {
    for (const bad of ["", "30", "30/", "/10m", "0/1m", "30/0m", "30/10d", "-1/1m", "1.5/1m", "30/10m;", "abc"]) {
      expect(parseRateRule(bad), bad).toBeUndefined();
    }
  });

  it("has valid defaults, which the environment applies and checks", () => {
    expect(parseRateRule(RATE_LIMIT_DEFAULTS.signIn)).toEqual({ limit: 30, windowMs: 10 * MINUTE });
    expect(parseRateRule(RATE_LIMIT_DEFAULTS.uploads)).toEqual({ limit: 120, windowMs: 10 * MINUTE });
    const base = { DATABASE_URL: "postgresql://u:p@h/d", AUTH_SECRET: "x".repeat(32) };
    expect(parseEnv(base)).toMatchObject({ RATE_LIMIT_SIGN_IN: "30/10m", RATE_LIMIT_UPLOADS: "120/10m", TRUSTED_PROXIES: 0 });
    expect(parseEnv({ ...base, RATE_LIMIT_SIGN_IN: "off", TRUSTED_PROXIES: "1" })).toMatchObject({ RATE_LIMIT_SIGN_IN: "off", TRUSTED_PROXIES: 1 });
    expect(() => parseEnv({ ...base, RATE_LIMIT_UPLOADS: "lots", TRUSTED_PROXIES: "-1" })).toThrow(/RATE_LIMIT_UPLOADS: RATE_LIMIT_UPLOADS 应写成“次数\/时长”[\s\S]*TRUSTED_PROXIES/);
  });
});

describe("refusal message", () => {
  it("says how many whole minutes to wait, at least one", () => {
    expect(tooManyMessage(1)).toBe("尝试过于频繁，请1分钟后再试");
    expect(tooManyMessage(MINUTE)).toBe("尝试过于频繁，请1分钟后再试");
    expect(tooManyMessage(MINUTE + 1)).toBe("尝试过于频繁，请2分钟后再试");
    expect(retryMinutes(0)).toBe(1);
    expect(retryMinutes(10 * MINUTE)).toBe(10);
  });
});

describe("RateLimiter", () => {
  it("allows the limit, refuses the next with the time until the oldest hit leaves the window", () => {
    const { limiter, clock } = limiterAt(3, MINUTE);
    expect(limiter.hit("a")).toEqual({ allowed: true, remaining: 2 });
    clock.now += 10_000;
    expect(limiter.hit("a")).toEqual({ allowed: true, remaining: 1 });
    clock.now += 10_000;
    expect(limiter.hit("a")).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.hit("a")).toEqual({ allowed: false, retryAfterMs: 40_000 });
    expect(limiter.check("a")).toEqual({ allowed: false, retryAfterMs: 40_000 });
    clock.now += 39_999;
    expect(limiter.hit("a")).toMatchObject({ allowed: false, retryAfterMs: 1 });
    clock.now += 1;
    expect(limiter.hit("a")).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.hit("a")).toEqual({ allowed: false, retryAfterMs: 10_000 });
  });

  it("keeps keys apart, and check never records", () => {
    const { limiter } = limiterAt(2, MINUTE);
    limiter.hit("a");
    limiter.hit("a");
    expect(limiter.hit("a").allowed).toBe(false);
    expect(limiter.hit("b")).toEqual({ allowed: true, remaining: 1 });
    for (let i = 0; i < 5; i++) expect(limiter.check("c")).toEqual({ allowed: true, remaining: 2 });
    expect(limiter.hit("c")).toEqual({ allowed: true, remaining: 1 });
  });

  it("does not count refused hits, so the wait never grows while refused", () => {
    const { limiter, clock } = limiterAt(1, MINUTE);
    limiter.hit("a");
    for (let i = 0; i < 100; i++) {
      clock.now += 500;
      limiter.hit("a");
    }
    clock.now += 10_000;
    expect(limiter.hit("a")).toEqual({ allowed: true, remaining: 0 });
  });

  it("resets completely once the window has passed, and on reset()", () => {
    const { limiter, clock } = limiterAt(2, MINUTE);
    limiter.hit("a");
    limiter.hit("a");
    clock.now += MINUTE;
    expect(limiter.hit("a")).toEqual({ allowed: true, remaining: 1 });
    limiter.hit("a");
    limiter.reset("a");
    expect(limiter.hit("a")).toEqual({ allowed: true, remaining: 1 });
    limiter.hit("b");
    limiter.reset();
    expect(limiter.size).toBe(0);
  });

  it("undo gives back the latest hit", () => {
    const { limiter } = limiterAt(2, MINUTE);
    limiter.hit("a");
    limiter.hit("a");
    limiter.undo("a");
    expect(limiter.hit("a")).toEqual({ allowed: true, remaining: 0 });
    limiter.undo("a");
    limiter.undo("a");
    limiter.undo("a");
    limiter.undo("nobody");
    expect(limiter.size).toBe(0);
  });

  it("holds at most maxKeys keys, sweeping expired ones first, then the least recently used", () => {
    const { limiter, clock } = limiterAt(1, MINUTE, 3);
    limiter.hit("old");
    clock.now += MINUTE;
    limiter.hit("a");
    limiter.hit("b");
    limiter.hit("c");
    expect(limiter.size).toBe(3);
    expect(limiter.check("a").allowed).toBe(false);
    limiter.hit("d");
    expect(limiter.size).toBe(3);
    expect(limiter.check("a").allowed).toBe(true);
    expect(limiter.check("d").allowed).toBe(false);
  });

  it("never allows more than the limit in any window (random schedules against a brute-force count)", () => {
    const schedule = fc.record({
      limit: fc.integer({ min: 1, max: 6 }),
      windowMs: fc.integer({ min: 1, max: 5_000 }),
      steps: fc.array(fc.record({ dt: fc.integer({ min: 0, max: 3_000 }), key: fc.constantFrom("a", "b"), undo: fc.boolean() }), { maxLength: 80 }),
    });
    fc.assert(
      fc.property(schedule, ({ limit, windowMs, steps }) => {
        const { limiter, clock } = limiterAt(limit, windowMs);
        const counted: Record<string, number[]> = { a: [], b: [] };
        for (const step of steps) {
          clock.now += step.dt;
          const inWindow = counted[step.key]!.filter((t) => t > clock.now - windowMs);
          const decision = limiter.hit(step.key);
          expect(decision.allowed).toBe(inWindow.length < limit);
          if (decision.allowed) {
            counted[step.key]!.push(clock.now);
            if (step.undo) {
              limiter.undo(step.key);
              counted[step.key]!.pop();
            }
          } else {
            expect(decision.retryAfterMs).toBeGreaterThan(0);
            expect(decision.retryAfterMs).toBeLessThanOrEqual(windowMs);
          }
        }
      }),
      { numRuns: 500, seed: 20261121 },
    );
  });
});

describe("clientAddress", () => {
  it("takes the address Next.js or the nearest proxy wrote, never a client-written hop", () => {
    expect(clientAddress("203.0.113.7", null, 0)).toBe("203.0.113.7");
    expect(clientAddress("1.1.1.1, 203.0.113.7", null, 0)).toBe("203.0.113.7");
    expect(clientAddress("1.1.1.1, 203.0.113.7", null, 1)).toBe("203.0.113.7");
    expect(clientAddress("spoofed, 203.0.113.7, 10.0.0.2", null, 2)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", null, 5)).toBe("203.0.113.7");
    expect(clientAddress(null, "198.51.100.1", 0)).toBe("198.51.100.1");
    expect(clientAddress(" , ", null, 0)).toBe("unknown");
    expect(clientAddress(null, null, 0)).toBe("unknown");
    expect(clientAddress("x".repeat(500), null, 0)).toHaveLength(100);
  });
});
