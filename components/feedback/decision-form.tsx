"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useSubmitKeepingValues } from "@/components/ui/use-keep-values";
import type { ActionResult } from "@/lib/actions/safe-action";

type Action = (prev: ActionResult<{ message: string }> | null, formData: FormData) => Promise<ActionResult<{ message: string }>>;

/** Upheld or rejected, with the reason, for one disputed indicator. */
export function DecisionForm({ action, cycleId, requestId, indicatorCode, correctHref }: { action: Action; cycleId: string; requestId: string; indicatorCode: string; correctHref: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const reasonId = `decision-reason-${indicatorCode}`;
  return (
    <form onSubmit={onSubmit} className="space-y-2" data-testid={`decide-${indicatorCode}`}>
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="indicatorCode" value={indicatorCode} />
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">决定</legend>
        <label className="flex items-center gap-2"><input type="radio" name="decision" value="upheld" />采纳（已在“更正数据”中按申请更正）</label>
        <label className="flex items-center gap-2"><input type="radio" name="decision" value="rejected" />不予采纳</label>
      </fieldset>
      <FieldError id={`decision-${indicatorCode}-error`} messages={errors.decision} />
      <div>
        <label htmlFor={reasonId} className={ui.label}>决定理由</label>
        <textarea id={reasonId} name="reason" rows={2} className={ui.input} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? `${reasonId}-error` : undefined} />
        <FieldError id={`${reasonId}-error`} messages={errors.reason} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={ui.btnPrimary} disabled={pending}>{pending ? "正在保存…" : "记录决定"}</button>
        <a href={correctHref} className={ui.link}>更正该指标的数据</a>
      </div>
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      {state?.ok ? <p role="status" className={ui.alertOk}>{state.data.message}</p> : null}
    </form>
  );
}
