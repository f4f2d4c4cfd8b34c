import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteYearForm } from "@/components/calendar/delete-year-form";
import { CalendarYearForm } from "@/components/calendar/year-form";
import { CalendarLegend, DayList, YearGrid } from "@/components/calendar/year-grid";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { getCalendarYear } from "@/lib/calendar/data";
import { formatDayLines } from "@/lib/calendar/day-lines";
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, YEAR_STATUS_LABELS } from "@/lib/calendar/schema";
import { formatDateTimeCn } from "@/lib/clock";
import { deleteCalendarYearAction, saveCalendarYearAction } from "../actions";

export const metadata: Metadata = { title: "工作日历年度" };

type Props = { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CalendarYearPage({ params, searchParams }: Props) {
  await requirePermission("manage:calendar:any", "page:/calendar/[year]");
  const raw = (await params).year;
  const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR)) notFound();
  const detail = await getCalendarYear(year);
  if (!detail) notFound();
  const created = (await searchParams).created !== undefined;
  const holidays = detail.days.filter((day) => day.kind === "holiday").length;
  const lock = detail.updatedAt.toISOString();
  return (
    <div className="space-y-6">
      <nav className="text-sm"><Link href="/calendar" className={ui.link}>工作日历</Link> › {year}年</nav>
      <PageHeader
        title={`${year}年工作日历`}
        description={`${YEAR_STATUS_LABELS[detail.status]}年度 · 依据：${detail.source ?? "未注明"} · 放假日${holidays}天、调休上班日${detail.days.length - holidays}天 · 更新于${formatDateTimeCn(detail.updatedAt)}${detail.updatedByName ? `（${detail.updatedByName}）` : ""}`}
        actions={detail.status === "draft" ? <DeleteYearForm year={year} lock={lock} action={deleteCalendarYearAction} /> : null}
      />
      {created ? <p role="status" className={ui.alertOk}>已新增{year}年。核对无误后可改为正式。</p> : null}
      {detail.status === "draft" ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">该年度是草稿：计算截止日期时不采用，涉及{year}年的截止日期会报错，直至改为正式。</p>
      ) : null}
      <section aria-labelledby="grid-heading" className="space-y-3">
        <h2 id="grid-heading" className="text-lg font-semibold">全年日历</h2>
        <CalendarLegend />
        <YearGrid year={year} days={detail.days} />
      </section>
      <section aria-labelledby="list-heading" className="space-y-2">
        <h2 id="list-heading" className="text-lg font-semibold">放假日与调休上班日</h2>
        <DayList days={detail.days} />
      </section>
      <section aria-labelledby="edit-heading" className="space-y-2">
        <h2 id="edit-heading" className="text-lg font-semibold">修改</h2>
        <CalendarYearForm
          values={{ year, status: detail.status, source: detail.source ?? "", days: formatDayLines(detail.days), lock }}
          action={saveCalendarYearAction}
        />
      </section>
    </div>
  );
}
