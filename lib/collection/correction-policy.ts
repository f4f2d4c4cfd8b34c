// When the office may correct a unit's facts (spec/workflow.md "Cycle states"). Pure.
import { CYCLE_STATE_LABELS, isCycleState } from "@/lib/cycles/workflow";
import { formatDateTimeCn } from "@/lib/clock";

/**
 * The states in which facts are corrected: scoring; feedback (for a re-evaluation request under
 * review); approval (for a unit a reviewer sent back, until the office has handled it).
 */
export const CORRECTION_STATES = ["scoring", "feedback", "approval"] as const;

/**
 * Why the unit's facts cannot be corrected now, or null when they can. `reopened`: the unit's
 * re-evaluation request is under review, or a reviewer sent the unit back and it is not yet handled.
 */
export function correctionRefusal(cycleStatus: string, issuedAt: Date | null, reopened = false): string | null {
  if (!(CORRECTION_STATES as readonly string[]).includes(cycleStatus)) {
    const label = isCycleState(cycleStatus) ? CYCLE_STATE_LABELS[cycleStatus] : cycleStatus;
    return cycleStatus === "collecting"
      ? "数据归集尚未结束，请由数据来源单位自行修改报送数据；信用办只在评分阶段更正数据"
      : `该评价周期处于“${label}”阶段，不能更正指标数据；只有评分、反馈和结果审批阶段可以更正`;
  }
  if (cycleStatus === "approval" && !reopened) return "结果审批阶段只能更正被审批退回、尚未处理的单位的数据";
  // Once issued, facts change only to carry out an upheld re-evaluation request under review.
  if (issuedAt && !reopened) return `该单位的初评结果已于${formatDateTimeCn(issuedAt)}送达，数据不能再更正（复评申请审核期间和审批退回后除外）`;
  return null;
}
