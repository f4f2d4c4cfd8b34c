import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { loadReportInput, loadUnitReport, type ReportWhich } from "./load";
import { buildReport, type ReportInput, type UnitReport } from "./model";
import { textEditRefusal } from "./policy";

/*
 * Who reads which report (spec/access.md): office staff every unit's current report; reviewers only
 * in cycles under approval or archived; a unit only its own, and only once issued (the issued
 * version, or the revised one once its request is decided — never a draft). Anyone else — or anything not found — gets null, shown as 404.
 */

export const REVIEWER_STATES = ["approval", "archived"];

export type ReportAccess = { report: UnitReport; which: ReportWhich; viewer: "office" | "reviewer" | "unit"; issuedAt: Date | null; cycleStatus: string };

export async function reportFor(actor: Actor, cycleId: string, unitId: string): Promise<ReportAccess | null> {
  const cu = await db().cycleUnit.findUnique({
    where: { cycleId_organisationId: { cycleId, organisationId: unitId } },
    select: { issuedAt: true, cycle: { select: { status: true } } },
  });
  if (!cu) return null;
  const status = cu.cycle.status;
  let viewer: ReportAccess["viewer"];
  let which: ReportWhich;
  if (hasPermission(actor.roles, "edit:reports:any")) {
    viewer = "office";
    which = "current";
  } else if (hasPermission(actor.roles, "read:results:any") && REVIEWER_STATES.includes(status)) {
    viewer = "reviewer";
    which = "current";
  } else if (hasPermission(actor.roles, "read:results:own") && actor.organisationId === unitId && cu.issuedAt) {
    viewer = "unit";
    // The issued initial report, or once its request is decided the revised (final) one.
    which = "final";
  } else {
    return null;
  }
  const report = await loadUnitReport(db(), cycleId, unitId, which);
  return report ? { report, which, viewer, issuedAt: cu.issuedAt, cycleStatus: status } : null;
}

/** The report as staff edit it: its input (the generated texts need the scheme and scores) and whether it is frozen. */
export async function reportForEditing(cycleId: string, unitId: string): Promise<{ input: ReportInput; report: UnitReport; refusal: string | null } | null> {
  const [input, head] = await Promise.all([
    loadReportInput(db(), cycleId, unitId, "current"),
    db().cycleUnit.findUnique({ where: { cycleId_organisationId: { cycleId, organisationId: unitId } }, select: { issuedAt: true, cycle: { select: { status: true } } } }),
  ]);
  if (!input || !head) return null;
  return { input, report: buildReport(input), refusal: textEditRefusal(head.cycle.status, head.issuedAt) };
}
