"use client";

import { useId, useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { HiddenInputs, NoteInput, type NoteField } from "./note-field";
import { ResultMessage, useCollectForm, type CollectAction } from "./use-collect-form";

/** Withdraws a record after asking for the reason; the record stays visible, struck through. */
export function WithdrawForm({ recordId, action, hidden, note }: { recordId: string; action: CollectAction; hidden?: Record<string, string>; note?: NoteField }) {
  const [open, setOpen] = useState(false);
  const { state, pending, onSubmit, errors } = useCollectForm(action);
  const id = useId();
  if (!open) {
    return <button type="button" className={ui.link} onClick={() => setOpen(true)}>撤回</button>;
  }
  return (
    <form onSubmit={onSubmit} className="mt-2 flex flex-wrap items-end gap-2" aria-label="撤回记录">
      <input type="hidden" name="recordId" value={recordId} />
      <HiddenInputs fields={hidden} />
      <label className="text-sm">
        撤回原因
        <input name="reason" required minLength={2} maxLength={200} className={`${ui.input} w-64`} {...(errors.reason ? { "aria-invalid": true, "aria-describedby": `${id}-reason-error` } : {})} />
        <FieldError id={`${id}-reason-error`} messages={errors.reason} />
      </label>
      {note ? <div className="w-full"><NoteInput field={note} id={`${id}-note`} errors={errors} /></div> : null}
      <button type="submit" disabled={pending} className={ui.btnDanger}>确认撤回</button>
      <button type="button" className={ui.btnSecondary} onClick={() => setOpen(false)}>取消</button>
      <ResultMessage state={state} />
    </form>
  );
}
