// The month grids of a year page: weeks from Monday to Sunday, each day classified. Pure.
import { calendarDate, daysInMonth, isWeekend, weekday } from "./dates";
import type { CalendarDayInput } from "./day-lines";

/** working: an ordinary Monday–Friday; weekend: an ordinary Saturday/Sunday; holiday: a statutory
 * day off on a weekday; adjusted: a weekend day worked (调休上班). */
export type GridDayType = "working" | "weekend" | "holiday" | "adjusted";

export type GridDay = { date: string; day: number; type: GridDayType; name: string | null };
export type GridMonth = { month: number; weeks: (GridDay | null)[][] };

export const GRID_DAY_LABELS: Record<GridDayType, string> = {
  working: "工作日",
  weekend: "周末休息",
  holiday: "放假",
  adjusted: "调休上班",
};

export function yearGrid(year: number, days: readonly CalendarDayInput[]): GridMonth[] {
  const byDate = new Map(days.map((day) => [day.date, day]));
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    const cells: (GridDay | null)[] = [];
    const first = calendarDate(year, month, 1);
    for (let pad = (weekday(first) + 6) % 7; pad > 0; pad--) cells.push(null);
    for (let day = 1; day <= daysInMonth(year, month); day++) {
      const date = calendarDate(year, month, day);
      const entry = byDate.get(date);
      const type: GridDayType = entry ? (entry.kind === "holiday" ? "holiday" : "adjusted") : isWeekend(date) ? "weekend" : "working";
      cells.push({ date, day, type, name: entry?.name ?? null });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
    return { month, weeks };
  });
}
