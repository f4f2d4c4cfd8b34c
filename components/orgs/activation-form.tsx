"use client";

import { useActionState, useState } from "react";
import { ui } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/actions/safe-action";

type OrgFormState = ActionResult<{ id: string }> | null;

type Props = { id: string; version: number; active: boolean; action: (s: OrgFormState, d: FormData) => Promise<OrgFormState> };

/** Deactivate or reactivate, after a confirmation that says what will happen. */
export function ActivationForm({ id, version, active, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="space-y-2">
        <button type="button" className={active ? ui.btnDanger : ui.btnSecondary} onClick={() => setConfirming(true)}>
          {active ? "停用单位" : "重新启用"}
        </button>
        {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      </div>
    );
  }
  return (
    <form action={formAction} className={`${ui.card} max-w-xl space-y-3`}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="active" value={String(!active)} />
      <p className="text-sm">
        {active
          ? "停用后，该单位的账户将无法登录，新的评价周期不能再选择它；历年评价结果和档案全部保留，可随时重新启用。"
          : "重新启用后，该单位的账户可以再次登录，并可被纳入新的评价周期。"}
      </p>
      <label className="block text-sm">
        原因（写入审计日志）
        <input name="reason" required minLength={2} className={ui.input} />
      </label>
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={active ? ui.btnDanger : ui.btnPrimary}>
          {active ? "确认停用" : "确认启用"}
        </button>
        <button type="button" className={ui.btnSecondary} onClick={() => setConfirming(false)}>取消</button>
      </div>
    </form>
  );
}
