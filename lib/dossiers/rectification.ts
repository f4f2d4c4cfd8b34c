// Rectification (整改) of the problems listed in a unit's final report (spec/workflow.md "Approval,
// archive, dossier, volume"): the rows written at archiving, their states and how the dossier groups
// them. Pure: plain data in, plain data out.
import type { UnitReport } from "@/lib/reports/model";
import type { Prisma } from "@/prisma/generated/client/client";

export const RECTIFICATION_STATUSES = ["open", "in_progress", "done"] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Readonly<Record<RectificationStatus, string>> = { open: "未整改", in_progress: "整改中", done: "已完成" };

export const REVIEW_STATES = ["pending", "accepted", "returned"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_LABELS: Readonly<Record<ReviewState, string>> = { pending: "待审核", accepted: "已认可", returned: "已退回" };

export const CARRIED_FORWARD_HEADING = "上年度未完成整改";

/** One rectification row per problem of the archived report, in the report's order (position = index). */
export function rectificationRowsFor(entry: { id: string; organisationId: string; year: number; report: UnitReport }): Prisma.RectificationCreateManyInput[] {
  return entry.report.problems.map((item, position) => ({
    entryId: entry.id,
    organisationId: entry.organisationId,
    year: entry.year,
    position,
    indicatorCode: item.indicatorCode,
    problem: item.problem,
    suggestion: item.suggestion,
  }));
}

export type RectificationFacts = { status: RectificationStatus; review: string | null };

/** Done and accepted by the office: nothing more is asked of the unit. */
export function isClosed(item: RectificationFacts): boolean {
  return item.status === "done" && item.review === "accepted";
}

export type Stage = "todo" | "pending" | "returned" | "accepted" | "closed";
export const STAGE_TONES: Readonly<Record<Stage, string>> = {
  todo: "bg-amber-50 text-amber-900 ring-amber-200",
  pending: "bg-sky-50 text-sky-900 ring-sky-200",
  returned: "bg-red-50 text-red-800 ring-red-200",
  accepted: "bg-teal-50 text-teal-900 ring-teal-200",
  closed: "bg-green-50 text-green-800 ring-green-200",
};

/** Where an item stands, in words for its badge. */
export function rectificationStage(item: RectificationFacts): { stage: Stage; label: string } {
  const status = RECTIFICATION_STATUS_LABELS[item.status];
  if (isClosed(item)) return { stage: "closed", label: "已办结" };
  if (item.review === "pending") return { stage: "pending", label: `${status}，待信用办审核` };
  if (item.review === "returned") return { stage: "returned", label: `${status}，已退回，请重新报送` };
  if (item.review === "accepted") return { stage: "accepted", label: `${status}，进度已认可` };
  return { stage: "todo", label: "待报送整改情况" };
}

export type RectificationGroups<T> = {
  /** The items of the newest archived year. */
  current: { year: number; items: T[] } | null;
  /** Items of earlier years not closed yet, oldest year first: they stay open into the next year. */
  carried: T[];
  /** Closed items of earlier years, newest year first. */
  history: { year: number; items: T[] }[];
};

/**
 * Groups a dossier's rectification items by year, carrying forward what earlier years left open.
 * `latestYear` is the newest archived year (it may have no problems at all); null = no entry yet.
 */
export function groupRectifications<T extends RectificationFacts & { year: number; position: number }>(items: readonly T[], latestYear: number | null): RectificationGroups<T> {
  if (latestYear === null) return { current: null, carried: [], history: [] };
  const byOrder = [...items].sort((a, b) => a.year - b.year || a.position - b.position);
  const latest = latestYear;
  const earlier = byOrder.filter((i) => i.year < latest);
  const years = [...new Set(earlier.filter(isClosed).map((i) => i.year))].sort((a, b) => b - a);
  return {
    current: { year: latest, items: byOrder.filter((i) => i.year === latest) },
    carried: earlier.filter((i) => !isClosed(i)),
    history: years.map((year) => ({ year, items: earlier.filter((i) => i.year === year && isClosed(i)) })),
  };
}
