import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestForm } from "@/components/feedback/request-form";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn, now } from "@/lib/clock";
import { unitFeedback } from "@/lib/feedback/data";
import { windowRefusal } from "@/lib/feedback/state";
import { evidenceMaxBytes } from "@/lib/files/storage";
import { reportFor } from "@/lib/reports/access";
import { fileRequestAction } from "../feedback-actions";

export const metadata: Metadata = { title: "申请复评" };

type Props = { params: Promise<{ cycleId: string }> };

export default async function RequestPage({ params }: Props) {
  const actor = await requirePermission("respond:feedback:own", "unit");
  const { cycleId } = await params;
  const [access, feedback] = await Promise.all([reportFor(actor, cycleId, actor.organisationId), unitFeedback(cycleId, actor.organisationId)]);
  if (!access || access.viewer !== "unit" || !feedback) notFound();
  const refusal = windowRefusal(feedback, now());
  const indicators = access.report.indicators.map((i) => ({ code: i.code, name: i.name, categoryName: i.categoryName, score: i.score, max: i.max, explanation: i.explanation }));
  return (
    <div className="space-y-4">
      <PageHeader
        title="申请复评"
        description={`${access.report.cycle.name} · ${access.report.unit.name}。复评申请只能提出一次，提交后不能修改；决定作出前可以撤回（视为确认）。`}
        actions={<Link href={`/unit/${cycleId}/report`} className={ui.btnSecondary}>返回初评报告</Link>}
      />
      {feedback.feedbackEndsAt ? <p className="text-sm">反馈截止：<strong>{formatDateTimeCn(feedback.feedbackEndsAt)}</strong></p> : null}
      {refusal ? <p role="alert" className={ui.alertError}>{refusal}</p> : <RequestForm cycleId={cycleId} indicators={indicators} maxBytes={evidenceMaxBytes()} submit={fileRequestAction} />}
    </div>
  );
}
