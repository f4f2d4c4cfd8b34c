import Link from "next/link";
import { PrintButton } from "@/components/reports/print-button";
import { ReportView } from "@/components/reports/report-view";
import { ui } from "@/components/ui/styles";
import { formatDateTimeCn } from "@/lib/clock";
import type { ArchivedReport } from "@/lib/dossiers/data";
import { finalKindLabel } from "@/lib/dossiers/policy";
import { AmendmentList } from "./amendment-list";

/** An archived final report as it was archived, with the amendments recorded since beside it. */
export function ArchivedReportView({ entry, base, back }: { entry: ArchivedReport; base: string; back: { href: string; label: string } }) {
  const names = new Map(entry.report.indicators.map((i) => [i.code, i.name]));
  return (
    <>
      <div className="no-print flex flex-wrap items-center gap-2" data-testid="report-toolbar">
        <Link href={back.href} className={ui.btnSecondary}>{back.label}</Link>
        <a href={`${base}/docx`} className={ui.btnSecondary} download>下载归档Word文件</a>
        <PrintButton />
      </div>
      <p className="no-print text-sm text-slate-700" data-testid="archived-note">
        {entry.cycleName}的最终评价报告（{finalKindLabel(entry.finalKind)}），于{formatDateTimeCn(entry.archivedAt)}归档，内容不再改变。
        {entry.amendments.length > 0 ? "归档后的更正单独记录如下。" : ""}
      </p>
      {entry.amendments.length > 0 ? (
        <section aria-labelledby="amendments-title" className="space-y-2">
          <h2 id="amendments-title" className="font-semibold">归档后的更正（{entry.amendments.length}项）</h2>
          <AmendmentList amendments={entry.amendments} indicatorNames={names} />
        </section>
      ) : null}
      <ReportView report={entry.report} />
    </>
  );
}
