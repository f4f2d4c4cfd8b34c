"use client";

import { useId, useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { HiddenInputs, NoteInput, type NoteField } from "./note-field";
import type { CellRefProps } from "./record-form";
import { ResultMessage, useCollectForm, type CollectAction } from "./use-collect-form";

const hiddenInputs = (cell: CellRefProps, version: number, extra?: Record<string, string>) => (
  <>
    {Object.entries(cell).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
    <HiddenInputs fields={extra} />
    <input type="hidden" name="expectedVersion" value={version} />
  </>
);

/** Extra hidden inputs and a required note (更正原因) for the office's corrections. */
type Extra = { hidden?: Record<string, string>; note?: NoteField };

/** "无" for one unit (records slots only); with a note it first asks for it. */
export function NoneButton({ cell, version, action, label = "无", hidden, note }: { cell: CellRefProps; version: number; action: CollectAction; label?: string } & Extra) {
  if (note) return <NoneWithNote cell={cell} version={version} action={action} label={label} hidden={hidden} note={note} />;
  return <PlainNoneButton cell={cell} version={version} action={action} label={label} />;
}

function PlainNoneButton({ cell, version, action, label }: { cell: CellRefProps; version: number; action: CollectAction; label: string }) {
  const { state, pending, onSubmit } = useCollectForm(action);
  return (
    <form onSubmit={onSubmit} className="inline-flex items-center gap-2">
      {hiddenInputs(cell, version)}
      <button type="submit" disabled={pending} className={ui.btnSecondary}>{label}</button>
      {state && !state.ok ? <ResultMessage state={state} /> : null}
    </form>
  );
}

function NoneWithNote({ cell, version, action, label, hidden, note }: { cell: CellRefProps; version: number; action: CollectAction; label: string; hidden?: Record<string, string>; note: NoteField }) {
  const [open, setOpen] = useState(false);
  const { state, pending, onSubmit, errors } = useCollectForm(action);
  const id = useId();
  if (!open) return <button type="button" className={ui.btnSecondary} onClick={() => setOpen(true)}>{label}</button>;
  return (
    <form onSubmit={onSubmit} className="w-full space-y-2" aria-label={label}>
      {hiddenInputs(cell, version, hidden)}
      <NoteInput field={note} id={`${id}-note`} errors={errors} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={ui.btnPrimary}>确认</button>
        <button type="button" className={ui.btnSecondary} onClick={() => setOpen(false)}>取消</button>
      </div>
      <ResultMessage state={state} />
    </form>
  );
}

/** 不涉及 with its reason (and, for a correction, the note). */
export function NotApplicableForm({ cell, version, action, hidden, note }: { cell: CellRefProps; version: number; action: CollectAction } & Extra) {
  const [open, setOpen] = useState(false);
  const { state, pending, onSubmit, errors } = useCollectForm(action);
  const id = useId();
  if (!open) return <button type="button" className={ui.btnSecondary} onClick={() => setOpen(true)}>标记为不涉及</button>;
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="标记为不涉及">
      {hiddenInputs(cell, version, hidden)}
      <label className="text-sm">
        不涉及的理由
        <input name="reason" required minLength={2} maxLength={200} className={`${ui.input} w-72`} {...(errors.reason ? { "aria-invalid": true, "aria-describedby": `${id}-reason-error` } : {})} />
        <FieldError id={`${id}-reason-error`} messages={errors.reason} />
      </label>
      {note ? <div className="w-full"><NoteInput field={note} id={`${id}-note`} errors={errors} /></div> : null}
      <button type="submit" disabled={pending} className={ui.btnPrimary}>确认不涉及</button>
      <button type="button" className={ui.btnSecondary} onClick={() => setOpen(false)}>取消</button>
      <ResultMessage state={state} />
    </form>
  );
}

/** "全部无记录的单位标记为无", after a confirmation that says what it does. */
export function NoneForAllForm({ cycleId, indicatorCode, subKey, missing, action }: { cycleId: string; indicatorCode: string; subKey: string; missing: number; action: CollectAction }) {
  const [open, setOpen] = useState(false);
  const { state, pending, onSubmit } = useCollectForm(action, () => setOpen(false));
  return (
    <div className="space-y-2">
      {!open ? (
        <button type="button" className={ui.btnSecondary} onClick={() => setOpen(true)} disabled={missing === 0}>
          全部无记录的单位标记为无
        </button>
      ) : (
        <form onSubmit={onSubmit} className="space-y-2 rounded-md bg-amber-50 p-3 text-sm" aria-label="确认批量标记为无">
          <input type="hidden" name="cycleId" value={cycleId} />
          <input type="hidden" name="indicatorCode" value={indicatorCode} />
          <input type="hidden" name="subKey" value={subKey} />
          <p>将把本指标下尚无记录、也未填报的 {missing} 个单位全部标记为“无”（评价年度内未发生）。已有记录或已填报的单位不受影响。</p>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={ui.btnPrimary}>确认标记</button>
            <button type="button" className={ui.btnSecondary} onClick={() => setOpen(false)}>取消</button>
          </div>
        </form>
      )}
      <ResultMessage state={state} />
    </div>
  );
}
