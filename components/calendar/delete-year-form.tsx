"use client";

import { useActionState, useState } from "react";
import { ui } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/actions/safe-action";

export type DeleteYearState = ActionResult<{ year: number }> | null;

type Props = { year: number; lock: string; action: (state: DeleteYearState, data: FormData) => Promise<DeleteYearState> };

/** Deleting a draft year, after a confirmation. Official years are never deleted. */
export function DeleteYearForm({ year, lock, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className={ui.btnSecondary} onClick={() => setConfirming(true)}>
        删除草稿年度
      </button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="lock" value={lock} />
      <span>确定删除{year}年的草稿及其全部日期？删除后不能恢复。</span>
      <button type="submit" className={ui.btnDanger} disabled={pending}>确认删除</button>
      <button type="button" className={ui.btnSecondary} onClick={() => setConfirming(false)}>取消</button>
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
    </form>
  );
}
