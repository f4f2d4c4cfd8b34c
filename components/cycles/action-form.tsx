"use client";

import { useFormAction, type FormAction } from "@/components/users/use-form-action";
import { ui } from "@/components/ui/styles";

export type CycleActionData = { message: string; unmatched?: { name: string; slots: string[] }[] };
export type CycleAction = FormAction<CycleActionData>;

type Props = {
  action: CycleAction;
  hidden: Record<string, string | number>;
  label: string;
  pendingLabel?: string;
  tone?: "primary" | "secondary" | "danger" | "link";
  className?: string;
  children?: React.ReactNode;
  /** Shown after success instead of the action's own message. */
  quiet?: boolean;
  testId?: string;
  /** The button's accessible name where the visible label alone is ambiguous (e.g. one per row). */
  ariaLabel?: string;
  /** Asked before an irreversible step: what will happen; the action runs only when confirmed. */
  confirm?: string;
};

const TONES = { primary: ui.btnPrimary, secondary: ui.btnSecondary, danger: ui.btnDanger, link: "text-sm text-brand-700 underline hover:text-brand-800 disabled:opacity-60" };

/** A small form for one cycle action: hidden ids, optional fields, a button, and the server's answer. */
export function CycleActionForm({ action, hidden, label, pendingLabel, tone = "secondary", className, children, quiet, testId, ariaLabel, confirm }: Props) {
  const { state, pending, onSubmit: submit } = useFormAction(action);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    if (confirm && !window.confirm(confirm)) {
      event.preventDefault();
      return;
    }
    submit(event);
  };
  const problems = state && !state.ok ? Object.values(state.fieldErrors ?? {}).flat() : [];
  return (
    <form onSubmit={onSubmit} className={className ?? "space-y-2"} data-testid={testId}>
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {children}
      <button type="submit" disabled={pending} className={TONES[tone]} aria-label={ariaLabel}>{pending ? (pendingLabel ?? "正在处理…") : label}</button>
      {state && !state.ok ? (
        <div role="alert" className={ui.alertError}>
          <p>{state.error}</p>
          {problems.length > 1 || (problems.length === 1 && problems[0] !== state.error) ? (
            <ul className="mt-1 list-disc pl-5">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
          ) : null}
        </div>
      ) : null}
      {state?.ok && !quiet ? <p role="status" className={ui.alertOk}>{state.data.message}</p> : null}
    </form>
  );
}
