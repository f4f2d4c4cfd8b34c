import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { CategoryRadarChart } from "@/components/results/radar-chart";
import { ReportView } from "@/components/reports/report-view";
import { unitCategoryComparison } from "@/lib/results/data";
import { requirePermission } from "@/lib/auth/session";
import { FeedbackPanel } from "@/components/feedback/feedback-panel";
import { formatDateTimeCn, now } from "@/lib/clock";
import { unitFeedback } from "@/lib/feedback/data";
import { reportFor } from "@/lib/reports/access";

export const metadata: Metadata = { title: "本单位初评报告" };

type Props = { params: Promise<{ cycleId: string }>; searchParams: Promise<Record<string, string | undefined>> };

/** A unit reads its own issued report — never another unit's, never before it is issued (404). */
export default async function OwnReportPage({ params, searchParams }: Props) {
  const actor = await requirePermission("read:results:own", "unit");
  const { cycleId } = await params;
  const access = await reportFor(actor, cycleId, actor.organisationId);
  if (!access || access.viewer !== "unit") notFound();
  const { report, issuedAt } = access;
  const feedback = await unitFeedback(cycleId, actor.organisationId);
  const requested = (await searchParams).requested === "1";
  return (
    <div className="space-y-4">
      <nav className="no-print text-sm" aria-label="位置">
        <Link href="/unit" className="text-brand-700 underline">本单位评价</Link> ›{" "}
        <Link href={`/unit/${cycleId}`} className="text-brand-700 underline">{report.cycle.name}</Link> › 初评报告
      </nav>
      <ReportToolbar base={`/unit/${cycleId}/report`} editHref={null} back={{ href: `/unit/${cycleId}`, label: "返回" }} />
      {issuedAt ? (
        <p className="no-print text-sm text-slate-700" data-testid="report-delivery">
          本报告于{formatDateTimeCn(issuedAt)}送达。如有异议，可在送达之日起5个工作日内提出一次复评申请。
        </p>
      ) : null}
      {requested ? <p role="status" className="no-print rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">复评申请已提交，信用办将复核并作出决定。</p> : null}
      {feedback ? <FeedbackPanel cycleId={cycleId} feedback={feedback} at={now()} indicatorNames={new Map(report.indicators.map((i) => [i.code, i.name]))} /> : null}
      <section aria-label="与平均水平比较" className="no-print rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:max-w-xl">
        <CategoryRadarChart categories={await unitCategoryComparison(cycleId, actor.organisationId, report.resultId)} />
      </section>
      <ReportView report={report} />
    </div>
  );
}
