import { ui } from "@/components/ui/styles";
import { formatDateCn, formatDateTimeCn } from "@/lib/clock";
import type { Workspace } from "@/lib/collection/data";
import { SUBMISSION_LABELS, timeLeft } from "./format";

/** The deadline and time left, the submission's state, and why the data is locked (if it is). */
export function WindowBanner({ workspace, at }: { workspace: Workspace; at: Date }) {
  const { cycle, submission, refusal } = workspace;
  const reopened = submission?.reopenedUntil && submission.reopenedUntil.getTime() === workspace.windowEnd.getTime();
  return (
    <section aria-label="报送期限" className={`${ui.card} space-y-2 text-sm`}>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-1">
        <span>
          报送截止：<strong>{formatDateCn(workspace.windowEnd)}</strong>
          {reopened ? <span className="ml-1 text-slate-600">（信用办已重新开放，原截止 {cycle.collectionDeadline}）</span> : null}
        </span>
        <span data-testid="time-left" className="font-medium">{timeLeft(workspace.windowEnd, at)}</span>
        <span>
          报送状态：<strong data-testid="submission-status">{SUBMISSION_LABELS[submission?.status ?? "draft"]}</strong>
          {submission?.submittedAt ? <span className="ml-1 text-slate-600">（{formatDateTimeCn(submission.submittedAt)}）</span> : null}
        </span>
      </div>
      {submission?.status === "returned" && submission.returnComment ? (
        <p className={ui.alertError}>信用办退回意见：{submission.returnComment}</p>
      ) : null}
      {refusal ? (
        <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-slate-800">
          <strong>已锁定：</strong>{refusal}
        </p>
      ) : null}
    </section>
  );
}
