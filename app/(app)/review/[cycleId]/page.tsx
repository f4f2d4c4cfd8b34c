import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewDecisionForm } from "@/components/archive/review-decision-form";
import { CycleStatusBadge } from "@/components/cycles/labels";
import { ui } from "@/components/ui/styles";
import { approvalRounds, archiveOverview, openSendBacks } from "@/lib/archive/data";
import { reviewRefusal } from "@/lib/archive/policy";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { rankingSchemes, resultsCycle, schemeStatistics } from "@/lib/results/data";
import { decideApprovalAction } from "./actions";

export const metadata: Metadata = { title: "审阅评价结果" };

type Props = { params: Promise<{ cycleId: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function ReviewCyclePage({ params, searchParams }: Props) {
  const actor = await requirePermission("approve:cycles:any", "review");
  const { cycleId } = await params;
  const cycle = await resultsCycle(cycleId, actor.roles);
  if (!cycle) notFound();
  const { done } = await searchParams;
  const [overview, rounds, pending, schemes] = await Promise.all([archiveOverview(db(), cycleId), approvalRounds(db(), cycleId), openSendBacks(db(), cycleId), rankingSchemes(cycleId)]);
  if (!overview) notFound();
  const stats = await Promise.all(schemes.map(async (s) => ({ scheme: s, stats: await schemeStatistics(cycleId, s) })));
  const refusal = reviewRefusal({ status: cycle.status, approvedAt: overview.cycle.approvedAt, openSendBacks: pending });
  return (
    <div className="space-y-4">
      <nav className="text-sm" aria-label="位置"><Link href="/review" className={ui.link}>结果审批</Link> › {cycle.name}</nav>
      <div className="flex flex-wrap items-center gap-3"><h1 className="text-2xl font-semibold">{cycle.name}</h1><CycleStatusBadge status={cycle.status} /></div>
      {done ? <p role="status" className={ui.alertOk}>{done === "approved" ? "已批准评价结果，信用办将归档并生成汇编。" : "已退回所选单位，信用办处理后会通知您再次审批。"}</p> : null}
      <section aria-labelledby="results-title" className={`${ui.card} space-y-3`}>
        <h2 id="results-title" className="font-semibold">评价结果概况</h2>
        <div className="grid gap-3 md:grid-cols-2">
          {stats.map(({ scheme, stats: s }) => (
            <div key={scheme.schemeVersionId} className="rounded-md bg-slate-50 p-3 text-sm">
              <p className="font-medium">{scheme.name}（{s.count.toLocaleString("zh-CN")}个单位）</p>
              <p className="text-slate-700">平均分{s.average?.toFixed(2) ?? "—"}，最高{s.max?.toFixed(2) ?? "—"}，最低{s.min?.toFixed(2) ?? "—"}</p>
              <p className="text-slate-700">{s.grades.map((g) => `${g.grade}${g.count}个`).join("，")}</p>
            </div>
          ))}
        </div>
        <p className="text-sm"><Link href={`/cycles/${cycleId}/results`} className={ui.link}>查看完整排名和各单位评价报告</Link></p>
      </section>
      {cycle.status === "archived" && overview.volumes[0] ? (
        <section aria-labelledby="volume-title" className={`${ui.card} space-y-2`}>
          <h2 id="volume-title" className="font-semibold">年度汇编</h2>
          <a href={`/cycles/${cycleId}/archive/volume/${overview.volumes[0].id}`} className={ui.link} download>下载汇编（Word，{overview.volumes[0].units.toLocaleString("zh-CN")}个单位）</a>
        </section>
      ) : null}
      <section aria-labelledby="decide-title" className={`${ui.card} space-y-3`}>
        <h2 id="decide-title" className="font-semibold">审批</h2>
        {refusal ? <p className="text-sm text-slate-700" data-testid="review-state">{refusal}</p> : <ReviewDecisionForm cycleId={cycleId} action={decideApprovalAction} />}
      </section>
      <section aria-labelledby="rounds-title" className={`${ui.card} space-y-3`}>
        <h2 id="rounds-title" className="font-semibold">审批记录</h2>
        {rounds.length === 0 ? <p className="text-sm text-slate-600">尚无审批记录。</p> : (
          <ol className="space-y-2 text-sm">
            {rounds.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-200 p-3">
                <p className="font-medium">第{r.round}轮：{r.decision === "approved" ? "批准" : `退回${r.units.length}个单位`}<span className="ml-2 font-normal text-slate-600">{r.decidedByName}，{formatDateTimeCn(r.decidedAt)}</span></p>
                <p>审批意见：{r.comment}</p>
                {r.units.map((u) => <p key={u.id} className="text-slate-700">· {u.unitName}：{u.comment}{u.resolvedAt ? `（信用办：${u.resolution === "rescored" ? `重新评分${u.total ? `为${u.total}分` : ""}` : "维持原结果"}，${u.resolutionNote}）` : "（待信用办处理）"}</p>)}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
