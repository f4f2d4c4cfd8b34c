"use client";

import { useActionState, useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useSubmitKeepingValues } from "@/components/ui/use-keep-values";
import { RECTIFICATION_STATUS_LABELS, RECTIFICATION_STATUSES, type RectificationStatus } from "@/lib/dossiers/rectification";
import { MEASURES_MAX } from "@/lib/dossiers/schema";
import type { DossierFormAction } from "./form-action";

type Item = { id: string; version: number; status: RectificationStatus; measures: string; dueOn: string | null; doneOn: string | null };

/** The unit reports its rectification of one problem: status, measures taken, dates (open at once when something is asked of it). */
export function RectifyForm({ action, item, open }: { action: DossierFormAction; item: Item; open: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  // Open as first shown: after a report the item turns pending, and its answer must stay in view.
  const [initiallyOpen] = useState(open);
  const onSubmit = useSubmitKeepingValues(formAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const f = (name: string) => `rect-${item.id}-${name}`;
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${f(name)}-error` } : {});
  return (
    <details open={initiallyOpen} className="mt-3 rounded-md bg-slate-50 p-3">
      <summary className="cursor-pointer text-sm font-semibold text-brand-800">{item.status === "open" ? "报送整改情况" : "更新整改情况"}</summary>
      <form onSubmit={onSubmit} className="mt-3 space-y-3" data-testid={`rectify-${item.id}`}>
        <input type="hidden" name="id" value={item.id} />
        <input type="hidden" name="version" value={item.version} />
        <div className="grid gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor={f("status")} className={ui.label}>整改状态</label>
            <select id={f("status")} name="status" defaultValue={item.status} className={ui.input} {...described("status")}>
              {RECTIFICATION_STATUSES.map((s) => <option key={s} value={s}>{RECTIFICATION_STATUS_LABELS[s]}</option>)}
            </select>
            <FieldError id={`${f("status")}-error`} messages={errors.status} />
          </div>
          <div>
            <label htmlFor={f("dueOn")} className={ui.label}>计划完成日期</label>
            <input id={f("dueOn")} name="dueOn" type="date" defaultValue={item.dueOn ?? ""} className={ui.input} {...described("dueOn")} />
            <FieldError id={`${f("dueOn")}-error`} messages={errors.dueOn} />
          </div>
          <div>
            <label htmlFor={f("doneOn")} className={ui.label}>实际完成日期（已完成时必填）</label>
            <input id={f("doneOn")} name="doneOn" type="date" defaultValue={item.doneOn ?? ""} className={ui.input} {...described("doneOn")} />
            <FieldError id={`${f("doneOn")}-error`} messages={errors.doneOn} />
          </div>
        </div>
        <div>
          <label htmlFor={f("measures")} className={ui.label}>整改措施（整改中或已完成时必填，{MEASURES_MAX}字以内）</label>
          <textarea id={f("measures")} name="measures" rows={3} maxLength={MEASURES_MAX} defaultValue={item.measures} className={ui.input} {...described("measures")} />
          <FieldError id={`${f("measures")}-error`} messages={errors.measures} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={ui.btnPrimary} disabled={pending}>{pending ? "正在报送…" : "报送整改情况"}</button>
          <span className="text-xs text-slate-600">报送后由信用办审核。</span>
        </div>
        {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
        {state?.ok ? <p role="status" className={ui.alertOk}>{state.data.message}</p> : null}
      </form>
    </details>
  );
}
