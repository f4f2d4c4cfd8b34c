import Link from "next/link";
import { timeLeft } from "@/components/collect/format";
import { ui } from "@/components/ui/styles";
import { confirmResultAction, withdrawRequestAction } from "@/app/(app)/unit/[cycleId]/feedback-actions";
import { formatDateTimeCn } from "@/lib/clock";
import type { UnitFeedback } from "@/lib/feedback/data";
import { FEEDBACK_STATE_LABELS, feedbackState } from "@/lib/feedback/state";
import { ConfirmAction } from "./confirm-action";

/** The unit's window on its report: the deadline and time left, confirm, request, withdraw, or what became final. */
export function FeedbackPanel({ cycleId, feedback, at, indicatorNames }: { cycleId: string; feedback: UnitFeedback; at: Date; indicatorNames: Map<string, string> }) {
  const state = feedbackState(feedback, at);
  const ends = feedback.feedbackEndsAt;
  if (!ends) return null;
  return (
    <section aria-labelledby="feedback-title" className="no-print space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-brand-100" data-testid="feedback-panel">
      <h2 id="feedback-title" className="text-lg font-semibold">
        确认或申请复评 <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-sm font-normal" data-testid="feedback-state">{FEEDBACK_STATE_LABELS[state.kind]}</span>
      </h2>
      {ends ? (
        <p className="text-sm" data-testid="feedback-deadline">
          反馈截止：<strong>{formatDateTimeCn(ends)}</strong>（送达之日起第5个工作日24时）{state.kind === "open" ? <span className="ml-2 text-amber-800">{timeLeft(ends, at)}</span> : null}
        </p>
      ) : null}
      {state.kind === "open" ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">如对初评结果无异议，请确认；如有异议，可在截止前提出<strong>一次</strong>复评申请，写明有异议的指标和理由。逾期未反馈的，初评结果即为最终评价结果。</p>
          <div className="flex flex-wrap items-start gap-3">
            <ConfirmAction action={confirmResultAction} cycleId={cycleId} label="确认初评结果" question="确认后初评结果即成为最终评价结果，且不能再申请复评。确定确认吗？" testId="confirm-result" />
            <Link href={`/unit/${cycleId}/request`} className={ui.btnSecondary}>申请复评</Link>
          </div>
        </div>
      ) : null}
      {state.kind === "confirmed" ? <p className="text-sm">本单位已于{formatDateTimeCn(state.finalAt)}确认初评结果，初评结果即为最终评价结果。</p> : null}
      {state.kind === "lapsed" ? <p className="text-sm">反馈期已于{formatDateTimeCn(state.finalAt)}截止，本单位未确认也未申请复评，初评结果已成为最终评价结果。</p> : null}
      {state.kind === "withdrawn" ? <p className="text-sm">本单位已于{formatDateTimeCn(state.finalAt)}撤回复评申请，视为确认，初评结果即为最终评价结果。</p> : null}
      {feedback.request && (state.kind === "requested" || state.kind === "revised" || state.kind === "withdrawn") ? (
        <div className="space-y-2 text-sm" data-testid="request-summary">
          <p>本单位于{formatDateTimeCn(feedback.request.filedAt)}提出复评申请{state.kind === "requested" ? "，等待信用办复核" : ""}：</p>
          <ul className="list-disc space-y-1 pl-6">
            {feedback.request.items.map((item) => (
              <li key={item.indicatorCode}>
                <strong>{indicatorNames.get(item.indicatorCode) ?? item.indicatorCode}</strong>：{item.reason}
                {item.decision ? <span className="ml-2 text-slate-700">（{item.decision === "upheld" ? "采纳" : "不予采纳"}：{item.decisionReason}）</span> : null}
              </li>
            ))}
          </ul>
          {state.kind === "requested" ? (
            <ConfirmAction action={withdrawRequestAction} cycleId={cycleId} label="撤回复评申请" question="撤回后视为确认初评结果，且不能再次申请。确定撤回吗？" tone="secondary" testId="withdraw-request" />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
