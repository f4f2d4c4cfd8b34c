import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { NoneButton, NotApplicableForm } from "@/components/collect/answer-buttons";
import { answerText } from "@/components/collect/format";
import { slotHref } from "@/components/collect/links";
import { RecordForm } from "@/components/collect/record-form";
import { RecordTable } from "@/components/collect/record-table";
import { SlotInfo } from "@/components/collect/slot-info";
import { CellStatusBadge } from "@/components/collect/status-badge";
import { ValueForm } from "@/components/collect/value-form";
import { WindowBanner } from "@/components/collect/window-banner";
import { EvidenceLinks } from "@/components/collect/evidence-links";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { cellDetail } from "@/lib/collection/data";
import { beijingDate } from "@/lib/collection/deadline";
import { evidenceMaxBytes } from "@/lib/files/storage";
import { addRecordAction, markNoneAction, markNotApplicableAction, saveValueAction, withdrawRecordAction } from "../../actions";

export const metadata: Metadata = { title: "单位报送" };

const querySchema = z.object({
  i: z.string().max(60).catch(""),
  sub: z.string().max(60).default("").catch(""),
  u: z.string().max(60).catch(""),
});

type Props = { params: Promise<{ cycleId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function dateBounds(year: number, deadline: string, today: string): { min: string; max: string } {
  const yearEnd = `${year}-12-31`;
  const upper = deadline > yearEnd ? deadline : yearEnd;
  return { min: `${year}-01-01`, max: today < upper ? today : upper };
}

export default async function CellPage({ params, searchParams }: Props) {
  const actor = await requirePermission("submit:facts:assigned", "collect");
  const { cycleId } = await params;
  const query = querySchema.parse(await searchParams);
  const detail = await cellDetail(actor, { cycleId, unitId: query.u, indicatorCode: query.i, subKey: query.sub });
  if (!detail) notFound();
  const { workspace, slot, unit, entry, entryEvidence, records, status } = detail;
  const at = now();
  const writable = workspace.refusal === null;
  const cell = { cycleId, unitId: unit.id, indicatorCode: slot.indicatorCode, subKey: slot.subKey };
  const live = records.filter((r) => !r.withdrawnAt).length;
  const bounds = dateBounds(workspace.cycle.year, workspace.cycle.collectionDeadline, beijingDate(at));
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${unit.name} · ${slot.name}`}
        description={workspace.cycle.name}
        actions={<Link href={slotHref(cycleId, slot)} className={ui.btnSecondary}>返回单位列表</Link>}
      />
      <WindowBanner workspace={workspace} at={at} />
      <SlotInfo slot={slot} />
      <section aria-label="填报情况" className={`${ui.card} space-y-3`}>
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold">本单位的填报</h2>
          <CellStatusBadge status={status} />
          {entry && entry.answer !== "records" ? <span className="text-sm">{answerText(slot.rule, entry.answer, entry.value)}</span> : null}
        </div>
        {slot.mode === "records" ? <RecordTable rule={slot.rule} records={records} withdraw={writable ? withdrawRecordAction : null} /> : <EvidenceLinks files={entryEvidence} />}
        {writable ? (
          <div className="flex flex-wrap gap-2">
            {slot.mode === "records" && live === 0 && status.kind !== "none" ? <NoneButton cell={cell} version={entry?.version ?? 0} action={markNoneAction} label="本单位无记录（标记为无）" /> : null}
            {live === 0 && status.kind !== "not_applicable" ? <NotApplicableForm cell={cell} version={entry?.version ?? 0} action={markNotApplicableAction} /> : null}
          </div>
        ) : null}
      </section>
      {writable ? (
        <section aria-label={slot.mode === "records" ? "添加记录" : "填报数值"} className={`${ui.card} space-y-3`}>
          <h2 className="text-lg font-semibold">{slot.mode === "records" ? "添加记录" : status.kind === "value" ? "修改数值" : "填报数值"}</h2>
          {slot.mode === "records" ? (
            <RecordForm cell={cell} items={slot.recordItems} itemKind={slot.rule.kind === "award" ? "奖励级别" : "扣分项"} minDate={bounds.min} maxDate={bounds.max} maxBytes={evidenceMaxBytes()} action={addRecordAction} />
          ) : (
            <ValueForm cell={cell} rule={slot.rule} max={slot.max} value={entry?.answer === "value" ? entry.value : null} version={entry?.version ?? 0} maxBytes={evidenceMaxBytes()} action={saveValueAction} />
          )}
        </section>
      ) : null}
    </div>
  );
}
