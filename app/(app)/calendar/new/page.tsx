import type { Metadata } from "next";
import Link from "next/link";
import { CalendarYearForm } from "@/components/calendar/year-form";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { nextCalendarYear } from "@/lib/calendar/data";
import { yearOf } from "@/lib/calendar/dates";
import { now } from "@/lib/clock";
import { beijingDate } from "@/lib/collection/deadline";
import { saveCalendarYearAction } from "../actions";

export const metadata: Metadata = { title: "新增工作日历年度" };

export default async function NewCalendarYearPage() {
  await requirePermission("manage:calendar:any", "page:/calendar/new");
  const year = await nextCalendarYear(yearOf(beijingDate(now())) + 1);
  return (
    <div className="space-y-4">
      <nav className="text-sm"><Link href="/calendar" className={ui.link}>工作日历</Link> › 新增年度</nav>
      <PageHeader
        title="新增年度"
        description="按国务院办公厅关于该年部分节假日安排的通知逐日录入。可先保存为草稿，核对无误后改为正式；只有正式年度参与截止日期的计算。"
      />
      <CalendarYearForm values={{ year, status: "draft", source: "", days: "", lock: "" }} action={saveCalendarYearAction} />
    </div>
  );
}
