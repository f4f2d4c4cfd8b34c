import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { CategoryRadarChart } from "@/components/results/radar-chart";
import { ReportView } from "@/components/reports/report-view";
import { unitCategoryComparison } from "@/lib/results/data";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { reportFor } from "@/lib/reports/access";
import { textEditRefusal } from "@/lib/reports/policy";

export const metadata: Metadata = { title: "评价报告" };

type Props = { params: Promise<{ id: string; unitId: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function UnitReportPage({ params, searchParams }: Props) {
  const actor = await requirePermission("read:results:any", "cycles");
  const { id, unitId } = await params;
  const access = await reportFor(actor, id, unitId);
  if (!access || access.viewer === "unit") notFound();
  const { report, issuedAt, cycleStatus } = access;
  const editable = access.viewer === "office" && textEditRefusal(cycleStatus, issuedAt) === null;
  const base = `/cycles/${id}/reports/${unitId}`;
  const saved = (await searchParams).saved;
  return (
    <div className="space-y-4">
      <nav className="no-print text-sm" aria-label="位置">
        <Link href="/cycles" className={`text-brand-700 underline`}>评价周期</Link> ›{" "}
        <Link href={`/cycles/${id}/results`} className="text-brand-700 underline">{report.cycle.name} 评分结果</Link> › {report.unit.name}
      </nav>
      <ReportToolbar base={base} editHref={editable ? `${base}/edit` : null} back={{ href: `/cycles/${id}/results`, label: "返回评分结果" }} />
      {saved ? <p role="status" className="no-print rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">问题与建议已保存（第{saved}版）。</p> : null}
      <p className="no-print text-sm text-slate-700" data-testid="report-delivery">
        {issuedAt ? `初评报告已于${formatDateTimeCn(issuedAt)}送达，内容已冻结。` : "尚未送达受评单位；送达前可以重新评分或编辑问题与建议。"}
      </p>
      <section aria-label="与平均水平比较" className="no-print rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:max-w-xl">
        <CategoryRadarChart categories={await unitCategoryComparison(id, unitId, report.resultId)} />
      </section>
      <ReportView report={report} staff />
    </div>
  );
}
