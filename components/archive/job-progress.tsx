"use client";

import { ProgressBar, usePolledProgress } from "@/components/ui/progress";
import type { JobProgressBody } from "@/lib/archive/progress";

/** A running archive or volume job, followed until it ends. */
export function JobProgress({ cycleId, initial }: { cycleId: string; initial: JobProgressBody }) {
  const { state: job, offline } = usePolledProgress(`/cycles/${cycleId}/archive/progress?job=${encodeURIComponent(initial.id)}`, initial);
  return (
    <section aria-labelledby="job-progress-title" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-brand-100" data-testid="job-progress">
      <h2 id="job-progress-title" className="font-semibold">{job.kindLabel}正在进行</h2>
      <p className="mt-1 text-sm text-slate-600">
        在服务器上进行，可以离开本页，回来时仍显示进度。
        {job.kind === "archive" ? "最终报告全部存入档案后才冻结周期；中途出错则不保存任何内容。" : "汇编写完后才保存；中途出错不影响已归档的档案，可重新生成。"}
      </p>
      <ProgressBar label={`${job.kindLabel}进度`} phase={job.phaseLabel} done={job.done} total={job.total} />
      {job.stale ? <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">超过3分钟没有收到进度，处理进程可能已中断；刷新页面后可以重新开始。</p> : null}
      {offline ? <p className="mt-2 text-sm text-amber-800">暂时无法获取进度，正在重试…</p> : null}
    </section>
  );
}
