import "server-only";
import { db } from "@/lib/db/client";
import type { CalendarDayInput } from "./day-lines";
import { CALENDAR_PAGE_SIZE } from "./schema";
import type { DayKind, YearStatus } from "./working-days";

export type CalendarYearRow = {
  year: number;
  status: YearStatus;
  source: string | null;
  updatedAt: Date;
  holidays: number;
  workdays: number;
};

function status(value: string): YearStatus {
  return value === "official" ? "official" : "draft";
}

function kind(value: string): DayKind {
  return value === "workday" ? "workday" : "holiday";
}

/** The years of the calendar, newest first, with their counts of days off and adjusted working days. */
export async function listCalendarYears(page: number): Promise<{ rows: CalendarYearRow[]; total: number }> {
  const [years, total] = await Promise.all([
    db().calendarYear.findMany({
      orderBy: { year: "desc" },
      skip: (page - 1) * CALENDAR_PAGE_SIZE,
      take: CALENDAR_PAGE_SIZE,
      select: { year: true, status: true, source: true, updatedAt: true },
    }),
    db().calendarYear.count(),
  ]);
  const counts = await db().calendarDay.groupBy({
    by: ["year", "kind"],
    where: { year: { in: years.map((row) => row.year) } },
    _count: { _all: true },
  });
  const count = (year: number, wanted: DayKind) => counts.find((c) => c.year === year && c.kind === wanted)?._count._all ?? 0;
  return {
    rows: years.map((row) => ({
      ...row,
      status: status(row.status),
      holidays: count(row.year, "holiday"),
      workdays: count(row.year, "workday"),
    })),
    total,
  };
}

export type CalendarYearDetail = {
  year: number;
  status: YearStatus;
  source: string | null;
  updatedAt: Date;
  updatedByName: string | null;
  days: CalendarDayInput[];
};

/** One year with its days, or null when the calendar has no such year. */
export async function getCalendarYear(year: number): Promise<CalendarYearDetail | null> {
  const row = await db().calendarYear.findUnique({
    where: { year },
    select: { year: true, status: true, source: true, updatedAt: true, updatedById: true, days: { orderBy: { date: "asc" } } },
  });
  if (!row) return null;
  const user = row.updatedById ? await db().user.findUnique({ where: { id: row.updatedById }, select: { displayName: true } }) : null;
  return {
    year: row.year,
    status: status(row.status),
    source: row.source,
    updatedAt: row.updatedAt,
    updatedByName: user?.displayName ?? null,
    days: row.days.map((day) => ({ date: day.date, kind: kind(day.kind), name: day.name })),
  };
}

/** The year after the newest one in the calendar (what an admin adds each November). */
export async function nextCalendarYear(fallback: number): Promise<number> {
  const newest = await db().calendarYear.findFirst({ orderBy: { year: "desc" }, select: { year: true } });
  return newest ? newest.year + 1 : fallback;
}
