"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { JobProgressBody } from "@/lib/archive/progress";

/**
 * A running archive or volume job, polled every second from the database (so leaving the page and
 * coming back shows where it is); when the job ends the page is refreshed to show its outcome.
 */
export function JobProgress({ cycleId, initial }: { cycleId: string; initial: JobProgressBody }) {
  const router = useRouter();
  const [job, setJob] = useState(initial);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/cycles/${cycleId}/archive/progress?job=${encodeURIComponent(initial.id)}`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as JobProgressBody;
        if (stopped) return;
        setOffline(false);
        setJob(body);
        if (body.status !== "running") {
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        if (!stopped) setOffline(true);
      }
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [cycleId, initial.id, router]);
  const percent = job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  const text = job.total > 0 ? `${job.phaseLabel}：${job.done.toLocaleString("zh-CN")} / ${job.total.toLocaleString("zh-CN")}` : job.phaseLabel;
  return (
    <section aria-labelledby="job-progress-title" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-brand-100" data-testid="job-progress">
      <h2 id="job-progress-title" className="font-semibold">{job.kindLabel}正在进行</h2>
      <p className="mt-1 text-sm text-slate-600">在服务器上进行，可以离开本页，回来时仍显示进度。最终报告全部存入档案后才冻结周期；中途出错则不保存任何内容。</p>
      <div className="mt-3 flex items-center gap-3">
        <div role="progressbar" aria-label={`${job.kindLabel}进度`} aria-valuemin={0} aria-valuemax={Math.max(job.total, 1)} aria-valuenow={job.total > 0 ? job.done : 0} aria-valuetext={text} className="h-3 flex-1 overflow-hidden rounded-full bg-slate-200">
          <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <span className="w-12 text-right text-sm tabular-nums">{percent}%</span>
      </div>
      <p className="mt-2 text-sm" aria-live="polite">{text}</p>
      {job.stale ? <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">超过3分钟没有收到进度，处理进程可能已中断；刷新页面后可以重新开始。</p> : null}
      {offline ? <p className="mt-2 text-sm text-amber-800">暂时无法获取进度，正在重试…</p> : null}
    </section>
  );
}
