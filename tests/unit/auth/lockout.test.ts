import { describe, expect, it } from "vitest";
import { failureDelayMs, isLocked, LOCK_AFTER_FAILURES, LOCK_MINUTES, lockUntilAfterFailure, minutesLeft } from "@/lib/auth/lockout";

const t0 = new Date("2026-11-21T08:00:00Z");

describe("sign-in throttling", () => {
  it("answers the first two failures at once, then doubles the delay up to 8 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(failureDelayMs)).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it(`locks at the ${LOCK_AFTER_FAILURES}th failure for ${LOCK_MINUTES} minutes`, () => {
    expect(lockUntilAfterFailure(LOCK_AFTER_FAILURES - 1, t0)).toBeNull();
    expect(lockUntilAfterFailure(LOCK_AFTER_FAILURES, t0)).toEqual(new Date("2026-11-21T08:15:00Z"));
  });

  it("is locked strictly before the lock's end", () => {
    const until = new Date("2026-11-21T08:15:00Z");
    expect(isLocked(null, t0)).toBe(false);
    expect(isLocked(until, new Date("2026-11-21T08:14:59.999Z"))).toBe(true);
    expect(isLocked(until, until)).toBe(false);
  });

  it("rounds the minutes left up, never below 1", () => {
    const until = new Date("2026-11-21T08:15:00Z");
    expect(minutesLeft(until, t0)).toBe(15);
    expect(minutesLeft(until, new Date("2026-11-21T08:14:30Z"))).toBe(1);
    expect(minutesLeft(until, new Date("2026-11-21T08:10:01Z"))).toBe(5);
  });
});
