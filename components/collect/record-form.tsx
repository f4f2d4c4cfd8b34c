"use client";

import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { EvidenceUploader } from "./evidence-uploader";
import { HiddenInputs, NoteInput, type NoteField } from "./note-field";
import { ResultMessage, useCollectForm, type CollectAction } from "./use-collect-form";

export type CellRefProps = { cycleId: string; unitId: string; indicatorCode: string; subKey: string };

type Props = {
  cell: CellRefProps;
  items: { key: string; label: string }[];
  itemKind: string;
  minDate: string;
  maxDate: string;
  /** null: no evidence upload (the office's corrections). */
  maxBytes: number | null;
  action: CollectAction;
  /** Extra hidden inputs, a required note (更正原因), a prefix keeping ids unique when several forms share a page. */
  hidden?: Record<string, string>;
  note?: NoteField;
  idPrefix?: string;
};

/** Adds one record: date, what happened, reference number, item, evidence. Cleared after success. */
export function RecordForm(props: Props) {
  const [round, setRound] = useState(0);
  return <RecordRound key={round} {...props} onDone={() => setRound((r) => r + 1)} />;
}

function RecordRound({ cell, items, itemKind, minDate, maxDate, maxBytes, action, hidden, note, idPrefix = "", onDone }: Props & { onDone: () => void }) {
  const { state, pending, onSubmit, errors } = useCollectForm(action);
  const id = (name: string) => `${idPrefix}${name}`;
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${id(name)}-error` } : {});
  if (state?.ok) {
    return (
      <div className="space-y-2">
        <ResultMessage state={state} />
        <button type="button" className={ui.btnSecondary} onClick={onDone}>继续添加记录</button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="添加记录">
      {Object.entries(cell).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <HiddenInputs fields={hidden} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={id("occurredOn")} className={ui.label}>发生日期</label>
          <input id={id("occurredOn")} name="occurredOn" type="date" min={minDate} max={maxDate} required className={ui.input} {...described("occurredOn")} />
          <FieldError id={`${id("occurredOn")}-error`} messages={errors.occurredOn} />
        </div>
        {items.length > 0 ? (
          <div>
            <label htmlFor={id("itemKey")} className={ui.label}>{itemKind}</label>
            <select id={id("itemKey")} name="itemKey" defaultValue={items.length === 1 ? items[0]?.key : ""} className={ui.input} {...described("itemKey")}>
              {items.length > 1 ? <option value="">请选择</option> : null}
              {items.map((i) => <option key={i.key} value={i.key}>{i.label}</option>)}
            </select>
            <FieldError id={`${id("itemKey")}-error`} messages={errors.itemKey} />
          </div>
        ) : null}
      </div>
      <div>
        <label htmlFor={id("description")} className={ui.label}>事项说明</label>
        <textarea id={id("description")} name="description" rows={2} maxLength={500} required className={ui.input} {...described("description")} />
        <FieldError id={`${id("description")}-error`} messages={errors.description} />
      </div>
      <div>
        <label htmlFor={id("referenceNo")} className={ui.label}>文号（可选）</label>
        <input id={id("referenceNo")} name="referenceNo" maxLength={100} placeholder="如 鹤司考〔2026〕3号" className={ui.input} {...described("referenceNo")} />
        <FieldError id={`${id("referenceNo")}-error`} messages={errors.referenceNo} />
      </div>
      {maxBytes !== null ? (
        <>
          <EvidenceUploader cycleId={cell.cycleId} maxBytes={maxBytes} inputId={id("record-evidence")} />
          <FieldError id={`${id("evidenceIds")}-error`} messages={errors.evidenceIds} />
        </>
      ) : null}
      {note ? <NoteInput field={note} id={id(note.name)} errors={errors} /> : null}
      <ResultMessage state={state} />
      <button type="submit" disabled={pending} className={ui.btnPrimary}>添加记录</button>
    </form>
  );
}
