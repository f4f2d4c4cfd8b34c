// The year's last steps as rules (spec/workflow.md "Cycle states", "Approval, archive, dossier,
// volume"; seed 004 Art. 11(6), seed 000 Arts. 11(5), 13). Pure: counts and dates in, refusals out.
import { formatDateTimeCn } from "@/lib/clock";
import { CYCLE_STATE_LABELS, isCycleState } from "@/lib/cycles/workflow";

/** How far each enrolled unit's result is from final, counted in SQL (lib/archive/data.ts). */
export type Finality = {
  enrolled: number;
  notIssued: number;
  /** Issued, no confirmation or request, window still running. */
  open: number;
  /** A re-evaluation request awaiting its decision. */
  requested: number;
  /** The latest window end among open units. */
  lastWindowEndsAt: Date | null;
  /** A few unit names per problem, for the message. */
  examples: { notIssued: string[]; open: string[]; requested: string[] };
};

const stateLabel = (status: string) => (isCycleState(status) ? CYCLE_STATE_LABELS[status] : status);

function names(list: readonly string[], count: number): string {
  const shown = list.slice(0, 5).join("、");
  return count > list.slice(0, 5).length ? `${shown}等` : shown;
}

/** Every reason the cycle cannot move into approval yet; empty when every unit's result is final. */
export function approvalBlockers(status: string, finality: Finality, scoringRunning: boolean): string[] {
  const out: string[] = [];
  if (status !== "feedback") out.push(`周期处于“${stateLabel(status)}”阶段，只有反馈与复评阶段的周期可以提交审批`);
  if (finality.enrolled === 0) out.push("该周期没有受评单位");
  if (finality.notIssued > 0) out.push(`${finality.notIssued}个单位尚未送达初评报告：${names(finality.examples.notIssued, finality.notIssued)}`);
  if (finality.open > 0) {
    const until = finality.lastWindowEndsAt ? `，最晚于${formatDateTimeCn(finality.lastWindowEndsAt)}截止` : "";
    out.push(`${finality.open}个单位仍在反馈期内${until}：${names(finality.examples.open, finality.open)}`);
  }
  if (finality.requested > 0) out.push(`${finality.requested}个单位的复评申请尚未作出决定：${names(finality.examples.requested, finality.requested)}`);
  if (scoringRunning) out.push("有评分正在进行，请等待其结束");
  return out;
}

export type ApprovalState = { status: string; approvedAt: Date | null; openSendBacks: number };

/** Why a reviewer cannot approve or send back now, or null. */
export function reviewRefusal(state: ApprovalState): string | null {
  if (state.status === "archived") return "该评价周期已归档";
  if (state.status !== "approval") return `周期处于“${stateLabel(state.status)}”阶段，尚未提交审批`;
  if (state.approvedAt) return `该评价周期的评价结果已于${formatDateTimeCn(state.approvedAt)}批准`;
  if (state.openSendBacks > 0) return `退回的${state.openSendBacks}个单位信用办尚未处理完毕，处理后再审批`;
  return null;
}

/** Why the office cannot handle a sent-back unit now, or null. */
export function resolveRefusal(status: string, resolvedAt: Date | null): string | null {
  if (status !== "approval") return `周期处于“${stateLabel(status)}”阶段，不能再处理退回的单位`;
  if (resolvedAt) return `该退回单位已于${formatDateTimeCn(resolvedAt)}处理`;
  return null;
}

/** Why the cycle cannot be archived now, or null. */
export function archiveRefusal(state: ApprovalState & { archiveRunning: boolean }): string | null {
  if (state.status === "archived") return "该评价周期已归档";
  if (state.status !== "approval") return `周期处于“${stateLabel(state.status)}”阶段，只有审批通过后才能归档`;
  if (!state.approvedAt) return "评价结果尚未经审批部门批准，不能归档";
  if (state.openSendBacks > 0) return `还有${state.openSendBacks}个退回单位未处理`;
  if (state.archiveRunning) return "归档正在进行，请等待其完成";
  return null;
}

/** How a unit's final result came about, as the dossier records it. */
export type FinalKind = "initial" | "revised" | "adjusted";
export const FINAL_KIND_LABELS: Readonly<Record<FinalKind, string>> = {
  initial: "初评即最终",
  revised: "复评后最终",
  adjusted: "审批退回后重新评分",
};

export function finalKindOf(unit: { adjustedAt: Date | null; requestDecided: boolean }): FinalKind {
  if (unit.adjustedAt) return "adjusted";
  return unit.requestDecided ? "revised" : "initial";
}

export const RECIPIENT_KINDS = ["party_committee", "peoples_congress", "government", "cppcc", "other"] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
/** Seed 000 Art. 13: the volume goes to the Party committee, people's congress, government and CPPCC. */
export const RECIPIENT_LABELS: Readonly<Record<RecipientKind, string>> = {
  party_committee: "市委",
  peoples_congress: "市人大常委会",
  government: "市政府",
  cppcc: "市政协",
  other: "其他",
};

/** The four bodies of seed 000 Art. 13 the volume has not yet been sent to. */
export function recipientsOutstanding(sent: readonly string[]): RecipientKind[] {
  return RECIPIENT_KINDS.filter((k) => k !== "other" && !sent.includes(k));
}
