import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CollectionTabs, COLLECTION_VIEWS, type CollectionView } from "@/components/cycles/collection/collection-tabs";
import { CollectionViewSection } from "@/components/cycles/collection/collection-view";
import { CycleActionForm } from "@/components/cycles/action-form";
import { OverallDonut, SourceProgressChart } from "@/components/cycles/collection/progress-charts";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { dateCn } from "@/components/cycles/labels";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { collectionCycle, cycleSlotsOf, overallProgress, referenceConflicts, sourceProgress } from "@/lib/collection/completeness";
import { beijingDate, isPastDeadline } from "@/lib/collection/deadline";
import { reopenSubmissionAction, returnSubmissionAction } from "@/app/(app)/collect/office-actions";
import { allBadRecordsAction, badRecordAction, urgeAction } from "./actions";

export const metadata: Metadata = { title: "归集进度" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CollectionPage({ params, searchParams }: Props) {
  await requirePermission("manage:cycles:any", "cycles.collection");
  const cycle = await collectionCycle((await params).id);
  if (!cycle) notFound();
  const raw = await searchParams;
  const view: CollectionView = COLLECTION_VIEWS.some(([v]) => v === raw.view) ? (raw.view as CollectionView) : "sources";
  const slots = await cycleSlotsOf(cycle.id);
  const [overall, chart, conflicts] = await Promise.all([
    overallProgress(cycle.id, slots),
    sourceProgress(cycle.id, slots, { sort: "name", order: "asc" }, null),
    referenceConflicts(cycle.id, 1),
  ]);
  const at = now();
  const pastDeadline = isPastDeadline(cycle.collectionDeadline, at);
  const collecting = cycle.status === "collecting";
  const actions = { urge: urgeAction, badRecord: badRecordAction, allBadRecords: allBadRecordsAction, returnSubmission: returnSubmissionAction, reopenSubmission: reopenSubmissionAction };
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="collection" />
      <CollectionTabs cycleId={cycle.id} current={view} conflicts={conflicts.total} />
      <section aria-labelledby="progress-title" className={`${ui.card} grid gap-6 lg:grid-cols-[220px_1fr]`}>
        <h2 id="progress-title" className="sr-only">归集进度</h2>
        <div className="space-y-3">
          <OverallDonut answered={overall.answered} cells={overall.cells} label="全部单元格已填报" />
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="collection-summary">
            <dt className="text-slate-600">截止日期</dt><dd>{dateCn(cycle.collectionDeadline)}{pastDeadline ? "（已过）" : ""}</dd>
            <dt className="text-slate-600">信源单位</dt><dd>{overall.submitted} / {overall.sources} 已提交</dd>
            <dt className="text-slate-600">受评单位</dt><dd>{overall.unitsComplete} / {overall.units} 数据齐全</dd>
          </dl>
          {pastDeadline ? (
            <CycleActionForm action={allBadRecordsAction} hidden={{ cycleId: cycle.id }} label="为催办后仍逾期的单位记入不良记录" tone="danger" className="space-y-2 text-sm" />
          ) : null}
        </div>
        <SourceProgressChart sources={chart.rows} />
      </section>
      <CollectionViewSection view={view} cycle={cycle} slots={slots} raw={raw} state={{ collecting, pastDeadline, today: beijingDate(at), at }} actions={actions} />
    </div>
  );
}
