"use client";

import { ProgressBar, usePolledProgress } from "@/components/ui/progress";
import type { RunProgressBody } from "@/lib/results/schema";

export type RunProgressState = NonNullable<RunProgressBody["run"]>;

/** The live progress of a running run, followed until it ends (then the page shows its outcome). */
export function RunProgress({ cycleId, initial }: { cycleId: string; initial: RunProgressState }) {
  const { state: run, offline } = usePolledProgress(`/cycles/${cycleId}/scoring/progress?run=${encodeURIComponent(initial.id)}`, initial, (body) => (body as RunProgressBody).run);
  return (
    <section aria-labelledby="run-progress-title" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-brand-100" data-testid="run-progress">
      <h2 id="run-progress-title" className="font-semibold">第{run.number}次评分正在进行</h2>
      <p className="mt-1 text-sm text-slate-600">评分在服务器上进行，可以离开本页，回来时仍显示进度。全部单位的结果在最后一次性保存；中途出错则不保存任何结果。</p>
      <ProgressBar label="评分进度" phase={run.phaseLabel} done={run.done} total={run.total} />
      {run.stale ? <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">超过3分钟没有收到评分进程的消息，进程可能已中断。再次开始评分时，本次评分会被标记为中断（不会保存任何结果）。</p> : null}
      {offline ? <p className="mt-2 text-sm text-amber-800">暂时无法获取进度，正在重试…</p> : null}
    </section>
  );
}
