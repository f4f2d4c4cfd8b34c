import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { RunStatusBadge, runScope } from "@/components/results/labels";
import { ProblemTable } from "@/components/results/problem-table";
import { RunProgress } from "@/components/results/run-progress";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { withQuery } from "@/lib/list-query";
import { previousSucceededRun, runOf, runProblems, scoringCycle } from "@/lib/results/data";
import { RUN_PROBLEM_KIND_LABELS } from "@/lib/results/plan";
import { PROBLEMS_KEPT, RUN_PHASE_LABELS } from "@/lib/results/run";
import { PROBLEM_KINDS, PROBLEM_PAGE_SIZE, problemListSchema } from "@/lib/results/schema";

export const metadata: Metadata = { title: "评分详情" };

type Props = { params: Promise<{ id: string; runId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RunPage({ params, searchParams }: Props) {
  await requirePermission("run:scoring:any", "cycles.scoring");
  const { id, runId } = await params;
  const cycle = await scoringCycle(id);
  const run = cycle ? await runOf(cycle.id, runId) : null;
  if (!cycle || !run) notFound();
  const query = problemListSchema.parse(await searchParams);
  const base = `/cycles/${cycle.id}/scoring/runs/${run.id}`;
  const problems = run.status === "failed" ? await runProblems(cycle.id, run.id, query, query.page, PROBLEM_PAGE_SIZE) : null;
  const previous = run.status === "succeeded" ? await previousSucceededRun(cycle.id, run.number) : null;
  const facts: [string, string][] = [
    ["范围", runScope(run)],
    ["开始人", run.startedByName ?? "系统"],
    ["开始时间", formatDateTimeCn(run.startedAt)],
    ["完成时间", run.finishedAt ? formatDateTimeCn(run.finishedAt) : "—"],
  ];
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="scoring" />
      <p className="text-sm"><Link href={`/cycles/${cycle.id}/scoring`} className={ui.link}>← 返回评分</Link></p>
      <section aria-labelledby="run-title" className={`${ui.card} space-y-3`}>
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="run-title" className="text-lg font-semibold">第{run.number}次评分</h2>
          <RunStatusBadge status={run.status} stale={run.stale} />
          {run.current ? <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">当前结果</span> : null}
        </div>
        <dl className="grid grid-cols-[6rem_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[6rem_1fr_6rem_1fr]">
          {facts.map(([term, value]) => <div key={term} className="contents"><dt className="text-slate-600">{term}</dt><dd>{value}</dd></div>)}
        </dl>
        {run.status === "succeeded" ? (
          <p className={ui.alertOk}>
            本次评分保存了{run.unitCount.toLocaleString("zh-CN")}个单位的结果。
            <Link href={`/cycles/${cycle.id}/results`} className="ml-1 underline">查看评分结果</Link>
            {previous ? <Link href={`/cycles/${cycle.id}/scoring/compare?a=${previous.id}&b=${run.id}`} className="ml-3 underline">与第{previous.number}次比较</Link> : null}
          </p>
        ) : null}
        {run.status === "failed" ? (
          <p className={ui.alertError} data-testid="run-failure">
            本次评分未保存任何结果。{run.error ?? `发现${run.problemCount.toLocaleString("zh-CN")}个问题，请更正后重新评分。`}
            {run.problemCount > PROBLEMS_KEPT ? `（下表列出前${PROBLEMS_KEPT}个）` : ""}
          </p>
        ) : null}
      </section>
      {run.status === "running" ? (
        <RunProgress cycleId={cycle.id} initial={{ id: run.id, number: run.number, status: run.status, phaseLabel: RUN_PHASE_LABELS[run.phase] ?? run.phase, done: run.done, total: run.total, stale: run.stale }} />
      ) : null}
      {problems && problems.counts.missing + problems.counts.invalid + problems.counts.setup > 0 ? (
        <section aria-labelledby="problems-title" className="space-y-3">
          <h2 id="problems-title" className="font-semibold">问题清单</h2>
          <p className="text-sm text-slate-600">
            {PROBLEM_KINDS.filter((k) => problems.counts[k] > 0).map((k) => `${RUN_PROBLEM_KIND_LABELS[k]}${problems.counts[k]}个`).join("，")}。缺少数据的请催办对应信源单位或由信用办更正；数据无效的请更正该项数据。更正后重新评分。
          </p>
          <form role="search" action={base} className={`${ui.card} flex flex-wrap items-end gap-3 py-3`}>
            <label className="text-sm">单位或指标<input name="q" defaultValue={query.q} className={`${ui.input} w-56`} /></label>
            <label className="text-sm">
              问题类型
              <select name="kind" defaultValue={query.kind ?? ""} className={ui.input}>
                <option value="">全部</option>
                {PROBLEM_KINDS.map((k) => <option key={k} value={k}>{RUN_PROBLEM_KIND_LABELS[k]}（{problems.counts[k]}）</option>)}
              </select>
            </label>
            <button type="submit" className={ui.btnSecondary}>查询</button>
            <Link href={base} className={ui.link}>清除</Link>
            <a href={`${base}/export${withQuery(query, { page: 1 })}`} className={`${ui.btnSecondary} ml-auto`}>导出 Excel</a>
          </form>
          <ProblemTable cycleId={cycle.id} runId={run.id} rows={problems.rows} />
          <Pagination page={query.page} pageSize={PROBLEM_PAGE_SIZE} total={problems.total} hrefFor={(page) => `${base}${withQuery(query, { page })}`} />
        </section>
      ) : null}
    </div>
  );
}
