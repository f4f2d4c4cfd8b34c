import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { calendarFrom, type Calendar, type DayKind, type YearStatus } from "./working-days";

// No "server-only": issuing, scripts and the command line read the calendar outside Next.js too.

type CalendarReader = Pick<PrismaClient | Tx, "calendarYear" | "calendarDay">;

function yearStatus(status: string): YearStatus {
  return status === "official" ? "official" : "draft";
}

function dayKind(kind: string): DayKind {
  if (kind === "holiday" || kind === "workday") return kind;
  throw new Error(`工作日历中的日期类型无效：${kind}`);
}

/** The platform's calendar as stored: every year with its status and every exceptional day. */
export async function loadCalendar(client: CalendarReader): Promise<Calendar> {
  const [years, days] = await Promise.all([
    client.calendarYear.findMany({ select: { year: true, status: true } }),
    client.calendarDay.findMany({ select: { date: true, kind: true } }),
  ]);
  return calendarFrom({
    years: years.map((row) => ({ year: row.year, status: yearStatus(row.status) })),
    days: days.map((row) => ({ date: row.date, kind: dayKind(row.kind) })),
  });
}
