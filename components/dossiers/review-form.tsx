"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useSubmitKeepingValues } from "@/components/ui/use-keep-values";
import { COMMENT_MAX } from "@/lib/dossiers/schema";
import type { DossierFormAction } from "./form-action";

/** The office accepts the unit's report on one problem, or returns it with what is missing. */
export function ReviewForm({ action, item }: { action: DossierFormAction; item: { id: string; version: number } }) {
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const commentId = `review-${item.id}-comment`;
  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-2 rounded-md bg-sky-50 p-3" data-testid={`review-${item.id}`}>
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <fieldset className="flex flex-wrap gap-4 text-sm" aria-describedby={errors.decision ? `review-${item.id}-decision-error` : undefined}>
        <legend className="mb-1 font-medium text-slate-700">审核意见</legend>
        <label className="flex items-center gap-2"><input type="radio" name="decision" value="accepted" />认可</label>
        <label className="flex items-center gap-2"><input type="radio" name="decision" value="returned" />退回，请单位补充</label>
      </fieldset>
      <FieldError id={`review-${item.id}-decision-error`} messages={errors.decision} />
      <div>
        <label htmlFor={commentId} className={ui.label}>说明（退回时必填）</label>
        <textarea id={commentId} name="comment" rows={2} maxLength={COMMENT_MAX} className={ui.input} aria-invalid={errors.comment ? true : undefined} aria-describedby={errors.comment ? `${commentId}-error` : undefined} />
        <FieldError id={`${commentId}-error`} messages={errors.comment} />
      </div>
      <button type="submit" className={ui.btnPrimary} disabled={pending}>{pending ? "正在保存…" : "提交审核意见"}</button>
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      {state?.ok ? <p role="status" className={ui.alertOk}>{state.data.message}</p> : null}
    </form>
  );
}
