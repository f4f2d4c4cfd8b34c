// Who may read a cycle's results when (spec/workflow.md): the office from the first scoring run on;
// reviewers (the commissioning department) only once the cycle is up for approval or archived.
import { hasPermission, type UserRole } from "@/lib/auth/roles";
import type { CycleState } from "@/lib/cycles/workflow";

/** States in which a cycle has (or may have) results: scoring and everything after it. */
export const RESULT_STATES: readonly CycleState[] = ["scoring", "feedback", "approval", "archived"];
export const REVIEWER_STATES: readonly CycleState[] = ["approval", "archived"];

export function hasResultStates(status: CycleState): boolean {
  return RESULT_STATES.includes(status);
}

/** Anyone else is answered "not found", as if the cycle did not exist. */
export function canReadCycleResults(roles: readonly UserRole[], status: CycleState): boolean {
  if (!hasPermission(roles, "read:results:any")) return false;
  if (roles.includes("office")) return RESULT_STATES.includes(status);
  return REVIEWER_STATES.includes(status);
}

/** The states of the cycles whose results these roles may read (none for anyone else). */
export function readableResultStates(roles: readonly UserRole[]): readonly CycleState[] {
  if (!hasPermission(roles, "read:results:any")) return [];
  return roles.includes("office") ? RESULT_STATES : REVIEWER_STATES;
}
