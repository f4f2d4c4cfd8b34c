import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/calendar/dates";
import {
  addWorkingDays,
  builtInCalendar,
  calendarFrom,
  deadlineIso,
  feedbackDeadline,
  isWithinWindow,
  isWorkingDay,
  missingYearMessage,
  type Calendar,
} from "@/lib/calendar/working-days";
import { beijingDate, isPastDeadline } from "@/lib/collection/deadline";

// Runs under TZ=America/Los_Angeles (npm run test:unit); also checked under UTC and Asia/Shanghai.

const calendar = builtInCalendar();

function deadline(from: string, n = 5): string {
  const result = addWorkingDays(calendar, from, n);
  if (!result.ok) throw new Error(`missing ${result.missingYear}`);
  return result.date;
}

function delivered(instant: string, n = 5): string {
  const result = feedbackDeadline(calendar, new Date(instant), n);
  if (!result.ok) throw new Error(`missing ${result.missingYear}`);
  return result.date;
}

describe("working days of the built-in calendar", () => {
  it.each([
    ["2025-09-28", true, "an adjusted working Sunday (国庆节)"],
    ["2025-10-11", true, "an adjusted working Saturday (国庆节)"],
    ["2025-10-01", false, "National Day"],
    ["2025-10-06", false, "Mid-Autumn, inside the National Day break"],
    ["2025-10-09", true, "the Thursday after the break"],
    ["2026-02-14", true, "the adjusted working Saturday before Spring Festival"],
    ["2026-02-23", false, "the last day of Spring Festival 2026 (a Monday)"],
    ["2026-03-07", false, "an ordinary Saturday"],
    ["2026-03-08", false, "an ordinary Sunday"],
    ["2026-03-09", true, "an ordinary Monday"],
  ])("%s is a working day: %s (%s)", (date, expected) => {
    expect(isWorkingDay(calendar, date)).toBe(expected);
  });
});

describe("the 5th working day after delivery (the delivery day not counted)", () => {
  it.each([
    // National Day and Mid-Autumn 2025: 10-01…10-08 off; 09-28 (Sun) and 10-11 (Sat) worked.
    ["2025-09-26", "2025-10-10", "Friday before: 09-28 (Sun) counts, then 09-29, 09-30, 10-09, 10-10"],
    ["2025-09-27", "2025-10-10", "Saturday before: the same five days"],
    ["2025-09-29", "2025-10-13", "09-30, 10-09, 10-10, 10-11 (Sat), 10-13"],
    ["2025-09-30", "2025-10-14", "the eve: 10-09, 10-10, 10-11 (Sat), 10-13, 10-14"],
    ["2025-10-01", "2025-10-14", "during the break"],
    ["2025-10-08", "2025-10-14", "the last day of the break"],
    // Spring Festival 2026: 02-15…02-23 off; 02-14 (Sat) and 02-28 (Sat) worked.
    ["2026-02-12", "2026-02-26", "02-13, 02-14 (Sat), 02-24, 02-25, 02-26"],
    ["2026-02-13", "2026-02-27", "Friday just before: 02-14 (Sat), 02-24 … 02-27"],
    ["2026-02-14", "2026-02-28", "on the adjusted Saturday itself: 02-24 … 02-27, then 02-28 (Sat)"],
    ["2026-02-18", "2026-02-28", "during the break: the deadline is the adjusted working Saturday 02-28"],
    // Qingming 2026: 04-04 (Sat) … 04-06 (Mon).
    ["2026-04-03", "2026-04-13", "04-06 (Mon) is off: 04-07 … 04-10, 04-13"],
    // Labour Day 2026: 05-01 (Fri) … 05-05 (Tue); 05-09 (Sat) worked.
    ["2026-04-30", "2026-05-11", "05-06, 05-07, 05-08, 05-09 (Sat), 05-11"],
    ["2026-05-08", "2026-05-14", "05-09 (Sat) counts first"],
    // Ordinary weeks.
    ["2026-03-06", "2026-03-13", "a Friday: the next Monday … Friday"],
    ["2026-03-07", "2026-03-13", "a Saturday"],
    ["2026-03-08", "2026-03-13", "a Sunday"],
    // Across the new year: 2026-01-01 and 01-02 off, 01-04 (Sun) worked.
    ["2025-12-26", "2026-01-05", "12-29, 12-30, 12-31, 01-04 (Sun), 01-05"],
    // The count ends on 31 December without needing 2027.
    ["2026-12-24", "2026-12-31", "12-25, 12-28, 12-29, 12-30, 12-31"],
  ])("delivered %s → %s (%s)", (from, expected) => {
    expect(deadline(from)).toBe(expected);
  });

  it("counts every working day exactly once (any start 2004–2026, 1–30 days)", () => {
    const start = Date.UTC(2004, 0, 1);
    const span = Math.floor((Date.UTC(2026, 9, 31) - start) / 86_400_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const from = addDays("2004-01-01", offset);
        const result = deadline(from, n);
        let counted = 0;
        for (let date = addDays(from, 1); date <= result; date = addDays(date, 1)) if (isWorkingDay(calendar, date)) counted++;
        expect(isWorkingDay(calendar, result)).toBe(true);
        expect(counted).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses a date that is not a calendar date and a count that is not a positive integer", () => {
    expect(() => addWorkingDays(calendar, "2025-02-29", 5)).toThrow("不是有效的日期");
    expect(() => addWorkingDays(calendar, "2025/09/30", 5)).toThrow("不是有效的日期");
    expect(() => addWorkingDays(calendar, "2025-09-30", 0)).toThrow("正整数");
    expect(() => addWorkingDays(calendar, "2025-09-30", 1.5)).toThrow("正整数");
  });
});

describe("the Beijing day of delivery", () => {
  it("a delivery at 2025-09-30T17:30:00Z (01:30 Beijing on 10-01) counts as 10-01", () => {
    expect(beijingDate(new Date("2025-09-30T17:30:00Z"))).toBe("2025-10-01");
    expect(delivered("2025-09-30T17:30:00Z")).toBe(deadline("2025-10-01"));
  });

  it("01:30 Beijing on 09-30 is 09-30 (10-14), not 09-29 as UTC or Los Angeles would have it (10-13)", () => {
    expect(delivered("2025-09-29T17:30:00Z")).toBe("2025-10-14");
    expect(deadline("2025-09-29")).toBe("2025-10-13");
  });

  it("changes day at midnight Beijing time", () => {
    expect(delivered("2026-02-12T15:59:59.999Z")).toBe("2026-02-26"); // 02-12 23:59:59.999 Beijing
    expect(delivered("2026-02-12T16:00:00Z")).toBe("2026-02-27"); // 02-13 00:00 Beijing
  });
});

describe("the end of the window", () => {
  const result = feedbackDeadline(calendar, new Date("2025-09-30T02:00:00Z"));
  if (!result.ok) throw new Error("2025 is built in");

  it("ends at the last instant of the deadline day in Beijing (endOfBeijingDay)", () => {
    expect(result).toEqual({ ok: true, date: "2025-10-14", endsAt: new Date("2025-10-14T23:59:59.999+08:00") });
    expect(result.endsAt.toISOString()).toBe("2025-10-14T15:59:59.999Z");
    expect(deadlineIso(result.date)).toBe("2025-10-14T23:59:59+08:00");
  });

  it("accepts 23:59:59 Beijing of that day and refuses 00:00:00 of the next", () => {
    expect(isWithinWindow(result.endsAt, new Date("2025-10-14T23:59:59+08:00"))).toBe(true);
    expect(isWithinWindow(result.endsAt, new Date("2025-10-14T23:59:59.999+08:00"))).toBe(true);
    expect(isWithinWindow(result.endsAt, new Date("2025-10-15T00:00:00+08:00"))).toBe(false);
    expect(isPastDeadline(result.date, new Date("2025-10-14T23:59:59+08:00"))).toBe(false);
    expect(isPastDeadline(result.date, new Date("2025-10-15T00:00:00+08:00"))).toBe(true);
  });

  it("takes another number of days", () => {
    expect(delivered("2025-09-30T02:00:00Z", 1)).toBe("2025-10-09");
    expect(delivered("2025-09-30T02:00:00Z", 10)).toBe("2025-10-21");
  });
});

describe("a year without official data", () => {
  it("names the year the count reaches, including the year of delivery", () => {
    expect(addWorkingDays(calendar, "2026-12-25", 5)).toEqual({ ok: false, missingYear: 2027, draft: false });
    expect(addWorkingDays(calendar, "2026-12-28", 5)).toEqual({ ok: false, missingYear: 2027, draft: false });
    expect(addWorkingDays(calendar, "2003-12-31", 1)).toEqual({ ok: false, missingYear: 2003, draft: false });
    expect(feedbackDeadline(calendar, new Date("2026-12-31T16:30:00Z"))).toEqual({ ok: false, missingYear: 2027, draft: false });
  });

  it("treats a draft year as missing, and counts through it once it is official", () => {
    const with2027 = (status: "official" | "draft"): Calendar =>
      calendarFrom({
        years: [...calendar.years].map(([year, y]) => ({ year, status: y.status })).concat({ year: 2027, status }),
        // Test data, not the 2027 notice: 1 January off.
        days: [...calendar.days].map(([date, kind]) => ({ date, kind })).concat({ date: "2027-01-01", kind: "holiday" }),
      });
    expect(addWorkingDays(with2027("draft"), "2026-12-28", 5)).toEqual({ ok: false, missingYear: 2027, draft: true });
    expect(addWorkingDays(with2027("official"), "2026-12-28", 5)).toEqual({ ok: true, date: "2027-01-05" });
  });

  it("is told in Chinese, naming the year", () => {
    expect(missingYearMessage({ missingYear: 2027, draft: false })).toContain("2027年尚无官方放假安排");
    expect(missingYearMessage({ missingYear: 2027, draft: true })).toContain("2027年只有草稿");
  });
});
