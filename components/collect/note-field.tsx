import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";

/**
 * A required text a form carries besides its own fields — the office's 更正原因 on the correction
 * page. Its problems come back from the server under `name` and are shown beside it.
 */
export type NoteField = { name: string; label: string; maxLength: number; placeholder?: string };

export function NoteInput({ field, id, errors }: { field: NoteField; id: string; errors: Record<string, string[]> }) {
  const messages = errors[field.name];
  const described = messages ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
  return (
    <div>
      <label htmlFor={id} className={ui.label}>{field.label}</label>
      <textarea id={id} name={field.name} rows={2} required maxLength={field.maxLength} placeholder={field.placeholder} className={ui.input} {...described} />
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}

/** Extra hidden inputs (e.g. the source a correction is made for). */
export function HiddenInputs({ fields }: { fields?: Record<string, string | number> }) {
  if (!fields) return null;
  return (
    <>
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
    </>
  );
}
