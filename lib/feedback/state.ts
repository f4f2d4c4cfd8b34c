// A unit's feedback state after delivery (spec/workflow.md "The re-evaluation window"). Pure and
// derived from the time: when the window passes with no action the initial result is final by
// itself ("lapsed", final at the deadline) — no button or job has to run.
import { formatDateTimeCn } from "@/lib/clock";

export type FeedbackFacts = {
  issuedAt: Date | null;
  feedbackEndsAt: Date | null;
  confirmedAt: Date | null;
  request: { status: "filed" | "withdrawn" | "decided"; filedAt: Date; withdrawnAt: Date | null; decidedAt: Date | null } | null;
};

export type FeedbackState =
  | { kind: "not_issued" }
  | { kind: "open"; endsAt: Date }
  | { kind: "confirmed"; finalAt: Date }
  | { kind: "withdrawn"; finalAt: Date }
  | { kind: "requested"; filedAt: Date }
  | { kind: "revised"; finalAt: Date }
  | { kind: "lapsed"; finalAt: Date };

export const FEEDBACK_STATE_LABELS: Readonly<Record<FeedbackState["kind"], string>> = {
  not_issued: "未送达",
  open: "反馈期内",
  confirmed: "已确认",
  withdrawn: "撤回申请（视为确认）",
  requested: "已申请复评",
  revised: "复评完成",
  lapsed: "逾期未反馈（初评即最终）",
};

export function feedbackState(facts: FeedbackFacts, at: Date): FeedbackState {
  if (!facts.issuedAt || !facts.feedbackEndsAt) return { kind: "not_issued" };
  if (facts.confirmedAt) return { kind: "confirmed", finalAt: facts.confirmedAt };
  const request = facts.request;
  if (request?.status === "withdrawn") return { kind: "withdrawn", finalAt: request.withdrawnAt ?? request.filedAt };
  if (request?.status === "decided") return { kind: "revised", finalAt: request.decidedAt ?? request.filedAt };
  if (request?.status === "filed") return { kind: "requested", filedAt: request.filedAt };
  if (at.getTime() > facts.feedbackEndsAt.getTime()) return { kind: "lapsed", finalAt: facts.feedbackEndsAt };
  return { kind: "open", endsAt: facts.feedbackEndsAt };
}

/** The result is final (confirmed, withdrawn, revised or lapsed). */
export function isFinal(state: FeedbackState): boolean {
  return state.kind === "confirmed" || state.kind === "withdrawn" || state.kind === "revised" || state.kind === "lapsed";
}

/** Why the unit cannot act now, or null when it may confirm or file its one request. */
export function actionRefusal(state: FeedbackState, endsAtText: string): string | null {
  switch (state.kind) {
    case "open":
      return null;
    case "not_issued":
      return "初评报告尚未送达";
    case "lapsed":
      return `反馈期已于${endsAtText}截止，初评结果已成为最终结果，不能再确认或申请复评`;
    case "requested":
    case "revised":
    case "withdrawn":
      return "本单位已提出过复评申请，每个评价周期只能申请一次";
    case "confirmed":
      return "本单位已确认初评结果";
  }
}

/** Why the unit cannot confirm, request or upload evidence at `at`, or null while its window is open. */
export function windowRefusal(facts: FeedbackFacts, at: Date): string | null {
  return actionRefusal(feedbackState(facts, at), facts.feedbackEndsAt ? formatDateTimeCn(facts.feedbackEndsAt) : "");
}
