import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { RunProgress } from "@/components/results/run-progress";
import { RunsTable } from "@/components/results/runs-table";
import { StartScoringForm } from "@/components/results/start-scoring-form";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { withQuery } from "@/lib/list-query";
import { latestSucceededRuns, listRuns, runningRun, scoringCycle, scoringSummary } from "@/lib/results/data";
import { RUN_PHASE_LABELS, RUN_STATES } from "@/lib/results/run";
import { RUN_PAGE_SIZE, runListSchema } from "@/lib/results/schema";
import { startScoringAction } from "./actions";

export const metadata: Metadata = { title: "评分" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ScoringPage({ params, searchParams }: Props) {
  await requirePermission("run:scoring:any", "cycles.scoring");
  const cycle = await scoringCycle((await params).id);
  if (!cycle) notFound();
  const query = runListSchema.parse(await searchParams);
  const [summary, running, runs, latest] = await Promise.all([scoringSummary(cycle.id), runningRun(cycle.id), listRuns(cycle.id, query.page, RUN_PAGE_SIZE), latestSucceededRuns(cycle.id, 2)]);
  const base = `/cycles/${cycle.id}/scoring`;
  const open = summary.units - summary.issued;
  const lastRun = runs.rows[0] && query.page === 1 ? runs.rows[0] : null;
  const current = latest[0] ?? null;
  const disabled = !(RUN_STATES as readonly string[]).includes(cycle.status)
    ? "本周期已过评分阶段，不能再评分。"
    : open === 0 ? "所有单位的初评结果都已送达，没有需要评分的单位。" : null;
  const figures: [string, number, string][] = [
    ["受评单位", summary.units, "text-slate-900"],
    ["已评分", summary.scored, "text-green-800"],
    ["尚未评分", summary.units - summary.scored, summary.units - summary.scored > 0 ? "text-amber-800" : "text-slate-900"],
    ["初评已送达", summary.issued, "text-slate-900"],
  ];
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="scoring" />
      <section aria-labelledby="summary-title" className={`${ui.card} space-y-3`}>
        <h2 id="summary-title" className="font-semibold">评分情况</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="scoring-summary">
          {figures.map(([label, value, tone]) => (
            <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className={`text-2xl font-semibold tabular-nums ${tone}`}>{value.toLocaleString("zh-CN")}</dd>
            </div>
          ))}
        </dl>
        {current ? (
          <p className="text-sm text-slate-700">
            当前结果来自第{current.number}次评分（{current.finishedAt ? formatDateTimeCn(current.finishedAt) : ""}完成）。<Link href={`/cycles/${cycle.id}/results`} className={ui.link}>查看评分结果</Link>
          </p>
        ) : null}
        {lastRun?.status === "failed" ? (
          <p role="status" className={ui.alertError} data-testid="last-run-failed">
            第{lastRun.number}次评分未完成，未保存任何结果：{lastRun.error ?? `发现${lastRun.problemCount}个问题`}。
            <Link href={`${base}/runs/${lastRun.id}`} className="ml-1 underline">查看问题并更正</Link>
          </p>
        ) : null}
      </section>
      {running ? (
        <RunProgress
          key={running.id}
          cycleId={cycle.id}
          initial={{ id: running.id, number: running.number, status: running.status, phaseLabel: RUN_PHASE_LABELS[running.phase] ?? running.phase, done: running.done, total: running.total, stale: running.stale }}
        />
      ) : (
        <section aria-labelledby="start-title" className={`${ui.card} space-y-3`}>
          <h2 id="start-title" className="font-semibold">开始评分</h2>
          <p className="text-sm text-slate-600">
            按本周期的指标体系对所报送的数据评分。每次评分都会保留；全部单位的结果一次性保存，成功后成为当前结果；只要有一个单位缺少数据或数据无效，就不保存任何结果，并列出全部问题。初评结果已送达的单位不再重新评分。
          </p>
          <StartScoringForm cycleId={cycle.id} action={startScoringAction} disabled={disabled} openUnits={open} />
        </section>
      )}
      <section aria-labelledby="runs-title" className="space-y-2">
        <h2 id="runs-title" className="font-semibold">评分记录</h2>
        {runs.total === 0 ? (
          <p className={`${ui.card} text-sm text-slate-600`} data-testid="no-runs">还没有评分记录。确认数据已报齐后，在上方选择评分范围并点“开始评分”。</p>
        ) : (
          <>
            <RunsTable cycleId={cycle.id} rows={runs.rows} compare={{ a: latest[1]?.id ?? null, b: latest[0]?.id ?? null }} canCompare={latest.length >= 2} />
            <Pagination page={query.page} pageSize={RUN_PAGE_SIZE} total={runs.total} hrefFor={(page) => `${base}${withQuery(query, { page })}`} />
          </>
        )}
      </section>
    </div>
  );
}
