"use client";

import { useActionState, useState } from "react";
import { deleteSchemeDraftAction } from "@/app/(app)/schemes/actions";
import { ui } from "@/components/ui/styles";

/** Deleting a draft, after a confirmation. Published versions are never deleted. */
export function DeleteDraftForm({ id, lock }: { id: string; lock: number }) {
  const [state, formAction, pending] = useActionState(deleteSchemeDraftAction, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className={ui.btnSecondary} onClick={() => setConfirming(true)}>
        删除草稿
      </button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedLock" value={lock} />
      <span>确定删除这份草稿？删除后不能恢复。</span>
      <button type="submit" className={ui.btnDanger} disabled={pending}>确认删除</button>
      <button type="button" className={ui.btnSecondary} onClick={() => setConfirming(false)}>取消</button>
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
    </form>
  );
}
