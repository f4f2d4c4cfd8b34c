import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { timeLeft } from "@/components/collect/format";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { DocumentHistory } from "@/components/unit/document-history";
import { DocumentUpload } from "@/components/unit/document-upload";
import { ReportedData } from "@/components/unit/reported-data";
import { requirePermission } from "@/lib/auth/session";
import { formatDateCn, formatDateTimeCn, now } from "@/lib/clock";
import { unitReportedData } from "@/lib/collection/data";
import { endOfBeijingDay } from "@/lib/collection/deadline";
import { UNIT_DOCUMENT_KINDS, UNIT_DOCUMENT_LABELS } from "@/lib/collection/schema";
import { unitDocuments } from "@/lib/files/access";
import { evidenceMaxBytes } from "@/lib/files/storage";

export const metadata: Metadata = { title: "本单位评价" };

type Props = { params: Promise<{ cycleId: string }> };

export default async function UnitCyclePage({ params }: Props) {
  const actor = await requirePermission("read:collection:own", "unit");
  const { cycleId } = await params;
  const view = await unitReportedData(actor, cycleId);
  if (!view) notFound();
  const documents = await unitDocuments(actor, cycleId);
  const at = now();
  const { cycle } = view;
  const deadlineOf = (kind: (typeof UNIT_DOCUMENT_KINDS)[number]) => (kind === "commitments" ? cycle.commitmentsDeadline : cycle.collectionDeadline);
  return (
    <div className="space-y-5">
      <PageHeader title={cycle.name} description={`${actor.organisationName}${view.schemeName ? ` · ${view.schemeName}` : ""}`} actions={<Link href="/unit" className={ui.btnSecondary}>返回</Link>} />
      {view.issuedAt ? (
        <section aria-label="初评报告" className={`${ui.card} flex flex-wrap items-center justify-between gap-3`} data-testid="unit-report-card">
          <p>
            <strong>初评报告已送达</strong>
            <span className="ml-2 text-sm text-slate-700">送达时间：{formatDateTimeCn(view.issuedAt)}</span>
          </p>
          <Link href={`/unit/${cycle.id}/report`} className={ui.btnPrimary}>查看初评报告</Link>
        </section>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        {UNIT_DOCUMENT_KINDS.map((kind) => {
          const label = UNIT_DOCUMENT_LABELS[kind];
          const end = endOfBeijingDay(deadlineOf(kind));
          const open = cycle.status === "collecting" && at.getTime() <= end.getTime();
          return (
            <section key={kind} aria-label={label} className={`${ui.card} space-y-3`}>
              <h2 className="text-lg font-semibold">{label}</h2>
              <p className="text-sm">
                截止：<strong>{formatDateCn(end)}</strong>
                <span className="ml-2">{cycle.status === "collecting" ? timeLeft(end, at) : "已结束"}</span>
              </p>
              <DocumentHistory versions={documents[kind]} label={label} />
              {open ? (
                <DocumentUpload cycleId={cycle.id} kind={kind} label={label} maxBytes={evidenceMaxBytes()} />
              ) : (
                <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">上传已截止或评价周期不在数据归集阶段，不能再上传新版本。</p>
              )}
            </section>
          );
        })}
      </div>
      <section aria-label="报送的本单位信息" className="space-y-3">
        <h2 className="text-lg font-semibold">信源单位报送的本单位信息</h2>
        <p className="text-sm text-slate-600">以下为各信源单位报送的关于本单位的记录和数值（只读）。如有异议，可在收到初评报告后申请复评。</p>
        <ReportedData reported={view.reported} />
      </section>
    </div>
  );
}
