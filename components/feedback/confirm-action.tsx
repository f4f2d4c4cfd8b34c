"use client";

import { useActionState } from "react";
import { ui } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/actions/safe-action";

type Action = (prev: ActionResult<{ message: string }> | null, formData: FormData) => Promise<ActionResult<{ message: string }>>;

/** One button that asks before it acts (confirming or withdrawing cannot be undone). */
export function ConfirmAction({ action, cycleId, extra = {}, label, question, tone = "primary", testId }: { action: Action; cycleId: string; extra?: Record<string, string>; label: string; question: string; tone?: "primary" | "secondary"; testId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} data-testid={testId} className="space-y-2" onSubmit={(event) => {
      if (!window.confirm(question)) event.preventDefault();
    }}>
      <input type="hidden" name="cycleId" value={cycleId} />
      {Object.entries(extra).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className={tone === "primary" ? ui.btnPrimary : ui.btnSecondary} disabled={pending}>{pending ? "正在提交…" : label}</button>
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      {state?.ok ? <p role="status" className={ui.alertOk}>{state.data.message}</p> : null}
    </form>
  );
}
