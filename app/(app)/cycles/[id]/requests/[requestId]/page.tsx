import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmAction } from "@/components/feedback/confirm-action";
import { DecisionForm } from "@/components/feedback/decision-form";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { correctionHref } from "@/lib/collection/correction-links";
import { fourEyesFor } from "@/lib/feedback/decide";
import { REQUEST_STATUS_LABELS, requestDetail } from "@/lib/feedback/queue";
import { completeReviewAction, decideItemAction } from "../actions";

export const metadata: Metadata = { title: "复评申请" };

type Props = { params: Promise<{ id: string; requestId: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function RequestPage({ params, searchParams }: Props) {
  const actor = await requirePermission("decide:requests:any", "cycles");
  const { id, requestId } = await params;
  const request = await requestDetail(id, requestId);
  if (!request) notFound();
  const blocked = fourEyesFor(actor.id, request.people);
  const open = request.status === "filed";
  const allDecided = request.items.every((i) => i.decision);
  const done = await searchParams;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${request.unit.name}的复评申请`}
        description={`提出时间：${formatDateTimeCn(request.filedAt)}${request.filedByName ? `（${request.filedByName}）` : ""} · 状态：${REQUEST_STATUS_LABELS[request.status]} · 初评得分 ${request.initialTotal ?? "—"}${request.initialGrade ? `（${request.initialGrade}）` : ""}`}
        actions={
          <span className="flex gap-2">
            <Link href={`/cycles/${id}/requests`} className={ui.btnSecondary}>返回复评申请</Link>
            <Link href={`/cycles/${id}/reports/${request.unit.id}`} className={ui.btnSecondary}>查看评价报告与依据信息</Link>
          </span>
        }
      />
      <p className="text-sm text-slate-600">
        初评评分人：{request.people.scorer?.name ?? "系统"}{request.people.editors.length > 0 ? `；报告编辑人：${request.people.editors.map((e) => e.name ?? "—").join("、")}` : ""}。
      </p>
      {done.to && request.status === "decided" ? (
        <p role="status" className={ui.alertOk} data-testid="review-completed">
          复评完成：得分由{done.from}分变为{done.to}分{done.grade ? `（${done.grade}）` : ""}，复评结果为最终结果，已通知受评单位。
        </p>
      ) : null}
      {open && blocked ? <p role="alert" className={ui.alertError} data-testid="four-eyes">{blocked}</p> : null}
      {request.evidence.length > 0 ? (
        <p className="text-sm">证明材料：{request.evidence.map((e) => <a key={e.id} href={`/files/${e.id}`} className={`${ui.link} mr-3`}>{e.originalName}</a>)}</p>
      ) : null}
      <ol className="space-y-4">
        {request.items.map((item) => (
          <li key={item.indicatorCode} className={`${ui.card} space-y-3`} data-testid="request-item">
            <h2 className="font-semibold">{item.name}<span className="ml-2 text-sm font-normal text-slate-600">{item.indicatorCode} · 初评得分 {item.initialScore ?? "不涉及"}/{item.max}</span></h2>
            <p className="text-sm text-slate-700">初评说明：{item.explanation}</p>
            <p className="rounded-md bg-slate-50 px-3 py-2 text-sm"><span className="font-medium">单位理由：</span>{item.reason}</p>
            {item.decision ? (
              <p className="text-sm" data-testid="item-decision">
                <strong>{item.decision === "upheld" ? "采纳" : "不予采纳"}</strong>：{item.decisionReason}
                {item.decidedAt ? <span className="ml-2 text-slate-500">（{formatDateTimeCn(item.decidedAt)}）</span> : null}
              </p>
            ) : open && !blocked ? (
              <DecisionForm action={decideItemAction} cycleId={id} requestId={request.id} indicatorCode={item.indicatorCode} correctHref={correctionHref(id, { unitId: request.unit.id, indicatorCode: item.indicatorCode, subKey: "" })} />
            ) : null}
          </li>
        ))}
      </ol>
      {open && !blocked ? (
        <section className={`${ui.card} space-y-2`} aria-labelledby="complete-title">
          <h2 id="complete-title" className="font-semibold">完成复评</h2>
          <p className="text-sm text-slate-700">{allDecided ? "全部指标已决定。完成后仅对该单位按当前数据重新评分，复评结果为最终结果，并通知受评单位。" : "请先对每一项有异议的指标作出决定。"}</p>
          {allDecided ? <ConfirmAction action={completeReviewAction} cycleId={id} extra={{ requestId: request.id }} label="完成复评并通知单位" question="完成后复评结果即为最终结果，不能再修改。确定完成复评吗？" testId="complete-review" /> : null}
        </section>
      ) : null}
    </div>
  );
}
