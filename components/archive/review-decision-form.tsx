"use client";

import { useEffect, useId, useState } from "react";
import { ui } from "@/components/ui/styles";
import { useFormAction, type FormAction } from "@/components/users/use-form-action";
import type { PickUnitsBody } from "@/lib/results/schema";

type Chosen = { id: string; name: string; total: string | null };

/**
 * The reviewer's decision: approve, or send chosen units back with a reason each. Units are found
 * by a server-side search (a province has tens of thousands), never listed all at once.
 */
export function ReviewDecisionForm({ cycleId, action }: { cycleId: string; action: FormAction<{ message: string }> }) {
  const id = useId();
  const { state, pending, onSubmit, errors } = useFormAction(action);
  const [decision, setDecision] = useState<"approved" | "sent_back">("approved");
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [q, setQ] = useState("");
  const [found, setFound] = useState<PickUnitsBody | null>(null);
  useEffect(() => {
    if (decision !== "sent_back") return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/review/${cycleId}/units?${new URLSearchParams({ q, page: "1" })}`, { cache: "no-store", signal: controller.signal });
        if (response.ok) setFound((await response.json()) as PickUnitsBody);
      } catch {
        /* the search is retried on the next keystroke */
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [cycleId, q, decision]);
  const picked = new Set(chosen.map((c) => c.id));
  const fieldError = (key: string) => errors[key]?.join("；");
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="review-decision">
      <input type="hidden" name="cycleId" value={cycleId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">审批决定</legend>
        <label className="flex items-center gap-2 text-sm"><input type="radio" name="decision" value="approved" checked={decision === "approved"} onChange={() => setDecision("approved")} />批准评价结果</label>
        <label className="flex items-center gap-2 text-sm"><input type="radio" name="decision" value="sent_back" checked={decision === "sent_back"} onChange={() => setDecision("sent_back")} />退回部分单位，要求信用办修改</label>
      </fieldset>
      <div>
        <label htmlFor={`${id}-comment`} className="text-sm font-medium">审批意见</label>
        <textarea id={`${id}-comment`} name="comment" rows={3} className={`${ui.input} w-full`} aria-describedby={fieldError("comment") ? `${id}-comment-error` : undefined} aria-invalid={!!fieldError("comment")} />
        {fieldError("comment") ? <p id={`${id}-comment-error`} className="text-sm text-red-700">{fieldError("comment")}</p> : null}
      </div>
      {decision === "sent_back" ? (
        <div className="space-y-3 rounded-md border border-slate-200 p-3">
          <label htmlFor={`${id}-q`} className="text-sm">
            查找要退回的单位
            <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="单位名称或信用代码" className={`${ui.input} ml-2 w-64`} />
          </label>
          <ul className="max-h-56 divide-y divide-slate-100 overflow-auto text-sm" aria-label="查找结果">
            {(found?.rows ?? []).map((row) => (
              <li key={row.id} className="flex items-center justify-between gap-2 py-1">
                <span>{row.name}<span className="ml-2 text-slate-500">{row.total ?? "—"}分</span></span>
                <button type="button" className={ui.btnSecondary} disabled={picked.has(row.id)} onClick={() => setChosen([...chosen, { id: row.id, name: row.name, total: row.total }])} aria-label={`退回${row.name}`}>
                  {picked.has(row.id) ? "已选" : "选择"}
                </button>
              </li>
            ))}
          </ul>
          {fieldError("units") ? <p className="text-sm text-red-700" role="alert">{fieldError("units")}</p> : null}
          {chosen.length > 0 ? (
            <ol className="space-y-2" aria-label="退回的单位">
              {chosen.map((unit, i) => (
                <li key={unit.id} className="rounded-md bg-slate-50 p-2">
                  <input type="hidden" name="unitId" value={unit.id} />
                  <div className="flex items-center justify-between text-sm">
                    <span className="font-medium">{unit.name}</span>
                    <button type="button" className="text-brand-700 underline" onClick={() => setChosen(chosen.filter((c) => c.id !== unit.id))}>移除</button>
                  </div>
                  <label className="mt-1 block text-sm">
                    退回理由
                    <textarea name="unitComment" rows={2} className={`${ui.input} w-full`} aria-label={`${unit.name}的退回理由`} aria-invalid={!!fieldError(`units.${i}.comment`)} />
                  </label>
                  {fieldError(`units.${i}.comment`) ? <p className="text-sm text-red-700">{fieldError(`units.${i}.comment`)}</p> : null}
                </li>
              ))}
            </ol>
          ) : <p className="text-sm text-slate-600">尚未选择单位。</p>}
        </div>
      ) : null}
      <button type="submit" disabled={pending} className={decision === "approved" ? ui.btnPrimary : ui.btnDanger}>
        {pending ? "正在提交…" : decision === "approved" ? "批准" : `退回${chosen.length}个单位`}
      </button>
      {state && !state.ok ? <div role="alert" className={ui.alertError}>{state.error}</div> : null}
    </form>
  );
}
