import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SendBackList } from "@/components/archive/send-back-list";
import { CycleActionForm } from "@/components/cycles/action-form";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { ui } from "@/components/ui/styles";
import { approvalRounds, cycleFinality, cycleMilestones, scoringRunning } from "@/lib/archive/data";
import { approvalBlockers } from "@/lib/archive/policy";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { cycleHead } from "@/lib/cycles/data";
import { db } from "@/lib/db/client";
import { openApprovalAction, resolveSendBackAction } from "./actions";

export const metadata: Metadata = { title: "结果审批" };

type Props = { params: Promise<{ id: string }> };

export default async function ApprovalPage({ params }: Props) {
  await requirePermission("open:approval:any", "cycles.approval");
  const { id } = await params;
  const cycle = await cycleHead(id);
  if (!cycle || !["feedback", "approval", "archived"].includes(cycle.status)) notFound();
  const [finality, running, rounds, dates] = await Promise.all([
    cycleFinality(db(), id), scoringRunning(db(), id), approvalRounds(db(), id),
    cycleMilestones(db(), id),
  ]);
  const blockers = cycle.status === "feedback" ? approvalBlockers(cycle.status, finality, running) : [];
  const open = rounds.flatMap((r) => r.units).filter((u) => !u.resolvedAt);
  const figures: [string, number][] = [
    ["受评单位", finality.enrolled],
    ["结果已确定", finality.enrolled - finality.notIssued - finality.open - finality.requested],
    ["反馈期内", finality.open],
    ["复评待决定", finality.requested],
    ["未送达", finality.notIssued],
  ];
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="approval" />
      <section aria-labelledby="finality-title" className={`${ui.card} space-y-3`}>
        <h2 id="finality-title" className="font-semibold">评价结果确定情况</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="finality">
          {figures.map(([label, value]) => (
            <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{value.toLocaleString("zh-CN")}</dd>
            </div>
          ))}
        </dl>
        {cycle.status === "feedback" ? (
          <>
            <p className="text-sm text-slate-700">全部受评单位的评价结果确定后（确认、撤回申请、复评完成或反馈期届满），提交委托部门审批。审批期间只能处理被退回的单位。</p>
            {blockers.length > 0 ? (
              <div role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="approval-blockers">
                <p className="font-medium">还不能提交审批：</p>
                <ul className="mt-1 list-disc pl-5">{blockers.map((b) => <li key={b}>{b}</li>)}</ul>
              </div>
            ) : null}
            <CycleActionForm action={openApprovalAction} hidden={{ cycleId: id, version: cycle.version }} label="提交审批" tone="primary" testId="open-approval"
              confirm="提交审批后，周期进入结果审批阶段：不能再评分、送达或处理复评申请，只能处理审批部门退回的单位。确定提交吗？" />
          </>
        ) : (
          <p className="text-sm text-slate-700" data-testid="approval-status">
            已于{dates.approvalOpenedAt ? formatDateTimeCn(dates.approvalOpenedAt) : "—"}提交审批。
            {dates.approvedAt ? `审批部门已于${formatDateTimeCn(dates.approvedAt)}批准。` : open.length > 0 ? `审批部门退回${open.length}个单位，待处理。` : "等待审批部门审批。"}
            {dates.approvedAt && cycle.status === "approval" ? <Link href={`/cycles/${id}/archive`} className={`${ui.link} ml-1`}>去归档</Link> : null}
          </p>
        )}
      </section>
      {open.length > 0 ? (
        <section aria-labelledby="sentback-title" className={`${ui.card} space-y-3`}>
          <h2 id="sentback-title" className="font-semibold">退回待处理的单位（{open.length}）</h2>
          <p className="text-sm text-slate-700">逐一处理：如需修改，先在“更正数据”中更正该单位的指标数据（写明理由），再选择“重新评分”；如维持原结果，写明说明。全部处理后审批部门会收到通知，再次审批。</p>
          <SendBackList cycleId={id} units={open} action={resolveSendBackAction} />
        </section>
      ) : null}
      <section aria-labelledby="rounds-title" className={`${ui.card} space-y-3`}>
        <h2 id="rounds-title" className="font-semibold">审批记录</h2>
        {rounds.length === 0 ? <p className="text-sm text-slate-600">尚无审批记录。</p> : (
          <ol className="space-y-3" data-testid="approval-rounds">
            {rounds.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium">第{r.round}轮：{r.decision === "approved" ? "批准" : `退回${r.units.length}个单位`}<span className="ml-2 font-normal text-slate-600">{r.decidedByName}，{formatDateTimeCn(r.decidedAt)}</span></p>
                <p className="mt-1">审批意见：{r.comment}</p>
                {r.units.length > 0 ? (
                  <ul className="mt-2 list-disc space-y-1 pl-5">
                    {r.units.map((u) => (
                      <li key={u.id}>
                        {u.unitName}：{u.comment}
                        {u.resolvedAt ? <span className="text-slate-600">（{u.resolution === "rescored" ? `已重新评分${u.total ? `，${u.total}分` : ""}` : "维持原结果"}：{u.resolutionNote}）</span> : <span className="text-amber-800">（待处理）</span>}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
