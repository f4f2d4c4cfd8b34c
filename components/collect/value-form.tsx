"use client";

import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import type { Rule } from "@/lib/scoring";
import { EvidenceUploader } from "./evidence-uploader";
import { HiddenInputs, NoteInput, type NoteField } from "./note-field";
import type { CellRefProps } from "./record-form";
import { ResultMessage, useCollectForm, type CollectAction } from "./use-collect-form";

type Props = {
  cell: CellRefProps;
  rule: Rule;
  max: number;
  value: unknown;
  version: number;
  /** null: no evidence upload (the office's corrections). */
  maxBytes: number | null;
  action: CollectAction;
  /** Extra hidden inputs, a required note (更正原因), a prefix keeping ids unique when several forms share a page. */
  hidden?: Record<string, string>;
  note?: NoteField;
  idPrefix?: string;
  submitLabel?: string;
};

const field = (value: unknown, key: string): unknown => (typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined);
const numberText = (n: unknown, scale = 1) => (typeof n === "number" ? String(Number((n * scale).toPrecision(12))) : "");

/** The single-value form of one rule kind: grade, yes/no, rate, number ("no cases" for rank), manual score. */
function Fields({ rule, max, value, invalid, errorId }: { rule: Rule; max: number; value: unknown; invalid: boolean; errorId: string }) {
  const aria = invalid ? { "aria-invalid": true, "aria-describedby": errorId } : {};
  switch (rule.kind) {
    case "tiered":
      return (
        <label className={ui.label}>
          等次
          <select name="tier" defaultValue={String(field(value, "tier") ?? "")} className={`${ui.input} max-w-xs`} {...aria}>
            <option value="">请选择</option>
            {rule.tiers.map((t) => <option key={t.label} value={t.label}>{t.label}（{t.points}分）</option>)}
          </select>
        </label>
      );
    case "binary":
      return (
        <fieldset className="text-sm" {...aria}>
          <legend className={ui.label}>{rule.question}</legend>
          <label className="mr-4"><input type="radio" name="met" value="true" defaultChecked={field(value, "met") === true} /> 是</label>
          <label><input type="radio" name="met" value="false" defaultChecked={field(value, "met") === false} /> 否</label>
        </fieldset>
      );
    case "ratio":
      return (
        <label className={ui.label}>
          {rule.label}（%，0–100）
          <input name="percent" type="number" min={0} max={100} step="0.01" inputMode="decimal" defaultValue={numberText(field(value, "value"), 100)} className={`${ui.input} w-40`} {...aria} />
        </label>
      );
    case "rank":
      return (
        <div className="space-y-2">
          <label className={ui.label}>
            {rule.label}
            <input name="value" type="number" min={0} step="any" defaultValue={numberText(field(value, "value"))} className={`${ui.input} w-40`} {...aria} />
          </label>
          <label className="text-sm"><input type="checkbox" name="noCases" defaultChecked={value !== null && field(value, "value") === null} /> 无案件</label>
        </div>
      );
    case "step":
    case "threshold":
      return (
        <label className={ui.label}>
          {rule.label}
          <input name="value" type="number" min={0} step="any" defaultValue={numberText(field(value, "value"))} className={`${ui.input} w-40`} {...aria} />
        </label>
      );
    case "manual":
      return (
        <div className="space-y-2">
          <label className={ui.label}>
            评分（0–{max}分）
            <input name="score" type="number" min={0} max={max} step="0.01" defaultValue={numberText(field(value, "score"))} className={`${ui.input} w-40`} {...aria} />
          </label>
          <label className={ui.label}>
            评分说明
            <textarea name="note" rows={2} maxLength={500} defaultValue={String(field(value, "note") ?? "")} className={ui.input} />
          </label>
        </div>
      );
    default:
      return null;
  }
}

export function ValueForm({ cell, rule, max, value, version, maxBytes, action, hidden, note, idPrefix = "", submitLabel = "保存" }: Props) {
  const { state, pending, onSubmit, errors } = useCollectForm(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="填报数值">
      {Object.entries(cell).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <HiddenInputs fields={hidden} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Fields rule={rule} max={max} value={value} invalid={Boolean(errors.value)} errorId={`${idPrefix}value-error`} />
      <FieldError id={`${idPrefix}value-error`} messages={errors.value} />
      {maxBytes !== null ? <EvidenceUploader cycleId={cell.cycleId} maxBytes={maxBytes} inputId={`${idPrefix}value-evidence`} /> : null}
      {note ? <NoteInput field={note} id={`${idPrefix}${note.name}`} errors={errors} /> : null}
      <ResultMessage state={state} />
      <button type="submit" disabled={pending} className={ui.btnPrimary}>{submitLabel}</button>
    </form>
  );
}
