"use client";

import { useState } from "react";
import { ui } from "@/components/ui/styles";
import { ResultMessage, useCollectForm, type CollectAction } from "./use-collect-form";

/** Submits the source's data after a confirmation; a refusal lists every unanswered cell. */
export function SubmitForm({ cycleId, missing, action }: { cycleId: string; missing: number; action: CollectAction }) {
  const [open, setOpen] = useState(false);
  const { state, pending, onSubmit, errors } = useCollectForm(action, () => setOpen(false));
  return (
    <div className="space-y-3">
      {!open ? (
        <button type="button" className={ui.btnPrimary} onClick={() => setOpen(true)}>提交报送</button>
      ) : (
        <form onSubmit={onSubmit} className="space-y-2 rounded-md bg-amber-50 p-3 text-sm" aria-label="确认提交">
          <input type="hidden" name="cycleId" value={cycleId} />
          <p>{missing > 0 ? `还有 ${missing} 项未填报，提交会被拒绝。` : "提交后数据将锁定，如需修改须由信用办退回。"}确定提交吗？</p>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={ui.btnPrimary}>确认提交</button>
            <button type="button" className={ui.btnSecondary} onClick={() => setOpen(false)}>取消</button>
          </div>
        </form>
      )}
      <ResultMessage state={state} />
      {errors.cells ? (
        <ul className="list-disc pl-6 text-sm text-red-800" aria-label="未填报的项目">
          {errors.cells.map((c) => <li key={c}>{c}</li>)}
        </ul>
      ) : null}
    </div>
  );
}
