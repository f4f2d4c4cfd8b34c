"use client";

import { useState, type ReactNode } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { fieldId, useFieldErrors } from "./problems-context";

/*
 * Labelled inputs of the editor. Each has a visible label, its messages tied with
 * aria-describedby, and aria-invalid when it has any. `path` binds a field to the draft's
 * problems (id and messages from the JSON path); fact inputs pass `id` and `errors` instead.
 */

type Common = { label: string; srPrefix?: string; hint?: string; className?: string; path?: string; id?: string; errors?: string[] };

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600";

function useBinding({ path, id, errors }: Common) {
  const docErrors = useFieldErrors(path ?? "");
  const fieldIdValue = id ?? fieldId(path ?? "");
  const messages = errors ?? (path === undefined ? undefined : docErrors);
  const invalid = (messages?.length ?? 0) > 0;
  return {
    id: fieldIdValue,
    messages,
    props: {
      id: fieldIdValue,
      "aria-invalid": invalid ? true : undefined,
      "aria-describedby": invalid ? `${fieldIdValue}-error` : undefined,
    },
  };
}

function Frame({ id, label, srPrefix, hint, className, messages, children }: Common & { id: string; messages?: string[]; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={ui.label}>
        {srPrefix ? <span className="sr-only">{srPrefix}</span> : null}
        {label}
      </label>
      {children}
      {hint ? <p className="mt-0.5 text-xs text-slate-500">{hint}</p> : null}
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}

export function TextField(props: Common & { value: string | undefined; onChange: (value: string) => void; placeholder?: string }) {
  const { id, messages, props: aria } = useBinding(props);
  return (
    <Frame {...props} id={id} messages={messages}>
      <input {...aria} type="text" className={input} value={props.value ?? ""} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />
    </Frame>
  );
}

export function TextAreaField(props: Common & { value: string | undefined; onChange: (value: string) => void; rows?: number }) {
  const { id, messages, props: aria } = useBinding(props);
  return (
    <Frame {...props} id={id} messages={messages}>
      <textarea {...aria} rows={props.rows ?? 2} className={input} value={props.value ?? ""} onChange={(e) => props.onChange(e.target.value)} />
    </Frame>
  );
}

export function SelectField<T extends string>(
  props: Common & { value: T | undefined; options: readonly { value: T; label: string }[]; onChange: (value: T) => void; placeholder?: string },
) {
  const { id, messages, props: aria } = useBinding(props);
  const known = props.options.some((option) => option.value === props.value);
  return (
    <Frame {...props} id={id} messages={messages}>
      <select {...aria} className={input} value={props.value ?? ""} onChange={(e) => props.onChange(e.target.value as T)}>
        {!known ? <option value={props.value ?? ""}>{props.placeholder ?? "请选择"}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

function shown(value: number | undefined | null): string {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}

/** Text → number: empty is undefined when optional, else NaN (which the engine's schema words as "必须是数字"). */
export function parseNumber(text: string, optional: boolean): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return optional ? undefined : Number.NaN;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * A number typed as text: the text stays as typed ("0.", "") while the draft holds its value
 * (NaN while it is not a number), and follows the draft when the draft changes elsewhere.
 */
export function NumberField(
  props: Common & { value: number | undefined; onChange: (value: number | undefined) => void; optional?: boolean; placeholder?: string },
) {
  const { id, messages, props: aria } = useBinding(props);
  const optional = props.optional ?? false;
  const [text, setText] = useState(shown(props.value));
  const [seen, setSeen] = useState(props.value);
  if (!Object.is(seen, props.value)) {
    setSeen(props.value);
    if (!Object.is(parseNumber(text, optional), props.value)) setText(shown(props.value));
  }
  return (
    <Frame {...props} id={id} messages={messages}>
      <input
        {...aria}
        type="text"
        inputMode="decimal"
        className={input}
        value={text}
        placeholder={props.placeholder}
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(parseNumber(e.target.value, optional));
        }}
      />
    </Frame>
  );
}

export function CheckboxField({ label, checked, onChange, id, srPrefix }: { label: string; checked: boolean; onChange: (checked: boolean) => void; id?: string; srPrefix?: string }) {
  return (
    <label className="flex items-center gap-1.5 text-sm" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {srPrefix ? <span className="sr-only">{srPrefix}</span> : null}
      {label}
    </label>
  );
}

/** Small icon-less buttons for list rows (move up/down, remove), each with a full accessible name. */
export function RowButton({ label, text, onClick, disabled }: { label: string; text: string; onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" aria-label={label} title={label} onClick={onClick} disabled={disabled} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-40">
      {text}
    </button>
  );
}
