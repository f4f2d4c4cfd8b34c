"use client";

import { useEffect, useId, useState } from "react";
import { ui } from "@/components/ui/styles";
import type { PickUnitsBody } from "@/lib/results/schema";

export type ChosenUnit = { id: string; name: string };
type Row = PickUnitsBody["rows"][number];

/**
 * Choosing units among the cycle's (thousands of) units: a search answered by the server one page
 * at a time, with a checkbox per unit; the choice is kept across searches and pages.
 */
export function UnitChooser({ cycleId, chosen, onChange }: { cycleId: string; chosen: ChosenUnit[]; onChange: (units: ChosenUnit[]) => void }) {
  const id = useId();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [body, setBody] = useState<PickUnitsBody | null>(null);
  const [status, setStatus] = useState<"loading" | "idle" | "error">("loading");
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus("loading");
      try {
        const params = new URLSearchParams({ q, page: String(page) });
        const response = await fetch(`/cycles/${cycleId}/scoring/units?${params}`, { cache: "no-store", signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        setBody((await response.json()) as PickUnitsBody);
        setStatus("idle");
      } catch {
        if (!controller.signal.aborted) setStatus("error");
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [cycleId, q, page]);
  const picked = new Set(chosen.map((u) => u.id));
  const toggle = (row: Row, on: boolean) => onChange(on ? [...chosen, { id: row.id, name: row.name }] : chosen.filter((u) => u.id !== row.id));
  const pages = body ? Math.max(1, Math.ceil(body.total / body.pageSize)) : 1;
  const selectable = (body?.rows ?? []).filter((r) => !r.issued);
  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="unit-chooser">
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-q`} className="text-sm">
          搜索受评单位
          <input id={`${id}-q`} type="search" value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} placeholder="单位名称或信用代码" className={`${ui.input} w-64`} />
        </label>
        <button type="button" className={ui.btnSecondary} disabled={selectable.length === 0 || selectable.every((r) => picked.has(r.id))}
          onClick={() => onChange([...chosen, ...selectable.filter((r) => !picked.has(r.id)).map((r) => ({ id: r.id, name: r.name }))])}>
          选择本页全部
        </button>
      </div>
      <p className="sr-only" aria-live="polite">{status === "loading" ? "正在搜索" : body ? `找到${body.total}个单位` : ""}</p>
      {status === "error" ? <p className="text-sm text-red-700">搜索失败，请稍后重试。</p> : null}
      <ul className="divide-y divide-slate-100 text-sm" aria-label="搜索结果" aria-busy={status === "loading"}>
        {body && body.rows.length === 0 ? <li className="py-2 text-slate-500">没有匹配的受评单位。</li> : null}
        {body?.rows.map((row) => (
          <li key={row.id} className="flex items-center gap-2 py-1.5">
            <input id={`${id}-${row.id}`} type="checkbox" checked={picked.has(row.id)} disabled={row.issued} onChange={(e) => toggle(row, e.target.checked)} />
            <label htmlFor={`${id}-${row.id}`} className={`flex-1 ${row.issued ? "text-slate-400" : ""}`}>
              {row.name} <span className="text-xs text-slate-500">{row.kindLabel}</span>
            </label>
            <span className="text-xs text-slate-600 tabular-nums">{row.issued ? "已送达，不能重评" : row.total ? `当前得分 ${row.total}` : "尚未评分"}</span>
          </li>
        ))}
      </ul>
      <div className="flex items-center justify-between text-sm">
        <span className="text-slate-600">{body ? `共 ${body.total.toLocaleString("zh-CN")} 个单位，第 ${page} / ${pages} 页` : "正在加载…"}</span>
        <span className="flex gap-2">
          <button type="button" className={ui.btnSecondary} disabled={page <= 1} onClick={() => setPage(page - 1)}>上一页</button>
          <button type="button" className={ui.btnSecondary} disabled={page >= pages} onClick={() => setPage(page + 1)}>下一页</button>
        </span>
      </div>
      <div>
        <p className="text-sm font-medium">已选 {chosen.length} 个单位</p>
        {chosen.length > 0 ? (
          <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="已选单位">
            {chosen.map((u) => (
              <li key={u.id} className="flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-2.5 pr-1 text-xs">
                {u.name}
                <button type="button" className="rounded-full px-1.5 hover:bg-brand-100" aria-label={`移除${u.name}`} onClick={() => onChange(chosen.filter((c) => c.id !== u.id))}>×</button>
              </li>
            ))}
            <li><button type="button" className="text-xs text-brand-700 underline" onClick={() => onChange([])}>全部移除</button></li>
          </ul>
        ) : null}
      </div>
    </div>
  );
}
