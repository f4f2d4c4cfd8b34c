// The working-day rule of the re-evaluation window (spec/workflow.md): pure, no I/O. A working day
// is Monday–Friday unless the calendar makes it a statutory day off ("holiday"), or a weekend day
// the calendar makes an adjusted working day (调休上班, "workday"). Counting only ever trusts years
// whose arrangement is official; any other year is an error naming it, never a Monday–Friday guess.
import { beijingDate, endOfBeijingDay, isCalendarDate } from "@/lib/collection/deadline";
import { addDays, isWeekend, yearOf } from "./dates";
import { OFFICIAL_YEARS } from "./official-days";

export type DayKind = "holiday" | "workday";
export type YearStatus = "official" | "draft";

/** The platform's calendar as plain data: the status of each known year and its exceptional days. */
export type Calendar = {
  years: ReadonlyMap<number, { status: YearStatus }>;
  days: ReadonlyMap<string, DayKind>;
};

/** A count that reached a year without an official arrangement (absent, or only a draft). */
export type MissingYear = { ok: false; missingYear: number; draft: boolean };

/** The re-evaluation window lasts 5 working days after the day of delivery. */
export const FEEDBACK_WORKING_DAYS = 5;

export function calendarFrom(input: {
  years: Iterable<{ year: number; status: YearStatus }>;
  days: Iterable<{ date: string; kind: DayKind }>;
}): Calendar {
  return {
    years: new Map([...input.years].map(({ year, status }) => [year, { status }])),
    days: new Map([...input.days].map(({ date, kind }) => [date, kind])),
  };
}

/** Whether a date is a working day by the calendar's days (whatever the status of its year). */
export function isWorkingDay(calendar: Calendar, date: string): boolean {
  const kind = calendar.days.get(date);
  if (kind === "holiday") return false;
  if (kind === "workday") return true;
  return !isWeekend(date);
}

function missingYear(calendar: Calendar, year: number): MissingYear | null {
  const status = calendar.years.get(year)?.status;
  return status === "official" ? null : { ok: false, missingYear: year, draft: status === "draft" };
}

/**
 * The date of the Nth working day after `fromDate` (which is not counted), or the first year the
 * count needs — the year of `fromDate` included — that has no official arrangement.
 */
export function addWorkingDays(calendar: Calendar, fromDate: string, n: number): { ok: true; date: string } | MissingYear {
  if (!isCalendarDate(fromDate)) throw new Error(`不是有效的日期：${fromDate}`);
  if (!Number.isInteger(n) || n < 1) throw new Error(`工作日数应为正整数：${n}`);
  const gap = missingYear(calendar, yearOf(fromDate));
  if (gap) return gap;
  let date = fromDate;
  for (let counted = 0; counted < n; ) {
    const next = addDays(date, 1);
    if (yearOf(next) !== yearOf(date)) {
      const nextGap = missingYear(calendar, yearOf(next));
      if (nextGap) return nextGap;
    }
    date = next;
    if (isWorkingDay(calendar, date)) counted++;
  }
  return { ok: true, date };
}

/**
 * The end of a unit's re-evaluation window: the last instant (23:59:59.999 Beijing, as
 * endOfBeijingDay) of the Nth working day after the Beijing date of delivery. An act at or before
 * `endsAt` is in time — 23:59:59 Beijing of that day is accepted, 00:00:00 of the next refused.
 */
export function feedbackDeadline(
  calendar: Calendar,
  deliveredAt: Date,
  days: number = FEEDBACK_WORKING_DAYS,
): { ok: true; date: string; endsAt: Date } | MissingYear {
  const result = addWorkingDays(calendar, beijingDate(deliveredAt), days);
  return result.ok ? { ok: true, date: result.date, endsAt: endOfBeijingDay(result.date) } : result;
}

/** Whether an instant is still inside a window that ends at `endsAt`. */
export function isWithinWindow(endsAt: Date, at: Date): boolean {
  return at.getTime() <= endsAt.getTime();
}

/** The deadline as the command line and documents write it: 2025-10-15T23:59:59+08:00. */
export function deadlineIso(date: string): string {
  if (!isCalendarDate(date)) throw new Error(`不是有效的日期：${date}`);
  return `${date}T23:59:59+08:00`;
}

/** The Chinese message staff (and the command line) see for a missing year. */
export function missingYearMessage(gap: Pick<MissingYear, "missingYear" | "draft">): string {
  const state = gap.draft ? "只有草稿，尚未正式发布" : "尚无官方放假安排";
  return `工作日历中${gap.missingYear}年${state}，无法计算截止日期；请系统管理员按国务院办公厅通知录入${gap.missingYear}年的放假和调休上班安排`;
}

let builtIn: Calendar | undefined;

/** The calendar shipped with the platform (lib/calendar/official-days.ts): every year official. */
export function builtInCalendar(): Calendar {
  builtIn ??= calendarFrom({
    years: OFFICIAL_YEARS.map(({ year }) => ({ year, status: "official" as const })),
    days: OFFICIAL_YEARS.flatMap(officialDays),
  });
  return builtIn;
}

/** The exceptional days of one built-in year, with their holiday names. */
export function officialDays(entry: (typeof OFFICIAL_YEARS)[number]): { date: string; kind: DayKind; name: string }[] {
  const days: { date: string; kind: DayKind; name: string }[] = [];
  for (const [kind, byName] of [["holiday", entry.holidays], ["workday", entry.workdays]] as const) {
    for (const [name, monthDays] of Object.entries(byName)) {
      for (const monthDay of monthDays) days.push({ date: `${entry.year}-${monthDay}`, kind, name });
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
