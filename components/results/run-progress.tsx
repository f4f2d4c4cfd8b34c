"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { RunProgressBody } from "@/lib/results/schema";

export type RunProgressState = NonNullable<RunProgressBody["run"]>;

/**
 * The live progress of a running run, polled from the database every second (so it survives leaving
 * and coming back); when the run ends the page is refreshed to show its outcome.
 */
export function RunProgress({ cycleId, initial }: { cycleId: string; initial: RunProgressState }) {
  const router = useRouter();
  const [run, setRun] = useState(initial);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/cycles/${cycleId}/scoring/progress?run=${encodeURIComponent(initial.id)}`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as RunProgressBody;
        if (stopped || !body.run) return;
        setOffline(false);
        setRun(body.run);
        if (body.run.status !== "running") {
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
  const percent = run.total > 0 ? Math.floor((run.done / run.total) * 100) : 0;
  const text = run.total > 0 ? `${run.phaseLabel}：${run.done.toLocaleString("zh-CN")} / ${run.total.toLocaleString("zh-CN")}` : run.phaseLabel;
  return (
    <section aria-labelledby="run-progress-title" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-brand-100" data-testid="run-progress">
      <h2 id="run-progress-title" className="font-semibold">第{run.number}次评分正在进行</h2>
      <p className="mt-1 text-sm text-slate-600">评分在服务器上进行，可以离开本页，回来时仍显示进度。全部单位的结果在最后一次性保存；中途出错则不保存任何结果。</p>
      <div className="mt-3 flex items-center gap-3">
        <div
          role="progressbar"
          aria-label="评分进度"
          aria-valuemin={0}
          aria-valuemax={Math.max(run.total, 1)}
          aria-valuenow={run.total > 0 ? run.done : 0}
          aria-valuetext={text}
          className="h-3 flex-1 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <span className="w-12 text-right text-sm tabular-nums">{percent}%</span>
      </div>
      <p className="mt-2 text-sm" aria-live="polite">{text}</p>
      {run.stale ? <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">超过3分钟没有收到评分进程的消息，进程可能已中断。再次开始评分时，本次评分会被标记为中断（不会保存任何结果）。</p> : null}
      {offline ? <p className="mt-2 text-sm text-amber-800">暂时无法获取进度，正在重试…</p> : null}
    </section>
  );
}
