// Arithmetic on Beijing calendar dates written YYYY-MM-DD. Every step goes through Date.UTC and the
// getUTC* readers, so the server's own zone never shifts a date (a date has no zone of its own).
import { isCalendarDate } from "@/lib/collection/deadline";

const DAY_MS = 86_400_000;

function utcTime(date: string): number {
  if (!isCalendarDate(date)) throw new Error(`不是有效的日期：${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return fromUtcTime(utcTime(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export function weekday(date: string): number {
  return new Date(utcTime(date)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** YYYY-MM-DD of a year, month (1–12) and day. */
export function calendarDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every date of a year, 1 January to 31 December. */
export function datesOfYear(year: number): string[] {
  const dates: string[] = [];
  for (let date = calendarDate(year, 1, 1); yearOf(date) === year; date = addDays(date, 1)) dates.push(date);
  return dates;
}

const WEEKDAY_NAMES = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;

/** 星期一 … 星期日. */
export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[weekday(date)] ?? "";
}

/** 2026年2月16日 (no zone involved: the date is already Beijing's). */
export function formatCalendarDateCn(date: string): string {
  return `${yearOf(date)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
