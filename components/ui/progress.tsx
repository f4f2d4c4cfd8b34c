"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * Follows a long operation by polling its progress from the server every second (the progress is
 * kept in the database, so leaving the page and coming back shows where it is); when it is no
 * longer running the page is refreshed to show the outcome.
 */
export function usePolledProgress<T extends { status: string }>(url: string, initial: T, pick: (body: unknown) => T | null = (body) => body as T | null): { state: T; offline: boolean } {
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const body = pick(await response.json());
        if (stopped || !body) return;
        setOffline(false);
        setState(body);
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
    // `pick` is a pure reader of the body; a new function each render must not restart the polling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, router]);
  return { state, offline };
}

/** A labelled progress bar with its figures in words, announced politely to screen readers. */
export function ProgressBar({ label, phase, done, total }: { label: string; phase: string; done: number; total: number }) {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  const text = total > 0 ? `${phase}：${done.toLocaleString("zh-CN")} / ${total.toLocaleString("zh-CN")}` : phase;
  return (
    <>
      <div className="mt-3 flex items-center gap-3">
        <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={Math.max(total, 1)} aria-valuenow={total > 0 ? done : 0} aria-valuetext={text} className="h-3 flex-1 overflow-hidden rounded-full bg-slate-200">
          <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <span className="w-12 text-right text-sm tabular-nums">{percent}%</span>
      </div>
      <p className="mt-2 text-sm" aria-live="polite">{text}</p>
    </>
  );
}
