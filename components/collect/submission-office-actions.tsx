"use client";

import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { ResultMessage, useCollectForm, type CollectAction } from "./use-collect-form";

type Props = {
  cycleId: string;
  sourceOrgId: string;
  status: "draft" | "submitted" | "returned";
  /** app/(app)/collect/office-actions.ts: returnSubmissionAction and reopenSubmissionAction. */
  returnAction: CollectAction;
  reopenAction: CollectAction;
  /** Suggested reopening end (YYYY-MM-DD, Beijing). */
  defaultUntil: string;
};

/** The office's "退回" (a submitted source, with a comment) and "重新开放" (with a reason and an end date). */
export function SubmissionOfficeActions({ cycleId, sourceOrgId, status, returnAction, reopenAction, defaultUntil }: Props) {
  const [open, setOpen] = useState<"return" | "reopen" | null>(null);
  const back = useCollectForm(returnAction, () => setOpen(null));
  const reopen = useCollectForm(reopenAction, () => setOpen(null));
  const ids = (
    <>
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="sourceOrgId" value={sourceOrgId} />
    </>
  );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {status === "submitted" ? <button type="button" className={ui.btnSecondary} onClick={() => setOpen("return")}>退回</button> : null}
        <button type="button" className={ui.btnSecondary} onClick={() => setOpen("reopen")}>重新开放</button>
      </div>
      {open === "return" ? (
        <form onSubmit={back.onSubmit} className="space-y-2" aria-label="退回报送">
          {ids}
          <label className="block text-sm">
            退回意见（信源单位可见）
            <textarea name="comment" rows={2} maxLength={500} className={ui.input} aria-describedby="comment-error" />
          </label>
          <FieldError id="comment-error" messages={back.errors.comment} />
          <button type="submit" disabled={back.pending} className={ui.btnDanger}>确认退回</button>
        </form>
      ) : null}
      {open === "reopen" ? (
        <form onSubmit={reopen.onSubmit} className="space-y-2" aria-label="重新开放报送">
          {ids}
          <label className="block text-sm">
            原因（写入审计日志，信源单位可见）
            <input name="reason" maxLength={500} className={ui.input} aria-describedby="reason-error" />
          </label>
          <FieldError id="reason-error" messages={reopen.errors.reason} />
          <label className="block text-sm">
            开放至（含当日）
            <input name="until" type="date" defaultValue={defaultUntil} className={`${ui.input} w-48`} aria-describedby="until-error" />
          </label>
          <FieldError id="until-error" messages={reopen.errors.until} />
          <button type="submit" disabled={reopen.pending} className={ui.btnPrimary}>确认重新开放</button>
        </form>
      ) : null}
      <ResultMessage state={back.state} />
      <ResultMessage state={reopen.state} />
    </div>
  );
}
