"use client";

import { useActionState } from "react";
import { ui } from "@/components/ui/styles";
import type { IssueResult } from "@/app/(app)/cycles/[id]/reports/actions";

type Action = (prev: IssueResult | null, formData: FormData) => Promise<IssueResult>;

/** A form that issues initial reports: all ready units, or the units ticked in its children. */
export function IssueForm({ action, cycleId, label, confirm, children, testId }: { action: Action; cycleId: string; label: string; confirm: string; children?: React.ReactNode; testId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className="space-y-3"
      data-testid={testId}
      onSubmit={(event) => {
        if (!window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="cycleId" value={cycleId} />
      {children}
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      <button type="submit" className={ui.btnPrimary} disabled={pending}>
        {pending ? "正在送达…" : label}
      </button>
    </form>
  );
}
