"use client";

import { useState, useTransition } from "react";
import { publishSchemeAction, type SchemeCheckResult } from "@/app/(app)/schemes/actions";
import { ui } from "@/components/ui/styles";
import { fieldErrorsToProblems } from "@/lib/schemes/problems";
import { ProblemList } from "./problem-list";

type Props = { id: string; lock: number; errorCount: number; warningCount: number };

/** Publishing, after a confirmation that says what it means; errors block it. */
export function PublishForm({ id, lock, errorCount, warningCount }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<SchemeCheckResult | null>(null);
  const [pending, startTransition] = useTransition();
  const publish = () =>
    startTransition(async () => {
      setResult(await publishSchemeAction({ id, expectedLock: lock }));
    });
  const refused = result && !result.ok ? result : null;
  if (errorCount > 0) {
    return (
      <p className="text-sm text-red-800" data-testid="publish-blocked">
        该草稿还有{errorCount}处错误（见下方列表），修改后才能发布。
      </p>
    );
  }
  if (!confirming) {
    return (
      <button type="button" className={ui.btnPrimary} onClick={() => setConfirming(true)}>
        发布
      </button>
    );
  }
  return (
    <div className={`${ui.card} max-w-xl space-y-3`} role="dialog" aria-label="确认发布">
      <p className="text-sm">
        发布后，该版本<strong>不能再修改或删除</strong>（数据库层面禁止），评价周期可以固定使用它；以后如需调整，请从它新建版本。
      </p>
      {warningCount > 0 ? <p className="text-sm text-amber-800">该版本有{warningCount}条提醒（见下方列表），不影响发布，请确认已知晓。</p> : null}
      {refused ? <p role="alert" className={ui.alertError}>{refused.error}</p> : null}
      {refused ? <ProblemList title="不能发布的原因" tone="error" problems={fieldErrorsToProblems(refused.fieldErrors)} /> : null}
      <div className="flex gap-2">
        <button type="button" className={ui.btnPrimary} disabled={pending} onClick={publish}>
          {pending ? "正在发布…" : "确认发布"}
        </button>
        <button type="button" className={ui.btnSecondary} onClick={() => setConfirming(false)}>
          取消
        </button>
      </div>
    </div>
  );
}
