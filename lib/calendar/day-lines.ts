// The admin's text form of a year's exceptional days, one line per date, as the State Council
// notice is read: `2027-02-08 春节 休` (a statutory day off on a weekday) or `2027-02-14 春节 班`
// (an adjusted working day on a weekend). Pure: the form, the action and the tests share it.
import { isCalendarDate } from "@/lib/collection/deadline";
import { isWeekend, weekdayName, yearOf } from "./dates";
import type { DayKind } from "./working-days";

export type CalendarDayInput = { date: string; kind: DayKind; name: string | null };

export const MAX_DAY_LINES = 200;
export const MAX_HOLIDAY_NAME = 40;

const KIND_BY_MARK: Record<string, DayKind> = { 休: "holiday", 班: "workday" };
const MARK_BY_KIND: Record<DayKind, string> = { holiday: "休", workday: "班" };

/** Lines the form shows for stored days, in date order. */
export function formatDayLines(days: readonly CalendarDayInput[]): string {
  return [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => [day.date, day.name, MARK_BY_KIND[day.kind]].filter(Boolean).join(" "))
    .join("\n");
}

function problemOf(tokens: string[], year: number): string | CalendarDayInput {
  const [date = "", ...rest] = tokens;
  const mark = rest.pop();
  if (!isCalendarDate(date)) return `日期“${date}”无效，应写作 YYYY-MM-DD，如 ${year}-02-08`;
  if (yearOf(date) !== year) return `日期 ${date} 不属于${year}年`;
  const kind = mark === undefined ? undefined : KIND_BY_MARK[mark];
  if (kind === undefined) return `行末应为“休”（放假）或“班”（调休上班），现为“${mark ?? ""}”`;
  const name = rest.join(" ");
  if (name.length > MAX_HOLIDAY_NAME) return `节日名称不能超过${MAX_HOLIDAY_NAME}个字`;
  if (kind === "holiday" && isWeekend(date)) return `${date} 是${weekdayName(date)}，本就休息，只需登记周一至周五的放假日`;
  if (kind === "workday" && !isWeekend(date)) return `${date} 是${weekdayName(date)}，本就上班，只需登记周六、周日的调休上班日`;
  return { date, kind, name: name || null };
}

/**
 * Parses the lines of one year. Blank lines and lines starting with # are skipped; every bad line
 * is reported with its line number (never only the first), and a date given twice is refused.
 */
export function parseDayLines(text: string, year: number): { days: CalendarDayInput[]; problems: string[] } {
  const days: CalendarDayInput[] = [];
  const problems: string[] = [];
  const lineOfDate = new Map<string, number>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const number = index + 1;
    const parsed = problemOf(line.split(/[\s\u3000]+/), year);
    if (typeof parsed === "string") {
      problems.push(`第${number}行：${parsed}`);
      return;
    }
    const earlier = lineOfDate.get(parsed.date);
    if (earlier !== undefined) {
      problems.push(`第${number}行：日期 ${parsed.date} 与第${earlier}行重复`);
      return;
    }
    lineOfDate.set(parsed.date, number);
    days.push(parsed);
  });
  if (days.length + problems.length > MAX_DAY_LINES) problems.push(`一年最多登记${MAX_DAY_LINES}个日期`);
  return { days: days.sort((a, b) => a.date.localeCompare(b.date)), problems };
}
