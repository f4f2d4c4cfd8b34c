import { formatCalendarDateCn, weekdayName } from "@/lib/calendar/dates";
import type { CalendarDayInput } from "@/lib/calendar/day-lines";
import { GRID_DAY_LABELS, yearGrid, type GridDay, type GridDayType } from "@/lib/calendar/grid";

// A year as twelve month tables (Monday first). Colour is never the only signal: holidays and
// adjusted working days carry a visible 休/班 mark, and every day reads out in full to a screen
// reader ("10月1日 星期三，国庆节，放假"). The list below the grid gives the same days as text.

const TONE: Record<GridDayType, string> = {
  working: "bg-white text-slate-900",
  weekend: "bg-slate-100 text-slate-500",
  holiday: "bg-red-50 text-red-800 ring-1 ring-inset ring-red-200",
  adjusted: "bg-amber-50 text-amber-900 ring-1 ring-inset ring-amber-300",
};

const MARK: Partial<Record<GridDayType, string>> = { holiday: "休", adjusted: "班" };

const WEEK_HEADERS = [
  ["一", "星期一"],
  ["二", "星期二"],
  ["三", "星期三"],
  ["四", "星期四"],
  ["五", "星期五"],
  ["六", "星期六"],
  ["日", "星期日"],
] as const;

function describe(cell: GridDay): string {
  const label = [`${Number(cell.date.slice(5, 7))}月${cell.day}日 ${weekdayName(cell.date)}`, cell.name, GRID_DAY_LABELS[cell.type]];
  return label.filter(Boolean).join("，");
}

function DayCell({ cell }: { cell: GridDay }) {
  const mark = MARK[cell.type];
  return (
    <td className={`h-9 w-9 p-0 text-center align-middle text-sm ${TONE[cell.type]}`} title={describe(cell)}>
      <span aria-hidden="true" className="relative block leading-9">
        {cell.day}
        {mark ? <span className="absolute right-0.5 top-0.5 text-[10px] font-semibold leading-none">{mark}</span> : null}
      </span>
      <span className="sr-only">{describe(cell)}</span>
    </td>
  );
}

export function CalendarLegend() {
  return (
    <ul aria-label="图例" className="flex flex-wrap gap-4 text-sm">
      {(Object.keys(GRID_DAY_LABELS) as GridDayType[]).map((type) => (
        <li key={type} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-flex h-5 w-5 items-center justify-center rounded text-[10px] font-semibold ${TONE[type]} ring-1 ring-slate-300`}>
            {MARK[type] ?? ""}
          </span>
          {GRID_DAY_LABELS[type]}
          {type === "holiday" ? "（周一至周五的法定假日）" : type === "adjusted" ? "（周末上班）" : ""}
        </li>
      ))}
    </ul>
  );
}

export function YearGrid({ year, days }: { year: number; days: readonly CalendarDayInput[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
      {yearGrid(year, days).map(({ month, weeks }) => (
        <table key={month} className="w-full table-fixed border-separate border-spacing-0.5">
          <caption className="pb-1 text-left text-sm font-semibold">{`${year}年${month}月`}</caption>
          <thead>
            <tr>
              {WEEK_HEADERS.map(([short, full]) => (
                <th key={full} scope="col" abbr={full} className="text-xs font-medium text-slate-500">
                  {short}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, w) => (
              <tr key={w}>
                {week.map((cell, d) => (cell ? <DayCell key={cell.date} cell={cell} /> : <td key={`pad-${d}`} aria-hidden="true" />))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** The year's exceptional days as a plain list, in date order. */
export function DayList({ days }: { days: readonly CalendarDayInput[] }) {
  if (days.length === 0) return <p className="text-sm text-slate-600">该年度尚未登记放假日或调休上班日。</p>;
  return (
    <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {days.map((day) => (
        <li key={day.date}>
          <span className="font-mono">{day.date}</span> {formatCalendarDateCn(day.date).slice(5)} {weekdayName(day.date)}：
          {day.name ? `${day.name} ` : ""}
          <span className={day.kind === "holiday" ? "text-red-800" : "text-amber-900"}>{day.kind === "holiday" ? "放假" : "调休上班"}</span>
        </li>
      ))}
    </ul>
  );
}
