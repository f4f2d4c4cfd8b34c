import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { listCalendarYears } from "@/lib/calendar/data";
import { datesOfYear, isWeekend, yearOf } from "@/lib/calendar/dates";
import { CALENDAR_PAGE_SIZE, calendarListSchema, YEAR_STATUS_LABELS } from "@/lib/calendar/schema";
import { formatDateTimeCn, now } from "@/lib/clock";
import { beijingDate } from "@/lib/collection/deadline";

export const metadata: Metadata = { title: "工作日历" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function workingDaysOfYear(year: number, holidays: number, workdays: number): number {
  return datesOfYear(year).filter((date) => !isWeekend(date)).length - holidays + workdays;
}

const STATUS_TONE = { official: "bg-green-50 text-green-800 ring-green-200", draft: "bg-amber-50 text-amber-900 ring-amber-200" } as const;

export default async function CalendarPage({ searchParams }: Props) {
  await requirePermission("manage:calendar:any", "page:/calendar");
  const query = await searchParams;
  const { page } = calendarListSchema.parse(query);
  const { rows, total } = await listCalendarYears(page);
  const nextYear = yearOf(beijingDate(now())) + 1;
  const next = page === 1 ? rows.find((row) => row.year === nextYear) : undefined;
  const deleted = typeof query.deleted === "string" && /^\d{4}$/.test(query.deleted) ? query.deleted : null;
  return (
    <div className="space-y-4">
      <PageHeader
        title="工作日历"
        description="复评申请期限按工作日计算：周一至周五为工作日，法定节假日除外，调休上班的周末计入。各年度的放假和调休上班安排以国务院办公厅通知为准，只有“正式”年度参与计算；缺少正式年度时，计算截止日期会报错并指明年度。"
        actions={<Link href="/calendar/new" className={ui.btnPrimary}>新增年度</Link>}
      />
      {deleted ? <p role="status" className={ui.alertOk}>已删除{deleted}年的草稿。</p> : null}
      {page === 1 && next?.status !== "official" ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {nextYear}年{next ? "尚是草稿" : "尚未录入"}：国务院办公厅通常于每年11月公布次年放假安排，公布后请
          <Link href={next ? `/calendar/${nextYear}` : "/calendar/new"} className={ui.link}>{next ? "核对并改为正式" : `录入${nextYear}年`}</Link>。
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className={ui.table}>
          <caption className="sr-only">工作日历年度列表（新年度在前）</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={ui.th}>年度</th>
              <th scope="col" className={ui.th}>状态</th>
              <th scope="col" className={ui.th}>依据</th>
              <th scope="col" className={`${ui.th} text-right`}>放假日（周一至周五）</th>
              <th scope="col" className={`${ui.th} text-right`}>调休上班日</th>
              <th scope="col" className={`${ui.th} text-right`}>全年工作日</th>
              <th scope="col" className={ui.th}>更新时间</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.year}>
                <th scope="row" className={`${ui.td} text-left font-medium`}>
                  <Link href={`/calendar/${row.year}`} className={ui.link}>{row.year}年</Link>
                </th>
                <td className={ui.td}>
                  <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${STATUS_TONE[row.status]}`}>{YEAR_STATUS_LABELS[row.status]}</span>
                </td>
                <td className={`${ui.td} text-slate-700`}>{row.source ?? "—"}</td>
                <td className={`${ui.td} text-right tabular-nums`}>{row.holidays}</td>
                <td className={`${ui.td} text-right tabular-nums`}>{row.workdays}</td>
                <td className={`${ui.td} text-right tabular-nums`}>{workingDaysOfYear(row.year, row.holidays, row.workdays)}</td>
                <td className={`${ui.td} whitespace-nowrap text-slate-600`}>{formatDateTimeCn(row.updatedAt)}</td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={7} className={`${ui.td} text-slate-600`}>工作日历中还没有年度。重新启动平台会安装内置的2004–2026年安排。</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={CALENDAR_PAGE_SIZE} total={total} hrefFor={(p) => (p === 1 ? "/calendar" : `/calendar?page=${p}`)} />
    </div>
  );
}
