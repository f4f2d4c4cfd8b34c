// When staff may edit a report's problems and suggestions (pure; the mutation and the pages ask it).

const STATES_WITH_REPORTS = ["scoring", "feedback"];

/** Why the report's text cannot be edited now, or null when it can. */
export function textEditRefusal(cycleStatus: string, issuedAt: Date | null): string | null {
  if (!STATES_WITH_REPORTS.includes(cycleStatus)) return "该评价周期不在评分或反馈阶段，报告不能修改";
  if (issuedAt) return "初评报告已送达，内容已冻结，不能再修改";
  return null;
}

/** Issuing happens in the same states as editing. */
export function canIssueIn(cycleStatus: string): boolean {
  return STATES_WITH_REPORTS.includes(cycleStatus);
}
