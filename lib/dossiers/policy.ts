// How an archived result came about, and when a rectification may be changed. Pure: the pages and
// the mutations ask it.
import { isClosed, type RectificationFacts } from "./rectification";

export const FINAL_KINDS = ["initial", "revised", "adjusted"] as const;
export type FinalKind = (typeof FINAL_KINDS)[number];
export const FINAL_KIND_LABELS: Readonly<Record<FinalKind, string>> = {
  initial: "初评结果（确认或逾期）",
  revised: "复评结果",
  adjusted: "审批退回后调整",
};

export function finalKindLabel(kind: string): string {
  return FINAL_KIND_LABELS[kind as FinalKind] ?? kind;
}

/** Why the unit cannot report on the item now, or null when it can. */
export function rectifyRefusal(item: RectificationFacts): string | null {
  return isClosed(item) ? "该问题的整改已经信用办认可办结，不能再修改" : null;
}

/** Why the office cannot review the item now, or null when it can. */
export function reviewRefusal(item: RectificationFacts): string | null {
  if (item.review === "pending") return null;
  if (item.review === null) return "单位尚未报送该问题的整改情况，暂不能审核";
  return "该整改情况已经审核，需等单位重新报送后再审核";
}
