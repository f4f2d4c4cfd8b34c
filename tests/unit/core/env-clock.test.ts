import { afterEach, describe, expect, it } from "vitest";
import { formatDateCn, formatDateTimeCn, now } from "@/lib/clock";
import { parseEnv } from "@/lib/env";

describe("environment validation", () => {
  it("reports every problem with its variable, in Chinese", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short", APP_MODE: "test" })).toThrowError(
      /DATABASE_URL: DATABASE_URL 必须以 postgresql:\/\/ 开头[\s\S]*AUTH_SECRET: AUTH_SECRET 至少需要32个字符[\s\S]*APP_MODE/,
    );
    expect(() => parseEnv({})).toThrowError(/未设置 DATABASE_URL[\s\S]*未设置 AUTH_SECRET/);
  });

  it("applies defaults", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@localhost/db", AUTH_SECRET: "x".repeat(32) });
    expect(env).toMatchObject({ APP_MODE: "demo", SESSION_IDLE_HOURS: 8, EVIDENCE_DIR: ".data/evidence", EVIDENCE_MAX_MB: 20 });
    expect(() => parseEnv({ DATABASE_URL: "postgresql://u:p@h/d", AUTH_SECRET: "x".repeat(32), EVIDENCE_MAX_MB: "lots" })).toThrow(
      /EVIDENCE_MAX_MB: EVIDENCE_MAX_MB 必须是数字/,
    );
  });
});

describe("clock", () => {
  afterEach(() => {
    delete process.env.INTEGRITY_FAKE_NOW;
    delete process.env.APP_MODE;
  });

  it("formats Beijing dates whatever the server's zone (tests run in Los Angeles)", () => {
    // 01:30 in Beijing on 22 November is still 21 November in UTC and in Los Angeles.
    const instant = new Date("2026-11-21T17:30:00Z");
    expect(formatDateCn(instant)).toBe("2026年11月22日");
    expect(formatDateTimeCn(instant)).toBe("2026年11月22日 01:30:00");
  });

  it("can be pinned for tests, but never in production mode", () => {
    process.env.INTEGRITY_FAKE_NOW = "2026-10-01T00:00:00+08:00";
    expect(now().toISOString()).toBe("2026-09-30T16:00:00.000Z");
    process.env.APP_MODE = "production";
    expect(now().getFullYear()).toBeGreaterThanOrEqual(2026);
    expect(now().toISOString()).not.toBe("2026-09-30T16:00:00.000Z");
  });
});
